from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.models import BasePage
from home.models.theme import themes_in_use
from news import listing
from news.feeds.routes import FeedRoutesMixin


class NewsIndexPage(FeedRoutesMixin, RoutablePageMixin, BasePage):
    """ "Actualités": the listing of every news item, with the theme pages below it.

    One per site, at ``/actualites/``. The listing and the theme pages are routes of this page
    (https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html), so that they follow
    the page wherever editors move it and share its privacy settings; their logic is in
    ``news/listing.py``. So are its RSS and Atom feeds and the "Flux RSS" page
    (``FeedRoutesMixin``, ``news/feeds/``).
    """

    introduction = models.TextField(
        "chapô",
        blank=True,
        max_length=600,
        help_text="Une ou deux phrases en tête de la liste des actualités.",
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage", "news.WebinarPage", "news.TestimonialPage"]

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = "liste des actualités"
        verbose_name_plural = "listes des actualités"

    def get_summary(self):
        return self.introduction

    @path("")
    def index_route(self, request):

        return self.render(request, context_overrides=listing.listing_context(self, request))

    @path("themes/", name="themes")
    def themes_route(self, request):

        return self.render(
            request,
            template="news/theme_list.html",
            context_overrides=listing.theme_list_context(self, request),
        )

    @path("themes/<slug:slug>/", name="theme")
    def theme_route(self, request, slug):

        return self.render(
            request,
            template="news/theme_page.html",
            context_overrides=listing.theme_context(self, request, slug),
        )

    def get_sitemap_urls(self, request=None):
        """The listing, then the themes index and one page per theme in use (routes of this page,
        which Wagtail's sitemap cannot see by itself)."""
        urls = super().get_sitemap_urls(request)
        themes = list(themes_in_use(request).values())
        if not themes:
            return urls
        base = self.get_full_url(request)
        urls.append(
            {
                "location": base + self.reverse_subpage("themes"),
                "lastmod": max(filter(None, (theme.lastmod for theme in themes)), default=None),
            }
        )
        urls += [
            {
                "location": base + self.reverse_subpage("theme", kwargs={"slug": theme.slug}),
                "lastmod": theme.lastmod,
            }
            for theme in themes
        ]
        return urls

    def theme_url(self, theme, request=None):
        """The address of a theme's page: ``/actualites/themes/economie-territoriale/``."""
        return self.get_url(request) + self.reverse_subpage("theme", kwargs={"slug": theme.slug})
