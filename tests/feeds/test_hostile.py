"""Whatever an editor types or pastes, the feeds stay valid XML and show it as text."""

import html
from html.parser import HTMLParser

import pytest
from wagtail.rich_text import RichText

from news.feeds.content import absolutize_urls
from news.feeds.generators import xml_text
from tests.feeds import checks

HOSTILE = '<script>alert("x")</script> & \'quotes\' "double" Été 🚀 café'
# Control characters that XML 1.0 forbids, as a copy and paste from a word processor brings.
CONTROL = "\x01\x08\x0b\x0c\x1f"


class _TextOf(HTMLParser):
    def __init__(self, tag):
        super().__init__(convert_charrefs=True)
        self.tag, self.depth, self.texts = tag, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == self.tag:
            self.depth += 1
            self.texts.append("")

    def handle_endtag(self, tag):
        if tag == self.tag:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def texts_of(markup, tag):
    """The text of each ``tag`` element of an HTML fragment, as a browser would show it."""
    parser = _TextOf(tag)
    parser.feed(markup)
    return parser.texts


@pytest.fixture
def hostile(make_feed_item):
    return make_feed_item(
        title=f"{HOSTILE}{CONTROL} titre",
        introduction=f"{HOSTILE}{CONTROL} chapô",
        author=f"Auteur {HOSTILE}{CONTROL}",
        themes=["Fête & <b>gras</b>"],
        with_body=False,
        body=[
            ("heading", {"text": f"{HOSTILE}{CONTROL}", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    f"<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; “guillemets” 🚀{CONTROL}</p>"
                ),
            ),
            ("quote", {"text": HOSTILE, "author": HOSTILE, "role": ""}),
        ],
    )


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_hostile_text_is_escaped_and_the_feed_stays_valid(client, hostile, fmt):
    response = client.get(f"/actualites/flux.{fmt}")
    assert response.status_code == 200
    raw = response.content.decode()
    # Nothing an editor typed becomes markup: no raw <script>, no control character.
    assert "<script" not in raw
    assert not any(char in raw for char in CONTROL)
    assert "🚀" in raw and "Été" in raw

    entry = checks.check_feed(response.content, fmt).entries[0]
    assert entry.title == f"{HOSTILE} titre"
    # The summary is HTML: the editor's text comes out escaped, never as tags.
    assert html.unescape(entry.summary) == f"{HOSTILE} chapô"
    assert "<script" not in entry.summary
    assert entry.author == f"Auteur {HOSTILE}"
    assert [tag.term for tag in entry.tags] == ["Fête & <b>gras</b>"]
    content = entry.content[0].value
    assert "<script" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; “guillemets” 🚀" in content
    # The heading and the quote read exactly as typed once a reader renders the HTML.
    assert texts_of(content, "h2") == [HOSTILE]
    assert texts_of(content, "blockquote")[0].startswith(HOSTILE)


@pytest.mark.django_db
def test_hostile_theme_feed_is_valid_too(client, hostile):
    theme = hostile.themes.get()
    for fmt in ("rss", "atom"):
        parsed = checks.check_feed(
            client.get(f"/actualites/themes/{theme.slug}/flux.{fmt}").content, fmt
        )
        assert parsed.feed.title.startswith("#Fête & <b>gras</b>")
        assert len(parsed.entries) == 1


def test_xml_text_drops_only_what_xml_forbids():
    assert xml_text("a\x00b\x08c\x0bd\x1fe\ud800f\ufffeg\uffffh") == "abcdefgh"
    kept = "tab\tnewline\nreturn\r é 🚀 \u00a0 \ue000"
    assert xml_text(kept) == kept
    assert xml_text(None) is None


def test_absolutize_urls_resolves_relative_urls_and_drops_scripts():
    base = "https://example.org/actualites/article/"
    markup = (
        '<a href="/le-club/">a</a><img src="../img.jpg"><a href=\'#suite\'>b</a>'
        '<a href="https://autre.example/x?a=1&amp;b=2">c</a><a href="mailto:club@example.org">d</a>'
        '<a href="javascript:alert(1)">e</a><a href=" JavaScript:alert(1)">f</a>'
    )
    assert absolutize_urls(markup, base) == (
        '<a href="https://example.org/le-club/">a</a>'
        '<img src="https://example.org/actualites/img.jpg">'
        '<a href="https://example.org/actualites/article/#suite">b</a>'
        '<a href="https://autre.example/x?a=1&amp;b=2">c</a>'
        '<a href="mailto:club@example.org">d</a>'
        f'<a href="{base}">e</a><a href="{base}">f</a>'
    )
