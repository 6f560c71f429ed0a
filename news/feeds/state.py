"""What one request needs to know about one feed: its pages, its ETag and Last-Modified date.

Computed once per request and feed (``feed_state``) and shared by the conditional GET, which
answers 304 from one aggregate query, and by the feed itself. The aggregate (count and latest
publication of the feed's pages, which grows with the site) is kept once per generation
(``home.page_cache.derived``): a publication changes the generation, hence the ETag.
"""

import hashlib

from django.db.models import Count, F, Max
from django.http import Http404

from home.models.theme import theme_in_use
from home.page_cache.derived import derived
from home.request_memo import once_per_request
from news.kinds import KINDS_BY_SEGMENT
from news.models import NewsPage

FEED_ITEMS = 20
# Bump when the markup of the feeds changes, so that readers fetch them again.
FEED_FORMAT_VERSION = "2"


class FeedState:
    """One feed (all news, a kind by its ``segment``, a theme by its ``slug``) for one request.

    The ETag and Last-Modified come from a single aggregate query over the feed's pages: the
    count changes when a page is added, removed, unpublished, made private or expires; the latest
    publication date changes when any page is published again. An unknown kind or theme is a 404.
    """

    def __init__(self, kind=None, theme=None, request=None):
        self.kind = None
        if kind is not None:
            self.kind = KINDS_BY_SEGMENT.get(kind)
            if self.kind is None:
                raise Http404("Type de contenu inconnu")
        self.theme = None
        if theme is not None:
            # Only a theme a visible page carries has feeds (``Theme.objects.in_use``).
            self.theme = theme_in_use(theme, request)
            if self.theme is None:
                raise Http404("Thème inconnu")
        self.visible = NewsPage.objects.visible()
        queryset = self.visible
        if self.kind:
            queryset = queryset.type(self.kind.model)
        if self.theme:
            queryset = queryset.filter(tagged_themes__tag=self.theme)
        self.queryset = queryset
        stats = derived(
            request,
            "feed-stats",
            lambda: queryset.order_by().aggregate(
                count=Count("pk"), latest=Max("last_published_at")
            ),
            self.kind.segment if self.kind else "-",
            self.theme.slug if self.theme else "-",
        )
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
    return once_per_request(
        request, "news_feed_states", (kind, theme), lambda: FeedState(kind, theme, request)
    )
