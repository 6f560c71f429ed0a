"""The listing at /actualites/, its filters and pagination, the theme list and theme pages."""

import datetime
import re

import pytest

from home.models import Theme
from tests.conftest import make_news
from tests.factories import (
    ArticlePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    TestimonialPageFactory,
    WebinarPageFactory,
)

pytestmark = pytest.mark.django_db


def titles(response):
    """Card titles in the order shown."""
    return re.findall(
        r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def catalogue(news_index):
    """Three kinds over two years and two themes."""
    return {
        "article_2020": ArticlePageFactory(
            parent=news_index,
            title="Article 2020",
            date=datetime.date(2020, 12, 7),
            themes=["Collectivité territoriale"],
        ),
        "webinar_2020": WebinarPageFactory(
            parent=news_index,
            title="Webinaire 2020",
            starts_at=datetime.datetime(2020, 11, 30, 9, tzinfo=datetime.UTC),
            themes=["Économie territoriale"],
        ),
        "testimonial_2020": TestimonialPageFactory(
            parent=news_index,
            title="Témoignage 2020",
            date=datetime.date(2020, 11, 30),
            themes=["Économie territoriale", "Collectivité territoriale"],
        ),
        "webinar_2021": WebinarPageFactory(
            parent=news_index,
            title="Webinaire 2021",
            starts_at=datetime.datetime(2021, 3, 15, 9, tzinfo=datetime.UTC),
            themes=["Économie territoriale"],
        ),
    }


def test_listing_shows_every_kind_newest_first_with_french_dates(client, catalogue):
    response = client.get("/actualites/")
    assert response.status_code == 200
    assert titles(response) == [
        "Webinaire 2021",
        "Article 2020",
        "Témoignage 2020",
        "Webinaire 2020",
    ]
    html = response.content.decode()
    assert "4 actualités" in html
    assert '<time datetime="2020-12-07">7 décembre 2020</time>' in html
    for label in ["Article", "Webinaire", "Témoignage"]:
        assert f'<p class="card__meta card__kind">{label}</p>' in html
    assert '<a class="tag" href="/actualites/themes/collectivite-territoriale/">' in html
    assert response.context["feed_kind"] is None


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type=webinaire", ["Webinaire 2021", "Webinaire 2020"]),
        ("type=article", ["Article 2020"]),
        ("type=temoignage", ["Témoignage 2020"]),
        ("theme=economie-territoriale", ["Webinaire 2021", "Témoignage 2020", "Webinaire 2020"]),
        ("annee=2020", ["Article 2020", "Témoignage 2020", "Webinaire 2020"]),
        ("type=webinaire&theme=economie-territoriale&annee=2020", ["Webinaire 2020"]),
        ("type=temoignage&theme=collectivite-territoriale", ["Témoignage 2020"]),
        ("theme=collectivite-territoriale&annee=2020", ["Article 2020", "Témoignage 2020"]),
        (
            "type=&theme=&annee=",
            ["Webinaire 2021", "Article 2020", "Témoignage 2020", "Webinaire 2020"],
        ),
    ],
)
def test_filters_alone_and_combined(client, catalogue, query, expected):
    response = client.get(f"/actualites/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_the_filter_form_shows_the_choices_and_keeps_the_selection(client, catalogue):
    html = client.get("/actualites/?type=webinaire&annee=2021").content.decode()
    assert '<label for="id_type">Type</label>' in html
    assert '<option value="webinaire" selected>Webinaires</option>' in html
    assert '<option value="2021" selected>2021</option>' in html
    assert '<option value="2020">2020</option>' in html
    assert '<option value="economie-territoriale">#Économie territoriale</option>' in html
    assert "1 actualité : Webinaires, 2021" in html
    assert "Effacer les filtres" in html


def test_a_filter_without_results_says_so_in_words(client, catalogue):
    response = client.get("/actualites/?type=article&annee=2021")
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(response) == []
    assert "Aucune actualité : Articles, 2021" in html
    assert "Aucune actualité ne correspond à ces critères." in html


def test_an_empty_listing_says_so_in_words(client, news_index):
    html = client.get("/actualites/").content.decode()
    assert "Aucune actualité n&#x27;est encore publiée." in html


@pytest.mark.parametrize(
    "query",
    [
        "type=inconnu",
        "type=actualite",  # the base model's kind is not a filter
        "theme=inconnu",
        "annee=1999",
        "annee=abc",
        "annee=2020.5",
        "page=-3",
        "page=0",
        "page=99999",
        "type=webinaire&page=2",
    ],
)
def test_bad_parameters_answer_404_never_500(client, catalogue, query):
    response = client.get(f"/actualites/?{query}")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["page=abc", "page=", "page=1", "foo=bar", "type=webinaire&page=x"]
)
def test_harmless_parameters_show_the_first_page(client, catalogue, query):
    response = client.get(f"/actualites/?{query}")
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


def test_an_existing_theme_without_visible_news_is_not_a_listing_filter(client, catalogue):
    Theme.objects.create(name="Tourisme")
    assert client.get("/actualites/?theme=tourisme").status_code == 404
    # No visible page carries it: it has no theme page either (a theme typed in a draft leaks nothing).
    assert client.get("/actualites/themes/tourisme/").status_code == 404


def test_a_theme_only_resources_carry_has_its_page_without_news(client, catalogue, home_page):
    ResourcePageFactory(parent=ResourceIndexPageFactory(parent=home_page), themes=["Tourisme"])
    response = client.get("/actualites/themes/tourisme/")
    assert response.status_code == 200
    assert (
        "Aucune actualité publiée ne porte encore le thème #Tourisme." in response.content.decode()
    )


def test_pagination_twelve_per_page_keeps_the_filters(client, news_index):
    make_news(news_index, 40)  # 14 articles, 13 webinars, 13 testimonials
    first = client.get("/actualites/?type=article")
    assert len(titles(first)) == 12
    html = first.content.decode()
    assert "14 actualités" in html
    assert '<nav class="pagination" aria-label="Pagination">' in html
    assert 'href="?type=article&amp;page=2" rel="next"' in html
    assert 'href="?type=article&amp;page=1" aria-current="page"' in html
    second = client.get("/actualites/?type=article&page=2")
    assert len(titles(second)) == 2
    assert set(titles(first)).isdisjoint(titles(second))
    assert 'href="?type=article&amp;page=1" rel="prev"' in second.content.decode()
    assert second.content.decode().count('class="card card--article"') == 2
    assert client.get("/actualites/?type=article&page=3").status_code == 404
    assert len(titles(client.get("/actualites/?page=4"))) == 4


def test_feed_kind_is_set_when_filtered_by_one_kind(client, catalogue):
    assert client.get("/actualites/?type=webinaire").context["feed_kind"] == "webinaire"
    response = client.get("/actualites/?type=temoignage&annee=2020")
    assert response.context["feed_kind"] == "temoignage"
    assert client.get("/actualites/?annee=2020").context["feed_kind"] is None


def test_theme_list_shows_themes_with_their_counts(client, catalogue):
    response = client.get("/actualites/themes/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r'class="theme-list__name" href="([^"]+)">([^<]+)</a>', html) == [
        ("/actualites/themes/collectivite-territoriale/", "#Collectivité territoriale"),
        ("/actualites/themes/economie-territoriale/", "#Économie territoriale"),
    ]
    counts = re.findall(r'class="theme-list__count">([^<]+)<', html)
    assert counts == ["2 actualités", "3 actualités"]


def test_theme_page_lists_everything_with_the_theme(client, catalogue):
    response = client.get("/actualites/themes/economie-territoriale/")
    assert response.status_code == 200
    assert titles(response) == ["Webinaire 2021", "Témoignage 2020", "Webinaire 2020"]
    html = response.content.decode()
    assert "<h1>#Économie territoriale</h1>" in html
    assert '<h2 id="theme-actualites">Actualités</h2>' in html
    assert "3 actualités" in html
    assert response.context["feed_theme"] == Theme.objects.get(slug="economie-territoriale")
    # Breadcrumbs lead back to the listing.
    assert '<a href="/actualites/">Actualités</a>' in html


def test_theme_page_is_paginated(client, news_index):
    make_news(news_index, 14)
    response = client.get("/actualites/themes/economie-territoriale/?page=2")
    assert response.status_code == 200
    assert len(titles(response)) == 2
    assert client.get("/actualites/themes/economie-territoriale/?page=3").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/actualites/themes/inconnu/",
        "/actualites/themes/%C3%A9conomie-territoriale/",
        "/actualites/themes/economie-territoriale/extra/",
        "/actualites/inconnu/",
    ],
)
def test_unknown_theme_or_route_answers_404(client, catalogue, path):
    assert client.get(path).status_code == 404


def test_every_item_appears_in_the_listing_and_on_its_theme_pages(client, catalogue):
    for item in catalogue.values():
        assert item.title in titles(client.get("/actualites/"))
        for theme in item.themes.all():
            assert item.title in titles(client.get(f"/actualites/themes/{theme.slug}/"))
