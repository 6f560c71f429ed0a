"""``/sitemap.xml``: every page a visitor may see (Wagtail's sitemap).

"May see" is ``.visible()`` (``home.querysets``): an expired page leaves the sitemap on its expiry
date, even before ``publish_scheduled`` marks it expired. Pages with routes of their own (the theme
pages of the news index) add them in their ``get_sitemap_urls()``.
https://docs.wagtail.org/en/stable/reference/contrib/sitemaps.html
"""

from wagtail.contrib.sitemaps import Sitemap

from home.querysets import pages


class PageSitemap(Sitemap):
    """Wagtail's sitemap of the site's pages, without those that have expired or are not yet due."""

    def items(self):
        root = self.get_wagtail_site().root_page
        found = pages().descendant_of(root, inclusive=True).visible()
        return found.order_by("path").defer_streamfields().specific()


SITEMAPS = {"pages": PageSitemap}
