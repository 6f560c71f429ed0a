"""iCalendar (RFC 5545) files of the sessions, built with the ``icalendar`` library.

https://icalendar.readthedocs.io/ writes what RFC 5545 asks of the text itself (lines folded at 75
octets, CRLF line ends, commas, semicolons, backslashes and newlines escaped); this module decides
what each event says:

- ``UID``: ``session-<page id>@<FEED_TAG_AUTHORITY>``, from the page's primary key and the setting
  that also owns the feeds' ids, never from a slug, a URL or a title, so that an edited, renamed
  or moved session updates the copy in subscribers' calendars instead of duplicating it;
- ``DTSTART`` / ``DTEND`` in Europe/Paris, with the ``VTIMEZONE`` that defines it (every client,
  wherever it is, gets the right instant, summer and winter alike);
- ``SEQUENCE`` from ``WebinarPage.sequence`` (grows when the time, length or cancellation changes)
  and ``STATUS`` ``CONFIRMED`` or ``CANCELLED``: a cancelled session stays in the calendar as
  cancelled, so that subscribers' applications strike it out rather than keep it;
- ``DTSTAMP`` and ``LAST-MODIFIED`` from the last publication, so that the same content always
  gives the same bytes (and the ``ETag`` computed from the database stays truthful).

The text of an event never depends on the clock (the registration link stays after the session),
for the same reason. Calendar-level properties: ``X-WR-CALNAME`` / ``NAME``, ``X-WR-TIMEZONE``,
``REFRESH-INTERVAL`` / ``X-PUBLISHED-TTL`` (how often a client should fetch it again).
"""

import datetime
import re
import zoneinfo

import icalendar
from django.conf import settings

PRODID = "-//Club des Développeurs de Nouvelle-Aquitaine//Agenda//FR"
TZID = "Europe/Paris"
PARIS = zoneinfo.ZoneInfo(TZID)
# How often a subscribed client should fetch the calendar again.
REFRESH_INTERVAL = datetime.timedelta(hours=1)
# Characters iCalendar text cannot carry (controls but tab and newline).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def session_uid(page):
    """The ``UID`` of a session: ``session-42@club-developpeurs-nouvelle-aquitaine.fr``."""
    return f"session-{page.pk}@{settings.FEED_TAG_AUTHORITY}"


def plain_text(value):
    """``value`` as iCalendar text: Unix newlines, no control characters, no surrounding space."""
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARS.sub("", text).strip()


def location(page):
    """Where to go: the venue, the online link, or both for a hybrid session."""
    online = page.online_url or "En ligne"
    if page.attendance == "onsite":
        return page.venue
    if page.attendance == "hybrid" and page.venue:
        return (
            f"{page.venue} (ou en ligne : {page.online_url})"
            if page.online_url
            else (f"{page.venue} (ou en ligne)")
        )
    return online


def description(page, url):
    """The introduction, then how to attend, register and read more, in plain text."""
    parts = []
    if page.cancelled:
        parts.append("Session annulée : elle n'aura pas lieu.")
    parts.append(page.introduction)
    how = page.get_attendance_display()
    parts.append(f"{page.kind_label}, {how.lower()}" + (f" : {page.venue}" if page.venue else "."))
    if page.online_url:
        parts.append(f"Connexion : {page.online_url}")
    if page.registration_url and not page.cancelled:
        parts.append(f"Inscription : {page.registration_url}")
    parts.append(f"Plus d'informations : {url}")
    return plain_text("\n\n".join(part for part in parts if part))


def session_event(page, request):
    """The ``VEVENT`` of one session (a ``news.WebinarPage``)."""
    url = page.get_full_url(request)
    # Never the clock: the same content must give the same bytes (see the module's docstring).
    revised = page.last_published_at or page.first_published_at or page.starts_at
    title = plain_text(page.title)
    event = icalendar.Event.new(
        uid=session_uid(page),
        summary=f"Annulée : {title}" if page.cancelled else title,
        start=page.starts_at.astimezone(PARIS),
        end=page.ends_at.astimezone(PARIS),
        stamp=revised.astimezone(datetime.UTC),
        last_modified=revised.astimezone(datetime.UTC),
        sequence=page.sequence,
        status="CANCELLED" if page.cancelled else "CONFIRMED",
        url=url,
        location=plain_text(location(page)) or None,
        description=description(page, url),
        categories=[page.kind_label, *(theme.name for theme in page.card_themes)],
    )
    if page.first_published_at:
        event.add("CREATED", page.first_published_at.astimezone(datetime.UTC))
    return event


def build_calendar(sessions, request, *, name, summary, url, source=None):
    """The bytes of a calendar of ``sessions`` (pages, ``tagged_themes`` prefetched).

    ``name`` and ``summary`` describe it to people, ``url`` is the page it comes from. A calendar to
    subscribe to has a ``source``, its own address (RFC 7986 ``SOURCE``), and says how often to
    fetch it again; a single session's file has neither.
    """
    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    name, summary = plain_text(name), plain_text(summary)
    # RFC 7986 properties, and the older X- names that Outlook and Google read; icalendar knows
    # no type for X- properties (nor for NAME), so they are given as text (escaped) and duration
    # explicitly.
    calendar.add("NAME", icalendar.vText(name))
    calendar.add("X-WR-CALNAME", icalendar.vText(name))
    calendar.add("DESCRIPTION", icalendar.vText(summary))
    calendar.add("X-WR-CALDESC", icalendar.vText(summary))
    calendar.add("X-WR-TIMEZONE", icalendar.vText(TZID))
    calendar.add("URL", url)
    if source is not None:
        calendar.add("SOURCE", source, parameters={"VALUE": "URI"})
        calendar.add("REFRESH-INTERVAL", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("X-PUBLISHED-TTL", icalendar.vDuration(REFRESH_INTERVAL))
    sessions = list(sessions)
    for page in sessions:
        calendar.add_component(session_event(page, request))
    if sessions:
        # The time zone's rules over the years of the events only, not since 1970. From the 1st
        # of January, so that the first observance is winter time: parsers built on dateutil
        # (vobject) misread a VTIMEZONE that opens in summer time.
        first = min(page.starts_at for page in sessions).astimezone(PARIS).year
        last = max(page.ends_at for page in sessions).astimezone(PARIS).year
        calendar.add_missing_timezones(
            first_date=datetime.date(first, 1, 1), last_date=datetime.date(last + 1, 12, 31)
        )
    return calendar.to_ical()
