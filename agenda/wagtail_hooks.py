"""What the agenda adds to the rest of the site, through hooks (the other apps name no agenda).

- ``club_home_sections``: "Prochaines sessions" on the home page (``home.sections``);
- ``club_session_links``: "Ajouter à mon agenda" on an upcoming session's page and card;
- ``club_theme_links``: "S'abonner à l'agenda" on a theme page that has sessions
  (both from ``news.extensions``);
- ``club_demo_content``: the agenda page and two example sessions (``agenda.demo``).

https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.utils import timezone
from wagtail import hooks

from agenda import demo, queries
from agenda.links import agenda_for
from agenda.views import subscription_links
from home.demo.loader import DEMO_CONTENT_HOOK
from home.page_cache.derived import derived
from home.sections import HOOK as HOME_SECTIONS_HOOK
from home.sections import HomeSection
from news.extensions import SESSION_LINKS_HOOK, THEME_LINKS_HOOK, ExtraLink
from news.models import WebinarPage

HOME_SESSION_COUNT = 3


@hooks.register(HOME_SECTIONS_HOOK)
def next_sessions_on_the_home_page(home_page, request):
    """The next three sessions (cancelled ones left out), or words saying there is none."""
    agenda = agenda_for(request)
    if agenda is None:
        return None
    now = timezone.now()
    upcoming = queries.upcoming(queries.sessions(home_page, now), now).exclude(cancelled=True)
    return HomeSection(
        "agenda/includes/home_sessions.html",
        {
            "agenda": agenda,
            "sessions": list(upcoming.for_cards()[:HOME_SESSION_COUNT]),
            "calendar_links": subscription_links(agenda, request),
        },
        order=20,
    )


@hooks.register(SESSION_LINKS_HOOK)
def add_to_my_calendar(page, request):
    """The session's ``.ics`` file, while the session is still to come and not cancelled."""
    if not isinstance(page, WebinarPage) or page.cancelled or not page.is_upcoming():
        return []
    if page.pk is None:  # a new session previewed before its first save has no file yet
        return []
    agenda = agenda_for(request) if request is not None else None
    if agenda is None:
        return []
    return [
        ExtraLink(
            "Ajouter à mon agenda",
            agenda.session_calendar_url(page, request),
            hidden=f" : « {page.title} »",
            download=True,
        )
    ]


@hooks.register(THEME_LINKS_HOOK)
def subscribe_to_a_theme(theme, request):
    """The theme's calendar, on a theme page whose theme some session carries."""
    agenda = agenda_for(request) if request is not None else None
    if agenda is None:
        return []
    has_sessions = derived(
        request,
        "agenda-theme-has-sessions",
        lambda: queries.in_calendar_window(
            queries.sessions(agenda.get_parent()).filter(tagged_themes__tag=theme)
        ),
        agenda.pk,
        theme.pk,
    )
    if not has_sessions:
        return []
    links = subscription_links(agenda, request, theme)
    return [
        ExtraLink("S'abonner à l'agenda", links["webcal"], hidden=f" des sessions {theme.hashtag}"),
        ExtraLink("Adresse du calendrier (.ics)", links["ics"], hidden=f" {theme.hashtag}"),
    ]


# After the news' demo content (it needs the home page and the news index), before the editorial
# setup.
hooks.register(DEMO_CONTENT_HOOK, demo.load, order=30)
