"""The breadcrumb trail: from the home page to where the visitor is, built in one place.

The visible trail (``{% breadcrumbs %}``), its JSON-LD twin (``home.seo.breadcrumb_list``) and
the views that serve no page (search) all read ``breadcrumb_trail``.
"""

from dataclasses import dataclass

from wagtail.models import Page, Site

from home.page_cache.derived import derived
from home.request_memo import once_per_request


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


def breadcrumb_trail(request, page=None, extra=None):
    """``[Crumb]`` from the site's home page down to ``page`` (or the home page alone when there
    is no page), then ``extra``: the title of what a route or a view shows below it (a theme,
    "Recherche"), at the request's address. Empty when the request has no site.

    Computed once per request and page: the visible trail and its JSON-LD twin share it.
    """
    key = (getattr(page, "pk", None), extra)
    return once_per_request(request, "breadcrumb_trails", key, lambda: _trail(request, page, extra))


def _trail(request, page, extra):
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_page if site is not None else None
    if root is None:
        return []
    if page is not None and page.path.startswith(root.path):
        crumbs = list(
            derived(request, "breadcrumbs", lambda: _page_crumbs(request, root, page), page.pk)
        )
    else:
        crumbs = [Crumb(root.title, root.get_url(request))]
    if extra:
        crumbs.append(Crumb(str(extra), request.get_full_path()))
    return crumbs


def _page_crumbs(request, root, page):
    """The trail of a page as the database has it (kept per generation: titles and places change
    only with the content)."""
    ancestors = (
        Page.objects.ancestor_of(page, inclusive=True)
        .filter(depth__gte=root.depth)
        .only("title", "url_path", "path", "depth")
        .order_by("depth")
    )
    return [Crumb(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors]
