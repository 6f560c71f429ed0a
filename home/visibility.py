"""What a visitor may see: the one rule that every listing, feed, search and sitemap applies.

A page is visible when it is

- live (published),
- public: neither it nor any of its ancestors has a view restriction (password, login, groups),
- already live: no ``go_live_at``, or one that has passed,
- not expired: no ``expire_at``, or one still to come.

Wagtail only updates ``live`` and ``expired`` from the dates when ``publish_scheduled`` runs (a
cron job, see https://docs.wagtail.org/en/stable/reference/management_commands.html#publish-scheduled):
checking the dates here too means an expired page leaves every list on time, not at the next run.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page


def visible_q(now=None):
    """The date half of the rule, as a ``Q`` on any page model: already live and not expired."""
    now = now or timezone.now()
    return (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


def visible(queryset, now=None, *, for_search=False):
    """``queryset`` (pages of any type, or their manager) narrowed to what a visitor may see.

    ``public()`` reads the view restrictions once, when this is called (one small query): build
    the visible queryset once per request and narrow it further rather than calling this again.

    ``for_search=True`` gives the same pages in a form Wagtail search accepts: a search only
    filters on fields indexed as ``FilterField``, and ``Page`` indexes its ``id`` but neither
    ``go_live_at`` nor ``expire_at``, so the dates are checked in a subquery on the page ids.
    """
    queryset = queryset.live().public()
    if for_search:
        return queryset.filter(id__in=Page.objects.filter(visible_q(now)).values("id"))
    return queryset.filter(visible_q(now))


def visible_pages(ids, now=None):
    """The pages among ``ids`` (any type) that a visitor may see, specific, in ``ids`` order.

    For the pages an editor links by hand (related pages, "presented in"): a link to a page that
    was unpublished, made private or expired disappears instead of leading to an error page.
    """
    ids = [pk for pk in ids if pk]
    if not ids:
        return []
    pages = {page.pk: page for page in visible(Page.objects.filter(pk__in=ids), now).specific()}
    return [pages[pk] for pk in dict.fromkeys(ids) if pk in pages]
