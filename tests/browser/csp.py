"""Catch every Content-Security-Policy violation a page causes, in a real browser.

Two witnesses, so that none slips by: the ``securitypolicyviolation`` events of the document
(recorded by a script Playwright injects before the page's own, which the policy does not
restrict), and Chromium's console messages ("Refused to load / execute / apply ...").
"""

VIOLATION_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile || event.documentURI}:${event.lineNumber})`
  );
});
"""


class CspWatch:
    """Attach to a page before it navigates; ``violations()`` lists what was refused."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(VIOLATION_RECORDER)
        page.on("console", self._on_console)

    def _on_console(self, message):
        text = message.text
        if "Content Security Policy" in text or text.startswith("Refused to"):
            self.console.append(text)

    def violations(self):
        events = []
        for frame in self.page.frames:
            try:
                events += frame.evaluate("() => window.__cspViolations || []")
            except Exception:  # a frame that went away while we asked
                continue
        return events + self.console

    def assert_none(self, where):
        found = self.violations()
        assert not found, f"CSP violations on {where}:\n" + "\n".join(found)
