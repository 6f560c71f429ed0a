"""The channel of each feed (title, link, stable id, logo) and Django's ``Feed`` classes.

A feed is a route of the news index page (see ``news.feeds.routes``): its links are built from
that page, so they follow it when editors move or rename it; its id never changes.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.templatetags.static import static
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape

from home.site_urls import absolute_url
from news.feeds.content import build_entries, tag_authority
from news.feeds.generators import NewsAtom, NewsRss
from news.feeds.state import feed_state
from news.kinds import LISTING_PARAM

SITE_NAME = "Club des Développeurs de Nouvelle-Aquitaine"
CACHE_SECONDS = 15 * 60
LOGO = "news/img/feed-logo.png"
# The tag URI date of the feeds' own ids: the day the Club was launched.
FEED_ID_DATE = "2020-11-19"


def channel_id(authority, path):
    """The feed's own id: ``tag:<authority>,2020-11-19:actualites/webinaires/flux``.

    A stable id, not an address: it keeps the ``actualites/`` of the news index's first address
    even after editors move or rename the page, so that readers never see the feed as a new one.
    """
    return f"tag:{authority},{FEED_ID_DATE}:actualites/{path}{'/' if path else ''}flux"


@dataclass
class Channel:
    """A feed's channel, with its items: the ``obj`` Django's ``Feed`` methods receive."""

    title: str
    description: str
    link: str
    feed_id: str
    feed_url: str
    logo: str
    entries: list


# Feeds -----------------------------------------------------------------------------------
class NewsRssFeed(Feed):
    """The RSS 2.0 feed of all news, of a kind (``kind``) or of a theme (``theme``)."""

    feed_type = NewsRss
    fmt = "rss"
    language = "fr"
    ttl = CACHE_SECONDS // 60
    author_name = SITE_NAME

    def get_object(self, request, index, kind=None, theme=None):
        """The channel of the feed served by ``index`` (the news index page) for this request."""
        state = feed_state(request, kind, theme)
        index_url = index.get_url(request)
        if state.theme:
            title = f"#{state.theme.name} : actualités du {SITE_NAME}"
            description = f"Les actualités, webinaires et témoignages du thème #{state.theme.name}."
            link = index.theme_url(state.theme, request)
            path = f"themes/{state.theme.slug}"
        elif state.kind:
            title = f"{state.kind.plural} du {SITE_NAME}"
            description = f"{state.kind.description[:1].upper()}{state.kind.description[1:]}."
            link = f"{index_url}?{LISTING_PARAM}={state.kind.slug}"
            path = state.kind.segment
        else:
            title = f"Actualités du {SITE_NAME}"
            description = (
                "Les articles, webinaires et témoignages du réseau des chefs de projet "
                "et développeurs territoriaux de Nouvelle-Aquitaine."
            )
            link = index_url
            path = ""
        return Channel(
            title=title,
            description=description,
            link=absolute_url(request, link),
            feed_id=channel_id(tag_authority(request), path),
            feed_url=absolute_url(request, request.path),
            logo=absolute_url(request, static(LOGO)),
            entries=build_entries(state.pages(), request, visible=state.visible),
        )

    # Channel
    def title(self, channel):
        return channel.title

    def link(self, channel):
        return channel.link

    def description(self, channel):
        return channel.description

    def subtitle(self, channel):
        return channel.description

    def feed_guid(self, channel):
        return channel.feed_id

    def feed_url(self, channel):
        return channel.feed_url

    def feed_extra_kwargs(self, channel):
        return {"logo": channel.logo}

    # Items
    def items(self, channel):
        return channel.entries

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        # Both formats carry the summary as HTML: the plain-text introduction is escaped once
        # here, so that "<" or "&" typed by an editor reach the reader as text.
        return escape(entry.summary)

    def item_guid(self, entry):
        return entry.guid

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.pubdate

    def item_updateddate(self, entry):
        return entry.updated

    def item_author_name(self, entry):
        return entry.author

    def item_categories(self, entry):
        return entry.categories

    def item_enclosures(self, entry):
        image = entry.enclosure
        if image is None:
            return []
        return [Enclosure(image.url, str(image.length), image.mime_type)]

    def item_extra_kwargs(self, entry):
        return {"content": entry.content}


class NewsAtomFeed(NewsRssFeed):
    """The Atom 1.0 twin of ``NewsRssFeed``."""

    feed_type = NewsAtom
    fmt = "atom"
