"""The page cache middleware: first in ``MIDDLEWARE``, so that a hit runs no other middleware,
opens no session and sends no SQL query.

On a miss the response is built as usual, then stored under the current generation if
``policy.response_is_cacheable`` allows it. The key is computed before the view runs: a page
rendered while an editor publishes lands under the generation the publication retires, so it
can never be served after the change (see ``invalidation.py``).

When the shared cache is down the site serves every page uncached and logs a warning: a Redis
outage costs speed, never a 500.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag

from home.page_cache import headers, keys, policy

logger = logging.getLogger(__name__)

STATUS_HEADER = "X-Page-Cache"
# Hop-by-hop or per-answer headers never replayed from the cache.
NOT_STORED_HEADERS = frozenset({STATUS_HEADER.lower(), "set-cookie", "connection", "date"})


def _to_entry(response):
    return {
        "status": response.status_code,
        "content": response.content,
        "headers": [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in NOT_STORED_HEADERS
        ],
    }


def _from_entry(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not policy.request_is_cacheable(request):
            response = self.get_response(request)
            if policy.request_is_personal(request) or response.cookies:
                headers.make_private(response)
            response.headers.setdefault(STATUS_HEADER, "bypass")
            return response

        try:
            key = keys.entry_key(request, keys.current_generation())
            entry = cache.get(key)
        except Exception as error:  # any cache backend, any outage: serve uncached
            logger.warning("Page cache unavailable, serving uncached: %r", error)
            response = self.get_response(request)
            response[STATUS_HEADER] = "unavailable"
            return response

        if entry is not None:
            response = _from_entry(entry)
            response = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=headers.last_modified(response),
                response=response,
            )
            response[STATUS_HEADER] = "hit"
            return response

        response = self.get_response(request)
        if response.status_code == 304:
            headers.make_public(response)
        elif policy.response_is_cacheable(request, response):
            headers.make_public(response)
            if not response.has_header("ETag"):
                set_response_etag(response)
            try:
                cache.set(key, _to_entry(response), timeout=settings.PAGE_CACHE_SECONDS)
            except Exception as error:
                logger.warning("Page cache unavailable, page not stored: %r", error)
        else:
            headers.make_private(response)
        response[STATUS_HEADER] = "miss"
        return response
