"""Calendars answer conditional requests like the feeds: ETag, Last-Modified, 304, 15 minutes."""

import pytest
from django.utils.http import http_date

from tests.agenda.conftest import make_session, republish

pytestmark = pytest.mark.django_db

URLS = ["/agenda/agenda.ics", "/agenda/themes/economie-territoriale/agenda.ics"]


def test_calendars_send_validators_and_a_cache_lifetime(client, agenda_page, news_index):
    session = make_session(news_index, themes=["Économie territoriale"])
    for url in [*URLS, f"/agenda/sessions/{session.pk}.ics"]:
        response = client.get(url)
        assert response.status_code == 200
        assert response["ETag"].startswith('"') and response["Last-Modified"]
        assert response["Cache-Control"] == "max-age=900, public"


@pytest.mark.parametrize("url", URLS)
def test_a_client_with_a_fresh_copy_gets_304_without_body(client, agenda_page, news_index, url):
    make_session(news_index, themes=["Économie territoriale"])
    first = client.get(url)
    by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304


def test_the_same_content_gives_the_same_bytes(client, agenda_page, news_index):
    make_session(news_index)
    assert client.get("/agenda/agenda.ics").content == client.get("/agenda/agenda.ics").content


def test_every_change_subscribers_must_see_changes_the_etag(client, agenda_page, news_index):
    session = make_session(news_index, themes=["Économie territoriale"])
    other = make_session(news_index, themes=["Économie territoriale"])
    seen = set()

    def etags():
        pair = tuple(client.get(url)["ETag"] for url in URLS)
        single = client.get(f"/agenda/sessions/{session.pk}.ics")
        assert pair not in seen
        seen.add(pair)
        return single

    before = etags()["ETag"]
    republish(session, title="Nouveau titre")
    after_edit = etags()
    assert after_edit["ETag"] != before
    republish(session, cancelled=True)
    etags()
    other.unpublish()
    etags()
    make_session(news_index, themes=["Économie territoriale"])
    etags()
    # A 304 is only given for the copy the client has.
    stale = client.get(URLS[0], HTTP_IF_NONE_MATCH='"0123"')
    assert stale.status_code == 200


def test_a_single_session_file_answers_304(client, agenda_page, news_index):
    session = make_session(news_index)
    url = f"/agenda/sessions/{session.pk}.ics"
    first = client.get(url)
    assert first["Last-Modified"] == http_date(session.last_published_at.timestamp())
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    republish(session, duration_minutes=45)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_built_calendar_is_kept_until_its_content_changes(client, agenda_page, news_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    session = make_session(news_index, title="Avant")
    first = client.get("/agenda/agenda.ics")
    with CaptureQueriesContext(connection) as warm:
        again = client.get("/agenda/agenda.ics")
    assert again.content == first.content
    # Served from the cache: no query for the sessions themselves (their fields), only the
    # validators' aggregate.
    assert not any('"news_webinarpage"."venue"' in query["sql"] for query in warm.captured_queries)
    republish(session, title="Après")
    assert b"SUMMARY:Apr" in client.get("/agenda/agenda.ics").content
