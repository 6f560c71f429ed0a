"""The sessions of a site, as the agenda, its calendars and the home page ask for them.

A session is a ``news.WebinarPage`` (its ``session_type`` says which kind). Every query starts from
``WebinarPage.objects.visible()`` (``home.querysets``): an unpublished, private, expired or
not-yet-live session leaves the agenda and the calendars at once. Sessions are annotated with
their end (``ends_at_db``), computed by the database, so that "upcoming" (not ended yet: one in
progress still counts) and "past" are filters, not Python loops.
"""

import datetime

from django.utils import timezone

from home.models import Theme
from news.models import WebinarPage
from news.models.webinar import ends_at_expression, not_ended

# How long an ended session stays in the subscribed calendars: a year of history, so that a
# calendar fetched every hour stays small after years of sessions.
CALENDAR_HISTORY = datetime.timedelta(days=365)


def sessions(site_root=None, now=None):
    """Every session a visitor may see (under ``site_root``, a page, when given)."""
    queryset = WebinarPage.objects.visible(now)
    if site_root is not None:
        queryset = queryset.descendant_of(site_root)
    return queryset.annotate(ends_at_db=ends_at_expression())


def upcoming(queryset, now=None):
    """Sessions that have not ended yet, soonest first."""
    return not_ended(queryset, now or timezone.now()).order_by("starts_at", "pk")


def past(queryset, now=None):
    """Sessions that have ended, most recent first."""
    return queryset.filter(ends_at_db__lte=now or timezone.now()).order_by("-starts_at", "-pk")


def in_calendars(queryset, now=None):
    """Sessions a subscribed calendar carries: upcoming ones and those of the last year."""
    since = (now or timezone.now()) - CALENDAR_HISTORY
    return not_ended(queryset, since).order_by("starts_at", "pk")


def session_themes(queryset):
    """The themes the sessions of ``queryset`` carry, in one query (for the theme filter)."""
    return Theme.objects.with_counts(count=queryset)
