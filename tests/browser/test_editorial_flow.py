"""In a real browser: a Rédactrice writes a webinar recap, a Modérateur approves it, it goes live.

Playwright drives Debian's Chromium (see ../shared/e2e/README.md) through the French admin, as the
editor's guide (docs/guide-redaction.md) tells a new editor to do it.
"""

import random

import feedparser
import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.models import Page, Site, WorkflowState

from home.editorial.roles import EDITORS, MODERATORS, TASK_NAME
from home.models import HomePage, Theme
from news.models import WebinarPage
from tests.browser.admin import log_in, make_member
from tests.browser.site_data import ensure_wagtail_roots
from tests.factories import NewsIndexPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Retour sur le webinaire « Financer son projet de territoire »"
RECAP = "Trois dispositifs régionaux ont été présentés, avec leurs calendriers."


@pytest.fixture
def site(transactional_db, settings):
    """Home page and "Actualités", in a database that a previous browser test may have emptied."""
    ensure_wagtail_roots()
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Club des Développeurs", slug="accueil", headline="Le réseau.")
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    # Creating the section sets up its rights and its moderation (home.editorial.signals).
    news_index = NewsIndexPageFactory(parent=home)
    Theme.objects.create(name="Économie territoriale")
    return news_index


@pytest.fixture
def picture(tmp_path):
    path = tmp_path / "webinaire.png"
    colour = tuple(random.randint(0, 255) for _ in range(3))
    PILImage.new("RGB", (800, 450), colour).save(path)
    return path


def write_webinar_recap(page, base_url, news_index, picture):
    # As the guide says: Pages › Actualités, "+" (Ajouter une sous-page), Webinaire.
    page.get_by_role("button", name="Pages").click()
    page.get_by_role("link", name="Actualités").first.click()
    page.get_by_role("link", name="Ajouter une sous-page").click()
    page.get_by_role("link", name="Webinaire", exact=True).click()

    # Contenu: title, summary, and a picture uploaded from the chooser, with its alt text.
    page.fill("#id_title", TITLE)
    page.fill("#id_introduction", "Ce qu'il fallait retenir de la session du 10 mars.")
    page.click("#panel-child-contenu-main_image-content button[data-chooser-action-choose]")
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Transférer").click()
    modal.locator("#id_image-chooser-upload-file").set_input_files(picture)
    modal.locator("#id_image-chooser-upload-title").fill("Webinaire financement")
    modal.locator("#id_image-chooser-upload-description").fill(
        "Quatre intervenants en visioconférence devant une carte de la région."
    )
    modal.get_by_role("button", name="Transférer").click()
    expect(modal).to_be_hidden()
    expect(page.locator("#panel-child-contenu-main_image-content")).to_contain_text(
        "Webinaire financement"
    )

    # Webinaire: the session took place, so the page is a recap.
    page.get_by_role("tab", name="Webinaire").click()
    page.fill("#id_starts_at", "10/03/2021 14:00")
    page.keyboard.press("Escape")

    # Compte rendu.
    page.get_by_role("tab", name="Compte rendu").click()
    page.locator("#panel-child-compte_rendu-recap_summary-content [contenteditable=true]").click()
    page.keyboard.type(RECAP)

    # Thèmes: typing "econ" proposes the existing "Économie territoriale".
    page.get_by_role("tab", name="Thèmes et liens").click()
    theme_input = page.locator("#panel-child-themes_et_liens-themes-content .tagit input")
    theme_input.click()
    theme_input.press_sequentially("econ")
    page.locator("ul.ui-autocomplete li", has_text="Économie territoriale").click()

    # Submit for moderation (there is no "Publier" for a Rédacteur).
    page.locator("footer [data-w-dropdown-target=toggle]").click()
    expect(page.get_by_role("button", name="Publier", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Soumettre à Validation éditoriale").click()
    expect(page.get_by_text("soumise pour modération")).to_be_visible()


def approve(page, base_url):
    page.goto(f"{base_url}/admin/")
    awaiting = page.get_by_role("region", name="En attente de votre vérification")
    awaiting.get_by_role("link", name=TITLE).first.click()
    page.locator("footer [data-w-dropdown-target=toggle]").click()
    page.get_by_role("button", name="Approuver et Publier").click()
    # Back in the section's listing, the page is now published.
    expect(page.get_by_role("row").filter(has_text=TITLE)).to_contain_text("publiée")


def test_editor_writes_a_recap_moderator_approves_it_goes_live(
    site, live_server, browser, picture, mailoutbox
):
    editor = make_member("redactrice", EDITORS)
    moderator = make_member("moderateur", MODERATORS)
    base_url = live_server.url

    editor_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    editor_page = editor_context.new_page()
    editor_page.set_default_timeout(15_000)
    log_in(editor_page, base_url, "redactrice")
    write_webinar_recap(editor_page, base_url, site, picture)

    recap = WebinarPage.objects.get(title=TITLE)
    assert not recap.live
    assert recap.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert recap.current_workflow_task.name == TASK_NAME
    assert recap.is_past() and RECAP in recap.recap_summary
    assert list(recap.themes.names()) == ["Économie territoriale"]
    assert recap.main_image.description.startswith("Quatre intervenants")
    assert [message.to for message in mailoutbox] == [[moderator.email]]
    visitor = browser.new_page()
    assert visitor.goto(f"{base_url}{recap.url}").status == 404

    moderator_context = browser.new_context(viewport={"width": 1280, "height": 900})
    moderator_page = moderator_context.new_page()
    moderator_page.set_default_timeout(15_000)
    log_in(moderator_page, base_url, "moderateur")
    approve(moderator_page, base_url)

    recap.refresh_from_db()
    assert recap.live
    assert recap.current_workflow_state is None
    assert mailoutbox[-1].to == [editor.email]
    response = visitor.goto(f"{base_url}{recap.url}")
    assert response.status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator("wagtail-userbar")).to_have_count(0)

    # A visitor finds the recap in the listing, on its theme page and in the RSS feed.
    visitor.goto(f"{base_url}/actualites/")
    expect(visitor.locator(".card").filter(has_text=TITLE)).to_have_count(1)
    visitor.goto(f"{base_url}/actualites/themes/economie-territoriale/")
    expect(visitor.locator(".card").filter(has_text=TITLE)).to_have_count(1)
    feed = feedparser.parse(visitor.request.get(f"{base_url}/actualites/flux.rss").body())
    assert feed.bozo == 0
    assert [entry.title for entry in feed.entries] == [TITLE]
    assert RECAP in feed.entries[0].content[0].value

    # Back on her published page, the Rédactrice runs the accessibility checker of the user bar.
    editor_page.goto(f"{base_url}{recap.url}")
    userbar = editor_page.locator("wagtail-userbar")
    userbar.locator("#wagtail-userbar-trigger").click()
    userbar.locator("#checker-trigger").click()
    expect(userbar.locator("#checker-results")).to_be_visible()
    expect(userbar.locator("#checker-results")).to_contain_text("Problèmes trouvés")

    editor_context.close()
    moderator_context.close()
