"""Checks that a feed is valid and complete, written as functions so that they can be proven to
fail on hand-broken feeds (``test_checks.py``).

No offline validator exists for RSS or Atom: feedparser tells whether a reader can parse the feed
(``bozo``), and the raw XML is then checked against what the specs and subscribers require.
"""

import datetime
import email.utils
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
URL_ATTRIBUTE = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class FeedError(AssertionError):
    pass


def fail_unless(condition, message):
    if not condition:
        raise FeedError(message)


def is_absolute(url):
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def check_absolute(url, what):
    fail_unless(is_absolute(url), f"{what}: not an absolute URL: {url!r}")


def check_html_urls(markup, what):
    """Every href and src of an HTML fragment is absolute."""
    for match in URL_ATTRIBUTE.finditer(markup or ""):
        check_absolute(match.group(1) if match.group(1) is not None else match.group(2), what)


def check_rfc822(value, what):
    fail_unless(value, f"{what}: missing date")
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError) as error:
        raise FeedError(f"{what}: not an RFC 822 date: {value!r}") from error
    fail_unless(parsed.tzinfo is not None, f"{what}: RFC 822 date without time zone: {value!r}")
    return parsed


def check_rfc3339(value, what):
    fail_unless(value and RFC3339.match(value), f"{what}: not an RFC 3339 date: {value!r}")
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))


def text(element, path, namespaces=None):
    found = element.find(path, namespaces)
    return found.text if found is not None else None


def parse_feed(raw, version):
    """What a feed reader sees: the feed must parse cleanly, in the expected version."""
    parsed = feedparser.parse(raw)
    fail_unless(parsed.bozo == 0, f"feedparser: {parsed.get('bozo_exception')!r}")
    fail_unless(parsed.version == version, f"version {parsed.version!r}, expected {version!r}")
    return parsed


def xml_root(raw):
    try:
        return ET.fromstring(raw)
    except ET.ParseError as error:
        raise FeedError(f"malformed XML: {error}") from error


def check_rss(raw):
    """An RSS 2.0 feed as subscribers need it; returns feedparser's result."""
    root = xml_root(raw)
    fail_unless(root.tag == "rss" and root.get("version") == "2.0", "not an RSS 2.0 document")
    channel = root.find("channel")
    fail_unless(channel is not None, "no channel")
    for name in ("title", "link", "description", "language"):
        fail_unless(text(channel, name), f"channel without {name}")
    check_absolute(text(channel, "link"), "channel link")
    self_link = channel.find(f"{ATOM}link[@rel='self']")
    fail_unless(self_link is not None, "channel without atom:link rel=self")
    check_absolute(self_link.get("href"), "atom:link rel=self")
    check_rfc822(text(channel, "lastBuildDate"), "lastBuildDate")
    image = channel.find("image")
    fail_unless(image is not None, "channel without image")
    check_absolute(text(image, "url"), "channel image")
    for item in channel.findall("item"):
        title = text(item, "title")
        fail_unless(title, "item without title")
        check_absolute(text(item, "link"), f"link of {title!r}")
        fail_unless(text(item, "guid"), f"item {title!r} without guid")
        check_rfc822(text(item, "pubDate"), f"pubDate of {title!r}")
        fail_unless(
            text(item, f"{DC}creator") or text(item, "author"), f"item {title!r} without author"
        )
        for enclosure in item.findall("enclosure"):
            check_absolute(enclosure.get("url"), f"enclosure of {title!r}")
            fail_unless(
                (enclosure.get("length") or "").isdigit() and int(enclosure.get("length")) > 0,
                f"enclosure of {title!r} without length",
            )
            fail_unless(enclosure.get("type"), f"enclosure of {title!r} without type")
        check_html_urls(text(item, f"{CONTENT}encoded"), f"content of {title!r}")
    return parse_feed(raw, "rss20")


def check_atom(raw):
    """An Atom 1.0 feed as RFC 4287 and subscribers need it; returns feedparser's result."""
    root = xml_root(raw)
    fail_unless(root.tag == f"{ATOM}feed", "not an Atom document")
    fail_unless(text(root, f"{ATOM}id"), "feed without id")
    fail_unless(text(root, f"{ATOM}title"), "feed without title")
    check_rfc3339(text(root, f"{ATOM}updated"), "feed updated")
    self_link = root.find(f"{ATOM}link[@rel='self']")
    fail_unless(self_link is not None, "feed without link rel=self")
    check_absolute(self_link.get("href"), "link rel=self")
    feed_author = root.find(f"{ATOM}author/{ATOM}name")
    for entry in root.findall(f"{ATOM}entry"):
        title = text(entry, f"{ATOM}title")
        fail_unless(title, "entry without title")
        fail_unless(text(entry, f"{ATOM}id"), f"entry {title!r} without id")
        check_rfc3339(text(entry, f"{ATOM}updated"), f"updated of {title!r}")
        check_rfc3339(text(entry, f"{ATOM}published"), f"published of {title!r}")
        alternate = entry.find(f"{ATOM}link[@rel='alternate']")
        fail_unless(alternate is not None, f"entry {title!r} without link")
        check_absolute(alternate.get("href"), f"link of {title!r}")
        fail_unless(
            entry.find(f"{ATOM}author/{ATOM}name") is not None or feed_author is not None,
            f"entry {title!r} without author",
        )
        for enclosure in entry.findall(f"{ATOM}link[@rel='enclosure']"):
            check_absolute(enclosure.get("href"), f"enclosure of {title!r}")
        check_html_urls(text(entry, f"{ATOM}content"), f"content of {title!r}")
    parsed = parse_feed(raw, "atom10")
    for entry in parsed.entries:
        # feedparser silently copies "published" into "updated" when the latter is missing.
        fail_unless("updated" in entry, f"entry {entry.get('title')!r} without updated")
    return parsed


def check_feed(raw, fmt):
    return check_rss(raw) if fmt == "rss" else check_atom(raw)
