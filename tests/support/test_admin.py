"""The admin: Modérateurs list, export, update and delete support requests and subscribers;
Rédacteurs never see an address."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from alerts.models import Subscription
from home.editorial.roles import MODERATORS
from support.models import Status, SupportRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def support_request(db):
    return SupportRequest.objects.create(
        name="Camille Martin",
        structure='=HYPERLINK("http://pirate.example")',
        departement="33",
        role="ingenieur",
        email="camille@exemple.fr",
        project="-2+3 un projet qui commence comme une formule.",
    )


@pytest.fixture
def subscription(db):
    return Subscription.objects.create(email="abonne@exemple.fr", kinds="article")


def test_moderators_have_the_permissions_after_migrate(db):
    codenames = set(
        Group.objects.get(name=MODERATORS).permissions.values_list("codename", flat=True)
    )
    assert {"view_subscription", "delete_subscription"} <= codenames
    assert {"view_supportrequest", "change_supportrequest", "delete_supportrequest"} <= codenames
    assert "add_subscription" not in codenames and "change_subscription" not in codenames


def test_moderators_list_export_and_update_support_requests(moderator_client, support_request):
    index = moderator_client.get(reverse("support_requests:index"))
    assert index.status_code == 200 and "Camille Martin" in index.content.decode()
    export = moderator_client.get(reverse("support_requests:index") + "?export=csv")
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode()
    assert "Camille Martin" in csv and "camille@exemple.fr" in csv
    # CSV injection: formulas become text.
    assert "'=HYPERLINK" in csv and "'-2+3" in csv
    edit_url = reverse("support_requests:edit", args=[support_request.pk])
    page = moderator_client.get(edit_url)
    assert page.status_code == 200
    response = moderator_client.post(edit_url, {"status": Status.IN_PROGRESS})
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert support_request.status == Status.IN_PROGRESS
    assert support_request.name == "Camille Martin"  # read-only fields untouched


def test_moderators_export_and_delete_subscribers(moderator_client, subscription):
    index = moderator_client.get(reverse("alert_subscriptions:index"))
    assert index.status_code == 200 and "abonne@exemple.fr" in index.content.decode()
    export = moderator_client.get(reverse("alert_subscriptions:index") + "?export=csv")
    assert "abonne@exemple.fr" in b"".join(export.streaming_content).decode()
    delete_url = reverse("alert_subscriptions:delete", args=[subscription.pk])
    assert moderator_client.post(delete_url).status_code == 302
    assert not Subscription.objects.exists()


def test_editors_never_see_addresses(editor_client, subscription, support_request):
    admin_home = editor_client.get("/admin/").content.decode()
    assert (
        "Abonnés aux alertes" not in admin_home
        and "Demandes d&#x27;accompagnement" not in admin_home
    )
    for url in [
        reverse("alert_subscriptions:index"),
        reverse("alert_subscriptions:index") + "?export=csv",
        reverse("alert_subscriptions:inspect", args=[subscription.pk]),
        reverse("support_requests:index"),
        reverse("support_requests:index") + "?export=csv",
        reverse("support_requests:edit", args=[support_request.pk]),
    ]:
        response = editor_client.get(url)
        assert response.status_code in (302, 403), url
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"abonne@exemple.fr" not in content and b"camille@exemple.fr" not in content


def test_anonymous_visitors_are_sent_to_the_login(subscription):
    response = Client().get(reverse("alert_subscriptions:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
