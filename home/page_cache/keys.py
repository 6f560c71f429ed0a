"""Cache keys of the page cache, and the generation that makes every key of the past unreachable.

The generation is a random token stored in the shared cache (Redis in production), so that a
change saved on one app server invalidates the pages of every app server at once. It is a random
token rather than a counter: if the store evicts or loses it, a new token is drawn and nothing
cached before can ever be served again (a counter restarting at 1 would revive old entries).
"""

import hashlib
import uuid

from django.core.cache import cache

GENERATION_KEY = "page-cache:generation"
ENTRY_PREFIX = "page-cache:entry"


def current_generation():
    """The current generation; draws one if the store has none (first start, eviction)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        token = uuid.uuid4().hex
        # add() keeps the token another app server may have drawn at the same instant.
        cache.add(GENERATION_KEY, token, timeout=None)
        generation = cache.get(GENERATION_KEY) or token
    return generation


def bump_generation():
    """Make every cached page unreachable (entries then expire on their own)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def entry_key(request, generation):
    """A bounded-length key for this request's URL (scheme, host, path and query string).

    GET and HEAD share the key: a HEAD answer is the GET answer without its body.
    """
    url = "\n".join(
        (
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
        )
    )
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    return f"{ENTRY_PREFIX}:{generation}:{digest}"
