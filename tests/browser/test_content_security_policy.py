"""No page breaks its own Content-Security-Policy: every public page type, a page seen by a
logged-in editor (Wagtail's user bar), and the admin's page editor with its choosers.

The policies themselves: home/security/csp.py. A violation of either kind (event or console
message) fails the test; the last test proves that the watch sees one.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.csp import CspWatch
from tests.browser.test_accessibility import PAGE_CASES

PASSWORD = "mot-de-passe-du-test"


@pytest.mark.parametrize("case", PAGE_CASES, ids=lambda case: case.key)
def test_public_page_type_has_no_csp_violation(case, page, live_server, site_data):
    watch = CspWatch(page)
    url = live_server.url + case.path(site_data)
    response = page.goto(url)
    assert response.status == case.status
    assert "script-src 'self';" in response.headers["content-security-policy"] + ";"
    page.wait_for_load_state("networkidle")
    page.set_viewport_size({"width": 390, "height": 844})  # the menu script runs on phones
    page.mouse.wheel(0, 4000)  # lazy images
    page.wait_for_load_state("networkidle")
    watch.assert_none(url)


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


@pytest.fixture
def admin_user(site_data):
    return get_user_model().objects.create_superuser("admin-csp", "admin@exemple.fr", PASSWORD)


def test_editor_browsing_the_site_with_the_user_bar(page, live_server, site_data, admin_user):
    watch = CspWatch(page)
    log_in(page, live_server.url, admin_user.username)
    page.goto(live_server.url + site_data["article"].url)
    userbar = page.locator("wagtail-userbar")
    userbar.locator("#wagtail-userbar-trigger").click()
    expect(userbar.locator("#wagtail-userbar-items")).to_be_visible()
    watch.assert_none("an article seen by a logged-in editor")


def test_page_editor_and_its_choosers(page, live_server, site_data, admin_user):
    page.set_default_timeout(15_000)
    page.set_viewport_size({"width": 1280, "height": 900})
    watch = CspWatch(page)
    log_in(page, live_server.url, admin_user.username)
    index = site_data["news_index"]
    page.goto(f"{live_server.url}/admin/pages/add/news/articlepage/{index.pk}/")
    page.fill("#id_title", "Un article écrit sous la politique de sécurité")
    page.fill("#id_introduction", "Le chapô de l'article.")

    # The image chooser, in its modal, choosing one of the library's images.
    page.click("#panel-child-contenu-main_image-content button[data-chooser-action-choose]")
    modal = page.locator(".modal-dialog")
    expect(modal.get_by_role("tab", name="Transférer")).to_be_visible()
    modal.locator("a.image-choice, [data-chooser-modal-choice]").first.click()
    expect(modal).to_be_hidden()

    # The body: a paragraph block, typed in the rich text editor.
    body = page.locator("#panel-child-contenu-body-content")
    body.get_by_role("button", name="Insérer un bloc").first.click()
    page.get_by_role("option", name=re.compile("^Texte")).first.click()
    page.locator("#panel-child-contenu-body-content [contenteditable=true]").first.click()
    page.keyboard.type("Une phrase écrite dans l'éditeur.")

    # Save a draft: the form posts and the editor comes back.
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.locator(".messages")).to_contain_text("créée")

    # The preview panel renders the page in a frame.
    page.locator('[data-side-panel-toggle="preview"]').click()
    expect(page.frame_locator("iframe").first.locator("h1")).to_be_visible()

    # The image and document libraries.
    page.goto(f"{live_server.url}/admin/images/")
    expect(page.locator("h1")).to_be_visible()
    page.goto(f"{live_server.url}/admin/documents/")
    expect(page.locator("h1")).to_be_visible()
    watch.assert_none("the page editor")


def test_the_watch_sees_a_violation(page, live_server, site_data):
    watch = CspWatch(page)
    page.goto(live_server.url + "/")
    page.evaluate(
        """() => {
          const image = document.createElement("img");
          image.src = "https://tracker.invalid/pixel.gif";
          document.body.append(image);
          const paragraph = document.createElement("p");
          paragraph.setAttribute("style", "color: red");
          document.body.append(paragraph);
        }"""
    )
    page.wait_for_timeout(500)
    found = watch.violations()
    assert any("img-src" in violation for violation in found), found
