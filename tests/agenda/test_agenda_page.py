"""The agenda page: upcoming sessions by month, past ones with their recaps, filters, empty states."""

import datetime
import re
from html import unescape

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from agenda import views as agenda_views
from agenda.models import AgendaPage
from agenda.views import PAST_PER_PAGE, UPCOMING_SHOWN
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage
from tests.agenda.conftest import count_queries, make_session, paris
from tests.agenda.ics import events_by_uid
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

NOW = paris(2026, 11, 20, 9)


def html_of(client, url="/agenda/", status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return unescape(response.content.decode())


def section(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>\n  <section", start)
    return html[start : end if end != -1 else len(html)]


def titles(html):
    return re.findall(r'class="agenda-session__title"><a href="[^"]*">([^<]*)</a>', html)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_upcoming_sessions_are_grouped_by_month_in_date_order(
    client, agenda_page, news_index, frozen
):
    make_session(news_index, title="Janvier", starts_at=paris(2027, 1, 12, 10))
    make_session(news_index, title="Décembre tard", starts_at=paris(2026, 12, 15, 14, 30))
    make_session(news_index, title="Décembre tôt", starts_at=paris(2026, 12, 1, 9))
    make_session(news_index, title="Novembre", starts_at=paris(2026, 11, 30, 14))
    html = html_of(client)
    upcoming = section(html, "a-venir")
    months = re.findall(r'class="agenda-month__title">([^<]*)<', upcoming)
    assert months == ["Novembre 2026", "Décembre 2026", "Janvier 2027"]
    assert titles(upcoming) == ["Novembre", "Décembre tôt", "Décembre tard", "Janvier"]
    assert "4 sessions à venir" in upcoming
    assert "mardi 15 décembre 2026, 14 h 30" in upcoming and "(heure de Paris)" in upcoming
    assert "mardi 1er décembre 2026, 9 h" in upcoming


def test_month_labels_are_french_and_lowercase_in_the_context(rf, agenda_page, news_index, frozen):
    from agenda.views import group_by_month

    sessions = [
        make_session(news_index, starts_at=paris(2026, 12, 31, 23, 30)),  # 22:30 UTC
        make_session(news_index, starts_at=paris(2027, 2, 1, 0, 30)),  # 31 January, 23:30 UTC
    ]
    assert [group["label"] for group in group_by_month(sessions)] == [
        "décembre 2026",
        "février 2027",
    ]


def test_each_upcoming_session_says_when_how_and_where(client, agenda_page, news_index, frozen):
    make_session(
        news_index,
        title="Atelier sur place",
        session_type="atelier",
        starts_at=paris(2026, 12, 3, 14),
        duration_minutes=150,
        attendance="onsite",
        venue="Maison de la Région, Limoges",
        registration_url="https://inscription.example.org/atelier",
        themes=["Économie territoriale"],
    )
    html = section(html_of(client), "a-venir")
    assert "Atelier" in html and "2 h 30" in html
    assert "Sur place : Maison de la Région, Limoges" in html
    assert 'href="https://inscription.example.org/atelier"' in html
    assert "#Économie territoriale" in html
    assert re.search(
        r'href="http://testserver/agenda/sessions/\d+\.ics" download>Ajouter à mon agenda', html
    )


def test_a_cancelled_session_says_so_without_registration(client, agenda_page, news_index, frozen):
    make_session(
        news_index,
        title="Session annulée",
        starts_at=paris(2026, 12, 3, 14),
        cancelled=True,
        registration_url="https://inscription.example.org/annulee",
    )
    html = section(html_of(client), "a-venir")
    assert "Annulée" in html and "Cette session n'aura pas lieu." in html
    assert "inscription.example.org/annulee" not in html and "Ajouter à mon agenda" not in html


def test_past_sessions_link_to_their_recap_or_say_it_is_coming(
    client, agenda_page, news_index, frozen
):
    make_session(
        news_index,
        title="Avec compte rendu",
        starts_at=paris(2026, 10, 1, 10),
        recap_summary="<p>Ce qui s'est dit.</p>",
    )
    make_session(news_index, title="Sans compte rendu", starts_at=paris(2026, 11, 1, 10))
    make_session(news_index, title="Annulée", starts_at=paris(2026, 9, 1, 10), cancelled=True)
    past = section(html_of(client), "passees")
    assert titles(past) == ["Sans compte rendu", "Avec compte rendu", "Annulée"]
    assert "Compte rendu à venir" in past
    assert "Lire le compte rendu" in past and "#compte-rendu" in past
    assert past.count("Compte rendu à venir") == 1
    assert '<span class="agenda-session__status">Annulée</span>' in past


def test_a_session_in_progress_is_still_upcoming(client, agenda_page, news_index):
    make_session(
        news_index, title="En cours", starts_at=paris(2026, 11, 20, 8, 30), duration_minutes=60
    )
    with time_machine.travel(NOW, tick=False):
        html = html_of(client)
    assert titles(section(html, "a-venir")) == ["En cours"]
    with time_machine.travel(NOW + datetime.timedelta(minutes=31), tick=False):
        html = html_of(client)
    assert titles(section(html, "passees")) == ["En cours"]


def test_past_sessions_are_paginated(client, agenda_page, news_index, frozen):
    for number in range(PAST_PER_PAGE + 2):
        make_session(
            news_index, title=f"Passée {number:02d}", starts_at=paris(2026, 1, 1 + number, 10)
        )
    first = titles(section(html_of(client), "passees"))
    assert len(first) == PAST_PER_PAGE and first[0] == f"Passée {PAST_PER_PAGE + 1:02d}"
    second = html_of(client, "/agenda/?page=2")
    assert titles(section(second, "passees")) == ["Passée 01", "Passée 00"]
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2' in second
    assert "sessions passées, page 2" in second
    html_of(client, "/agenda/?page=3", status=404)
    assert titles(section(html_of(client, "/agenda/?page=abc"), "passees")) == first
    html_of(client, "/agenda/?page=99999999999999999999", status=404)


def test_filters_by_theme_and_attendance(client, agenda_page, news_index, frozen):
    make_session(
        news_index, title="Éco en ligne", attendance="online", themes=["Économie territoriale"]
    )
    make_session(
        news_index,
        title="Collectivité sur place",
        attendance="onsite",
        venue="Bordeaux",
        themes=["Collectivité territoriale"],
    )
    make_session(
        news_index,
        title="Éco hybride",
        attendance="hybrid",
        venue="Pau",
        themes=["Économie territoriale"],
    )
    by_theme = html_of(client, "/agenda/?theme=economie-territoriale")
    assert sorted(titles(by_theme)) == ["Éco en ligne", "Éco hybride"]
    assert "S'abonner à l'agenda #Économie territoriale" in by_theme
    assert "/agenda/themes/economie-territoriale/agenda.ics" in by_theme
    assert "Effacer les filtres" in by_theme
    assert sorted(titles(html_of(client, "/agenda/?modalite=en-ligne"))) == [
        "Éco en ligne",
        "Éco hybride",
    ]
    assert sorted(titles(html_of(client, "/agenda/?modalite=sur-place"))) == [
        "Collectivité sur place",
        "Éco hybride",
    ]
    assert titles(html_of(client, "/agenda/?modalite=sur-place&theme=economie-territoriale")) == [
        "Éco hybride"
    ]
    # Empty values mean "all", and other parameters are ignored.
    assert len(titles(html_of(client, "/agenda/?theme=&modalite=&utm_source=lettre"))) == 3


@pytest.mark.parametrize(
    "query",
    [
        "theme=inconnu",
        "modalite=visio",
        "theme=%00",
        "theme=" + "x" * 500,
        "modalite=%FF",
        "theme[]=a",
    ],
)
def test_a_filter_that_names_nothing_answers_404(client, agenda_page, news_index, frozen, query):
    make_session(news_index, themes=["Économie territoriale"])
    if query == "theme[]=a":  # an unknown parameter is ignored
        assert client.get(f"/agenda/?{query}").status_code == 200
    else:
        assert client.get(f"/agenda/?{query}").status_code == 404


def test_a_theme_only_unpublished_sessions_carry_is_not_offered(
    client, agenda_page, news_index, frozen
):
    make_session(news_index, themes=["Collectivité territoriale"]).unpublish()
    make_session(news_index, themes=["Économie territoriale"])
    html = html_of(client)
    assert (
        'value="economie-territoriale"' in html and 'value="collectivite-territoriale"' not in html
    )
    html_of(client, "/agenda/?theme=collectivite-territoriale", status=404)


def test_empty_states_in_words(client, agenda_page, news_index, frozen):
    html = html_of(client)
    assert "Aucune session à venir" in html
    assert "Aucune session n'est programmée pour le moment." in html
    assert "Aucune session n'a encore eu lieu." in html
    make_session(news_index, starts_at=paris(2026, 12, 1, 10), themes=["Économie territoriale"])
    make_session(news_index, starts_at=paris(2026, 1, 1, 10), themes=["Collectivité territoriale"])
    filtered = html_of(client, "/agenda/?theme=collectivite-territoriale")
    assert "Aucune session à venir ne correspond à ces critères." in filtered
    filtered = html_of(client, "/agenda/?theme=economie-territoriale")
    assert "Aucune session passée ne correspond à ces critères." in filtered


def test_query_count_does_not_grow_with_sessions(client, agenda_page, news_index, frozen):
    def add(count, start):
        for number in range(count):
            make_session(
                news_index,
                starts_at=start + datetime.timedelta(days=number),
                main_image=ImageFactory(),
                themes=["Économie territoriale", "Collectivité territoriale"],
            )

    add(2, paris(2026, 12, 1, 10))
    add(2, paris(2026, 1, 1, 10))
    few, _ = count_queries(client, "/agenda/")
    add(10, paris(2027, 1, 1, 10))
    add(PAST_PER_PAGE + 3, paris(2025, 1, 1, 10))
    many, response = count_queries(client, "/agenda/")
    assert len(titles(response.content.decode())) == 12 + PAST_PER_PAGE
    assert many == few
    filtered, _ = count_queries(
        client, "/agenda/?theme=economie-territoriale&modalite=en-ligne&page=2"
    )
    assert filtered <= few + 1


def test_the_page_offers_its_calendar_for_subscription_and_autodiscovery(
    client, agenda_page, news_index
):
    html = html_of(client)
    assert (
        '<link rel="alternate" type="text/calendar" title="Agenda (iCalendar)" '
        'href="http://testserver/agenda/agenda.ics">' in html
    )
    assert "href=\"webcal://testserver/agenda/agenda.ics\">S'abonner à l'agenda" in html
    assert 'href="http://testserver/agenda/agenda.ics">Adresse du calendrier' in html


def test_the_agenda_is_in_the_main_menu(client, agenda_page):
    html = html_of(client, "/")
    assert '<a href="/agenda/">Agenda</a>' in html
    assert '<a href="/agenda/" aria-current="page">Agenda</a>' in html_of(client)


def test_sessions_of_another_site_stay_out(client, agenda_page, news_index, frozen):
    from wagtail.models import Page, Site

    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Autre site", slug="autre", headline="Autre.")
    )
    Site.objects.create(hostname="autre.example", port=80, root_page=other_home)
    other_news = other_home.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    make_session(other_news, title="Ailleurs", starts_at=paris(2026, 12, 1, 10))
    make_session(news_index, title="Ici", starts_at=paris(2026, 12, 2, 10))
    assert titles(html_of(client)) == ["Ici"]
    assert b"Ailleurs" not in client.get("/agenda/agenda.ics").content


class TestPageTree(WagtailPageTestCase):
    def test_one_agenda_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, AgendaPage)
        self.assertCanNotCreateAt(StandardPage, AgendaPage)
        self.assertCanNotCreateAt(NewsIndexPage, AgendaPage)
        self.assertCanNotCreateAt(AgendaPage, StandardPage)
        assert AgendaPage.max_count == 1


def test_the_page_lists_the_soonest_upcoming_sessions_and_counts_them_all(
    client, agenda_page, news_index, frozen
):
    """Years of announced sessions never make an endless page: the soonest are listed, the
    count and the calendar hold every one."""
    shown = UPCOMING_SHOWN
    for day in range(shown + 2):
        make_session(
            news_index,
            title=f"Session {day}",
            starts_at=paris(2027, 1, 1, 10) + datetime.timedelta(days=day),
        )
    upcoming = section(html_of(client), "a-venir")
    assert titles(upcoming) == [f"Session {day}" for day in range(shown)]
    assert f"{shown + 2} sessions à venir" in upcoming
    assert f"Les {shown} plus proches sont listées ici" in upcoming
    assert len(events_by_uid(client.get("/agenda/agenda.ics").content)) == shown + 2


def test_counts_are_kept_between_visits_and_follow_publications(
    client, agenda_page, news_index, frozen, monkeypatch
):
    """The number of sessions to come (beyond those listed) and of past sessions (the pages) are
    counted once, not on every visit, and a publication counts again."""
    monkeypatch.setattr(agenda_views, "UPCOMING_SHOWN", 2)
    monkeypatch.setattr(agenda_views, "PAST_PER_PAGE", 2)
    upcoming = [make_session(news_index, starts_at=paris(2026, 12, day, 10)) for day in (1, 2, 3)]
    for day in (1, 2, 3):
        make_session(news_index, starts_at=paris(2026, 10, day, 10))
    html_of(client)
    with CaptureQueriesContext(connection) as again:
        html = html_of(client)
    assert "3 sessions à venir" in html and "Les 2 plus proches" in html
    assert 'href="?page=2"' in html and 'href="?page=3"' not in html
    assert not [query for query in again.captured_queries if "COUNT(" in query["sql"]]
    make_session(news_index, starts_at=paris(2026, 12, 4, 10))
    make_session(news_index, starts_at=paris(2026, 10, 4, 10))
    make_session(news_index, starts_at=paris(2026, 10, 5, 10))
    html = html_of(client)
    assert "4 sessions à venir" in html and 'href="?page=3"' in html
    assert len(titles(section(html_of(client, "/agenda/?page=3"), "passees"))) == 1
    upcoming[0].unpublish()
    assert "3 sessions à venir" in html_of(client)
