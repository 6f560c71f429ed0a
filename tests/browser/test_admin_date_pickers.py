"""In a real browser: the scheduling dialog states Paris time, its date picker offers quarter
hours and Escape closes the picker only; a new webinar previews without a validation banner."""

import pytest
from playwright.sync_api import expect

from home.editorial.roles import EDITORS
from tests.browser.test_editorial_flow import log_in, make_member, site  # noqa: F401
from tests.factories import ArticlePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OPEN_PICKER = ".xdsoft_datetimepicker:visible"


def expect_quarter_hours(page):
    times = page.locator(f"{OPEN_PICKER} .xdsoft_time")
    expect(times).to_have_count(24 * 4)
    expect(times.nth(1)).to_have_text("00:15")


def test_scheduling_dialog_in_paris_time_quarter_hours_and_escape(
    site,  # noqa: F811
    live_server,
    page,
    screenshots_dir,
):
    make_member("redactrice", EDITORS)
    article = ArticlePageFactory(parent=site, title="Le vélo à Poitiers")
    article.save_revision().publish()

    log_in(page, live_server.url, "redactrice")
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    page.locator("[data-side-panel-toggle=status]").click()
    page.get_by_role("button", name="Programmer").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("(heure de Paris)")

    dialog.locator("#id_go_live_at").click()
    expect(page.locator(OPEN_PICKER)).to_have_count(1)
    expect_quarter_hours(page)
    page.screenshot(path=screenshots_dir / "scheduling-dialog.png")

    page.keyboard.press("Escape")  # closes the picker...
    expect(page.locator(OPEN_PICKER)).to_have_count(0)
    expect(dialog).to_be_visible()  # ...and leaves the dialog open
    page.keyboard.press("Escape")  # then closes the dialog, as before
    expect(dialog).to_be_hidden()


def test_new_webinar_quarter_hours_and_preview_without_validation_banner(
    site,  # noqa: F811
    live_server,
    page,
):
    make_member("redactrice", EDITORS)
    log_in(page, live_server.url, "redactrice")
    page.goto(f"{live_server.url}/admin/pages/add/news/webinarpage/{site.pk}/")

    page.get_by_role("tab", name="Webinaire").click()
    page.locator("#id_starts_at").click()
    expect_quarter_hours(page)
    page.keyboard.press("Escape")
    expect(page.locator(OPEN_PICKER)).to_have_count(0)

    # The preview panel, as a writer who left it open on the previous page finds it.
    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Titre provisoire")
    expect(page.get_by_text("Corrigez les erreurs de validation")).to_be_hidden()
    expect(page.get_by_text("Prévisualisation indisponible")).to_be_hidden()
