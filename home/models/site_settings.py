from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock

from home.blocks import LinkBlock
from home.page_cache.derived import derived

SOCIAL_NETWORKS = [
    ("linkedin", "LinkedIn"),
    ("youtube", "YouTube"),
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("facebook", "Facebook"),
    ("x", "X"),
]


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        choices=SOCIAL_NETWORKS,
        label="Réseau",
        help_text="Le nom du réseau, qui sert de texte au lien dans le pied de page.",
    )
    url = blocks.URLBlock(
        label="Adresse de la page du Club",
        help_text="L'adresse complète du compte du Club sur ce réseau, commençant par "
        "« https:// ».",
    )

    class Meta:
        icon = "site"
        label = "Réseau social"
        description = "Un compte du Club sur un réseau social, lié depuis le pied de page."
        help_text = "Un compte du Club, lié depuis le pied de page de chaque page."


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label="Nom",
        max_length=120,
        help_text="Le nom complet du partenaire : il s'affiche sans logo et sert de texte "
        "alternatif au logo.",
    )
    logo = ImageChooserBlock(
        label="Logo",
        required=False,
        help_text="Facultatif : le logo, affiché au plus à 200 × 80 pixels, de préférence sur "
        "fond transparent. Sans logo, le nom s'affiche.",
    )
    url = blocks.URLBlock(
        label="Site web",
        required=False,
        help_text="Facultatif : le site du partenaire, lié depuis son nom ou son logo.",
    )

    class Meta:
        icon = "group"
        label = "Partenaire"
        description = "Un partenaire du Club, montré par son logo ou son nom en pied de page."
        help_text = "Un partenaire du Club, montré en pied de page de chaque page."


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    """What the footer and the contact details show on every page.

    https://docs.wagtail.org/en/stable/reference/contrib/settings.html
    """

    contact_email = models.EmailField(
        "adresse de contact",
        blank=True,
        help_text="L'adresse à laquelle écrire au Club, affichée dans le pied de page.",
    )
    support_email = models.EmailField(
        "adresse des demandes d'accompagnement",
        blank=True,
        help_text="L'adresse de l'équipe qui reçoit chaque demande d'accompagnement envoyée "
        "depuis le site. Vide : l'adresse de contact ci-dessus est utilisée.",
    )
    postal_address = models.TextField(
        "adresse postale",
        blank=True,
        help_text="L'adresse de l'animateur du Club, sur plusieurs lignes.",
    )
    footer_text = models.TextField(
        "texte du pied de page",
        blank=True,
        max_length=400,
        help_text="Une ou deux phrases qui présentent le Club en bas de chaque page.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        verbose_name="réseaux sociaux",
        blank=True,
        help_text="Les comptes du Club, dans l'ordre où ils s'affichent.",
    )
    partners = StreamField(
        [("partner", PartnerBlock())],
        verbose_name="partenaires",
        blank=True,
        help_text="Les partenaires dont le logo figure en pied de page.",
    )

    footer_links = StreamField(
        [("link", LinkBlock())],
        verbose_name="liens du pied de page",
        blank=True,
        help_text="Les pages obligatoires d'un site public (mentions légales, accessibilité, "
        "données personnelles) et tout autre lien utile.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("support_email"),
                FieldPanel("postal_address"),
            ],
            heading="Contact",
        ),
        FieldPanel("footer_text"),
        FieldPanel("social_links"),
        FieldPanel("partners"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = "réglages du site"


def current_site_settings(request=None):
    """The site settings, read once per generation (``home.page_cache.derived``) for the pages
    that show them."""
    return derived(request, "site-settings", lambda: SiteSettings.load(request_or_site=request))
