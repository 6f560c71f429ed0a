"""Menus and breadcrumbs, built from the page tree."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus", the current branch flagged.

    Compared by URL rather than by page, so that the routes of a page (theme pages under
    "Actualités") mark their section as an ancestor, not as the current page.
    """
    request = context.get("request")
    root = _site_root(context)
    path = request.path if request else ""
    items = []
    if root is not None:
        for item in root.get_children().live().public().in_menu().only("title", "url_path", "path"):
            url = item.get_url(request)
            items.append(
                {
                    "title": item.title,
                    "url": url,
                    "current": path == url,
                    "ancestor": path != url and path.startswith(url),
                }
            )
    return {"items": items, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, extra=None):
    """The pages from the home page down to the current one; ``extra`` adds a last crumb."""
    page = context.get("page")
    request = context.get("request")
    root = _site_root(context)
    crumbs = []
    if page is not None and root is not None and page.depth > root.depth:
        ancestors = (
            Page.objects.ancestor_of(page)
            .filter(depth__gte=root.depth)
            .only("title", "url_path", "path", "depth")
        )
        crumbs = [{"title": p.title, "url": p.get_url(request)} for p in ancestors]
        crumbs.append({"title": page.title, "url": page.get_url(request)})
    if extra:
        crumbs.append({"title": extra, "url": request.get_full_path() if request else ""})
    return {"crumbs": crumbs}
