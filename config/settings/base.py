"""Settings shared by every environment.

The project package is called ``config`` rather than ``site``: Python imports its own ``site``
module at start-up, so a package named ``site`` could never be imported.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "home",
    "news",
    "resources",
    "alerts",
    "support",
    "wagtail.contrib.frontend_cache",
    "agenda",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's admin says when a review step started with humanize's naturaltime ("il y a 2
    # secondes"): its French needs the app installed, or it shows "2 seconds ago".
    "django.contrib.humanize",
    # Hardening (issue 13): login throttling.
    "axes",
]

MIDDLEWARE = [
    # First: a cached page is served before sessions, locale, auth and Wagtail run (no SQL).
    "home.page_cache.middleware.PageCacheMiddleware",
    # ETag and 304 on every page rendered by Django (the page cache answers 304 on its hits).
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "home.security.sessions.SlidingSessionMiddleware",  # issue 13
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The request's Wagtail site and root page from the shared cache (home/page_cache/sites.py).
    "home.page_cache.sites.CachedSiteMiddleware",
    # Hardening (issue 13): security headers, then login throttling (axes last, as it asks).
    "home.security.csp.SitePolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Every settings module honours DATABASE_URL, so the same suite runs on SQLite and PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# SQLite as a real embedded database (issue 13): two editors saving at once must wait for each
# other, never get "database is locked". WAL lets readers go on while one writer writes; a
# writer waits up to 20 s for the lock (busy timeout); IMMEDIATE transactions take the write lock
# when they start, so that a transaction that read first never fails when it comes to write
# (SQLite cannot wait on a lock upgrade). https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-notes
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        **DATABASES["default"].get("OPTIONS", {}),
    }
# PostgreSQL's JIT compiles any query it estimates as costly; with tens of thousands of pages the
# site's aggregates (theme counts, search candidates) cross that threshold and spend up to a
# second compiling for a few milliseconds of work (EXPLAIN ANALYZE, issue 12). A web site's short
# queries never gain from it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = {
        "options": "-c jit=off",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "club-des-developpeurs",
        # A bounded store: past this, the oldest third is dropped (Redis: maxmemory + LRU).
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}

# Page cache for anonymous visitors (home/page_cache/). Any visible change retires every entry at
# once (home/page_cache/invalidation.py); entries also expire after PAGE_CACHE_SECONDS, which
# bounds how late a label that follows the clock ("à venir", "ouvert") can be.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "true").lower() == "true"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
# Site-wide data derived from the content (site, routes, menu, footer, theme counts, feed
# entries: home/page_cache/derived.py), kept in the same cache under the same generation.
DERIVED_CACHE_ENABLED = True
# Browsers keep a page 30 s, a proxy or CDN (purged on every change) one minute.
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "30"))
PAGE_CACHE_S_MAXAGE = int(os.environ.get("PAGE_CACHE_S_MAXAGE", "60"))
# Served with permission checks, personal, or not pages: never cached.
PAGE_CACHE_EXCLUDED_PATHS = [
    "/admin/",
    "/documents/",
    "/django-admin/",
    "/sante/",
    "/loadtest/",
    "/static/",
    "/media/",
]
# Longer query strings are served uncached: they cannot fill the cache with huge keys.
PAGE_CACHE_MAX_QUERY_LENGTH = 512
PAGE_CACHE_MAX_RESPONSE_BYTES = 2 * 1024 * 1024
PAGE_CACHE_MESSAGES_COOKIE_NAME = "messages"
# Only the load test turns this on: a header then asks for an uncached render.
PAGE_CACHE_ALLOW_BYPASS_HEADER = (
    os.environ.get("PAGE_CACHE_ALLOW_BYPASS_HEADER", "false").lower() == "true"
)
# A save or delete of any model of these apps retires every cached page.
PAGE_CACHE_WATCHED_APPS = [
    "home",
    "news",
    "resources",
    "agenda",
    "taggit",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
]
# Rows of these apps that no visitor ever sees.
PAGE_CACHE_IGNORED_MODELS = [
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailcore.uploadedfile",
]
# Media from the app servers' disk when there is no S3 bucket (production behind the proxy).
SERVE_MEDIA_FILES = os.environ.get("SERVE_MEDIA_FILES", "false").lower() == "true"
# The load test's bare "ok" view at /loadtest/ok/ (deploy/loadtest.sh), off everywhere else.
LOADTEST_CEILING_VIEW = os.environ.get("LOADTEST_CEILING_VIEW", "false").lower() == "true"

# Front-end cache (reverse proxy or CDN) purged on every change: home/page_cache/frontend.py.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "home.page_cache.frontend.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "home.page_cache.frontend.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        **(
            {"BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"]}
            if os.environ.get("CLOUDFLARE_BEARER_TOKEN")
            else {
                "EMAIL": os.environ.get("CLOUDFLARE_EMAIL"),
                "API_KEY": os.environ.get("CLOUDFLARE_API_KEY"),
            }
        ),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "home.page_cache.frontend.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A French public body: the site and the admin speak French, dates are Paris time.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
# Our French for Wagtail's admin where its own is wrong, English or "un(e)": these catalogs come
# before the apps' ones. locale/*/LC_MESSAGES/django.po is compiled at install (`make install`,
# pybabel compile); the .mo files are not in git.
LOCALE_PATHS = [BASE_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
# Where `manage.py backup` writes its archives (see README, "Sauvegardes / Backups").
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR") or BASE_DIR / "backups")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1,000 fields per form in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Club des Développeurs de Nouvelle-Aquitaine"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# Wagtail's database backend picks PostgreSQL full-text search, SQLite FTS5 or a plain fallback
# after the database. On PostgreSQL it indexes and queries with the 'french' text search
# configuration, so that "webinaires" finds "webinaire"; the other engines have no such option.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        **(
            {"SEARCH_CONFIG": "french"}
            if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
            else {}
        ),
    }
}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024  # 10 Mo
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Every image needs a text alternative: its description is required (home/editorial/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.editorial.forms.ImageForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024  # 20 Mo
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "xlsx", "zip"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The file of a document a live page links to is replaced only by a moderator (issue 13).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.editorial.forms.DocumentForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatar from gravatar.com: the admin calls no third-party host and leaks no e-mail hash.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# Themes (tags): one vocabulary, case-insensitive, ASCII slugs; "#" typed by editors is dropped.
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
TAGGIT_TAGS_FROM_STRING = "home.themes.parse_themes"

# The "tagging entity" of feed item ids (tag: URIs, RFC 4151). Never change it once feeds are
# public: every subscriber would see every item again as new.
FEED_TAG_AUTHORITY = os.environ.get("FEED_TAG_AUTHORITY", "club-developpeurs-nouvelle-aquitaine.fr")

DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Club des Développeurs <no-reply@club-developpeurs.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A form never waits long for a silent SMTP server: its e-mails stay in the outbox (alerts/outbox.py).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# Anti-spam of the public forms (home/antispam.py): seconds before a form may be sent, and how many
# reverse proxies append to X-Forwarded-For in front of the app servers (0: use REMOTE_ADDR).
ANTISPAM_MIN_SECONDS = int(os.environ.get("ANTISPAM_MIN_SECONDS", "3"))
ANTISPAM_TRUSTED_PROXIES = int(os.environ.get("ANTISPAM_TRUSTED_PROXIES", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}


# --- Hardening (issue 13) ------------------------------------------------------------------------
# Kept in one block so that other changes to the settings merge around it.

# Client address: the proxies whose X-Forwarded-For is believed (home/security/client_ip.py).
# Empty here: the address is the peer's. Production trusts the proxy on the loopback.
TRUSTED_PROXIES = [
    ip.strip() for ip in os.environ.get("TRUSTED_PROXIES", "").split(",") if ip.strip()
]

# Login throttling with django-axes (https://django-axes.readthedocs.io/): after 5 failures for one
# username from one client address, that pair is refused for 15 minutes; nobody can lock an
# editor out from elsewhere. Attempts are kept in the database, shared by every app server.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "home.security.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "home.security.views.admin_locked_out"
AXES_VERBOSE = False
# Only failures are kept (and deleted after the cool-off or a success): no log of every login.
AXES_DISABLE_ACCESS_LOG = True

# Admin sessions end after 8 hours without activity (Django's default is two weeks); a logged-in
# editor's activity slides the expiry, refreshed at most every 5 minutes
# (home/security/sessions.py). Visitors have no session: nothing is saved for them.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_REFRESH_INTERVAL = 5 * 60

# The two other password forms, throttled on the shared cache (home/security/throttle.py):
# (attempts, seconds) per client address and per target.
PAGE_PASSWORD_THROTTLE = (10, 15 * 60)  # per protected page and client address
PASSWORD_RESET_THROTTLE = (5, 60 * 60)  # per client address, and per e-mail address

# Content-Security-Policy (django-csp 4, https://django-csp.readthedocs.io/): the public site
# runs no inline script or style and loads nothing from another host. The admin's policy adds
# what Wagtail's admin needs (home/security/csp.py). Media and replay hosts are added there
# from CSP_MEDIA_SOURCES and NEWS_EMBED_REPLAYS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
#: What Wagtail's admin needs beyond the public policy: inline scripts (inline panels, date
#: widgets) and inline styles, image previews from blob: URLs, its own preview frames.
ADMIN_CONTENT_SECURITY_POLICY_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
#: Origins that serve media (S3 bucket, custom domain); production fills it.
CSP_MEDIA_SOURCES = []
#: Where embedded replay players come from, when NEWS_EMBED_REPLAYS is on (news/replay.py).
REPLAY_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
]

# Permissions-Policy (django-permissions-policy): the site uses none of these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
