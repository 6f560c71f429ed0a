import pytest

from home.models import Theme
from home.themes import parse_themes, theme_slug


def test_slugs_are_ascii():
    assert theme_slug("Économie territoriale") == "economie-territoriale"
    assert theme_slug("#Cœur de ville") == "coeur-de-ville"


@pytest.mark.django_db
def test_variants_typed_by_editors_resolve_to_one_theme():
    Theme.objects.create(name="#Économie territoriale")
    assert Theme.objects.get().name == "Économie territoriale"
    assert Theme.objects.get().slug == "economie-territoriale"
    for typed in ["#économie territoriale", "Économie territoriale", "ÉCONOMIE  TERRITORIALE"]:
        assert parse_themes(typed) == ["Économie territoriale"]


@pytest.mark.django_db
def test_new_themes_are_cleaned_and_deduplicated():
    assert parse_themes("#collectivité territoriale, Collectivité territoriale, tourisme") == [
        "Collectivité territoriale",
        "Tourisme",
    ]
    assert parse_themes("#, ,") == []


@pytest.mark.django_db
def test_themes_added_in_code_are_normalised_like_typed_ones(news_index):
    from tests.factories import ArticlePageFactory

    first = ArticlePageFactory(parent=news_index, themes=["#économie territoriale"])
    second = ArticlePageFactory(parent=news_index, themes=["ÉCONOMIE TERRITORIALE", "Tourisme"])
    assert Theme.objects.count() == 2
    assert list(first.themes.values_list("slug", flat=True)) == ["economie-territoriale"]
    assert sorted(second.themes.values_list("slug", flat=True)) == [
        "economie-territoriale",
        "tourisme",
    ]
