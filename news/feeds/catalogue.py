"""The feeds of a news index, as the "Flux RSS" page and the autodiscovery links show them.

Addresses come from the news index page (``NewsIndexPage.feed_url``), so they follow it when
editors move or rename it. They are paths; ``news.feeds.views`` makes them absolute.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class FeedPair:
    """One feed in its two formats."""

    title: str
    description: str
    rss: str
    atom: str


def _pair(index, title, description, request, **which):
    """``which``: ``kind=`` or ``theme=``, or nothing for all news."""
    return FeedPair(
        title,
        description,
        index.feed_url("rss", request=request, **which),
        index.feed_url("atom", request=request, **which),
    )


def site_feed(index, request=None):
    return _pair(
        index,
        "Actualités du Club des Développeurs",
        "Tous les articles, webinaires et témoignages.",
        request,
    )


def kind_feed(index, kind, request=None):
    return _pair(
        index,
        f"{kind.plural} du Club des Développeurs",
        f"Seulement {kind.description}.",
        request,
        kind=kind,
    )


def theme_feed(index, theme, request=None):
    return _pair(
        index,
        f"#{theme.name} – Club des Développeurs",
        f"Les actualités, webinaires et témoignages du thème #{theme.name}.",
        request,
        theme=theme,
    )
