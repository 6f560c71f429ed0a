"""Every page type passes axe-core's WCAG 2.1 A/AA rules (no serious or critical violation) at
phone and desktop widths, keeps a sound heading structure, loads nothing from another site, and
leaves a screenshot per width in tests/artifacts/screenshots/.

The page types are listed in ``page_types.py``.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.axe import assert_no_serious_violations, heading_problems, serious_violations
from tests.browser.page_types import PAGE_CASES

WIDTHS = [(390, 844), (1280, 800)]


def load_lazy_images(page):
    """A full-page screenshot does not scroll: load the lazy images it would otherwise miss."""
    page.evaluate(
        """() => Promise.all([...document.querySelectorAll('img[loading="lazy"]')].map((img) => {
          img.loading = 'eager';
          return img.complete ? null : new Promise((done) => { img.onload = img.onerror = done; });
        }))"""
    )


@pytest.mark.parametrize("case", PAGE_CASES, ids=lambda case: case.key)
def test_page_type_is_accessible_on_phone_and_desktop(
    case, page, live_server, site_data, screenshots_dir
):
    url = live_server.url + case.path(site_data)
    foreign = []
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlsplit(request.url).netloc != urlsplit(live_server.url).netloc
            and not request.url.startswith("data:")
            else None
        ),
    )
    problems = []
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        response = page.goto(url)
        assert response.status == case.status, f"{url} answered {response.status}"
        assert page.locator(case.expect).count(), f"{case.expect} missing on {url}"
        load_lazy_images(page)
        page.screenshot(path=screenshots_dir / f"{case.key}-{width}.png", full_page=True)
        violations = serious_violations(page)
        if violations:
            from tests.browser.axe import describe

            problems.append(f"{width} px:\n{describe(violations)}")
        problems += [f"{width} px: {problem}" for problem in heading_problems(page)]
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
