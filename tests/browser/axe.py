"""The accessibility check every page type must pass: axe-core, WCAG 2.1 A and AA rules."""

from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")

_axe = Axe()  # reads axe-core's script (shipped in the wheel) once


def serious_violations(page):
    """The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
    return "\n".join(lines)


def assert_no_serious_violations(page, label=""):
    violations = serious_violations(page)
    assert not violations, f"{label} accessibility violations:\n{describe(violations)}"


# Heading structure: one h1, and never a level skipped on the way down (h2 -> h4).
HEADINGS_JS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter((el) => el.offsetParent !== null || getComputedStyle(el).position === 'fixed')
  .map((el) => [Number(el.tagName[1]), el.textContent.trim().slice(0, 60)])"""


def heading_problems(page):
    headings = page.evaluate(HEADINGS_JS)
    problems = []
    if [level for level, _ in headings].count(1) != 1:
        problems.append(f"expected exactly one h1, found {headings}")
    previous = 0
    for level, text in headings:
        if level > previous + 1:
            problems.append(f"h{level} « {text} » follows h{previous}")
        previous = level
    return problems


# The audit of a page at phone and desktop widths, shared by every accessibility test ----------
WIDTHS = [(390, 844), (1280, 800)]


def load_lazy_images(page):
    """A full-page screenshot does not scroll: load the lazy images it would otherwise miss."""
    page.evaluate(
        """() => Promise.all([...document.querySelectorAll('img[loading="lazy"]')].map((img) => {
          img.loading = 'eager';
          return img.complete ? null : new Promise((done) => { img.onload = img.onerror = done; });
        }))"""
    )


def watch_foreign_requests(page, base_url):
    """The list, filled as the page loads, of requests to any host but ``base_url``'s."""
    own = urlsplit(base_url).netloc
    foreign = []
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlsplit(request.url).netloc != own and not request.url.startswith("data:")
            else None
        ),
    )
    return foreign


def audit_at_widths(page, key, screenshots_dir, visit=None):
    """At each width: ``visit()`` (load the page and check it is the right one) when given, then a
    full-page screenshot ``<key>-<width>.png``, axe-core and the heading structure. Returns the
    problems found, prefixed by the width."""
    problems = []
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        if visit is not None:
            visit()
        load_lazy_images(page)
        page.screenshot(path=screenshots_dir / f"{key}-{width}.png", full_page=True)
        violations = serious_violations(page)
        if violations:
            problems.append(f"{width} px:\n{describe(violations)}")
        problems += [f"{width} px: {problem}" for problem in heading_problems(page)]
    return problems
