"""What search engines and social networks read: canonical URL, sharing tags, JSON-LD.

Builders return plain dicts; ``to_json_ld`` turns them into text that is safe inside a
``<script>`` element. Each page type gets its schema.org type from ``JSON_LD_BUILDERS`` (keyed by
model label, so that this site-wide module needs no import from the content apps); a page model may
also override ``BasePage.get_json_ld``. Schema.org types used:
https://developers.google.com/search/docs/appearance/structured-data/search-gallery
"""

import datetime
import json
from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.models import Page, Site

# 1.91:1, the ratio OpenGraph and X (Twitter) large cards expect.
SHARE_IMAGE_FILTER = "fill-1200x630|format-jpeg|jpegquality-80"
DEFAULT_SHARE_IMAGE = {
    "path": "home/img/partage.png",
    "width": 1200,
    "height": 630,
    "alt": "Club des Développeurs de Nouvelle-Aquitaine",
}
LOGO_PATH = "home/img/logo-512.png"

ATTENDANCE_MODES = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "onsite": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}

# Characters that could end the <script> element or start an HTML comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


# Site, names and URLs ------------------------------------------------------------------------
def current_site(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def site_name(request):
    site = current_site(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def base_url(request):
    """``https://host`` of the Wagtail site serving this request (no trailing slash)."""
    site = current_site(request)
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/")


def absolute_url(request, url):
    """``url`` made absolute on the site's own host, unless it already is (media on S3)."""
    if not url or urlsplit(url).scheme:
        return url
    return base_url(request) + (url if url.startswith("/") else "/" + url)


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
    from home.models import SiteSettings

    site_settings = SiteSettings.load(request_or_site=request)
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
    """The trail from the home page to ``page``; None for the home page itself."""
    site = current_site(request)
    if site is None or page.depth <= site.root_page.depth:
        return None
    ancestors = (
        Page.objects.ancestor_of(page, inclusive=True)
        .filter(depth__gte=site.root_page.depth)
        .order_by("depth")
    )
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": crumb.title,
            "item": crumb.get_full_url(request),
        }
        for position, crumb in enumerate(ancestors, start=1)
    ]
    return {"@type": "BreadcrumbList", "itemListElement": items}


def _images(page, request):
    image = page.get_main_image()
    return [share_image(page, request)["url"]] if image is not None else []


def page_themes(page):
    themes = getattr(page, "themes", None)
    return [theme.name for theme in themes.all()] if themes is not None else []


def news_article(page, request):
    """An article or a testimonial."""
    signature = getattr(page, "author", "")
    data = {
        "@type": "NewsArticle",
        "headline": Truncator(page_title(page)).chars(110),
        "description": page.get_meta_description(),
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": "fr-FR",
        "datePublished": getattr(page, "published_at", None) or page.first_published_at,
        "dateModified": page.last_published_at or page.latest_revision_created_at,
        "author": (
            {"@type": "Person", "name": signature}
            if signature
            else {"@type": "Organization", "name": site_name(request)}
        ),
        "publisher": organization(request),
    }
    kind_label = getattr(page, "kind_label", "")
    if kind_label:
        data["articleSection"] = kind_label
    images = _images(page, request)
    if images:
        data["image"] = images
    themes = page_themes(page)
    if themes:
        data["keywords"] = themes
    if getattr(page, "speaker_name", ""):  # a testimonial: who speaks
        data["about"] = _without_empty(
            {
                "@type": "Person",
                "name": page.speaker_name,
                "jobTitle": page.speaker_role,
                "worksFor": {"@type": "Organization", "name": page.organisation},
            }
        )
    return _without_empty(data)


def event(page, request):
    """A webinar: when, how to attend, who speaks, and the registration link while it is open."""
    mode = ATTENDANCE_MODES.get(page.attendance, ATTENDANCE_MODES["online"])
    locations = []
    if page.attendance in ("online", "hybrid"):
        locations.append(
            {"@type": "VirtualLocation", "url": page.online_url or page.get_full_url(request)}
        )
    if page.attendance in ("onsite", "hybrid") and page.venue:
        locations.append({"@type": "Place", "name": page.venue, "address": page.venue})
    data = {
        "@type": "Event",
        "name": page_title(page),
        "description": page.get_meta_description(),
        "url": page.get_full_url(request),
        "inLanguage": "fr-FR",
        "startDate": page.starts_at,
        "endDate": page.ends_at,
        "eventStatus": (
            "https://schema.org/EventCancelled"
            if getattr(page, "cancelled", False)
            else "https://schema.org/EventScheduled"
        ),
        "eventAttendanceMode": mode,
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organization(request),
        "isAccessibleForFree": True,
    }
    images = _images(page, request)
    if images:
        data["image"] = images
    performers = [
        _without_empty(
            {
                "@type": "Person",
                "name": item.speaker.name,
                "jobTitle": item.speaker.role,
                "affiliation": (
                    {"@type": "Organization", "name": item.speaker.organisation}
                    if item.speaker.organisation
                    else None
                ),
            }
        )
        for item in page.speakers.select_related("speaker")
    ]
    if performers:
        data["performer"] = performers
    if page.registration_url and page.is_upcoming() and not getattr(page, "cancelled", False):
        data["offers"] = {
            "@type": "Offer",
            "url": page.registration_url,
            "price": "0",
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
        }
    return _without_empty(data)


def home_page(page, request):
    return [organization(request), website(request)]


JSON_LD_BUILDERS = {
    "home.HomePage": home_page,
    "news.ArticlePage": news_article,
    "news.TestimonialPage": news_article,
    "news.WebinarPage": event,
}


def page_json_ld(page, request):
    """The JSON-LD objects of a page: its own type (if any), then its breadcrumb trail."""
    builder = JSON_LD_BUILDERS.get(page._meta.label)
    objects = []
    if builder is not None:
        built = builder(page, request)
        objects.extend(built if isinstance(built, list) else [built])
    trail = breadcrumb_list(page, request)
    if trail is not None:
        objects.append(trail)
    return [{"@context": "https://schema.org", **item} for item in objects]


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
