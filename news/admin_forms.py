"""The admin form of the webinar page.

A new webinar's editor opens with a start time already proposed. Wagtail validates the editor's
form as soon as its preview or checks panel opens (the panel stays open from one page to the
next), and ``starts_at`` cannot be left empty even there, since a draft cannot be saved without
it (the column is NOT NULL): an empty start therefore showed "Prévisualisation indisponible" and
"Corrigez les erreurs de validation" on a page the writer had not touched.
https://docs.wagtail.org/en/stable/reference/pages/panels.html#customising-generated-forms
"""

import datetime

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

#: The start time proposed to a new webinar: a week ahead, at this hour (Paris).
PROPOSED_START_HOUR = 10
PROPOSED_START_DELAY = datetime.timedelta(days=7)


def proposed_start(now=None):
    """Same weekday next week, at 10:00 in the site's time zone."""
    day = timezone.localdate(now) + PROPOSED_START_DELAY
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(PROPOSED_START_HOUR)))


class WebinarPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance._state.adding and not self.instance.starts_at:
            self.initial["starts_at"] = proposed_start()
