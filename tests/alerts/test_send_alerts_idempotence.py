"""``send_alerts`` never sends the same item twice to the same person: not after a failed send,
not after a run interrupted in the middle, not when two runs overlap; and it resumes."""

import datetime
import smtplib
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import IntegrityError, transaction
from django.utils import timezone

from alerts import outbox, sending
from alerts.models import Delivery, OutboxMessage
from tests.alerts.factories import article, confirmed
from tests.alerts.helpers import THEME, send_alerts

pytestmark = pytest.mark.django_db


def titles_received(address):
    """Every (title) line sent to ``address``, one entry per time it was sent."""
    received = []
    for message in mail.outbox:
        if address in message.to:
            received += [
                line for line in message.body.splitlines() if line.startswith("ARTICLE – ")
            ]
    return received


@pytest.fixture
def subscribers(site):
    article(site, "Thème créé", [THEME])  # the theme exists before the subscriptions
    subscribers = [confirmed(f"personne{n}@exemple.fr", themes=[THEME]) for n in range(3)]
    items = [article(site, f"Nouveauté {n}", [THEME]) for n in range(2)]
    return subscribers, items


def failing_on_call(number, error):
    """A locmem backend whose ``number``-th call raises ``error``."""
    original = EmailBackend.send_messages
    calls = {"count": 0}

    def send_messages(self, messages):
        calls["count"] += 1
        if calls["count"] == number:
            raise error
        return original(self, messages)

    return mock.patch.object(EmailBackend, "send_messages", send_messages)


def test_a_failed_send_is_retried_by_the_next_run_and_nothing_is_sent_twice(subscribers):
    people, items = subscribers
    with failing_on_call(2, smtplib.SMTPServerDisconnected("connexion perdue")):
        output = send_alerts()
    assert "1 en attente" in output
    assert len(mail.outbox) == 2
    pending = OutboxMessage.objects.get(sent_at__isnull=True)
    assert pending.attempts == 1 and "connexion perdue" in pending.last_error

    send_alerts()
    assert len(mail.outbox) == 3
    for person in people:
        assert sorted(titles_received(person.email)) == [
            "ARTICLE – Nouveauté 0",
            "ARTICLE – Nouveauté 1",
        ]
    send_alerts()
    assert len(mail.outbox) == 3


def test_an_interrupted_run_resumes_without_duplicates(subscribers, site):
    people, items = subscribers
    with failing_on_call(2, KeyboardInterrupt()), pytest.raises(KeyboardInterrupt):
        send_alerts()
    assert len(mail.outbox) == 1
    # The interrupted message was given back; the third subscriber was never reached.
    assert OutboxMessage.objects.filter(sent_at__isnull=True, lease_until__isnull=True).count() == 1

    article(site, "Publiée entre les deux envois", [THEME])
    send_alerts()
    for person in people:
        received = titles_received(person.email)
        assert len(received) == len(set(received)) == 3, received
    assert Delivery.objects.count() == 9


def test_a_process_killed_mid_send_is_retried_when_its_lease_runs_out(subscribers):
    people, _ = subscribers
    now = timezone.now()
    # A run claimed the items of the first subscriber, took the lease, then was killed.
    message, count = sending.claim(
        people[0], sending.candidate_items(now - sending.LOOKBACK, now), now, False
    )
    assert count == 2
    OutboxMessage.objects.filter(pk=message.pk).update(lease_until=now + outbox.LEASE)

    send_alerts()
    assert titles_received(people[0].email) == []  # still held by the killed run
    assert len(titles_received(people[1].email)) == 2

    with time_machine.travel(now + outbox.LEASE + datetime.timedelta(minutes=1)):
        send_alerts()
    assert sorted(titles_received(people[0].email)) == [
        "ARTICLE – Nouveauté 0",
        "ARTICLE – Nouveauté 1",
    ]
    assert mail.outbox[-1].extra_headers["Message-ID"] == message.message_id


def test_two_overlapping_runs_claim_each_item_once(subscribers):
    people, _ = subscribers
    now = timezone.now()
    items = sending.candidate_items(now - sending.LOOKBACK, now)
    first = sending.claim(people[0], items, now, False)
    second = sending.claim(people[0], items, now, False)
    assert first is not None and second is None
    # The unique constraint holds even when the check is bypassed.
    delivered = Delivery.objects.filter(subscription=people[0]).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(subscription=people[0], page_id=delivered.page_id)


def test_a_message_is_sent_once_even_when_delivered_twice(subscribers):
    people, _ = subscribers
    now = timezone.now()
    message, _ = sending.claim(
        people[0], sending.candidate_items(now - sending.LOOKBACK, now), now, False
    )
    # Another run cannot take a message its claimer holds, nor one already sent.
    assert outbox.deliver(message) is False
    assert outbox.deliver(message, leased=True) is True
    assert outbox.deliver(message) is False
    assert len(mail.outbox) == 1


def test_unconfirmed_requests_are_deleted_after_seven_days(site):
    from alerts.models import Subscription

    with time_machine.travel(timezone.now() - datetime.timedelta(days=8)):
        Subscription.objects.create(email="oubli@exemple.fr")
    Subscription.objects.create(email="recent@exemple.fr")
    output = send_alerts()
    assert "1 demande(s) non confirmée(s)" in output
    assert list(Subscription.objects.values_list("email", flat=True)) == ["recent@exemple.fr"]


def test_items_filtered_by_kind_and_themes(site):
    from tests.factories import ResourcePageFactory

    article(site, "Article du thème", [THEME])
    everything = confirmed("tout@exemple.fr")
    resources_only = confirmed("ressources@exemple.fr", kinds="ressource")
    ResourcePageFactory(parent=site["resource_index"], title="Une ressource", themes=["Autre"])
    article(site, "Un article", ["Autre"])
    send_alerts()
    assert "Une ressource" in mail.outbox[0].body + mail.outbox[1].body
    by_address = {message.to[0]: message.body for message in mail.outbox}
    assert (
        "Un article" in by_address[everything.email]
        and "Une ressource" in by_address[everything.email]
    )
    assert "Un article" not in by_address[resources_only.email]
    assert "Une ressource" in by_address[resources_only.email]
