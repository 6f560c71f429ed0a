import datetime

from django.db import models
from django.db.models import F, Prefetch, prefetch_related_objects
from django.utils import timezone
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home import seo
from home.blocks import BaseStreamBlock
from home.cards import image_prefetch
from home.models import BasePage, CardPreviewMixin
from home.querysets import SitePageManager, SitePageQuerySet, visible_pages
from home.themes import ThemeTaggableManager
from news import structured_data


class NewsPageTheme(TaggedItemBase):
    """Links a news item to a theme of the site-wide vocabulary (``home.Theme``)."""

    tag = models.ForeignKey(
        "home.Theme", related_name="news_items", on_delete=models.CASCADE, verbose_name="thème"
    )
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_themes", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = "thème d'une actualité"
        verbose_name_plural = "thèmes des actualités"
        # A theme's page and its counts read the links by theme, then by item (index-only).
        indexes = [models.Index(fields=["tag", "content_object"], name="news_theme_link_idx")]


class NewsRelatedLink(Orderable):
    """A page of the site (news item, resource, standard page) linked from a news item."""

    page = ParentalKey("news.NewsPage", related_name="related_links", on_delete=models.CASCADE)
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page liée",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Une actualité, un webinaire, un témoignage ou une ressource à lire ensuite.",
    )

    panels = [PageChooserPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = "page liée"
        verbose_name_plural = "pages liées"


class NewsQuerySet(SitePageQuerySet):
    def newest_first(self):
        """By date, then first publication, newest first: the order of every news list."""
        return self.order_by("-date", F("first_published_at").desc(nulls_last=True), "-pk")


NewsPageManager = SitePageManager.from_queryset(NewsQuerySet)


class NewsPage(CardPreviewMixin, BasePage):
    """What every news item has; articles, webinars and testimonials extend it.

    A concrete base model (multi-table inheritance) rather than an abstract one, so that a single
    query on ``NewsPage`` lists every kind newest first, and the themes share one through model.
    """

    date = models.DateField(
        "date",
        default=datetime.date.today,
        help_text="La date affichée et qui ordonne les actualités (pour un webinaire, "
        "elle suit la date de la session).",
    )
    introduction = models.TextField(
        "chapô",
        max_length=600,
        help_text="Deux ou trois phrases qui résument l'actualité : montrées sur les cartes, "
        "dans les flux RSS et aux moteurs de recherche.",
    )
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image principale",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="L'image en tête de page et sur les cartes. Son texte alternatif est la "
        "description saisie dans la médiathèque.",
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name="contenu",
        blank=True,
        help_text="Le corps du texte, fait de blocs : titres, paragraphes, images, citations...",
    )
    author = models.CharField(
        "signature",
        max_length=120,
        blank=True,
        help_text="Qui signe ce contenu ; sans signature, c'est « Club des Développeurs ».",
    )
    themes = ThemeTaggableManager(
        "thèmes",
        through=NewsPageTheme,
        blank=True,
        help_text="Les thèmes de l'actualité, séparés par des virgules, par exemple "
        "« Économie territoriale ». Le « # » est facultatif.",
    )

    objects = NewsPageManager()

    is_creatable = False
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    kind = "actualite"
    kind_label = "Actualité"
    og_type = "article"
    related_resources_heading = "Ressources liées"

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("introduction"),
        FieldPanel("main_image"),
        FieldPanel("body"),
    ]
    classification_panels = [
        FieldPanel("themes"),
        FieldPanel("author"),
        InlinePanel("related_links", heading="Pages liées", label="Page liée"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = "actualité (toutes sortes)"
        verbose_name_plural = "actualités (toutes sortes)"
        ordering = ["-date", "-pk"]
        # Every news list is newest first (``newest_first``): walking this index, PostgreSQL reads
        # the first page's rows and sorts only within a date (incremental sort), at any volume.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="news_date_idx")]

    @classmethod
    def build_edit_handler(cls, extra_tabs=()):
        """Tabs named after the editor's task (Contenu, then the kind's own, then Promotion)."""
        return TabbedInterface(
            [
                ObjectList(cls.content_panels, heading="Contenu"),
                *extra_tabs,
                ObjectList(cls.classification_panels, heading="Thèmes et liens"),
                ObjectList(cls.promote_panels, heading="Promotion"),
                ObjectList(cls.settings_panels, heading="Publication"),
            ]
        )

    def get_summary(self):
        return self.introduction

    def get_main_image(self):
        return self.social_image or self.main_image

    def get_structured_data(self, request):
        return [structured_data.news_article(self, request)]

    def get_article_meta(self):
        return {
            "published": self.published_at,
            "modified": self.last_published_at,
            "section": self.kind_label,
            "tags": seo.page_themes(self),
        }

    def get_context(self, request, *args, **kwargs):
        # The themes serve the page, its sharing tags and its JSON-LD: fetched once. A new page
        # previewed before its first save has no row yet: its themes are the form's, in memory.
        if self.pk is not None:
            prefetch_related_objects([self], *self.card_prefetch())
        context = super().get_context(request, *args, **kwargs)
        context["related_pages"] = self.visible_related_pages()
        return context

    # The card protocol (``home.cards``): what ``templates/includes/card.html`` shows ----------
    @classmethod
    def card_prefetch(cls):
        return [
            image_prefetch("main_image"),
            Prefetch("tagged_themes", queryset=NewsPageTheme.objects.select_related("tag")),
        ]

    @property
    def card_date(self):
        return self.date

    @property
    def card_image(self):
        return self.main_image

    @property
    def card_meta(self):
        """One more line under the date on a card; kinds that have something to say add it."""
        return ""

    @property
    def card_themes(self):
        """The themes in alphabetical order (from ``tagged_themes``, prefetched for cards)."""
        return sorted((link.tag for link in self.tagged_themes.all()), key=lambda theme: theme.slug)

    def visible_related_pages(self):
        """The related pages a visitor may open (``home.visibility``), in the editor's order."""
        ids = [link.related_page_id for link in self.related_links.all()]
        return visible_pages(ids)

    @property
    def signature(self):
        return self.author or "Club des Développeurs de Nouvelle-Aquitaine"

    @property
    def published_at(self):
        """When the item became news: the one publication date of the feeds, the JSON-LD
        ``datePublished`` and ``article:published_time``.

        The first publication when the page went out on or before its date (a webinar announced
        ahead of its session, an article of the day), so that no item is dated in the future; the
        editorial date (9:00, Paris time) for an item entered after the fact (a recap published
        later, imported archives, demo content), so that it is not dated the day it was typed in.
        """
        editorial = timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(9, 0)))
        first = self.first_published_at
        if first is None or timezone.localtime(first).date() > self.date:
            return editorial
        return first


class ArticlePage(NewsPage):
    """An article (actualité): news of the Club, its members and its partners."""

    kind = "article"
    kind_label = "Article"
    is_creatable = True
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "article"
        verbose_name_plural = "articles"


ArticlePage.edit_handler = ArticlePage.build_edit_handler()
