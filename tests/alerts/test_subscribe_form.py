"""Bad input and abuse on ``/alertes/``: a French error, the input kept, never a 500; no spam."""

import datetime
import html

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from alerts.models import Subscription
from home import antispam
from tests.alerts.factories import article, confirmed
from tests.alerts.helpers import THEME, THEME_SLUG, stamp, subscribe_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def themed_site(site):
    article(site, "Thème", [THEME])
    return site


def post(client, data, **extra):
    return client.post("/alertes/", data, **extra)


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"email": "pas-une-adresse"}, "Saisissez une adresse de courriel valide."),
        ({"email": "a" * 10_000 + "@exemple.fr"}, "au plus 254 caractères"),
        (
            {"email": "camille@exemple.fr\r\nBcc: victime@exemple.fr"},
            "Saisissez une adresse de courriel valide.",
        ),
        (
            {"email": "<script>alert(1)</script>@exemple.fr"},
            "Saisissez une adresse de courriel valide.",
        ),
        ({"email": ""}, "Champ requis."),
        ({"themes": ["theme-inconnu"]}, "n&#x27;est pas un des thèmes proposés"),
        ({"themes": ["x" * 10_000]}, "Choisissez parmi les thèmes proposés."),
        ({"themes": ["a\x00b"]}, "Choisissez parmi les thèmes proposés."),
        ({"kinds": ["spam"]}, "n&#x27;est pas un des types proposés"),
        ({"rhythm": "chaque-heure"}, "Sélectionnez un choix valide"),
    ],
)
def test_bad_input_gets_a_french_error_and_keeps_the_input(themed_site, client, changes, error):
    data = {**subscribe_data(), **changes}
    response = post(client, data)
    content = response.content.decode()
    assert response.status_code == 200
    assert error in content, content[content.find("form-errors") :][:800]
    assert "L'abonnement n'a pas pu être enregistré" in content
    assert not Subscription.objects.exists() and mail.outbox == []
    if changes.get("email") and len(changes["email"]) < 300 and "\r" not in changes["email"]:
        assert f'value="{html.escape(changes["email"])}"' in content
    if "themes" not in changes:
        assert f'value="{THEME_SLUG}"' in content and "checked" in content


def test_markup_is_kept_escaped(themed_site, client):
    response = post(client, {**subscribe_data(), "email": '"><b>gras</b>'})
    content = response.content.decode()
    assert "<b>gras</b>" not in content
    assert "&quot;&gt;&lt;b&gt;gras&lt;/b&gt;" in content


def test_the_honeypot_refuses_robots(themed_site, client):
    response = post(client, {**subscribe_data(), "site_web": "http://spam.example"})
    assert response.status_code == 400
    assert "Votre envoi n&#x27;a pas pu être accepté" in response.content.decode()
    assert not Subscription.objects.exists() and mail.outbox == []


def test_a_form_sent_too_fast_is_refused_then_accepted(themed_site, client):
    page = client.get("/alertes/").content.decode()
    start = page.index('name="debut" value="') + len('name="debut" value="')
    fresh = page[start : page.index('"', start)]
    response = post(client, {**subscribe_data(), "debut": fresh})
    assert "trop vite" in response.content.decode()
    assert not Subscription.objects.exists()
    # The page shown again carries a new stamp; a few seconds later the same stamp is accepted.
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        response = post(client, {**subscribe_data(), "debut": fresh})
    assert response.status_code == 302


@pytest.mark.parametrize("value", ["", "1234", "1234:forged", "a day old"])
def test_a_forged_missing_or_stale_stamp_is_refused(themed_site, client, value):
    if value == "a day old":
        value = stamp(24 * 3600 + 60)
    response = post(client, {**subscribe_data(), "debut": value})
    assert "Le formulaire a expiré ou a été modifié" in response.content.decode()
    assert not Subscription.objects.exists()


def test_rate_limit_per_ip_allows_an_office_but_not_a_flood(themed_site, client):
    statuses = [
        post(
            client, subscribe_data(email=f"agent{n}@exemple.fr"), REMOTE_ADDR="203.0.113.7"
        ).status_code
        for n in range(12)
    ]
    assert statuses[:8] == [302] * 8
    assert statuses[8:] == [429] * 4
    assert Subscription.objects.count() == 8
    limited = post(client, subscribe_data(email="encore@exemple.fr"), REMOTE_ADDR="203.0.113.7")
    assert "Trop d&#x27;envois" in limited.content.decode()
    assert 'value="encore@exemple.fr"' in limited.content.decode()
    # Another address (another office) is not affected.
    assert (
        post(
            client, subscribe_data(email="autre@exemple.fr"), REMOTE_ADDR="198.51.100.2"
        ).status_code
        == 302
    )


def test_rate_limit_per_address(themed_site, client):
    statuses = [
        post(
            client, subscribe_data(email="cible@exemple.fr"), REMOTE_ADDR=f"192.0.2.{n}"
        ).status_code
        for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]


@override_settings(ANTISPAM_TRUSTED_PROXIES=1)
def test_behind_a_proxy_the_forwarded_address_is_counted(rf):
    request = rf.post(
        "/alertes/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.9"
    )
    assert antispam.client_ip(request) == "203.0.113.9"


def test_the_confirmation_is_never_sent_twice_within_an_hour(themed_site, client):
    for n in range(3):
        assert post(client, subscribe_data(), REMOTE_ADDR=f"192.0.2.{n}").status_code == 302
    assert len(mail.outbox) == 1
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=61)):
        cache_cleared_post = post(
            client, {**subscribe_data(), "debut": stamp()}, REMOTE_ADDR="192.0.2.50"
        )
    assert cache_cleared_post.status_code == 302
    assert len(mail.outbox) == 2


def test_an_address_already_subscribed_gets_its_links_not_new_choices(themed_site, client):
    subscription = confirmed("deja@exemple.fr", themes=[THEME])
    response = post(client, subscribe_data(email="DEJA@exemple.fr", themes=[], kinds=["article"]))
    assert response.status_code == 302  # the same answer: nobody learns who is subscribed
    subscription.refresh_from_db()
    assert subscription.kind_list == [] and subscription.themes.count() == 1
    assert len(mail.outbox) == 1
    assert "déjà abonnée" in mail.outbox[0].body
    assert "/alertes/gerer/" in mail.outbox[0].body
    assert Subscription.objects.count() == 1


def test_an_unknown_theme_in_the_short_form_is_ignored(themed_site, client):
    response = client.get(
        "/alertes/?theme=inconnu&theme=" + "x" * 500 + "&type=spam&email=" + "a" * 400
    )
    assert response.status_code == 200
    assert "checked" not in response.content.decode().split('name="rhythm"')[0]
