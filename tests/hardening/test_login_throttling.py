"""Brute force on the three password forms is throttled: admin login, page password, reset."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
ATTACKER = "203.0.113.7"
EDITOR_ELSEWHERE = "198.51.100.20"


@pytest.fixture
def camille(db):
    return get_user_model().objects.create_user(
        "camille", "camille@exemple.fr", "le-bon-mot-de-passe"
    )


def log_in(client, password, username="camille", ip=ATTACKER, **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers
    )


def test_admin_login_locks_the_username_from_that_address_after_five_failures(camille, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "faux").status_code == 200  # the form again, with its error
    response = log_in(client, "faux")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Trop de tentatives de connexion" in text
    assert "15 minutes" in text
    # Even the right password is refused now, from that address...
    response = log_in(client, "le-bon-mot-de-passe")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # ...but Camille, from her own address, is not locked out by the attacker.
    other = Client()
    response = log_in(other, "le-bon-mot-de-passe", ip=EDITOR_ELSEWHERE)
    assert response.status_code == 302
    assert other.session["_auth_user_id"] == str(camille.pk)


def test_admin_login_lockout_ends_after_the_cool_off(camille, settings, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "faux")
    assert log_in(client, "le-bon-mot-de-passe").status_code == 429
    time_machine.shift(settings.AXES_COOLOFF_TIME.total_seconds() + 60)
    assert log_in(client, "le-bon-mot-de-passe").status_code == 302


def test_a_forged_forwarded_header_does_not_dodge_the_lock(camille, settings):
    client = Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT + 2):
        response = log_in(client, "faux", HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}")
    assert response.status_code == 429


def test_behind_the_trusted_proxy_the_forwarded_address_counts(camille, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "faux", ip="127.0.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ATTACKER}")
    locked = log_in(client, "faux", ip="127.0.0.1", HTTP_X_FORWARDED_FOR=ATTACKER)
    assert locked.status_code == 429
    # Another visitor behind the same proxy is not locked out.
    other = log_in(
        Client(), "le-bon-mot-de-passe", ip="127.0.0.1", HTTP_X_FORWARDED_FOR=EDITOR_ELSEWHERE
    )
    assert other.status_code == 302


@pytest.fixture
def protected_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Espace des membres", slug="membres")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="sesame-du-club"
    )
    return page, restriction


def submit_page_password(client, page, restriction, password, ip=ATTACKER):
    url = reverse("wagtailcore_authenticate_with_password", args=(restriction.pk, page.pk))
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=ip)


def test_page_password_form_is_throttled_per_address(protected_page, settings):
    page, restriction = protected_page
    limit = settings.PAGE_PASSWORD_THROTTLE[0]
    client = Client()
    assert client.get(page.url).status_code == 200  # the password form
    for _ in range(limit):
        assert submit_page_password(client, page, restriction, "faux").status_code == 200
    response = submit_page_password(client, page, restriction, "sesame-du-club")
    assert response.status_code == 429
    assert "Trop de mots de passe erronés" in response.content.decode()
    assert 'name="password"' in client.get(page.url).content.decode()  # still the form
    # From another address the right password opens the page.
    other = Client()
    response = submit_page_password(other, page, restriction, "sesame-du-club", EDITOR_ELSEWHERE)
    assert response.status_code == 302
    assert 'name="password"' not in other.get(page.url).content.decode()  # the page itself


def test_page_password_right_answer_clears_the_count(protected_page, settings):
    page, restriction = protected_page
    limit = settings.PAGE_PASSWORD_THROTTLE[0]
    client = Client()
    for _ in range(limit - 1):
        submit_page_password(client, page, restriction, "faux")
    assert submit_page_password(client, page, restriction, "sesame-du-club").status_code == 302
    for _ in range(limit - 1):
        assert submit_page_password(client, page, restriction, "faux").status_code == 200


def request_reset(client, email, ip=ATTACKER):
    return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_sends_a_few_emails_then_refuses(camille, settings):
    limit = settings.PASSWORD_RESET_THROTTLE[0]
    client = Client()
    for _ in range(limit):
        assert request_reset(client, "camille@exemple.fr").status_code == 302
    assert len(mail.outbox) == limit
    response = request_reset(client, "camille@exemple.fr")
    assert response.status_code == 429
    assert "réinitialisation du mot de passe" in response.content.decode()
    assert len(mail.outbox) == limit


def test_password_reset_cannot_flood_a_mailbox_from_many_addresses(camille, settings):
    limit = settings.PASSWORD_RESET_THROTTLE[0]
    for attempt in range(limit + 3):
        request_reset(Client(), "Camille@Exemple.fr", ip=f"192.0.2.{attempt + 1}")
    assert len(mail.outbox) == limit


def test_password_reset_answers_the_same_for_unknown_addresses(camille):
    cache.clear()
    known = request_reset(Client(), "camille@exemple.fr")
    unknown = request_reset(Client(), "personne@exemple.fr", ip=EDITOR_ELSEWHERE)
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])


def test_document_collection_password_form_is_throttled(db, settings):
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Documents des membres")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="sesame-des-documents",
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=(restriction.pk,))
    client = Client()
    for _ in range(settings.PAGE_PASSWORD_THROTTLE[0]):
        response = client.post(url, {"password": "faux", "return_url": "/"}, REMOTE_ADDR=ATTACKER)
        assert response.status_code == 200
    response = client.post(
        url, {"password": "sesame-des-documents", "return_url": "/"}, REMOTE_ADDR=ATTACKER
    )
    assert response.status_code == 429
    response = Client().post(
        url, {"password": "sesame-des-documents", "return_url": "/"}, REMOTE_ADDR=EDITOR_ELSEWHERE
    )
    assert response.status_code == 302
