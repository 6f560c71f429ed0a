import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Set for the browser tests (tests/conftest.py); a real deployment never has it.
EXCLUDED = {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def clean_environment():
    return {k: v for k, v in os.environ.items() if k not in EXCLUDED}


def run_check(**env):
    environment = clean_environment()
    environment.update(env, DJANGO_SETTINGS_MODULE="config.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_without_secret_key_names_the_variable():
    result = run_check(ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY environment variable is required" in result.stderr


def test_production_deploy_check_passes_with_plausible_environment(tmp_path):
    environment = clean_environment()
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x" * 20 + "a-long-and-random-enough-secret-key-for-the-check",
        ALLOWED_HOSTS="club.example.org",
        CSRF_TRUSTED_ORIGINS="https://club.example.org",
        WAGTAILADMIN_BASE_URL="https://club.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:6379/1",
        AWS_STORAGE_BUCKET_NAME="club-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_production_settings_read_the_environment(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.CACHES['default']['BACKEND']);"
        "print(s.STORAGES['default']['BACKEND']);"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    environment = clean_environment()
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="k" * 50,
        WAGTAILADMIN_BASE_URL="https://club.example.org",
        DATABASE_URL="postgres://club:pw@db.example.org:5432/club",
        REDIS_URL="redis://127.0.0.1:6379/1",
        AWS_STORAGE_BUCKET_NAME="club-media",
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:4] == [
        "django_redis.cache.RedisCache",
        "storages.backends.s3.S3Storage",
        "django.db.backends.postgresql",
        "True True True",
    ]
