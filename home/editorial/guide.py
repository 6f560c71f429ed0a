"""The editors' guide inside the admin, rendered from ``docs/guide-redaction.md``.

The guide is written once, in the repository, where it is reviewed with the code it describes;
the admin serves it to logged-in users (``register_admin_urls`` requires admin access) instead of
a copy that would drift. Python-Markdown renders it; raw HTML in the file is shown as text, never
passed through, so the page stays safe whatever the file holds. The rendering is cached per
modification time of the file.
"""

from functools import lru_cache
from pathlib import Path

import markdown
from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from wagtail.admin.ui.components import Component

GUIDE_PATH = Path(settings.BASE_DIR) / "docs" / "guide-redaction.md"
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


class GuidePanel(Component):
    """Dashboard panel pointing to the guide (``construct_homepage_panels``)."""

    name = "editors_guide"
    template_name = "home/editorial/guide_panel.html"
    order = 90  # first: the way in for a new editor
