"""Finding the news index (hence theme page addresses) from anywhere, once per request."""

from home.querysets import site_page
from news.models import NewsIndexPage


def news_index_for(request=None, page=None):
    """The live news index of the request's site (``page`` itself when it is the index), or
    ``None``."""
    if isinstance(page, NewsIndexPage):
        return page
    return site_page(request, NewsIndexPage, NewsIndexPage.objects.live)
