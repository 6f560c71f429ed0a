import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from home.models import HomePage


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths; a test must not see the sites of the previous one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The site's home page, replacing Wagtail's welcome page, as the demo content does."""
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Club des Développeurs", slug="accueil", headline="Le réseau.")
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture
def news_index(home_page):
    from tests.factories import NewsIndexPageFactory

    return NewsIndexPageFactory(parent=home_page)
