"""Every page advertises its feeds with ``<link rel="alternate">`` (the ``feed_links`` tag)."""

import re

import pytest
from django.template import Context, Template

from home.models import Theme

LINK = re.compile(r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">')


def render(**context):
    return Template("{% load feed_links %}{% feed_links %}").render(Context(context))


def links(markup):
    return [(href, kind) for kind, _title, href in LINK.findall(markup)]


@pytest.mark.django_db
def test_site_wide_feeds_are_always_linked(news_index, django_assert_max_num_queries):
    # The tag runs on every page, error pages included: it costs the lookup of the news index,
    # which the footer and the theme links share (once per request), and the site root paths
    # its address needs (which Wagtail caches).
    with django_assert_max_num_queries(2):
        markup = render()
    assert links(markup) == [
        ("/actualites/flux.rss", "application/rss+xml"),
        ("/actualites/flux.atom", "application/atom+xml"),
    ]
    assert 'title="Actualités du Club des Développeurs (RSS)"' in markup


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "segment"),
    [("article", "articles"), ("webinaire", "webinaires"), ("temoignage", "temoignages")],
)
def test_a_kind_listing_links_its_feeds(news_index, kind, segment):
    assert links(render(feed_kind=kind))[2:] == [
        (f"/actualites/{segment}/flux.rss", "application/rss+xml"),
        (f"/actualites/{segment}/flux.atom", "application/atom+xml"),
    ]


@pytest.mark.django_db
def test_a_theme_page_links_its_feeds(news_index):
    theme = Theme(name="Économie territoriale", slug="economie-territoriale")
    markup = render(feed_theme=theme, feed_kind="webinaire")
    assert [href for href, _ in links(markup)] == [
        "/actualites/flux.rss",
        "/actualites/flux.atom",
        "/actualites/webinaires/flux.rss",
        "/actualites/webinaires/flux.atom",
        "/actualites/themes/economie-territoriale/flux.rss",
        "/actualites/themes/economie-territoriale/flux.atom",
    ]
    assert 'title="#Économie territoriale – Club des Développeurs (Atom)"' in markup


@pytest.mark.django_db
def test_unknown_kinds_and_themes_add_nothing(news_index):
    assert len(links(render(feed_kind="inconnu", feed_theme=None))) == 2
    assert len(links(render(feed_kind=["article"], feed_theme="texte"))) == 2


@pytest.mark.django_db
def test_hostile_theme_names_are_escaped(news_index):
    theme = Theme(name='"><script>x</script>', slug="x")
    markup = render(feed_theme=theme)
    assert "<script>" not in markup
    assert "&quot;&gt;&lt;script&gt;" in markup


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/actualites/flux/", "/page-inconnue/"])
def test_every_page_advertises_the_site_feeds_in_its_head(client, news, path):
    page = client.get(path).content.decode()
    head = page.split("</head>")[0]
    advertised = links(head)
    assert ("/actualites/flux.rss", "application/rss+xml") in advertised
    assert ("/actualites/flux.atom", "application/atom+xml") in advertised
    for href, _ in advertised:
        assert client.get(href).status_code == 200
