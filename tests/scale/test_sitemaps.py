"""The sitemap index and its sections against the sitemap protocol's rules
(https://www.sitemaps.org/protocol.html): well-formed XML, absolute URLs, at most 50,000 URLs per
file, a ``lastmod`` everywhere; sections of a bounded size built in bounded queries."""

import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.sitemaps import PageSitemap
from tests.conftest import count_queries
from tests.factories import ResourceIndexPageFactory

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site(news_index, home_page):
    ResourceIndexPageFactory(parent=home_page)
    call_command("generate_content", news=40, resources=10, force=True)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert len(response.content) < 50 * 1024 * 1024
    return ET.fromstring(response.content)  # raises on malformed XML


def sections(client):
    index = parse(client.get("/sitemap.xml"))
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    found = []
    for entry in index.findall("sm:sitemap", NS):
        loc = entry.findtext("sm:loc", namespaces=NS)
        assert loc.startswith("http://localhost/sitemap-")
        assert entry.findtext("sm:lastmod", namespaces=NS)
        found.append(loc)
    return found


def test_index_points_to_sections_with_absolute_urls_and_lastmod(client, site, monkeypatch):
    monkeypatch.setattr(PageSitemap, "limit", 20)
    locs = sections(client)
    # home, news index, resource index, 50 generated pages: 53 pages in sections of 20.
    assert locs == [
        "http://localhost/sitemap-pages.xml",
        "http://localhost/sitemap-pages.xml?p=2",
        "http://localhost/sitemap-pages.xml?p=3",
    ]
    seen = []
    for loc in locs:
        root = parse(client.get(loc.removeprefix("http://localhost")))
        urls = root.findall("sm:url", NS)
        assert 0 < len(urls) <= 50_000
        for url in urls:
            loc = url.findtext("sm:loc", namespaces=NS)
            assert loc.startswith("http://localhost/")
            # Published pages carry their date (the fixture's index pages were never published).
            assert url.findtext("sm:lastmod", namespaces=NS) or "/gen-" not in loc
            seen.append(loc)
    assert len(seen) == len(set(seen))
    assert "http://localhost/actualites/themes/" in seen
    assert sum("/ressources/gen-" in url for url in seen) == 10
    assert sum("/actualites/gen-" in url for url in seen) == 40


def test_section_queries_do_not_grow_with_the_pages(client, site, news_index, monkeypatch):
    monkeypatch.setattr(PageSitemap, "limit", 10)
    client.get("/sitemap-pages.xml")  # fills Wagtail's caches (site root paths)
    small, _ = count_queries(lambda: client.get("/sitemap-pages.xml"))
    monkeypatch.setattr(PageSitemap, "limit", 50)
    large, _ = count_queries(lambda: client.get("/sitemap-pages.xml"))
    assert large <= small + 2  # one query per page type in the section, not per page
    index, _ = count_queries(lambda: client.get("/sitemap.xml"))
    assert index <= 5


def test_the_theme_urls_come_from_the_cached_themes_in_use(client, site):
    """The themes in use cost an aggregate over every themed page (seconds at 50,000 items): the
    first section reads them from the shared cache, found once per generation for the theme
    pages and feeds as well (``home.models.theme.themes_in_use``)."""
    client.get("/actualites/themes/economie-territoriale/")
    with CaptureQueriesContext(connection) as queries:
        root = parse(client.get("/sitemap-pages.xml"))
    locs = [url.findtext("sm:loc", namespaces=NS) for url in root.findall("sm:url", NS)]
    assert "http://localhost/actualites/themes/economie-territoriale/" in locs
    assert not [query for query in queries if "home_theme" in query["sql"]]


@pytest.mark.parametrize(
    "url", ["/sitemap-pages.xml?p=999", "/sitemap-pages.xml?p=abc", "/sitemap-unknown.xml"]
)
def test_bad_section_or_page_is_a_404(client, site, url):
    assert client.get(url).status_code == 404


def test_robots_txt_announces_the_index(client, home_page):
    assert "Sitemap: http://localhost/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_index_and_sections_may_be_cached_by_the_proxy(client, site):
    for url in ["/sitemap.xml", "/sitemap-pages.xml"]:
        cache_control = client.get(url)["Cache-Control"]
        assert "public" in cache_control and "max-age=3600" in cache_control
