import pytest
import wagtail_factories
from django.core.files.base import ContentFile

from home.templatetags.club_tags import document_meta, french_file_size
from tests.factories import StandardPageFactory


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (1, "1\xa0octet"),
        (300, "300\xa0octets"),
        (1536, "1,5\xa0Ko"),
        (2048, "2\xa0Ko"),
        (15 * 1024, "15\xa0Ko"),
        (int(1.25 * 1024 * 1024), "1,2\xa0Mo"),
        (3 * 1024**3, "3\xa0Go"),
    ],
)
def test_file_sizes_are_written_the_french_way(size, text):
    assert french_file_size(size) == text


def test_a_missing_document_has_no_meta():
    assert document_meta(None) == ""


@pytest.mark.django_db
def test_a_page_whose_document_was_deleted_still_renders(client, home_page):
    document = wagtail_factories.DocumentFactory(
        title="Règlement", file=ContentFile(b"%PDF-1.4 test", name="document-supprime.pdf")
    )
    page = StandardPageFactory(
        parent=home_page,
        slug="avec-document",
        body=[("document", {"document": document, "label": "Le règlement"})],
    )
    html = client.get(page.url).content.decode()
    assert "Le règlement" in html and "(PDF, 13\xa0octets)" in html
    document.delete()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Le règlement" not in response.content.decode()
