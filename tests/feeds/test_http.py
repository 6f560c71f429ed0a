"""HTTP behaviour: content types, caching headers, conditional GET."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date, parse_http_date

from tests.feeds.conftest import publish

URLS = [
    "/actualites/flux.rss",
    "/actualites/flux.atom",
    "/actualites/webinaires/flux.rss",
    "/actualites/themes/economie-territoriale/flux.atom",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", URLS)
def test_feeds_send_validators_and_a_cache_lifetime(client, news, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].endswith("; charset=utf-8")
    assert "max-age=900" in response["Cache-Control"]
    assert response["ETag"].startswith('"') and len(response["ETag"]) > 10
    last_modified = parse_http_date(response["Last-Modified"])
    assert last_modified <= max(page.last_published_at for page in news.values()).timestamp()


@pytest.mark.django_db
@pytest.mark.parametrize("url", URLS)
def test_if_none_match_gets_a_304_without_body_and_few_queries(client, news, url):
    etag = client.get(url)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert "max-age=900" in response["Cache-Control"]
    # The aggregate alone: the site, the route to the news index and the theme come from the
    # shared cache (``home.page_cache.derived``), and the items are never built.
    assert len(queries) <= 1, [q["sql"] for q in queries]


@pytest.mark.django_db
@pytest.mark.parametrize("url", URLS)
def test_if_modified_since_gets_a_304_until_something_is_published(client, news, url):
    last_modified = client.get(url)["Last-Modified"]
    assert client.get(url, headers={"if-modified-since": last_modified}).status_code == 304

    earlier = http_date(
        datetime.datetime.strptime(last_modified, "%a, %d %b %Y %H:%M:%S GMT")
        .replace(tzinfo=datetime.UTC)
        .timestamp()
        - 60
    )
    assert client.get(url, headers={"if-modified-since": earlier}).status_code == 200


@pytest.mark.django_db
def test_last_modified_is_the_latest_publication(client, news):
    latest = max(page.last_published_at for page in news.values())
    assert client.get("/actualites/flux.rss")["Last-Modified"] == http_date(latest.timestamp())
    webinar = news["webinaire"]
    assert client.get("/actualites/webinaires/flux.rss")["Last-Modified"] == http_date(
        webinar.last_published_at.timestamp()
    )


@pytest.mark.django_db
def test_a_publication_changes_the_etag(client, news, make_feed_item):
    url = "/actualites/flux.rss"
    first = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": first}).status_code == 304

    make_feed_item(title="Une nouvelle actualité")
    second = client.get(url)["ETag"]
    assert second != first
    response = client.get(url, headers={"if-none-match": first})
    assert response.status_code == 200
    assert "Une nouvelle actualité" in response.content.decode()

    # Publishing an edit of an existing item changes it too...
    article = news["article"]
    article.title = "Lancement du Club (mis à jour)"
    publish(article)
    third = client.get(url)["ETag"]
    assert third not in (first, second)

    # ... and so does unpublishing one.
    article.unpublish()
    assert client.get(url)["ETag"] not in (first, second, third)


@pytest.mark.django_db
def test_rss_and_atom_of_a_feed_have_different_etags(client, news):
    assert client.get("/actualites/flux.rss")["ETag"] != client.get("/actualites/flux.atom")["ETag"]


@pytest.mark.django_db
def test_an_empty_feed_still_answers_conditionally(client, news_index):
    response = client.get("/actualites/flux.rss")
    assert response.status_code == 200
    assert "Last-Modified" not in response
    assert (
        client.get("/actualites/flux.rss", headers={"if-none-match": response["ETag"]}).status_code
        == 304
    )


@pytest.mark.django_db
def test_feeds_accept_only_safe_methods(client, news):
    assert client.head("/actualites/flux.rss").status_code == 200
    assert client.post("/actualites/flux.rss").status_code == 405
