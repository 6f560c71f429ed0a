import pytest

from home.models.site_settings import SiteSettings
from tests.factories import ArticlePageFactory


@pytest.fixture(autouse=True)
def page_cache_on(settings, db):
    """The cache on, no front-end cache, and the site settings row that the first render of a
    fresh database would create (creating it retires the cache, as any settings change does)."""
    SiteSettings.load()
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_ALLOW_BYPASS_HEADER = False
    settings.WAGTAILFRONTENDCACHE = {}


@pytest.fixture
def article(news_index):
    return ArticlePageFactory(parent=news_index, title="Premier article")


def cache_status(response):
    return response.headers.get("X-Page-Cache")
