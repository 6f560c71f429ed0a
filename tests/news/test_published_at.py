"""A news item has one publication date (``NewsPage.published_at``), the same in its page's head
(JSON-LD, ``article:published_time``) and in the feeds; the feed ids keep the first publication's
day, so that readers never see an item twice."""

import calendar
import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import ArticlePageFactory
from tests.feeds import checks
from tests.feeds.conftest import publish
from tests.quality.html_head import read_head

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
DEMO_LOADED = datetime.datetime(2026, 1, 15, 18, 30, tzinfo=PARIS)


def head_dates(client, page):
    head = read_head(client.get(page.url).content)
    [article] = head.json_ld_of_type("NewsArticle")
    return datetime.datetime.fromisoformat(
        article["datePublished"]
    ), datetime.datetime.fromisoformat(head.first("article:published_time"))


def feed_entry(client, fmt="rss"):
    parsed = checks.check_feed(client.get(f"/actualites/articles/flux.{fmt}").content, fmt)
    [entry] = parsed.entries
    return entry


def as_utc(struct_time):
    return datetime.datetime.fromtimestamp(calendar.timegm(struct_time), datetime.UTC)


def test_a_back_dated_item_is_dated_by_its_date_everywhere(client, news_index):
    with time_machine.travel(DEMO_LOADED, tick=False):
        page = publish(
            ArticlePageFactory(
                parent=news_index, title="Lancement du Club", date=datetime.date(2020, 11, 30)
            )
        )
    expected = datetime.datetime(2020, 11, 30, 9, 0, tzinfo=PARIS)
    assert page.published_at == expected
    assert head_dates(client, page) == (expected, expected)
    for fmt in ("rss", "atom"):
        entry = feed_entry(client, fmt)
        assert as_utc(entry.published_parsed) == expected
        # The id keeps the day of the first publication: it was given out with it.
        assert re.fullmatch(rf"tag:[^,]+,2026-01-15:actualites/{page.pk}", entry.id)


def test_an_item_published_ahead_of_its_date_is_dated_by_its_publication(client, news_index):
    published = datetime.datetime(2020, 11, 2, 10, 15, tzinfo=PARIS)
    with time_machine.travel(published, tick=False):
        page = publish(ArticlePageFactory(parent=news_index, date=datetime.date(2020, 11, 30)))
    assert page.published_at == published
    assert head_dates(client, page) == (published, published)
    entry = feed_entry(client)
    assert as_utc(entry.published_parsed) == published
    assert re.fullmatch(rf"tag:[^,]+,2020-11-02:actualites/{page.pk}", entry.id)


def test_a_page_never_published_is_dated_by_its_date(news_index):
    page = ArticlePageFactory(parent=news_index, live=False, date=datetime.date(2020, 12, 1))
    page.first_published_at = None
    assert page.published_at == datetime.datetime(2020, 12, 1, 9, 0, tzinfo=PARIS)
