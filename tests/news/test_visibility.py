"""Drafts, private and expired pages never show anywhere a visitor lists news."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory, TestimonialPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db

THEME = "Économie territoriale"
SURFACES = ["/", "/actualites/", "/actualites/themes/", "/actualites/themes/economie-territoriale/"]


def hidden_item(news_index, how, factory=ArticlePageFactory, **fields):
    title = f"Caché ({how})"
    fields.setdefault("slug", f"{factory._meta.model._meta.model_name}-{how}")
    if how == "draft":
        item = factory(parent=news_index, title=title, themes=[THEME], **fields)
        item.unpublish()
    elif how == "private":
        item = factory(parent=news_index, title=title, themes=[THEME], **fields)
        PageViewRestriction.objects.create(page=item, restriction_type="password", password="x")
    elif how == "expired":
        # Past its expiry date, but publish_scheduled has not run yet: still "live".
        item = factory(parent=news_index, title=title, themes=[THEME], **fields)
        item.expire_at = timezone.now() - datetime.timedelta(hours=1)
        item.save(update_fields=["expire_at"])
        item.refresh_from_db()
        assert item.live
    return item


@pytest.fixture
def visible_item(news_index):
    return ArticlePageFactory(
        parent=news_index, title="Visible", themes=["Collectivité territoriale"]
    )


@pytest.mark.parametrize("how", ["draft", "private", "expired"])
def test_hidden_items_never_show(client, news_index, visible_item, how):
    hidden_item(news_index, how)
    *listings, hidden_theme_page = SURFACES
    # The only page carrying the theme is hidden: the theme has no public page.
    assert client.get(hidden_theme_page).status_code == 404
    for url in listings:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Visible" in html or url.startswith("/actualites/themes/"), url
        assert f"Caché ({how})" not in html, url
    # The hidden item's theme is neither counted nor offered as a filter.
    themes_page = client.get("/actualites/themes/").content.decode()
    assert "#Économie territoriale" not in themes_page
    assert client.get("/actualites/?theme=economie-territoriale").status_code == 404
    assert 'value="economie-territoriale"' not in client.get("/actualites/").content.decode()


@pytest.mark.parametrize("how", ["draft", "private", "expired"])
def test_hidden_webinars_and_testimonials_never_reach_the_home_page(client, news_index, how):
    soon = timezone.now() + datetime.timedelta(days=3)
    hidden_item(news_index, how, WebinarPageFactory, starts_at=soon)
    hidden_item(news_index, how, TestimonialPageFactory, pull_quote="Citation cachée.")
    html = client.get("/").content.decode()
    assert "Prochain webinaire" not in html and "Dernier webinaire" not in html
    assert "Citation cachée." not in html
    assert f"Caché ({how})" not in html


def test_a_private_news_index_hides_every_item(client, news_index, visible_item):
    PageViewRestriction.objects.create(page=news_index, restriction_type="password", password="x")
    assert "Visible" not in client.get("/").content.decode()


def test_hidden_years_are_not_offered(client, news_index, visible_item):
    old = ArticlePageFactory(parent=news_index, title="Ancien", date=datetime.date(2015, 5, 1))
    old.unpublish()
    assert client.get("/actualites/?annee=2015").status_code == 404
    assert 'value="2015"' not in client.get("/actualites/").content.decode()
