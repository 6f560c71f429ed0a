"""The news sections of the home page."""

import datetime
import re

import pytest
import time_machine

from tests.factories import ArticlePageFactory, TestimonialPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2021, 3, 1, 9, 0, tzinfo=datetime.UTC)


def at(moment):
    return time_machine.travel(moment, tick=False)


def section(html, heading_id):
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    assert match, f"no section {heading_id}"
    return match.group(0)


def test_latest_three_items_newest_first(client, news_index):
    for day in range(1, 6):
        ArticlePageFactory(
            parent=news_index, title=f"Article du {day}", date=datetime.date(2021, 1, day)
        )
    html = client.get("/").content.decode()
    latest = section(html, "dernieres-actualites")
    assert re.findall(r'class="card__title"><a href="[^"]+">([^<]+)<', latest) == [
        "Article du 5",
        "Article du 4",
        "Article du 3",
    ]
    assert '<a href="/actualites/">Toutes les actualités</a>' in latest


def test_next_upcoming_webinar_wins_over_recaps(client, news_index):
    with at(NOW):
        WebinarPageFactory(
            parent=news_index,
            title="Passé",
            starts_at=NOW - datetime.timedelta(days=10),
            recap_summary="<p>Compte rendu.</p>",
        )
        WebinarPageFactory(
            parent=news_index, title="Plus tard", starts_at=NOW + datetime.timedelta(days=30)
        )
        WebinarPageFactory(
            parent=news_index,
            title="Bientôt",
            starts_at=NOW + datetime.timedelta(days=3),
            registration_url="https://inscription.example.org/bientot",
        )
        html = client.get("/").content.decode()
    webinar = section(html, "home-webinaire")
    assert "Prochain webinaire" in webinar and "Bientôt" in webinar
    assert "jeudi 4 mars 2021 à 10 h" in webinar
    assert 'href="https://inscription.example.org/bientot"' in webinar


def test_a_webinar_in_progress_is_still_the_next_one(client, news_index):
    with at(NOW):
        WebinarPageFactory(
            parent=news_index,
            title="En cours",
            starts_at=NOW - datetime.timedelta(minutes=30),
            duration_minutes=60,
        )
        html = client.get("/").content.decode()
    assert "Prochain webinaire" in html and "En cours" in section(html, "home-webinaire")


def test_latest_recap_when_no_webinar_is_announced(client, news_index):
    with at(NOW):
        for days, title, recap in [
            (40, "Ancien", "<p>Oui.</p>"),
            (10, "Récent", "<p>Oui.</p>"),
            (2, "Sans compte rendu", ""),
        ]:
            WebinarPageFactory(
                parent=news_index,
                title=title,
                starts_at=NOW - datetime.timedelta(days=days),
                recap_summary=recap,
            )
        html = client.get("/").content.decode()
    webinar = section(html, "home-webinaire")
    assert "Dernier webinaire" in webinar and "Récent" in webinar
    assert "Lire le compte rendu" in webinar


def test_featured_testimonial_and_themes(client, news_index):
    TestimonialPageFactory(
        parent=news_index, date=datetime.date(2020, 1, 1), pull_quote="Ancienne."
    )
    TestimonialPageFactory(
        parent=news_index,
        date=datetime.date(2021, 1, 1),
        pull_quote="Le Club nous a fait gagner du temps.",
        themes=["Économie territoriale"],
    )
    ArticlePageFactory(parent=news_index, themes=["Économie territoriale", "Tourisme"])
    html = client.get("/").content.decode()
    testimonial = section(html, "home-temoignage")
    assert "Le Club nous a fait gagner du temps." in testimonial
    assert "Ancienne." not in testimonial
    themes = section(html, "home-themes")
    assert re.findall(r'<a class="tag" href="([^"]+)">([^(<]+) \((\d+)', themes) == [
        ("/actualites/themes/economie-territoriale/", "#Économie territoriale", "2"),
        ("/actualites/themes/tourisme/", "#Tourisme", "1"),
    ]


def test_home_without_news_has_no_empty_sections(client, home_page):
    html = client.get("/").content.decode()
    for heading in ["Dernières actualités", "Prochain webinaire", "Témoignage", "Thèmes"]:
        assert heading not in html
