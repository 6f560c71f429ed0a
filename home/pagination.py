"""Pagination shared by every listing: never raises on a bad page number."""

from django.core.paginator import Paginator
from django.http import Http404


def paginate(request, object_list, per_page):
    """Return the requested page of ``object_list``.

    ``?page=abc`` or an empty value shows the first page; a number beyond the last page or below 1
    answers 404, so that search engines do not index endless empty pages.
    """
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
