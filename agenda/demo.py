"""Demo content of the agenda: the agenda page and two upcoming example sessions.

The two real sessions of 2020 (the launch webinar of 19 November, the 30 November webinar on aid to
crafts and commerce) come from ``news.demo``: they are the agenda's past sessions. The Club also runs
collective sessions and presentations of schemes (seed); the two upcoming sessions below illustrate
them, are marked as examples in their text, and are dated from the day the demo is loaded. Loading
the demo again moves an example that has passed back into the future, so that the agenda of a
development site always has something to show.
"""

import datetime
import zoneinfo

from django.utils import timezone

from home.demo.blocks import paragraph
from news.models import NewsPageTheme, WebinarPage

from .models import AgendaPage

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
EXAMPLE_NOTE = (
    "<p><em>Session d'exemple, créée pour la démonstration du site : elle n'est pas "
    "réellement programmée.</em></p>"
)

EXAMPLES = [
    {
        "slug": "exemple-session-collective-contrats-de-territoire",
        "days_ahead": 21,
        "at": datetime.time(14, 0),
        "fields": {
            "title": "Exemple : session collective sur les nouveaux contrats de territoire",
            "session_type": "session-collective",
            "duration_minutes": 120,
            "attendance": "hybrid",
            "venue": "Hôtel de Région, 14 rue François de Sourdis, Bordeaux",
            "registration_url": "https://www.example.org/inscription-session-collective",
            "introduction": "Exemple de session collective : les contrats de territoire arrivent "
            "dans leur phase finale ; les chefs de projet partagent leurs pratiques pour préparer "
            "la nouvelle contractualisation.",
        },
        "themes": ["Collectivité territoriale"],
    },
    {
        "slug": "exemple-presentation-dispositifs-artisanat-commerce",
        "days_ahead": 49,
        "at": datetime.time(10, 0),
        "fields": {
            "title": "Exemple : présentation des dispositifs régionaux pour l'artisanat",
            "session_type": "presentation-dispositif",
            "duration_minutes": 60,
            "attendance": "online",
            "registration_url": "https://www.example.org/inscription-presentation",
            "introduction": "Exemple de présentation de dispositif : les aides régionales "
            "destinées à l'artisanat et au commerce, et comment les mobiliser sur son territoire.",
        },
        "themes": ["Économie territoriale"],
    },
]


def example_start(days_ahead, at, today=None):
    """``days_ahead`` days after ``today`` (Paris), at ``at``."""
    today = today or timezone.localdate()
    day = today + datetime.timedelta(days=days_ahead)
    return datetime.datetime.combine(day, at, tzinfo=PARIS)


def load(loader, home=None, news_index=None, **context):
    if home is None or news_index is None:
        raise RuntimeError(
            "agenda.demo needs the home page and the news index: run news.demo first."
        )
    agenda = loader.page(
        home,
        AgendaPage,
        "agenda",
        title="Agenda",
        show_in_menus=True,
        introduction="Les prochains webinaires, sessions collectives et présentations de "
        "dispositifs du Club, et les comptes rendus des sessions passées. Abonnez-vous pour les "
        "retrouver dans votre agenda.",
        search_description="L'agenda des sessions du Club des Développeurs de "
        "Nouvelle-Aquitaine, à ajouter à votre agenda.",
    )
    sessions = {}
    for example in EXAMPLES:
        starts_at = example_start(example["days_ahead"], example["at"])
        themes = [NewsPageTheme(tag=loader.theme(name)) for name in example["themes"]]
        session = loader.page(
            news_index,
            WebinarPage,
            example["slug"],
            starts_at=starts_at,
            body=[paragraph(EXAMPLE_NOTE)],
            tagged_themes=themes,
            **example["fields"],
        )
        if session.is_past():
            session.starts_at = starts_at
            session.save_revision().publish()
            loader._note(True, f"date de « {session.title} » reportée au {starts_at:%d/%m/%Y}")
        sessions[example["slug"]] = session
    return {"agenda": agenda, "example_sessions": sessions}
