"""An admin that explains itself: alt text required, themes autocompleted, checker in French."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.admin.userbar import AccessibilityItem, AdminItem, ContentCheckerItem
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.editorial.checker import EXTRA_RULES, ClubContentCheckerItem, use_club_checker
from home.editorial.forms import ImageForm
from home.editorial.roles import MEDIA_COLLECTION
from home.models import Theme
from news.models import ArticlePage
from tests.editorial.helpers import add_url
from tests.editorial.test_permissions import png_file
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

Image = get_image_model()


# Alternative text -------------------------------------------------------------------------------
def test_image_form_requires_a_description_explained_in_french(settings):
    assert settings.WAGTAILIMAGES_IMAGE_FORM_BASE == "home.editorial.forms.ImageForm"
    from wagtail.images.forms import get_image_form

    form = get_image_form(Image)()
    assert isinstance(form, ImageForm)
    field = form.fields["description"]
    assert field.required
    assert "Texte alternatif" in field.label
    assert "lecteurs d'écran" in field.help_text


def test_upload_without_description_is_refused(editor_client):
    url = reverse("wagtailimages:add")
    response = editor_client.post(
        url, {"title": "Sans texte", "file": png_file(), "description": " "}
    )
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert not Image.objects.filter(title="Sans texte").exists()


def test_multiple_upload_asks_for_the_description_before_saving(editor_client):
    collection = Collection.objects.get(name=MEDIA_COLLECTION)
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": collection.pk, "files[]": png_file("reunion.png")},
    )
    data = response.json()
    assert data["success"] is True
    assert "uploaded_file_id" in data  # kept aside until the form is complete
    assert not Image.objects.exists()

    url = reverse(
        "wagtailimages:create_multiple_from_uploaded_image", args=(data["uploaded_file_id"],)
    )
    prefix = f"uploaded-image-{data['uploaded_file_id']}"
    refused = editor_client.post(
        url, {f"{prefix}-title": "Réunion", f"{prefix}-collection": collection.pk}
    )
    assert refused.json()["success"] is False
    accepted = editor_client.post(
        url,
        {
            f"{prefix}-title": "Réunion",
            f"{prefix}-collection": collection.pk,
            f"{prefix}-description": "Une salle de réunion pleine, vue du fond.",
        },
    )
    assert accepted.json()["success"] is True
    assert Image.objects.get().description == "Une salle de réunion pleine, vue du fond."


def test_chooser_upload_in_the_page_editor_requires_the_description(editor_client):
    url = reverse("wagtailimages_chooser:create")
    prefix = "image-chooser-upload"
    response = editor_client.post(url, {f"{prefix}-title": "Carte", f"{prefix}-file": png_file()})
    assert response.json()["step"] == "reshow_creation_form"
    assert not Image.objects.exists()
    response = editor_client.post(
        url,
        {
            f"{prefix}-title": "Carte",
            f"{prefix}-file": png_file(),
            f"{prefix}-description": "Carte des douze départements de Nouvelle-Aquitaine.",
        },
    )
    assert response.json()["step"] == "chosen"
    assert Image.objects.get().collection.name == MEDIA_COLLECTION


# Themes ------------------------------------------------------------------------------------------
@pytest.fixture
def themes(db):
    return [
        Theme.objects.create(name=name)
        for name in ["Économie territoriale", "Écologie", "Mobilités", "Ingénierie de projet"]
    ]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("econ", ["Économie territoriale"]),
        ("#ÉCO", ["Écologie", "Économie territoriale"]),
        ("territ", ["Économie territoriale"]),
        ("projet", ["Ingénierie de projet"]),
        ("zzz", []),
        ("", []),
        ("###", []),
    ],
)
def test_theme_autocomplete_ignores_accents_case_and_hash(editor_client, themes, term, expected):
    response = editor_client.get(reverse("home_theme_autocomplete"), {"term": term})
    assert response.status_code == 200
    assert response.json() == expected


def test_theme_autocomplete_is_for_admin_users_only(client, themes):
    response = client.get(reverse("home_theme_autocomplete"), {"term": "eco"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_wagtail_tag_endpoint_also_serves_themes(editor_client, themes):
    url = reverse("wagtailadmin_tag_model_autocomplete", args=("home", "theme"))
    assert editor_client.get(url, {"term": "Éco"}).json() == ["Écologie", "Économie territoriale"]


def test_theme_field_of_the_page_editor_uses_the_theme_autocomplete(editor_client, news_index):
    html = editor_client.get(add_url(news_index, ArticlePage)).content.decode()
    field = re.search(r'<input[^>]*name="themes"[^>]*>', html).group(0)
    assert f'data-w-tag-url-value="{reverse("home_theme_autocomplete")}"' in field
    assert "Choisissez de préférence un thème proposé" in html


def test_theme_snippet_refuses_a_second_spelling_and_renames_with_the_slug(
    moderator_client, themes
):
    add_url_ = reverse("wagtailsnippets_home_theme:add")
    response = moderator_client.post(add_url_, {"name": "#economie TERRITORIALE"})
    assert response.status_code == 200
    assert "existe déjà" in str(response.context["form"].errors["name"])
    assert Theme.objects.filter(slug__startswith="economie").count() == 1

    mobility = Theme.objects.get(name="Mobilités")
    edit = reverse("wagtailsnippets_home_theme:edit", args=(mobility.pk,))
    response = moderator_client.post(edit, {"name": "Mobilités rurales"})
    assert response.status_code == 302
    mobility.refresh_from_db()
    assert (mobility.name, mobility.slug) == ("Mobilités rurales", "mobilites-rurales")


def test_themes_menu_is_in_french(moderator_client, themes):
    html = moderator_client.get(reverse("wagtailsnippets_home_theme:list")).content.decode()
    assert "Thèmes" in html
    assert "Économie territoriale" in html


# Accessibility checker ---------------------------------------------------------------------------
def checker_configuration(html):
    match = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    return json.loads(match.group(1)) if match else None


def test_userbar_runs_the_checker_with_our_rules_in_french(editor_client, news_index):
    page = ArticlePageFactory(parent=news_index)
    html = editor_client.get(page.url).content.decode()
    configuration = checker_configuration(html)
    assert configuration is not None
    run_only = configuration["options"]["runOnly"]
    assert set(EXTRA_RULES) <= set(run_only)
    assert {"heading-order", "link-name", "alt-text-quality"} <= set(run_only)
    assert configuration["messages"]["image-alt"]["error_name"] == "Image sans texte alternatif"
    # Wagtail's own messages come in the editor's language.
    assert configuration["messages"]["heading-order"]["error_name"] != "Incorrect heading hierarchy"
    assert 'lang="fr"' in html


def test_visitors_get_no_userbar(client, news_index):
    page = ArticlePageFactory(parent=news_index)
    html = client.get(page.url).content.decode()
    assert checker_configuration(html) is None


def test_checker_replaces_wagtails_item_in_the_editor_too():
    items = [AdminItem(), ContentCheckerItem(in_editor=True)]
    use_club_checker(items)
    assert isinstance(items[0], AdminItem)
    assert isinstance(items[1], ClubContentCheckerItem)
    assert items[1].in_editor is True
    legacy = [AccessibilityItem()]
    use_club_checker(legacy)
    assert type(legacy[0]) is ClubContentCheckerItem


def test_admin_speaks_french(editor_client):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="fr"' in html
    assert "Tableau de bord" in html


def test_admin_loads_no_avatar_from_gravatar(editor_client, editor):
    """Avatars would come from gravatar.com, leaking a hash of each editor's e-mail address."""
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in html
    assert "wagtailadmin/images/default-user-avatar" in html
