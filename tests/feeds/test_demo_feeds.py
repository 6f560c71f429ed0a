"""With the demo content, every feed the "Flux RSS" page lists is valid and complete."""

import re

import pytest
from django.core.management import call_command

from news.feeds.state import FEED_ITEMS
from news.models import NewsPage
from tests.feeds import checks


@pytest.mark.django_db
def test_every_listed_feed_is_valid_with_the_demo_content(client):
    call_command("load_demo_content", verbosity=0)
    page = client.get("/actualites/flux/").content.decode()
    urls = re.findall(r'href="http://testserver(/actualites/[^"]*flux\.(rss|atom))"', page)
    assert len(urls) >= 8  # all news and three kinds, in two formats, plus the themes
    for url, fmt in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = checks.check_feed(response.content, fmt)
        for entry in parsed.entries:
            assert entry.content[0].value, (url, entry.title)
            assert entry.summary, (url, entry.title)
        if url.startswith("/actualites/flux."):
            assert len(parsed.entries) == min(FEED_ITEMS, NewsPage.objects.visible().count())
