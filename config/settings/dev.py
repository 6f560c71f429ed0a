"""Local development: DEBUG, SQLite file in the repository folder, e-mail to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
# Only ever used on a developer's machine; production.py requires its own.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-club-des-developpeurs")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# Templates and code change under a developer's hands without any signal: no page cache unless
# asked for (`make prod-local` shows production behaviour).
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "false").lower() == "true"
