from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models import BasePage, CardPreviewMixin
from home.querysets import SitePageManager, SitePageQuerySet, visible_pages
from home.themes import ThemeTaggableManager
from resources.status import compute_status, describe_status

#: Where a resource may be "presented in" (see ``ResourceRelatedPage``): the apps whose pages present
#: resources (the news: articles, webinars, testimonials) return their page types from this hook.
PRESENTERS_HOOK = "club_resource_presenters"
#: Sections other apps add to a resource page (``home.sections``): a function
#: ``(request, page) -> HomeSection | None`` (the support request link).
RESOURCE_SECTIONS_HOOK = "club_resource_page_sections"
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def presenting_page_types():
    """The page types a resource can be presented in, read from the apps' hooks."""
    return [model for hook in hooks.get_hooks(PRESENTERS_HOOK) for model in hook()]


class PresentingPageChooserPanel(PageChooserPanel):
    """A page chooser limited to ``presenting_page_types()``, read when the form is built (the
    hooks are known once every app is loaded, not when this module is imported)."""

    def get_form_options(self):
        self.page_type = presenting_page_types() or None
        return super().get_form_options()


class ResourceKind(models.TextChoices):
    SCHEME = "dispositif", "Dispositif d'aide"
    TOOL = "outil", "Outil ou méthode"
    GUIDE = "guide", "Guide"
    WEBINAR_MATERIAL = "support", "Support de webinaire"


class ResourcePageTheme(TaggedItemBase):
    """Links a resource to a theme of the site-wide vocabulary (``home.Theme``)."""

    tag = models.ForeignKey(
        "home.Theme",
        related_name="resource_items",
        on_delete=models.CASCADE,
        verbose_name="thème",
    )
    content_object = ParentalKey(
        "resources.ResourcePage", related_name="tagged_themes", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = "thème d'une ressource"
        verbose_name_plural = "thèmes des ressources"
        indexes = [models.Index(fields=["tag", "content_object"], name="resource_theme_link_idx")]


class ResourceOrganisation(Orderable):
    """An organisation that runs a resource, in the order the editor chose (lead first)."""

    page = ParentalKey(
        "resources.ResourcePage", related_name="organisation_links", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        "resources.Organisation",
        verbose_name="structure",
        on_delete=models.CASCADE,
        related_name="resource_links",
        help_text="Choisissez une structure existante ou créez-la depuis ce sélecteur.",
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        # Then by pk: links saved outside the admin may have no sort_order, and the database
        # would return them in any order (a restore changed "Région, ADI" into "ADI, Région").
        ordering = ["sort_order", "pk"]
        verbose_name = "structure porteuse"
        verbose_name_plural = "structures porteuses"


class ResourceDocument(Orderable):
    """A document to download from a resource page (form, regulation, slides...)."""

    page = ParentalKey("resources.ResourcePage", related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="PDF, Word, Excel, OpenDocument... Le type et le poids du fichier sont affichés.",
    )
    label = models.CharField(
        "libellé",
        max_length=120,
        blank=True,
        help_text="Sans libellé, le titre du document est utilisé.",
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"

    @property
    def title(self):
        return self.label or self.document.title


class ResourceRelatedPage(Orderable):
    """A news item, webinar or testimonial where the resource was presented.

    Stored on the resource only; the news side reads it backwards through the
    ``{% resources_presented_in page %}`` tag, so an editor links the two once.
    """

    page = ParentalKey(
        "resources.ResourcePage", related_name="related_news", on_delete=models.CASCADE
    )
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="actualité liée",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Un article, un webinaire ou un témoignage où la ressource a été présentée.",
    )

    panels = [PresentingPageChooserPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = "actualité liée"
        verbose_name_plural = "actualités liées"

    def clean(self):
        super().clean()
        if self.related_page_id is None:
            return
        model = self.related_page.specific_class
        if model is None or model not in presenting_page_types():
            raise ValidationError(
                {"related_page": "Choisissez un article, un webinaire ou un témoignage."}
            )


class ResourceQuerySet(SitePageQuerySet):
    def alphabetical(self):
        return self.order_by("title", "pk")


class ResourcePage(CardPreviewMixin, BasePage):
    """A scheme (dispositif), a tool, a guide or webinar material: one entry of the library.

    Everything a visitor compares between resources is a structured field (kind, organisations,
    audiences, themes, dates) so that the listing filters on it; the free text goes in the body.
    """

    kind = models.CharField(
        "type de ressource",
        max_length=20,
        choices=ResourceKind.choices,
        default=ResourceKind.SCHEME,
        help_text="Sert au filtre « Type » de la liste et s'affiche au-dessus du titre.",
    )
    summary = models.TextField(
        "résumé",
        max_length=600,
        help_text="Deux ou trois phrases : ce que c'est et pour qui. Montré sur les cartes, "
        "en tête de page et aux moteurs de recherche.",
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name="présentation détaillée",
        blank=True,
        help_text="Le détail de la ressource, fait de blocs : titres, textes, images...",
    )
    audiences = ParentalManyToManyField(
        "resources.Audience",
        verbose_name="publics",
        blank=True,
        related_name="resources",
        help_text="À qui s'adresse la ressource ; sert au filtre « Public » de la liste.",
    )
    themes = ThemeTaggableManager(
        "thèmes",
        through=ResourcePageTheme,
        blank=True,
        help_text="Les thèmes du site, séparés par des virgules, par exemple « Économie "
        "territoriale ». Le « # » est facultatif. La ressource apparaît aussi sur la page "
        "du thème dans les actualités.",
    )
    eligibility = RichTextField(
        "éligibilité",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Qui peut en bénéficier et à quelles conditions (territoire, taille, projet...).",
    )
    provides = RichTextField(
        "ce que la ressource finance ou apporte",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Les dépenses financées, le taux ou le montant de l'aide, ou ce que l'outil "
        "apporte concrètement.",
    )
    opens_on = models.DateField(
        "date d'ouverture",
        null=True,
        blank=True,
        help_text="Premier jour où l'on peut déposer un dossier. Vide : déjà ouvert.",
    )
    closes_on = models.DateField(
        "date de clôture",
        null=True,
        blank=True,
        help_text="Dernier jour de dépôt (inclus). Sans aucune date, la ressource est "
        "« permanente » ; le statut (ouvert, clos, à venir) se calcule seul.",
    )
    official_url = models.URLField(
        "lien officiel",
        blank=True,
        max_length=500,
        help_text="La page officielle du dispositif ou de l'outil chez la structure qui le porte.",
    )
    contact_name = models.CharField(
        "contact",
        max_length=200,
        blank=True,
        help_text="Le service ou la personne à contacter, par exemple « Service artisanat ».",
    )
    contact_email = models.EmailField(
        "adresse électronique du contact",
        blank=True,
        help_text="Affichée sous forme de lien « écrire ».",
    )
    contact_phone = models.CharField(
        "téléphone du contact",
        max_length=30,
        blank=True,
        help_text="Par exemple « 05 57 57 80 00 ».",
    )

    objects = SitePageManager.from_queryset(ResourceQuerySet)()

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    card_preview_template = "resources/card_preview.html"

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    sheet_panels = [
        InlinePanel(
            "organisation_links",
            heading="Structures porteuses",
            label="Structure",
            help_text="La structure cheffe de file d'abord.",
        ),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes"),
        FieldPanel("eligibility"),
        FieldPanel("provides"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")])],
            heading="Calendrier",
        ),
        FieldPanel("official_url"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading="Contact",
        ),
    ]
    links_panels = [
        InlinePanel("documents", heading="Documents à télécharger", label="Document"),
        InlinePanel(
            "related_news",
            heading="Présentée dans",
            label="Actualité liée",
            help_text="Les webinaires, articles ou témoignages où la ressource a été présentée ; "
            "ils la listeront à leur tour.",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Contenu"),
            ObjectList(sheet_panels, heading="Fiche"),
            ObjectList(links_panels, heading="Documents et liens"),
            ObjectList(BasePage.promote_panels, heading="Promotion"),
            ObjectList(BasePage.settings_panels, heading="Publication"),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("eligibility"),
        index.SearchField("provides"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("opens_on"),
        index.FilterField("closes_on"),
    ]

    class Meta:
        verbose_name = "ressource"
        verbose_name_plural = "ressources"
        # The "open now" filter and the status dates.
        indexes = [models.Index(fields=["closes_on", "opens_on"], name="resource_dates_idx")]

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": "La date de clôture doit suivre la date d'ouverture."}
            )

    def get_summary(self):
        return self.summary

    # Status --------------------------------------------------------------------------------
    def get_status(self, today=None):
        return compute_status(self.opens_on, self.closes_on, today)

    @property
    def status(self):
        """``ResourceStatus`` today: ``.label`` for people, ``.value`` for CSS classes."""
        return self.get_status()

    @property
    def status_text(self):
        """``Ouvert jusqu'au 31 mars 2021``, ``Clos depuis le...``, ``Permanent``."""
        return describe_status(self.status, self.opens_on, self.closes_on)

    # Related objects (fetched for a whole list by ``card_prefetch``, see ``home.cards``) ----
    @classmethod
    def card_prefetch(cls):
        return [
            Prefetch(
                "organisation_links",
                queryset=ResourceOrganisation.objects.select_related("organisation").order_by(
                    "sort_order", "pk"
                ),
            ),
            "audiences",
            Prefetch("tagged_themes", queryset=ResourcePageTheme.objects.select_related("tag")),
        ]

    @property
    def organisations(self):
        return [link.organisation for link in self.organisation_links.all()]

    @property
    def theme_list(self):
        return sorted((item.tag for item in self.tagged_themes.all()), key=lambda t: t.name)

    @property
    def audience_list(self):
        return list(self.audiences.all())

    def get_documents(self):
        return [link for link in self.documents.all() if link.document_id]

    def get_related_news(self):
        """The news pages this resource was presented in that a visitor may open, in the editor's
        order (``home.visibility``)."""
        return visible_pages([link.related_page_id for link in self.related_news.all()])
