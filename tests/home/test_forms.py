"""The theme filter field is written once (``home.forms``) and behaves the same in both listings."""

import pytest
from django.core.exceptions import ValidationError

from home.forms import SlugChoiceField, ThemeChoiceField
from home.models import Theme
from news.filters import NewsFilterForm
from resources.filters import ResourceFilterForm
from tests.factories import ArticlePageFactory, ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def test_both_listings_use_the_shared_theme_field():
    assert type(NewsFilterForm.base_fields["theme"]) is ThemeChoiceField
    assert type(ResourceFilterForm.base_fields["theme"]) is ThemeChoiceField
    assert isinstance(ResourceFilterForm.base_fields["public"], SlugChoiceField)


def test_the_field_chooses_by_slug_shows_hashtags_and_refuses_odd_values(
    django_assert_num_queries,
):
    theme = Theme.objects.create(name="Économie territoriale")
    field = ThemeChoiceField(Theme.objects.all())
    assert not field.required
    assert field.clean("economie-territoriale") == theme
    assert field.clean("") is None
    assert field.label_from_instance(theme) == "#Économie territoriale"
    with django_assert_num_queries(0):
        for value in ["a\x00b", "x" * 101]:
            with pytest.raises(ValidationError) as error:
                field.clean(value)
            assert error.value.code == "invalid_choice"


def test_odd_theme_values_give_each_listing_its_usual_answer(client, news_index, home_page):
    ArticlePageFactory(parent=news_index, themes=["Tourisme"])
    ResourcePageFactory(parent=ResourceIndexPageFactory(parent=home_page), themes=["Tourisme"])
    assert client.get("/actualites/", {"theme": "tourisme"}).status_code == 200
    assert client.get("/ressources/", {"theme": "tourisme"}).status_code == 200
    for value in ["a\x00b", "x" * 101, "inconnu"]:
        # The news listing answers 404 to a filter that names nothing; resources ignore it.
        assert client.get("/actualites/", {"theme": value}).status_code == 404
        assert client.get("/ressources/", {"theme": value}).status_code == 200
