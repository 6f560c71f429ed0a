"""What the page cache may serve and store: the rules in one place.

The cache runs before the session and auth middleware, so "logged in" is read from the cookies a
login leaves (the session cookie); a visitor without one sees exactly what every other anonymous
visitor sees. Responses are stored only when nothing in them belongs to one visitor.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.cache import cc_delim_re

CACHEABLE_METHODS = frozenset({"GET", "HEAD"})
# 404 is cached too: crawlers and scanners ask for missing pages, they must not cost a render.
CACHEABLE_STATUSES = frozenset({200, 301, 404})
PERSONAL_CACHE_CONTROL = frozenset({"private", "no-store", "no-cache"})


def bypass_requested(request):
    """The load test's header asking for a cold render; honoured only when a setting allows it."""
    return settings.PAGE_CACHE_ALLOW_BYPASS_HEADER and "HTTP_X_PAGE_CACHE_BYPASS" in request.META


def request_is_personal(request):
    """A logged-in user (Wagtail's user bar), a visitor with a session (a page password typed
    in), a pending message, or credentials: this visitor may see something the others do not."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or settings.PAGE_CACHE_MESSAGES_COOKIE_NAME in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def request_is_cacheable(request):
    if not settings.PAGE_CACHE_ENABLED or request.method not in CACHEABLE_METHODS:
        return False
    if request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)):
        return False
    if len(request.META.get("QUERY_STRING", "")) > settings.PAGE_CACHE_MAX_QUERY_LENGTH:
        return False
    if request_is_personal(request) or bypass_requested(request):
        return False
    try:
        request.get_host()
    except DisallowedHost:
        return False  # Django answers 400 further down; nothing to cache.
    return True


def cache_control_directives(response):
    value = response.get("Cache-Control", "")
    return {part.split("=", 1)[0].strip().lower() for part in cc_delim_re.split(value) if part}


def response_is_cacheable(request, response):
    """A complete, public answer that sets no cookie (a CSRF token sets one, so do sessions)."""
    return (
        response.status_code in CACHEABLE_STATUSES
        and not response.streaming
        and not response.cookies
        and not getattr(request, "is_preview", False)
        and not (cache_control_directives(response) & PERSONAL_CACHE_CONTROL)
        and len(response.content) <= settings.PAGE_CACHE_MAX_RESPONSE_BYTES
    )
