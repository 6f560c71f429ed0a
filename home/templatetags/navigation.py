"""Menus and breadcrumbs, built from the page tree."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from home.breadcrumbs import breadcrumb_trail
from home.page_cache.derived import derived
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
        links = derived(request, "main-menu", lambda: _menu_links(root, request), root.pk)
        for title, url in links:
            items.append(
                {
                    "title": title,
                    "url": url,
                    "current": path == url,
                    "ancestor": path != url and path.startswith(url),
                }
            )
    return {"items": items, "request": request}


def _menu_links(root, request):
    """``[(title, url)]`` of the menu, kept per generation (``home.page_cache.derived``)."""
    children = pages().child_of(root).visible().in_menu().only("title", "url_path", "path")
    return [(item.title, item.get_url(request)) for item in children]


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer (settings, partners' logos, links), the same on every page of a site: rendered
    once per generation (``home.page_cache.derived``)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    html = derived(
        request,
        "footer",
        lambda: render_to_string("includes/footer.html", {"request": request}, request),
        site.pk if site is not None else "-",
    )
    return mark_safe(html)  # a rendered template


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, extra=None):
    """The trail from the home page down to the current one; ``extra`` adds a last crumb."""
    page = context.get("page")
    page = page if isinstance(page, Page) and page.pk is not None else None
    return {"crumbs": breadcrumb_trail(context.get("request"), page, extra)}
