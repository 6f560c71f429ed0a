"""What the agenda page's routes answer (the routes themselves are on ``AgendaPage``).

- the agenda: upcoming sessions grouped by month, then past sessions, filtered, in a constant
  number of queries whatever the number of sessions;
- the calendars (``.ics``): the sessions to come and those of the last year (the soonest and
  the latest when there are many: ``queries.in_calendars``), one theme's, one session's; with
  ``ETag`` and ``Last-Modified`` computed from two bounded queries (ids and publication dates)
  kept per generation (``home.page_cache.derived``), a 304 without body when nothing changed, and
  the feeds' cache lifetime (15 minutes), so that calendar applications polling every hour cost
  almost nothing; a calendar built once is kept in the shared cache under its ETag, so that the
  next client that has no copy costs no more.
"""

import hashlib
from itertools import groupby

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_safe

from agenda import calendars, queries
from agenda.filters import SessionFilter
from home.formatting import count_fr, month_fr
from home.models import Theme
from home.page_cache.derived import derived
from home.pagination import paginate

PAST_PER_PAGE = 10
# The upcoming sessions the page lists (the soonest); the calendars carry more
# (``queries.CALENDAR_UPCOMING``).
UPCOMING_SHOWN = 30
# How long clients and proxies may keep a calendar: the feeds' 15 minutes (``news.feeds``).
CACHE_SECONDS = 15 * 60
# How long the app servers keep a built calendar (its key changes with its content).
CALENDAR_CACHE_SECONDS = 24 * 3600
# Bump when the content of the calendars changes shape, so that clients fetch them again.
CALENDAR_FORMAT_VERSION = "1"


def site_root_of(agenda):
    """The page the agenda sits under (the home page): its sessions are that site's."""
    return agenda.get_parent()


def group_by_month(sessions):
    """``[{"label": "décembre 2026", "sessions": [...]}, ...]`` in the order of ``sessions``."""
    return [
        {"label": label, "sessions": list(group)}
        for label, group in groupby(sessions, key=lambda page: month_fr(page.starts_at))
    ]


def agenda_context(agenda, request):
    """``/agenda/``: upcoming sessions by month, then past sessions, most recent first."""
    now = timezone.now()
    all_sessions = queries.sessions(site_root_of(agenda), now)
    # The themes sessions carry, with their counts: an aggregate that grows with the site,
    # counted once per generation (``home.page_cache.derived``).
    themes = derived(
        request, "agenda-themes", lambda: list(queries.session_themes(all_sessions)), agenda.pk
    )
    filterset = SessionFilter(request.GET, all_sessions, themes=themes)
    if not filterset.is_valid():
        raise Http404("Ce filtre ne correspond à aucune session.")
    sessions = filterset.qs
    upcoming_sessions = queries.upcoming(sessions, now)
    upcoming = list(upcoming_sessions.for_cards()[: UPCOMING_SHOWN + 1])
    upcoming_count = len(upcoming)
    if upcoming_count > UPCOMING_SHOWN:
        # Counting every announced session grows with the agenda: counted once per generation,
        # as the listings' totals are (``paginate``'s ``count_key``).
        upcoming_count = derived(
            request,
            "agenda-upcoming-count",
            upcoming_sessions.count,
            *filterset.count_key(agenda.pk),
        )
        upcoming = upcoming[:UPCOMING_SHOWN]
    past_page = paginate(
        request,
        queries.past(sessions, now).for_cards(),
        PAST_PER_PAGE,
        count_key=filterset.count_key(agenda.pk, "past"),
    )
    filtered = filterset.is_filtered
    return {
        "filter_form": filterset.form,
        "is_filtered": filtered,
        "months": group_by_month(upcoming),
        "upcoming_count": upcoming_count,
        "upcoming_label": count_fr(
            upcoming_count, "session à venir", "sessions à venir", "Aucune session à venir"
        ),
        "upcoming_more": upcoming_count - len(upcoming),
        "upcoming_shown": len(upcoming),
        # The calendar carries the soonest ``CALENDAR_UPCOMING``: the page says so when it holds
        # more.
        "calendar_upcoming": min(upcoming_count, queries.CALENDAR_UPCOMING),
        "calendar_holds_all": upcoming_count <= queries.CALENDAR_UPCOMING,
        "upcoming_empty": (
            "Aucune session à venir ne correspond à ces critères. Essayez d'effacer un filtre."
            if filtered
            else "Aucune session n'est programmée pour le moment. Abonnez-vous à l'agenda pour "
            "voir les prochaines dès leur annonce."
        ),
        "page_obj": past_page,
        "past_sessions": past_page.object_list,
        "past_empty": (
            "Aucune session passée ne correspond à ces critères."
            if filtered
            else "Aucune session n'a encore eu lieu."
        ),
        "now": now,
        "calendar_links": subscription_links(agenda, request, filterset.chosen_theme),
        "calendar_url": agenda.calendar_url(request),
    }


def subscription_links(agenda, request, theme=None):
    """The ``webcal://`` and ``https://`` addresses of the agenda's calendar (or a theme's)."""
    url = agenda.calendar_url(request, theme)
    return {"webcal": webcal(url), "ics": url, "theme": theme}


def webcal(url):
    """The same address with the ``webcal://`` scheme, which opens the calendar application."""
    scheme, _, rest = url.partition("://")
    return f"webcal://{rest}" if scheme in ("http", "https") else url


# Calendars ----------------------------------------------------------------------------------
class CalendarState:
    """What one request needs to know about one calendar, computed once.

    The ETag and Last-Modified come from the ids and publication dates of the calendar's sessions
    (``queries.in_calendars``, two bounded queries, kept per generation): the count and the sum of ids change when a
    session joins or leaves (published, unpublished, made private, expired, a year old, or pushed
    past the calendar's bound by sooner ones), the latest publication date when any of them is
    published again (an edit, a new time, a cancellation). The agenda page's own publication (its
    title names the calendar) counts too.
    """

    def __init__(self, agenda, request, theme_slug=None):
        self.agenda = agenda
        self.theme = None
        queryset = queries.sessions(site_root_of(agenda))
        if theme_slug is not None:
            # Any existing theme answers, even with no session yet: a subscription made from a
            # theme page keeps working when its last session is unpublished.
            self.theme = get_object_or_404(Theme, slug=theme_slug[:100])
            queryset = queryset.filter(tagged_themes__tag=self.theme)
        # Kept per generation, as the page's counts are: a publication changes it at once, the
        # clock (a session ending, a year passing) within ``PAGE_CACHE_SECONDS``.
        carried = derived(
            request,
            "agenda-calendar",
            lambda: queries.in_calendars(queryset),
            agenda.pk,
            self.theme.pk if self.theme else "",
        )
        self.sessions = queryset
        self.ids = [pk for pk, _ in carried]
        self.fingerprint = [len(self.ids), sum(self.ids)]
        dates = [date for _, date in carried if date]
        if agenda.last_published_at:
            dates.append(agenda.last_published_at)
        self.last_modified = max(dates) if dates else None

    def etag(self):
        parts = [
            CALENDAR_FORMAT_VERSION,
            f"{self.theme.slug}:{self.theme.name}" if self.theme else "",
            *map(str, self.fingerprint),
            self.last_modified.isoformat() if self.last_modified else "",
        ]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]

    def content(self, request):
        site_name = "Club des Développeurs"
        if self.theme:
            name = f"{site_name} – #{self.theme.name}"
            summary = f"Les sessions du {site_name} de Nouvelle-Aquitaine sur le thème "
            summary += f"#{self.theme.name}."
        else:
            name = f"{site_name} – {self.agenda.title}"
            summary = f"Les webinaires, sessions collectives et ateliers du {site_name} de "
            summary += "Nouvelle-Aquitaine."
        return calendars.build_calendar(
            self.sessions.filter(pk__in=self.ids).order_by("starts_at", "pk").for_cards(),
            request,
            name=name,
            summary=summary,
            url=self.agenda.get_full_url(request),
            source=self.agenda.calendar_url(request, self.theme),
        )


def _conditional(request, etag, last_modified, respond):
    """``respond()`` behind conditional GET and the feeds' cache lifetime."""

    @require_safe
    @cache_control(max_age=CACHE_SECONDS, public=True)
    @condition(etag_func=lambda request: etag, last_modified_func=lambda request: last_modified)
    def view(request):
        return respond()

    return view(request)


def calendar_response(content, filename, as_attachment):
    """A calendar to show or subscribe to (inline) or a file to save (attachment)."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response


def cached_content(request, etag, build):
    """The bytes ``build()`` returns, kept in the shared cache under the ETag.

    The ETag changes whenever the content would (see ``CalendarState``), so a stored copy is never
    stale, whichever app server stored it; the address a client used (scheme and host, which the
    absolute links carry) is part of the key.
    """
    key = f"agenda:ics:{request.scheme}:{request.get_host()}:{etag}"
    content = cache.get(key)
    if content is None:
        content = build()
        cache.set(key, content, CALENDAR_CACHE_SECONDS)
    return content


def serve_calendar(agenda, request, theme_slug=None):
    """``agenda.ics`` or ``themes/<slug>/agenda.ics``: a calendar to subscribe to (inline)."""
    state = CalendarState(agenda, request, theme_slug)
    filename = f"agenda-{state.theme.slug}.ics" if state.theme else "agenda.ics"
    etag = state.etag()

    def respond():
        content = cached_content(request, etag, lambda: state.content(request))
        return calendar_response(content, filename, as_attachment=False)

    return _conditional(request, etag, state.last_modified, respond)


def serve_session_calendar(agenda, request, page_id):
    """``sessions/<id>.ics``: one session, to add to one's calendar (a file to open)."""
    session = (
        queries.sessions(site_root_of(agenda)).filter(pk=page_id).for_cards().first()
        if page_id < 2**31
        else None
    )
    if session is None:
        raise Http404("Cette session n'existe pas ou n'est plus publiée.")
    parts = [CALENDAR_FORMAT_VERSION, str(session.pk), str(session.sequence)]
    parts.append(session.last_published_at.isoformat() if session.last_published_at else "")
    etag = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]

    def respond():
        content = calendars.build_calendar(
            [session],
            request,
            name=session.title,
            summary=session.introduction,
            url=session.get_full_url(request),
        )
        return calendar_response(content, f"{session.slug}.ics", as_attachment=True)

    return _conditional(request, etag, session.last_published_at, respond)
