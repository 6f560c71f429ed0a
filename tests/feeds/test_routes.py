"""The feeds are routes of the news index page: they follow it when editors move or rename it."""

import re

import pytest
from wagtail.models import Site

from tests.feeds import checks
from tests.feeds.conftest import publish
from tests.feeds.test_autodiscovery import LINK

FEEDS = [
    "flux.rss",
    "flux.atom",
    "articles/flux.rss",
    "webinaires/flux.atom",
    "temoignages/flux.rss",
    "themes/economie-territoriale/flux.atom",
    "themes/collectivite-territoriale/flux.rss",
]


def fmt_of(feed):
    return feed.rsplit(".", 1)[1]


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = checks.check_feed(response.content, fmt_of(url))
    return parsed


def rename_news_index(news_index, slug):
    """What an editor does in the admin: change the slug ("Promotion" tab) and publish."""
    news_index.slug = slug
    publish(news_index)
    return news_index


@pytest.fixture
def moved(client, news, news_index):
    """The ids, links and channel ids of every feed before and after the news index moves from
    ``/actualites/`` to ``/nouvelles/``."""
    before = {feed: entries(client, f"/actualites/{feed}") for feed in FEEDS}
    rename_news_index(news_index, "nouvelles")
    after = {feed: entries(client, f"/nouvelles/{feed}") for feed in FEEDS}
    return before, after


@pytest.mark.django_db
def test_moving_the_news_index_moves_its_feeds(client, moved):
    before, after = moved
    for feed in FEEDS:
        # The old addresses are gone: nothing answers there any more.
        assert client.get(f"/actualites/{feed}").status_code == 404, feed
        assert after[feed].entries, feed
        # Readers keep their items: same ids, same channel id, same order.
        assert [e.id for e in after[feed].entries] == [e.id for e in before[feed].entries], feed
        if fmt_of(feed) == "atom":  # RSS 2.0 has no channel id
            assert after[feed].feed.id == before[feed].feed.id, feed
        # Links follow the page.
        assert after[feed].feed.link.startswith("http://testserver/nouvelles/"), feed
        for entry in after[feed].entries:
            assert entry.link.startswith("http://testserver/nouvelles/"), entry.link
    # The channel ids are stable ids, not addresses: they keep "actualites".
    assert after["flux.atom"].feed.id == (
        "tag:club-developpeurs-nouvelle-aquitaine.fr,2020-11-19:actualites/flux"
    )
    assert after["webinaires/flux.atom"].feed.id.endswith(":actualites/webinaires/flux")
    self_link = next(link for link in after["flux.atom"].feed.links if link["rel"] == "self")
    assert self_link["href"] == "http://testserver/nouvelles/flux.atom"


@pytest.mark.django_db
def test_the_feeds_page_footer_and_autodiscovery_follow_the_news_index(client, news, news_index):
    rename_news_index(news_index, "nouvelles")
    assert client.get("/actualites/flux/").status_code == 404

    response = client.get("/nouvelles/flux/")
    assert response.status_code == 200
    page = response.content.decode()
    listed = re.findall(r'href="http://testserver(/[^"]*flux\.(?:rss|atom))"', page)
    assert {f"/nouvelles/{feed}" for feed in FEEDS} <= set(listed)
    assert all(url.startswith("/nouvelles/") for url in listed)
    for url in listed:
        assert client.get(url).status_code == 200, url
    assert '<a href="/nouvelles/">Actualités</a>' in page  # breadcrumbs

    home = client.get("/").content.decode()
    footer = home.split('<footer class="site-footer">')[1]
    assert '<a href="/nouvelles/flux/">Flux RSS</a>' in footer
    advertised = [href for _kind, _title, href in LINK.findall(home.split("</head>")[0])]
    assert advertised == ["/nouvelles/flux.rss", "/nouvelles/flux.atom"]


@pytest.mark.django_db
def test_theme_pages_and_the_kind_listing_advertise_the_moved_feeds(client, news, news_index):
    rename_news_index(news_index, "nouvelles")
    theme_page = client.get("/nouvelles/themes/economie-territoriale/").content.decode()
    head = theme_page.split("</head>")[0]
    assert 'href="/nouvelles/themes/economie-territoriale/flux.rss"' in head
    assert 'href="/nouvelles/themes/economie-territoriale/flux.atom"' in head
    listing = client.get("/nouvelles/", {"type": "webinaire"}).content.decode()
    assert 'href="/nouvelles/webinaires/flux.rss"' in listing.split("</head>")[0]
    assert "/actualites/" not in head + listing.split("</head>")[0]


@pytest.mark.django_db
def test_an_unknown_theme_or_kind_is_still_a_404_after_a_move(client, news, news_index):
    rename_news_index(news_index, "nouvelles")
    for url in [
        "/nouvelles/themes/inconnu/flux.rss",
        "/nouvelles/themes/inconnu/flux.atom",
        "/nouvelles/evenements/flux.rss",
        "/nouvelles/flux.xml",
        "/nouvelles/themes/flux.rss",
        "/nouvelles/flux.rss/",
    ]:
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "feed", ["flux.rss", "webinaires/flux.atom", "themes/economie-territoriale/flux.rss"]
)
def test_feed_routes_answer_get_and_head_only(client, news, feed):
    url = f"/actualites/{feed}"
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Type"] == get["Content-Type"]
    for method in (client.post, client.put, client.delete, client.options):
        response = method(url)
        assert response.status_code == 405, method
        assert response["Allow"] == "GET, HEAD"
    # Conditional GET still answers 304 on the route.
    assert client.get(url, headers={"if-none-match": get["ETag"]}).status_code == 304


@pytest.mark.django_db
def test_the_feeds_page_answers_get_and_head_only(client, news):
    assert client.head("/actualites/flux/").status_code == 200
    assert client.post("/actualites/flux/").status_code == 405


@pytest.mark.django_db
def test_feed_links_name_the_wagtail_site_not_the_requested_host(client, news):
    """Absolute links come from the Wagtail ``Site`` record (``home.site_urls``), like the
    canonical URL and the sharing tags: a reader who came through another name gets the same."""
    Site.objects.update(hostname="club.example.org", port=443)
    raw = client.get("/actualites/flux.rss", HTTP_HOST="autre-nom.example.net").content.decode()
    parsed = checks.check_rss(raw.encode())
    assert parsed.feed.link == "https://club.example.org/actualites/"
    assert all(e.link.startswith("https://club.example.org/actualites/") for e in parsed.entries)
    assert "autre-nom.example.net" not in raw
