"""In a real browser: a Rédactrice adds a speaker she cannot find, from the chooser of the webinar
editor, and goes on writing; nothing she typed on the page is lost."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from home.editorial.roles import EDITORS
from news.models import Speaker
from tests.browser.admin import make_member, open_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Webinaire : financer un tiers-lieu"


def test_editor_creates_a_speaker_from_the_chooser_without_leaving_the_page(
    news_section, live_server, browser
):
    make_member("redactrice", EDITORS)
    page = open_session(browser, live_server.url, "redactrice")
    add = reverse("wagtailadmin_pages:add", args=("news", "webinarpage", news_section.pk))
    page.goto(live_server.url + add)
    page.fill("#id_title", TITLE)
    editor_url = page.url

    page.get_by_role("tab", name="Webinaire").click()
    page.locator("#id_speakers-ADD").click()
    page.locator("#id_speakers-0-speaker-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Nouvel intervenant").click()

    # A mistake first: the name is missing, the form says so and keeps the rest.
    modal.locator("#id_role").fill("cheffe de projet tiers-lieux")
    modal.get_by_role("button", name="Ajouter cet intervenant").click()
    expect(modal.locator(".error-message")).to_contain_text("requis")
    expect(modal.locator("#id_role")).to_have_value("cheffe de projet tiers-lieux")

    modal.locator("#id_name").fill("Inès Garat")
    modal.locator("#id_organisation").fill("Coopérative des tiers-lieux")
    modal.get_by_role("button", name="Ajouter cet intervenant").click()
    expect(modal).to_be_hidden()

    # Chosen at once, in the page being written, which is still the same unsaved page.
    chosen = page.locator("#id_speakers-0-speaker-chooser [data-chooser-title]")
    expect(chosen).to_have_text(
        "Inès Garat (cheffe de projet tiers-lieux, Coopérative des tiers-lieux)"
    )
    assert page.url.split("#")[0] == editor_url  # the tab only adds a fragment
    expect(page.locator("#id_title")).to_have_value(TITLE)
    speaker = Speaker.objects.get(name="Inès Garat")
    expect(page.locator("#id_speakers-0-speaker")).to_have_value(str(speaker.pk))
    page.context.close()
