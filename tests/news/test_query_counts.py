"""The listing, a theme page and the home page run as many queries with 3 items as with 37.

Every item has its own image (testimonials a portrait too) and two themes, and both sets hold the
three kinds, so that any query run per item, per image or per theme would show up.
"""

import datetime

import pytest
from django.utils import timezone

from tests.conftest import count_page_queries, make_news
from tests.factories import WebinarPageFactory

pytestmark = pytest.mark.django_db

URLS = [
    "/actualites/",
    "/actualites/?type=webinaire&theme=economie-territoriale",
    "/actualites/themes/",
    "/actualites/themes/economie-territoriale/",
    "/",
]


def test_query_counts_do_not_grow_with_the_number_of_items(client, news_index):
    WebinarPageFactory(parent=news_index, starts_at=timezone.now() + datetime.timedelta(days=5))
    make_news(news_index, 3)
    few = {url: count_page_queries(client, url)[0] for url in URLS}
    # 37 items: a full page of 12 on every listing, the one filtered on webinars included
    make_news(news_index, 34, start=datetime.date(2019, 1, 1))
    many = {}
    for url in URLS:
        many[url], response = count_page_queries(client, url)
        if "page_obj" in response.context:  # the page really shows a full page of cards
            assert len(response.context["page_obj"].object_list) == 12, url
    assert many == few
    print("Queries with 3 and with 37 items:", few)
    assert max(few.values()) <= 15, few


def test_listing_query_count_is_small(client, news_index):
    make_news(news_index, 12)
    queries, _ = count_page_queries(client, "/actualites/")
    # The count, ids, 3 specific models, images, renditions, themes, portraits and their
    # renditions: the site, route, menu, breadcrumbs, footer, years and filter themes come from
    # the shared cache (``home.page_cache.derived``).
    assert queries <= 15, queries
