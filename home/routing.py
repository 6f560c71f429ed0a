"""Routing a URL to its page in one query, from the site's root page.

Wagtail's default routing (``Page.route``) walks the path one level at a time: one query for the
child with the next slug, one more for its specific page, at every level. The root page of the site
(``HomePage``) does it at once: the pages whose ``url_path`` is a prefix of the requested path are
fetched together, and the deepest one routes the rest. The result is the same as Wagtail's: a
routable page on the way (the news index, whose routes serve the theme pages and feeds) still answers
first for the paths its routes match, as ``RoutablePageMixin.route`` does, and the last page found
applies Wagtail's own rules (live or 404, its own routes, its children).
https://docs.wagtail.org/en/stable/reference/pages/model_reference.html#wagtail.models.Page.route
"""

from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


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


def _routes_match(page, remaining):
    """Whether a live routable ``page`` has a route of its own for the ``remaining`` path."""
    model = page.specific_class
    if not (page.live and model and issubclass(model, RoutablePageMixin)):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Resolver404:
        return False
    return True


class OneQueryRoutingMixin:
    """Put first in the bases of the site's root page type."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        chain = pages_on_path(self, path_components)
        if not chain:
            raise Http404
        for position, page in enumerate(chain[:-1]):
            remaining = path_components[position + 1 :]
            if _routes_match(page, remaining):
                return page.specific.route(request, remaining)
        return chain[-1].specific.route(request, path_components[len(chain) :])
