"""Security headers: a strict Content-Security-Policy on the public site, a workable one in the
admin, a Permissions-Policy, and HEAD answered wherever GET is."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


def test_public_pages_have_the_strict_policy(client, home_page):
    csp = directives(client.get("/"))
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval'
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["frame-src"] == ["'none'"]
    assert csp["img-src"] == ["'self'", "data:"]


@pytest.mark.parametrize("path", ["/recherche/?q=club", "/robots.txt", "/sitemap.xml"])
def test_non_page_views_have_it_too(client, home_page, path):
    assert "frame-ancestors 'none'" in client.get(path)["Content-Security-Policy"]


def test_the_admin_policy_allows_what_wagtail_needs_and_no_more(client):
    csp = directives(client.get("/admin/login/"))
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["img-src"] == ["'self'", "data:", "blob:"]
    assert csp["frame-ancestors"] == ["'self'"]  # its own preview panel
    assert csp["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in " ".join(sum(csp.values(), []))


def test_the_media_host_is_allowed_for_images(client, home_page, settings):
    settings.CSP_MEDIA_SOURCES = ["https://medias.club.example.org"]
    csp = directives(client.get("/"))
    assert csp["img-src"] == ["'self'", "data:", "https://medias.club.example.org"]
    assert "https://medias.club.example.org" in directives(client.get("/admin/login/"))["img-src"]


def test_replay_players_may_be_framed_only_when_embeds_are_on(client, home_page, settings):
    assert directives(client.get("/"))["frame-src"] == ["'none'"]
    settings.NEWS_EMBED_REPLAYS = True
    frame_src = directives(client.get("/"))["frame-src"]
    assert "https://www.youtube-nocookie.com" in frame_src and "'none'" not in frame_src


def test_documents_keep_wagtails_own_policy(client, home_page):
    document = DocumentFactory(file=ContentFile(b"%PDF-1.4 test", name="politique-de-securite.pdf"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_permissions_policy_denies_unused_features(client, home_page):
    policy = client.get("/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


@pytest.mark.parametrize(
    "path", ["/recherche/", "/recherche/?q=club", "/robots.txt", "/sitemap.xml"]
)
def test_head_is_answered_like_get(client, home_page, path):
    response = client.head(path)
    assert response.status_code == 200
    assert response.content == b""
    assert client.post(path).status_code == 405


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=|javascript:", re.I)


def project_templates():
    for folder in ("templates", "home", "news", "resources"):
        yield from (ROOT / folder).rglob("*.html")


def test_no_template_has_inline_script_or_style():
    offenders = [
        str(path.relative_to(ROOT))
        for path in project_templates()
        if INLINE_SCRIPT.search(path.read_text()) or INLINE_STYLE.search(path.read_text())
    ]
    assert offenders == []


def test_the_template_check_finds_inline_code():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/menu.js" defer></script>')
    assert not INLINE_SCRIPT.search('<script type="application/ld+json">{}</script>')
    assert INLINE_STYLE.search('<p style="color: red">')
    assert INLINE_STYLE.search('<a onclick="go()">')
