"""Menus and breadcrumbs, built from the page tree."""

from django import template
from wagtail.models import Page, Site

from home.breadcrumbs import breadcrumb_trail
from home.querysets import pages

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
        children = pages().child_of(root).visible().in_menu().only("title", "url_path", "path")
        for item in children:
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
    """The trail from the home page down to the current one; ``extra`` adds a last crumb."""
    page = context.get("page")
    page = page if isinstance(page, Page) and page.pk is not None else None
    return {"crumbs": breadcrumb_trail(context.get("request"), page, extra)}
