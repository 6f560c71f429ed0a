"""Tags for the <head>: site name, meta description, canonical link, sharing tags and JSON-LD.

A view or a routable page can adjust what these tags say through its template context (a view
that serves no page gets the canonical and sharing tags once it gives ``seo_title``):
``seo_title`` and ``meta_description`` (a theme page, a filtered listing), ``canonical_url``,
``robots`` (``"noindex"`` on search results) and ``json_ld`` (a list of extra dicts).
"""

from django import template
from django.conf import settings
from wagtail.models import Page

from home import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def site_name(context):
    request = context.get("request")
    return seo.site_name(request) if request is not None else settings.WAGTAIL_SITE_NAME


def _description(context, page):
    if context.get("meta_description"):
        return context["meta_description"]
    if page is None:
        return ""
    if hasattr(page, "get_meta_description"):
        return page.get_meta_description()
    return page.search_description


def _page_json_ld(page, request):
    """The page's JSON-LD; a page type outside the site's base class (Wagtail's own) has none."""
    return page.get_json_ld(request) if hasattr(page, "get_json_ld") else []


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context):
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or page.pk is None:
        page = None
    robots = context.get("robots", "")
    data = {"robots": robots, "description": _description(context, page)}
    if request is None:
        return data
    extra_json_ld = list(context.get("json_ld") or [])
    data["json_ld"] = [seo.to_json_ld(item) for item in extra_json_ld]
    if "noindex" in robots or (page is None and not context.get("seo_title")):
        return data
    if page is None:
        # A plain Django view of the site (the "Flux RSS" page): it names itself with seo_title.
        data.update(
            canonical=context.get("canonical_url") or seo.canonical_url(request),
            title=context["seo_title"],
            site_name=seo.site_name(request),
            og_type="website",
            image=seo.share_image(None, request),
        )
        return data

    data.update(
        canonical=context.get("canonical_url") or seo.canonical_url(request),
        title=context.get("seo_title") or seo.page_title(page),
        site_name=seo.site_name(request),
        og_type=getattr(page, "og_type", "website"),
        image=seo.share_image(page, request),
        json_ld=[seo.to_json_ld(item) for item in _page_json_ld(page, request)] + data["json_ld"],
        article=page.get_article_meta() if hasattr(page, "get_article_meta") else None,
    )
    return data
