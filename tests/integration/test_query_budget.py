"""Every public page type renders uncached (page cache off, shared cache warm) within its query
budget (issue 11): 15 queries for a page, 10 for a feed, the same with 15 items as with 45.

The second visit is counted: the first one fills the shared cache with what is derived from the
content (site, routes, menu, footer, breadcrumbs, themes in use: ``home.page_cache.derived``) and
makes the image renditions.
"""

import datetime

import pytest
from django.utils import timezone

from agenda.models import AgendaPage
from tests.conftest import count_page_queries, make_news
from tests.factories import (
    DocumentFactory,
    OrganisationFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    WebinarPageFactory,
)

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 15
FEED_BUDGET = 10

PAGES = [
    "/",
    "/actualites/",
    "/actualites/?type=webinaire&theme=economie-territoriale",
    "/actualites/?page=2",
    "/actualites/themes/",
    "/actualites/themes/economie-territoriale/",
    "/actualites/themes/economie-territoriale/?page=2",
    "/actualites/flux/",
    "/ressources/",
    "/ressources/?theme=economie-territoriale&public=communes&ouvert=1",
    "/ressources/?page=2",
    "/agenda/",
]
FEEDS = [
    "/actualites/flux.rss",
    "/actualites/flux.atom",
    "/actualites/webinaires/flux.rss",
    "/actualites/themes/economie-territoriale/flux.rss",
    "/actualites/themes/collectivite-territoriale/flux.atom",
]


@pytest.fixture
def site(home_page, news_index):
    resource_index = ResourceIndexPageFactory(parent=home_page)
    agenda = AgendaPage(title="Agenda", slug="agenda", show_in_menus=True, introduction="Dates.")
    home_page.add_child(instance=agenda)
    agenda.save_revision().publish()
    return {"news": news_index, "resources": resource_index}


def add_content(site, news, resources, start):
    """``news`` items of the three kinds and ``resources`` resources, older than ``start``."""
    items = make_news(site["news"], news, start=start)
    WebinarPageFactory(
        parent=site["news"],
        date=start,
        starts_at=timezone.now() + datetime.timedelta(days=10),
        themes=["Économie territoriale"],
    )
    organisation = OrganisationFactory()
    for number in range(resources):
        ResourcePageFactory(
            parent=site["resources"],
            title=f"Ressource {start.year}-{number}",
            themes=["Économie territoriale", "Collectivité territoriale"],
            audiences=["communes"],
            organisations=[organisation],
            documents=[DocumentFactory()] if number % 3 == 0 else [],
        )
    return items


def measure(client, urls):
    return {url: count_page_queries(client, url)[0] for url in urls}


def test_every_page_type_stays_within_its_budget_whatever_the_volume(client, site):
    article, webinar, testimonial = add_content(site, 15, 14, datetime.date(2020, 1, 1))[:3]
    resource = site["resources"].get_children().live().first()
    pages = PAGES + [article.url, webinar.url, testimonial.url, resource.url]

    few = measure(client, pages + FEEDS)
    add_content(site, 30, 20, datetime.date(2019, 6, 1))
    many = measure(client, pages + FEEDS)

    print("\nqueries with 15 and 45 news items:", {url: (few[url], many[url]) for url in few})
    assert many == few
    assert {url: count for url, count in few.items() if count > PAGE_BUDGET} == {}
    assert {url: few[url] for url in FEEDS if few[url] > FEED_BUDGET} == {}
