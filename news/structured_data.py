"""What search engines read of the news: ``NewsArticle`` for articles and testimonials, ``Event``
for webinars (schema.org, as JSON-LD). The page classes call these from ``get_structured_data``
(``home.models.BasePage``), so a field renamed on a news model breaks here, in the same app, where
the tests of the news catch it.
https://developers.google.com/search/docs/appearance/structured-data/article and
https://developers.google.com/search/docs/appearance/structured-data/event
"""

from django.utils.text import Truncator

from home.seo import (
    organization,
    page_images,
    page_themes,
    page_title,
    site_name,
    without_empty,
)

ATTENDANCE_MODES = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "onsite": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def news_article(page, request):
    """An article or a testimonial (``news.models.NewsPage``)."""
    data = {
        "@type": "NewsArticle",
        "headline": Truncator(page_title(page)).chars(110),
        "description": page.get_meta_description(),
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": "fr-FR",
        "datePublished": page.published_at,
        "dateModified": page.last_published_at or page.latest_revision_created_at,
        "author": (
            {"@type": "Person", "name": page.author}
            if page.author
            else {"@type": "Organization", "name": site_name(request)}
        ),
        "publisher": organization(request),
        "articleSection": page.kind_label,
        "image": page_images(page, request),
        "keywords": page_themes(page),
    }
    return without_empty(data)


def testimonial(page, request):
    """A testimonial: an article about the person who speaks."""
    data = news_article(page, request)
    if not page.speaker_name:
        return data
    data["about"] = without_empty(
        {
            "@type": "Person",
            "name": page.speaker_name,
            "jobTitle": page.speaker_role,
            "worksFor": {"@type": "Organization", "name": page.organisation},
        }
    )
    return data


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
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": mode,
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organization(request),
        "isAccessibleForFree": True,
        "image": page_images(page, request),
        "performer": [
            without_empty(
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
            for item in page.speaker_links
        ],
    }
    if page.registration_url and page.is_upcoming():
        data["offers"] = {
            "@type": "Offer",
            "url": page.registration_url,
            "price": "0",
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
        }
    return without_empty(data)
