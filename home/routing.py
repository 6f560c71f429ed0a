"""Routing a URL to its page in one query, from the site's root page.

Wagtail's default routing (``Page.route``) walks the path one level at a time: one query for the
child with the next slug, one more for its specific page, at every level. The root page of the site
(``HomePage``) does it at once: the pages whose ``url_path`` is a prefix of the requested path are
fetched together, and the deepest one routes the rest. The result is the same as Wagtail's: a
routable page on the way (the news index, whose routes serve the theme pages and feeds) still answers
first for the paths its routes match, as ``RoutablePageMixin.route`` does, and the last page found
applies Wagtail's own rules (live or 404, its own routes, its children).

The chain found for a path, and the specific form of a routable page on it (an index page, whose
routes answer many URLs), are kept in the derived cache (``home.page_cache.derived``): they change
only with the content. The page served is still fetched, specific, on every request.
https://docs.wagtail.org/en/stable/reference/pages/model_reference.html#wagtail.models.Page.route
"""

import hashlib

from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from home.page_cache.derived import derived


def pages_on_path(root, path_components):
    """The pages from ``root``'s child down to the deepest page of the path, in one query."""
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in path_components[:length])
        for length in range(1, len(path_components) + 1)
    ]
    found = Page.objects.filter(url_path__in=prefixes, path__startswith=root.path)
    chain = []
    for page in found.order_by("depth"):
        if page.depth != root.depth + len(chain) + 1:
            break
        chain.append(page)
    return chain


def _is_routable(page):
    model = page.specific_class
    return bool(page.live and model and issubclass(model, RoutablePageMixin))


def _routes_match(page, remaining):
    """Whether a live routable ``page`` has a route of its own for the ``remaining`` path."""
    if not _is_routable(page):
        return False
    try:
        page.specific_class.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Resolver404:
        return False
    return True


class OneQueryRoutingMixin:
    """Put first in the bases of the site's root page type."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        path = "/".join(path_components)
        digest = hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()
        chain = derived(
            request, "route", lambda: pages_on_path(self, path_components), self.pk, digest
        )
        if not chain:
            raise Http404
        for position, page in enumerate(chain[:-1]):
            remaining = path_components[position + 1 :]
            if _routes_match(page, remaining):
                return _routable(request, page).route(request, remaining)
        page, remaining = chain[-1], path_components[len(chain) :]
        page = _routable(request, page) if _is_routable(page) else page.specific
        return page.route(request, remaining)


def _routable(request, page):
    """The specific form of a routable page on the way, kept per generation."""
    return derived(request, "routable-page", lambda: page.specific, page.pk)
