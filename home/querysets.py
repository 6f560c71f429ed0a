"""The page queryset of the site: what a visitor may see (``.visible()``) and cards (``.for_cards()``).

What a visitor may see is the one rule that every listing, feed, search, sitemap and menu applies.

A page is visible when it is

- live (published),
- public: neither it nor any of its ancestors has a view restriction (password, login, groups),
- already live: no ``go_live_at``, or one that has passed,
- not expired: no ``expire_at``, or one still to come.

Wagtail only updates ``live`` and ``expired`` from the dates when ``publish_scheduled`` runs (a
cron job, see https://docs.wagtail.org/en/stable/reference/management_commands.html#publish-scheduled):
checking the dates here too means an expired page leaves every list on time, not at the next run.

The rule is a queryset method, in Wagtail's own ``live().public()`` style: every page type of the
site (``home.models.BasePage``) has ``Model.objects.visible()``, and ``pages()`` gives the same
vocabulary over pages of any type (``Page``), for the sitemap, menus and hand-picked links.

``.for_cards()`` fetches what the cards of a listing show in a constant number of queries: each page
type says what its card needs (``card_prefetch()``, see ``home.cards``).
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageManager, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from home.cards import prefetch_for_cards
from home.page_cache.derived import derived
from home.request_memo import once_per_request


def visible_q(now=None):
    """The date half of the rule, as a ``Q`` on any page model: already live and not expired."""
    now = now or timezone.now()
    return (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


def _restricting_paths():
    paths = set()
    for page_id, path in PageViewRestriction.objects.values_list("page_id", "page__path"):
        paths.add(path)
        paths.update(Page.objects.filter(alias_of_id=page_id).values_list("path", flat=True))
    return frozenset(paths)


def restricting_paths():
    """The paths of the pages whose view restriction (password, login, groups) also applies to
    their descendants: each restricted page and its aliases (Wagtail's rule,
    ``Page.get_view_restrictions``).

    Restrictions are few and change with the content: their paths are kept in the derived cache,
    so that neither serving a public page nor filtering a listing asks the database for them.
    """
    return derived(None, "restricting-paths", _restricting_paths)


def restricted_q():
    """Pages under a view restriction, theirs or an ancestor's, as a ``Q`` on their paths.

    Without any restriction (most sites, most of the time) it matches nothing and adds no
    condition to the query. A subquery that looked for a restriction on each row's ancestors
    cost each row a scan of the page tree on SQLite (50 ms for a library of 500 resources).
    """
    condition = Q(pk__in=[])
    for path in sorted(restricting_paths()):
        condition |= Q(path__startswith=path)
    return condition


def may_be_restricted(page):
    """Whether a view restriction can apply to ``page``: one on the page or an ancestor, or on
    the source of one of them that is an alias."""
    paths = restricting_paths()
    steplen = page.steplen
    return any(page.path[:end] in paths for end in range(steplen, len(page.path) + 1, steplen))


class SitePageQuerySet(PageQuerySet):
    """Wagtail's page queryset with the site's visibility rule and card prefetching."""

    _for_cards = False

    def visible(self, now=None):
        """The pages a visitor may see, in one query with the pages themselves."""
        return self.live().exclude(restricted_q()).filter(visible_q(now))

    def visible_for_search(self, now=None):
        """The same pages in a form Wagtail search accepts.

        A search only filters on fields indexed as ``FilterField``, and ``Page`` indexes its ``id``
        but neither ``go_live_at`` nor ``expire_at``, so the dates are checked in a subquery on ids.
        """
        shown = Page.objects.exclude(restricted_q()).filter(visible_q(now)).values("id")
        return self.live().filter(id__in=shown)

    def for_cards(self):
        """Specific pages, each with what its card shows (image and renditions, themes...)
        fetched for the whole batch once the queryset is evaluated (after pagination)."""
        has_subtypes = any(not model._meta.abstract for model in self.model.__subclasses__())
        clone = self.specific() if has_subtypes or self.model is Page else self._chain()
        clone._for_cards = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._for_cards = self._for_cards
        return clone

    def _fetch_all(self):
        fetched = self._result_cache is not None
        super()._fetch_all()
        if self._for_cards and not fetched:
            prefetch_for_cards(self._result_cache)


class SitePageManager(PageManager.from_queryset(SitePageQuerySet)):
    """The manager of every page type of the site (set on ``BasePage``)."""


def pages(model=Page):
    """Pages of any type (``Page``) with the site's vocabulary: ``pages().visible()``."""
    return SitePageQuerySet(model).order_by("path")


def visible_pages(ids, now=None):
    """The pages among ``ids`` (any type) that a visitor may see, specific, in ``ids`` order.

    For the pages an editor links by hand (related pages, "presented in"): a link to a page that
    was unpublished, made private or expired disappears instead of leading to an error page.
    """
    ids = [pk for pk in ids if pk]
    if not ids:
        return []
    found = pages().filter(pk__in=ids).visible(now).specific()
    by_pk = {page.pk: page for page in found}
    return [by_pk[pk] for pk in dict.fromkeys(ids) if pk in by_pk]


def site_page(request, model, candidates=None):
    """The first ``model`` page on the request's site (an index page), or ``None``: found once
    per generation, site and page type, however many templates and cards ask
    (``home.page_cache.derived``), and once per request without building a query (cards ask
    for it a few times each).

    ``candidates``: a function returning the pages to choose from (default: the visible ones).
    """
    site = Site.find_for_request(request) if request is not None else None

    def first():
        queryset = candidates() if candidates is not None else model.objects.visible()
        if site is not None:
            queryset = queryset.descendant_of(site.root_page, inclusive=True)
        return queryset.first()

    return once_per_request(
        request,
        "site_pages",
        model,
        lambda: derived(
            request, "site-page", first, model._meta.label_lower, site.pk if site else "-"
        ),
    )
