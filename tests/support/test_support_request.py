"""``/accompagnement/``: stored first, the team told, the requester acknowledged, nothing lost when
the SMTP server is down, bad input answered in French with the input kept, no spam."""

import datetime
import smtplib
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone

from alerts.models import OutboxMessage
from home.models import SiteSettings
from support.models import Status, SupportRequest
from tests.alerts.helpers import THEME, THEME_SLUG, html_part, send_alerts, stamp
from tests.factories import ArticlePageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

TEAM = "accompagnement@club.example"


@pytest.fixture
def support_site(site):
    settings = SiteSettings.load()
    settings.support_email = TEAM
    settings.save()
    ArticlePageFactory(parent=site["news_index"], themes=[THEME])
    resource = ResourcePageFactory(parent=site["resource_index"], title="Fonds artisanat")
    return {**site, "resource": resource}


def request_data(support_site, **changes):
    return {
        "name": "Camille Martin",
        "structure": "Communauté de communes du Val de l'Eyre",
        "role": "ingenieur",
        "departement": "33",
        "territory": "Val de l'Eyre",
        "email": "camille@exemple.fr",
        "phone": "05 56 00 00 00",
        "project": "Nous voulons revitaliser le centre-bourg et cherchons des financements.",
        "themes": [THEME_SLUG],
        "resources": [support_site["resource"].pk],
        "site_web": "",
        "debut": stamp(),
        **changes,
    }


def test_the_form_lists_the_twelve_departements_and_states_the_retention(support_site, client):
    html = client.get("/accompagnement/").content.decode()
    for code, name in [
        ("16", "Charente"),
        ("33", "Gironde"),
        ("87", "Haute-Vienne"),
        ("64", "Pyrénées"),
    ]:
        assert f'value="{code}"' in html and name in html
    assert html.count('<option value="') - html.count('<option value="" ') >= 12
    assert "conservée 3 ans" in html
    assert "Fonds artisanat" in html


def test_a_resource_page_links_to_the_form_with_the_resource_ticked(support_site, client):
    resource = support_site["resource"]
    page = client.get(resource.url).content.decode()
    assert f"/accompagnement/?ressource={resource.pk}" in page
    form = client.get(f"/accompagnement/?ressource={resource.pk}").content.decode()
    assert f'value="{resource.pk}" id="id_resources_0" checked' in form or (
        f'value="{resource.pk}"' in form and "checked" in form
    )


def test_a_request_is_stored_the_team_notified_and_the_requester_acknowledged(support_site, client):
    response = client.post("/accompagnement/", request_data(support_site))
    assert response.status_code == 302 and response["Location"] == "/accompagnement/demande-recue/"
    request = SupportRequest.objects.get()
    assert request.status == Status.NEW and request.departement == "33"
    assert [t.slug for t in request.themes.all()] == [THEME_SLUG]
    assert list(request.resources.all()) == [support_site["resource"]]

    team, ack = mail.outbox
    assert team.to == [TEAM]
    assert "Nouvelle demande d'accompagnement n° " in team.subject
    assert "Camille Martin" in team.body and "revitaliser le centre-bourg" in team.body
    assert "Fonds artisanat" in team.body and "#Économie territoriale" in team.body
    assert f"http://testserver/admin/support_requests/edit/{request.pk}/" in team.body
    assert ack.to == ["camille@exemple.fr"]
    assert ack.subject == "Votre demande d'accompagnement est bien reçue"
    # No open relay: the acknowledgement carries none of the visitor's words.
    for typed in ("Camille", "revitaliser", "Val de l'Eyre"):
        assert typed not in ack.body and typed not in html_part(ack)
    assert "3 ans" in ack.body
    assert "bien reçue" in client.get(response["Location"]).content.decode()


def test_when_smtp_is_down_the_request_is_kept_and_sent_by_the_next_run(support_site, client):
    with mock.patch.object(
        EmailBackend, "send_messages", side_effect=smtplib.SMTPConnectError(421, "indisponible")
    ):
        response = client.post("/accompagnement/", request_data(support_site))
    assert response.status_code == 302
    assert response["Location"] == "/accompagnement/demande-recue/?envoi=differe"
    page = client.get(response["Location"]).content.decode()
    assert "Votre demande est bien reçue" in page and "n'est pas perdue" in page
    assert SupportRequest.objects.count() == 1
    assert mail.outbox == []
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 2

    output = send_alerts()
    assert "2 e-mail(s) renvoyé(s)" in output
    assert {m.to[0] for m in mail.outbox} == {"camille@exemple.fr", TEAM}
    send_alerts()
    assert len(mail.outbox) == 2


def test_without_a_team_address_the_contact_address_is_used(support_site, client):
    settings = SiteSettings.load()
    settings.support_email = ""
    settings.contact_email = "contact@club.example"
    settings.save()
    client.post("/accompagnement/", request_data(support_site))
    assert mail.outbox[0].to == ["contact@club.example"]


@pytest.mark.parametrize(
    ("changes", "field", "error"),
    [
        ({"email": "pas-une-adresse"}, "email", "Saisissez une adresse de courriel valide."),
        ({"name": "x" * 10_000}, "name", "au plus 120 caractères"),
        ({"project": "y" * 10_000}, "project", "au plus 3000 caractères"),
        ({"name": "Camille\r\nBcc: victime@exemple.fr"}, "name", "retirez les retours à la ligne"),
        ({"structure": "Mairie\nX-Spam: oui"}, "structure", "retirez les retours à la ligne"),
        ({"themes": ["inconnu"]}, "themes", "n&#x27;est pas un des thèmes proposés"),
        ({"resources": ["999999"]}, "resources", "n&#x27;est pas une des ressources proposées"),
        ({"resources": ["abc"]}, "resources", "n&#x27;est pas une des ressources proposées"),
        ({"departement": "75"}, "departement", "Sélectionnez un choix valide"),
        ({"role": "pirate"}, "role", "Sélectionnez un choix valide"),
        ({"phone": "appelez-moi"}, "phone", "Saisissez un numéro de téléphone"),
        ({"project": "court"}, "project", "au moins 20 caractères"),
        ({"name": "a\x00b"}, "name", "caractère nul"),
    ],
)
def test_bad_input_gets_a_french_error_and_keeps_the_input(
    support_site, client, changes, field, error
):
    response = client.post("/accompagnement/", request_data(support_site, **changes))
    content = response.content.decode()
    assert response.status_code == 200
    assert error in content, content[content.find("form-errors") :][:600]
    assert "La demande n'a pas pu être envoyée" in content
    assert not SupportRequest.objects.exists() and mail.outbox == []
    if field != "name":
        assert 'value="Camille Martin"' in content
    assert "revitaliser le centre-bourg" in content or field == "project"


def test_markup_is_stored_as_typed_and_escaped_everywhere(support_site, client):
    project = "<script>alert('x')</script> Notre projet de tiers-lieu <b>ambitieux</b>."
    client.post(
        "/accompagnement/", request_data(support_site, project=project, name="<i>Camille</i>")
    )
    request = SupportRequest.objects.get()
    assert request.project == project
    team = mail.outbox[0]
    assert project in team.body  # plain text: as typed
    html = html_part(team)
    assert (
        "<script>" not in html and "&lt;script&gt;" in html and "&lt;i&gt;Camille&lt;/i&gt;" in html
    )


def test_the_honeypot_and_the_stamp(support_site, client):
    response = client.post("/accompagnement/", request_data(support_site, site_web="http://spam"))
    assert response.status_code == 400
    response = client.post("/accompagnement/", request_data(support_site, debut=stamp(0)))
    assert "trop vite" in response.content.decode()
    assert 'value="Camille Martin"' in response.content.decode()
    assert not SupportRequest.objects.exists() and mail.outbox == []


def test_rate_limits(support_site, client):
    statuses = [
        client.post(
            "/accompagnement/",
            request_data(support_site, email=f"agent{n}@exemple.fr"),
            REMOTE_ADDR="203.0.113.5",
        ).status_code
        for n in range(10)
    ]
    assert statuses == [302] * 8 + [429] * 2
    per_address = [
        client.post(
            "/accompagnement/",
            request_data(support_site, email="meme@exemple.fr"),
            REMOTE_ADDR=f"192.0.2.{n}",
        ).status_code
        for n in range(4)
    ]
    assert per_address == [302, 302, 302, 429]
    assert SupportRequest.objects.count() == 11


def test_purge_after_three_years(support_site, client):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=3 * 365 + 2)):
        old = SupportRequest.objects.create(
            name="Ancien",
            structure="S",
            departement="16",
            role="elu",
            email="a@exemple.fr",
            project="Un projet d'il y a longtemps.",
        )
    with time_machine.travel(timezone.now() - datetime.timedelta(days=3 * 365 - 2)):
        recent = SupportRequest.objects.create(
            name="Récent",
            structure="S",
            departement="16",
            role="elu",
            email="b@exemple.fr",
            project="Un projet presque aussi ancien.",
        )
    import io

    out = io.StringIO()
    call_command("purge_support_requests", stdout=out)
    assert "1 demande(s)" in out.getvalue()
    assert list(SupportRequest.objects.all()) == [recent]
    assert not SupportRequest.objects.filter(pk=old.pk).exists()
