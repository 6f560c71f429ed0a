"""The outbox: every e-mail of the public forms is stored, then sent, then marked sent.

Why: an e-mail must never be lost when the SMTP server is down (it stays here and the next
``send_alerts`` run sends it), and never be sent twice when a run crashes or two runs overlap:

- ``deliver()`` first takes a *lease* on the message with one conditional ``UPDATE`` (only one run
  on one server can win it), sends, then marks it sent. A failure releases the lease at once; a
  process killed mid-send leaves it, and the message is retried when it runs out.
- Each message keeps one ``Message-ID`` across retries: in the one window no database can close
  (the SMTP server accepted the message, the process died before marking it), mail software sees
  the same message again, not a new one.

Subjects are always written by the site, never by a visitor; ``clean_header`` still folds any line
break so that nothing typed anywhere can add a header. HTML parts come from templates rendered with
autoescaping on; plain-text parts with it off (they are not HTML).
"""

import datetime
import logging
import uuid
from email.utils import make_msgid
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from alerts.models import OutboxMessage

logger = logging.getLogger(__name__)

LEASE = datetime.timedelta(minutes=10)
#: Sent messages (they hold addresses and texts) are deleted after this; unsent ones too, with a
#: warning in the log, so that no personal data waits forever for a server that never answers.
KEEP = datetime.timedelta(days=30)


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path_or_url):
    """An absolute address on the site's public address (``WAGTAILADMIN_BASE_URL``)."""
    return urljoin(base_url() + "/", path_or_url or "/")


def clean_header(value):
    """One line, at most 200 characters: what may go into a header."""
    return " ".join(str(value).split())[:200]


def render_email(template_base, context):
    """``(text, html)`` from ``<template_base>.txt`` and ``<template_base>.html``."""
    context = {"site_url": base_url(), "site_name": settings.WAGTAIL_SITE_NAME, **context}
    return (
        render_to_string(f"{template_base}.txt", context),
        render_to_string(f"{template_base}.html", context),
    )


def queue(*, purpose, to, subject, template, context, headers=None, subscription=None):
    """Store a message (rendered now) and return it; ``deliver(message, leased=True)`` sends it.

    It is stored already leased to the caller, who sends it next: no other run takes it meanwhile,
    and sending it costs one write less. Should the caller die first, the lease runs out.
    """
    text, html = render_email(template, context)
    domain = urlsplit(base_url()).hostname or "localhost"
    return OutboxMessage.objects.create(
        purpose=purpose,
        subscription=subscription,
        to=to,
        subject=clean_header(subject),
        text=text,
        html=html,
        headers={clean_header(k): clean_header(v) for k, v in (headers or {}).items()},
        message_id=make_msgid(idstring=f"{purpose}.{uuid.uuid4().hex}", domain=domain),
        lease_until=timezone.now() + LEASE,
    )


def build_email(message):
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        headers={**message.headers, "Message-ID": message.message_id},
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    return email


def _available(now):
    return Q(sent_at__isnull=True) & (Q(lease_until__isnull=True) | Q(lease_until__lt=now))


def deliver(message, now=None, leased=False):
    """Send one stored message unless another run holds it or it is sent; True when sent now.

    ``leased``: the caller holds the lease already (it has just queued the message).
    """
    now = now or timezone.now()
    if not leased:
        won = OutboxMessage.objects.filter(_available(now), pk=message.pk).update(
            lease_until=now + LEASE
        )
        if not won:
            return False
    try:
        build_email(message).send()
    except Exception as error:  # SMTP down, refused address...: retried by the next run
        logger.warning("E-mail %s non envoyé : %r", message.pk, error)
        OutboxMessage.objects.filter(pk=message.pk).update(
            lease_until=None, attempts=message.attempts + 1, last_error=repr(error)[:1000]
        )
        message.attempts += 1
        return False
    except BaseException:
        # Interrupted (Ctrl-C, shutdown): give the message back to the next run.
        OutboxMessage.objects.filter(pk=message.pk).update(lease_until=None)
        raise
    sent_at = timezone.now()
    OutboxMessage.objects.filter(pk=message.pk).update(
        sent_at=sent_at, lease_until=None, attempts=message.attempts + 1, last_error=""
    )
    message.sent_at = sent_at
    message.attempts += 1
    return True


def deliver_all(messages):
    """Send messages just queued (during a request): a failure leaves them for the next run."""
    return [deliver(message, leased=True) for message in messages]


def send_pending(now=None):
    """Send every stored message not sent yet; ``(sent, failed)``."""
    now = now or timezone.now()
    sent = failed = 0
    for message in OutboxMessage.objects.filter(_available(now)).order_by("pk").iterator():
        if deliver(message):
            sent += 1
        else:
            failed += 1
    return sent, failed


def purge_old(now=None):
    """Delete messages older than ``KEEP``; the number of unsent ones among them is logged."""
    now = now or timezone.now()
    old = OutboxMessage.objects.filter(created_at__lt=now - KEEP)
    unsent = old.filter(sent_at__isnull=True).count()
    if unsent:
        logger.warning("%s e-mail(s) jamais envoyé(s) en %s jours supprimé(s)", unsent, KEEP.days)
    deleted, _ = old.delete()
    return deleted
