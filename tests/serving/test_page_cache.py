"""The page cache as visitors meet it: a second visit is served without SQL, and what belongs
to one visitor (user bar, password form, session) is never stored nor served to another."""

import logging

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.page_cache import keys
from home.page_cache.middleware import PageCacheMiddleware
from tests.factories import DocumentFactory
from tests.serving.conftest import cache_status

pytestmark = pytest.mark.django_db


def test_a_second_visit_is_served_from_the_cache_without_sql(
    client, article, django_assert_num_queries
):
    first = client.get(article.url)
    assert first.status_code == 200
    assert cache_status(first) == "miss"
    with django_assert_num_queries(0):
        second = client.get(article.url)
    assert cache_status(second) == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    assert "Premier article" in second.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/actualites/",
        "/actualites/?type=article",
        "/actualites/flux.rss",
        "/sitemap.xml",
        "/robots.txt",
        "/recherche/?q=article",
    ],
)
def test_public_pages_listings_feeds_and_search_are_cached(
    client, article, url, django_assert_num_queries
):
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        assert cache_status(client.get(url)) == "hit"


def test_the_query_string_is_part_of_the_key(client, article):
    assert cache_status(client.get("/actualites/")) == "miss"
    assert cache_status(client.get("/actualites/?page=2")) == "miss"
    assert cache_status(client.get("/actualites/?page=2")) == "hit"
    assert cache_status(client.get("/actualites/")) == "hit"


def test_head_is_answered_from_the_get_entry(client, article, django_assert_num_queries):
    client.get(article.url)
    with django_assert_num_queries(0):
        response = client.head(article.url)
    assert response.status_code == 200
    assert cache_status(response) == "hit"


def test_missing_pages_are_cached_as_404(client, home_page, django_assert_num_queries):
    assert client.get("/nulle-part/").status_code == 404
    with django_assert_num_queries(0):
        response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert cache_status(response) == "hit"


def test_logged_in_users_get_their_user_bar_never_the_cached_page(client, admin_client, article):
    anonymous = client.get(article.url).content.decode()
    assert "wagtail-userbar" not in anonymous
    response = admin_client.get(article.url)
    assert cache_status(response) == "bypass"
    assert "wagtail-userbar" in response.content.decode()
    assert "private" in response["Cache-Control"]
    # ... and the logged-in page is not what the next anonymous visitor gets.
    assert "wagtail-userbar" not in client.get(article.url).content.decode()


def test_post_requests_are_never_cached(client, home_page):
    client.get("/recherche/?q=club")
    response = client.post("/recherche/?q=club")
    assert response.status_code == 405
    assert cache_status(response) == "bypass"


def test_password_protected_pages_are_never_cached(client, article):
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    form = client.get(article.url)
    assert form.status_code == 200
    assert cache_status(form) == "miss"
    assert "private" in form["Cache-Control"]  # it sets the CSRF cookie
    # The visitor types the password: from then on they carry a session and bypass the cache.
    auth_url = reverse(
        "wagtailcore_authenticate_with_password",
        args=[article.view_restrictions.get().pk, article.pk],
    )
    response = client.post(auth_url, {"password": "secret", "return_url": article.url})
    assert response.status_code == 302
    protected = client.get(article.url)
    assert cache_status(protected) == "bypass"
    assert "Le chapô de « Premier article »" in protected.content.decode()
    # A visitor without the password still gets the form, never the protected content.
    client.cookies.clear()
    other = client.get(article.url)
    assert cache_status(other) != "hit"
    assert "Le chapô de « Premier article »" not in other.content.decode()


def test_previews_documents_and_admin_are_never_cached(admin_client, client, article):
    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert preview.status_code == 200
    assert cache_status(preview) == "bypass"
    document = DocumentFactory()
    for _ in range(2):
        response = client.get(document.url)
        assert cache_status(response) == "bypass"
    assert cache_status(client.get("/admin/login/")) == "bypass"
    assert cache_status(client.get("/sante/")) == "bypass"


def test_pages_served_with_cache_headers_etag_and_304(client, article, django_assert_num_queries):
    response = client.get(article.url)
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "max-age=30" in cache_control
    assert "s-maxage=60" in cache_control
    vary = [v.strip() for v in response["Vary"].split(",")]
    assert "Cookie" in vary
    assert "Accept-Language" not in vary
    etag = response["ETag"]
    with django_assert_num_queries(0):
        not_modified = client.get(article.url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""


def test_feeds_keep_their_own_lifetime_and_etag(client, article):
    first = client.get("/actualites/flux.atom")
    again = client.get("/actualites/flux.atom", HTTP_IF_NONE_MATCH=first["ETag"])
    assert cache_status(again) == "hit"
    assert again.status_code == 304
    assert "s-maxage=60" in first["Cache-Control"]


def test_long_query_strings_are_served_uncached(client, home_page, settings):
    url = "/recherche/?q=" + "a" * (settings.PAGE_CACHE_MAX_QUERY_LENGTH + 1)
    assert client.get(url).status_code == 200
    assert cache_status(client.get(url)) == "bypass"


def test_keys_have_a_bounded_length_whatever_the_url(rf, home_page):
    short = keys.entry_key(rf.get("/"), "g")
    long = keys.entry_key(rf.get("/" + "x" * 400, {"q": "é" * 100}), "g")
    assert len(short) == len(long) < 120


def test_hostile_query_strings_cannot_grow_the_store_without_bound(client, home_page, settings):
    max_entries = settings.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"]
    for n in range(max_entries + 200):
        client.get(f"/robots.txt?n={n}")
    assert len(cache._cache) <= max_entries
    assert client.get("/robots.txt").status_code == 200


def test_the_bypass_header_is_ignored_unless_a_setting_allows_it(client, article, settings):
    client.get(article.url)
    assert cache_status(client.get(article.url, HTTP_X_PAGE_CACHE_BYPASS="1")) == "hit"
    settings.PAGE_CACHE_ALLOW_BYPASS_HEADER = True
    assert cache_status(client.get(article.url, HTTP_X_PAGE_CACHE_BYPASS="1")) == "bypass"


def test_unknown_hosts_are_refused_not_cached(client, home_page, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


REDIS_CLOSED_PORT = "redis://127.0.0.1:8139/11"


def test_redis_down_serves_pages_uncached_and_logs(client, article, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_CLOSED_PORT,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
            },
        }
    }
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    with caplog.at_level(logging.WARNING):
        for _ in range(2):
            response = client.get(article.url)
            assert response.status_code == 200
            assert cache_status(response) == "miss"
            assert "Premier article" in response.content.decode()
    assert any(record.levelno >= logging.WARNING for record in caplog.records)
    health = client.get("/sante/")
    assert health.status_code == 200
    assert "cache : indisponible" in health.content.decode()


def test_a_cache_that_raises_is_logged_and_the_page_served(settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_CLOSED_PORT,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }
    middleware = PageCacheMiddleware(lambda request: HttpResponse("la page"))
    with caplog.at_level(logging.WARNING, logger="home.page_cache.middleware"):
        response = middleware(RequestFactory().get("/une-page/"))
    assert response.status_code == 200
    assert response.content == b"la page"
    assert response["X-Page-Cache"] == "unavailable"
    assert "Page cache unavailable" in caplog.text
