"""Themes under control: another spelling of an existing theme is refused on the page's themes
field, with the theme to use; the field shows themes without quotes."""

import html as html_lib
import re

import pytest
from django.urls import reverse

from home.models import Theme
from home.themes import near_duplicate_theme
from news.models import ArticlePage
from tests.editorial.helpers import add_url, article_form_data, edit_url
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

EXISTING = ["Transition écologique", "Économie territoriale", "Collectivité territoriale", "Eau"]


@pytest.fixture
def themes():
    return [Theme.objects.create(name=name) for name in EXISTING]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Transitions écologiques", "Transition écologique"),  # plural
        ("transitions ecologiques", "Transition écologique"),  # plural, no accents
        ("Transition écolgique", "Transition écologique"),  # a typo
        ("Économies territoriales", "Économie territoriale"),
        ("Econnomie territorialle", "Économie territoriale"),  # two typos in a long name
        ("#TRANSITION ÉCOLOGIQUE", None),  # the same theme, not another one
        ("Mobilité", None),
        ("Bau", None),  # short names must match exactly once folded
        ("Eaux", "Eau"),  # plural in x
        ("Territoire", None),
    ],
)
def test_near_duplicates(themes, typed, expected):
    found = near_duplicate_theme(typed, themes)
    assert (found.name if found else None) == expected


def test_page_editor_refuses_a_plural_of_an_existing_theme(editor_client, news_index, themes):
    response = editor_client.post(
        add_url(news_index, ArticlePage),
        article_form_data("Le vélo à Poitiers", themes="Transitions écologiques, Mobilité"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["themes"] == ["Ce thème existe déjà : #Transition écologique"]
    assert "Ce thème existe déjà : #Transition écologique" in response.content.decode()
    assert sorted(Theme.objects.values_list("name", flat=True)) == sorted(EXISTING)
    assert not ArticlePage.objects.filter(title="Le vélo à Poitiers").exists()
    # What the writer typed is not lost.
    field = re.search(r'<input[^>]*name="themes"[^>]*>', response.content.decode()).group(0)
    assert "Transitions écologiques" in html_lib.unescape(field)


def test_existing_theme_in_another_case_and_a_new_theme_are_accepted(
    editor_client, news_index, themes
):
    response = editor_client.post(
        add_url(news_index, ArticlePage),
        article_form_data("Le vélo à Poitiers", themes="#transition ÉCOLOGIQUE, Mobilité"),
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(title="Le vélo à Poitiers")
    revision = page.get_latest_revision_as_object()
    assert sorted(theme.name for theme in revision.themes.all()) == [
        "Mobilité",
        "Transition écologique",
    ]


def test_theme_snippet_refuses_a_near_duplicate(moderator_client, themes):
    response = moderator_client.post(
        reverse("wagtailsnippets_home_theme:add"), {"name": "Transitions écologiques"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        "Ce thème existe déjà : #Transition écologique"
    ]
    assert Theme.objects.count() == len(EXISTING)


def test_themes_field_shows_names_without_quotes(editor_client, news_index, themes):
    page = ArticlePageFactory(
        parent=news_index, themes=["Économie territoriale", "Transition écologique"]
    )
    page.save_revision()
    html = editor_client.get(edit_url(page)).content.decode()
    field = re.search(r'<input[^>]*name="themes"[^>]*>', html).group(0)
    value = html_lib.unescape(re.search(r'value="([^"]*)"', field).group(1))
    assert value == "Économie territoriale, Transition écologique"
    assert "data-club-themes" in field
    # The browser side: Wagtail's tag controller does not add quotes to these fields.
    assert "home/js/theme-tags.js" in html
