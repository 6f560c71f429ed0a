"""Performance budget on a phone (390 × 844): every page type keeps still while it loads, and
weighs little.

- Cumulative layout shift: the sum of ``layout-shift`` entries without recent input, read with a
  ``PerformanceObserver`` (``buffered: true``) after the page has loaded and has been scrolled to
  the bottom and back (so that lazy images arrive in view): above 0.02, the test fails and names
  the elements that moved. The sum is never below the CLS that Lighthouse and the Web Vitals
  report (they keep the worst one-second window), so the budget is at least as strict.
- Transfer: everything but images (HTML, CSS, JavaScript, favicon), as Chromium counts it on the
  wire (headers and encoded body), under 150 KB. The live server here serves static files
  uncompressed, so the figure is an upper bound of what production (gzip or Brotli) sends.

The page types are listed in ``page_types.py``; ``make lighthouse`` audits the same ones.
"""

from urllib.parse import quote

import pytest

from tests.browser.page_types import PAGE_CASES

PHONE = {"width": 390, "height": 844}
MAX_LAYOUT_SHIFT = 0.02
MAX_TRANSFER_WITHOUT_IMAGES = 150 * 1024

# Scrolls through the page (programmatic scrolling is not user input: shifts still count), waiting
# at each step for the images in view, then back to the top.
SCROLL_THROUGH_JS = """async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
  const imagesInView = () => Promise.all([...document.images].filter((img) => {
      const box = img.getBoundingClientRect();
      return !img.complete && box.bottom >= 0 && box.top <= innerHeight;
    }).map((img) => new Promise((done) => { img.onload = img.onerror = done; })));
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    window.scrollTo(0, y);
    await frame();
    await imagesInView();
  }
  window.scrollTo(0, 0);
  await frame();
}"""

# Every layout shift since navigation, with the elements that moved.
LAYOUT_SHIFTS_JS = """() => new Promise((resolve) => {
  const shifts = [];
  const describe = (node) => !node ? '?' : node.nodeType !== 1 ? node.nodeName :
      node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') +
      (node.className && typeof node.className === 'string' ? '.' + node.className.trim().split(/\\s+/).join('.') : '');
  const record = (entries) => entries.forEach((entry) => {
    if (!entry.hadRecentInput) shifts.push({
      value: entry.value, time: Math.round(entry.startTime),
      sources: (entry.sources || []).map((source) => describe(source.node)),
    });
  });
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({type: 'layout-shift', buffered: true});
  setTimeout(() => { record(observer.takeRecords()); observer.disconnect(); resolve(shifts); }, 300);
})"""


def layout_shifts(page):
    """The page's layout shifts without recent input, after scrolling through it."""
    page.evaluate(SCROLL_THROUGH_JS)
    return page.evaluate(LAYOUT_SHIFTS_JS)


def describe_shifts(shifts):
    return "\n".join(
        f"  {shift['value']:.4f} at {shift['time']} ms: {', '.join(shift['sources']) or '?'}"
        for shift in shifts
    )


@pytest.mark.parametrize("case", PAGE_CASES, ids=lambda case: case.key)
def test_page_type_stays_still_and_light_on_a_phone(case, page, live_server, site_data):
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.set_viewport_size(PHONE)
    url = live_server.url + case.path(site_data)
    response = page.goto(url)
    assert response.status == case.status, f"{url} answered {response.status}"
    assert page.locator(case.expect).count(), f"{case.expect} missing on {url}"

    shifts = layout_shifts(page)
    total_shift = sum(shift["value"] for shift in shifts)
    assert total_shift <= MAX_LAYOUT_SHIFT, (
        f"{url}: cumulative layout shift {total_shift:.4f} > {MAX_LAYOUT_SHIFT}\n"
        + describe_shifts(shifts)
    )

    weights = {}
    for item in responses:
        if item.request.resource_type == "image":
            continue
        sizes = item.request.sizes()
        weights[item.url] = sizes["responseHeadersSize"] + sizes["responseBodySize"]
    total = sum(weights.values())
    assert total < MAX_TRANSFER_WITHOUT_IMAGES, f"{url}: {total} bytes without images: {weights}"
    print(f"{case.key}: CLS {total_shift:.4f}, {total / 1024:.1f} KB without images")


# A page that pushes its content down after load: the measure must see it.
SHIFTING_PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Bouge</title></head><body>
<main><h1>Titre</h1><p>Un paragraphe que la bannière fait descendre.</p></main>
<script>setTimeout(() => {
  const banner = document.createElement('div');
  banner.style.height = '200px';
  document.body.prepend(banner);
}, 200);</script></body></html>"""


def test_the_measure_sees_content_pushed_down_after_load(page):
    page.set_viewport_size(PHONE)
    # A real navigation (Chromium reports no layout shift for set_content's about:blank).
    page.goto("data:text/html;charset=utf-8," + quote(SHIFTING_PAGE))
    page.wait_for_timeout(400)
    shifts = layout_shifts(page)
    assert sum(shift["value"] for shift in shifts) > MAX_LAYOUT_SHIFT
    assert all(shift["sources"] for shift in shifts), "the shifts name no element"
