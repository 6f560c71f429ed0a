"""Production: every secret and host comes from the environment.

See README.md ("Configuration") for the full list of variables.
"""

import os
from email.utils import getaddresses
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env(name, default=None, *, required=False):
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(
            f"The {name} environment variable is required in production; "
            "see README.md, section Configuration."
        )
    return value


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def refuse(name, problem):
    """Stop the start-up with a message naming the variable and what is wrong with it."""
    raise ImproperlyConfigured(
        f"The {name} environment variable {problem}; see README.md, section Configuration."
    )


def env_flag(name, default=False):
    value = env(name, "true" if default else "false").strip().lower()
    if value not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
        refuse(name, f"must be true or false, not {value!r}")
    return value in ("true", "1", "yes", "on")


DEBUG = False
SECRET_KEY = env("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- Hardening (issue 13): settings that refuse mistakes ----------------------------------------
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
    refuse(
        "SECRET_KEY",
        "must be a random value of at least 50 characters, without Django's 'django-insecure' "
        'prefix (python -c "import secrets; print(secrets.token_urlsafe(50))")',
    )
# The address in moderation e-mails: never a silent fallback to a developer's machine.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", required=True).rstrip("/")
if (
    urlsplit(WAGTAILADMIN_BASE_URL).scheme not in ("http", "https")
    or not urlsplit(WAGTAILADMIN_BASE_URL).hostname
):
    refuse("WAGTAILADMIN_BASE_URL", "must be the site's address, e.g. https://club-developpeurs.fr")

# Who receives Django's error e-mails (500s): ADMINS="Name <mail>, Other <mail>".
ADMINS = [(name, address) for name, address in getaddresses([env("ADMINS", "")]) if address]
if any("@" not in address for _, address in ADMINS):
    refuse("ADMINS", 'must be comma-separated addresses, e.g. "Camille <camille@example.fr>"')

# The client address is read from the reverse proxy on this machine (home/security/client_ip.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")

# Optional error reports to Sentry (or a compatible service such as GlitchTip), without
# personal data: no user, no IP address, no cookies, no request bodies.
SENTRY_DSN = env("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=env("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=0,
    )
# --- end of hardening block ----------------------------------------------------------------------

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # Redis down: every cache call misses quickly and is logged, the site serves
                # uncached pages instead of 500s (Wagtail's own cache calls included).
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
            "KEY_PREFIX": "club",
        }
    }
else:
    # Local memory is per process: a change saved through one gunicorn worker could not retire
    # the pages cached by the others. Without Redis, pages are served uncached, and the data they
    # derive from the content is computed on every request.
    PAGE_CACHE_ENABLED = False
    DERIVED_CACHE_ENABLED = False

# Static files: hashed names (served with a long "immutable" Cache-Control by WhiteNoise) and a
# gzip and a Brotli copy of each text file, made by collectstatic (Brotli needs the `Brotli`
# package, pinned in requirements.txt). Where collectstatic writes, and where local media live,
# can be moved out of the code folder.
STATIC_ROOT = env("STATIC_ROOT", STATIC_ROOT)  # noqa: F405
MEDIA_ROOT = env("MEDIA_ROOT", MEDIA_ROOT)  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Media on S3-compatible storage (Scaleway, OVHcloud, MinIO, AWS...).
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    # The public pages show images from the bucket: the Content-Security-Policy allows its host.
    if env("AWS_S3_CUSTOM_DOMAIN"):
        CSP_MEDIA_SOURCES = [f"https://{env('AWS_S3_CUSTOM_DOMAIN')}"]
    elif env("AWS_S3_ENDPOINT_URL"):
        endpoint = urlsplit(env("AWS_S3_ENDPOINT_URL"))
        CSP_MEDIA_SOURCES = [
            f"{endpoint.scheme}://{endpoint.netloc}",
            f"{endpoint.scheme}://{env('AWS_STORAGE_BUCKET_NAME')}.{endpoint.netloc}",
        ]
    else:
        CSP_MEDIA_SOURCES = [f"https://{env('AWS_STORAGE_BUCKET_NAME')}.s3.amazonaws.com"]
        if env("AWS_S3_REGION_NAME"):
            CSP_MEDIA_SOURCES.append(
                f"https://{env('AWS_STORAGE_BUCKET_NAME')}.s3.{env('AWS_S3_REGION_NAME')}"
                ".amazonaws.com"
            )

DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "true").lower() == "true"

# HTTPS everywhere.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
# Opt-in (issue 13): subdomains may not all be on HTTPS, and preloading is hard to undo.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD")
# check --deploy warns when they are off; here that is the operator's deliberate choice.
SILENCED_SYSTEM_CHECKS = [
    *(["security.W005"] if not SECURE_HSTS_INCLUDE_SUBDOMAINS else []),
    *(["security.W021"] if not SECURE_HSTS_PRELOAD else []),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING["root"]["level"] = env("LOG_LEVEL", "INFO")  # noqa: F405
