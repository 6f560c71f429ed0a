"""``/sante/``: what the load balancer asks; and the production stack's settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError

from home import health
from tests.serving.conftest import cache_status

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent


def test_health_says_ok_with_the_cache_state_and_is_never_cached(client):
    for _ in range(2):
        response = client.get("/sante/")
        assert response.status_code == 200
        assert cache_status(response) == "bypass"
    body = response.content.decode()
    assert "base de données : ok" in body
    assert "cache : ok" in body
    assert "no-cache" in response["Cache-Control"]


def test_health_is_503_when_the_database_does_not_answer(client, monkeypatch):
    def refused():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", refused)
    response = client.get("/sante/")
    assert response.status_code == 503
    assert "base de données : indisponible" in response.content.decode()


def test_the_ceiling_view_exists_only_for_the_load_test(client, settings):
    assert settings.LOADTEST_CEILING_VIEW is False
    assert client.get("/loadtest/ok/").status_code == 404


def production_value(expression, **env):
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="s" * 50,
        WAGTAILADMIN_BASE_URL="https://club-developpeurs.example",
        DATABASE_URL="sqlite:////tmp/h11-unused.sqlite3",
        **env,
    )
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_redis_never_turns_an_outage_into_500s():
    options = production_value(
        "settings.CACHES['default']['OPTIONS'], settings.PAGE_CACHE_ENABLED",
        REDIS_URL="redis://127.0.0.1:6379/11",
    )
    assert "'IGNORE_EXCEPTIONS': True" in options
    assert "'SOCKET_TIMEOUT': 0.5" in options
    assert options.endswith(" True")


def test_production_without_redis_serves_uncached_pages():
    """Local memory is per worker: one worker could not retire the pages of the others."""
    assert production_value("settings.PAGE_CACHE_ENABLED", REDIS_URL="") == "False"
    assert production_value("settings.DERIVED_CACHE_ENABLED", REDIS_URL="") == "False"
    assert (
        production_value("settings.DERIVED_CACHE_ENABLED", REDIS_URL="redis://127.0.0.1:6379/11")
        == "True"
    )


def test_production_middleware_starts_with_the_page_cache():
    first = production_value("settings.MIDDLEWARE[:2]")
    assert first == str(
        [
            "home.page_cache.middleware.PageCacheMiddleware",
            "django.middleware.http.ConditionalGetMiddleware",
        ]
    )
