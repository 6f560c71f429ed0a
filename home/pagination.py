"""Pagination shared by every listing: never raises on a bad page number."""

from django.core.paginator import Paginator
from django.http import Http404

from home.page_cache.derived import derived


def paginate(request, object_list, per_page, count_key=None):
    """Return the requested page of ``object_list``.

    ``?page=abc`` or an empty value shows the first page; a number beyond the last page or below 1
    answers 404, so that search engines do not index endless empty pages.

    ``count_key`` (a tuple naming the listing and its filters): the total is counted once per
    generation (``home.page_cache.derived``) instead of on every page of every visit; counting
    tens of thousands of visible items is the one cost of a listing that grows with the site.
    """
    paginator = Paginator(object_list, per_page)
    if count_key is not None:
        # Paginator.count is a cached property: setting it spares the COUNT(*) query.
        paginator.count = derived(request, "listing-count", object_list.count, *count_key)
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
