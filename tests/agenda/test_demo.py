"""The agenda's demo content: the agenda page, the 2020 webinars as past sessions, two examples."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail import hooks

from agenda import demo
from agenda.models import AgendaPage
from home.demo.loader import DEMO_CONTENT_HOOK, DemoLoader
from home.models import HomePage
from news import demo as news_demo
from news.models import NewsIndexPage, WebinarPage
from tests.agenda.ics import parse, rfc5545_problems

pytestmark = pytest.mark.django_db


def load_agenda_demo():
    """The demo command (the agenda's part included, through ``club_demo_content``), then the
    agenda's module again, as a second run of the command would."""
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    loader = DemoLoader()
    demo.load(loader, home=HomePage.objects.get(), news_index=NewsIndexPage.objects.get())
    return loader


def test_the_agenda_demo_runs_after_the_news_and_before_the_editorial_setup():
    loaders = hooks.get_hooks(DEMO_CONTENT_HOOK)
    assert loaders.index(news_demo.load) < loaders.index(demo.load) < len(loaders) - 1


def test_demo_agenda_shows_the_examples_ahead_and_the_2020_webinars_behind(client):
    load_agenda_demo()
    agenda = AgendaPage.objects.get()
    assert agenda.url == "/agenda/" and agenda.show_in_menus and agenda.live
    assert '<a href="/agenda/">Agenda</a>' in client.get("/").content.decode()
    html = client.get("/agenda/").content.decode()
    upcoming = html[html.index('id="a-venir"') : html.index('id="passees"')]
    past = html[html.index('id="passees"') :]
    assert "Session collective" in upcoming and "Présentation de dispositif" in upcoming
    assert "2 sessions à venir" in upcoming and upcoming.count("<h4") == 2
    assert "Le Club des Développeurs est lancé" in past
    assert "Les aides à l&#x27;artisanat et au commerce" in past
    examples = WebinarPage.objects.filter(slug__startswith="exemple-")
    assert {page.session_type for page in examples} == {
        "session-collective",
        "presentation-dispositif",
    }
    assert all(page.is_upcoming() and "exemple" in page.body.render_as_block() for page in examples)
    assert "Prochaines sessions" in client.get("/").content.decode()


def test_every_demo_calendar_is_valid(client):
    load_agenda_demo()
    urls = ["/agenda/agenda.ics"]
    urls += [
        f"/agenda/themes/{slug}/agenda.ics"
        for slug in ["economie-territoriale", "collectivite-territoriale"]
    ]
    urls += [f"/agenda/sessions/{page.pk}.ics" for page in WebinarPage.objects.all()]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert rfc5545_problems(response.content) == [], url
        assert parse(response.content).events, url


def test_loading_twice_creates_nothing_and_moves_past_examples_ahead():
    load_agenda_demo()
    loader = load_agenda_demo()
    assert not loader.created
    assert AgendaPage.objects.count() == 1 and WebinarPage.objects.count() == 4
    later = timezone.now() + datetime.timedelta(days=120)
    with time_machine.travel(later, tick=False):
        loader = DemoLoader()
        demo.load(loader, home=HomePage.objects.get(), news_index=NewsIndexPage.objects.get())
        examples = WebinarPage.objects.filter(slug__startswith="exemple-")
        assert all(page.is_upcoming() for page in examples)
        assert len(loader.created) == 2  # the two dates moved, nothing else
        assert all(page.sequence == 1 for page in examples)
