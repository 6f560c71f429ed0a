"""Feed URLs, under ``/actualites/``: included from ``config.urls`` before Wagtail's pages.

- ``/actualites/flux/``: the "Flux RSS" page that lists every feed;
- ``/actualites/flux.rss`` and ``/actualites/flux.atom``: all news;
- ``/actualites/<articles|webinaires|temoignages>/flux.rss`` (and ``.atom``): one kind;
- ``/actualites/themes/<slug>/flux.rss`` (and ``.atom``): one theme (404 if unknown).
"""

from django.urls import path

from news import feed_views
from news.feeds import NewsAtomFeed, NewsRssFeed, feed_view
from news.kinds import KINDS

app_name = "news_feeds"

rss = feed_view(NewsRssFeed)
atom = feed_view(NewsAtomFeed)

urlpatterns = [
    path("actualites/flux/", feed_views.feeds_page, name="index"),
    path("actualites/flux.rss", rss, name="all_rss"),
    path("actualites/flux.atom", atom, name="all_atom"),
    path("actualites/themes/<slug:theme>/flux.rss", rss, name="theme_rss"),
    path("actualites/themes/<slug:theme>/flux.atom", atom, name="theme_atom"),
]
for kind in KINDS:
    urlpatterns += [
        path(
            f"actualites/{kind.segment}/flux.rss",
            rss,
            {"kind": kind.segment},
            name=f"{kind.segment}_rss",
        ),
        path(
            f"actualites/{kind.segment}/flux.atom",
            atom,
            {"kind": kind.segment},
            name=f"{kind.segment}_atom",
        ),
    ]
