"""The site-wide page cache (home/page_cache) never stores the forms nor the personal links:
each visitor gets their own CSRF token and anti-spam stamp; the pages with the short GET form stay
cacheable."""

import pytest
from django.test import Client

from alerts import tokens
from alerts.models import Subscription
from tests.alerts.factories import article
from tests.alerts.helpers import THEME, THEME_SLUG
from tests.serving.conftest import cache_status, page_cache_on  # noqa: F401 (autouse: the cache on)

pytestmark = pytest.mark.django_db


def stamp_of(response):
    html = response.content.decode()
    start = html.index('name="debut" value="') + len('name="debut" value="')
    return html[start : html.index('"', start)]


@pytest.mark.parametrize("url", ["/alertes/", "/accompagnement/"])
def test_the_forms_are_never_served_from_the_cache(site, url):
    article(site, "Thème", [THEME])
    first, second = Client().get(url), Client().get(url)
    assert cache_status(first) != "hit" and cache_status(second) != "hit"
    assert stamp_of(first) != stamp_of(second) or first.cookies != second.cookies
    assert "csrftoken" in second.cookies


def test_personal_links_are_never_cached(site):
    subscription = Subscription.objects.create(email="perso@exemple.fr")
    url = f"/alertes/gerer/{tokens.make_token(subscription, tokens.MANAGE)}/"
    Client().get(url)
    assert cache_status(Client().get(url)) != "hit"


def test_pages_with_the_short_form_stay_cacheable(site):
    article(site, "Thème", [THEME])
    for url in ["/actualites/", f"/actualites/themes/{THEME_SLUG}/"]:
        Client().get(url)
        assert cache_status(Client().get(url)) == "hit", url
