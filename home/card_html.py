"""Cards rendered once per generation: a page of results costs one query for its ids.

Rendering a card is most of a listing's cost: the page made specific, its image with the
renditions of each format of its ``<picture>``, its themes, then the template. A card only
changes when the content does, and every such change retires the page cache's generation
(``home.page_cache.invalidation``) on every app server at once: the HTML of each card is kept
under that generation (``home.page_cache.derived``), as the menu and the counts are. A listing
then asks the database for the ids of its page of results only, and fetches and renders the
cards that no visitor has seen since the last change (with ``for_cards()``: a constant number
of queries for the whole batch).

What a card shows that follows the clock (a session's "Ajouter à mon agenda" once it has
ended) is as late as a cached page is: at most ``PAGE_CACHE_SECONDS``.
"""

from django.template.loader import get_template
from django.utils.safestring import mark_safe
from wagtail.models import Site

from home.page_cache.derived import derived_many
from home.querysets import pages

CARD_TEMPLATE = "includes/card.html"


def card_html(request, ids, heading_level="h3", template=CARD_TEMPLATE, variable="item"):
    """The HTML of the cards of the pages ``ids``, in that order (a page deleted meanwhile is
    left out). ``heading_level``: what the template makes of its titles' level; ``template``
    and ``variable``: the card's template and the name it gives the page (a content app's own
    card, such as the library's, passes its template and variable)."""
    ids = list(ids)
    if not ids:
        return []
    site = Site.find_for_request(request) if request is not None else None

    def render(missing):
        card = get_template(template)
        context = {"request": request, "heading_level": heading_level}
        return {
            page.pk: card.render({**context, variable: page})
            for page in pages().filter(pk__in=missing).for_cards()
        }

    parts = (getattr(site, "pk", ""), template, heading_level)
    rendered = derived_many(request, "card", ids, render, *parts)
    return [mark_safe(rendered[pk]) for pk in ids if pk in rendered]
