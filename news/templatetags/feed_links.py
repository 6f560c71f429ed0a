"""``{% feed_links %}``: the ``<link rel="alternate">`` tags that let browsers and feed readers
discover the feeds of the page.

Every page gets the site-wide feeds. A template whose context has ``feed_kind`` (a kind slug:
``article``, ``webinaire`` or ``temoignage``) also gets that kind's feeds; one whose context has
``feed_theme`` (a ``home.Theme``) also gets that theme's feeds. The addresses come from the news
index page of the request's site (``news.links.news_index_for``: one query per request at most,
shared with the footer and the theme links), so they follow the page when editors move it; a site
without a news index has no feed to advertise.
"""

import contextlib

from django import template
from django.urls import NoReverseMatch

from news.feeds.catalogue import kind_feed, site_feed, theme_feed
from news.kinds import KINDS_BY_SLUG
from news.links import news_index_for

register = template.Library()


@register.inclusion_tag("news/feeds/links.html", takes_context=True)
def feed_links(context):
    request = context.get("request")
    index = news_index_for(request, context.get("page"))
    if index is None:
        return {"feeds": []}
    feeds = [site_feed(index, request)]
    kind = KINDS_BY_SLUG.get(str(context.get("feed_kind") or ""))
    if kind is not None:
        feeds.append(kind_feed(index, kind, request))
    theme = context.get("feed_theme")
    if getattr(theme, "slug", None):
        # A slug the feed URLs cannot carry has no feed to advertise.
        with contextlib.suppress(NoReverseMatch):
            feeds.append(theme_feed(index, theme, request))
    return {"feeds": feeds}


@register.simple_tag(takes_context=True)
def feeds_page_url(context):
    """The address of the "Flux RSS" page of the request's site, or "" without a news index."""
    request = context.get("request")
    index = news_index_for(request, context.get("page"))
    return index.feeds_page_url(request) if index else ""
