"""A writer creates a speaker or an organisation from its chooser, without leaving the page.

The chooser modal of the page editor is fetched and posted as the admin's JavaScript does (JSON
answers with an HTML fragment); only users with the "add" permission get the creation tab.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from news.models import Speaker, WebinarPage
from resources.models import Organisation, ResourcePage
from tests.editorial.conftest import make_user
from tests.editorial.helpers import add_url
from tests.factories import OrganisationFactory, ResourceIndexPageFactory

pytestmark = pytest.mark.django_db

SPEAKER_CHOOSER = "wagtailsnippetchoosers_news_speaker"
ORGANISATION_CHOOSER = "wagtailsnippetchoosers_resources_organisation"


def chooser_url(chooser, view):
    return reverse(f"{chooser}:{view}")


@pytest.fixture
def reader_client(db):
    """A user who reaches the admin but may add neither speakers nor organisations."""
    group = Group.objects.create(name="Lecteurs")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(make_user("lecteur", "Lecteurs"))
    return client


def test_the_webinar_editor_opens_the_speaker_chooser_that_creates(editor_client, news_index):
    page = editor_client.get(add_url(news_index, WebinarPage)).content.decode()
    assert chooser_url(SPEAKER_CHOOSER, "choose") in page

    modal = editor_client.get(chooser_url(SPEAKER_CHOOSER, "choose")).json()["html"]
    assert "Nouvel intervenant" in modal
    assert chooser_url(SPEAKER_CHOOSER, "create") in modal
    assert "Ajouter cet intervenant" in modal
    assert "Prénom et nom de l&#x27;intervenant." in modal  # the field's help text


def test_editor_creates_a_speaker_from_the_chooser(editor_client, editor):
    response = editor_client.post(
        chooser_url(SPEAKER_CHOOSER, "create"),
        {
            "name": "Inès Garat",
            "role": "cheffe de projet",
            "organisation": "ADI Nouvelle-Aquitaine",
        },
    )
    assert response.status_code == 200
    answer = response.json()
    speaker = Speaker.objects.get(name="Inès Garat")
    assert answer["step"] == "chosen"
    assert answer["result"]["id"] == str(speaker.pk)
    assert answer["result"]["string"] == "Inès Garat (cheffe de projet, ADI Nouvelle-Aquitaine)"
    entry = ModelLogEntry.objects.for_instance(speaker).get()
    assert (entry.action, entry.user) == ("wagtail.create", editor)


def test_invalid_speaker_gives_a_form_error_and_keeps_what_was_typed(editor_client):
    response = editor_client.post(
        chooser_url(SPEAKER_CHOOSER, "create"),
        {"name": "", "role": "chargé de mission numérique", "organisation": "CNER"},
    )
    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    assert "Champ requis." in answer["htmlFragment"]
    assert 'value="chargé de mission numérique"' in answer["htmlFragment"]
    assert 'value="CNER"' in answer["htmlFragment"]
    assert not Speaker.objects.exists()


def test_the_resource_editor_opens_the_organisation_chooser_that_creates(editor_client, home_page):
    library = ResourceIndexPageFactory(parent=home_page)
    page = editor_client.get(add_url(library, ResourcePage)).content.decode()
    assert chooser_url(ORGANISATION_CHOOSER, "choose") in page

    modal = editor_client.get(chooser_url(ORGANISATION_CHOOSER, "choose")).json()["html"]
    assert "Nouvelle structure" in modal
    assert "Ajouter cette structure" in modal
    assert 'name="slug"' not in modal  # built by the model from the acronym or the name


def test_editor_creates_an_organisation_from_the_chooser(editor_client):
    response = editor_client.post(
        chooser_url(ORGANISATION_CHOOSER, "create"),
        {"name": "Agence de développement du Lot", "acronym": "ADL", "website": ""},
    )
    answer = response.json()
    organisation = Organisation.objects.get(name="Agence de développement du Lot")
    assert answer["step"] == "chosen"
    assert answer["result"] == {
        "id": str(organisation.pk),
        "string": "Agence de développement du Lot (ADL)",
        "edit_url": answer["result"]["edit_url"],
    }
    assert organisation.slug == "adl"


def test_existing_organisation_gives_a_form_error_not_a_duplicate(editor_client):
    OrganisationFactory(name="Région Nouvelle-Aquitaine", acronym="")
    response = editor_client.post(
        chooser_url(ORGANISATION_CHOOSER, "create"),
        {"name": "Région Nouvelle-Aquitaine", "acronym": "RNA", "website": "pas une adresse"},
    )
    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    fragment = answer["htmlFragment"]
    assert "existe déjà" in fragment
    assert "Saisissez une URL valide." in fragment
    assert 'value="RNA"' in fragment
    assert Organisation.objects.count() == 1


def test_moderator_creates_from_the_chooser_too(moderator_client):
    response = moderator_client.post(
        chooser_url(SPEAKER_CHOOSER, "create"), {"name": "Paul Etcheverry"}
    )
    assert response.json()["step"] == "chosen"
    assert Speaker.objects.filter(name="Paul Etcheverry").exists()


@pytest.mark.parametrize("chooser", [SPEAKER_CHOOSER, ORGANISATION_CHOOSER])
def test_without_the_add_permission_no_creation_tab_and_creation_refused(reader_client, chooser):
    modal = reader_client.get(chooser_url(chooser, "choose")).json()["html"]
    assert chooser_url(chooser, "create") not in modal
    response = reader_client.post(chooser_url(chooser, "create"), {"name": "Intrus"})
    # Wagtail's admin answers a refused permission with a redirect and a message.
    assert response.status_code == 302
    assert not Speaker.objects.exists()
    assert not Organisation.objects.exists()
