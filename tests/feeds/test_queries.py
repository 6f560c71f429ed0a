"""A feed costs the same number of queries with 5 pages as with 100."""

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import SpeakerFactory
from tests.feeds.conftest import OTHER_THEME, THEME, publish

URLS = [
    "/actualites/flux.rss",
    "/actualites/flux.atom",
    "/actualites/articles/flux.rss",
    "/actualites/webinaires/flux.atom",
    "/actualites/temoignages/flux.rss",
    "/actualites/themes/economie-territoriale/flux.rss",
    "/actualites/themes/collectivite-territoriale/flux.atom",
    "/actualites/flux/",
]


@pytest.fixture
def add_news(make_news, club_page):
    """``add_news(n)``: n more items, older than the previous ones, the three kinds in turn
    (so that any 20 latest hold every kind), each with its own images and a full body.

    The number of queries depends on how many kinds a feed holds (one query per page type), never
    on how many items.
    """
    state = {"webinar": None}
    kinds = itertools.cycle(["webinaire", "article", "temoignage", "article"])
    days = itertools.count()

    def add(count):
        for _ in range(count):
            kind = next(kinds)
            day = datetime.date(2024, 1, 1) - datetime.timedelta(days=next(days))
            fields = {"date": day}
            if kind == "webinaire":
                fields["starts_at"] = timezone.make_aware(
                    datetime.datetime.combine(day, datetime.time(10))
                )
                fields["recap_summary"] = (
                    f'<p>Voir <a linktype="page" id="{club_page.pk}">le Club</a>.</p>'
                )
            if kind == "temoignage" and state["webinar"]:
                fields["webinar"] = state["webinar"]
            page = make_news(kind, themes=(THEME, OTHER_THEME), **fields)
            if kind == "webinaire":
                page.speakers.create(speaker=SpeakerFactory())
                state["webinar"] = publish(page)

    return add


def count_queries(client, url):
    assert client.get(url).status_code == 200  # renditions are created on the first request
    cache.clear()  # the counts below do not rely on cached data
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_feed_queries_do_not_grow_with_the_number_of_pages(client, add_news):
    add_news(5)
    few = {url: count_queries(client, url) for url in URLS}
    add_news(95)
    many = {url: count_queries(client, url) for url in URLS}
    print("\nqueries with 5 and 100 pages:", {url: (few[url], many[url]) for url in URLS})
    assert many == few
    # The whole feed, full content included, stays a small fixed cost: Wagtail's routing to the
    # news index and its privacy check (6, as for any page), view restrictions, the ETag
    # aggregate, the theme, the items (1 + 1 per kind), their themes, speakers, linked webinars,
    # main images, renditions, and what the bodies refer to (images, pages, documents; pages and
    # documents linked from rich text).
    assert max(few[url] for url in URLS if "flux." in url) <= 25
