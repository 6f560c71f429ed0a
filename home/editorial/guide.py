"""The editors' guide inside the admin, rendered from ``docs/guide-redaction.md``.

The guide is written once, in the repository, where it is reviewed with the code it describes;
the admin serves it to logged-in users (``register_admin_urls`` requires admin access) instead of
a copy that would drift. Python-Markdown renders it; raw HTML in the file is shown as text, never
passed through, so the page stays safe whatever the file holds. The rendering is cached per
modification time of the file.

The guide embeds screenshots of the admin with relative links (``captures/….png``), which work
both when the file is read in the repository and at ``/admin/guide/``, where ``guide_capture_view``
serves them from ``docs/captures/`` to the same logged-in users. The browser test of the review
loop takes them (tests/browser/captures.py).
"""

from functools import lru_cache
from pathlib import Path

import markdown
from django.conf import settings
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from wagtail.admin.ui.components import Component

GUIDE_PATH = Path(settings.BASE_DIR) / "docs" / "guide-redaction.md"
CAPTURES_DIR = GUIDE_PATH.parent / "captures"
TITLE = "Guide de rédaction"
URL_NAME = "club_editors_guide"


def render_markdown(text):
    """HTML of ``text``: tables, heading anchors; raw HTML escaped rather than passed through."""
    md = markdown.Markdown(extensions=["tables", "sane_lists", "toc"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md.convert(text)


@lru_cache(maxsize=4)
def _rendered(path, mtime_ns):
    return render_markdown(Path(path).read_text(encoding="utf-8"))


def guide_html(path=GUIDE_PATH):
    return mark_safe(_rendered(str(path), Path(path).stat().st_mtime_ns))


def guide_view(request):
    return TemplateResponse(
        request, "home/editorial/guide.html", {"page_title": TITLE, "guide": guide_html()}
    )


def guide_capture_view(request, name):
    """A screenshot of the guide, ``docs/captures/<name>.png`` (the URL allows no other path)."""
    path = CAPTURES_DIR / f"{name}.png"
    if not path.is_file():
        raise Http404("Cette capture d'écran n'existe pas.")
    response = FileResponse(path.open("rb"), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response


class GuidePanel(Component):
    """Dashboard panel pointing to the guide (``construct_homepage_panels``)."""

    name = "editors_guide"
    template_name = "home/editorial/guide_panel.html"
    order = 90  # first: the way in for a new editor
