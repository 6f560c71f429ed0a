"""Admin sessions last 8 hours without activity, and activity slides them."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db
HOUR = 3600


@pytest.fixture
def camille(db):
    return get_user_model().objects.create_superuser("camille", "camille@exemple.fr", "secret-123")


def log_in(client):
    response = client.post("/admin/login/", {"username": "camille", "password": "secret-123"})
    assert response.status_code == 302


def test_an_idle_session_ends_after_eight_hours(camille, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    client = Client()
    log_in(client)
    assert client.get("/admin/").status_code == 200
    time_machine.shift(8 * HOUR + 60)
    assert client.get("/admin/").status_code == 302  # back to the login page


def test_activity_slides_the_session(camille, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    client = Client()
    log_in(client)
    for _ in range(3):  # 21 hours of work, a request every 7 hours
        time_machine.shift(7 * HOUR)
        assert client.get("/admin/").status_code == 200


def test_requests_within_the_refresh_interval_write_no_session(camille, home_page):
    client = Client()
    log_in(client)
    client.get("/admin/")  # the refresh recorded at login is recent: nothing to write
    response = client.get("/")
    assert "sessionid" not in response.cookies


def test_visitors_get_no_session_cookie(home_page):
    response = Client().get("/")
    assert "sessionid" not in response.cookies
