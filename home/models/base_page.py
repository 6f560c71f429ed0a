from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction

from home import seo
from home.querysets import SitePageManager, may_be_restricted


class BasePage(Page):
    """What every page of the site has: a sharing image and a description for search engines.

    Written once here so that SEO text and sharing images work the same on every page type.
    """

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image de partage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Montrée quand la page est partagée sur un réseau social "
        "(1200 × 630 pixels idéalement). Sans elle, l'image principale de la page sert.",
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
            ],
            heading="Référencement et partage",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="Navigation"),
    ]

    objects = SitePageManager()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's check before serving the page, without its two queries when no restriction
        can apply (``home.querysets.may_be_restricted``)."""
        if not may_be_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_summary(self):
        """A plain-text summary: subclasses return their introduction."""
        return ""

    def get_meta_description(self):
        text = self.search_description or strip_tags(self.get_summary() or "")
        return Truncator(" ".join(text.split())).chars(160)

    def get_main_image(self):
        """The image that represents the page in cards and when shared."""
        return self.social_image

    #: What sharing tags call the page (``og:type``): ``article`` for news items.
    og_type = "website"

    def get_structured_data(self, request):
        """The schema.org objects (dicts) that say what this page is; page types override it.

        The breadcrumb trail is added for every page by ``get_json_ld``.
        """
        return []

    def get_json_ld(self, request):
        """Everything search engines read of the page as JSON-LD: its types, then its trail."""
        return seo.page_json_ld(self, request)

    def get_article_meta(self):
        """``{published, modified, section, tags}`` for the ``article:*`` sharing tags, or None."""
        return None


class CardPreviewMixin:
    """Adds a "Carte dans les listes" preview mode beside the page's own preview.

    Editors see, before publishing, how the page looks as a card in the listings (title, date,
    summary, image, themes), inside the site layout. ``card_preview_template`` extends
    ``base.html`` and includes the card the listings use. Put the mixin before the page class.
    https://docs.wagtail.org/en/stable/reference/pages/model_reference.html#wagtail.models.Page.preview_modes
    """

    CARD_PREVIEW_MODE = "carte"
    card_preview_template = "includes/card_preview.html"

    @property
    def preview_modes(self):
        return [("", "Page complète"), (self.CARD_PREVIEW_MODE, "Carte dans les listes")]

    def get_preview_template(self, request, mode_name):
        if mode_name == self.CARD_PREVIEW_MODE:
            return self.card_preview_template
        return super().get_preview_template(request, mode_name)
