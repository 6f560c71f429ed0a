"""What ``send_alerts`` does: find new items, claim them per subscriber, send.

For each confirmed subscription that is due (immediate: every run; weekly: on Mondays, once a
week), the items published since it was confirmed that match its themes and kinds and that it was
never sent are *claimed*: in one transaction, the e-mail is stored in the outbox and one
``Delivery`` row per item is written (unique per subscription and page). Then the e-mail is sent.

- A crash before the commit leaves nothing: the next run claims the same items again.
- A crash after it leaves the e-mail in the outbox: the next run sends it (``outbox.send_pending``)
  and, the items being claimed, never puts them in a second e-mail.
- Two runs at once: the subscription row is locked while claiming (``select_for_update``) and the
  unique constraint refuses a second claim of the same item.

Items come from ``NewsPage.objects.visible()`` and ``ResourcePage.objects.visible()``, newest first,
published (``first_published_at``) at most ``LOOKBACK`` ago, so that a scheduler stopped for months
does not send an archive.
"""

import datetime
import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from alerts import outbox, tokens
from alerts.kinds import RESOURCE
from alerts.models import Delivery, OutboxMessage, Rhythm, Subscription
from news.models import NewsPage, NewsPageTheme
from resources.models import ResourcePage, ResourcePageTheme

logger = logging.getLogger(__name__)

LOOKBACK = datetime.timedelta(days=31)
UNCONFIRMED_LIFETIME = datetime.timedelta(days=7)


@dataclass
class Item:
    page_id: int
    kind: str
    kind_label: str
    title: str
    summary: str
    url: str
    published_at: datetime.datetime
    theme_ids: frozenset


@dataclass
class Report:
    purged_unconfirmed: int = 0
    purged_messages: int = 0
    retried_sent: int = 0
    retried_failed: int = 0
    alerts_sent: int = 0
    alerts_failed: int = 0
    items_claimed: int = 0
    weekly: bool = False
    errors: list = field(default_factory=list)


def _themes_by_page(through, page_ids):
    themes = {}
    for page_id, tag_id in through.objects.filter(content_object_id__in=page_ids).values_list(
        "content_object_id", "tag_id"
    ):
        themes.setdefault(page_id, set()).add(tag_id)
    return themes


def candidate_items(since, now):
    """Every visible news item and resource first published since ``since``, newest first."""
    news = list(
        NewsPage.objects.visible(now)
        .filter(first_published_at__gte=since, first_published_at__lte=now)
        .newest_first()
        .specific()
    )
    resources = list(
        ResourcePage.objects.visible(now)
        .filter(first_published_at__gte=since, first_published_at__lte=now)
        .order_by("-first_published_at", "-pk")
    )
    news_themes = _themes_by_page(NewsPageTheme, [page.pk for page in news])
    resource_themes = _themes_by_page(ResourcePageTheme, [page.pk for page in resources])
    items = [
        Item(
            page.pk,
            page.kind,
            page.kind_label,
            page.title,
            page.get_summary(),
            outbox.absolute_url(page.get_url()),
            page.first_published_at,
            frozenset(news_themes.get(page.pk, ())),
        )
        for page in news
    ]
    items += [
        Item(
            page.pk,
            RESOURCE,
            page.get_kind_display(),
            page.title,
            page.get_summary(),
            outbox.absolute_url(page.get_url()),
            page.first_published_at,
            frozenset(resource_themes.get(page.pk, ())),
        )
        for page in resources
    ]
    return items


def matches(subscription, item, theme_ids, kinds):
    if item.published_at < subscription.confirmed_at:
        return False
    if kinds and item.kind not in kinds:
        return False
    return not theme_ids or bool(theme_ids & item.theme_ids)


def same_week(moment, now):
    return (
        moment is not None
        and timezone.localtime(moment).isocalendar()[:2]
        == timezone.localtime(now).isocalendar()[:2]
    )


def subscription_links(subscription):
    return {
        "manage_url": outbox.absolute_url(
            reverse("alerts:manage", args=[tokens.make_token(subscription, tokens.MANAGE)])
        ),
        "unsubscribe_url": outbox.absolute_url(
            reverse(
                "alerts:unsubscribe", args=[tokens.make_token(subscription, tokens.UNSUBSCRIBE)]
            )
        ),
    }


def list_host():
    return urlsplit(outbox.base_url()).hostname or "localhost"


def alert_headers(links):
    """RFC 2369 and RFC 8058: mail software shows an "unsubscribe" button that works in one POST."""
    return {
        "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"Alertes du Club des Développeurs <alertes.{list_host()}>",
        "Auto-Submitted": "auto-generated",
    }


def compose(subscription, items, weekly):
    links = subscription_links(subscription)
    if weekly:
        subject = "Votre sélection de la semaine – Club des Développeurs"
    elif len(items) == 1:
        subject = f"Nouveau : {items[0].title}"
    else:
        subject = f"{len(items)} nouveautés sur le site du Club des Développeurs"
    return {
        "purpose": OutboxMessage.Purpose.DIGEST if weekly else OutboxMessage.Purpose.ALERT,
        "to": subscription.email,
        "subject": subject,
        "template": "alerts/emails/alert",
        "context": {"items": items, "weekly": weekly, "subscription": subscription, **links},
        "headers": alert_headers(links),
        "subscription": subscription,
    }


def claim(subscription, items, now, weekly):
    """Store the e-mail and its deliveries in one transaction; the message, or None."""
    with transaction.atomic():
        locked = (
            Subscription.objects.select_for_update()
            .filter(pk=subscription.pk, confirmed_at__isnull=False)
            .first()
        )
        if locked is None or (weekly and same_week(locked.last_digest_at, now)):
            return None
        theme_ids = {theme.pk for theme in subscription.themes.all()}
        kinds = set(locked.kind_list)
        wanted = [item for item in items if matches(locked, item, theme_ids, kinds)]
        if not wanted:
            return None
        already = set(
            Delivery.objects.filter(
                subscription=locked, page_id__in=[item.page_id for item in wanted]
            ).values_list("page_id", flat=True)
        )
        new = [item for item in wanted if item.page_id not in already]
        if not new:
            return None
        message = outbox.queue(**compose(locked, new, weekly))
        Delivery.objects.bulk_create(
            [Delivery(subscription=locked, page_id=item.page_id, message=message) for item in new]
        )
        if weekly:
            locked.last_digest_at = now
            locked.save(update_fields=["last_digest_at"])
    return message, len(new)


def already_delivered(items):
    """``{subscription id: {page ids}}`` of the items already sent, in one query."""
    delivered = {}
    for subscription_id, page_id in Delivery.objects.filter(
        page_id__in=[item.page_id for item in items]
    ).values_list("subscription_id", "page_id"):
        delivered.setdefault(subscription_id, set()).add(page_id)
    return delivered


def has_news(subscription, items, delivered_ids):
    theme_ids = {theme.pk for theme in subscription.themes.all()}
    kinds = set(subscription.kind_list)
    return any(
        item.page_id not in delivered_ids and matches(subscription, item, theme_ids, kinds)
        for item in items
    )


def purge_unconfirmed(now):
    deleted, _ = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_LIFETIME
    ).delete()
    return deleted


def run(now=None, force_weekly=False):
    """One scheduler run (see the module docstring); a ``Report`` of what it did."""
    now = now or timezone.now()
    report = Report(weekly=force_weekly or timezone.localtime(now).weekday() == 0)
    report.purged_unconfirmed = purge_unconfirmed(now)
    report.purged_messages = outbox.purge_old(now)
    # First what earlier runs and the forms could not send (SMTP down, interrupted run).
    report.retried_sent, report.retried_failed = outbox.send_pending(now)

    earliest = Subscription.objects.filter(confirmed_at__isnull=False).order_by("confirmed_at")
    first = earliest.values_list("confirmed_at", flat=True).first()
    if first is None:
        return report
    items = candidate_items(max(first, now - LOOKBACK), now)
    if not items:
        return report
    due = earliest.prefetch_related("themes")
    if not report.weekly:
        due = due.filter(rhythm=Rhythm.IMMEDIATE)
    delivered = already_delivered(items)
    for subscription in due.iterator(chunk_size=500):
        weekly = subscription.rhythm == Rhythm.WEEKLY
        if not has_news(subscription, items, delivered.get(subscription.pk, set())) or (
            weekly and same_week(subscription.last_digest_at, now)
        ):
            continue  # nothing to claim: no transaction, no lock (``claim`` checks again)
        try:
            claimed = claim(subscription, items, now, weekly)
        except IntegrityError:  # another run claimed these items first
            logger.info(
                "Abonnement %s : contenus déjà réservés par un autre envoi", subscription.pk
            )
            continue
        if claimed is None:
            continue
        message, count = claimed
        report.items_claimed += count
        if outbox.deliver(message, now, leased=True):
            report.alerts_sent += 1
        else:
            report.alerts_failed += 1
    return report
