"""Media that a live page uses are covered by moderation: a Rédactrice can neither replace their
file nor delete them; a Modérateur can. Everything through the admin, as they would do it."""

import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.editorial.roles import MEDIA_COLLECTION
from tests.factories import (
    ArticlePageFactory,
    DocumentFactory,
    ImageFactory,
    SpeakerFactory,
    StandardPageFactory,
    WebinarPageFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"y" * 1024


def png(name="nouvelle.png", colour="#c0392b"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 40), colour).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def media_collection(news_index):  # the section's creation sets up the roles and the collection
    return Collection.objects.get(name=MEDIA_COLLECTION)


@pytest.fixture
def her_image(editor, media_collection):
    return ImageFactory(
        title="Salle du conseil", collection=media_collection, uploaded_by_user=editor
    )


@pytest.fixture
def her_document(editor, media_collection):
    return DocumentFactory(
        title="Règlement d'intervention", collection=media_collection, uploaded_by_user=editor
    )


def image_form(image, **changes):
    data = {
        "title": image.title,
        "description": image.description,
        "collection": image.collection_id,
        "tags": "",
        "focal_point_x": "",
        "focal_point_y": "",
        "focal_point_width": "",
        "focal_point_height": "",
    }
    data.update(changes)
    return data


def document_form(document, **changes):
    data = {"title": document.title, "collection": document.collection_id, "tags": ""}
    data.update(changes)
    return data


def image_bytes(image):
    image.refresh_from_db()
    with image.file.open("rb") as handle:
        return handle.read()


def document_bytes(document):
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        return handle.read()


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# Images -----------------------------------------------------------------------------------------


def test_editor_cannot_replace_the_file_of_an_image_a_live_page_shows(
    editor_client, her_image, news_index
):
    ArticlePageFactory(parent=news_index, title="Le conseil a voté", main_image=her_image)
    before = image_bytes(her_image)
    url = reverse("wagtailimages:edit", args=(her_image.pk,))
    page = editor_client.get(url).content.decode()
    assert "Cette image est utilisée par une page en ligne (« Le conseil a voté »)" in page

    response = editor_client.post(url, image_form(her_image, file=png()))
    assert response.status_code == 200  # the form again, with the reason
    errors = response.context["form"].errors["file"]
    assert "utilisée par une page en ligne (« Le conseil a voté »)" in errors[0]
    assert "demandez à un modérateur" in errors[0]
    assert image_bytes(her_image) == before


def test_editor_may_still_correct_the_alt_text_of_a_live_image(
    editor_client, her_image, news_index
):
    ArticlePageFactory(parent=news_index, main_image=her_image)
    url = reverse("wagtailimages:edit", args=(her_image.pk,))
    response = editor_client.post(url, image_form(her_image, description="Les élus en séance."))
    assert response.status_code == 302
    her_image.refresh_from_db()
    assert her_image.description == "Les élus en séance."


def test_editor_cannot_delete_an_image_a_live_page_shows(editor_client, her_image, news_index):
    ArticlePageFactory(parent=news_index, title="Le conseil a voté", main_image=her_image)
    edit_page = editor_client.get(reverse("wagtailimages:edit", args=(her_image.pk,)))
    delete_url = reverse("wagtailimages:delete", args=(her_image.pk,))
    assert delete_url not in edit_page.content.decode()  # no delete button

    for method in ("get", "post"):
        response = getattr(editor_client, method)(delete_url)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailimages:edit", args=(her_image.pk,))
        assert any("Le supprimer changerait la page publiée" in m for m in messages_of(response))
    assert get_image_model().objects.filter(pk=her_image.pk).exists()

    # The bulk action refuses it too.
    bulk = (
        reverse("wagtail_bulk_action", args=("wagtailimages", "image", "delete"))
        + f"?id={her_image.pk}"
    )
    editor_client.post(bulk)
    assert get_image_model().objects.filter(pk=her_image.pk).exists()


def test_a_speaker_portrait_on_a_live_webinar_is_protected(editor_client, her_image, news_index):
    speaker = SpeakerFactory(name="Alex Martin", photo=her_image)
    webinar = WebinarPageFactory(parent=news_index, title="Webinaire du mois")
    webinar.speakers.create(speaker=speaker)
    webinar.save()
    response = editor_client.post(reverse("wagtailimages:delete", args=(her_image.pk,)))
    assert any("« Webinaire du mois »" in m for m in messages_of(response))
    assert get_image_model().objects.filter(pk=her_image.pk).exists()


def test_editor_may_replace_and_delete_an_image_no_live_page_shows(
    editor_client, her_image, news_index
):
    draft = ArticlePageFactory(parent=news_index, main_image=her_image)
    draft.unpublish()
    url = reverse("wagtailimages:edit", args=(her_image.pk,))
    before = image_bytes(her_image)
    assert editor_client.post(url, image_form(her_image, file=png())).status_code == 302
    assert image_bytes(her_image) != before
    response = editor_client.post(reverse("wagtailimages:delete", args=(her_image.pk,)))
    assert response.status_code == 302
    assert not get_image_model().objects.filter(pk=her_image.pk).exists()


def test_moderator_may_replace_and_delete_an_image_a_live_page_shows(
    moderator_client, her_image, news_index
):
    ArticlePageFactory(parent=news_index, main_image=her_image)
    url = reverse("wagtailimages:edit", args=(her_image.pk,))
    before = image_bytes(her_image)
    assert moderator_client.post(url, image_form(her_image, file=png())).status_code == 302
    assert image_bytes(her_image) != before
    response = moderator_client.post(reverse("wagtailimages:delete", args=(her_image.pk,)))
    assert response.status_code == 302
    assert not get_image_model().objects.filter(pk=her_image.pk).exists()


# Documents --------------------------------------------------------------------------------------


def test_editor_cannot_replace_a_document_a_live_page_links_to(
    editor_client, her_document, home_page
):
    StandardPageFactory(
        parent=home_page,
        title="Aides aux communes",
        body=[("document", {"document": her_document, "label": "Le règlement"})],
    )
    before = document_bytes(her_document)
    url = reverse("wagtaildocs:edit", args=(her_document.pk,))
    new_file = SimpleUploadedFile("autre.pdf", PDF, content_type="application/pdf")
    response = editor_client.post(url, document_form(her_document, file=new_file))
    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert error.startswith(
        "Ce document est utilisé par une page en ligne (« Aides aux communes »)"
    )
    assert document_bytes(her_document) == before


def test_editor_cannot_delete_a_document_a_live_page_links_to(
    editor_client, her_document, home_page
):
    StandardPageFactory(
        parent=home_page,
        title="Aides aux communes",
        body=[("document", {"document": her_document, "label": "Le règlement"})],
    )
    response = editor_client.post(reverse("wagtaildocs:delete", args=(her_document.pk,)))
    assert response.status_code == 302
    assert any("Ce document est utilisé" in m for m in messages_of(response))
    assert get_document_model().objects.filter(pk=her_document.pk).exists()


def test_moderator_may_replace_a_document_a_live_page_links_to(
    moderator_client, her_document, home_page
):
    StandardPageFactory(
        parent=home_page, body=[("document", {"document": her_document, "label": "Règlement"})]
    )
    url = reverse("wagtaildocs:edit", args=(her_document.pk,))
    new_file = SimpleUploadedFile("autre.pdf", PDF, content_type="application/pdf")
    assert moderator_client.post(url, document_form(her_document, file=new_file)).status_code == 302
    assert document_bytes(her_document) == PDF
    response = moderator_client.post(reverse("wagtaildocs:delete", args=(her_document.pk,)))
    assert response.status_code == 302
    assert not get_document_model().objects.filter(pk=her_document.pk).exists()


def test_editor_may_replace_her_document_while_no_live_page_uses_it(editor_client, her_document):
    url = reverse("wagtaildocs:edit", args=(her_document.pk,))
    new_file = SimpleUploadedFile("autre.pdf", PDF, content_type="application/pdf")
    assert editor_client.post(url, document_form(her_document, file=new_file)).status_code == 302
    assert document_bytes(her_document) == PDF
