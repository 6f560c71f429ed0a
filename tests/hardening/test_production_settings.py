"""Production settings refuse the operator's mistakes at start-up, naming the variable."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
GOOD_KEY = "pQ7" + "x" * 47 + "-random-enough"
PLAUSIBLE = {
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "club.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://club.example.org",
    "WAGTAILADMIN_BASE_URL": "https://club.example.org",
    "DATABASE_URL": "sqlite:////tmp/h13-unused.sqlite3",
}
# What the test process has and a real deployment does not, or what the cases set themselves.
EXCLUDED = {
    "SECRET_KEY",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "ADMINS",
    "SENTRY_DSN",
    "SECURE_HSTS_PRELOAD",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "WAGTAILADMIN_BASE_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_S3_ENDPOINT_URL",
    "TRUSTED_PROXIES",
}
READ_SETTINGS = """
import json, logging, django
django.setup()
from django.conf import settings as s
import sentry_sdk
client = sentry_sdk.get_client()
print(json.dumps({
    "base_url": s.WAGTAILADMIN_BASE_URL,
    "admins": s.ADMINS,
    "hsts": [s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD],
    "session": [s.SESSION_COOKIE_AGE, s.SESSION_REFRESH_INTERVAL],
    "error_mail": any(type(h).__name__ == "AdminEmailHandler"
                      for h in logging.getLogger("django").handlers),
    "sentry": client.is_active(),
    "sentry_pii": client.options.get("send_default_pii"),
    "media_sources": s.CSP_MEDIA_SOURCES,
    "trusted_proxies": s.TRUSTED_PROXIES,
    "axes": "axes" in s.INSTALLED_APPS and "axes.middleware.AxesMiddleware" in s.MIDDLEWARE,
}))
"""


def run(code, **env):
    environment = {k: v for k, v in os.environ.items() if k not in EXCLUDED}
    environment.update(PLAUSIBLE)
    environment.update(env, DJANGO_SETTINGS_MODULE="config.settings.production")
    for name, value in env.items():
        if value is None:
            environment.pop(name)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def read_settings(**env):
    result = run(READ_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def refusal(**env):
    result = run("import django; django.setup()", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    return result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    "key",
    ["x", "short-but-not-empty-key", "django-insecure-" + "a" * 60, "a" * 49],
    ids=["one character", "short", "insecure prefix", "49 characters"],
)
def test_a_weak_secret_key_is_refused(key):
    message = refusal(SECRET_KEY=key)
    assert "The SECRET_KEY environment variable must be a random value of at least 50" in message


def test_the_admin_base_url_is_required():
    message = refusal(WAGTAILADMIN_BASE_URL=None)
    assert "The WAGTAILADMIN_BASE_URL environment variable is required in production" in message
    message = refusal(WAGTAILADMIN_BASE_URL="club.example.org")
    assert "The WAGTAILADMIN_BASE_URL environment variable must be the site's address" in message


def test_admins_must_be_addresses():
    message = refusal(ADMINS="Camille, Dominique")
    assert "The ADMINS environment variable must be comma-separated addresses" in message


def test_hsts_flags_must_be_true_or_false():
    message = refusal(SECURE_HSTS_PRELOAD="peut-etre")
    assert "The SECURE_HSTS_PRELOAD environment variable must be true or false" in message


def test_plausible_environment_gives_safe_defaults():
    values = read_settings()
    assert values["base_url"] == "https://club.example.org"
    assert values["hsts"] == [31536000, False, False]  # preload and subdomains are opt-in
    assert values["session"] == [8 * 3600, 300]  # eight hours, sliding
    assert values["admins"] == []
    assert values["error_mail"] is True  # Django's handler, sending to ADMINS when set
    assert values["sentry"] is False
    assert values["trusted_proxies"] == ["127.0.0.1", "::1"]
    assert values["axes"] is True


def test_operator_choices_are_read():
    values = read_settings(
        ADMINS="Camille Martin <camille@club.example.org>, dsi@club.example.org",
        SECURE_HSTS_PRELOAD="true",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
        SENTRY_DSN="https://public@errors.example.invalid/1",
        AWS_STORAGE_BUCKET_NAME="club-media",
        AWS_S3_CUSTOM_DOMAIN="medias.club.example.org",
        WAGTAILADMIN_BASE_URL="https://club.example.org/",
    )
    assert values["admins"] == [
        ["Camille Martin", "camille@club.example.org"],
        ["", "dsi@club.example.org"],
    ]
    assert values["hsts"][1:] == [True, True]
    assert values["sentry"] is True and values["sentry_pii"] is False
    assert values["media_sources"] == ["https://medias.club.example.org"]
    assert values["base_url"] == "https://club.example.org"


def test_deploy_check_passes_with_hsts_preload_left_off(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k not in EXCLUDED}
    environment.update(PLAUSIBLE, DJANGO_SETTINGS_MODULE="config.settings.production")
    environment["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
