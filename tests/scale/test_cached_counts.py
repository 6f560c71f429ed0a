"""The counts that grow with the site are counted once per generation: a listing's total, the
themes with their counts (home page, theme list, feeds page), a feed's count and latest date, the
sitemap's; a publication shows in them on the next request (``home.pagination.paginate``,
``home.page_cache.derived``)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import NewsPage
from tests.conftest import make_news
from tests.factories import ArticlePageFactory, ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/",
    "/actualites/",
    "/actualites/?type=webinaire",
    "/actualites/?type=article&annee=2020",
    "/actualites/themes/",
    "/actualites/themes/economie-territoriale/",
    "/ressources/",
    "/ressources/?theme=economie-territoriale",
    "/actualites/flux/",
    "/actualites/flux.rss",
    "/actualites/themes/economie-territoriale/flux.atom",
    "/sitemap.xml",
    "/sitemap-pages.xml",
]


@pytest.fixture
def site(settings, home_page, news_index):
    """Pages rendered on every request: only the derived data comes from the shared cache."""
    settings.PAGE_CACHE_ENABLED = False
    resource_index = ResourceIndexPageFactory(parent=home_page)
    make_news(news_index, 5)
    for number in range(3):
        ResourcePageFactory(
            parent=resource_index, title=f"Dispositif {number}", themes=["Économie territoriale"]
        )
    return news_index, resource_index


def counting_queries(client, url):
    """The SQL of a visit to ``url`` that counts or aggregates rows."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]


@pytest.mark.parametrize("url", LISTINGS)
def test_a_warm_listing_counts_nothing(client, site, url):
    client.get(url)
    assert counting_queries(client, url) == []


def test_a_publication_shows_in_the_counts_on_the_next_request(client, site):
    news_index, resource_index = site
    assert "5 actualités" in client.get("/actualites/").content.decode()
    assert "1 actualité" in client.get("/actualites/?type=article&annee=2020").content.decode()
    ArticlePageFactory(parent=news_index, title="Nouvelle", themes=["Économie territoriale"])
    assert "6 actualités" in client.get("/actualites/").content.decode()
    assert "Nouvelle" in client.get("/actualites/themes/economie-territoriale/").content.decode()
    assert "Nouvelle" in client.get("/actualites/flux.rss").content.decode()
    assert "/nouvelle/" in client.get("/sitemap-pages.xml").content.decode()
    ResourcePageFactory(parent=resource_index, title="Dispositif neuf")
    assert "Dispositif neuf" in client.get("/ressources/").content.decode()


def test_a_publication_changes_the_feeds_etag(client, site):
    news_index, _ = site
    etag = client.get("/actualites/flux.rss")["ETag"]
    assert client.get("/actualites/flux.rss", HTTP_IF_NONE_MATCH=etag).status_code == 304
    ArticlePageFactory(parent=news_index, title="Nouvelle")
    response = client.get("/actualites/flux.rss", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_a_page_number_beyond_the_cached_count_is_a_404(client, site):
    client.get("/actualites/")
    assert client.get("/actualites/?page=2").status_code == 404


def test_pages_past_the_middle_are_read_from_the_end_in_the_same_order(client, site):
    news_index, _ = site
    make_news(news_index, 25, start=datetime.date(2019, 6, 1))  # 30 items: pages of 12, 12, 6
    expected = [page.title for page in NewsPage.objects.visible().order_by("-date", "-pk")]
    shown = []
    for number in (1, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(f"/actualites/?page={number}").content.decode()
        shown += re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html)
        offsets = re.findall(r"OFFSET (\d+)", " ".join(q["sql"] for q in queries))
        assert all(int(offset) <= 15 for offset in offsets), offsets
    assert shown == expected
    assert client.get("/actualites/?page=4").status_code == 404
