"""The views behind the feed routes of the news index page (``news.feeds.routes``): the feeds,
with conditional GET and a cache lifetime, and the "Flux RSS" page that lists them all."""

from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_safe

from home.breadcrumbs import breadcrumb_trail
from home.models import Theme
from home.page_cache.derived import derived
from home.site_urls import absolute_url
from news.feeds.catalogue import kind_feed, site_feed, theme_feed
from news.feeds.channels import CACHE_SECONDS, NewsAtomFeed, NewsRssFeed
from news.feeds.state import feed_state
from news.kinds import KINDS
from news.models import NewsPage


def feed_view(feed_class):
    """A view serving ``feed_class`` with conditional GET and a cache lifetime.

    Called as ``view(request, index=<news index page>, kind=<segment>, theme=<slug>)``. A reader
    that sends back the ``ETag`` (``If-None-Match``) or the ``Last-Modified`` date
    (``If-Modified-Since``) of its copy gets a 304 without body, for the price of one aggregate
    query, as long as no page of the feed was published, removed or hidden since.
    """
    feed = feed_class()

    def etag(request, index, kind=None, theme=None):
        return feed_state(request, kind, theme).etag(feed_class.fmt)

    def last_modified(request, index, kind=None, theme=None):
        return feed_state(request, kind, theme).last_modified

    @require_safe
    @cache_control(max_age=CACHE_SECONDS, public=True)
    @condition(etag_func=etag, last_modified_func=last_modified)
    def view(request, **kwargs):
        response = feed(request, **kwargs)
        # Django dates the feed from its items; condition() sets the date compared above instead.
        del response.headers["Last-Modified"]
        return response

    return view


FEED_VIEWS = {"rss": feed_view(NewsRssFeed), "atom": feed_view(NewsAtomFeed)}


def _absolute(request, pair):
    return {
        "title": pair.title,
        "description": pair.description,
        "rss": absolute_url(request, pair.rss),
        "atom": absolute_url(request, pair.atom),
    }


@require_safe
def feeds_page(request, index):
    """``/actualites/flux/``: the site-wide, per-kind and per-theme feeds of ``index``.

    Only themes that have at least one published news item get a line: an empty feed would only
    disappoint whoever subscribes to it.
    """
    themes = derived(
        request,
        "feed-themes",
        lambda: list(
            Theme.objects.with_counts(news_count=NewsPage.objects.visible().child_of(index))
        ),
        index.pk,
    )
    context = {
        "seo_title": "Flux RSS",
        "meta_description": "Suivez les actualités, webinaires et témoignages du Club des Développeurs de Nouvelle-Aquitaine dans votre lecteur de flux RSS ou Atom.",
        "site_feed_list": [_absolute(request, site_feed(index, request))],
        "kind_feeds": [_absolute(request, kind_feed(index, kind, request)) for kind in KINDS],
        "theme_feeds": [
            {**_absolute(request, theme_feed(index, theme, request)), "theme": theme}
            for theme in themes
        ],
        "crumbs": breadcrumb_trail(request, index, "Flux RSS"),
    }
    return render(request, "news/feeds/index.html", context)
