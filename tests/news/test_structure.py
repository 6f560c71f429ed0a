"""Every news page has one h1, headings that never skip a level, and loads nothing from elsewhere."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.conftest import make_news
from tests.factories import ArticlePageFactory, TestimonialPageFactory, WebinarPageFactory
from tests.html import remote_resources

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(news_index):
    items = make_news(news_index, 6)
    upcoming = WebinarPageFactory(
        parent=news_index,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        themes=["Économie territoriale"],
        body=[("heading", {"text": "Programme", "level": "h2"})],
    )
    article = ArticlePageFactory(
        parent=news_index,
        body=[("heading", {"text": "Contexte", "level": "h2"})],
        themes=["Économie territoriale"],
    )
    return [
        "/",
        "/actualites/",
        "/actualites/?type=temoignage",
        "/actualites/themes/",
        "/actualites/themes/economie-territoriale/",
        upcoming.url,
        article.url,
        items[1].url,  # a past webinar
        TestimonialPageFactory(parent=news_index, webinar=items[1]).url,
    ]


def heading_levels(html):
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def test_one_h1_and_no_skipped_heading_level(client, pages):
    for url in pages:
        html = client.get(url).content.decode()
        levels = heading_levels(html)
        assert levels.count(1) == 1, url
        assert levels[0] == 1, url
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (url, levels)


def test_nothing_is_loaded_from_another_site(client, pages):
    for url in pages:
        html = client.get(url).content.decode()
        assert remote_resources(html) == [], url
