"""Reads what search engines and social networks read in a page: meta tags, links, JSON-LD."""

import json
from html.parser import HTMLParser


class HeadReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = {}  # name or property -> list of contents
        self.links = {}  # rel -> list of hrefs
        self.json_ld_texts = []
        self.title = ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link" and attrs.get("rel"):
            self.links.setdefault(attrs["rel"], []).append(attrs.get("href", ""))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "json_ld"
            self.json_ld_texts.append("")
        elif tag == "title":
            self._in = "title"

    def handle_endtag(self, tag):
        if tag in ("script", "title"):
            self._in = None

    def handle_data(self, data):
        if self._in == "json_ld":
            self.json_ld_texts[-1] += data
        elif self._in == "title":
            self.title += data

    def first(self, key):
        values = self.meta.get(key, [])
        return values[0] if values else None

    @property
    def json_ld(self):
        """Every JSON-LD object of the page, parsed (raises if one is not valid JSON)."""
        return [json.loads(text) for text in self.json_ld_texts]

    def json_ld_of_type(self, schema_type):
        return [item for item in self.json_ld if item.get("@type") == schema_type]


def read_head(html):
    if isinstance(html, bytes):
        html = html.decode()
    reader = HeadReader()
    reader.feed(html)
    return reader
