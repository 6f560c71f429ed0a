"""Fixtures of the agenda tests: the agenda page beside the news index, and sessions.

Sessions are webinar pages (``news.WebinarPage``) of any ``session_type``; times are given in
Paris time, as editors type them.
"""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agenda.models import AgendaPage
from tests.factories import WebinarPageFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def agenda_page(home_page):
    page = AgendaPage(title="Agenda", slug="agenda", show_in_menus=True, introduction="Les dates.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def paris(*args):
    """An aware datetime, Paris time: ``paris(2026, 12, 8, 14)``."""
    return datetime.datetime(*args, tzinfo=PARIS)


def make_session(parent, starts_at=None, **fields):
    """A session published as an editor does (a revision); upcoming (in a week) unless
    ``starts_at`` says otherwise."""
    if starts_at is None:
        starts_at = timezone.now() + datetime.timedelta(days=7)
    page = WebinarPageFactory(parent=parent, starts_at=starts_at, **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def republish(page, **changes):
    """Edit ``page`` as an editor would (a new revision, published) and return it fresh."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def count_queries(client, url):
    """Queries run by a second visit (the first one may fill caches)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response
