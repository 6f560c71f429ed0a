"""Each kind renders its structured fields; webinars change face with the clock."""

import datetime
import re

import pytest
import time_machine
from wagtail.models import PageViewRestriction

from home.formatting import date_fr, datetime_fr, duration_fr
from news import replay
from news.models import NewsRelatedLink, WebinarSpeaker
from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
    SpeakerFactory,
    TestimonialPageFactory,
    WebinarPageFactory,
)

pytestmark = pytest.mark.django_db

PARIS_2020_11_30_14H = datetime.datetime(2020, 11, 30, 13, 0, tzinfo=datetime.UTC)


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_french_dates_times_and_durations():
    assert date_fr(datetime.date(2020, 11, 30)) == "30 novembre 2020"
    assert date_fr(datetime.date(2020, 12, 1)) == "1er décembre 2020"
    assert datetime_fr(PARIS_2020_11_30_14H) == "lundi 30 novembre 2020 à 14 h"
    assert datetime_fr(PARIS_2020_11_30_14H + datetime.timedelta(minutes=30)) == (
        "lundi 30 novembre 2020 à 14 h 30"
    )
    assert [duration_fr(m) for m in (1, 45, 60, 90)] == ["1 minute", "45 minutes", "1 h", "1 h 30"]


def test_article_renders_its_fields(client, news_index):
    image = ImageFactory(description="Des chefs de projet réunis en atelier")
    article = ArticlePageFactory(
        parent=news_index,
        title="Le Club est lancé",
        date=datetime.date(2020, 11, 30),
        introduction="Un chapô qui résume.",
        author="La DATAR",
        main_image=image,
        body=[("heading", {"text": "Mise en réseau", "level": "h2"})],
        themes=["#économie territoriale"],
    )
    html = html_of(client, article)
    assert "<h1>Le Club est lancé</h1>" in html
    assert '<time datetime="2020-11-30">30 novembre 2020</time>' in html
    assert "Un chapô qui résume." in html and "Par La DATAR" in html
    assert "<h2>Mise en réseau</h2>" in html
    assert 'alt="Des chefs de projet réunis en atelier"' in html
    assert re.search(r"<picture>.*image/avif.*</picture>", html, re.S)
    assert (
        '<a class="tag" href="/actualites/themes/economie-territoriale/">#Économie territoriale</a>'
        in html
    )


def test_related_links_show_only_pages_a_visitor_may_open(client, news_index):
    shown = ArticlePageFactory(parent=news_index, title="À lire")
    draft = ArticlePageFactory(parent=news_index, title="Brouillon lié", live=False)
    private = ArticlePageFactory(parent=news_index, title="Privée liée")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert not draft.live
    article = ArticlePageFactory(parent=news_index)
    article.related_links = [NewsRelatedLink(related_page=page) for page in (draft, shown, private)]
    article.save_revision().publish()
    html = html_of(client, article)
    assert "À lire aussi" in html and f'href="{shown.url}"' in html
    assert "Brouillon lié" not in html and "Privée liée" not in html


@pytest.fixture
def webinar(news_index):
    speaker = SpeakerFactory(name="Camille Exemple", role="Cheffe de projet", organisation="DATAR")
    page = WebinarPageFactory(
        parent=news_index,
        title="Les aides au commerce",
        starts_at=PARIS_2020_11_30_14H,
        duration_minutes=90,
        attendance="hybrid",
        venue="Hôtel de Région, Bordeaux",
        registration_url="https://inscription.example.org/aides",
        recap_summary="<p>Les aides régionales ont été présentées.</p>",
        key_takeaways=[("takeaway", "Des aides existent pour les commerces.")],
        replay_url="https://www.youtube.com/watch?v=exemple",
    )
    page.speakers = [WebinarSpeaker(speaker=speaker)]
    page.save_revision().publish()
    return page


def test_upcoming_webinar_shows_its_registration_call(client, webinar):
    with time_machine.travel(
        datetime.datetime(2020, 11, 20, 9, 0, tzinfo=datetime.UTC), tick=False
    ):
        html = html_of(client, webinar)
    assert "Webinaire à venir" in html
    assert "lundi 30 novembre 2020 à 14 h" in html and "1 h 30" in html
    assert "En ligne et sur place : Hôtel de Région, Bordeaux" in html
    assert 'href="https://inscription.example.org/aides"' in html
    assert "Camille Exemple" in html and "Cheffe de projet, DATAR" in html
    # The recap waits for the session to end.
    assert "Compte rendu" not in html and "Les aides régionales ont été présentées." not in html
    assert "youtube" not in html


def test_a_webinar_in_progress_is_still_upcoming(client, webinar):
    with time_machine.travel(PARIS_2020_11_30_14H + datetime.timedelta(minutes=89), tick=False):
        assert "Webinaire à venir" in html_of(client, webinar)


def test_past_webinar_shows_its_recap_without_the_registration_call(client, webinar):
    with time_machine.travel(PARIS_2020_11_30_14H + datetime.timedelta(minutes=90), tick=False):
        html = html_of(client, webinar)
    assert "Ce webinaire a eu lieu le" in html and "30 novembre 2020" in html
    assert "Les aides régionales ont été présentées." in html
    assert "<li>Des aides existent pour les commerces.</li>" in html
    assert "inscription.example.org" not in html
    assert "Camille Exemple" in html


def test_replay_is_a_plain_link_by_default_and_nothing_is_fetched(client, webinar, monkeypatch):
    def no_network(url, *args, **kwargs):
        raise AssertionError(f"the page tried to fetch {url}")

    monkeypatch.setattr(replay.embeds, "get_embed", no_network)
    with time_machine.travel(datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC), tick=False):
        html = html_of(client, webinar)
    assert '<a href="https://www.youtube.com/watch?v=exemple">' in html
    assert "sur youtube.com</a>" in html
    assert "<iframe" not in html


def test_replay_that_cannot_be_embedded_degrades_to_a_link(client, webinar, monkeypatch, settings):
    from wagtail.embeds.exceptions import EmbedNotFoundException

    def not_found(url, *args, **kwargs):
        raise EmbedNotFoundException

    settings.NEWS_EMBED_REPLAYS = True
    monkeypatch.setattr(replay.embeds, "get_embed", not_found)
    with time_machine.travel(datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC), tick=False):
        html = html_of(client, webinar)
    assert '<a href="https://www.youtube.com/watch?v=exemple">' in html
    assert "<iframe" not in html


def test_replay_network_failure_degrades_to_a_link(settings, monkeypatch):
    def network_down(url, *args, **kwargs):
        raise OSError("Network is unreachable")

    settings.NEWS_EMBED_REPLAYS = True
    monkeypatch.setattr(replay.embeds, "get_embed", network_down)
    assert replay.replay_for("https://vimeo.com/1") == replay.Replay(
        url="https://vimeo.com/1", host="vimeo.com", html=""
    )


def test_replay_is_embedded_when_allowed_and_available(client, webinar, monkeypatch, settings):
    class Embed:
        html = '<iframe title="Replay" src="https://www.youtube-nocookie.com/embed/x"></iframe>'

    settings.NEWS_EMBED_REPLAYS = True
    monkeypatch.setattr(replay.embeds, "get_embed", lambda url, *args, **kwargs: Embed())
    with time_machine.travel(datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC), tick=False):
        html = html_of(client, webinar)
    assert '<div class="replay__player"><iframe title="Replay"' in html
    # The link stays, for those who cannot use the player.
    assert '<a href="https://www.youtube.com/watch?v=exemple">' in html


def test_testimonial_renders_who_speaks_and_links_its_webinar(client, news_index, webinar):
    testimonial = TestimonialPageFactory(
        parent=news_index,
        title="Le Val de l'Eyre témoigne",
        speaker_name="Camille Exemple",
        speaker_role="Chargée de mission",
        organisation="Communauté de communes du Val de l'Eyre",
        territory="Pays Bassin d'Arcachon – Val de l'Eyre",
        departement="33",
        portrait=ImageFactory(description="Portrait de Camille Exemple"),
        pull_quote="Le Club nous a fait gagner du temps.",
        body=[("paragraph", "<p>Notre histoire commence en 2019.</p>")],
        webinar=webinar,
    )
    html = html_of(client, testimonial)
    assert "<blockquote><p>Le Club nous a fait gagner du temps.</p></blockquote>" in html
    assert (
        "<figcaption>Camille Exemple, Chargée de mission, "
        "Communauté de communes du Val de l&#x27;Eyre</figcaption>"
    ) in html
    assert "Pays Bassin d&#x27;Arcachon – Val de l&#x27;Eyre" in html
    assert "Gironde (33)" in html
    assert 'alt="Portrait de Camille Exemple"' in html
    assert "Notre histoire commence en 2019." in html
    assert f'lors du webinaire <a href="{webinar.url}">Les aides au commerce</a>' in html
    # And the webinar lists the testimonial given during it.
    assert f'<a href="{testimonial.url}">Le Val de l&#x27;Eyre témoigne</a>' in html_of(
        client, webinar
    )


def test_testimonial_hides_a_webinar_that_is_not_public(client, news_index, webinar):
    testimonial = TestimonialPageFactory(parent=news_index, webinar=webinar)
    webinar.unpublish()
    html = html_of(client, testimonial)
    assert "lors du webinaire" not in html


def test_card_of_an_upcoming_webinar_says_when(client, news_index):
    with time_machine.travel(
        datetime.datetime(2020, 11, 20, 9, 0, tzinfo=datetime.UTC), tick=False
    ):
        WebinarPageFactory(parent=news_index, starts_at=PARIS_2020_11_30_14H, attendance="online")
        html = client.get(news_index.url).content.decode()
    assert "À venir, à 14 h, en ligne" in html


def test_the_testimonial_names_its_webinar_without_repeating_webinaire(client, news_index):
    webinar = WebinarPageFactory(parent=news_index, title="Webinaire : les aides au commerce")
    testimonial = TestimonialPageFactory(parent=news_index, webinar=webinar)
    html = html_of(client, testimonial)
    assert f'lors du webinaire <a href="{webinar.url}">les aides au commerce</a>' in html
    assert "Webinaire : les aides" not in html.split("lors du webinaire", 1)[1][:200]
    feed = client.get("/actualites/flux.rss").content.decode()
    assert "lors du webinaire &lt;a" in feed or "lors du webinaire <a" in feed
    assert "« les aides au commerce »" in feed
