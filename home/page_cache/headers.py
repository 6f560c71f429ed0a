"""Headers for browsers, proxies and CDNs on the pages the cache serves, and on those it does not.

Public pages get a short ``max-age`` (a browser asks again soon) and a longer ``s-maxage`` for
a proxy or CDN that Wagtail purges on every change (``frontend.py``); views that set their own
lifetime (the feeds) keep it. ``Vary: Cookie`` tells shared caches that a visitor with a session
gets another page; ``Accept-Language`` is dropped from ``Vary`` while the site has one language,
otherwise every browser language would split the proxy's cache for nothing.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe

from home.page_cache.policy import cache_control_directives


def make_public(response):
    directives = cache_control_directives(response)
    if "max-age" not in directives:
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
    if "s-maxage" not in directives:
        patch_cache_control(response, public=True, s_maxage=settings.PAGE_CACHE_S_MAXAGE)
    patch_vary_headers(response, ("Cookie",))
    if len(settings.LANGUAGES) == 1 and response.has_header("Vary"):
        kept = [
            v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "accept-language"
        ]
        response["Vary"] = ", ".join(kept)


def make_private(response):
    """A page for one visitor (user bar, session): no shared cache may keep it."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)


def last_modified(response):
    value = response.get("Last-Modified")
    return parse_http_date_safe(value) if value else None
