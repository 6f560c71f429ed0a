import pytest

from news.models import NewsPage
from tests.factories import ArticlePageFactory, TestimonialPageFactory, WebinarPageFactory


@pytest.mark.django_db
def test_every_kind_is_one_news_page_with_themes(news_index):
    ArticlePageFactory(parent=news_index, themes=["#économie territoriale"])
    WebinarPageFactory(parent=news_index, themes=["Économie territoriale"])
    TestimonialPageFactory(parent=news_index)
    items = NewsPage.objects.live().specific()
    assert {type(item).__name__ for item in items} == {
        "ArticlePage",
        "WebinarPage",
        "TestimonialPage",
    }
    assert NewsPage.objects.filter(themes__slug="economie-territoriale").count() == 2
