"""A session in progress is still "à venir" (it has not ended), however long it lasts within the
week a session may last; the search for sessions not yet ended starts a week back
(``news.models.webinar.not_ended``)."""

import datetime

import pytest
from django.utils import timezone

from agenda.queries import sessions, upcoming
from news.queries import next_webinar
from tests.factories import WebinarPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("started_ago, minutes", [(1, 90), (24 * 60 * 6, 24 * 60 * 7)])
def test_a_session_in_progress_is_upcoming(news_index, started_ago, minutes):
    now = timezone.now()
    running = WebinarPageFactory(
        parent=news_index,
        starts_at=now - datetime.timedelta(minutes=started_ago),
        duration_minutes=minutes,
    )
    WebinarPageFactory(parent=news_index, starts_at=now - datetime.timedelta(days=8))
    assert list(upcoming(sessions(now=now), now)) == [running]
    assert next_webinar(now) == running


def test_a_session_that_has_ended_is_not_upcoming(news_index):
    now = timezone.now()
    WebinarPageFactory(
        parent=news_index, starts_at=now - datetime.timedelta(hours=2), duration_minutes=60
    )
    assert list(upcoming(sessions(now=now), now)) == []
    assert next_webinar(now) is None
