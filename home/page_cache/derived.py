"""Site-wide data derived from the content (menu, footer, breadcrumbs, counts), kept in the shared
cache under the page cache's generation.

Every page a visitor sees repeats the same lookups: the site, the menu, the footer and its
settings, the index pages, the theme counts. They change only when content changes, and every
such change retires the generation (``invalidation.py``) on every app server at once: a value
stored under the current generation is never stale, whichever server reads it. Values also
expire after ``PAGE_CACHE_SECONDS``, as cached pages do, which bounds how late a visibility that
follows the clock (a page's go-live or expiry date) can show.

Only what is the same for every visitor belongs here (what a visitor may see, never a user's own
data). When the shared cache is down, the value is computed as if there were no cache; so it
is when ``DERIVED_CACHE_ENABLED`` is off (production without Redis: a cache in each process's
memory could not be retired by a change saved through another process).
"""

import logging

from django.conf import settings
from django.core.cache import cache

from home.page_cache import keys

logger = logging.getLogger(__name__)

PREFIX = "derived"
_MISSING = object()


def _generation(request):
    """The generation, read once per request (every derived value of a page shares it)."""
    if request is None:
        return keys.current_generation()
    memo = request.__dict__
    if "_page_cache_generation" not in memo:
        memo["_page_cache_generation"] = keys.current_generation()
    return memo["_page_cache_generation"]


def derived(request, name, build, *parts):
    """``build()``, computed once per generation for ``name`` and ``parts`` (strings or numbers
    that tell values apart: a site, a page, a theme) and shared by every app server."""
    if not settings.DERIVED_CACHE_ENABLED:
        return build()
    try:
        key = ":".join([PREFIX, _generation(request), name, *(str(part) for part in parts)])
        value = cache.get(key, _MISSING)
    except Exception as error:  # any backend, any outage: compute it
        logger.warning("Shared cache unavailable, %s computed: %r", name, error)
        return build()
    if value is _MISSING:
        value = build()
        try:
            cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
        except Exception as error:
            logger.warning("Shared cache unavailable, %s not stored: %r", name, error)
    return value


def derived_many(request, name, ids, build, *parts):
    """``{id: value}`` for each of ``ids`` (one value per page of a feed, say): the values kept
    under the current generation, and ``build(missing ids)`` (a dict) for the others, in one
    round trip to the cache each way. An id that ``build`` leaves out is left out."""
    if not settings.DERIVED_CACHE_ENABLED:
        return build(list(ids))
    try:
        prefix = ":".join([PREFIX, _generation(request), name, *(str(part) for part in parts)])
        keys = {item: f"{prefix}:{item}" for item in ids}
        found = cache.get_many(list(keys.values()))
    except Exception as error:
        logger.warning("Shared cache unavailable, %s computed: %r", name, error)
        return build(list(ids))
    values = {item: found[key] for item, key in keys.items() if key in found}
    missing = [item for item in ids if item not in values]
    if missing:
        built = build(missing)
        values.update(built)
        try:
            cache.set_many(
                {keys[item]: value for item, value in built.items()},
                timeout=settings.PAGE_CACHE_SECONDS,
            )
        except Exception as error:
            logger.warning("Shared cache unavailable, %s not stored: %r", name, error)
    return values
