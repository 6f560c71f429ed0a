"""Every page type passes axe-core's WCAG 2.1 A/AA rules (no serious or critical violation) at
phone and desktop widths, keeps a sound heading structure, loads nothing from another site, and
leaves a screenshot per width in tests/artifacts/screenshots/.

The page types are listed in ``page_types.py``.
"""

import pytest

from tests.browser.axe import (
    assert_no_serious_violations,
    audit_at_widths,
    serious_violations,
    watch_foreign_requests,
)
from tests.browser.page_types import PAGE_CASES


@pytest.mark.parametrize("case", PAGE_CASES, ids=lambda case: case.key)
def test_page_type_is_accessible_on_phone_and_desktop(
    case, page, live_server, site_data, screenshots_dir
):
    url = live_server.url + case.path(site_data)
    foreign = watch_foreign_requests(page, live_server.url)

    def visit():
        response = page.goto(url)
        assert response.status == case.status, f"{url} answered {response.status}"
        assert page.locator(case.expect).count(), f"{case.expect} missing on {url}"

    problems = audit_at_widths(page, case.key, screenshots_dir, visit)
    assert not foreign, f"requests to other sites: {foreign}"
    assert not problems, f"{url}\n" + "\n".join(problems)


BROKEN_PAGE = """<!DOCTYPE html><html><head><title>Cassée</title></head><body>
<main><h1>Page cassée</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<form><input type="text" name="q"><button></button></form>
<p style="color:#bbb;background:#fff">Texte trop pâle</p></main></body></html>"""


def test_the_check_finds_the_faults_of_a_broken_page(page):
    page.set_content(BROKEN_PAGE)
    found = {violation["id"] for violation in serious_violations(page)}
    assert {"html-has-lang", "image-alt", "label", "button-name", "color-contrast"} <= found


@pytest.mark.xfail(strict=True, raises=AssertionError, reason="the page is broken on purpose")
def test_the_assertion_fails_on_a_broken_page(page):
    page.set_content(BROKEN_PAGE)
    assert_no_serious_violations(page, "broken page")
