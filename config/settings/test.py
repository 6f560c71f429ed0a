"""Test settings: fast hashing, local-memory cache, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="club-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The suite measures rendering (query counts, clock-dependent labels): the page cache is off,
# except in tests/serving/, which turns it on.
PAGE_CACHE_ENABLED = False

# Hardening (issue 13): axes throttles every login through a view in the tests too; only the
# test client's login(), which has no request, is let through (tests/axes_backend.py).
AUTHENTICATION_BACKENDS = [
    "tests.axes_backend.AxesBackendAllowingTestClientLogin",
    "django.contrib.auth.backends.ModelBackend",
]
