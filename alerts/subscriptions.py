"""Asking for alerts, confirming, changing and deleting a subscription.

A request for an address already known never tells the visitor whether it was (no address can be
probed): an unconfirmed request takes the new choices and gets the confirmation link again; a
confirmed subscription keeps its choices (only its owner changes them, from the link in every
alert) and its owner gets that link by e-mail. Either e-mail goes at most once an hour to one
address (``RESEND_AFTER``), whoever asks.
"""

import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from alerts import outbox, tokens
from alerts.models import OutboxMessage, Subscription
from alerts.sending import subscription_links

RESEND_AFTER = datetime.timedelta(hours=1)


def normalise_email(email):
    return email.strip().lower()


def _choices_context(subscription):
    return {
        "theme_names": [theme.hashtag for theme in subscription.themes.all()],
        "kind_labels": subscription.kind_labels,
        "rhythm": subscription.get_rhythm_display(),
    }


def confirmation_message(subscription):
    link = outbox.absolute_url(
        reverse("alerts:confirm", args=[tokens.make_token(subscription, tokens.CONFIRM)])
    )
    return outbox.queue(
        purpose=OutboxMessage.Purpose.CONFIRMATION,
        to=subscription.email,
        subject="Confirmez votre abonnement aux alertes du Club des Développeurs",
        template="alerts/emails/confirmation",
        context={"confirm_url": link, **_choices_context(subscription)},
        subscription=subscription,
    )


def manage_message(subscription):
    links = subscription_links(subscription)
    return outbox.queue(
        purpose=OutboxMessage.Purpose.MANAGE,
        to=subscription.email,
        subject="Vos alertes du Club des Développeurs",
        template="alerts/emails/already_subscribed",
        context={**links, **_choices_context(subscription)},
        subscription=subscription,
    )


def save_choices(subscription, themes, kinds, rhythm):
    subscription.kind_list = kinds
    subscription.rhythm = rhythm
    subscription.save()
    subscription.themes.set(themes)


def request_subscription(email, themes, kinds, rhythm, now=None):
    """Record a request and send the e-mail it calls for; the subscription and whether an e-mail
    was sent now (False: within the hour of the last one, or SMTP down: kept in the outbox)."""
    try:
        return _request_subscription(email, themes, kinds, rhythm, now)
    except IntegrityError:  # the same address asked twice at the same instant: the first won
        return _request_subscription(email, themes, kinds, rhythm, now)


def _request_subscription(email, themes, kinds, rhythm, now=None):
    now = now or timezone.now()
    email = normalise_email(email)
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(email=email).first()
        if subscription is None:
            subscription = Subscription(email=email)
        if not subscription.is_confirmed:
            save_choices(subscription, themes, kinds, rhythm)
        last = subscription.last_confirmation_sent_at
        if last is not None and now - last < RESEND_AFTER:
            return subscription, False
        subscription.last_confirmation_sent_at = now
        subscription.save(update_fields=["last_confirmation_sent_at"])
        if subscription.is_confirmed:
            message = manage_message(subscription)
        else:
            message = confirmation_message(subscription)
    return subscription, outbox.deliver(message, leased=True)


def confirm(subscription, now=None):
    """Start the alerts; True the first time, False when it was confirmed already."""
    updated = Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
        confirmed_at=now or timezone.now()
    )
    subscription.refresh_from_db()
    return bool(updated)


def delete(subscription):
    """Forget the address: the subscription, what it was sent and its pending e-mails."""
    Subscription.objects.filter(pk=subscription.pk).delete()
