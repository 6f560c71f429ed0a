"""The reverse proxy or CDN is purged on every change, and a purge that fails never blocks an
editor: Wagtail's ``frontend_cache`` with our backends (``home/page_cache/frontend.py``)."""

import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import reverse

from home.page_cache import frontend
from tests.browser.site_data import ensure_wagtail_roots
from tests.editorial.helpers import article_form_data, edit_url
from tests.factories import ArticlePageFactory, ImageFactory

# Real transactions: the site-wide purge runs when the editor's change commits.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def wagtail_roots():
    """A flushed database (previous transactional test) lacks the root page and locale."""
    ensure_wagtail_roots()


def closed_port():
    """A loopback port nothing listens on (the system's free port, released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def purge_server(settings):
    """A stand-in for Varnish that records the PURGE requests it receives, on a free port (tests
    run in parallel), configured as the site's front-end cache."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            received.append((self.path, self.headers["Host"]))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    proxy(settings, server.server_address[1])
    yield received
    server.shutdown()
    server.server_close()


def proxy(settings, port):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "home.page_cache.frontend.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }


def test_publishing_purges_the_page_and_the_whole_site(
    admin_client, news_index, settings, purge_server
):
    page = ArticlePageFactory(parent=news_index, title="Avant")
    response = admin_client.post(
        edit_url(page), article_form_data("Après", action="action-publish", slug=page.slug)
    )
    assert response.status_code == 302
    assert (page.url, "localhost") in purge_server  # Wagtail's own purge of the page
    assert ("/", "localhost") in purge_server  # ours: the listings, feeds, home page...


def test_editing_an_image_purges_the_site(admin_client, home_page, settings, purge_server):
    ImageFactory()
    assert set(purge_server) == {("/", "localhost")}


def test_a_failing_purge_is_logged_and_never_blocks_publishing(
    admin_client, client, news_index, settings, caplog
):
    page = ArticlePageFactory(parent=news_index, title="Avant")
    proxy(settings, closed_port())
    with caplog.at_level(logging.ERROR):
        response = admin_client.post(
            edit_url(page),
            article_form_data("Publié malgré tout", action="action-publish", slug=page.slug),
        )
    assert response.status_code == 302
    assert "Publié malgré tout" in client.get(page.url).content.decode()
    assert "Couldn't purge" in caplog.text


def test_a_backend_that_raises_is_logged(home_page, settings, caplog, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "home.page_cache.frontend.CloudflareBackend",
            "ZONEID": "zone",
            "BEARER_TOKEN": "token",
        }
    }
    calls = []

    def refused(url, **kwargs):
        calls.append((url, kwargs["json"]))
        raise ConnectionError("refused")

    monkeypatch.setattr(frontend.requests, "post", refused)
    with caplog.at_level(logging.ERROR):
        frontend.purge_site()
    assert calls == [
        ("https://api.cloudflare.com/client/v4/zones/zone/purge_cache", {"purge_everything": True})
    ]
    assert "Couldn't purge http://localhost" in caplog.text


def test_frontend_cache_is_configured_from_the_environment(monkeypatch):
    import importlib

    from config.settings import base

    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", "http://127.0.0.1:6081")
    monkeypatch.setenv("CLOUDFRONT_DISTRIBUTION_ID", "E123")
    reloaded = importlib.reload(base)
    try:
        assert reloaded.WAGTAILFRONTENDCACHE["proxy"]["LOCATION"] == "http://127.0.0.1:6081"
        assert reloaded.WAGTAILFRONTENDCACHE["cloudfront"]["DISTRIBUTION_ID"] == "E123"
    finally:
        monkeypatch.delenv("FRONTEND_CACHE_PURGE_URL")
        monkeypatch.delenv("CLOUDFRONT_DISTRIBUTION_ID")
        importlib.reload(base)


def test_unpublishing_purges_too(admin_client, news_index, settings, purge_server):
    page = ArticlePageFactory(parent=news_index)
    admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert ("/", "localhost") in purge_server
