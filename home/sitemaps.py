"""``/sitemap.xml``: a sitemap index pointing to sections of at most ``PageSitemap.limit`` URLs.

One document listing every page grows with the site and hits the protocol's limit (50,000 URLs or
50 MB per file); the index (Django's ``sitemaps.views.index`` with Wagtail's ``Sitemap``) lists
``/sitemap-pages.xml?p=1, 2...``, each section a page of the tree in path order, built in a bounded
number of queries whatever the size of the site.

"May see" is ``.visible()`` (``home.querysets``): an expired page leaves the sitemap on its expiry
date, even before ``publish_scheduled`` marks it expired. Pages with routes of their own (the theme
pages of the news index) add them in their ``get_sitemap_urls()``.
https://docs.wagtail.org/en/stable/reference/contrib/sitemaps.html
https://docs.djangoproject.com/en/5.2/ref/contrib/sitemaps/#creating-a-sitemap-index
"""

from django.contrib.sitemaps.views import SitemapIndexItem
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap

from home.page_cache.derived import derived
from home.querysets import pages
from home.site_urls import absolute_url


class PageSitemap(Sitemap):
    """Wagtail's sitemap of the site's pages, without those that have expired or are not yet due."""

    #: URLs per section: far under the protocol's 50,000, so that a section stays quick to build
    #: (about 1 ms per URL on a loaded machine; a page may add URLs of its own routes, e.g. the
    #: theme pages).
    limit = 1000

    def visible_pages(self):
        root = self.get_wagtail_site().root_page
        return pages().descendant_of(root, inclusive=True).visible()

    def items(self):
        return self.visible_pages().order_by("path").defer_streamfields().specific()

    @property
    def paginator(self):
        """Django's paginator of the items, with their count kept per generation
        (``home.page_cache.derived``): counting every visible page is the one cost of a
        section, and of the index, that grows with the site."""
        paginator = super().paginator
        paginator.count = derived(
            self.request,
            "sitemap-count",
            self.visible_pages().count,
            self.get_wagtail_site().pk,
        )
        return paginator

    def get_latest_lastmod(self):
        """The index's ``lastmod``: one aggregate query (Django's default reads every item),
        once per generation."""

        def latest():
            found = self.visible_pages().aggregate(
                latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
            )
            return found["latest"]

        return derived(self.request, "sitemap-lastmod", latest, self.get_wagtail_site().pk)


SITEMAPS = {"pages": PageSitemap}


#: Crawlers need not see a new page within the hour; the reverse proxy serves the copies.
SITEMAP_CACHE_SECONDS = 3600


@cache_control(max_age=SITEMAP_CACHE_SECONDS, public=True)
@require_safe
def sitemap_index(request):
    """``/sitemap.xml``: one entry per page of each section, on the Wagtail site's own address
    (``home.site_urls``, like the URLs inside the sections), with the section's ``lastmod``.

    Django's ``sitemaps.views.index`` would name the request's host instead.
    """
    entries = []
    for name, sitemap_class in SITEMAPS.items():
        section = sitemap_class(request)
        location = absolute_url(request, reverse("sitemap_section", kwargs={"section": name}))
        lastmod = section.get_latest_lastmod()
        for number in section.paginator.page_range:
            suffix = "" if number == 1 else f"?p={number}"
            entries.append(SitemapIndexItem(location + suffix, lastmod))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


@cache_control(max_age=SITEMAP_CACHE_SECONDS, public=True)
@require_safe
def sitemap_section(request, section):
    """``/sitemap-pages.xml?p=N``: one section (Wagtail's sitemap view); 404 for an unknown
    section or page number."""
    return sitemap(request, sitemaps=SITEMAPS, section=section)
