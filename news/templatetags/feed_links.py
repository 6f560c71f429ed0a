"""``{% feed_links %}``: the ``<link rel="alternate">`` tags that let browsers and feed readers
discover the feeds of the page.

Every page gets the site-wide feeds. A template whose context has ``feed_kind`` (a kind slug:
``article``, ``webinaire`` or ``temoignage``) also gets that kind's feeds; one whose context has
``feed_theme`` (a ``home.Theme``) also gets that theme's feeds. No database query: the tag runs
in ``base.html``, the error pages included.
"""

import contextlib

from django import template
from django.urls import NoReverseMatch

from news.feeds import kind_feed, site_feed, theme_feed
from news.kinds import KINDS_BY_SLUG

register = template.Library()


@register.inclusion_tag("news/feeds/links.html", takes_context=True)
def feed_links(context):
    feeds = [site_feed()]
    kind = KINDS_BY_SLUG.get(str(context.get("feed_kind") or ""))
    if kind is not None:
        feeds.append(kind_feed(kind))
    theme = context.get("feed_theme")
    if getattr(theme, "slug", None):
        # A slug the feed URLs cannot carry has no feed to advertise.
        with contextlib.suppress(NoReverseMatch):
            feeds.append(theme_feed(theme))
    return {"feeds": feeds}
