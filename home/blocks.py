"""The shared StreamField block library, used by every page type's body.

See https://docs.wagtail.org/en/stable/topics/streamfield.html
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label="Titre",
        max_length=120,
        help_text="Quelques mots qui annoncent la section ; les lecteurs d'écran s'en servent "
        "pour parcourir la page.",
    )
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Titre de section (h2)"), ("h3", "Sous-titre (h3)")],
        default="h2",
        help_text="Commencez par un titre de section ; un sous-titre suit toujours une section.",
    )

    class Meta:
        icon = "title"
        label = "Titre"
        group = "Texte"
        template = "home/blocks/heading.html"
        description = "Un titre qui structure la page (lu par les lecteurs d'écran)."
        preview_value = {"text": "Mise en réseau et partage", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(
        label="Image",
        help_text="Le texte alternatif décrit l'image pour qui ne la voit pas ; "
        "cochez « décorative » seulement si elle n'apporte aucune information.",
    )
    caption = blocks.CharBlock(
        label="Légende",
        required=False,
        max_length=250,
        help_text="Facultative : affichée sous l'image, elle la situe ou la commente sans "
        "répéter le texte alternatif.",
    )
    credit = blocks.CharBlock(
        label="Crédit",
        required=False,
        max_length=120,
        help_text="L'auteur ou la source de l'image, sans « © » (ajouté à l'affichage), par "
        "exemple « Région Nouvelle-Aquitaine ».",
    )

    class Meta:
        icon = "image"
        label = "Image"
        group = "Médias"
        template = "home/blocks/image.html"
        description = (
            "Une image de la médiathèque avec son texte alternatif, sa légende et son crédit. "
            "Choisissez-la dans la médiathèque ou envoyez-en une nouvelle."
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label="Citation",
        help_text="Les mots exacts de la personne, sans guillemets : la mise en page les "
        "signale déjà comme une citation.",
    )
    author = blocks.CharBlock(
        label="Auteur",
        required=False,
        max_length=120,
        help_text="Le nom de la personne citée ; sans nom, la citation s'affiche seule.",
    )
    role = blocks.CharBlock(
        label="Fonction ou structure",
        required=False,
        max_length=200,
        help_text="Affichée après le nom, par exemple « cheffe de projet, Communauté de "
        "communes du Val de l'Eyre ».",
    )

    class Meta:
        icon = "openquote"
        label = "Citation"
        group = "Texte"
        template = "home/blocks/quote.html"
        description = "Une parole mise en avant, avec son auteur."
        preview_value = {
            "text": "Le Club nous aide à faire émerger des projets pour le territoire.",
            "author": "Une cheffe de projet",
            "role": "Exemple",
        }


class LinkStructValue(blocks.StructValue):
    """Resolves a link to an internal page or an external address, so templates stay thin."""

    def url(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("external_url") or ""

    def title(self):
        if self.get("label"):
            return self["label"]
        page = self.get("page")
        return page.title if page else self.get("external_url", "")


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label="Libellé",
        required=False,
        max_length=80,
        help_text="Le texte du lien ; sans libellé, le titre de la page est utilisé.",
    )
    page = blocks.PageChooserBlock(
        label="Page du site",
        required=False,
        help_text="Une page de ce site ; son adresse suit la page si elle est déplacée. "
        "Remplissez ce champ ou l'adresse externe, pas les deux.",
    )
    external_url = blocks.URLBlock(
        label="Adresse externe",
        required=False,
        help_text="L'adresse complète d'un autre site, commençant par « https:// », quand le "
        "lien ne mène pas à une page de ce site.",
    )

    class Meta:
        icon = "link"
        label = "Lien"
        value_class = LinkStructValue
        help_text = "Une page du site ou une adresse externe."

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError("Choisissez une page du site ou une adresse externe.")
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label="Accroche",
        max_length=120,
        help_text="Une phrase courte qui dit ce que le lecteur peut faire, par exemple "
        "« Inscrivez-vous au prochain webinaire ».",
    )
    text = blocks.TextBlock(
        label="Texte",
        required=False,
        help_text="Facultatif : une ou deux phrases qui précisent l'invitation.",
    )
    link = LinkBlock(
        label="Lien",
        help_text="Où mène le bouton ; sans libellé, le bouton porte le titre de la page liée.",
    )

    class Meta:
        icon = "pick"
        label = "Appel à l'action"
        group = "Mise en avant"
        template = "home/blocks/call_to_action.html"
        description = "Un encadré qui invite à agir : s'inscrire, lire, contacter."
        preview_value = {
            "title": "Découvrez les aides de la Région",
            "text": "Les dispositifs qui financent les projets des territoires néo-aquitains.",
            "link": {
                "label": "Voir les aides régionales",
                "page": None,
                "external_url": "https://www.nouvelle-aquitaine.fr",
            },
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(
        label="Document",
        help_text="Choisissez un document de la médiathèque ou envoyez-en un ; préférez un PDF "
        "accessible. Son type et son poids s'affichent à côté du lien.",
    )
    label = blocks.CharBlock(
        label="Libellé",
        required=False,
        max_length=120,
        help_text="Sans libellé, le titre du document est utilisé.",
    )

    class Meta:
        icon = "doc-full"
        label = "Document à télécharger"
        group = "Médias"
        template = "home/blocks/document_link.html"
        description = (
            "Un lien pour télécharger un document de la médiathèque, avec le type et le poids "
            "du fichier."
        )


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label="Chiffre", max_length=20, help_text="Le nombre mis en avant, par exemple « 111 »."
    )
    label = blocks.CharBlock(
        label="Libellé",
        max_length=120,
        help_text="Ce que compte le chiffre, par exemple « postes d'ingénierie soutenus ».",
    )

    class Meta:
        icon = "order"
        label = "Chiffre clé"
        preview_value = {"figure": "12", "label": "ingénieurs de projets"}


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label="Titre",
        required=False,
        max_length=120,
        help_text="Facultatif : un titre au-dessus des chiffres, par exemple « Le Club en "
        "chiffres ».",
    )
    figures = blocks.ListBlock(KeyFigureBlock(), label="Chiffres", min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = "Chiffres clés"
        group = "Mise en avant"
        template = "home/blocks/key_figures.html"
        description = "Deux à six chiffres clés, avec leur libellé."
        preview_value = {
            "title": "Le Club en chiffres",
            "figures": [
                {"figure": "12", "label": "ingénieurs de projets"},
                {"figure": "111", "label": "postes d'ingénierie soutenus"},
            ],
        }


class BaseStreamBlock(blocks.StreamBlock):
    """The body of every content page: one library, so that every page is edited the same way."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label="Texte",
        group="Texte",
        template="home/blocks/paragraph.html",
        description="Du texte mis en forme : paragraphes, listes, liens.",
        help_text="Des paragraphes courts ; pour ouvrir une nouvelle section, ajoutez plutôt "
        "un bloc « Titre ».",
        preview_value="<p>Le Club favorise la mise en réseau et le partage de pratiques.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    key_figures = KeyFiguresBlock()
