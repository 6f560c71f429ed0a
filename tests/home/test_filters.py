"""Both listings filter through one mechanism (``home.filters``) with one policy for bad values."""

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict

from home.filters import (
    FlagField,
    ListingFilterSet,
    SlugChoiceField,
    SlugChoiceFilter,
    ThemeChoiceField,
    ThemeFilter,
)
from home.models import Theme
from news.filters import NewsFilterSet
from news.queries import visible
from resources.filters import ResourceFilterSet
from tests.factories import ArticlePageFactory, ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def test_both_listings_use_the_shared_filter_set_and_theme_filter():
    for filter_set in (NewsFilterSet, ResourceFilterSet):
        assert issubclass(filter_set, ListingFilterSet)
        assert type(filter_set.base_filters["theme"]) is ThemeFilter
        assert filter_set.base_filters["theme"].field_class is ThemeChoiceField
    assert isinstance(ResourceFilterSet.base_filters["public"], SlugChoiceFilter)
    assert ResourceFilterSet.base_filters["ouvert"].field_class is FlagField


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
    assert isinstance(field, SlugChoiceField)


def test_the_flag_reads_checkboxes_and_hand_written_links():
    field = FlagField(active_label="Ouvertes", required=False)
    for value in ["1", "on", "true", "Oui", " TRUE "]:
        assert field.clean(value) is True
    for value in [None, "", "0", "off", "false", "non", "NON"]:
        assert field.clean(value) is False
    for value in ["zzz", "2", "a\x00b", "x" * 10_000]:
        with pytest.raises(ValidationError):
            field.clean(value)


def test_summary_and_remove_links_come_from_the_shared_base(news_index):
    ArticlePageFactory(parent=news_index, themes=["Tourisme"])
    data = QueryDict("type=article&theme=tourisme&page=1&utm_source=lettre")
    filters = NewsFilterSet(data, visible().child_of(news_index))
    assert filters.is_valid()
    assert filters.summary() == "Articles, #Tourisme"
    assert [(item.label, item.remove_url) for item in filters.active_filters()] == [
        ("Type : Articles", "?theme=tourisme&utm_source=lettre"),
        ("Thème : #Tourisme", "?type=article&utm_source=lettre"),
    ]


def test_odd_theme_values_give_both_listings_the_same_answer(client, news_index, home_page):
    ArticlePageFactory(parent=news_index, themes=["Tourisme"])
    ResourcePageFactory(parent=ResourceIndexPageFactory(parent=home_page), themes=["Tourisme"])
    assert client.get("/actualites/", {"theme": "tourisme"}).status_code == 200
    assert client.get("/ressources/", {"theme": "tourisme"}).status_code == 200
    for value in ["a\x00b", "x" * 101, "x" * 10_000, "inconnu", ["tourisme", "tourisme"]]:
        # A filter that names nothing the listing can show is a wrong address.
        assert client.get("/actualites/", {"theme": value}).status_code == 404
        assert client.get("/ressources/", {"theme": value}).status_code == 404
