"""The sessions of a site, as the agenda, its calendars and the home page ask for them.

A session is a ``news.WebinarPage`` (its ``session_type`` says which kind). Every query starts from
``WebinarPage.objects.visible()`` (``home.querysets``): an unpublished, private, expired or
not-yet-live session leaves the agenda and the calendars at once. Sessions are annotated with
their end (``ends_at_db``), computed by the database, so that "upcoming" (not ended yet: one in
progress still counts) and "past" are filters, not Python loops. Both are ranges of the index on
``(starts_at, id)`` read in the order they are listed (``news_webinar_starts_at_id``), so that the
first rows cost the same whatever the number of sessions before or after them.
"""

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from home.models import Theme
from news.models import NewsPageTheme, WebinarPage
from news.models.webinar import ends_at_expression, not_ended

# How long an ended session stays in the subscribed calendars: a year of history, so that a
# calendar fetched every hour stays small after years of sessions.
CALENDAR_HISTORY = datetime.timedelta(days=365)
# The most sessions a subscribed calendar carries, whatever the agenda holds: the soonest ones
# not ended yet (the later ones join as these end) and the latest ones of the year of history.
# A network announces tens of sessions: these bounds only keep a calendar that calendar
# applications poll every hour small when an agenda holds far more.
CALENDAR_UPCOMING = 100
CALENDAR_PAST = 50


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
    """Sessions that have ended, most recent first.

    A session ends after it starts: the bound on ``starts_at`` lets the database read the index
    backwards from ``now`` instead of from the last announced session.
    """
    now = now or timezone.now()
    return queryset.filter(starts_at__lte=now, ends_at_db__lte=now).order_by("-starts_at", "-pk")


def in_calendars(queryset, now=None):
    """``[(id, last_published_at)]`` of the sessions a subscribed calendar carries: the
    ``CALENDAR_UPCOMING`` soonest not ended yet, and those of the ``CALENDAR_PAST`` latest ended
    that ended less than ``CALENDAR_HISTORY`` ago.

    Two queries, each the first rows of an index range whatever the number of sessions. The year
    is checked here rather than in the query: with both bounds on ``starts_at``, PostgreSQL
    misjudges the range and sorts every session of the year; one query with both lists as
    subqueries joined by ``OR`` makes it read every session.
    """
    now = now or timezone.now()
    since = now - CALENDAR_HISTORY
    fields = ("pk", "last_published_at")
    soonest = upcoming(queryset, now).values_list(*fields)[:CALENDAR_UPCOMING]
    latest = past(queryset, now).values_list(*fields, "ends_at_db")[:CALENDAR_PAST]
    recent = [(pk, published) for pk, published, ends_at in latest if ends_at > since]
    return sorted({*soonest, *recent})


def in_calendar_window(queryset, now=None):
    """Whether ``queryset`` has a session a calendar would carry (one query, stops at the first)."""
    since = (now or timezone.now()) - CALENDAR_HISTORY
    return not_ended(queryset, since).exists()


def session_themes(queryset):
    """The themes the sessions of ``queryset`` carry, in one query (for the theme filter).

    Whether a session carries each theme, not how many: the search for each theme stops at its
    first session, where counting them read every session of the site.
    """
    carried = NewsPageTheme.objects.filter(
        tag=OuterRef("pk"), content_object__in=queryset.order_by().values("pk")
    )
    return Theme.objects.filter(Exists(carried)).order_by("slug")
