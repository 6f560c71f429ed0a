"""Cards are rendered once per generation (``home.card_html``): a warm listing reads the ids of
its page of results only, and any change a card shows is on the next request, on the listing,
a theme page and the home page, and in the library of resources."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import Theme
from tests.conftest import make_news
from tests.factories import (
    ArticlePageFactory,
    OrganisationFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

CARD_TABLES = ("wagtailimages_rendition", "wagtailimages_image", "news_newspagetheme")
PAGES = ["/", "/actualites/", "/actualites/themes/economie-territoriale/"]


@pytest.fixture
def news(settings, home_page, news_index):
    """Pages rendered on every request: only derived data (cards included) is cached."""
    settings.PAGE_CACHE_ENABLED = False
    return make_news(news_index, 5)


def tables_read(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    return response.content.decode(), {table for table in CARD_TABLES if f'FROM "{table}"' in sql}


@pytest.mark.parametrize(
    "url, elsewhere",
    [
        # The home page's highlighted webinar and testimonial show their own pictures.
        ("/", {"wagtailimages_rendition", "wagtailimages_image"}),
        ("/actualites/", set()),
        ("/actualites/themes/economie-territoriale/", set()),
    ],
)
def test_a_warm_page_shows_the_same_cards_without_fetching_them(client, news, url, elsewhere):
    first, read = tables_read(client, url)
    assert read == set(CARD_TABLES)  # images, renditions and themes, for the first visitor
    again, read_again = tables_read(client, url)
    assert read_again == elsewhere
    assert again == first
    assert 'class="card card--' in again


def test_cards_without_the_shared_cache_are_the_same(client, settings, news):
    cached = client.get("/actualites/").content.decode()
    settings.DERIVED_CACHE_ENABLED = False
    assert client.get("/actualites/").content.decode() == cached


@pytest.mark.parametrize("url", PAGES)
def test_an_edited_article_shows_on_the_next_request(client, news, url):
    article = news[0]
    client.get(url)
    article.title = "Un titre revu"
    article.save_revision().publish()
    html = client.get(url).content.decode()
    assert "Un titre revu" in html


@pytest.mark.parametrize("url", PAGES)
def test_a_renamed_theme_shows_on_every_card(client, news, url):
    assert "#Économie territoriale" in client.get(url).content.decode()
    theme = Theme.objects.get(slug="economie-territoriale")
    theme.name = "Économie des territoires"
    theme.save()
    html = client.get(url).content.decode()
    assert "#Économie des territoires" in html
    assert "#Économie territoriale" not in html


def test_an_unpublished_article_leaves_the_cards(client, news, news_index):
    newest = ArticlePageFactory(parent=news_index, title="Tout neuf")
    assert "Tout neuf" in client.get("/actualites/").content.decode()
    newest.unpublish()
    assert "Tout neuf" not in client.get("/actualites/").content.decode()
    assert "Tout neuf" not in client.get("/").content.decode()


# The library (/ressources/): its cards show organisations, audiences and themes, each fetched
# for the whole page by one query (``ResourcePage.card_prefetch``). The filters read some of the
# same tables (a theme filter, the counts of the themes): a card's query is told by what it
# selects first, the link from a resource to what the card shows.
CARD_QUERY_STARTS = (
    'SELECT "resources_resourceorganisation".',
    'SELECT ("resources_resourcepage_audiences"."resourcepage_id")',
    'SELECT "resources_resourcepagetheme".',
)


def is_card_query(sql):
    return sql.startswith(CARD_QUERY_STARTS)


@pytest.fixture
def library(settings, home_page):
    settings.PAGE_CACHE_ENABLED = False
    index = ResourceIndexPageFactory(parent=home_page)
    organisation = OrganisationFactory(name="Agence de développement", acronym="ADI")
    resources = [
        ResourcePageFactory(
            parent=index,
            title=f"Dispositif {number}",
            themes=["Économie territoriale"],
            audiences=["communes"],
            organisations=[organisation],
        )
        for number in range(3)
    ]
    return {"index": index, "organisation": organisation, "resources": resources}


def library_card_queries(client, url="/ressources/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    card_queries = [query["sql"] for query in queries.captured_queries]
    return response.content.decode(), len([sql for sql in card_queries if is_card_query(sql)])


@pytest.mark.parametrize("url", ["/ressources/", "/ressources/?theme=economie-territoriale"])
def test_a_warm_library_shows_the_same_cards_without_fetching_them(client, library, url):
    first, card_queries = library_card_queries(client, url)
    assert card_queries == 3  # organisations, audiences, themes: the first visitor's
    again, card_queries_again = library_card_queries(client, url)
    assert card_queries_again == 0
    assert again == first
    assert again.count('class="card resource-card"') == 3
    assert '<abbr title="Agence de développement">ADI</abbr>' in again
    assert "Pour : communes" in again


def test_library_cards_without_the_shared_cache_are_the_same(client, settings, library):
    cached = client.get("/ressources/").content.decode()
    settings.DERIVED_CACHE_ENABLED = False
    assert client.get("/ressources/").content.decode() == cached


def test_a_renamed_organisation_shows_on_the_library_cards(client, library):
    client.get("/ressources/")
    organisation = library["organisation"]
    organisation.name = "Agence de développement et d'innovation"
    organisation.save()
    html = client.get("/ressources/").content.decode()
    assert html.count('<abbr title="Agence de développement et d&#x27;innovation">') == 3


def test_an_edited_or_unpublished_resource_shows_on_the_next_request(client, library):
    first, second, _ = library["resources"]
    client.get("/ressources/")
    first.summary = "Un résumé revu."
    first.save_revision().publish()
    second.unpublish()
    html = client.get("/ressources/").content.decode()
    assert "Un résumé revu." in html
    assert "Dispositif 1" not in html
    assert html.count('class="card resource-card"') == 2
