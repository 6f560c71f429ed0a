"""The iCalendar files: valid for two parsers and RFC 5545, stable ids, updates, time zones."""

import datetime

import pytest
import time_machine
from django.test import override_settings
from wagtail.models import PageViewRestriction

from agenda import queries, views
from tests.agenda.conftest import make_session, paris, republish
from tests.agenda.ics import events_by_uid, parse, read_with_vobject, rfc5545_problems
from tests.factories import NewsIndexPageFactory

pytestmark = pytest.mark.django_db

HOSTILE_TITLES = [
    "Virgules, points-virgules ; et deux-points : tout y est",
    "Sur\nplusieurs\r\nlignes",
    "Un mot : " + "x" * 240,  # titles stop at 255 characters; the 300-letter word is below
    "Émoji 🎉📅 et accents : « Économie territoriale »",
    'Barre oblique inverse \\ et guillemets "doubles"',
]


def ics(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_every_calendar_is_valid_for_two_parsers_and_rfc5545(client, agenda_page, news_index):
    sessions = [
        make_session(
            news_index,
            title=title,
            introduction=f"Chapô, avec ; des signes\net un mot de 300 lettres : {'é' * 300}",
            attendance="hybrid",
            venue="Hôtel de Région ; salle 2, Bordeaux",
            online_url="https://visio.example.org/salle?code=1,2;3",
            themes=["Économie territoriale"],
        )
        for title in HOSTILE_TITLES
    ]
    urls = [
        "/agenda/agenda.ics",
        "/agenda/themes/economie-territoriale/agenda.ics",
        *(f"/agenda/sessions/{session.pk}.ics" for session in sessions),
    ]
    for url in urls:
        raw = ics(client, url).content
        assert rfc5545_problems(raw) == [], url
        parse(raw)
    events = events_by_uid(ics(client, "/agenda/agenda.ics").content)
    summaries = {str(event["SUMMARY"]) for event in events.values()}
    # What the editor typed comes back, newlines made spaces-free but kept as text.
    assert "Virgules, points-virgules ; et deux-points : tout y est" in summaries
    assert "Un mot : " + "x" * 240 in summaries
    descriptions = {str(event["DESCRIPTION"]) for event in events.values()}
    assert all(
        "Chapô, avec ; des signes\net un mot de 300 lettres : " + "é" * 300 in text
        for text in descriptions
    )
    assert "Émoji 🎉📅 et accents : « Économie territoriale »" in summaries
    assert 'Barre oblique inverse \\ et guillemets "doubles"' in summaries
    assert "Sur\nplusieurs\nlignes" in summaries
    locations = {str(event["LOCATION"]) for event in events.values()}
    assert locations == {
        "Hôtel de Région ; salle 2, Bordeaux (ou en ligne : https://visio.example.org/salle?code=1,2;3)"
    }


def test_an_event_says_what_subscribers_need(client, agenda_page, news_index):
    session = make_session(
        news_index,
        title="Session collective sur les contrats",
        session_type="session-collective",
        starts_at=paris(2030, 1, 15, 14),
        duration_minutes=90,
        attendance="onsite",
        venue="Hôtel de Région, Bordeaux",
        registration_url="https://inscription.example.org/contrats",
        introduction="Les contrats de territoire.",
        themes=["Collectivité territoriale"],
    )
    response = ics(client, f"/agenda/sessions/{session.pk}.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith(f'filename="{session.slug}.ics"')
    calendar = parse(response.content)
    (event,) = calendar.events
    assert str(event["UID"]) == f"session-{session.pk}@club-developpeurs-nouvelle-aquitaine.fr"
    assert event.start == paris(2030, 1, 15, 14) and event.end == paris(2030, 1, 15, 15, 30)
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Paris"]
    assert str(event["SUMMARY"]) == "Session collective sur les contrats"
    assert str(event["LOCATION"]) == "Hôtel de Région, Bordeaux"
    assert str(event["URL"]) == f"http://localhost{session.url}"
    assert str(event["STATUS"]) == "CONFIRMED" and event["SEQUENCE"] == 0
    published = session.last_published_at.replace(microsecond=0)
    assert event["DTSTAMP"].dt == published and event["LAST-MODIFIED"].dt == published
    description = str(event["DESCRIPTION"])
    assert description.startswith("Les contrats de territoire.")
    assert "Session collective, sur place : Hôtel de Région, Bordeaux" in description
    assert "Inscription : https://inscription.example.org/contrats" in description
    assert f"Plus d'informations : http://localhost{session.url}" in description
    assert [str(c) for c in event["CATEGORIES"].cats] == [
        "Session collective",
        "Collectivité territoriale",
    ]


def test_the_subscription_calendar_describes_itself(client, agenda_page, news_index):
    make_session(news_index)
    response = ics(client, "/agenda/agenda.ics")
    assert response["Content-Disposition"] == 'inline; filename="agenda.ics"'
    calendar = parse(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Club des Développeurs – Agenda"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Paris"
    assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=1)
    assert b"X-PUBLISHED-TTL:PT1H\r\n" in response.content
    assert b"METHOD:PUBLISH\r\n" in response.content
    assert str(calendar["SOURCE"]) == "http://testserver/agenda/agenda.ics"


def test_an_online_session_is_located_at_its_link(client, agenda_page, news_index):
    online = make_session(news_index, attendance="online", online_url="https://visio.example.org/a")
    bare = make_session(news_index, attendance="online", online_url="")
    events = events_by_uid(ics(client, "/agenda/agenda.ics").content)
    assert str(
        events[f"session-{online.pk}@club-developpeurs-nouvelle-aquitaine.fr"]["LOCATION"]
    ) == ("https://visio.example.org/a")
    assert str(
        events[f"session-{bare.pk}@club-developpeurs-nouvelle-aquitaine.fr"]["LOCATION"]
    ) == ("En ligne")


def only_event(client, session):
    events = events_by_uid(ics(client, "/agenda/agenda.ics").content)
    assert len(events) == 1
    return next(iter(events.items()))


def test_the_uid_survives_an_edit_a_slug_change_and_a_move(client, agenda_page, news_index):
    session = make_session(news_index, title="Avant")
    uid, _ = only_event(client, session)
    republish(session, title="Après, renommée")
    republish(session, slug="nouvelle-adresse")
    archives = NewsIndexPageFactory(parent=agenda_page.get_parent(), slug="archives")
    session.move(archives, pos="last-child")
    session.refresh_from_db()
    assert session.url.startswith("/archives/")
    new_uid, event = only_event(client, session)
    assert new_uid == uid
    assert str(event["SUMMARY"]) == "Après, renommée"
    assert str(event["URL"]) == "http://localhost/archives/nouvelle-adresse/"


@override_settings(FEED_TAG_AUTHORITY="club.example.org")
def test_the_uid_comes_from_the_setting_not_the_host(client, agenda_page, news_index):
    session = make_session(news_index)
    uid, _ = only_event(client, session)
    assert uid == f"session-{session.pk}@club.example.org"
    response = client.get("/agenda/agenda.ics", HTTP_HOST="www.localhost")
    assert f"session-{session.pk}@club.example.org".encode() in response.content


def test_sequence_grows_when_the_time_changes_not_for_other_edits(client, agenda_page, news_index):
    session = make_session(news_index, starts_at=paris(2030, 3, 1, 14))
    assert only_event(client, session)[1]["SEQUENCE"] == 0
    republish(session, title="Nouveau titre", introduction="Nouveau chapô.")
    assert only_event(client, session)[1]["SEQUENCE"] == 0
    republish(session, starts_at=paris(2030, 3, 2, 14))
    assert only_event(client, session)[1]["SEQUENCE"] == 1
    republish(session, duration_minutes=120)
    event = only_event(client, session)[1]
    assert event["SEQUENCE"] == 2 and event.start == paris(2030, 3, 2, 14)
    assert event.end == paris(2030, 3, 2, 16)


def test_a_draft_does_not_change_the_sequence_but_its_publication_does(
    client, agenda_page, news_index
):
    session = make_session(news_index, starts_at=paris(2030, 3, 1, 14))
    session.starts_at = paris(2030, 3, 8, 14)
    revision = session.save_revision()  # saved as a draft: the live session keeps its time
    session.refresh_from_db()
    assert session.sequence == 0 and session.starts_at == paris(2030, 3, 1, 14)
    revision.publish()
    session.refresh_from_db()
    assert session.sequence == 1 and session.starts_at == paris(2030, 3, 8, 14)
    # Publishing an older revision (stale ``sequence``) moves the time back: the counter still grows.
    session.revisions.order_by("created_at").first().publish()
    session.refresh_from_db()
    assert session.starts_at == paris(2030, 3, 1, 14) and session.sequence == 2


def test_a_cancelled_session_stays_with_status_cancelled(client, agenda_page, news_index):
    session = make_session(news_index, title="Atelier du mardi")
    republish(session, cancelled=True)
    uid, event = only_event(client, session)
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert str(event["SUMMARY"]) == "Annulée : Atelier du mardi"
    assert str(event["DESCRIPTION"]).startswith("Session annulée")
    assert "Inscription" not in str(event["DESCRIPTION"])
    single = parse(ics(client, f"/agenda/sessions/{session.pk}.ics").content)
    assert str(single.events[0]["STATUS"]) == "CANCELLED"


def test_an_unpublished_or_private_session_leaves_the_calendars(client, agenda_page, news_index):
    kept = make_session(news_index, themes=["Économie territoriale"])
    gone = make_session(news_index, themes=["Économie territoriale"])
    hidden = make_session(news_index, themes=["Économie territoriale"])
    for url in ["/agenda/agenda.ics", "/agenda/themes/economie-territoriale/agenda.ics"]:
        assert len(events_by_uid(ics(client, url).content)) == 3
    gone.unpublish()
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    for url in ["/agenda/agenda.ics", "/agenda/themes/economie-territoriale/agenda.ics"]:
        uids = set(events_by_uid(ics(client, url).content))
        assert uids == {f"session-{kept.pk}@club-developpeurs-nouvelle-aquitaine.fr"}
    assert client.get(f"/agenda/sessions/{gone.pk}.ics").status_code == 404
    assert client.get(f"/agenda/sessions/{hidden.pk}.ics").status_code == 404


def test_old_sessions_leave_the_subscription_after_a_year(client, agenda_page, news_index):
    recent = make_session(news_index, starts_at=paris(2026, 1, 1, 10))
    old = make_session(news_index, starts_at=paris(2020, 11, 19, 10))
    with time_machine.travel(paris(2026, 6, 1, 12), tick=False):
        uids = set(events_by_uid(ics(client, "/agenda/agenda.ics").content))
        assert uids == {f"session-{recent.pk}@club-developpeurs-nouvelle-aquitaine.fr"}
        # Its own file stays, for whoever follows a link to it.
        assert len(parse(ics(client, f"/agenda/sessions/{old.pk}.ics").content).events) == 1


@pytest.mark.parametrize(
    ("starts_at", "utc"),
    [
        (paris(2026, 1, 15, 14), datetime.datetime(2026, 1, 15, 13, tzinfo=datetime.UTC)),
        (paris(2026, 7, 15, 14), datetime.datetime(2026, 7, 15, 12, tzinfo=datetime.UTC)),
    ],
    ids=["winter", "summer"],
)
def test_14h_paris_is_the_right_utc_instant(client, agenda_page, news_index, starts_at, utc):
    session = make_session(news_index, starts_at=starts_at)
    raw = ics(client, f"/agenda/sessions/{session.pk}.ics").content
    (event,) = parse(raw).events
    assert event.start.astimezone(datetime.UTC) == utc
    # vobject reads the VTIMEZONE written in the file, not Python's own database.
    other = read_with_vobject(raw).vevent.dtstart.value
    assert type(other.tzinfo).__name__ == "_tzicalvtz"
    assert other.astimezone(datetime.UTC) == utc
    assert b"DTSTART;TZID=Europe/Paris:" + starts_at.strftime("%Y%m%dT140000").encode() in raw


def test_theme_calendars(client, agenda_page, news_index):
    economie = make_session(news_index, themes=["Économie territoriale"])
    make_session(news_index, themes=["Collectivité territoriale"])
    response = ics(client, "/agenda/themes/economie-territoriale/agenda.ics")
    assert response["Content-Disposition"] == 'inline; filename="agenda-economie-territoriale.ics"'
    calendar = parse(response.content)
    assert [str(event["UID"]) for event in calendar.events] == [
        f"session-{economie.pk}@club-developpeurs-nouvelle-aquitaine.fr"
    ]
    assert str(calendar["X-WR-CALNAME"]) == "Club des Développeurs – #Économie territoriale"
    assert client.get("/agenda/themes/inconnu/agenda.ics").status_code == 404


def test_a_theme_without_sessions_gives_an_empty_valid_calendar(client, agenda_page, news_index):
    make_session(news_index, themes=["Économie territoriale"]).unpublish()
    raw = ics(client, "/agenda/themes/economie-territoriale/agenda.ics").content
    assert rfc5545_problems(raw) == []
    assert parse(raw).events == []


def test_unknown_or_odd_addresses_answer_404(client, agenda_page, news_index):
    article_like = make_session(news_index)
    for url in [
        "/agenda/sessions/0.ics",
        "/agenda/sessions/99999999999999999999.ics",
        f"/agenda/sessions/{agenda_page.pk}.ics",
        "/agenda/autre.ics",
        "/agenda/themes/" + "x" * 300 + "/agenda.ics",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.get(f"/agenda/sessions/{article_like.pk}.ics").status_code == 200
    assert client.post("/agenda/agenda.ics").status_code == 405


def test_the_calendars_of_a_private_agenda_are_private(client, agenda_page, news_index):
    make_session(news_index)
    PageViewRestriction.objects.create(page=agenda_page, restriction_type="password", password="x")
    response = client.get("/agenda/agenda.ics")
    assert response.status_code == 200 and b"BEGIN:VCALENDAR" not in response.content


def test_a_calendar_carries_the_soonest_sessions_and_the_latest_of_the_year(
    client, agenda_page, news_index, monkeypatch
):
    """However many sessions an agenda holds, a subscribed calendar stays small: the soonest to
    come and the latest ones of the year; the later ones join as the soonest end."""
    monkeypatch.setattr(queries, "CALENDAR_UPCOMING", 3)
    monkeypatch.setattr(views, "UPCOMING_SHOWN", 2)
    monkeypatch.setattr(queries, "CALENDAR_PAST", 2)
    theme = ["Économie territoriale"]
    with time_machine.travel(paris(2026, 6, 1, 12), tick=False):
        upcoming = [
            make_session(news_index, starts_at=paris(2026, 6, 2 + day, 10), themes=theme)
            for day in range(5)
        ]
        past = [
            make_session(news_index, starts_at=paris(2026, 5, 30 - day, 10), themes=theme)
            for day in range(4)
        ]
        old = make_session(news_index, starts_at=paris(2025, 5, 1, 10))

        def uids(url="/agenda/agenda.ics"):
            raw = ics(client, url).content
            assert not rfc5545_problems(raw)
            return set(events_by_uid(raw))

        def uid(page):
            return f"session-{page.pk}@club-developpeurs-nouvelle-aquitaine.fr"

        expected = {uid(page) for page in upcoming[:3] + past[:2]}
        assert uids() == expected
        assert uids("/agenda/themes/economie-territoriale/agenda.ics") == expected
        etag = client.get("/agenda/agenda.ics")["ETag"]
        # The soonest leaves (unpublished): the next one joins, and subscribers see it.
        upcoming[0].unpublish()
        assert uids() == {uid(page) for page in upcoming[1:4] + past[:2]}
        assert client.get("/agenda/agenda.ics", HTTP_IF_NONE_MATCH=etag).status_code == 200
        # A year of history, at most: with fewer recent sessions, the old one stays out.
        for page in past:
            page.unpublish()
        assert uid(old) not in uids()
        # The page lists 2 of the 4 to come and says the calendar holds the soonest 3.
        html = client.get("/agenda/").content.decode()
        assert "4 sessions à venir" in html
        assert "calendrier (ci-dessus) contient les 3 prochaines" in html
