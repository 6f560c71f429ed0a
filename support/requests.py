"""Receiving a support request: store it, then tell the team and the requester.

The request and both e-mails are written in one transaction, then the e-mails are sent; when the
SMTP server does not answer they stay in the outbox for the next ``send_alerts`` run, and the
request is received all the same.

No open relay: the acknowledgement goes to the address the visitor typed, so it carries none of
their text (only the site's own words and a reference number); only the team's e-mail, to the
Club's own address, shows what they wrote (plain text, and HTML escaped by the templates).
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alerts import outbox
from alerts.models import OutboxMessage
from home.models import SiteSettings
from support.models import SupportRequest

RETENTION_YEARS = 3


def team_address():
    settings = SiteSettings.load()
    return settings.support_email or settings.contact_email


def submit(data):
    """Store the request (``data``: the form's cleaned data); the request and a list of booleans,
    one per e-mail, True when sent now."""
    with transaction.atomic():
        request = SupportRequest.objects.create(
            name=data["name"],
            structure=data["structure"],
            departement=data["departement"],
            territory=data.get("territory", ""),
            role=data["role"],
            email=data["email"],
            phone=data.get("phone", ""),
            project=data["project"],
        )
        request.themes.set(data.get("themes") or [])
        request.resources.set(data.get("resources") or [])
        messages = []
        team = team_address()
        if team:
            messages.append(
                outbox.queue(
                    purpose=OutboxMessage.Purpose.SUPPORT_TEAM,
                    to=team,
                    subject=f"Nouvelle demande d'accompagnement n° {request.pk}",
                    template="support/emails/team",
                    context={
                        "request": request,
                        "admin_url": outbox.absolute_url(
                            reverse("support_requests:edit", args=[request.pk])
                        ),
                    },
                )
            )
        messages.append(
            outbox.queue(
                purpose=OutboxMessage.Purpose.SUPPORT_ACK,
                to=request.email,
                subject="Votre demande d'accompagnement est bien reçue",
                template="support/emails/acknowledgement",
                context={"reference": request.pk, "received_at": request.created_at},
            )
        )
    return request, outbox.deliver_all(messages)


def retention_limit(now=None):
    """Requests received before this moment are deleted (3 years, RGPD)."""
    now = now or timezone.now()
    try:
        return now.replace(year=now.year - RETENTION_YEARS)
    except ValueError:  # 29 February
        return now.replace(year=now.year - RETENTION_YEARS, day=28)


def purge(now=None):
    """Delete the requests older than the retention; how many."""
    old = SupportRequest.objects.filter(created_at__lt=retention_limit(now))
    count = old.count()
    old.delete()
    return count
