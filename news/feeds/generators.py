"""The RSS 2.0 and Atom 1.0 writers: what subscribers expect and Django's generators leave out.

Full content (``content:encoded`` / Atom ``content``), the site's logo, and XML that stays valid
whatever an editor typed: characters XML 1.0 forbids are dropped from every text.
"""

import re

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

LOGO_SIZE = 144  # pixels, square; RSS allows 144 at most

# Characters XML 1.0 forbids (C0 controls but tab, LF and CR; surrogates; U+FFFE and U+FFFF).
_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value):
    """``value`` without the characters that would make the XML document invalid."""
    if value is None:
        return None
    return _INVALID_XML_CHARS.sub("", str(value))


class CleanXmlMixin:
    """Drops characters XML 1.0 forbids from every text of the feed.

    Django refuses to write them (and a reader would refuse to parse them): without this, a
    control character pasted in a title would take the whole feed down.
    """

    @staticmethod
    def _clean(value):
        if isinstance(value, str):
            return xml_text(value)
        if isinstance(value, list | tuple):
            return [xml_text(item) if isinstance(item, str) else item for item in value]
        return value

    def __init__(self, *args, **kwargs):
        args = [self._clean(arg) for arg in args]
        super().__init__(*args, **{key: self._clean(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        args = [self._clean(arg) for arg in args]
        super().add_item(*args, **{key: self._clean(value) for key, value in kwargs.items()})


class NewsRss(CleanXmlMixin, Rss201rev2Feed):
    """RSS 2.0 with the content module (full content) and the channel's image."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.startElement("image", {})
        handler.addQuickElement("url", self.feed["logo"])
        handler.addQuickElement("title", self.feed["title"])
        handler.addQuickElement("link", self.feed["link"])
        handler.addQuickElement("width", str(LOGO_SIZE))
        handler.addQuickElement("height", str(LOGO_SIZE))
        handler.endElement("image")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class NewsAtom(CleanXmlMixin, Atom1Feed):
    """Atom 1.0 with full content, icon and logo."""

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.addQuickElement("icon", self.feed["logo"])
        handler.addQuickElement("logo", self.feed["logo"])

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
