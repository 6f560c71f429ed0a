"""Every change a visitor can see retires the page cache's generation, on every app server.

Receivers are connected to all models and filtered cheaply by app label
(``settings.PAGE_CACHE_WATCHED_APPS``): pages, snippets (themes, organisations, speakers,
audiences), site settings and navigation, images, documents, tags and redirects, whichever app
defines them. The site-wide app never names a model of the content apps.

Wagtail's own signals cover what saves no model row: a move or a reorder (treebeard updates
paths in SQL), a publication (scheduled, reverted, copied), an unpublication (expiry).

The generation is bumped at once (this app server sees the change on its next request) and
again when the transaction commits: a page rendered by another request between the first bump
and the commit read the old rows, and the second bump retires it. Front-end caches are purged
once per transaction, after the commit, so they never fetch the old content back.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from home.page_cache import frontend, keys

logger = logging.getLogger(__name__)

WAGTAIL_SIGNALS = (
    page_published,
    page_unpublished,
    post_page_move,
    page_slug_changed,
    published,
    unpublished,
)
# Renditions are created while a page renders: that changes nothing a visitor sees, and
# retiring the cache from inside a render would make every first visit flush it. Deleting a
# rendition (its image changed) still counts.
IGNORED_ON_SAVE = frozenset({"wagtailimages.rendition"})


def is_watched(model, *, saved):
    meta = model._meta
    if meta.app_label not in settings.PAGE_CACHE_WATCHED_APPS:
        return False
    if meta.label_lower in settings.PAGE_CACHE_IGNORED_MODELS:
        return False
    return not (saved and meta.label_lower in IGNORED_ON_SAVE)


def _bump():
    try:
        keys.bump_generation()
    except Exception as error:
        # The cache is down: nothing is served from it either (see the middleware).
        logger.warning("Page cache unavailable, generation not bumped: %r", error)


def after_commit():
    _bump()
    frontend.purge_site()


def invalidate():
    """Retire every cached page now and once the current transaction commits."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        after_commit()
        return
    _bump()
    if not any(func is after_commit for _, func, _ in connection.run_on_commit):
        transaction.on_commit(after_commit, robust=True)


def on_save(sender, **kwargs):
    if is_watched(sender, saved=True):
        invalidate()


def on_delete(sender, **kwargs):
    if is_watched(sender, saved=False):
        invalidate()


def on_m2m_change(sender, action, **kwargs):
    if action.startswith("post_") and is_watched(sender, saved=True):
        invalidate()


def on_wagtail_signal(sender, **kwargs):
    invalidate()


def connect():
    post_save.connect(on_save, dispatch_uid="page-cache-save")
    post_delete.connect(on_delete, dispatch_uid="page-cache-delete")
    m2m_changed.connect(on_m2m_change, dispatch_uid="page-cache-m2m")
    for signal in WAGTAIL_SIGNALS:
        signal.connect(on_wagtail_signal, dispatch_uid=f"page-cache-{id(signal)}")
