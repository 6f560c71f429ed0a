"""In a real browser: the page's themes field shows themes without quotes, existing or typed,
and the French guide opens from the Aide menu."""

import pytest
from playwright.sync_api import expect

from home.editorial.roles import EDITORS
from tests.browser.test_editorial_flow import log_in, make_member, site  # noqa: F401
from tests.factories import ArticlePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_themes_field_without_quotes_and_guide_in_the_aide_menu(
    site,  # noqa: F811
    live_server,
    page,
    screenshots_dir,
):
    make_member("redactrice", EDITORS)
    article = ArticlePageFactory(parent=site, title="Le vélo à Poitiers", themes=[])
    article.themes.set(["Économie territoriale"])
    article.save_revision().publish()

    log_in(page, live_server.url, "redactrice")
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    page.get_by_role("tab", name="Thèmes et liens").click()
    labels = page.locator(".tagit-label")
    expect(labels).to_have_text(["Économie territoriale"])

    page.locator("ul.tagit input[type=text]").fill("Transition écologique")
    page.keyboard.press("Enter")
    expect(labels).to_have_text(["Économie territoriale", "Transition écologique"])
    assert '"' not in "".join(labels.all_inner_texts())
    page.screenshot(path=screenshots_dir / "theme-field.png")

    page.get_by_role("button", name="Aide").click()
    page.get_by_role("link", name="Guide de rédaction").first.click()
    expect(page.get_by_role("heading", name="1. Qui fait quoi")).to_be_visible()
