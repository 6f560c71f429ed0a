"""Template tags other apps use to show resources (news pages, theme pages)."""

from urllib.parse import urlencode

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from home.page_cache.derived import derived
from home.querysets import site_page
from resources.models import ResourceIndexPage
from resources.queries import resources_for_theme
from resources.queries import resources_presented_in as presented_in_query

register = template.Library()

THEME_PAGE_RESOURCES = 6


SECTION_TEMPLATE = "resources/includes/resource_section.html"


@register.inclusion_tag(SECTION_TEMPLATE, takes_context=True)
def resources_presented_in(context, page, heading="Ressources présentées"):
    """A section listing the live resources that name ``page`` among their related news.

    Renders nothing when there are none. Usage in a webinar template::

        {% load resources_tags %}{% resources_presented_in page %}
    """
    return {
        "request": context.get("request"),
        "resources": list(presented_in_query(page)),
        "heading": heading,
        "heading_id": "ressources-presentees",
    }


@register.simple_tag(takes_context=True)
def theme_resources(context, theme, heading="Ressources"):
    """A "Ressources" section for a theme page: the latest cards, then a link to all of them.

    ``theme`` is a ``home.Theme`` or its slug. Renders nothing when no resource has the theme.
    Shows at most ``THEME_PAGE_RESOURCES`` cards, so the theme page costs the same whatever the
    size of the library; the link leads to the library filtered on the theme. The same for every
    visitor: rendered once per generation (``home.page_cache.derived``).
    Usage on the news theme page::

        {% load resources_tags %}{% theme_resources theme %}
    """
    request = context.get("request")
    slug = getattr(theme, "slug", theme)
    html = derived(
        request,
        "theme-resources",
        lambda: render_to_string(SECTION_TEMPLATE, _theme_section(request, theme, heading)),
        slugify(slug) or "-",
        slugify(heading) or "-",
    )
    return mark_safe(html)  # a rendered template


def _theme_section(request, theme, heading):
    matching = resources_for_theme(theme)
    resources = list(matching.order_by("-last_published_at", "-pk")[:THEME_PAGE_RESOURCES])
    total = matching.count()
    index = site_page(request, ResourceIndexPage) if resources else None
    slug = getattr(theme, "slug", theme)
    return {
        "request": request,
        "resources": resources,
        "heading": heading,
        "heading_id": "ressources-du-theme",
        "more_url": f"{index.get_url(request)}?{urlencode({'theme': slug})}" if index else "",
        "more_label": f"Les {total} ressources sur ce thème"
        if total > len(resources)
        else "Toutes les ressources sur ce thème",
    }
