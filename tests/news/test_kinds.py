"""One registry of the kinds of news (``news.kinds``), read by the listing, the feeds and search."""

import re

import pytest
from django.utils.text import capfirst

from home.search import kind_for_page, kinds_by_slug, search_kinds
from news import filters
from news.kinds import KINDS, KINDS_BY_SEGMENT, KINDS_BY_SLUG, LISTING_PARAM
from news.models import ArticlePage, TestimonialPage, WebinarPage
from tests.factories import ArticlePageFactory, TestimonialPageFactory, WebinarPageFactory

EXPECTED = [
    # slug, singular, plural, feed segment
    ("article", "Article", "Articles", "articles"),
    ("webinaire", "Webinaire", "Webinaires", "webinaires"),
    ("temoignage", "Témoignage", "Témoignages", "temoignages"),
]


def test_the_registry_is_built_from_the_models():
    assert [kind.model for kind in KINDS] == [ArticlePage, WebinarPage, TestimonialPage]
    assert [(k.slug, k.label, k.plural, k.segment) for k in KINDS] == EXPECTED
    for kind in KINDS:
        assert kind.slug == kind.model.kind
        assert kind.label == kind.model.kind_label
        assert kind.plural == capfirst(kind.model._meta.verbose_name_plural)
        assert KINDS_BY_SLUG[kind.slug] is kind
        assert KINDS_BY_SEGMENT[kind.segment] is kind


def test_the_listing_filter_reads_the_registry():
    assert LISTING_PARAM in filters.NewsFilterSet.base_filters
    expected = [("", "Tous les types")] + [(slug, plural) for slug, _, plural, _ in EXPECTED]
    assert expected == filters.KIND_CHOICES


def test_search_reads_the_registry_and_adds_the_resources():
    news_kinds = [(k.slug, k.label, k.plural, k.model) for k in search_kinds()[:-1]]
    assert news_kinds == [(k.slug, k.label, k.plural, k.model) for k in KINDS]
    assert search_kinds()[-1].slug == "ressource"
    assert set(kinds_by_slug()) == {"article", "webinaire", "temoignage", "ressource"}


def test_a_label_changed_on_the_model_reaches_the_search(monkeypatch):
    monkeypatch.setattr(WebinarPage, "kind_label", "Visioconférence")
    search_kinds.cache_clear()
    try:
        assert kinds_by_slug()["webinaire"].label == "Visioconférence"
        assert KINDS_BY_SLUG["webinaire"].label == "Visioconférence"
    finally:
        search_kinds.cache_clear()


@pytest.mark.django_db
def test_feed_urls_and_listing_params_stay_the_same(client, news_index):
    ArticlePageFactory(parent=news_index, title="Un article")
    WebinarPageFactory(parent=news_index, title="Un webinaire")
    TestimonialPageFactory(parent=news_index, title="Un témoignage")
    for slug, _, plural, segment in EXPECTED:
        kind = KINDS_BY_SLUG[slug]
        assert news_index.feed_url("rss", kind=kind) == f"/actualites/{segment}/flux.rss"
        assert news_index.feed_url("atom", kind=kind) == f"/actualites/{segment}/flux.atom"
        rss = client.get(f"/actualites/{segment}/flux.rss").content.decode()
        assert f"<title>{plural} du Club des Développeurs de Nouvelle-Aquitaine</title>" in rss
        # Absolute on the Wagtail site's address (``localhost`` in the tests).
        assert f"<link>http://localhost/actualites/?type={slug}</link>" in rss
        listing = client.get(f"/actualites/?type={slug}")
        assert listing.status_code == 200
        html = listing.content.decode()
        assert re.search(rf'<option value="{slug}" selected>{plural}</option>', html)
        # The filtered listing advertises the feed of its kind.
        assert f"/actualites/{segment}/flux.rss" in html
    search = client.get("/recherche/", {"q": "un", "type": "temoignage"}).content.decode()
    assert '<option value="temoignage" selected>Témoignages</option>' in search


@pytest.mark.django_db
def test_kind_for_page_uses_the_news_kinds(news_index):
    testimonial = TestimonialPageFactory(parent=news_index)
    assert kind_for_page(testimonial) == kinds_by_slug()["temoignage"]
    assert kind_for_page(testimonial).label == "Témoignage"
