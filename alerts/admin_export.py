"""CSV exports of what visitors typed, safe to open in a spreadsheet.

Wagtail's CSV export writes values as they are; a value starting with ``=``, ``+``, ``-`` or ``@``
would run as a formula in a spreadsheet (CSV injection, OWASP). Such values get a leading ``'``.
"""

from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class SafeExportIndexView(IndexView):
    def get_preprocess_function(self, field, value, export_format):
        if export_format == SpreadsheetExportMixin.FORMAT_CSV and isinstance(value, str):
            return neutralise
        return super().get_preprocess_function(field, value, export_format)
