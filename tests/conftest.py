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


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    request, django_db_modify_db_settings_parallel_suffix, tmp_path_factory
):
    """On SQLite, a session that runs browser tests keeps its database in a file, as a real
    site does.

    The live server answers several requests at once: an editor's first autosave and their click
    on "Soumettre" create the same page concurrently. Django's default SQLite test database is
    in memory with a cache shared between threads, where a reader meets a writer's table lock at
    once ("database table is locked"), a fault no deployment has. In a file, SQLite works as in
    production (``config/settings/base.py``): WAL lets readers go on, and a writer waits for the
    other's lock. Other sessions keep the faster database in memory.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    runs_browser_tests = any(item.get_closest_marker("browser") for item in request.session.items)
    if database["ENGINE"] == "django.db.backends.sqlite3" and runs_browser_tests:
        folder = tmp_path_factory.mktemp("database")
        database.setdefault("TEST", {})["NAME"] = str(folder / "tests.sqlite3")


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
