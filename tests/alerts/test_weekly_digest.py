"""The weekly digest: on Mondays (or with ``--weekly``), one e-mail a week with what is new."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from alerts.models import Rhythm
from tests.alerts.factories import article, confirmed
from tests.alerts.helpers import THEME, send_alerts

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
TUESDAY = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=PARIS)
MONDAY = datetime.datetime(2026, 11, 30, 8, 0, tzinfo=PARIS)
WEDNESDAY = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=PARIS)
NEXT_MONDAY = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=PARIS)


def test_weekly_subscribers_get_one_digest_on_monday(site):
    with time_machine.travel(TUESDAY - datetime.timedelta(days=2), tick=False):
        article(site, "Avant", [THEME])
    with time_machine.travel(TUESDAY - datetime.timedelta(days=1), tick=False):
        weekly = confirmed("semaine@exemple.fr", themes=[THEME], rhythm=Rhythm.WEEKLY)
        immediate = confirmed("aussitot@exemple.fr", themes=[THEME])
    with time_machine.travel(TUESDAY, tick=False):
        article(site, "Mardi", [THEME])
        send_alerts()
    # Tuesday: the immediate subscriber gets it, the weekly one waits.
    assert [m.to for m in mail.outbox] == [[immediate.email]]
    with time_machine.travel(TUESDAY + datetime.timedelta(days=2), tick=False):
        article(site, "Jeudi", [THEME])
        send_alerts()
    with time_machine.travel(MONDAY, tick=False):
        output = send_alerts()
    assert "sélection hebdomadaire incluse" in output
    digests = [m for m in mail.outbox if m.to == [weekly.email]]
    assert len(digests) == 1
    digest = digests[0]
    assert digest.subject == "Votre sélection de la semaine – Club des Développeurs"
    assert "Mardi" in digest.body and "Jeudi" in digest.body and "Avant" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Later the same Monday (the timer runs every 15 minutes): no second digest.
    with time_machine.travel(MONDAY + datetime.timedelta(hours=2), tick=False):
        article(site, "Lundi midi", [THEME])
        send_alerts()
    assert len([m for m in mail.outbox if m.to == [weekly.email]]) == 1
    # The next Monday brings what was published since.
    with time_machine.travel(NEXT_MONDAY, tick=False):
        send_alerts()
    digests = [m for m in mail.outbox if m.to == [weekly.email]]
    assert len(digests) == 2
    assert "Lundi midi" in digests[1].body and "Mardi" not in digests[1].body


def test_the_weekly_flag_forces_the_digest_on_another_day(site):
    with time_machine.travel(TUESDAY - datetime.timedelta(days=1), tick=False):
        article(site, "Avant", [THEME])
    with time_machine.travel(TUESDAY, tick=False):
        weekly = confirmed("semaine@exemple.fr", rhythm=Rhythm.WEEKLY)
    with time_machine.travel(TUESDAY + datetime.timedelta(hours=1), tick=False):
        article(site, "Nouvelle", [THEME])
    with time_machine.travel(WEDNESDAY, tick=False):
        send_alerts()
        assert mail.outbox == []
        send_alerts("--weekly")
    assert [m.to for m in mail.outbox] == [[weekly.email]]
    assert "Nouvelle" in mail.outbox[0].body and "Avant" not in mail.outbox[0].body
