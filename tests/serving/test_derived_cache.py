"""What every page repeats (the site, the route, the menu, the footer, the breadcrumbs, view
restrictions) is read once per generation from the shared cache, and a change retires it on
every app server at once, as it retires cached pages (``home.page_cache.derived``)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.page_cache import keys
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncached_pages(settings):
    """Pages rendered on every request: only the derived data comes from the shared cache."""
    settings.PAGE_CACHE_ENABLED = False


def tables_queried(client, url):
    """The table each query of a visit to ``url`` reads first (``FROM "table"``)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return {query["sql"].split(" FROM ", 1)[1].split()[0] for query in queries.captured_queries}


def test_a_page_reads_the_site_wide_data_from_the_shared_cache(
    client, uncached_pages, home_page, article
):
    StandardPageFactory(parent=home_page, title="Le Club", slug="le-club", show_in_menus=True)
    client.get(article.url)  # fills the shared cache
    tables = tables_queried(client, "/le-club/")
    assert tables.isdisjoint(
        {'"wagtailcore_site"', '"home_sitesettings"', '"wagtailcore_pageviewrestriction"'}
    ), tables
    html = client.get("/le-club/").content.decode()
    assert 'href="/le-club/" aria-current="page">Le Club</a>' in html  # menu, from the cache


def test_a_change_saved_on_another_app_server_shows_on_the_next_request(
    client, uncached_pages, home_page, article
):
    page = StandardPageFactory(
        parent=home_page, title="Le Club", slug="le-club", show_in_menus=True
    )
    assert ">Le Club</a>" in client.get(article.url).content.decode()
    # Another app server saves the title: the row changes, and its signal retires the generation
    # in the shared cache (this process sees no signal).
    Page.objects.filter(pk=page.pk).update(title="Notre Club")
    keys.bump_generation()
    html = client.get(article.url).content.decode()
    assert ">Notre Club</a>" in html
    assert ">Le Club</a>" not in html


def test_a_view_restriction_applies_on_the_next_request(client, uncached_pages, home_page):
    page = StandardPageFactory(parent=home_page, title="Adhérents", slug="adherents")
    child = StandardPageFactory(parent=page, title="Compte rendu", slug="compte-rendu")
    assert client.get(child.url).status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(child.url)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "/admin/login" in response["Location"]


def test_an_alias_of_a_restricted_page_is_restricted_too(client, uncached_pages, home_page):
    page = StandardPageFactory(parent=home_page, title="Adhérents", slug="adherents")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    alias = page.create_alias(update_slug="adherents-bis")
    assert client.get("/adherents-bis/").status_code == 302
    assert client.get(alias.url).status_code == 302


def test_without_a_shared_cache_every_request_computes_it(
    client, uncached_pages, settings, article
):
    """Production without Redis: a per-process cache could not be retired by another worker."""
    settings.DERIVED_CACHE_ENABLED = False
    client.get(article.url)
    assert '"wagtailcore_site"' in tables_queried(client, article.url)
