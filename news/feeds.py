"""RSS 2.0 and Atom 1.0 feeds of the news: all of it, each kind, each theme.

Built on Django's syndication framework
(https://docs.djangoproject.com/en/5.2/ref/contrib/syndication/), with:

- generators that add what subscribers expect and Django leaves out: full content
  (``content:encoded`` / Atom ``content``), the site's logo, a stable id per item, and XML that
  stays valid whatever an editor typed (characters XML forbids are dropped);
- views that answer conditional requests (``ETag`` / ``Last-Modified``, 304 with no body) from one
  cheap aggregate query, and let readers cache for 15 minutes;
- items built in a constant number of queries (see ``news.feed_content``).

Nothing here touches the database at import time: querysets are built per request.
"""

import hashlib
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Count, F, Max
from django.http import Http404
from django.templatetags.static import static
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_safe

from home.models import Theme
from news.feed_content import build_entries, tag_authority, xml_text
from news.kinds import KINDS_BY_SEGMENT, LISTING_PARAM
from news.links import news_index_for
from news.models import NewsPage

SITE_NAME = "Club des Développeurs de Nouvelle-Aquitaine"
FEED_ITEMS = 20
CACHE_SECONDS = 15 * 60
LOGO = "news/img/feed-logo.png"
LOGO_SIZE = 144  # pixels, square; RSS allows 144 at most
# Bump when the markup of the feeds changes, so that readers fetch them again.
FEED_FORMAT_VERSION = "2"
# The tag URI date of the feeds' own ids: the day the Club was launched.
FEED_ID_DATE = "2020-11-19"


def published_news(now=None):
    """News a visitor may read now (``home.visibility``): live, public, not expired, not
    scheduled for later, whether or not ``publish_scheduled`` has run yet."""
    return NewsPage.objects.visible(now)


def feed_url(fmt, kind=None, theme=None):
    """The path of a feed: ``fmt`` is ``rss`` or ``atom``."""
    if theme is not None:
        return reverse(f"news_feeds:theme_{fmt}", kwargs={"theme": theme.slug})
    if kind is not None:
        return reverse(f"news_feeds:{kind.segment}_{fmt}")
    return reverse(f"news_feeds:all_{fmt}")


class FeedState:
    """What one request needs to know about one feed, computed once (see ``feed_state``).

    The ETag and Last-Modified come from a single aggregate query over the feed's pages: the
    count changes when a page is added, removed, unpublished, made private or expires; the latest
    publication date changes when any page is published again.
    """

    def __init__(self, kind=None, theme=None):
        self.kind = KINDS_BY_SEGMENT[kind] if kind else None
        self.theme = None
        if theme is not None:
            self.theme = Theme.objects.filter(slug=theme).first()
            if self.theme is None:
                raise Http404("Thème inconnu")
        # ``public()`` reads the view restrictions once, here; every later query reuses them.
        self.visible = published_news()
        queryset = self.visible
        if self.kind:
            queryset = queryset.type(self.kind.model)
        if self.theme:
            queryset = queryset.filter(tagged_themes__tag=self.theme)
        self.queryset = queryset
        stats = queryset.order_by().aggregate(count=Count("pk"), latest=Max("last_published_at"))
        self.count = stats["count"]
        self.last_modified = stats["latest"]

    def etag(self, fmt):
        parts = [
            FEED_FORMAT_VERSION,
            fmt,
            self.kind.segment if self.kind else "",
            f"{self.theme.slug}:{self.theme.name}" if self.theme else "",
            str(self.count),
            self.last_modified.isoformat() if self.last_modified else "",
        ]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]

    def pages(self):
        """The 20 latest pages, newest first (by date, then first publication), specific."""
        ordered = self.queryset.order_by(
            "-date", F("first_published_at").desc(nulls_last=True), "-pk"
        )
        return list(ordered.specific()[:FEED_ITEMS])


def feed_state(request, kind=None, theme=None):
    """The ``FeedState`` of this feed for this request, shared by the ETag, Last-Modified and
    the feed itself."""
    states = request.__dict__.setdefault("_news_feed_states", {})
    if (kind, theme) not in states:
        states[(kind, theme)] = FeedState(kind, theme)
    return states[(kind, theme)]


def news_index_url(request):
    index = news_index_for(request)
    url = index.get_url(request) if index else None
    return request.build_absolute_uri(url or "/")


@dataclass
class Channel:
    """A feed's channel, with its items: the ``obj`` Django's ``Feed`` methods receive."""

    title: str
    description: str
    link: str
    feed_id: str
    logo: str
    entries: list


# Generators ------------------------------------------------------------------------------
class CleanXmlMixin:
    """Drops characters XML 1.0 forbids from every text of the feed.

    Django refuses to write them (and a reader would refuse to parse them): without this, a
    control character pasted in a title would take the whole feed down.
    """

    @staticmethod
    def _clean(value):
        if isinstance(value, str):
            return xml_text(value)
        if isinstance(value, list | tuple):
            return [xml_text(item) if isinstance(item, str) else item for item in value]
        return value

    def __init__(self, *args, **kwargs):
        args = [self._clean(arg) for arg in args]
        super().__init__(*args, **{key: self._clean(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        args = [self._clean(arg) for arg in args]
        super().add_item(*args, **{key: self._clean(value) for key, value in kwargs.items()})


class NewsRss(CleanXmlMixin, Rss201rev2Feed):
    """RSS 2.0 with the content module (full content) and the channel's image."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.startElement("image", {})
        handler.addQuickElement("url", self.feed["logo"])
        handler.addQuickElement("title", self.feed["title"])
        handler.addQuickElement("link", self.feed["link"])
        handler.addQuickElement("width", str(LOGO_SIZE))
        handler.addQuickElement("height", str(LOGO_SIZE))
        handler.endElement("image")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class NewsAtom(CleanXmlMixin, Atom1Feed):
    """Atom 1.0 with full content, icon and logo."""

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.addQuickElement("icon", self.feed["logo"])
        handler.addQuickElement("logo", self.feed["logo"])

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


# Feeds -----------------------------------------------------------------------------------
class NewsRssFeed(Feed):
    """The RSS 2.0 feed of all news, of a kind (``kind``) or of a theme (``theme``)."""

    feed_type = NewsRss
    fmt = "rss"
    language = "fr"
    ttl = CACHE_SECONDS // 60
    author_name = SITE_NAME

    def get_object(self, request, kind=None, theme=None):
        state = feed_state(request, kind, theme)
        index = news_index_url(request)
        if state.theme:
            title = f"#{state.theme.name} : actualités du {SITE_NAME}"
            description = f"Les actualités, webinaires et témoignages du thème #{state.theme.name}."
            link = f"{index}themes/{state.theme.slug}/"
            path = f"themes/{state.theme.slug}"
        elif state.kind:
            title = f"{state.kind.plural} du {SITE_NAME}"
            description = f"{state.kind.description[:1].upper()}{state.kind.description[1:]}."
            link = f"{index}?{LISTING_PARAM}={state.kind.slug}"
            path = state.kind.segment
        else:
            title = f"Actualités du {SITE_NAME}"
            description = (
                "Les articles, webinaires et témoignages du réseau des chefs de projet "
                "et développeurs territoriaux de Nouvelle-Aquitaine."
            )
            link = index
            path = ""
        authority = tag_authority(request)
        return Channel(
            title=title,
            description=description,
            link=link,
            feed_id=f"tag:{authority},{FEED_ID_DATE}:actualites/{path}{'/' if path else ''}flux",
            logo=request.build_absolute_uri(static(LOGO)),
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


def feed_view(feed_class):
    """A view serving ``feed_class`` with conditional GET and a cache lifetime.

    A reader that sends back the ``ETag`` (``If-None-Match``) or the ``Last-Modified`` date
    (``If-Modified-Since``) of its copy gets a 304 without body, for the price of one aggregate
    query, as long as no page of the feed was published, removed or hidden since.
    """
    feed = feed_class()

    def etag(request, **kwargs):
        return feed_state(request, **kwargs).etag(feed_class.fmt)

    def last_modified(request, **kwargs):
        return feed_state(request, **kwargs).last_modified

    @require_safe
    @cache_control(max_age=CACHE_SECONDS, public=True)
    @condition(etag_func=etag, last_modified_func=last_modified)
    def view(request, **kwargs):
        response = feed(request, **kwargs)
        # Django dates the feed from its items; condition() sets the date compared above instead.
        del response.headers["Last-Modified"]
        return response

    return view


# Catalogue -------------------------------------------------------------------------------
@dataclass(frozen=True)
class FeedPair:
    """One feed in its two formats, as the "Flux RSS" page and the autodiscovery links show it."""

    title: str
    description: str
    rss: str
    atom: str


def site_feed():
    return FeedPair(
        "Actualités du Club des Développeurs",
        "Tous les articles, webinaires et témoignages.",
        feed_url("rss"),
        feed_url("atom"),
    )


def kind_feed(kind):
    return FeedPair(
        f"{kind.plural} du Club des Développeurs",
        f"Seulement {kind.description}.",
        feed_url("rss", kind=kind),
        feed_url("atom", kind=kind),
    )


def theme_feed(theme):
    return FeedPair(
        f"#{theme.name} – Club des Développeurs",
        f"Les actualités, webinaires et témoignages du thème #{theme.name}.",
        feed_url("rss", theme=theme),
        feed_url("atom", theme=theme),
    )
