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

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
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
    """Restricted pages and their aliases, aliases of aliases included, one query per level."""
    found = dict(PageViewRestriction.objects.values_list("page_id", "page__path"))
    sources = set(found)
    while sources:
        aliases = dict(
            Page.objects.filter(alias_of_id__in=sources)
            .exclude(pk__in=found)
            .values_list("pk", "path")
        )
        found.update(aliases)
        sources = set(aliases)
    return frozenset(found.values())


def restricting_paths():
    """The paths of the pages whose view restriction (password, login, groups) also applies to
    their descendants: each restricted page and the aliases of it, however many steps away
    (Wagtail follows ``alias_of`` to the source: ``Page.get_view_restrictions``).

    Restrictions are few and change with the content: their paths are kept in the derived cache,
    so that neither serving a public page nor filtering a listing asks the database for them.
    """
    return derived(None, "restricting-paths", _restricting_paths)


# Past this many sections under restriction, a condition per section would make a query too
# deep for SQLite (1,000 terms at most): the restrictions are then looked up by a subquery.
MAX_RESTRICTED_SECTIONS = 200


def _outermost(paths):
    """``paths`` without those under another one of them (their section is already excluded)."""
    kept = []
    for path in sorted(paths):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def _restriction_on_ancestor_q():
    """The same exclusion as a subquery on each row's ancestors: no query of its own, but on
    SQLite it scans the page tree for each row (50 ms for a library of 500 resources), and it
    sees the restrictions of the page's ancestors only, not those of an alias's source (serving
    still asks for the password there: ``may_be_restricted``)."""
    restriction_on_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return Q(Exists(restriction_on_ancestor))


def restricted_q():
    """Pages under a view restriction, theirs or an ancestor's, as a ``Q`` on their paths.

    Without any restriction (most sites, most of the time) it matches nothing and adds no
    condition to the query. Without the shared cache (``DERIVED_CACHE_ENABLED`` off), reading
    the paths would cost each list a query: the subquery form is used instead, as it is past
    ``MAX_RESTRICTED_SECTIONS``.
    """
    if not settings.DERIVED_CACHE_ENABLED:
        return _restriction_on_ancestor_q()
    sections = _outermost(restricting_paths())
    if len(sections) > MAX_RESTRICTED_SECTIONS:
        return _restriction_on_ancestor_q()
    condition = Q(pk__in=[])
    for path in sections:
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
