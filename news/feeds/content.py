"""The items of the news feeds, built for a whole batch of pages in a constant number of queries.

A feed shows the full content of up to 20 pages. Rendering each page's StreamField the way its
HTML page does would cost queries per page (images, documents and linked pages of each body,
renditions of each image, links in each rich text) and would produce markup that feed readers
handle badly (``<picture>`` with AVIF sources, relative URLs). So this module:

- converts the bodies of all the pages at once with ``StreamBlock.bulk_to_python``, which fetches
  the images, documents and pages that all the bodies refer to in one query per model;
- prefetches one JPEG rendition per image for all of them in one query;
- expands the rich text of all the pages in one call to ``expand_db_html`` (one query per link
  type for the whole feed);
- renders each item with the small templates of ``news/templates/news/feeds/`` (plain, absolute
  ``<img>`` and links), then turns every remaining relative URL into an absolute one. A block type
  without a feed template (``news/feeds/blocks/<type>.html``), such as one just added to the shared
  ``home.blocks.BaseStreamBlock``, gets its ordinary rendering instead of breaking every feed.

The content depends only on published data (never on the clock), so the feed's ETag, computed from
publication dates, changes whenever an item would.
"""

import dataclasses
import datetime
import hashlib
import html
import mimetypes
import re
import secrets
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch, prefetch_related_objects
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from home.page_cache.derived import derived_many
from home.site_urls import absolute_url
from news.models import NewsPage, NewsPageTheme, TestimonialPage, WebinarPage, WebinarSpeaker
from news.models.webinar import title_in_sentence

# One rendition per image, in a format every feed reader displays.
RENDITION_SPEC = "max-1200x1200|format-jpeg"
# Rendition files never change once written: their size is cached for a month.
RENDITION_SIZE_TIMEOUT = 30 * 24 * 3600

# What a block without a feed template of its own is shown with: its ordinary rendering.
FALLBACK_BLOCK_TEMPLATE = "news/feeds/fallback_block.html"
_URL_ATTRIBUTE = re.compile(
    r"""(?P<before>\s(?:href|src)\s*=\s*)(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')"""
)
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def absolutize_urls(markup, base_url):
    """Make every ``href`` and ``src`` of ``markup`` absolute, resolved against ``base_url``.

    A feed is read far from the site: ``/media/x.jpg`` or ``../page/`` would point nowhere.
    Links with a scheme a reader should not follow (``javascript:``...) lose their target.
    """

    def replace(match):
        value = html.unescape(
            match.group("dq") if match.group("dq") is not None else match.group("sq")
        )
        url = urljoin(base_url, value.strip())
        if urlsplit(url).scheme.lower() not in _SAFE_SCHEMES:
            url = base_url
        return f'{match.group("before")}"{html.escape(url, quote=True)}"'

    return _URL_ATTRIBUTE.sub(replace, markup)


def expand_rich_texts(sources):
    """``expand_db_html`` of every source, in one call so that links cost one query per type.

    The sources are joined with a random marker that rich text cannot contain, expanded together,
    then split again.
    """
    if not sources:
        return []
    marker = f"<!--feed-{secrets.token_hex(16)}-->"
    return expand_db_html(marker.join(sources)).split(marker)


def tag_authority(request):
    """The domain that "owns" the tag URIs of the items: ``settings.FEED_TAG_AUTHORITY``.

    A setting rather than the request's host or the Wagtail site's host name, so that an item's
    id depends neither on the address a reader used (``www.`` or not, a proxy...) nor on a site
    record edited after launch: a changed id would show every item again as new.
    """
    return settings.FEED_TAG_AUTHORITY


def item_guid(page, authority):
    """A tag URI (RFC 4151) that no rename, re-slug or move ever changes.

    Made of the site's host, the day the page was first published and its primary key:
    ``tag:example.org,2020-11-19:actualites/42``. The first publication's day, not the item's
    publication date (``NewsPage.published_at``): ids already given out to readers never change.
    """
    first = page.first_published_at or page.published_at
    day = first.astimezone(datetime.UTC).date().isoformat()
    return f"tag:{authority},{day}:actualites/{page.pk}"


def update_date(page):
    """When the item last changed: its last publication, never before its publication date."""
    published = page.published_at
    return max(published, page.last_published_at) if page.last_published_at else published


@dataclass
class FeedImage:
    """A JPEG rendition of an image, with what an ``<img>`` and an enclosure need."""

    url: str
    width: int
    height: int
    alt: str
    length: int | None = None
    mime_type: str = "image/jpeg"


def feed_block_template(block_type):
    """The feed template of a block type: ``news/feeds/blocks/<type>.html``."""
    return f"news/feeds/blocks/{block_type}.html"


@dataclass
class FeedBlock:
    """One block of a body, ready for its feed template (``news/feeds/blocks/<type>.html``), or
    for ``FALLBACK_BLOCK_TEMPLATE`` with its ordinary rendering in ``html``."""

    block_type: str
    value: object
    html: str = ""
    image: FeedImage | None = None
    template: str = ""

    def __post_init__(self):
        self.template = self.template or feed_block_template(self.block_type)


@dataclass
class FeedEntry:
    """Everything a feed item shows, computed once for RSS and Atom alike."""

    page: NewsPage
    title: str
    link: str
    guid: str
    pubdate: datetime.datetime
    updated: datetime.datetime
    author: str
    summary: str
    content: str = ""
    categories: list = field(default_factory=list)
    enclosure: FeedImage | None = None


class EntryBuilder:
    """Builds the ``FeedEntry`` of a list of specific news pages (see the module docstring)."""

    def __init__(self, request, visible):
        self.request = request
        self.visible = visible
        self.authority = tag_authority(request)
        self._has_feed_template = {}

    def absolute(self, url):
        return absolute_url(self.request, url)

    def has_feed_template(self, block_type):
        """Whether ``block_type`` has a feed template; looked up once per type and feed."""
        if block_type not in self._has_feed_template:
            try:
                get_template(feed_block_template(block_type))
            except TemplateDoesNotExist:
                self._has_feed_template[block_type] = False
            else:
                self._has_feed_template[block_type] = True
        return self._has_feed_template[block_type]

    def fallback_block(self, block, page):
        """A block with no feed template, shown as the page shows it (``render_as_block``);
        its relative links become absolute with the rest of the item's content."""
        html = block.render_as_block(context={"request": self.request, "page": page})
        return FeedBlock(block.block_type, block.value, html=html, template=FALLBACK_BLOCK_TEMPLATE)

    # Batched lookups ---------------------------------------------------------------------
    @staticmethod
    def themes_by_page(pages):
        themes = {}
        links = (
            NewsPageTheme.objects.filter(content_object_id__in=[p.pk for p in pages])
            .select_related("tag")
            .order_by("tag__name")
        )
        for link in links:
            themes.setdefault(link.content_object_id, []).append(link.tag)
        return themes

    @staticmethod
    def speakers_by_page(webinars):
        speakers = {}
        if webinars:
            rows = (
                WebinarSpeaker.objects.filter(page_id__in=[p.pk for p in webinars])
                .select_related("speaker")
                .order_by("sort_order", "pk")
            )
            for row in rows:
                speakers.setdefault(row.page_id, []).append(row.speaker)
        return speakers

    def visible_webinars(self, testimonials):
        """The webinars the testimonials were given at, when a visitor may read them."""
        ids = {p.webinar_id for p in testimonials if p.webinar_id}
        if not ids:
            return {}
        webinars = self.visible.filter(pk__in=ids).only("title", "url_path", "path", "depth")
        for webinar in webinars:
            webinar.title_in_sentence = title_in_sentence(webinar.title)
        return {webinar.pk: webinar for webinar in webinars}

    @staticmethod
    def bulk_stream(pages, field_name):
        """The StreamField ``field_name`` of every page, converted in one batch."""
        if not pages:
            return {}
        stream_block = type(pages[0])._meta.get_field(field_name).stream_block
        raw_streams = [list(getattr(page, field_name).raw_data) for page in pages]
        values = stream_block.bulk_to_python(raw_streams)
        return {page.pk: value for page, value in zip(pages, values, strict=True)}

    def renditions(self, images):
        """A ``FeedImage`` per image, with one query for all existing renditions."""
        images = [image for image in images if image is not None]
        if not images:
            return {}
        Rendition = get_image_model().get_rendition_model()
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=Rendition.objects.filter(filter_spec=RENDITION_SPEC),
                to_attr="prefetched_renditions",
            ),
        )
        feed_images = {}
        renditions = {}
        for image in images:
            try:
                rendition = image.get_rendition(RENDITION_SPEC)
            except (OSError, ValueError):
                # The original file is missing or unreadable: the item goes out without it.
                continue
            renditions[id(image)] = rendition
            feed_images[id(image)] = FeedImage(
                url=self.absolute(rendition.url),
                width=rendition.width,
                height=rendition.height,
                alt=getattr(image, "contextual_alt_text", None) or image.default_alt_text,
                mime_type=mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
            )
        self._add_lengths(renditions, feed_images)
        return feed_images

    @staticmethod
    def _add_lengths(renditions, feed_images):
        """The size in bytes of each rendition file, cached (the storage may be remote)."""
        keys = {
            key: f"news-feed-rendition-size:{r.pk}:{r.file.name}" for key, r in renditions.items()
        }
        known = cache.get_many(list(keys.values()))
        missing = {}
        for key, rendition in renditions.items():
            size = known.get(keys[key])
            if size is None:
                try:
                    size = rendition.file.size
                except (OSError, ValueError):
                    size = None
                else:
                    missing[keys[key]] = size
            feed_images[key].length = size
        if missing:
            cache.set_many(missing, RENDITION_SIZE_TIMEOUT)

    # Building ----------------------------------------------------------------------------
    def build(self, pages):
        pages = [page for page in pages if page.get_url(self.request)]
        if not pages:
            return []
        webinars = [page for page in pages if isinstance(page, WebinarPage)]
        testimonials = [page for page in pages if isinstance(page, TestimonialPage)]

        themes = self.themes_by_page(pages)
        speakers = self.speakers_by_page(webinars)
        related_webinars = self.visible_webinars(testimonials)
        bodies = self.bulk_stream(pages, "body")
        documents = self.bulk_stream(webinars, "recap_documents")

        # Main images, plus every image of every body: one rendition lookup for all.
        main_images = {
            image.pk: image
            for image in get_image_model().objects.filter(
                pk__in={p.main_image_id for p in pages if p.main_image_id}
            )
        }
        body_images = [
            block.value["image"]
            for body in bodies.values()
            for block in body
            if block.block_type == "image"
            and block.value["image"] is not None
            and self.has_feed_template("image")
        ]
        feed_images = self.renditions([*main_images.values(), *body_images])

        # Rich text of every body and every recap: one expansion for all.
        paragraphs = [
            block.value.source
            for body in bodies.values()
            for block in body
            if block.block_type == "paragraph" and self.has_feed_template("paragraph")
        ]
        recap_pages = [page for page in webinars if page.recap_summary]
        expanded = expand_rich_texts(paragraphs + [page.recap_summary for page in recap_pages])
        # Wagtail's own HTML, from the rich text editor's whitelist: safe to include as it is.
        expanded = [mark_safe(markup) for markup in expanded]
        expanded_paragraphs = iter(expanded[: len(paragraphs)])
        recaps = dict(zip([p.pk for p in recap_pages], expanded[len(paragraphs) :], strict=True))

        entries = []
        for page in pages:
            blocks = []
            for block in bodies[page.pk]:
                if not self.has_feed_template(block.block_type):
                    blocks.append(self.fallback_block(block, page))
                    continue
                feed_block = FeedBlock(block.block_type, block.value)
                if block.block_type == "paragraph":
                    feed_block.html = next(expanded_paragraphs)
                elif block.block_type == "image":
                    feed_block.image = feed_images.get(id(block.value["image"]))
                    if feed_block.image is None:
                        continue
                blocks.append(feed_block)
            related_webinar = related_webinars.get(getattr(page, "webinar_id", None))
            main_image = main_images.get(page.main_image_id)
            entries.append(
                self.entry(
                    page,
                    blocks=blocks,
                    themes=themes.get(page.pk, []),
                    image=feed_images.get(id(main_image)) if main_image else None,
                    speakers=speakers.get(page.pk, []),
                    documents=documents.get(page.pk, []),
                    recap=recaps.get(page.pk, ""),
                    related_webinar=related_webinar,
                )
            )
        return entries

    def entry(self, page, *, blocks, themes, image, speakers, documents, recap, related_webinar):
        link = self.absolute(page.get_url(self.request))
        context = {
            "page": page,
            "kind": page.kind,
            "link": link,
            "blocks": blocks,
            "image": image,
            "speakers": speakers,
            "documents": documents,
            "recap": recap,
            "related_webinar": related_webinar,
            "related_webinar_url": (
                self.absolute(related_webinar.get_url(self.request)) if related_webinar else ""
            ),
        }
        content = render_to_string("news/feeds/entry_content.html", context)
        return FeedEntry(
            page=page,
            title=page.title,
            link=link,
            guid=item_guid(page, self.authority),
            pubdate=page.published_at,
            updated=update_date(page),
            author=page.signature,
            summary=page.introduction,
            content=absolutize_urls(content, link),
            categories=[theme.name for theme in themes],
            enclosure=image if image and image.length else None,
        )


def build_entries(pages, request, visible):
    """The ``FeedEntry`` of each page (specific instances), in the same order.

    ``visible`` is the queryset of the news a visitor may read (linked webinars must be in it).
    An entry depends only on published content and the site's address: each one is kept under the
    page cache's generation (``home.page_cache.derived``), so that a feed builds only the entries
    it has not built since the last change, in the queries above.
    """
    pages = list(pages)
    by_pk = {page.pk: page for page in pages}

    def build(pks):
        entries = EntryBuilder(request, visible).build([by_pk[pk] for pk in pks])
        return {entry.page.pk: dataclasses.replace(entry, page=None) for entry in entries}

    base = hashlib.sha256(request.build_absolute_uri("/").encode()).hexdigest()[:16]
    entries = derived_many(request, "feed-entry", list(by_pk), build, base)
    return [
        dataclasses.replace(entries[page.pk], page=page) for page in pages if page.pk in entries
    ]
