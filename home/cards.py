"""Cards: what every listing shows of a page, fetched in a constant number of queries.

A page type that appears as a card declares what its card reads from related tables in
``card_prefetch()`` (a classmethod returning ``Prefetch`` objects or lookups). ``for_cards()`` on a
page queryset (``home.querysets``) then fetches those relations for a whole page of results at once:
one query per lookup (two for an image and its renditions), shared by every page type that declares
the same lookup, whatever the number of cards.

The card itself (``templates/includes/card.html``) reads the card protocol of the page:
``card_date``, ``card_meta``, ``card_image``, ``card_themes`` (properties).
``home.card_html`` renders cards by page id, once per generation, with ``for_cards()``.
"""

from collections import defaultdict

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model


def image_prefetch(field):
    """``Prefetch`` of an image field with its renditions (responsive pictures cost no query)."""
    return Prefetch(field, queryset=get_image_model().objects.prefetch_renditions())


def prefetch_for_cards(items):
    """Fetch, for ``items`` (pages of any types), what their cards show, grouped by lookup."""
    groups = defaultdict(list)
    lookups = {}
    for item in items:
        for lookup in getattr(type(item), "card_prefetch", lambda: ())():
            key = lookup.prefetch_to if isinstance(lookup, Prefetch) else lookup
            lookups.setdefault(key, lookup)
            groups[key].append(item)
    for key, group in groups.items():
        prefetch_related_objects(group, lookups[key])
    return items
