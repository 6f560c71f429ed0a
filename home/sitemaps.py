"""``/sitemap.xml``: every page a visitor may see (Wagtail's sitemap) plus the theme pages.

"May see" is ``home.visibility``: an expired page leaves the sitemap on its expiry date, even
before ``publish_scheduled`` marks it expired.

Theme pages (``/actualites/themes/<slug>/``) are routes of the news index, not pages of the tree, so
Wagtail's own sitemap cannot see them. A theme is listed when at least one visible page carries
it, whatever the app (news or resources): the pages that can carry a theme are found from
the through models pointing at ``home.Theme``, so a new themed app needs no change here.
https://docs.wagtail.org/en/stable/reference/contrib/sitemaps.html
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.models import Theme
from home.querysets import pages
from news.links import news_index_for

THEMES_PATH = "themes/"


def themed_page_models():
    """``(through model, page model)`` for each page type tagged with the site's themes."""
    pairs = []
    for relation in Theme._meta.related_objects:
        through = relation.related_model
        try:
            target = through._meta.get_field("content_object").related_model
        except FieldDoesNotExist:  # not a tag through model
            continue
        if isinstance(target, type) and issubclass(target, Page):
            pairs.append((through, target))
    return pairs


def live_theme_dates():
    """``{slug: latest publication}`` of the themes carried by at least one visible page.

    One query per themed page type, whatever the number of themes and pages.
    """
    dates = {}
    for through, page_model in themed_page_models():
        rows = (
            through.objects.filter(content_object__in=page_model.objects.visible())
            .values("tag__slug")
            .annotate(lastmod=Max("content_object__last_published_at"))
        )
        for row in rows:
            slug, lastmod = row["tag__slug"], row["lastmod"]
            if slug not in dates or (lastmod and (dates[slug] is None or lastmod > dates[slug])):
                dates[slug] = lastmod
    return dates


class PageSitemap(Sitemap):
    """Wagtail's sitemap of the site's pages, without those that have expired or are not yet due."""

    def items(self):
        root = self.get_wagtail_site().root_page
        found = pages().descendant_of(root, inclusive=True).visible()
        return found.order_by("path").defer_streamfields().specific()


class ThemeSitemap(Sitemap):
    """The themes index page and one page per theme in use, under the live news index."""

    def items(self):
        index = news_index_for(self.request)
        if index is None:
            return []
        base = index.get_full_url(self.request) + THEMES_PATH
        dates = live_theme_dates()
        if not dates:
            return []
        entries = [{"location": base, "lastmod": max(filter(None, dates.values()), default=None)}]
        entries += [
            {"location": f"{base}{slug}/", "lastmod": lastmod}
            for slug, lastmod in sorted(dates.items())
        ]
        return entries

    def _urls(self, page, protocol, domain):
        urls = list(self.paginator.page(page).object_list)
        last_mods = {url["lastmod"] for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


SITEMAPS = {"pages": PageSitemap, "themes": ThemeSitemap}
