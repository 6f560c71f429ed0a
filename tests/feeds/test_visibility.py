"""Only what a visitor may read right now goes out in the feeds."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import Theme
from tests.factories import ArticlePageFactory, ResourceIndexPageFactory, ResourcePageFactory
from tests.feeds import checks

FEED_PATHS = [
    "/actualites/flux",
    "/actualites/articles/flux",
    "/actualites/themes/economie-territoriale/flux",
]
THEME = "Économie territoriale"


def titles_everywhere(client):
    titles = set()
    for path in FEED_PATHS:
        for fmt in ("rss", "atom"):
            response = client.get(f"{path}.{fmt}")
            assert response.status_code == 200, (path, fmt)
            titles |= {entry.title for entry in checks.check_feed(response.content, fmt).entries}
    return titles


@pytest.fixture
def hidden(news_index, make_feed_item):
    """One hidden page per reason, each themed, next to one visible page."""
    now = timezone.now()
    pages = {}

    draft = ArticlePageFactory(parent=news_index, title="Brouillon", live=False)
    draft.themes.set([THEME])
    draft.save_revision()
    pages["draft"] = draft

    unpublished = make_feed_item(title="Dépublié")
    unpublished.unpublish()
    pages["unpublished"] = unpublished

    private = make_feed_item(title="Privé")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    pages["private"] = private

    expired = make_feed_item(title="Expiré")
    expired.expire_at = now - datetime.timedelta(hours=1)
    expired.save(update_fields=["expire_at"])  # still "live" until publish_scheduled runs
    pages["expired"] = expired

    scheduled = ArticlePageFactory(
        parent=news_index,
        title="Programmé",
        live=False,
        go_live_at=now + datetime.timedelta(days=2),
    )
    scheduled.themes.set([THEME])
    scheduled.save_revision().publish()  # Wagtail schedules it rather than publishing it
    scheduled.refresh_from_db()
    assert not scheduled.live
    pages["scheduled"] = scheduled

    future_live = make_feed_item(title="En ligne plus tard")
    future_live.go_live_at = now + datetime.timedelta(days=1)
    future_live.save(update_fields=["go_live_at"])
    pages["future_live"] = future_live

    make_feed_item(title="Visible")
    return pages


@pytest.mark.django_db
def test_drafts_unpublished_private_expired_and_scheduled_pages_never_show(client, hidden):
    assert titles_everywhere(client) == {"Visible"}


@pytest.mark.django_db
def test_expired_pages_stay_out_once_wagtail_marks_them(client, hidden):
    call_command("publish_scheduled")
    hidden["expired"].refresh_from_db()
    assert hidden["expired"].expired and not hidden["expired"].live
    assert titles_everywhere(client) == {"Visible"}


@pytest.mark.django_db
def test_a_scheduled_page_shows_once_its_time_has_come(client, hidden):
    with time_machine.travel(hidden["scheduled"].go_live_at + datetime.timedelta(minutes=1)):
        assert titles_everywhere(client) == {"Visible", "En ligne plus tard"}
        call_command("publish_scheduled")
        hidden["scheduled"].refresh_from_db()
        assert hidden["scheduled"].live
        assert titles_everywhere(client) == {"Visible", "En ligne plus tard", "Programmé"}


@pytest.mark.django_db
def test_a_private_section_hides_every_item_below_it(client, news_index, make_feed_item):
    make_feed_item(title="Sous l'index")
    PageViewRestriction.objects.create(page=news_index, restriction_type="password", password="x")
    # The feeds are routes of the news index: they share its privacy and ask for its password,
    # like its listing and theme pages, and show nothing of what is below it.
    for path in FEED_PATHS:
        for fmt in ("rss", "atom"):
            response = client.get(f"{path}.{fmt}")
            content = response.content.decode()
            assert response["Content-Type"].startswith("text/html"), (path, fmt)
            assert 'name="password"' in content
            assert "Sous l'index" not in content


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_an_unknown_theme_is_a_404(client, news, fmt):
    assert client.get(f"/actualites/themes/inconnu/flux.{fmt}").status_code == 404
    assert client.get(f"/actualites/themes/economie-territoriale/flux.{fmt}").status_code == 200


@pytest.mark.django_db
def test_an_unknown_kind_is_not_a_feed(client, news):
    assert client.get("/actualites/evenements/flux.rss").status_code == 404


@pytest.mark.django_db
def test_a_theme_no_visible_page_carries_has_no_feed(client, hidden):
    """A theme typed in a draft, or that no page carries any more, leaks nothing."""
    Theme.objects.create(name="Mobilités")
    for fmt in ("rss", "atom"):
        assert client.get(f"/actualites/themes/mobilites/flux.{fmt}").status_code == 404


@pytest.mark.django_db
def test_a_theme_only_resources_carry_has_an_empty_valid_feed(client, hidden, home_page):
    ResourcePageFactory(parent=ResourceIndexPageFactory(parent=home_page), themes=["Mobilités"])
    for fmt in ("rss", "atom"):
        response = client.get(f"/actualites/themes/mobilites/flux.{fmt}")
        assert response.status_code == 200
        assert checks.check_feed(response.content, fmt).entries == []
