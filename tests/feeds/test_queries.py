"""A feed costs the same number of queries with 4 pages as with 25 (more than a feed holds)."""

import datetime
import itertools

import pytest
from django.utils import timezone

from news.feeds import content
from tests.conftest import count_page_queries
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
def add_news(make_feed_item, club_page):
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
            page = make_feed_item(kind, themes=(THEME, OTHER_THEME), **fields)
            if kind == "webinaire":
                page.speakers.create(speaker=SpeakerFactory())
                state["webinar"] = publish(page)

    return add


@pytest.mark.django_db
def test_feed_queries_do_not_grow_with_the_number_of_pages(client, add_news):
    add_news(4)
    few = {url: count_page_queries(client, url)[0] for url in URLS}
    add_news(21)
    many = {url: count_page_queries(client, url)[0] for url in URLS}
    print("\nqueries with 4 and 25 pages:", {url: (few[url], many[url]) for url in URLS})
    assert many == few
    # The whole feed, full content included, stays a small fixed cost: the ETag aggregate and the
    # items (1 + 1 per kind). The site, the route to the news index, the theme and each item's
    # built entry (themes, speakers, images, what the bodies link to) come from the shared cache
    # (``home.page_cache.derived``) until the next change; building them all costs the same
    # queries whatever the number of items (test below).
    assert max(few[url] for url in URLS if "flux." in url) <= 10


@pytest.mark.django_db
def test_building_every_entry_costs_the_same_whatever_the_number_of_pages(
    client, add_news, monkeypatch
):
    # Entries never kept: every visit builds them all (the rest of the shared cache stays warm).
    monkeypatch.setattr(
        content, "derived_many", lambda request, name, ids, build, *parts: build(list(ids))
    )

    def cold(url):
        return count_page_queries(client, url)[0]

    add_news(4)
    few = {url: cold(url) for url in URLS if "flux." in url}
    add_news(21)
    many = {url: cold(url) for url in URLS if "flux." in url}
    assert many == few
    # The ETag aggregate, the items (1 + 1 per kind), then for all the entries at once: themes,
    # speakers, linked webinars, images, renditions, and what the bodies refer to.
    assert max(few.values()) <= 20, few
