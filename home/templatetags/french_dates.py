"""``{% load french_dates %}``: the filters that write dates and times for people, in French.

``date_fr`` (``1er décembre 2020``), ``day_date_fr`` (``mardi 1er décembre 2020``), ``time_fr``
(``14 h``, ``14 h 30``), ``datetime_fr`` and ``duration_fr``: see ``home.formatting``. Use them
rather than Django's ``date`` and ``time`` filters, which write ``1 décembre`` and ``14 h 00``.
"""

from django import template

from home import formatting

register = template.Library()

FILTERS = ["date_fr", "day_date_fr", "time_fr", "datetime_fr", "duration_fr"]

for name in FILTERS:
    register.filter(name, getattr(formatting, name))
