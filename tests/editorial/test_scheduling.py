"""Scheduling: go-live and expiry dates work end to end with ``publish_scheduled``."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from news.models import ArticlePage, NewsPage
from tests.editorial.helpers import add_url, article_form_data, workflow_action_url
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
MONDAY_9AM = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=PARIS)


def publish_scheduled():
    call_command("publish_scheduled", verbosity=0)


def is_listed(page):
    return NewsPage.objects.live().filter(pk=page.pk).exists()


def test_scheduled_article_goes_live_when_its_time_has_come(client, news_index):
    with time_machine.travel(MONDAY_9AM, tick=False):
        page = ArticlePageFactory(parent=news_index, live=False, title="Lancement de la saison 2")
        page.go_live_at = MONDAY_9AM + datetime.timedelta(hours=3)
        page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live
        assert page.get_latest_revision().approved_go_live_at == page.go_live_at
        publish_scheduled()  # too early: nothing happens
        page.refresh_from_db()
        assert not page.live
        assert not is_listed(page)
        assert client.get(page.url).status_code == 404

    with time_machine.travel(MONDAY_9AM + datetime.timedelta(hours=3, minutes=1), tick=False):
        publish_scheduled()
        page.refresh_from_db()
        assert page.live
        assert is_listed(page)
        assert client.get(page.url).status_code == 200


def test_expired_article_leaves_the_site(client, news_index):
    with time_machine.travel(MONDAY_9AM, tick=False):
        page = ArticlePageFactory(parent=news_index, title="Appel à candidatures")
        page.expire_at = MONDAY_9AM + datetime.timedelta(days=1)
        page.save_revision().publish()
        page.refresh_from_db()
        assert page.live and is_listed(page)
        assert client.get(page.url).status_code == 200

    with time_machine.travel(MONDAY_9AM + datetime.timedelta(days=1, minutes=1), tick=False):
        publish_scheduled()
        page.refresh_from_db()
        assert not page.live
        assert page.expired
        assert not is_listed(page)
        assert client.get(page.url).status_code == 404


def test_editor_proposes_a_date_moderator_approval_schedules_it(
    editor_client, moderator_client, news_index, client
):
    """The go-live date a Rédacteur sets is kept: approval schedules rather than publishes."""
    with time_machine.travel(MONDAY_9AM, tick=False):
        response = editor_client.post(
            add_url(news_index, ArticlePage),
            article_form_data("Retour sur le webinaire de mars", go_live_at="2025-03-11 08:00"),
        )
        assert response.status_code == 302
        page = ArticlePage.objects.get(slug="retour-sur-le-webinaire-de-mars")
        moderator_client.post(workflow_action_url(page, "approve"), {"comment": ""})
        page.refresh_from_db()
        assert not page.live
        assert page.scheduled_revision is not None
        assert page.scheduled_revision.approved_go_live_at == datetime.datetime(
            2025, 3, 11, 8, 0, tzinfo=PARIS
        )

    with time_machine.travel(datetime.datetime(2025, 3, 11, 8, 1, tzinfo=PARIS), tick=False):
        publish_scheduled()
        page.refresh_from_db()
        assert page.live
        assert is_listed(page)
        assert client.get(page.url).status_code == 200
