"""What the agenda adds to other pages through hooks: session pages and cards, theme pages, home."""

import datetime
import re
from html import unescape

import pytest
import time_machine

from tests.agenda.conftest import count_queries, make_session, paris

pytestmark = pytest.mark.django_db

ADD = re.compile(
    r'<a href="http://testserver/agenda/sessions/(\d+)\.ics" download>Ajouter à mon agenda'
)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return unescape(response.content.decode())


def test_an_upcoming_session_page_and_card_offer_its_calendar_file(client, agenda_page, news_index):
    session = make_session(news_index)
    assert ADD.findall(html_of(client, session.url)) == [str(session.pk)]
    assert ADD.findall(html_of(client, "/actualites/")) == [str(session.pk)]
    response = client.get(f"/agenda/sessions/{session.pk}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")


def test_past_or_cancelled_sessions_and_other_kinds_offer_nothing(client, agenda_page, news_index):
    from tests.factories import ArticlePageFactory

    past = make_session(news_index, starts_at=paris(2020, 11, 19, 10))
    cancelled = make_session(news_index, cancelled=True)
    ArticlePageFactory(parent=news_index)
    for url in [past.url, cancelled.url, "/actualites/"]:
        assert ADD.findall(html_of(client, url)) == []


def test_without_an_agenda_page_no_link_is_offered(client, news_index):
    session = make_session(news_index, themes=["Économie territoriale"])
    assert "Ajouter à mon agenda" not in html_of(client, session.url)
    assert "S'abonner" not in html_of(client, "/actualites/themes/economie-territoriale/")
    assert "Prochaines sessions" not in html_of(client, "/")


def test_the_card_links_cost_no_query_per_card(client, agenda_page, news_index):
    make_session(news_index)
    few, _ = count_queries(client, "/actualites/")
    for _ in range(5):
        make_session(news_index)
    many, response = count_queries(client, "/actualites/")
    assert len(ADD.findall(response.content.decode())) == 6
    assert many == few


def test_a_theme_page_with_sessions_offers_its_calendar(client, agenda_page, news_index):
    make_session(news_index, themes=["Économie territoriale"])
    from tests.factories import ArticlePageFactory

    ArticlePageFactory(parent=news_index, themes=["Collectivité territoriale"])
    html = html_of(client, "/actualites/themes/economie-territoriale/")
    assert (
        '<a href="webcal://testserver/agenda/themes/economie-territoriale/agenda.ics">'
        "S'abonner à l'agenda" in html
    )
    assert 'href="http://testserver/agenda/themes/economie-territoriale/agenda.ics"' in html
    assert "S'abonner à l'agenda" not in html_of(
        client, "/actualites/themes/collectivite-territoriale/"
    )


def test_the_home_page_shows_the_next_three_sessions(client, agenda_page, news_index):
    now = paris(2026, 11, 20, 9)
    for day, title in [(5, "Troisième"), (1, "Première"), (3, "Deuxième"), (9, "Quatrième")]:
        make_session(news_index, title=title, starts_at=now + datetime.timedelta(days=day))
    make_session(
        news_index, title="Annulée", starts_at=now + datetime.timedelta(days=2), cancelled=True
    )
    make_session(news_index, title="Passée", starts_at=now - datetime.timedelta(days=2))
    with time_machine.travel(now, tick=False):
        html = html_of(client, "/")
    start = html.index('id="prochaines-sessions"')
    block = html[start : html.index("</section>", start)]
    assert re.findall(r'class="card__title"><a href="[^"]*">([^<]*)<', block) == [
        "Première",
        "Deuxième",
        "Troisième",
    ]
    assert "(heure de Paris)" in block and 'href="/agenda/">Tout l\'agenda' in block
    assert 'href="webcal://testserver/agenda/agenda.ics"' in block
    assert len(ADD.findall(block)) == 3


def test_the_home_page_says_when_no_session_is_planned(client, agenda_page, news_index):
    make_session(news_index, starts_at=paris(2020, 11, 19, 10))
    html = html_of(client, "/")
    assert "Prochaines sessions" in html
    assert "Aucune session n'est programmée pour le moment." in html
