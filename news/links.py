"""Finding the news index (hence theme page addresses) from anywhere, once per request."""

from wagtail.models import Site

from news.models import NewsIndexPage

_CACHE_ATTR = "_news_index_page"


def news_index_for(request=None, page=None):
    """The live news index of the request's site, or ``None``; one query per request at most."""
    if isinstance(page, NewsIndexPage):
        return page
    if request is not None and hasattr(request, _CACHE_ATTR):
        return getattr(request, _CACHE_ATTR)
    indexes = NewsIndexPage.objects.live()
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        indexes = indexes.descendant_of(site.root_page, inclusive=True)
    index = indexes.first()
    if request is not None:
        setattr(request, _CACHE_ATTR, index)
    return index
