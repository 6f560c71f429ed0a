"""The French editors' guide inside the admin, rendered from docs/guide-redaction.md."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from home.editorial.guide import GUIDE_PATH, render_markdown

pytestmark = pytest.mark.django_db

GUIDE_URL = "/admin/guide/"


def test_logged_in_editor_reads_the_guide_with_its_headings(editor_client):
    assert reverse("club_editors_guide") == GUIDE_URL
    response = editor_client.get(GUIDE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    source = re.findall(r"^## (.+)$", GUIDE_PATH.read_text(encoding="utf-8"), re.M)
    assert len(source) >= 10
    for heading in source:
        assert heading.replace("'", "&#x27;") in headings or heading in headings, heading
    assert "<table>" in html  # the roles table
    assert "Guide de rédaction" in html


def test_anonymous_visitor_is_sent_to_the_login_page():
    response = Client().get(GUIDE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_aide_menu_and_dashboard_lead_to_the_french_guide_not_wagtail_english_one(editor_client):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="editors-guide-section"' in html
    assert f'href="{GUIDE_URL}"' in html
    # The Aide menu (sidebar props, JSON) links to the guide and no longer to guide.wagtail.org.
    assert "guide.wagtail.org" not in html
    assert f"{GUIDE_URL}" in html.split('id="wagtail-sidebar-props"', 1)[1]


def test_raw_html_in_the_guide_is_shown_as_text():
    html = render_markdown(
        "## Titre\n\n<script>alert(1)</script>\n\nTexte <b onclick='x()'>gras</b> et **fort**."
    )
    assert "<script>" not in html
    assert "<b onclick" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>fort</strong>" in html
    assert '<h2 id="titre">Titre</h2>' in html


def guide_images():
    return re.findall(r"!\[[^\]]+\]\((captures/[a-z0-9-]+\.png)\)", GUIDE_PATH.read_text("utf-8"))


def test_guide_screenshots_exist_and_show_in_the_admin(editor_client):
    images = guide_images()
    assert len(images) >= 10
    html = editor_client.get(GUIDE_URL).content.decode()
    for image in images:
        assert (GUIDE_PATH.parent / image).is_file(), image
        assert f'src="{image}"' in html, image
        # The relative link resolves under /admin/guide/, where the admin serves the file.
        response = editor_client.get(GUIDE_URL + image)
        assert response.status_code == 200, image
        assert response["Content-Type"] == "image/png"
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_admin_policy_lets_the_guide_show_its_own_images(editor_client):
    policy = editor_client.get(GUIDE_URL)["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert "'self'" in img_src.split()


def test_guide_screenshots_are_for_logged_in_users_and_only_from_docs_captures(editor_client):
    image = guide_images()[0]
    response = Client().get(GUIDE_URL + image)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert editor_client.get(GUIDE_URL + "captures/inconnue.png").status_code == 404
    for outside in ("captures/..%2Fguide-redaction.png", "captures/../guide-redaction.md"):
        assert editor_client.get(GUIDE_URL + outside, follow=True).status_code == 404
