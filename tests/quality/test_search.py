"""Site search at /recherche/: scope, ranking, filters, pagination, bad input, French stemming."""

import re
from html import unescape

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from home.search import MAX_QUERY_LENGTH, SearchKind, clean_query, kind_for_page, search_kinds
from tests.conftest import count_queries
from tests.factories import (
    ArticlePageFactory,
    StandardPageFactory,
    TestimonialPageFactory,
    WebinarPageFactory,
)
from tests.quality.html_head import read_head

pytestmark = pytest.mark.django_db


def body(html):
    return [("paragraph", RichText(html))]


def result_titles(response):
    html = response.content.decode()
    return [
        unescape(title)
        for title in re.findall(
            r'<h3 class="search-result__title"><a href="[^"]+">([^<]+)</a>', html
        )
    ]


def search(client, **params):
    return client.get("/recherche/", params)


# Scope -----------------------------------------------------------------------------------------
def test_finds_news_by_title_body_and_theme(client, news_index):
    ArticlePageFactory(parent=news_index, title="Les aides au commerce de proximité")
    ArticlePageFactory(
        parent=news_index,
        title="Bilan de l'année",
        body=body("<p>Un dispositif pour les artisans du Médoc.</p>"),
    )
    ArticlePageFactory(parent=news_index, title="Lancement", themes=["Collectivité territoriale"])
    assert result_titles(search(client, q="commerce")) == ["Les aides au commerce de proximité"]
    assert result_titles(search(client, q="artisans")) == ["Bilan de l'année"]
    assert result_titles(search(client, q="collectivité")) == ["Lancement"]


def test_finds_every_kind_of_news_by_its_own_fields(client, news_index):
    TestimonialPageFactory(
        parent=news_index,
        title="Un territoire raconte",
        organisation="Communauté de communes du Val de l'Eyre",
        pull_quote="Nous avons gagné un temps précieux.",
    )
    webinar = WebinarPageFactory(parent=news_index, title="Session de novembre")
    webinar.recap_summary = "<p>Les participants ont découvert la plateforme Boussole.</p>"
    webinar.save_revision().publish()
    assert result_titles(search(client, q="Eyre")) == ["Un territoire raconte"]
    assert result_titles(search(client, q="précieux")) == ["Un territoire raconte"]
    assert result_titles(search(client, q="Boussole")) == ["Session de novembre"]


def test_a_theme_is_searchable_as_soon_as_the_page_is_first_published(client, news_index):
    article = ArticlePageFactory(parent=news_index, title="Nouvelle", live=False)
    article.themes.add("Mobilités rurales")
    article.save_revision().publish()
    assert result_titles(search(client, q="mobilités")) == ["Nouvelle"]


def test_only_live_public_news_are_found(client, news_index, home_page):
    ArticlePageFactory(parent=news_index, title="Publié zéphyr")
    ArticlePageFactory(parent=news_index, title="Brouillon zéphyr", live=False)
    private = ArticlePageFactory(parent=news_index, title="Privé zéphyr")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    StandardPageFactory(parent=home_page, title="Page standard zéphyr")
    assert result_titles(search(client, q="zéphyr")) == ["Publié zéphyr"]


def test_a_title_match_ranks_before_a_body_match(client, news_index):
    ArticlePageFactory(
        parent=news_index,
        title="Actualité du mois",
        body=body("<p>Il sera aussi question de mécénat.</p>"),
    )
    ArticlePageFactory(parent=news_index, title="Le mécénat territorial")
    assert result_titles(search(client, q="mécénat")) == [
        "Le mécénat territorial",
        "Actualité du mois",
    ]


def test_every_word_of_the_query_must_match(client, news_index):
    ArticlePageFactory(parent=news_index, title="Aides au commerce")
    ArticlePageFactory(parent=news_index, title="Aides à l'artisanat")
    assert result_titles(search(client, q="aides commerce")) == ["Aides au commerce"]


def test_words_may_be_split_between_the_title_and_the_body(client, news_index):
    """A page matches when each word is in its title or its body, wherever the other is; a
    page holding only one of the words does not."""
    for title, introduction in [
        ("Webinaire : les cafés associatifs", "Le programme."),
        ("Rencontre des cafés associatifs", "Une présentation en webinaire."),
        ("Programme de rentrée", "Un webinaire sur les cafés associatifs."),
        ("Les cafés associatifs", "Un annuaire."),
        ("Webinaire de rentrée", "Le programme."),
        ("Annuaire", "Les cafés associatifs de la région."),
    ]:
        ArticlePageFactory(parent=news_index, title=title, introduction=introduction)
    assert sorted(result_titles(search(client, q="cafés webinaire"))) == [
        "Programme de rentrée",
        "Rencontre des cafés associatifs",
        "Webinaire : les cafés associatifs",
    ]


# What a result shows, and filters ---------------------------------------------------------------
def test_results_show_kind_date_and_summary(client, news_index):
    import datetime

    ArticlePageFactory(
        parent=news_index,
        title="Le Club est lancé",
        date=datetime.date(2020, 11, 19),
        introduction="Première réunion des chefs de projet.",
    )
    html = search(client, q="lancé").content.decode()
    assert '<span class="search-result__kind">Article</span>' in html
    assert '<time datetime="2020-11-19">19 novembre 2020</time>' in html
    assert "Première réunion des chefs de projet." in html
    assert "1 résultat pour « lancé »" in html


def test_filter_by_kind(client, news_index):
    ArticlePageFactory(parent=news_index, title="Article sur le tourisme")
    WebinarPageFactory(parent=news_index, title="Webinaire sur le tourisme")
    TestimonialPageFactory(parent=news_index, title="Témoignage sur le tourisme")
    assert len(result_titles(search(client, q="tourisme"))) == 3
    for kind, title in [
        ("article", "Article sur le tourisme"),
        ("webinaire", "Webinaire sur le tourisme"),
        ("temoignage", "Témoignage sur le tourisme"),
    ]:
        response = search(client, q="tourisme", type=kind)
        assert result_titles(response) == [title]
        assert re.search(rf'<option value="{kind}" selected>', response.content.decode())


def test_search_kinds_are_declared_in_one_list():
    assert [kind.slug for kind in search_kinds()] == [
        "article",
        "webinaire",
        "temoignage",
        "ressource",
    ]
    assert all(isinstance(kind, SearchKind) for kind in search_kinds())


def test_kind_for_page_follows_the_registry(news_index):
    webinar = WebinarPageFactory(parent=news_index)
    assert kind_for_page(webinar).slug == "webinaire"
    assert kind_for_page(news_index) is None


def test_resources_are_found_and_filtered(client, news_index, home_page):
    from tests.factories import ResourceIndexPageFactory, ResourcePageFactory

    resources = ResourceIndexPageFactory(parent=home_page)
    ResourcePageFactory(
        parent=resources, title="Aide à la modernisation des commerces", themes=["Commerce"]
    )
    ArticlePageFactory(parent=news_index, title="Les commerces du Val de l'Eyre")
    assert sorted(result_titles(search(client, q="commerces"))) == [
        "Aide à la modernisation des commerces",
        "Les commerces du Val de l'Eyre",
    ]
    response = search(client, q="commerces", type="ressource")
    assert result_titles(response) == ["Aide à la modernisation des commerces"]
    assert '<span class="search-result__kind">Ressource</span>' in response.content.decode()


# Pagination -----------------------------------------------------------------------------------
def test_results_are_paginated_and_links_keep_the_query(client, news_index):
    for number in range(23):
        ArticlePageFactory(parent=news_index, title=f"Permanence {number}")
    first = search(client, q="permanence", type="article")
    assert len(result_titles(first)) == 10
    html = first.content.decode()
    assert "23 résultats pour « permanence »" in html
    assert 'href="?q=permanence&amp;type=article&amp;page=2"' in html
    third = search(client, q="permanence", type="article", page=3)
    assert len(result_titles(third)) == 3
    assert "page 3 sur 3" in read_head(third.content).title
    assert search(client, q="permanence", page=4).status_code == 404
    assert search(client, q="permanence", page="abc").status_code == 200


def test_query_count_does_not_grow_with_the_number_of_results(client, news_index):
    def search_queries(params):
        count, response = count_queries(lambda: search(client, **params))
        assert response.status_code == 200
        return count

    factories = (ArticlePageFactory, WebinarPageFactory, TestimonialPageFactory)

    def add_one_of_each_kind(number):
        for factory in factories:
            factory(parent=news_index, title=f"Randonnée {factory.__name__} {number}")

    add_one_of_each_kind(0)
    few = search_queries({"q": "randonnée"})
    few_articles = search_queries({"q": "randonnée", "type": "article"})
    for number in range(1, 5):
        add_one_of_each_kind(number)
    assert search_queries({"q": "randonnée"}) <= few
    assert search_queries({"q": "randonnée", "type": "article"}) == few_articles


# Page, states and bad input -------------------------------------------------------------------
def test_query_is_kept_in_the_title_and_the_box_and_the_page_is_not_indexed(client, news_index):
    response = search(client, q="économie")
    head = read_head(response.content)
    assert head.title.startswith("Recherche « économie » | ")
    assert head.first("robots").startswith("noindex")
    assert "canonical" not in head.links
    assert re.search(r'<input type="search" name="q" value="économie"', response.content.decode())


def test_empty_search_invites_to_type_words(client, home_page):
    response = search(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Saisissez un ou plusieurs mots pour chercher parmi les articles, webinaires, témoignages et ressources du Club."
        in html
    )
    assert read_head(html).title.startswith("Recherche | ")


def test_no_result_says_so_and_suggests_what_to_do(client, news_index):
    html = search(client, q="introuvable", type="webinaire").content.decode()
    assert "Aucun résultat pour « introuvable » parmi les webinaires" in html
    assert "Vérifiez l'orthographe" in html
    assert 'href="?q=introuvable"' in html  # the same search in every kind


def test_a_query_without_words_says_so(client, news_index):
    html = search(client, q='""" \u200b').content.decode()
    assert "ne contient aucun mot" in html


def test_a_null_character_is_refused_with_a_message(client, news_index):
    html = search(client, q="aides\x00").content.decode()
    assert 'id="recherche-q-erreur"' in html


def test_too_long_query_is_an_error_tied_to_its_field(client, news_index):
    ArticlePageFactory(parent=news_index, title="Long")
    response = search(client, q="long " * 60)
    assert response.status_code == 200
    html = response.content.decode()
    assert read_head(html).title.startswith("Erreur – ")
    assert 'role="alert"' in html
    field = re.search(r'<input type="search" name="q"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field
    described_by = re.search(r'aria-describedby="([^"]+)"', field).group(1)
    error = re.search(rf'<p class="field__error" id="{described_by}">([^<]+)</p>', html)
    assert error and f"{MAX_QUERY_LENGTH} caractères au plus" in error.group(1)
    assert "search-result__title" not in html


def test_unknown_kind_is_an_error_not_a_crash(client, news_index):
    response = search(client, q="club", type="inconnu")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="recherche-type-erreur"' in html
    assert re.search(r'<select name="type"[^>]*aria-invalid="true"', html)


HOSTILE_QUERIES = [
    '"',
    '"unterminated',
    "'",
    "\\",
    "AND",
    "OR NOT",
    "*",
    "a:*",
    "!",
    "& | !c",
    "( ) (",
    "NEAR(a b)",
    "<->",
    "%s %",
    "'; DROP TABLE wagtailcore_page; --",
    "\x00",
    "un\x00deux",
    "\u200b",
    "😀 émoji",
    "é" * MAX_QUERY_LENGTH,
    "x" * 10_000,
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_never_fail(client, news_index, query):
    ArticlePageFactory(parent=news_index, title="Une actualité ordinaire")
    response = search(client, q=query, type="article")
    assert response.status_code == 200


def test_markup_in_the_query_is_escaped(client, news_index):
    html = search(client, q="<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_clean_query_drops_quotes_and_control_characters():
    assert clean_query(' "aides"\x00 au\u200b  commerce\n') == "aides au commerce"
    assert clean_query("l'artisanat") == "l'artisanat"


def test_only_get_is_allowed(client, home_page):
    assert client.post("/recherche/", {"q": "x"}).status_code == 405


# French stemming ------------------------------------------------------------------------------
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="French stemming comes from PostgreSQL's 'french' text search configuration; "
    "SQLite's FTS5 has no French stemmer",
)
def test_french_stemming_on_postgresql(client, news_index):
    ArticlePageFactory(parent=news_index, title="Un webinaire pour les collectivités")
    TestimonialPageFactory(
        parent=news_index, title="Retour d'expérience", pull_quote="Nous financerons la suite."
    )
    assert result_titles(search(client, q="webinaires")) == ["Un webinaire pour les collectivités"]
    assert result_titles(search(client, q="collectivité")) == [
        "Un webinaire pour les collectivités"
    ]
    assert result_titles(search(client, q="financer")) == ["Retour d'expérience"]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Stop words and lexemes come from PostgreSQL's 'french' text search configuration",
)
def test_stop_words_and_words_of_several_lexemes_on_postgresql(client, news_index):
    """PostgreSQL drops "de" and "la" from the query (they match anything, and a query of stop
    words alone matches nothing), and reads "mot_clé" as two lexemes, each of which may be in
    the title or in the body."""
    ArticlePageFactory(
        parent=news_index, title="Les cafés associatifs", introduction="Un webinaire."
    )
    ArticlePageFactory(parent=news_index, title="Le mot du maire", introduction="La clé du succès.")
    ArticlePageFactory(parent=news_index, title="Le mot du jour", introduction="Un programme.")
    assert result_titles(search(client, q="cafés de la webinaire")) == ["Les cafés associatifs"]
    response = search(client, q="de la")
    assert response.status_code == 200 and result_titles(response) == []
    assert result_titles(search(client, q="mot_clé")) == ["Le mot du maire"]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="French stemming comes from PostgreSQL's 'french' text search configuration",
)
def test_demo_content_is_found_by_stem_on_postgresql(client):
    import io

    from django.core.management import call_command

    from news.models import NewsPage

    call_command("load_demo_content", stdout=io.StringIO())
    assert NewsPage.objects.live().exists(), "the demo content has no news"
    singular = result_titles(search(client, q="webinaire"))
    assert singular, "the demo news never mention a webinar"
    assert set(result_titles(search(client, q="webinaires"))) == set(singular)
