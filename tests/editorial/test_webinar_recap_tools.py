"""Webinar recap tools: preview either face whatever the date, and the dashboard panel of past
webinars still without a recap."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.editorial.test_previews import preview
from tests.factories import WebinarPageFactory

pytestmark = pytest.mark.django_db

PANEL = 'id="past-webinars-without-recap-section"'


def test_webinar_offers_announcement_and_recap_previews(news_index):
    page = WebinarPageFactory(parent=news_index)
    modes = dict(page.preview_modes)
    assert modes["annonce"] == "Annonce"
    assert modes["compte-rendu"] == "Compte rendu"


def test_recap_preview_before_the_session(news_index, admin_client):
    page = WebinarPageFactory(parent=news_index, recap_summary="<p>Ce qui s'est dit.</p>")
    assert page.is_upcoming()
    recap = preview(admin_client, page, "compte-rendu")
    assert 'id="compte-rendu"' in recap
    assert "Ce qui s&#x27;est dit." in recap or "Ce qui s'est dit." in recap
    assert 'id="infos-pratiques"' not in recap
    # The default preview still follows the clock.
    assert 'id="infos-pratiques"' in preview(admin_client, page, "")


def test_announcement_preview_after_the_session(news_index, admin_client):
    page = WebinarPageFactory(
        parent=news_index, starts_at=timezone.now() - datetime.timedelta(days=3)
    )
    assert page.is_past()
    announcement = preview(admin_client, page, "annonce")
    assert 'id="infos-pratiques"' in announcement
    assert "S'inscrire" in announcement
    assert 'id="compte-rendu"' not in announcement


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_dashboard_lists_past_webinars_without_recap(editor_client, news_index):
    past = timezone.now() - datetime.timedelta(days=3)
    forgotten = WebinarPageFactory(
        parent=news_index, title="Session sans compte rendu", starts_at=past
    )
    WebinarPageFactory(
        parent=news_index,
        title="Session racontée",
        starts_at=past,
        recap_summary="<p>Ce qui s'est dit.</p>",
    )
    WebinarPageFactory(parent=news_index, title="Session à venir")

    html = dashboard(editor_client)
    assert PANEL in html
    panel = html[html.index(PANEL) : html.index("</section>", html.index(PANEL))]
    assert "Webinaires passés sans compte rendu" in panel
    assert "Session sans compte rendu" in panel
    assert reverse("wagtailadmin_pages:edit", args=(forgotten.pk,)) in panel
    assert "Session racontée" not in panel
    assert "Session à venir" not in panel


def test_no_panel_when_every_past_webinar_has_its_recap(editor_client, news_index):
    WebinarPageFactory(
        parent=news_index,
        starts_at=timezone.now() - datetime.timedelta(days=3),
        replay_url="https://video.example.org/w/1",
    )
    assert PANEL not in dashboard(editor_client)
