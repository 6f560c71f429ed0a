"""The feed checks of ``checks.py`` catch what they claim to: each one fails on a hand-broken copy
of a feed that passes them."""

import re

import pytest

from tests.feeds import checks


@pytest.fixture
def rss(client, news):
    return client.get("/actualites/flux.rss").content.decode()


@pytest.fixture
def atom(client, news):
    return client.get("/actualites/flux.atom").content.decode()


def break_once(raw, pattern, replacement):
    broken, count = re.subn(pattern, replacement, raw, count=1)
    assert count == 1, f"the sample has no {pattern!r} to break"
    return broken


@pytest.mark.django_db
def test_the_untouched_feeds_pass(rss, atom):
    assert len(checks.check_rss(rss).entries) == 3
    assert len(checks.check_atom(atom).entries) == 3


RSS_BREAKAGES = {
    "malformed XML": (r"</channel>", "</chanel>", "malformed XML"),
    "truncated document": (r"</rss>\s*$", "", "malformed XML"),
    "relative item link": (
        r"<link>http://testserver/actualites/",
        "<link>/actualites/",
        "not an absolute URL",
    ),
    "ISO date in pubDate": (
        r"<pubDate>[^<]+</pubDate>",
        "<pubDate>2020-11-30T09:00:00+01:00</pubDate>",
        "not an RFC 822 date",
    ),
    "pubDate without time zone": (
        r"<pubDate>([^<]+) [+-]\d{4}</pubDate>",
        r"<pubDate>\1</pubDate>",
        "without time zone",
    ),
    "missing guid": (r"<guid[^>]*>[^<]+</guid>", "", "without guid"),
    "missing author": (r"<dc:creator[^>]*>[^<]+</dc:creator>", "", "without author"),
    "relative image in content": (
        r"src=&quot;http://testserver/media/|src=\"http://testserver/media/",
        'src="/media/',
        "not an absolute URL",
    ),
    "relative link in content": (
        r"href=\"http://testserver/le-club/\"",
        'href="/le-club/"',
        "not an absolute URL",
    ),
    "enclosure without length": (r' length="\d+"', "", "without length"),
    "missing self link": (r"<atom:link [^>]*/>", "", "rel=self"),
    "missing lastBuildDate": (r"<lastBuildDate>[^<]+</lastBuildDate>", "", "missing date"),
    "wrong version": (r'version="2.0"', 'version="0.91"', "not an RSS 2.0"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("breakage", RSS_BREAKAGES, ids=list(RSS_BREAKAGES))
def test_rss_checks_fail_on_broken_feeds(rss, breakage):
    pattern, replacement, message = RSS_BREAKAGES[breakage]
    with pytest.raises(checks.FeedError, match=message):
        checks.check_rss(break_once(rss, pattern, replacement))


ATOM_BREAKAGES = {
    "malformed XML": (r"<entry>", "<entry><oops>", "malformed XML"),
    "relative entry link": (
        r'<link href="http://testserver/actualites/([^"]+)" rel="alternate"/><published>',
        r'<link href="/actualites/\1" rel="alternate"/><published>',
        "not an absolute URL",
    ),
    "missing entry id": (r"<id>tag:[^<]+actualites/\d+</id>", "", "without id"),
    "missing feed id": (r"<id>[^<]+flux</id>", "", "feed without id"),
    "missing entry updated": (
        r"(</published>)<updated>[^<]+</updated>",
        r"\1",
        "updated of",
    ),
    "missing feed updated": (r"(</id>)<updated>[^<]+</updated>", r"\1", "feed updated"),
    "RFC 822 date in updated": (
        r"(</published>)<updated>[^<]+</updated>",
        r"\1<updated>Mon, 30 Nov 2020 09:00:00 +0100</updated>",
        "not an RFC 3339 date",
    ),
    "relative link in content": (
        r"href=\"http://testserver/le-club/\"",
        'href="/le-club/"',
        "not an absolute URL",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("breakage", ATOM_BREAKAGES, ids=list(ATOM_BREAKAGES))
def test_atom_checks_fail_on_broken_feeds(atom, breakage):
    pattern, replacement, message = ATOM_BREAKAGES[breakage]
    with pytest.raises(checks.FeedError, match=message):
        checks.check_atom(break_once(atom, pattern, replacement))


@pytest.mark.django_db
def test_atom_check_fails_without_any_author(atom):
    broken = re.sub(r"<author><name>[^<]+</name></author>", "", atom)
    assert broken != atom
    with pytest.raises(checks.FeedError, match="without author"):
        checks.check_atom(broken)


def test_feedparser_check_fails_on_a_feed_of_the_wrong_format():
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        "<link>http://example.org/</link><description>d</description></channel></rss>"
    )
    assert checks.parse_feed(rss, "rss20").version == "rss20"
    with pytest.raises(checks.FeedError, match="version"):
        checks.parse_feed(rss, "atom10")
    with pytest.raises(checks.FeedError, match="feedparser"):
        checks.parse_feed(rss.replace("</channel>", ""), "rss20")


@pytest.mark.filterwarnings("ignore::DeprecationWarning:feedparser")
def test_an_atom_entry_without_updated_is_caught_even_though_feedparser_fills_it_in():
    """feedparser copies ``published`` into ``updated``: the raw XML check is what catches it."""
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>t</title><id>tag:example.org,2020:f</id>"
        '<link href="http://example.org/f.atom" rel="self"/>'
        "<updated>2020-11-30T09:00:00Z</updated><author><name>Club</name></author>"
        '<entry><title>e</title><id>tag:example.org,2020:e</id><link href="http://example.org/e"'
        ' rel="alternate"/><published>2020-11-30T09:00:00Z</published></entry></feed>'
    )
    parsed = checks.parse_feed(atom, "atom10")
    assert parsed.entries[0].updated  # feedparser invented it
    with pytest.raises(checks.FeedError, match="updated of"):
        checks.check_atom(atom)
