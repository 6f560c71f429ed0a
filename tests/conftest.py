"""Fixtures and helpers every test folder shares: the site's home page, the news index, news
items of every kind, and query counting."""

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings
from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    TestimonialPageFactory,
    WebinarPageFactory,
)

THEMES = ["Économie territoriale", "Collectivité territoriale"]


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths; a test must not see the sites of the previous one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The site's home page, replacing Wagtail's welcome page, as the demo content does, and the
    site settings row a site has (otherwise the first page rendered creates it, and that change
    retires what the shared cache holds: ``home.page_cache``)."""
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Club des Développeurs", slug="accueil", headline="Le réseau.")
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    SiteSettings.load()
    return home


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


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


def count_queries(action):
    """``(number of SQL queries, result)`` of calling ``action()``."""
    with CaptureQueriesContext(connection) as queries:
        result = action()
    return len(queries), result


def count_page_queries(client, url):
    """``(queries, response)`` of a second visit to ``url`` (the first makes image renditions)."""
    assert client.get(url).status_code == 200
    count, response = count_queries(lambda: client.get(url))
    assert response.status_code == 200
    return count, response
