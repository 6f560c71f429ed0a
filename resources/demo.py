"""Demo content of the resources library: the CNER programme, the Club's offer, example schemes.

The schemes for crafts and commerce are EXAMPLES (their title says so): they show what the library
holds, not real regional aids. Their dates are set relative to the day the demo is loaded, so
that the demo always shows an open, a permanent and a closed scheme. Documents are PDFs drawn
locally with Pillow: no network, no binary file in the repository.
"""

import datetime
import io
import textwrap

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model

from home.demo.blocks import heading, paragraph
from home.themes import theme_slug
from resources.models import (
    Audience,
    Organisation,
    ResourceDocument,
    ResourceIndexPage,
    ResourceKind,
    ResourceOrganisation,
    ResourcePage,
    ResourcePageTheme,
    ResourceRelatedPage,
)

ORGANISATIONS = {
    "region": ("Région Nouvelle-Aquitaine", "", "https://www.nouvelle-aquitaine.fr"),
    "adi": ("ADI Nouvelle-Aquitaine", "ADI", "https://www.adi-na.fr"),
    "cner": ("CNER, fédération des agences d'attractivité", "CNER", "https://www.cner-france.com"),
}


def load(loader, **context):
    home = context["home"]
    today = timezone.localdate()
    index = loader.page(
        home,
        ResourceIndexPage,
        "ressources",
        title="Ressources",
        show_in_menus=True,
        introduction="Les dispositifs d'aide et les outils d'ingénierie de projet présentés par "
        "le Club : trouvez ceux qui conviennent à votre territoire et à votre projet.",
    )
    orgs = {key: organisation(loader, *values) for key, values in ORGANISATIONS.items()}
    eco = loader.theme("Économie territoriale")
    collectivity = loader.theme("Collectivité territoriale")
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    # news.demo runs first (DEMO_MODULES) and hands over the two webinars of November 2020.
    webinar_19 = context["webinars"]["lancement"]
    webinar_30 = context["webinar_30_novembre"]

    def resource(slug, organisations, audience_slugs, themes, documents=(), webinar=None, **fields):
        return loader.page(
            index,
            ResourcePage,
            slug,
            organisation_links=[
                ResourceOrganisation(organisation=orgs[key], sort_order=position)
                for position, key in enumerate(organisations)
            ],
            audiences=[audiences[key] for key in audience_slugs],
            tagged_themes=[ResourcePageTheme(tag=item) for item in themes],
            documents=[ResourceDocument(document=doc) for doc in documents],
            related_news=[ResourceRelatedPage(related_page=webinar)] if webinar else [],
            **fields,
        )

    boostez = resource(
        "boostez-la-reussite-de-vos-projets",
        ["cner", "adi", "region"],
        ["communes", "intercommunalites", "porteurs-de-projet"],
        [eco, collectivity],
        documents=[
            demo_pdf(
                loader,
                "Boostez la réussite de vos projets : présentation du programme "
                "(document de démonstration)",
                [
                    "Un programme expérimental animé par le CNER, la fédération des agences "
                    "d'attractivité, dans le cadre du partenariat DATAR – ADI Nouvelle-Aquitaine.",
                    "Objectif : une plus grande professionnalisation de l'ingénierie territoriale.",
                    "Phase expérimentale : 12 ingénieurs de projets sélectionnés ; premier retour "
                    "d'expérience en mars 2021, puis extension à toute la région.",
                ],
            )
        ],
        webinar=webinar_19,
        title="Boostez la réussite de vos projets",
        kind=ResourceKind.TOOL,
        summary="Le programme expérimental animé par le CNER, la fédération des agences "
        "d'attractivité, pour professionnaliser l'ingénierie territoriale et faire aboutir les "
        "projets de territoire.",
        eligibility=(
            "<p>Les ingénieurs et chefs de projet territoriaux de Nouvelle-Aquitaine. Dans la "
            "phase expérimentale, douze ingénieurs de projets sont d'abord sélectionnés ; le "
            "programme sera ensuite étendu à l'ensemble de l'ingénierie territoriale de la "
            "région.</p>"
        ),
        provides=(
            "<ul><li>des méthodes éprouvées par les agences d'attractivité pour conduire un "
            "projet de territoire ;</li>"
            "<li>un cadre commun pour professionnaliser l'ingénierie territoriale ;</li>"
            "<li>un retour d'expérience collectif, prévu en mars 2021, pour affiner le "
            "programme avant son extension.</li></ul>"
        ),
        body=[
            heading("Un partenariat DATAR – ADI"),
            paragraph(
                "<p>Le programme a été présenté lors du premier webinaire du Club, le 19 "
                "novembre 2020, qui a réuni les chefs de projets territoriaux de "
                "Nouvelle-Aquitaine autour du partenariat entre la DATAR et ADI "
                "Nouvelle-Aquitaine.</p>"
            ),
        ],
        opens_on=datetime.date(2020, 11, 19),
        official_url="https://www.cner-france.com",
    )

    club_offer = resource(
        "offre-du-club",
        ["region", "adi"],
        ["communes", "intercommunalites", "porteurs-de-projet"],
        [collectivity, eco],
        title="L'offre du Club des Développeurs",
        kind=ResourceKind.TOOL,
        summary="Sessions collectives, présentations de dispositifs et d'outils, accompagnement "
        "individuel et mise en pratique sur des projets de territoire : ce que le Club propose "
        "aux développeurs territoriaux.",
        eligibility=(
            "<p>Les chefs de projet et développeurs territoriaux de Nouvelle-Aquitaine : agents "
            "des communes, des intercommunalités et des structures qui portent des projets de "
            "territoire.</p>"
        ),
        provides=(
            "<ul><li><strong>Des sessions collectives</strong> pour partager les pratiques "
            "entre pairs ;</li>"
            "<li><strong>des présentations de dispositifs et d'outils</strong> pour "
            "l'ingénierie de projet ;</li>"
            "<li><strong>un accompagnement individuel</strong> des porteurs de projets ;</li>"
            "<li><strong>la mise en pratique opérationnelle</strong> de projets de "
            "territoire.</li></ul>"
        ),
        body=[
            paragraph(
                "<p>Le Club favorise la mise en réseau, le partage de pratiques et les "
                "collaborations dans l'ingénierie territoriale, pour faire émerger des "
                "projets générateurs d'attractivité, d'emploi et de résilience.</p>"
            )
        ],
        contact_name="Club des Développeurs – Région Nouvelle-Aquitaine (DATAR)",
        contact_email="club-developpeurs@exemple.fr",
    )

    example_sheet = demo_pdf(
        loader,
        "Exemple de fiche dispositif : modernisation des commerces (document de démonstration)",
        [
            "EXEMPLE – Ce document illustre la bibliothèque de ressources du Club ; il ne décrit "
            "pas un dispositif réel.",
            "Bénéficiaires : artisans et commerçants de proximité.",
            "Dépenses éligibles : vitrines, accessibilité, équipements, outils numériques.",
            "Dépôt des dossiers au fil de l'eau.",
        ],
    )
    example_permanent = resource(
        "exemple-modernisation-commerces-artisanat",
        ["region"],
        ["artisans-commercants", "entreprises"],
        [eco],
        documents=[example_sheet],
        webinar=webinar_30,
        title="Exemple : aide à la modernisation des commerces et de l'artisanat de proximité",
        kind=ResourceKind.SCHEME,
        summary="Exemple de dispositif, pour illustrer la bibliothèque : une aide à "
        "l'investissement des artisans et commerçants de proximité, déposée au fil de l'eau.",
        eligibility=(
            "<p>Exemple : les entreprises artisanales et commerciales de moins de dix salariés, "
            "installées dans une commune de moins de 20 000 habitants.</p>"
        ),
        provides=(
            "<p>Exemple : une subvention aux investissements de modernisation (vitrine, "
            "accessibilité, équipements, outils numériques de vente).</p>"
        ),
        contact_name="Exemple : service artisanat et commerce de la Région",
    )
    example_open = resource(
        "exemple-revitalisation-commerciale-centres-bourgs",
        ["region", "adi"],
        ["communes", "intercommunalites", "artisans-commercants"],
        [eco, collectivity],
        webinar=webinar_30,
        title="Exemple : appel à projets pour la revitalisation commerciale des centres-bourgs",
        kind=ResourceKind.SCHEME,
        summary="Exemple d'appel à projets, pour illustrer la bibliothèque : soutenir les "
        "communes qui réinstallent commerces et artisans en centre-bourg, avec leurs "
        "commerçants.",
        eligibility=(
            "<p>Exemple : les communes et intercommunalités, associées aux artisans et "
            "commerçants du centre-bourg concerné.</p>"
        ),
        provides=(
            "<p>Exemple : les études de programmation, l'acquisition et la remise en état de "
            "locaux commerciaux vacants, l'animation commerciale.</p>"
        ),
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today + datetime.timedelta(days=150),
    )
    example_closed = resource(
        "exemple-transmission-reprise-artisanat",
        ["adi", "region"],
        ["artisans-commercants", "porteurs-de-projet"],
        [eco],
        webinar=webinar_30,
        title="Exemple : soutien à la transmission et à la reprise d'entreprises artisanales",
        kind=ResourceKind.SCHEME,
        summary="Exemple de dispositif clos, pour illustrer la bibliothèque : un "
        "accompagnement des cédants et repreneurs d'entreprises artisanales.",
        eligibility="<p>Exemple : les repreneurs d'une entreprise artisanale de la région.</p>",
        provides="<p>Exemple : un diagnostic de l'entreprise et une avance remboursable.</p>",
        opens_on=datetime.date(2020, 11, 30),
        closes_on=datetime.date(2021, 6, 30),
    )
    slides = resource(
        "support-webinaire-30-novembre-2020",
        ["region", "adi"],
        ["communes", "intercommunalites", "artisans-commercants"],
        [eco],
        documents=[
            demo_pdf(
                loader,
                "Webinaire du 30 novembre 2020 : aides à l'artisanat et au commerce "
                "(document de démonstration)",
                [
                    "Second webinaire du Club des Développeurs : les aides destinées à "
                    "l'artisanat et au commerce.",
                    "Faire connaître les dispositifs régionaux et répondre aux questions des "
                    "territoires.",
                    "Témoignage : la communauté de communes du Val de l'Eyre.",
                ],
            )
        ],
        webinar=webinar_30,
        title="Support du webinaire du 30 novembre 2020 : aides à l'artisanat et au commerce",
        kind=ResourceKind.WEBINAR_MATERIAL,
        summary="Le support du second webinaire du Club, consacré aux aides destinées à "
        "l'artisanat et au commerce, avec le témoignage de la communauté de communes du Val "
        "de l'Eyre.",
    )
    return {
        "resource_index": index,
        "resource_boostez": boostez,
        "resource_club_offer": club_offer,
        "resource_examples": [example_permanent, example_open, example_closed],
        "resource_webinar_30_slides": slides,
    }


def organisation(loader, name, acronym, website):
    found = Organisation.objects.filter(name=name).first()
    if found is not None:
        loader._note(False, f"structure « {name} »")
        return found
    created = Organisation.objects.create(name=name, acronym=acronym, website=website)
    loader._note(True, f"structure « {name} »")
    return created


def demo_pdf(loader, title, lines):
    """A one-page A4 PDF drawn with Pillow, stored as a Wagtail document (matched by title)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        loader._note(False, f"document « {title} »")
        return existing
    document = Document(title=title, collection=loader.collection())
    document.file = ContentFile(draw_pdf(title, lines), name=f"{theme_slug(title)[:60]}.pdf")
    document._set_document_file_metadata()
    document.save()
    loader._note(True, f"document « {title} »")
    return document


def draw_pdf(title, lines):
    width, height = 1240, 1754  # A4 at 150 dpi
    page = PILImage.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(page)
    small = ImageFont.load_default(size=26)
    large = ImageFont.load_default(size=40)
    draw.rectangle([0, 0, width, 150], fill="#0b4f6c")
    draw.text((90, 55), "Club des Développeurs de Nouvelle-Aquitaine", fill="#ffffff", font=small)
    y = 230
    for row in textwrap.wrap(title, 48):
        draw.text((90, y), row, fill="#1b2430", font=large)
        y += 56
    y += 40
    for line in lines:
        for row in textwrap.wrap(line, 78):
            draw.text((90, y), row, fill="#1b2430", font=small)
            y += 38
        y += 24
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150.0)
    return buffer.getvalue()
