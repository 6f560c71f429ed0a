"""The "Flux RSS" page: every feed of the site, with a short how-to."""

from django.db.models import Count
from django.shortcuts import render
from wagtail.models import Site

from home.models import Theme
from news.feeds import kind_feed, published_news, site_feed, theme_feed
from news.kinds import KINDS
from news.links import news_index_for


def _absolute(request, pair):
    return {
        "title": pair.title,
        "description": pair.description,
        "rss": request.build_absolute_uri(pair.rss),
        "atom": request.build_absolute_uri(pair.atom),
    }


def _crumbs(request):
    crumbs = []
    site = Site.find_for_request(request)
    if site is not None:
        crumbs.append({"title": site.root_page.title, "url": site.root_page.get_url(request)})
    index = news_index_for(request)
    if index is not None:
        crumbs.append({"title": index.title, "url": index.get_url(request)})
    crumbs.append({"title": "Flux RSS", "url": request.path})
    return crumbs


def feeds_page(request):
    """``/actualites/flux/``: the site-wide, per-kind and per-theme feeds.

    Only themes that have at least one published news item get a line: an empty feed would only
    disappoint whoever subscribes to it.
    """
    themes = (
        Theme.objects.filter(news_items__content_object__in=published_news().values("pk"))
        .annotate(news_count=Count("news_items"))
        .order_by("name")
    )
    context = {
        "seo_title": "Flux RSS",
        "meta_description": "Suivez les actualités, webinaires et témoignages du Club des Développeurs de Nouvelle-Aquitaine dans votre lecteur de flux RSS ou Atom.",
        "site_feed_list": [_absolute(request, site_feed())],
        "kind_feeds": [_absolute(request, kind_feed(kind)) for kind in KINDS],
        "theme_feeds": [
            {**_absolute(request, theme_feed(theme)), "theme": theme} for theme in themes
        ],
        "crumbs": _crumbs(request),
    }
    return render(request, "news/feeds/index.html", context)
