"""The accessibility check every page type must pass: axe-core, WCAG 2.1 A and AA rules."""

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
