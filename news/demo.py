"""Demo content of the news: the Club's first webinars, a testimonial and an announcement.

Facts come from the seed (the launch on 19 November 2020, the 30 November webinar on aids for
crafts and commerce, the Val de l'Eyre community's testimonial, the feedback session of March
2021); the wording is ours. Nothing here invents a figure about a real organisation: the pull quote
and the hours and lengths of the sessions are illustrative and the pages say so ("exemple").
"""

import datetime
import zoneinfo

from home.demo.blocks import heading, paragraph

from .models import (
    ArticlePage,
    NewsIndexPage,
    NewsPageTheme,
    NewsRelatedLink,
    Speaker,
    TestimonialPage,
    WebinarPage,
    WebinarSpeaker,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
ECONOMIE = "Économie territoriale"
COLLECTIVITE = "Collectivité territoriale"
EXAMPLE_NOTE = "<p><em>Contenu de démonstration : l'horaire et la durée de la session sont donnés à titre d'exemple.</em></p>"


def speaker(loader, name, role, organisation):
    found, created = Speaker.objects.get_or_create(
        name=name, defaults={"role": role, "organisation": organisation}
    )
    loader._note(created, f"intervenant « {name} »")
    return found


def themed(*themes):
    """Child objects that tag a new page with ``themes`` (passed to the page's constructor)."""
    return [NewsPageTheme(tag=item) for item in themes]


def load(loader, home=None, **context):
    if home is None:
        raise RuntimeError("news.demo needs the home page: run home.demo.site first.")
    economie = loader.theme(ECONOMIE)
    collectivite = loader.theme(COLLECTIVITE)

    index = loader.page(
        home,
        NewsIndexPage,
        "actualites",
        title="Actualités",
        show_in_menus=True,
        introduction="Les nouvelles du Club des Développeurs : annonces, comptes rendus de "
        "webinaires et témoignages des territoires de Nouvelle-Aquitaine.",
        search_description="Actualités, webinaires et témoignages du Club des Développeurs de "
        "Nouvelle-Aquitaine.",
    )

    datar = speaker(
        loader,
        "Équipe de la DATAR",
        "Direction de l'aménagement du territoire",
        "Région Nouvelle-Aquitaine",
    )
    val_de_l_eyre = speaker(loader, "Communauté de communes du Val de l'Eyre", "", "")

    launch = loader.page(
        index,
        WebinarPage,
        "lancement-du-club-des-developpeurs",
        title="Le Club des Développeurs est lancé",
        starts_at=datetime.datetime(2020, 11, 19, 10, 0, tzinfo=PARIS),
        duration_minutes=90,
        attendance="online",
        introduction="Le 19 novembre 2020, la DATAR a lancé le Club des Développeurs par un "
        "premier webinaire qui a réuni les chefs de projets territoriaux de Nouvelle-Aquitaine.",
        main_image=loader.image(
            "Lancement du Club",
            "Illustration : trois points reliés sur fond bleu, symbole du réseau des "
            "chefs de projets territoriaux.",
        ),
        body=[
            heading("Un réseau pour les chefs de projets territoriaux"),
            paragraph(
                "<p>Le Club veut apporter des solutions concrètes aux défis que rencontrent, "
                "au quotidien, les porteurs de projets des territoires néo-aquitains.</p>"
            ),
            paragraph(EXAMPLE_NOTE),
        ],
        recap_summary=(
            "<p>Premier rendez-vous du Club, ce webinaire a présenté aux chefs de projets "
            "territoriaux de la Région le partenariat entre la DATAR et ADI Nouvelle-Aquitaine. "
            "Ce partenariat s'appuie sur un programme expérimental animé par le CNER, la "
            "fédération des agences d'attractivité : « Boostez la réussite de vos projets ».</p>"
            "<p>L'objectif : professionnaliser davantage l'ingénierie territoriale. Après une "
            "première phase expérimentale, le programme doit s'étendre à toute la région.</p>"
        ),
        key_takeaways=[
            (
                "takeaway",
                "Le Club est porté par la DATAR en partenariat avec ADI Nouvelle-Aquitaine.",
            ),
            (
                "takeaway",
                "Le programme « Boostez la réussite de vos projets » est animé par le CNER.",
            ),
            (
                "takeaway",
                "Une phase expérimentale précède l'extension à toute l'ingénierie territoriale "
                "de la région.",
            ),
        ],
        speakers=[WebinarSpeaker(speaker=datar)],
        tagged_themes=themed(economie, collectivite),
    )

    crafts = loader.page(
        index,
        WebinarPage,
        "webinaire-aides-artisanat-commerce",
        title="Les aides à l'artisanat et au commerce",
        starts_at=datetime.datetime(2020, 11, 30, 10, 0, tzinfo=PARIS),
        duration_minutes=90,
        attendance="online",
        introduction="Le deuxième webinaire du Club, le 30 novembre 2020, a présenté les aides "
        "régionales destinées à l'artisanat et au commerce, avec le témoignage de la "
        "communauté de communes du Val de l'Eyre.",
        main_image=loader.image(
            "Artisanat et commerce",
            "Illustration : bandeau aux couleurs du Club pour le webinaire sur les aides à "
            "l'artisanat et au commerce.",
            colours=("#1d5c3a", "#f2b134"),
        ),
        body=[
            heading("Faire connaître les dispositifs régionaux"),
            paragraph(
                "<p>Les territoires s'interrogent sur les aides qu'ils peuvent mobiliser pour "
                "leurs artisans et leurs commerces. Ce webinaire y répond.</p>"
            ),
            paragraph(EXAMPLE_NOTE),
        ],
        recap_summary=(
            "<p>Ce deuxième webinaire était consacré aux aides régionales destinées à "
            "l'artisanat et au commerce. Il avait un double objectif : faire connaître ces "
            "dispositifs aux développeurs des territoires et répondre à leurs questions.</p>"
            "<p>La communauté de communes du Val de l'Eyre a partagé son expérience, pour montrer "
            "comment un territoire s'empare de ces dispositifs.</p>"
        ),
        key_takeaways=[
            ("takeaway", "Des aides régionales existent pour l'artisanat et le commerce."),
            ("takeaway", "Les territoires ont pu poser leurs questions pendant la session."),
            (
                "takeaway",
                "Le Val de l'Eyre a témoigné de son expérience de ces dispositifs.",
            ),
        ],
        speakers=[WebinarSpeaker(speaker=val_de_l_eyre)],
        tagged_themes=themed(economie),
    )

    testimonial = loader.page(
        index,
        TestimonialPage,
        "temoignage-val-de-l-eyre",
        title="Le Val de l'Eyre partage son expérience",
        date=datetime.date(2020, 11, 30),
        introduction="Lors du webinaire du 30 novembre 2020 sur les aides à l'artisanat et au "
        "commerce, la communauté de communes du Val de l'Eyre a témoigné de son expérience.",
        organisation="Communauté de communes du Val de l'Eyre",
        departement="33",
        pull_quote="Exemple de citation : partager notre expérience, c'est aider d'autres "
        "territoires à se saisir des dispositifs régionaux.",
        webinar=crafts,
        body=[
            paragraph(
                "<p>Pour faire connaître les dispositifs régionaux d'aide à l'artisanat et au "
                "commerce, le Club a donné la parole à un territoire qui les connaît de "
                "l'intérieur : la communauté de communes du Val de l'Eyre, en Gironde.</p>"
                "<p>Son témoignage a permis aux participants de passer des dispositifs sur le "
                "papier à leur mise en œuvre sur un territoire, et d'échanger entre pairs.</p>"
            ),
            paragraph(
                "<p><em>Contenu de démonstration : la citation mise en avant est un exemple "
                "rédigé pour ce site, pas une parole rapportée.</em></p>"
            ),
        ],
        tagged_themes=themed(economie, collectivite),
    )

    feedback = loader.page(
        index,
        ArticlePage,
        "retour-d-experience-mars-2021",
        title="Mars 2021 : un premier retour d'expérience",
        date=datetime.date(2020, 12, 7),
        introduction="En mars 2021, les ingénieurs de projets de la phase expérimentale "
        "partageront un premier retour de leurs expériences, pour affiner le dispositif avant "
        "de l'étendre à toute la région.",
        main_image=loader.image(
            "Retour d'expérience",
            "Illustration : bandeau aux couleurs du Club annonçant le retour d'expérience de "
            "mars 2021.",
            colours=("#5b2a6e", "#f2b134"),
        ),
        body=[
            heading("Une phase expérimentale"),
            paragraph(
                "<p>Dans sa phase expérimentale, le Club accompagne d'abord douze ingénieurs de "
                "projets sélectionnés. Sessions collectives, présentations de dispositifs et "
                "d'outils, accompagnement individuel et mise en pratique sur des projets de "
                "territoire rythment cette première étape.</p>"
            ),
            heading("Un rendez-vous en mars 2021"),
            paragraph(
                "<p>En mars 2021, un premier retour de leurs expériences permettra d'ajuster le "
                "dispositif. Il sera ensuite étendu à l'ensemble de l'ingénierie territoriale de "
                "la Région, qui soutient aujourd'hui 111 postes.</p>"
                "<p>Le calendrier tombe à un moment clé : les contrats de territoire entrent dans "
                "leur phase finale et une nouvelle contractualisation doit leur succéder.</p>"
            ),
        ],
        related_links=[NewsRelatedLink(related_page=launch)],
        tagged_themes=themed(collectivite),
    )

    return {
        "news_index": index,
        "news_themes": {"economie": economie, "collectivite": collectivite},
        "webinars": {"lancement": launch, "artisanat_commerce": crafts},
        "webinar_30_novembre": crafts,
        "testimonials": {"val_de_l_eyre": testimonial},
        "articles": {"retour_mars_2021": feedback},
    }
