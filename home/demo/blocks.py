"""StreamField values for the demo content, shared by every app's demo module."""

from wagtail.rich_text import RichText


def heading(text, level="h2"):
    """A ``heading`` block of ``home.blocks.BaseStreamBlock``."""
    return ("heading", {"text": text, "level": level})


def paragraph(html):
    """A ``paragraph`` block of ``home.blocks.BaseStreamBlock``, from HTML."""
    return ("paragraph", RichText(html))
