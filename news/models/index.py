from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin

from home.models import BasePage


class NewsIndexPage(RoutablePageMixin, BasePage):
    """ "Actualités": the listing of every news item, with the theme pages below it.

    One per site, at ``/actualites/``. Routes (theme pages, feeds) are declared with
    https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html
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
