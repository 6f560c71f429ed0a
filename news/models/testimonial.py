from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, PageChooserPanel
from wagtail.search import index

from home.cards import image_prefetch
from news import structured_data

from .pages import NewsPage
from .webinar import WebinarPage

# The twelve départements of Nouvelle-Aquitaine.
DEPARTEMENTS = [
    ("16", "Charente (16)"),
    ("17", "Charente-Maritime (17)"),
    ("19", "Corrèze (19)"),
    ("23", "Creuse (23)"),
    ("24", "Dordogne (24)"),
    ("33", "Gironde (33)"),
    ("40", "Landes (40)"),
    ("47", "Lot-et-Garonne (47)"),
    ("64", "Pyrénées-Atlantiques (64)"),
    ("79", "Deux-Sèvres (79)"),
    ("86", "Vienne (86)"),
    ("87", "Haute-Vienne (87)"),
]


class TestimonialPage(NewsPage):
    """A testimonial (témoignage): a territory tells how it carried a project.

    The story is the body; who speaks and where are structured fields, so that listings, feeds and
    search engines can say who testifies.
    """

    speaker_name = models.CharField(
        "nom de la personne",
        max_length=120,
        blank=True,
        help_text="Qui témoigne. Laissez vide si c'est la structure qui s'exprime.",
    )
    speaker_role = models.CharField(
        "fonction",
        max_length=160,
        blank=True,
        help_text="Par exemple « chargée de mission développement économique ».",
    )
    organisation = models.CharField(
        "structure",
        max_length=200,
        help_text="Par exemple « Communauté de communes du Val de l'Eyre ».",
    )
    territory = models.CharField(
        "territoire",
        max_length=200,
        blank=True,
        help_text="Le territoire concerné, s'il diffère de la structure (pays, bassin de vie...).",
    )
    departement = models.CharField(
        "département",
        max_length=3,
        choices=DEPARTEMENTS,
        blank=True,
        help_text="Le département du territoire.",
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="portrait ou logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Le portrait de la personne (avec son accord) ou le logo de la structure.",
    )
    pull_quote = models.TextField(
        "citation mise en avant",
        max_length=400,
        help_text="Une phrase forte du témoignage, montrée en grand et sur les cartes.",
    )
    webinar = models.ForeignKey(
        "news.WebinarPage",
        verbose_name="webinaire",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
        help_text="Le webinaire où ce témoignage a été donné, s'il y en a un.",
    )

    __test__ = False  # not a pytest test class, despite its name

    kind = "temoignage"
    kind_label = "Témoignage"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    testimonial_panels = [
        MultiFieldPanel(
            [
                FieldPanel("speaker_name"),
                FieldPanel("speaker_role"),
                FieldPanel("organisation"),
                FieldPanel("territory"),
                FieldPanel("departement"),
                FieldPanel("portrait"),
            ],
            heading="Qui témoigne",
        ),
        FieldPanel("pull_quote"),
        PageChooserPanel("webinar", page_type="news.WebinarPage"),
    ]
    search_fields = NewsPage.search_fields + [
        index.SearchField("speaker_name"),
        index.SearchField("organisation"),
        index.SearchField("territory"),
        index.SearchField("pull_quote"),
    ]

    class Meta:
        verbose_name = "témoignage"
        verbose_name_plural = "témoignages"

    def get_structured_data(self, request):
        return [structured_data.testimonial(self, request)]

    @classmethod
    def card_prefetch(cls):
        return [*super().card_prefetch(), image_prefetch("portrait")]

    @property
    def card_image(self):
        return self.main_image or self.portrait

    @property
    def card_meta(self):
        return self.organisation

    def visible_webinar(self):
        """The webinar of this testimonial, if a visitor may open it."""
        if self.webinar_id is None:
            return None
        return WebinarPage.objects.visible().filter(pk=self.webinar_id).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["webinar_page"] = self.visible_webinar()
        return context

    @property
    def speaker(self):
        """``Name, role, organisation``: who speaks, in one line."""
        parts = [self.speaker_name, self.speaker_role, self.organisation]
        return ", ".join(part for part in parts if part)


TestimonialPage.edit_handler = TestimonialPage.build_edit_handler(
    [ObjectList(TestimonialPage.testimonial_panels, heading="Témoignage")]
)
