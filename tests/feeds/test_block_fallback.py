"""A block type without a feed template of its own (one just added to the shared StreamField,
say) goes out with its ordinary rendering, links made absolute, instead of breaking every feed."""

import pytest
from django.utils.html import format_html
from wagtail import blocks
from wagtail.rich_text import RichText

from news.feeds import content
from news.models import NewsPage
from tests.feeds import checks


class RelativeLinkBlock(blocks.StructBlock):
    """A block as a developer might add one to ``home.blocks.BaseStreamBlock``: its page
    rendering, with a relative link, and no ``news/feeds/blocks/relative_link.html``."""

    label = blocks.CharBlock()
    url = blocks.CharBlock()

    def render_basic(self, value, context=None):
        return format_html(
            '<p class="nouveau"><a href="{}">{}</a></p>', value["url"], value["label"]
        )


@pytest.fixture
def new_block_type(monkeypatch):
    stream_block = NewsPage._meta.get_field("body").stream_block
    block = RelativeLinkBlock()
    block.set_name("relative_link")
    monkeypatch.setitem(stream_block.child_blocks, "relative_link", block)
    return block


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_a_new_block_type_without_feed_template_is_rendered_as_on_the_page(
    client, make_feed_item, new_block_type, fmt
):
    make_feed_item(
        title="Avec un bloc tout neuf",
        with_body=False,
        body=[
            ("paragraph", RichText("<p>Avant le bloc.</p>")),
            ("relative_link", {"label": "Le programme", "url": "/le-club/programme/"}),
            ("paragraph", RichText("<p>Après le bloc.</p>")),
        ],
    )
    response = client.get(f"/actualites/flux.{fmt}")
    assert response.status_code == 200
    entry = checks.check_feed(response.content, fmt).entries[0]
    html = entry.content[0].value
    assert (
        '<p class="nouveau"><a href="http://testserver/le-club/programme/">Le programme</a></p>'
        in html
    )
    # The blocks around it keep their feed rendering, in order.
    assert html.index("Avant le bloc.") < html.index("Le programme") < html.index("Après le bloc.")


@pytest.mark.django_db
def test_a_missing_feed_template_falls_back_to_the_block_template(client, news, monkeypatch):
    """The quote's feed template gone, the quote goes out as the page shows it."""
    feed_template = content.feed_block_template
    monkeypatch.setattr(
        content,
        "feed_block_template",
        lambda block_type: (
            "news/feeds/blocks/absent.html" if block_type == "quote" else feed_template(block_type)
        ),
    )
    response = client.get("/actualites/articles/flux.rss")
    assert response.status_code == 200
    html = checks.check_rss(response.content).entries[0].content[0].value
    # home/blocks/quote.html, the page's own rendering of the quote.
    assert '<figure class="quote">' in html
    assert "<p>Le Club nous aide.</p>" in html
    # The other blocks keep their feed templates (a plain <img>, not the page's <picture>).
    assert "<picture" not in html and "<img " in html
