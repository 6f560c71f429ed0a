"""Helpers for the news tests: a mix of every kind, and query counting on a warm page."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
    TestimonialPageFactory,
    WebinarPageFactory,
)

THEMES = ["Économie territoriale", "Collectivité territoriale"]


def make_news(parent, count, start=datetime.date(2020, 1, 1)):
    """``count`` items cycling through the three kinds, each with its own image and two themes.

    Dates go back one day per item from ``start``; webinars are past unless told otherwise.
    """
    factories = itertools.cycle([ArticlePageFactory, WebinarPageFactory, TestimonialPageFactory])
    items = []
    for number, factory in zip(range(count), factories, strict=False):
        day = start - datetime.timedelta(days=number)
        fields = {"parent": parent, "date": day, "main_image": ImageFactory(), "themes": THEMES}
        if factory is WebinarPageFactory:
            fields["starts_at"] = timezone.make_aware(
                datetime.datetime.combine(day, datetime.time(10))
            )
            fields["recap_summary"] = "<p>Ce qui s'est dit.</p>"
        if factory is TestimonialPageFactory:
            fields["portrait"] = ImageFactory()
        items.append(factory(**fields))
    return items


def count_queries(client, url):
    """Queries run by a second visit (the first one generates image renditions)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.fixture
def news_items(news_index):
    return make_news(news_index, 5)
