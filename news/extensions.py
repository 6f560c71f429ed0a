"""Links other apps add to the pages of the news, without the news knowing those apps.

The news sit below the apps that build on them (the agenda offers "Ajouter à mon agenda" on a
session and "S'abonner à l'agenda" on a theme page): such an app registers a function under one of
these Wagtail hooks, in its own ``wagtail_hooks.py``, and the news templates show whatever links
the hooks return (``{% session_links page %}``, ``{% theme_links theme %}`` from ``news_tags``)::

    @hooks.register("club_session_links")
    def add_to_calendar(page, request):
        return [ExtraLink("Ajouter à mon agenda", url, hidden=f" « {page.title} »")]

A function receives the page (or the theme) and the request and returns a list of ``ExtraLink``
(empty when it has nothing to add); it must not query the database per call beyond what it caches
on the request, since cards call it once per item.
https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from dataclasses import dataclass

from wagtail import hooks

SESSION_LINKS_HOOK = "club_session_links"
THEME_LINKS_HOOK = "club_theme_links"
#: Sections other apps add under the news listing and a theme page (``home.sections``): a function
#: ``(request, theme=None) -> HomeSection | None`` (the alerts' short subscription form).
LISTING_SECTIONS_HOOK = "club_news_listing_sections"


@dataclass(frozen=True)
class ExtraLink:
    """A link a page shows: its text, its address, and words only screen readers hear (``hidden``,
    to tell apart links of the same text on one page). ``download`` marks a file to save."""

    text: str
    url: str
    hidden: str = ""
    download: bool = False
    title: str = ""


def _collect(hook_name, obj, request):
    links = []
    for hook in hooks.get_hooks(hook_name):
        links.extend(hook(obj, request) or [])
    return links


def session_links(page, request):
    """The links every app adds to a session (a webinar page or its card)."""
    return _collect(SESSION_LINKS_HOOK, page, request)


def theme_links(theme, request):
    """The links every app adds to a theme's page."""
    return _collect(THEME_LINKS_HOOK, theme, request)
