"""The "Publications programmées" dashboard panel: upcoming go-lives, and late ones in red."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from news.models import ArticlePage
from tests.editorial.conftest import make_user
from tests.editorial.helpers import add_url, article_form_data
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
MONDAY_9AM = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=PARIS)
PANEL = 'id="scheduled-publications-section"'


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def panel_of(html):
    assert PANEL in html
    start = html.index(PANEL)
    return html[start : html.index("</section>", start)]


def schedule(news_index, title, at):
    page = ArticlePageFactory(parent=news_index, live=False, title=title)
    page.go_live_at = at
    page.save_revision().publish()
    return page


def test_upcoming_go_live_is_listed_with_paris_time(editor_client, news_index):
    with time_machine.travel(MONDAY_9AM, tick=False):
        page = schedule(
            news_index, "Lancement de la saison 2", MONDAY_9AM + datetime.timedelta(hours=3)
        )
        panel = panel_of(dashboard(editor_client))
    assert "Publications programmées" in panel
    assert "Lancement de la saison 2" in panel
    assert reverse("wagtailadmin_pages:edit", args=(page.pk,)) in panel
    assert "10/03/2025 à 12:00" in panel
    assert "heure de Paris" in panel
    assert "Programmée" in panel
    assert "en retard" not in panel.lower()


def test_go_live_missed_by_more_than_five_minutes_is_red_and_says_what_to_check(
    moderator_client, news_index
):
    with time_machine.travel(MONDAY_9AM, tick=False):
        schedule(news_index, "Appel à projets", MONDAY_9AM + datetime.timedelta(minutes=30))
        schedule(news_index, "Rencontre de juin", MONDAY_9AM + datetime.timedelta(days=2))
    # Four minutes late: the scheduler may simply not have run yet.
    with time_machine.travel(MONDAY_9AM + datetime.timedelta(minutes=34), tick=False):
        panel = panel_of(dashboard(moderator_client))
        assert "data-scheduling-late" not in panel
    # Six minutes late: the scheduler is not running.
    with time_machine.travel(MONDAY_9AM + datetime.timedelta(minutes=36), tick=False):
        panel = panel_of(dashboard(moderator_client))
    assert "data-scheduling-late" in panel
    assert "1 publication en retard" in panel
    assert "publish_scheduled" in panel
    assert "Scheduled publishing" in panel
    assert "make run" in panel
    late_row = panel[panel.index("data-late") :]
    late_row = late_row[: late_row.index("</tr>")]
    assert "Appel à projets" in late_row
    assert "w-text-critical-200" in late_row
    assert "En retard" in late_row
    # Late first, then the upcoming one, not red.
    assert panel.index("Appel à projets") < panel.index("Rencontre de juin")
    assert panel.count("data-late") == 1


def test_published_page_leaves_the_panel(moderator_client, news_index):
    with time_machine.travel(MONDAY_9AM, tick=False):
        page = schedule(news_index, "Appel à projets", MONDAY_9AM + datetime.timedelta(minutes=30))
    with time_machine.travel(MONDAY_9AM + datetime.timedelta(minutes=31), tick=False):
        call_command("publish_scheduled", verbosity=0)
        page.refresh_from_db()
        assert page.live
        panel = panel_of(dashboard(moderator_client))
    assert "Appel à projets" not in panel
    assert "Aucune publication programmée." in panel


def test_date_proposed_by_an_editor_is_listed_as_awaiting_approval(
    editor_client, moderator_client, news_index
):
    with time_machine.travel(MONDAY_9AM, tick=False):
        response = editor_client.post(
            add_url(news_index, ArticlePage),
            article_form_data("Retour sur le webinaire", go_live_at="2025-03-11 08:00"),
        )
        assert response.status_code == 302
        panel = panel_of(dashboard(moderator_client))
    assert "Retour sur le webinaire" in panel
    assert "11/03/2025 à 08:00" in panel
    assert "Proposée, en attente de validation" in panel


def test_who_sees_the_panel(editor_client, moderator_client, admin_client, news_index):
    assert PANEL in dashboard(editor_client)
    assert PANEL in dashboard(moderator_client)
    assert PANEL in dashboard(admin_client)
    # Someone with admin access outside the two roles (e.g. a partner reading stats) does not.
    other = make_user("partenaire")
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(other)
    assert PANEL not in dashboard(client)
