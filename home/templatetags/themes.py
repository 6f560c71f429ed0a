"""``{% load themes %}``: links to theme pages, from any template of any app.

Theme pages are served by a content app (the news index's routes), which says where through the
``club_theme_pages`` hook: a function ``(theme, request) -> url or ""``. The first address a hook
gives wins; without any, themes show as plain text.
"""

from django import template
from wagtail import hooks

from home.request_memo import once_per_request

register = template.Library()

THEME_PAGES_HOOK = "club_theme_pages"


def theme_page_url(theme, request=None):
    """The address of ``theme``'s page, or "" when no app serves theme pages on this site.

    Found once per request and theme: a listing shows the same few themes on many cards.
    """
    return once_per_request(
        request,
        "theme_page_urls",
        theme.slug,
        lambda: next(
            (url for hook in hooks.get_hooks(THEME_PAGES_HOOK) if (url := hook(theme, request))),
            "",
        ),
    )


@register.simple_tag(takes_context=True)
def theme_url(context, theme):
    """``{% theme_url theme %}``: ``/actualites/themes/economie-territoriale/``, or ""."""
    return theme_page_url(theme, context.get("request"))
