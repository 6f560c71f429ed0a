"""The agenda passes axe-core's WCAG 2.1 A/AA rules at phone and desktop widths, keeps a sound
heading structure and loads nothing from another site (the approach of test_accessibility.py).

The agenda shows the demo content (two upcoming examples, the 2020 webinars), a cancelled upcoming
session and a past one without recap, so that every state of the page is checked.
"""

import datetime

import pytest
from django.utils import timezone

from agenda import demo
from home.demo.loader import DemoLoader
from tests.browser.axe import audit_at_widths, watch_foreign_requests
from tests.factories import WebinarPageFactory


@pytest.fixture
def agenda_site(site_data):
    """The browser tests' site, with the agenda's demo content and two more states."""
    index = site_data["news_index"]
    demo.load(DemoLoader(), home=site_data["home"], news_index=index)
    now = timezone.now()
    WebinarPageFactory(
        parent=index,
        title="Atelier annulé : les outils de l'ingénierie de projet",
        slug="essai-atelier-annule",
        session_type="atelier",
        cancelled=True,
        starts_at=now + datetime.timedelta(days=10),
        themes=["Économie territoriale"],
    )
    WebinarPageFactory(
        parent=index,
        title="Session collective sans compte rendu",
        slug="essai-sans-compte-rendu",
        session_type="session-collective",
        starts_at=now - datetime.timedelta(days=3),
        themes=["Collectivité territoriale"],
    )
    return site_data


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("agenda", "/agenda/"),
        ("agenda-filtre", "/agenda/?theme=economie-territoriale&modalite=en-ligne"),
    ],
)
def test_the_agenda_is_accessible_on_phone_and_desktop(
    key, path, page, live_server, agenda_site, screenshots_dir
):
    url = live_server.url + path
    foreign = watch_foreign_requests(page, live_server.url)

    def visit():
        response = page.goto(url)
        assert response.status == 200, f"{url} answered {response.status}"
        assert page.locator(".agenda-session").count(), f"no session on {url}"

    problems = audit_at_widths(page, key, screenshots_dir, visit)
    assert not foreign, f"requests to other sites: {foreign}"
    assert not problems, f"{url}\n" + "\n".join(problems)


def test_the_home_page_with_its_sessions_is_accessible(
    page, live_server, agenda_site, screenshots_dir
):
    def visit():
        page.goto(live_server.url + "/")
        assert page.locator("#prochaines-sessions").count() == 1

    problems = audit_at_widths(page, "accueil-sessions", screenshots_dir, visit)
    assert not problems, "\n".join(problems)
