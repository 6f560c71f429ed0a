import os
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from tests.factories import DocumentFactory, ResourcePageFactory

Document = get_document_model()


class RemoteLikeStorage(InMemoryStorage):
    """Behaves like S3 for Wagtail: files have a URL but no local path."""

    def path(self, name):
        raise NotImplementedError("no local path")

    def _relative_path(self, name):
        return os.path.normpath(name)


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(user)
    return client


def upload(admin_client, name, content=b"data"):
    return admin_client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["programme.exe", "page.html", "script.js", "image.svg", "sans"])
def test_upload_of_a_disallowed_type_is_refused(admin_client, name):
    response = upload(admin_client, name)
    assert response.status_code == 200  # the form again, with its error
    errors = response.context["form"].errors
    assert "file" in errors
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_upload_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload(admin_client, "gros.pdf", b"%PDF" + b"x" * 2048)
    assert "file" in response.context["form"].errors
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_allowed_upload_is_accepted_with_its_size(admin_client):
    response = upload(admin_client, "fiche.pdf", b"%PDF-1.4" + b"x" * 100)
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file_extension == "pdf" and document.file_size == 108


@pytest.mark.django_db
def test_resource_lists_documents_with_type_and_size(client, resource_index):
    pdf = DocumentFactory(title="Règlement", file__filename="reglement.pdf", file__data=b"x" * 1536)
    sheet = DocumentFactory(title="Tableau", file__filename="budget.xlsx", file__data=b"x" * 300)
    page = ResourcePageFactory(parent=resource_index, title="Aide", documents=[pdf, sheet])
    html = client.get(page.url).content.decode()
    items = re.findall(r'<li class="document-link">(.*?)</li>', html, re.S)
    assert len(items) == 2
    assert 'href="/documents/' in items[0] and "reglement.pdf" in items[0]
    assert ">Règlement</a>" in items[0] and "(PDF, 1,5\xa0Ko)" in items[0]
    assert ">Tableau</a>" in items[1] and "(Excel, 300\xa0octets)" in items[1]


@pytest.mark.django_db
def test_document_label_replaces_its_title(client, resource_index):
    from resources.models import ResourceDocument

    document = DocumentFactory(title="doc-2021-v3")
    page = ResourcePageFactory(parent=resource_index, title="Aide")
    page.documents = [ResourceDocument(document=document, label="Formulaire de demande")]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert ">Formulaire de demande</a>" in html and "doc-2021-v3" not in html


@pytest.mark.django_db
def test_pdf_download_has_its_type_and_file_name(client):
    document = DocumentFactory(file__filename="programme.pdf", file__data=b"%PDF-1.4 demo")
    assert re.fullmatch(r"programme(_\w+)?\.pdf", document.filename)  # storage may add a suffix
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{document.filename}"'
    assert b"".join(response.streaming_content) == b"%PDF-1.4 demo"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_word_download_is_an_attachment_with_its_file_name(client):
    document = DocumentFactory(file__filename="règlement.docx", file__data=b"PK docx")
    stem = os.path.splitext(document.filename)[0]  # "règlement", maybe with a suffix
    assert stem.startswith("règlement")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_TYPE
    disposition = response["Content-Disposition"]
    ascii_stem = stem.replace("è", "e")
    assert disposition.startswith(f'attachment; filename="{ascii_stem}.docx"')
    assert f"filename*=UTF-8''{stem.replace('è', '%C3%A8')}.docx" in disposition


@pytest.mark.django_db
def test_missing_file_answers_404_not_500(client):
    document = DocumentFactory(file__filename="perdu.pdf")
    document.file.storage.delete(document.file.name)
    assert client.get(document.url).status_code == 404


@pytest.mark.django_db
def test_missing_file_on_a_storage_without_local_paths_answers_404(client, settings):
    """S3-like storages have no local path: Wagtail then streams the file through Python."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.RemoteLikeStorage"},
    }
    present = Document.objects.create(title="Présent", file=ContentFile(b"%PDF ok", "ok.pdf"))
    gone = Document.objects.create(title="Perdu", file=ContentFile(b"%PDF", "perdu.pdf"))
    gone.file.storage.delete(gone.file.name)
    response = client.get(present.url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF ok"
    client.raise_request_exception = False
    assert client.get(gone.url).status_code == 404


@pytest.mark.django_db
def test_unknown_document_or_wrong_file_name_answer_404(client):
    document = DocumentFactory(file__filename="fiche.pdf")
    assert client.get(f"/documents/{document.pk + 100}/fiche.pdf").status_code == 404
    assert client.get(f"/documents/{document.pk}/autre.pdf").status_code == 404
