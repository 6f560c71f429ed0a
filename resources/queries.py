"""The queries other parts of the site use to list resources, each in a constant number of queries.

``.for_cards()`` fetches what ``resources/includes/resource_card.html`` shows
(``ResourcePage.card_prefetch``), so a list of cards costs the same number of queries for 3 or 300
resources.
"""

from home.models import Theme
from resources.models import ResourcePage, ResourcePageTheme, ResourceRelatedPage


def resources_for_theme(theme):
    """The visible resources tagged with ``theme`` (a ``Theme`` or its slug), card-ready.

    For the "Ressources" section of the news theme pages (``/actualites/themes/<slug>/``).
    """
    if not isinstance(theme, Theme):
        theme = Theme.objects.filter(slug=str(theme)).first()
        if theme is None:
            return ResourcePage.objects.none()
    tagged = ResourcePageTheme.objects.filter(tag=theme).values("content_object_id")
    return ResourcePage.objects.visible().alphabetical().filter(pk__in=tagged).for_cards()


def resources_presented_in(page):
    """The visible resources that list ``page`` (a webinar, article...) as related news."""
    if page is None or page.pk is None:
        return ResourcePage.objects.none()
    linked = ResourceRelatedPage.objects.filter(related_page_id=page.pk).values("page_id")
    return ResourcePage.objects.visible().alphabetical().filter(pk__in=linked).for_cards()
