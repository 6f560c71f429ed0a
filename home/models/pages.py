from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home import seo
from home.blocks import BaseStreamBlock, CallToActionBlock, KeyFigureBlock
from home.querysets import pages
from home.routing import OneQueryRoutingMixin
from home.sections import home_sections

from .base_page import BasePage


class HomePage(OneQueryRoutingMixin, BasePage):
    """The Club's home page: exactly one, at the root of the site.

    It routes every URL of the site to its page in one query (``home.routing``).
    """

    headline = models.CharField(
        "accroche",
        max_length=200,
        help_text="La phrase en tête de page, sous le nom du Club.",
    )
    introduction = RichTextField(
        "présentation",
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Deux ou trois phrases qui disent ce qu'est le Club et pour qui.",
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        verbose_name="chiffres clés",
        blank=True,
        max_num=6,
        help_text="Les chiffres du Club montrés en page d'accueil (six au plus).",
    )
    calls_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        verbose_name="appels à l'action",
        blank=True,
        max_num=3,
        help_text="Jusqu'à trois encadrés qui orientent le visiteur (découvrir le Club, "
        "les ressources, les webinaires).",
    )

    max_count = 1
    # Any page type whose ``parent_page_types`` names the home page may go under it (the sections
    # of the content apps say so themselves): the home page names no content app.
    parent_page_types = ["wagtailcore.Page"]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("headline"), FieldPanel("introduction")], heading="Présentation"
        ),
        FieldPanel("key_figures"),
        FieldPanel("calls_to_action"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    class Meta:
        verbose_name = "page d'accueil"
        verbose_name_plural = "pages d'accueil"

    def get_summary(self):
        return self.introduction or self.headline

    def get_context(self, request, *args, **kwargs):
        """Adds the sections the content apps contribute (``home.sections``)."""
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = home_sections(self, request)
        return context

    def get_structured_data(self, request):
        return [seo.organization(request), seo.website(request)]

    def key_figure_values(self):
        return [block.value for block in self.key_figures]


class StandardPage(BasePage):
    """A page of plain content: "Le Club", the legal pages, the accessibility statement..."""

    introduction = models.TextField(
        "chapô",
        blank=True,
        max_length=600,
        help_text="Le résumé en tête de page, repris dans les résultats de recherche.",
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name="contenu",
        blank=True,
        help_text="Le corps de la page, fait de blocs : titres, textes, images, citations...",
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "page standard"
        verbose_name_plural = "pages standard"

    def get_summary(self):
        return self.introduction

    def visible_children(self):
        """The sub-pages listed under "Dans cette rubrique" (``.visible()``, in the tree's order)."""
        return pages().child_of(self).visible()
