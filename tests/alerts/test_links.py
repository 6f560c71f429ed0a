"""The signed links (confirm, manage, unsubscribe): tampered, expired, replayed or misused links
get a clear French page with a 400 or 404, never a 500; the manage page changes or deletes all."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from alerts import tokens
from alerts.models import Delivery, Rhythm, Subscription
from home.models import Theme
from tests.alerts.factories import article, confirmed
from tests.alerts.helpers import THEME, send_alerts

pytestmark = pytest.mark.django_db


def url(purpose, subscription):
    return f"/alertes/{purpose}/{tokens.make_token(subscription, purpose)}/"


@pytest.fixture
def pending(db):
    return Subscription.objects.create(email="attente@exemple.fr")


@pytest.mark.parametrize("purpose", [tokens.CONFIRM, tokens.MANAGE, tokens.UNSUBSCRIBE])
@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-3] + "abc",  # forged signature
        lambda token: "x" + token,  # tampered payload
        lambda token: "n'importe-quoi",
        lambda token: token * 40,  # far too long
        lambda token: "%00" + token,
    ],
)
def test_a_tampered_link_gets_a_clear_400_page(site, client, pending, purpose, mangle):
    token = mangle(tokens.make_token(pending, purpose))
    for method in (client.get, client.post):
        response = method(f"/alertes/{purpose}/{token}/")
        assert response.status_code == 400
        assert "Ce lien n&#x27;est pas valide" in response.content.decode()
    assert Subscription.objects.filter(pk=pending.pk, confirmed_at__isnull=True).exists()


def test_a_link_made_for_one_purpose_opens_nothing_else(site, client, pending):
    token = tokens.make_token(pending, tokens.MANAGE)
    assert client.post(f"/alertes/desabonner/{token}/").status_code == 400
    assert client.post(f"/alertes/confirmer/{token}/").status_code == 400
    assert Subscription.objects.filter(pk=pending.pk).exists()


def test_an_expired_confirmation_link(site, client, pending):
    link = url(tokens.CONFIRM, pending)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
        response = client.post(link)
    assert response.status_code == 400
    assert "Ce lien a expiré" in response.content.decode()
    assert not Subscription.objects.get().is_confirmed


def test_links_of_a_deleted_subscription(site, client, pending):
    links = {purpose: url(purpose, pending) for purpose in (tokens.CONFIRM, tokens.MANAGE)}
    pending.delete()
    for link in links.values():
        response = client.get(link)
        assert response.status_code == 404
        assert "Cet abonnement n&#x27;existe plus" in response.content.decode()


def test_confirming_twice_is_harmless(site, client, pending):
    link = url(tokens.CONFIRM, pending)
    client.post(link)
    first = Subscription.objects.get().confirmed_at
    response = client.post(link)
    assert "déjà confirmé" in response.content.decode()
    assert Subscription.objects.get().confirmed_at == first


def test_the_manage_page_changes_the_choices(site, client):
    article(site, "Thème", [THEME])
    other = Theme.objects.create(name="Collectivité territoriale")
    subscription = confirmed("gerer@exemple.fr", themes=[THEME])
    link = url(tokens.MANAGE, subscription)
    page = client.get(link).content.decode()
    assert "gerer@exemple.fr" in page and "checked" in page
    response = client.post(
        link,
        {
            "themes": [other.slug],
            "kinds": ["webinaire"],
            "rhythm": Rhythm.WEEKLY,
            "action": "enregistrer",
        },
    )
    assert "Vos choix sont enregistrés" in response.content.decode()
    subscription.refresh_from_db()
    assert list(subscription.themes.all()) == [other]
    assert subscription.kind_list == ["webinaire"] and subscription.rhythm == Rhythm.WEEKLY
    bad = client.post(link, {"themes": ["inconnu"], "rhythm": "jamais", "action": "enregistrer"})
    assert (
        bad.status_code == 200 and "n&#x27;est pas un des thèmes proposés" in bad.content.decode()
    )


def test_delete_everything_from_the_manage_page(site, client):
    article(site, "Thème", [THEME])
    subscription = confirmed("effacer@exemple.fr", themes=[THEME])
    article(site, "Nouveauté", [THEME])
    send_alerts()
    assert Delivery.objects.filter(subscription=subscription).exists()
    response = client.post(url(tokens.MANAGE, subscription), {"action": "supprimer"})
    assert "Vos données sont supprimées" in response.content.decode()
    assert not Subscription.objects.exists() and not Delivery.objects.exists()
    article(site, "Après", [THEME])
    send_alerts()
    assert len(mail.outbox) == 1


def test_manage_and_confirm_need_the_csrf_token(site, csrf_client, pending):
    assert csrf_client.post(url(tokens.CONFIRM, pending)).status_code == 403
    assert csrf_client.post(url(tokens.MANAGE, pending), {"action": "supprimer"}).status_code == 403
    assert Subscription.objects.filter(pk=pending.pk).exists()
