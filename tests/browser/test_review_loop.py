"""In a real browser, the whole review loop of the editors' guide, with its screenshots.

A Rédactrice writes an article and submits it; a Modératrice requests changes with a comment; the
Rédactrice reads the comment in the editor and in the French e-mail, corrects and resubmits; the
Modératrice approves with a go-live date one minute ahead, set in the "Programmer" dialog; once the
time has come, ``publish_scheduled`` (what the scheduler runs every minute) puts it on the site.

Each step is captured (the buttons each role sees) for docs/guide-redaction.md: see captures.py
(``UPDATE_DOC_CAPTURES=1`` writes them into docs/captures/).
"""

import datetime
import time
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from home.editorial.roles import EDITORS, MODERATORS
from news.models import ArticlePage
from tests.browser.admin import make_member, open_session
from tests.browser.captures import VIEWPORT, Captures, captures_folder

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARIS = ZoneInfo("Europe/Paris")
TITLE = "Un tiers-lieu numérique ouvre à Lubersac"
FIRST_INTRODUCTION = "La communauté de communes ouvre un tiers-lieu."
COMMENT = "Précisez le nom de la communauté de communes dans le chapô, s'il vous plaît."
CORRECTED_INTRODUCTION = (
    "La communauté de communes du Pays de Lubersac-Pompadour ouvre un tiers-lieu numérique."
)
#: The go-live date is at least this far ahead when the Modératrice types it (minute precision).
LEAD_TIME = datetime.timedelta(seconds=50)

FOOTER_MENU = "footer [data-w-dropdown-target=toggle]"
SUBMIT = "footer button[name=action-submit]"
REQUEST_CHANGES = "footer [data-workflow-action-name=reject]"
APPROVE = "footer [data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"


@pytest.fixture
def captures(tmp_path):
    return Captures(captures_folder(tmp_path))


def open_footer_menu(page):
    page.locator(FOOTER_MENU).click()
    expect(page.locator(SUBMIT).or_(page.locator(APPROVE)).first).to_be_visible()


def next_go_live():
    """The first whole minute at least ``LEAD_TIME`` ahead, in Paris time."""
    soon = timezone.now().astimezone(PARIS) + LEAD_TIME + datetime.timedelta(minutes=1)
    return soon.replace(second=0, microsecond=0)


def write_and_submit(page, base_url, news_section, captures):
    add = reverse("wagtailadmin_pages:add", args=("news", "articlepage", news_section.pk))
    page.goto(base_url + add)
    page.fill("#id_title", TITLE)
    page.fill("#id_introduction", FIRST_INTRODUCTION)
    open_footer_menu(page)
    # A Rédactrice saves drafts and submits: no "Publier" for her.
    expect(page.locator(SUBMIT)).to_be_visible()
    expect(page.locator("footer [name=action-publish]")).to_have_count(0)
    captures(page, "01-redactrice-brouillon")
    page.locator(SUBMIT).click()
    expect(page.locator(".messages")).to_contain_text("soumise pour modération")


def request_changes(page, base_url, captures):
    page.goto(f"{base_url}/admin/")
    awaiting = page.get_by_role("region", name="En attente de votre vérification")
    expect(awaiting.get_by_role("link", name=TITLE).first).to_be_visible()
    captures(page, "03-moderatrice-tableau-de-bord")
    awaiting.get_by_role("link", name=TITLE).first.click()
    expect(page.locator("#id_title")).to_have_value(TITLE)
    captures(page, "04-moderatrice-relecture")
    open_footer_menu(page)
    captures(page, "05-moderatrice-actions")
    page.locator(REQUEST_CHANGES).click()
    modal = page.locator(".modal-dialog")
    modal.locator("textarea").fill(COMMENT)
    captures(page, "06-moderatrice-demande-de-modifications")
    modal.locator("[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()


def schedule_and_approve(page, base_url, article, captures):
    page.goto(base_url + reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    page.locator("[data-side-panel-toggle=status]").click()
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    go_live = next_go_live()
    dialog.locator("#id_go_live_at").fill(go_live.strftime("%d/%m/%Y %H:%M"))
    captures(page, "09-moderatrice-programmer")
    # From the keyboard: the date picker, still open under the field, would take a mouse click.
    dialog.locator("button.action-save").press("Enter")
    expect(page.locator(".messages")).to_be_visible()
    open_footer_menu(page)
    captures(page, "10-moderatrice-approuver")
    page.locator(APPROVE).click()
    expect(page.locator(".messages")).to_be_visible()
    return go_live


def test_writer_and_moderator_go_round_the_review_loop_to_a_scheduled_publication(
    news_section, live_server, browser, captures, mailoutbox
):
    editor = make_member("redactrice", EDITORS)
    moderator = make_member("moderatrice", MODERATORS)
    base_url = live_server.url
    writer = open_session(browser, base_url, "redactrice")
    reviewer = open_session(browser, base_url, "moderatrice")
    visitor = browser.new_page()

    # 1. The Rédactrice writes and submits; under review, her page waits for the Modératrice.
    write_and_submit(writer, base_url, news_section, captures)
    article = ArticlePage.objects.get(title=TITLE)
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [message.to for message in mailoutbox] == [[moderator.email]]
    edit_url = base_url + reverse("wagtailadmin_pages:edit", args=(article.pk,))
    writer.goto(edit_url)
    writer.locator(FOOTER_MENU).click()
    captures(writer, "02-redactrice-en-relecture")
    assert visitor.goto(f"{base_url}{article.url}").status == 404

    # 2. The Modératrice reviews and asks for changes with a comment.
    mailoutbox.clear()
    request_changes(reviewer, base_url, captures)
    article.refresh_from_db()
    assert article.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # 3. The Rédactrice reads the comment in the French e-mail and at the top of the editor.
    [message] = mailoutbox
    assert message.to == [editor.email]
    assert message.subject == f"Modifications demandées par Moderatrice : « {TITLE} »"
    assert message.body.startswith("Bonjour Redactrice,")
    assert f"« {COMMENT} »" in message.body
    assert f"/admin/pages/{article.pk}/edit/" in message.body
    writer.goto(edit_url)
    banner = writer.locator("[data-review-banner]")
    expect(banner).to_contain_text("Moderatrice demande des modifications")
    expect(banner).to_contain_text(COMMENT)
    captures(writer, "07-redactrice-commentaire")

    # 4. She corrects and resubmits from the same menu.
    writer.fill("#id_introduction", CORRECTED_INTRODUCTION)
    open_footer_menu(writer)
    captures(writer, "08-redactrice-resoumettre")
    mailoutbox.clear()
    writer.locator(SUBMIT).click()
    expect(writer.locator(".messages")).to_contain_text("soumise pour modération")
    article.refresh_from_db()
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [message.to for message in mailoutbox] == [[moderator.email]]
    assert "corrigée après les modifications demandées par Moderatrice" in mailoutbox[0].body

    # 5. The Modératrice sets the go-live a minute ahead and approves: the page is scheduled.
    mailoutbox.clear()
    go_live = schedule_and_approve(reviewer, base_url, article, captures)
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_state is None
    assert article.get_latest_revision().approved_go_live_at == go_live
    assert article.introduction == CORRECTED_INTRODUCTION or (
        article.get_latest_revision_as_object().introduction == CORRECTED_INTRODUCTION
    )
    [message] = mailoutbox
    assert message.subject == f"Page approuvée et programmée par Moderatrice : « {TITLE} »"
    assert go_live.strftime("le %d/%m/%Y à %H:%M (heure de Paris)") in message.body

    # The dashboard lists it among the scheduled publications until it goes live.
    reviewer.goto(f"{base_url}/admin/")
    scheduled = reviewer.get_by_role("region", name="Publications programmées")
    expect(scheduled).to_contain_text(TITLE)

    # 6. Before its time, the scheduler leaves it offline; once the time has come, it is live.
    call_command("publish_scheduled", verbosity=0)
    assert visitor.goto(f"{base_url}{article.url}").status == 404
    time.sleep(max(0.0, (go_live - timezone.now()).total_seconds()) + 1)
    call_command("publish_scheduled", verbosity=0)
    response = visitor.goto(f"{base_url}{article.url}")
    assert response.status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_text(CORRECTED_INTRODUCTION)).to_be_visible()

    for path in captures.taken:
        with Image.open(path) as image:
            assert image.size == (VIEWPORT["width"], VIEWPORT["height"])
    assert len(captures.taken) == 10


def test_the_guide_in_the_admin_shows_these_screenshots(news_section, live_server, browser):
    """The admin's policy (CSP) and the capture view let the browser display every screenshot."""
    make_member("redactrice", EDITORS)
    page = open_session(browser, live_server.url, "redactrice")
    refused = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and refused.append(message.text),
    )
    page.goto(f"{live_server.url}/admin/guide/")
    images = page.locator("[data-editors-guide] img")
    assert images.count() >= 10
    for image in images.all():
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("img => img.naturalWidth") == VIEWPORT["width"]
        assert image.get_attribute("alt")
    assert not refused
    page.context.close()
