"""The queries other parts of the site use to list resources, each in a constant number of queries.

``with_card_data`` prefetches what ``resources/includes/resource_card.html`` shows, so a list of
cards costs the same number of queries for 3 or 300 resources.
"""

from django.db.models import Prefetch

from home.models import Theme
from resources.models import (
    ResourceOrganisation,
    ResourcePage,
    ResourcePageTheme,
    ResourceRelatedPage,
)


def with_card_data(queryset):
    """Prefetch the organisations, audiences and themes that a resource card shows."""
    return queryset.prefetch_related(
        Prefetch(
            "organisation_links",
            queryset=ResourceOrganisation.objects.select_related("organisation"),
        ),
        "audiences",
        Prefetch("tagged_themes", queryset=ResourcePageTheme.objects.select_related("tag")),
    )


def live_resources(now=None):
    """Every resource a visitor may see (``home.visibility``), alphabetically."""
    return ResourcePage.objects.visible(now).order_by("title", "pk")


def resources_for_theme(theme):
    """The visible resources tagged with ``theme`` (a ``Theme`` or its slug), card-ready.

    For the "Ressources" section of the news theme pages (``/actualites/themes/<slug>/``).
    """
    if not isinstance(theme, Theme):
        theme = Theme.objects.filter(slug=str(theme)).first()
        if theme is None:
            return ResourcePage.objects.none()
    tagged = ResourcePageTheme.objects.filter(tag=theme).values("content_object_id")
    return with_card_data(live_resources().filter(pk__in=tagged))


def resources_presented_in(page):
    """The visible resources that list ``page`` (a webinar, article...) as related news."""
    if page is None or page.pk is None:
        return ResourcePage.objects.none()
    linked = ResourceRelatedPage.objects.filter(related_page_id=page.pk).values("page_id")
    return with_card_data(live_resources().filter(pk__in=linked))
