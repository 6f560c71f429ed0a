"""Sessions other than webinars, and cancellation, across the news: pages, cards, feeds, JSON-LD."""

import re
from html import unescape

import feedparser
import pytest

from news.kinds import KINDS_BY_SLUG
from news.models import WebinarPage
from tests.agenda.conftest import make_session, paris
from tests.quality.html_head import read_head

pytestmark = pytest.mark.django_db

LABELS = {
    "webinaire": "Webinaire",
    "session-collective": "Session collective",
    "presentation-dispositif": "Présentation de dispositif",
    "atelier": "Atelier",
}


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_every_session_type_has_its_label_but_the_kind_stays_webinaire(news_index):
    assert dict(WebinarPage._meta.get_field("session_type").choices) == LABELS
    assert WebinarPage._meta.get_field("session_type").default == "webinaire"
    assert WebinarPage.kind_label == "Webinaire"  # the kind, for filters, feeds and search
    assert KINDS_BY_SLUG["webinaire"].label == "Webinaire"
    for slug, label in LABELS.items():
        page = make_session(news_index, session_type=slug)
        assert page.kind == "webinaire" and page.kind_label == label


def test_cards_and_pages_show_the_session_type(client, news_index):
    make_session(news_index, title="Un atelier", session_type="atelier")
    make_session(news_index, title="Une présentation", session_type="presentation-dispositif")
    listing = unescape(client.get("/actualites/").content.decode())
    assert '<p class="card__meta card__kind">Atelier</p>' in listing
    assert '<p class="card__meta card__kind">Présentation de dispositif</p>' in listing
    # Filtering by kind still finds every session under "webinaire".
    filtered = unescape(client.get("/actualites/?type=webinaire").content.decode())
    assert "Un atelier" in filtered and "Une présentation" in filtered
    page = WebinarPage.objects.get(title="Un atelier")
    html = page_html(client, page)
    assert '<p class="news-item__kind">Atelier</p>' in html and "Atelier à venir" in html


def test_a_cancelled_session_page_says_so_and_drops_registration(client, news_index):
    page = make_session(
        news_index,
        starts_at=paris(2030, 5, 14, 14),
        cancelled=True,
        registration_url="https://inscription.example.org/annulee",
    )
    html = page_html(client, page)
    assert "Session annulée." in html
    text = re.sub(r"<[^>]+>", "", html)
    assert "Le rendez-vous prévu le mardi 14 mai 2030 à 14 h n'aura pas lieu." in text
    assert "inscription.example.org/annulee" not in html
    listing = unescape(client.get("/actualites/").content.decode())
    assert '<p class="card__meta">Annulée</p>' in listing


def test_json_ld_event_status_follows_cancellation(client, news_index):
    page = make_session(news_index, session_type="session-collective")
    event = read_head(page_html(client, page)).json_ld_of_type("Event")[0]
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    page.cancelled = True
    page.save_revision().publish()
    event = read_head(page_html(client, page)).json_ld_of_type("Event")[0]
    assert event["eventStatus"] == "https://schema.org/EventCancelled"


def test_feeds_name_the_session_type_and_the_cancellation(client, news_index):
    make_session(
        news_index,
        title="Atelier annulé",
        session_type="atelier",
        cancelled=True,
        starts_at=paris(2030, 5, 14, 14),
    )
    feed = feedparser.parse(client.get("/actualites/webinaires/flux.rss").content)
    (entry,) = feed.entries
    content = entry.content[0].value
    assert "Atelier du mardi 14 mai 2030" in content
    assert "Session annulée" in content
    assert "inscription.example.org" not in content
