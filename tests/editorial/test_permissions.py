"""Permissions hold on each subtree: the roles work in the sections, nowhere else."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.editorial.roles import MEDIA_COLLECTION
from home.models import SiteSettings, StandardPage, Theme
from news.models import ArticlePage, Speaker
from tests.editorial.helpers import add_url, article_form_data, edit_url
from tests.factories import ArticlePageFactory, ImageFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def png_file(name="photo.png"):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "#0b4f6c").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture(params=["editor_client", "moderator_client"])
def role_client(request, news_index):
    return request.getfixturevalue(request.param)


def test_both_roles_reach_the_admin_and_the_news_section(role_client, news_index):
    assert role_client.get(reverse("wagtailadmin_home")).status_code == 200
    assert (
        role_client.get(reverse("wagtailadmin_explore", args=(news_index.pk,))).status_code == 200
    )
    assert role_client.get(add_url(news_index, ArticlePage)).status_code == 200


def test_no_role_edits_the_home_page(role_client, home_page):
    response = role_client.get(edit_url(home_page))
    assert response.status_code == 302  # Wagtail sends them back with "permission denied"
    role_client.post(edit_url(home_page), {"title": "Piraté", "action-publish": "1"})
    home_page.refresh_from_db()
    assert home_page.title == "Club des Développeurs"
    assert home_page.get_latest_revision() is None


def test_no_role_adds_pages_outside_the_sections(role_client, home_page):
    assert role_client.get(add_url(home_page, StandardPage)).status_code == 302
    role_client.post(
        add_url(home_page, StandardPage),
        {"title": "Page parasite", "slug": "page-parasite", "action-publish": "1"},
    )
    assert not StandardPage.objects.filter(slug="page-parasite").exists()


def test_no_role_touches_the_site_settings(role_client):
    settings = SiteSettings.load()
    url = reverse("wagtailsettings:edit", args=("home", "sitesettings", settings.pk))
    assert role_client.get(url).status_code == 302
    role_client.post(url, {"contact_email": "pirate@exemple.fr"})
    settings.refresh_from_db()
    assert settings.contact_email == ""


def test_editor_edits_any_page_of_the_section_but_publishes_none(editor_client, news_index):
    page = ArticlePageFactory(parent=news_index, title="Article d'une collègue")
    assert editor_client.get(edit_url(page)).status_code == 200
    editor_client.post(
        edit_url(page),
        article_form_data(
            "Article d'une collègue", action="action-publish", introduction="Modifié."
        ),
    )
    page.refresh_from_db()
    assert page.introduction != "Modifié."  # the live version is unchanged
    assert page.get_latest_revision_as_object().introduction == "Modifié."
    assert page.has_unpublished_changes


def test_only_moderators_manage_themes(editor_client, moderator_client):
    list_url = reverse("wagtailsnippets_home_theme:list")
    add_theme_url = reverse("wagtailsnippets_home_theme:add")
    assert editor_client.get(list_url).status_code == 302
    editor_client.post(add_theme_url, {"name": "Thème de rédactrice"})
    assert not Theme.objects.filter(name="Thème de rédactrice").exists()

    assert moderator_client.get(list_url).status_code == 200
    response = moderator_client.post(add_theme_url, {"name": "#Mobilités rurales"})
    assert response.status_code == 302
    assert Theme.objects.get(slug="mobilites-rurales").name == "Mobilités rurales"


def test_editors_add_speakers_moderators_change_and_delete_them(editor_client, moderator_client):
    speaker = SpeakerFactory(name="Intervenante existante")
    response = editor_client.post(
        reverse("wagtailsnippets_news_speaker:add"),
        {"name": "Nouvelle intervenante", "role": "", "organisation": "", "photo": ""},
    )
    assert response.status_code == 302
    assert Speaker.objects.filter(name="Nouvelle intervenante").exists()
    delete_url = reverse("wagtailsnippets_news_speaker:delete", args=(speaker.pk,))
    editor_client.post(delete_url)
    assert Speaker.objects.filter(pk=speaker.pk).exists()
    edit = reverse("wagtailsnippets_news_speaker:edit", args=(speaker.pk,))
    assert editor_client.get(edit).status_code == 302

    moderator_client.post(delete_url)
    assert not Speaker.objects.filter(pk=speaker.pk).exists()


def test_editor_uploads_images_into_the_editorial_collection(editor_client, editor):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Atelier à Guéret",
            "file": png_file(),
            "description": "Six personnes autour d'une table d'atelier.",
            "tags": "",
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Atelier à Guéret")
    assert image.collection == Collection.objects.get(name=MEDIA_COLLECTION)
    assert image.uploaded_by_user == editor


def test_editor_changes_only_own_images_moderator_any(editor_client, moderator_client, editor):
    others = ImageFactory(title="Image d'un autre", collection=Collection.get_first_root_node())
    own = ImageFactory(
        title="Mon image",
        uploaded_by_user=editor,
        collection=Collection.objects.get(name=MEDIA_COLLECTION),
    )
    assert editor_client.get(reverse("wagtailimages:edit", args=(others.pk,))).status_code == 302
    assert editor_client.get(reverse("wagtailimages:edit", args=(own.pk,))).status_code == 200
    assert moderator_client.get(reverse("wagtailimages:edit", args=(others.pk,))).status_code == 200


def test_both_roles_choose_any_image_in_the_editor(role_client):
    ImageFactory(title="Image de la médiathèque", collection=Collection.get_first_root_node())
    response = role_client.get(reverse("wagtailimages_chooser:choose"))
    assert response.status_code == 200
    assert "Image de la médiathèque" in response.json()["html"]


def test_editors_choose_speakers_in_the_webinar_editor(editor_client):
    SpeakerFactory(name="Intervenante du CNER")
    response = editor_client.get(reverse("wagtailsnippetchoosers_news_speaker:choose"))
    assert response.status_code == 200
    assert "Intervenante du CNER" in response.json()["html"]
