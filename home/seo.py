"""What search engines and social networks read: canonical URL, sharing tags, JSON-LD.

Builders return plain dicts; ``to_json_ld`` turns them into text that is safe inside a
``<script>`` element. Each page type says what it is by overriding ``BasePage.get_structured_data``
(the news types build theirs in ``news/structured_data.py``); this module holds what every page
shares: the organisation, the site, the breadcrumb trail. Schema.org types used:
https://developers.google.com/search/docs/appearance/structured-data/search-gallery
"""

import datetime
import json

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone

from home.breadcrumbs import breadcrumb_trail
from home.models.site_settings import current_site_settings
from home.site_urls import absolute_url, base_url, current_site

# 1.91:1, the ratio OpenGraph and X (Twitter) large cards expect.
SHARE_IMAGE_FILTER = "fill-1200x630|format-jpeg|jpegquality-80"
DEFAULT_SHARE_IMAGE = {
    "path": "home/img/partage.png",
    "width": 1200,
    "height": 630,
    "alt": "Club des Développeurs de Nouvelle-Aquitaine",
}
LOGO_PATH = "home/img/logo-512.png"

# Characters that could end the <script> element or start an HTML comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


# Site, names and URLs ------------------------------------------------------------------------
def site_name(request):
    site = current_site(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def canonical_url(request):
    """The address a page is known by: the site's host and the path, without query string."""
    return absolute_url(request, request.path)


def page_title(page):
    return page.seo_title or page.title


# Sharing image -------------------------------------------------------------------------------
def share_image(page, request):
    """``{url, width, height, alt}`` of the image shown when the page is shared.

    The page's sharing or main image cropped to 1200 × 630, or the Club's default banner.
    """
    image = page.get_main_image() if page is not None else None
    if image is not None:
        try:
            rendition = image.get_rendition(SHARE_IMAGE_FILTER)
        except (OSError, ValueError):  # a missing or unreadable file never breaks the page
            rendition = None
        if rendition is not None:
            return {
                "url": absolute_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": image.default_alt_text,
            }
    return {
        "url": absolute_url(request, static(DEFAULT_SHARE_IMAGE["path"])),
        "width": DEFAULT_SHARE_IMAGE["width"],
        "height": DEFAULT_SHARE_IMAGE["height"],
        "alt": DEFAULT_SHARE_IMAGE["alt"],
    }


# JSON-LD -------------------------------------------------------------------------------------
def to_json_ld(data):
    """JSON text safe inside ``<script type="application/ld+json">`` (no ``</script>``)."""
    return json.dumps(data, ensure_ascii=False, cls=_Encoder).translate(_SCRIPT_ESCAPES)


class _Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            return timezone.localtime(o).isoformat() if timezone.is_aware(o) else o.isoformat()
        if isinstance(o, datetime.date):
            return o.isoformat()
        return super().default(o)


def organization(request):
    """The Club, as publisher and organiser."""
    site_settings = current_site_settings(request)
    data = {
        "@type": "Organization",
        "@id": base_url(request) + "/#organisation",
        "name": site_name(request),
        "url": base_url(request) + "/",
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(request, static(LOGO_PATH)),
            "width": 512,
            "height": 512,
        },
    }
    if site_settings.contact_email:
        data["email"] = site_settings.contact_email
    if site_settings.postal_address:
        data["address"] = " ".join(site_settings.postal_address.split())
    same_as = [block.value["url"] for block in site_settings.social_links]
    if same_as:
        data["sameAs"] = same_as
    return data


def website(request):
    """The site itself, with the search box search engines can offer."""
    return {
        "@type": "WebSite",
        "@id": base_url(request) + "/#site",
        "name": site_name(request),
        "url": base_url(request) + "/",
        "inLanguage": "fr-FR",
        "publisher": {"@id": base_url(request) + "/#organisation"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": base_url(request) + "/recherche/?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(page, request):
    """The trail from the home page to ``page`` (``home.breadcrumbs``); None for the home page."""
    trail = breadcrumb_trail(request, page)
    if len(trail) < 2:
        return None
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": crumb.title,
            "item": absolute_url(request, crumb.url),
        }
        for position, crumb in enumerate(trail, start=1)
    ]
    return {"@type": "BreadcrumbList", "itemListElement": items}


def page_themes(page):
    """The names of the page's themes (its card's themes when it has a card: already fetched)."""
    themes = getattr(page, "card_themes", None)
    if themes is None:
        manager = getattr(page, "themes", None)
        themes = manager.all() if manager is not None else []
    return [theme.name for theme in themes]


def page_images(page, request):
    """The page's sharing image as schema.org ``image`` (empty when the page has no image)."""
    return [share_image(page, request)["url"]] if page.get_main_image() is not None else []


def page_json_ld(page, request):
    """The JSON-LD objects of a page: its own types (``get_structured_data``), then its trail."""
    objects = list(page.get_structured_data(request))
    trail = breadcrumb_list(page, request)
    if trail is not None:
        objects.append(trail)
    return [{"@context": "https://schema.org", **item} for item in objects]


def without_empty(data):
    """``data`` without the keys whose value says nothing (schema.org validators flag them)."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
