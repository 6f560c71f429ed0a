"""Cards are rendered once per generation (``home.card_html``): a warm listing reads the ids of
its page of results only, and any change a card shows is on the next request, on the listing,
a theme page and the home page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import Theme
from tests.conftest import make_news
from tests.factories import ArticlePageFactory

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
