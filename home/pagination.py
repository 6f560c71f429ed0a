"""Pagination shared by every listing: never raises on a bad page number."""

from django.core.paginator import Paginator
from django.http import Http404

from home.page_cache.derived import derived

# Orderings that name every row apart (they end with the primary key): only these read the same
# backwards, which ``FromEitherEnd`` relies on.
TOTAL_ORDER_ENDS = {"pk", "-pk", "id", "-id", "page_ptr_id", "-page_ptr_id"}


class FromEitherEnd:
    """A queryset whose pages past the middle are read from its end: the same rows, in the same
    order, but the database skips ``count - stop`` rows of the reversed order instead of
    ``start`` rows (``OFFSET`` walks every row it skips: the last page of 50,000 items cost as
    much as reading them all)."""

    def __init__(self, queryset, count):
        self.queryset = queryset
        self._count = count
        self.ordered = queryset.ordered

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.start is None or key.start <= self._count // 2:
            return self.queryset[key]
        stop = min(key.stop, self._count)
        backwards = self.queryset.reverse()[self._count - stop : self._count - key.start]
        return list(backwards)[::-1]


def _totally_ordered(queryset):
    order = queryset.query.order_by
    return bool(order) and str(order[-1]) in TOTAL_ORDER_ENDS


def paginate(request, object_list, per_page, count_key=None):
    """Return the requested page of ``object_list``.

    ``?page=abc`` or an empty value shows the first page; a number beyond the last page or below 1
    answers 404, so that search engines do not index endless empty pages.

    ``count_key`` (a tuple naming the listing and its filters): the total is counted once per
    generation (``home.page_cache.derived``) instead of on every page of every visit; counting
    tens of thousands of visible items is the one cost of a listing that grows with the site.
    With it, the pages past the middle of a totally ordered listing are read from its end.
    """
    if count_key is not None:
        count = derived(request, "listing-count", object_list.count, *count_key)
        if _totally_ordered(object_list):
            object_list = FromEitherEnd(object_list, count)
        paginator = Paginator(object_list, per_page)
        # Paginator.count is a cached property: setting it spares the COUNT(*) query.
        paginator.count = count
    else:
        paginator = Paginator(object_list, per_page)
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    if number < 1 or (number > paginator.num_pages and number != 1):
        raise Http404("Cette page de résultats n'existe pas.")
    page = paginator.page(number)
    page.elided_range = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
    return page
