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


def site_feed(index, request=None):
    return FeedPair(
        "Actualités du Club des Développeurs",
        "Tous les articles, webinaires et témoignages.",
        index.feed_url("rss", request=request),
        index.feed_url("atom", request=request),
    )


def kind_feed(index, kind, request=None):
    return FeedPair(
        f"{kind.plural} du Club des Développeurs",
        f"Seulement {kind.description}.",
        index.feed_url("rss", kind=kind, request=request),
        index.feed_url("atom", kind=kind, request=request),
    )


def theme_feed(index, theme, request=None):
    return FeedPair(
        f"#{theme.name} – Club des Développeurs",
        f"Les actualités, webinaires et témoignages du thème #{theme.name}.",
        index.feed_url("rss", theme=theme, request=request),
        index.feed_url("atom", theme=theme, request=request),
    )
