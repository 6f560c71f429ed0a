"""Demo content of the site-wide app: home page, "Le Club", legal pages, site settings.

The legal pages follow what a public body's site must publish: the publisher and its director of
publication, the host, and an accessibility statement whose footer link tells the compliance level
("Accessibilité : non conforme" while the site has not been audited, as the RGAA requires). The
statement is dated the day the demo content is created, the day its text was written.
"""

from django.utils import timezone

from home.formatting import date_fr
from home.models import HomePage, SiteSettings, StandardPage

from .blocks import heading, paragraph


def load(loader, **context):
    home = loader.home_page(
        HomePage,
        title="Club des Développeurs de Nouvelle-Aquitaine",
        headline="Des solutions concrètes pour les porteurs de projets des territoires "
        "néo-aquitains.",
        introduction=(
            "<p>Le Club réunit les chefs de projet et développeurs territoriaux de la région "
            "pour partager leurs pratiques, découvrir les dispositifs qui financent leurs projets "
            "et professionnaliser l'ingénierie territoriale.</p>"
        ),
        key_figures=[
            (
                "figure",
                {"figure": "12", "label": "ingénieurs de projets dans la phase expérimentale"},
            ),
            (
                "figure",
                {
                    "figure": "111",
                    "label": "postes d'ingénierie territoriale soutenus par la Région",
                },
            ),
            ("figure", {"figure": "2020", "label": "lancement du Club, le 19 novembre"}),
        ],
        search_description="Le réseau des chefs de projet et développeurs territoriaux de "
        "Nouvelle-Aquitaine : actualités, webinaires, témoignages et ressources.",
    )

    club_image = loader.image(
        "Le réseau du Club",
        "Illustration : trois points reliés, symbole de la mise en réseau des développeurs.",
    )
    club = loader.page(
        home,
        StandardPage,
        "le-club",
        title="Le Club",
        show_in_menus=True,
        introduction="Un réseau lancé par la Région pour renforcer l'ingénierie des territoires "
        "et faire émerger des projets porteurs d'attractivité, d'emploi et de résilience.",
        body=[
            heading("Pourquoi un club des développeurs ?"),
            paragraph(
                "<p>Les porteurs de projets des territoires néo-aquitains affrontent chaque jour "
                "des défis concrets : monter un dossier de financement, mobiliser des partenaires, "
                "faire aboutir un projet. Le Club des Développeurs leur apporte des réponses "
                "pratiques et un réseau de pairs.</p>"
                "<p>Il arrive à un moment clé : les contrats de territoire entrent dans leur phase "
                "finale et une nouvelle contractualisation doit être préparée avec les territoires "
                "pour leur succéder.</p>"
            ),
            (
                "image",
                {
                    "image": {"image": club_image, "decorative": False, "alt_text": ""},
                    "caption": "La mise en réseau, cœur du Club.",
                    "credit": "",
                },
            ),
            heading("Un partenariat DATAR – ADI"),
            paragraph(
                "<p>Le Club a été lancé par la DATAR, la direction de l'aménagement du territoire "
                "de la Région Nouvelle-Aquitaine, avec ADI Nouvelle-Aquitaine. Il s'appuie sur le "
                "programme expérimental « Boostez la réussite de vos projets », animé par le CNER, "
                "la fédération des agences d'attractivité.</p>"
                "<p>Ce programme vise une plus grande professionnalisation de l'ingénierie "
                "territoriale.</p>"
            ),
            heading("Mise en réseau et partage"),
            paragraph(
                "<p>Le Club favorise la mise en réseau, le partage de pratiques et les "
                "collaborations entre ingénieurs territoriaux. Il propose :</p>"
                "<ul><li>des sessions collectives ;</li>"
                "<li>des présentations de dispositifs et d'outils pour l'ingénierie de projet ;</li>"
                "<li>un accompagnement individuel ;</li>"
                "<li>la mise en pratique opérationnelle de projets de territoire.</li></ul>"
            ),
            heading("Une phase expérimentale, puis toute la région"),
            paragraph(
                "<p>Douze ingénieurs de projets ont d'abord été retenus pour la phase "
                "expérimentale. Un premier retour de leurs expériences, prévu en mars 2021, "
                "permettra d'affiner le dispositif avant de l'étendre à l'ensemble de "
                "l'ingénierie territoriale de la région.</p>"
            ),
            (
                "key_figures",
                {
                    "title": "Les chiffres du Club",
                    "figures": [
                        {
                            "figure": "12",
                            "label": "ingénieurs de projets dans la phase expérimentale",
                        },
                        {
                            "figure": "111",
                            "label": "postes d'ingénierie territoriale soutenus par la Région",
                        },
                    ],
                },
            ),
        ],
    )

    legal = [
        ("mentions-legales", "Mentions légales", LEGAL_NOTICE, ""),
        (
            "accessibilite",
            "Accessibilité",
            accessibility_statement(timezone.localdate()),
            ACCESSIBILITY_FOOTER_LABEL,
        ),
        ("donnees-personnelles", "Données personnelles", PRIVACY_NOTICE, ""),
    ]
    footer_links = [
        (
            loader.page(home, StandardPage, slug, title=title, introduction=intro, body=body),
            footer_label,
        )
        for slug, title, (intro, body), footer_label in legal
    ]

    settings = SiteSettings.load()
    if not settings.support_email:
        # Support requests (/accompagnement/) are sent to this address.
        settings.support_email = "accompagnement@exemple.fr"
        settings.save(update_fields=["support_email"])
        loader._note(True, "adresse des demandes d'accompagnement")
    if not settings.footer_text:
        settings.footer_text = (
            "Le réseau des chefs de projet et développeurs territoriaux de Nouvelle-Aquitaine, "
            "lancé par la Région avec ADI Nouvelle-Aquitaine et le CNER."
        )
        settings.contact_email = "club-developpeurs@exemple.fr"
        settings.postal_address = (
            "Région Nouvelle-Aquitaine – DATAR\n14 rue François-de-Sourdis\n33077 Bordeaux Cedex"
        )
        settings.partners = [
            (
                "partner",
                {
                    "name": "Région Nouvelle-Aquitaine",
                    "logo": None,
                    "url": "https://www.nouvelle-aquitaine.fr",
                },
            ),
            (
                "partner",
                {"name": "ADI Nouvelle-Aquitaine", "logo": None, "url": "https://www.adi-na.fr"},
            ),
            ("partner", {"name": "CNER", "logo": None, "url": "https://www.cner-france.com"}),
        ]
        settings.footer_links = [
            ("link", {"label": label, "page": page, "external_url": ""})
            for page, label in footer_links
        ]
        settings.save()
        loader._note(True, "réglages du site")
    else:
        loader._note(False, "réglages du site")
    return {"home": home, "club": club}


LEGAL_NOTICE = (
    "Qui publie ce site, qui l'héberge et sous quelles conditions réutiliser ses contenus.",
    [
        heading("Éditeur"),
        paragraph(
            "<p>Ce site est édité par la Région Nouvelle-Aquitaine, direction de l'aménagement "
            "du territoire (DATAR), 14 rue François-de-Sourdis, 33077 Bordeaux Cedex, pour le "
            "Club des Développeurs de Nouvelle-Aquitaine.</p>"
            "<p>Directeur de la publication : le président du Conseil régional de "
            "Nouvelle-Aquitaine.</p>"
        ),
        heading("Hébergement"),
        paragraph(
            "<p>Hébergeur : le prestataire d'hébergement retenu par la Région "
            "Nouvelle-Aquitaine, éditeur du site. Pour toute question sur l'hébergement, "
            "écrivez à l'adresse indiquée en pied de page.</p>"
        ),
        heading("Réutilisation des contenus"),
        paragraph(
            "<p>Les textes de ce site peuvent être cités en mentionnant leur source. Les logos des "
            "partenaires restent la propriété de leurs détenteurs.</p>"
        ),
    ],
)

#: The footer link to the statement names the compliance level (RGAA: "non conforme" until an
#: audit has measured it).
ACCESSIBILITY_FOOTER_LABEL = "Accessibilité : non conforme"


def accessibility_statement(established_on):
    """The introduction and body of the accessibility statement, written on ``established_on``."""
    return (
        "La déclaration d'accessibilité du site, selon le référentiel général d'amélioration "
        "de l'accessibilité (RGAA).",
        [
            paragraph(
                "<p>La Région Nouvelle-Aquitaine s'engage à rendre ce site accessible "
                "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.</p>"
            ),
            heading("État de conformité"),
            paragraph(
                "<p>Ce site est <strong>non conforme</strong> au RGAA 4.1 : il n'a pas encore "
                "fait l'objet d'un audit. Chaque type de page est toutefois vérifié "
                "automatiquement, dans un vrai navigateur, à chaque modification du site.</p>"
            ),
            heading("Contenus non accessibles"),
            paragraph(
                "<p>Les documents téléchargeables publiés avant la mise en ligne du site peuvent "
                "ne pas être accessibles. Les vidéos des webinaires peuvent ne pas être "
                "sous-titrées.</p>"
            ),
            heading("Établissement de cette déclaration"),
            paragraph(
                f"<p>Cette déclaration a été établie le {date_fr(established_on)}.</p>"
                "<p>Technologies utilisées : HTML, CSS, JavaScript. Environnements de test : "
                "Chromium avec l'outil axe-core, navigation au clavier.</p>"
            ),
            heading("Retour d'information et contact"),
            paragraph(
                "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous à "
                "l'adresse indiquée en pied de page pour être orienté vers une alternative "
                "accessible ou obtenir le contenu sous une autre forme.</p>"
            ),
            heading("Voies de recours"),
            paragraph(
                "<p>Si vous nous avez signalé un défaut d'accessibilité sans obtenir de réponse "
                "satisfaisante, vous pouvez écrire au Défenseur des droits, contacter le délégué "
                "du Défenseur des droits dans votre région, ou envoyer un courrier gratuit à : "
                "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</p>"
            ),
        ],
    )


PRIVACY_NOTICE = (
    "Quelles données ce site traite, pourquoi, et comment exercer vos droits.",
    [
        heading("Aucun traceur"),
        paragraph(
            "<p>Ce site ne dépose aucun cookie de mesure d'audience ou de publicité et ne charge "
            "aucune ressource depuis un service tiers. Seuls les rédacteurs connectés à "
            "l'administration reçoivent un cookie de session.</p>"
        ),
        heading("Alertes par e-mail"),
        paragraph(
            "<p>Si vous vous abonnez aux alertes (page « Alertes par e-mail »), nous conservons "
            "votre adresse e-mail, les thèmes, types de contenus et le rythme choisis, les dates "
            "de votre demande et de votre confirmation, et la liste des contenus déjà envoyés, "
            "pour un seul usage : vous envoyer ces alertes. L'adresse n'est utilisée pour rien "
            "d'autre et n'est transmise à personne ; seuls les modérateurs du site y ont "
            "accès.</p>"
            "<p>Rien n'est envoyé avant la confirmation par le lien reçu ; une demande non "
            "confirmée est effacée au bout de 7 jours. Chaque alerte contient un lien de "
            "désabonnement en un clic et un lien pour modifier vos choix ou tout supprimer : "
            "le désabonnement efface vos données.</p>"
        ),
        heading("Demandes d'accompagnement"),
        paragraph(
            "<p>Une demande d'accompagnement (page « Demander un accompagnement ») conserve "
            "votre nom, votre structure, votre fonction, votre département et territoire, votre "
            "adresse e-mail, votre téléphone s'il est donné, la description de votre projet, "
            "les thèmes et ressources choisis. Elle sert uniquement à vous répondre et à vous "
            "accompagner ; l'équipe d'animation du Club et les modérateurs du site y ont accès. "
            "Elle est supprimée automatiquement 3 ans après son envoi.</p>"
        ),
        heading("Protection contre les abus"),
        paragraph(
            "<p>Pour limiter les envois abusifs, l'adresse IP et l'adresse e-mail des formulaires "
            "sont comptées sous une forme chiffrée (empreinte), pendant une heure au plus, dans "
            "la mémoire temporaire du site.</p>"
        ),
        heading("Vos droits"),
        paragraph(
            "<p>Conformément au règlement général sur la protection des données (RGPD), vous "
            "disposez d'un droit d'accès, de rectification et d'effacement des données vous "
            "concernant. Pour l'exercer, écrivez à l'adresse indiquée en pied de page. Vous pouvez "
            "aussi adresser une réclamation à la CNIL.</p>"
        ),
    ],
)
