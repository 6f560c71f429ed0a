"""Whether a resource can be used today, computed from its opening and closing dates.

Nobody ticks "open" or "closed" by hand: the dates decide, so a scheme closes on time even if no
editor comes back to it. Both dates are inclusive (a scheme closing on 31 March is open that day).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from home.formatting import date_fr


class ResourceStatus(models.TextChoices):
    OPEN = "ouvert", "Ouvert"
    CLOSED = "clos", "Clos"
    PERMANENT = "permanent", "Permanent"
    UPCOMING = "a-venir", "À venir"


def compute_status(opens_on, closes_on, today=None):
    """The status of a resource open from ``opens_on`` to ``closes_on`` (either may be None).

    Without any date the resource is permanent (a tool, a guide, a scheme open all year).
    """
    today = today or timezone.localdate()
    if opens_on is None and closes_on is None:
        return ResourceStatus.PERMANENT
    if opens_on is not None and today < opens_on:
        return ResourceStatus.UPCOMING
    if closes_on is not None and today > closes_on:
        return ResourceStatus.CLOSED
    return ResourceStatus.OPEN


def open_on_q(today=None):
    """The database version of "open or permanent on ``today``" (what the "open now" filter uses)."""
    today = today or timezone.localdate()
    return (Q(opens_on__isnull=True) | Q(opens_on__lte=today)) & (
        Q(closes_on__isnull=True) | Q(closes_on__gte=today)
    )


def describe_status(status, opens_on, closes_on):
    """The status in a short sentence: ``Ouvert jusqu'au 31 mars 2021``."""
    if status == ResourceStatus.UPCOMING:
        return f"À venir : ouverture le {date_fr(opens_on)}"
    if status == ResourceStatus.CLOSED:
        return f"Clos depuis le {date_fr(closes_on)}"
    if status == ResourceStatus.OPEN and closes_on:
        return f"Ouvert jusqu'au {date_fr(closes_on)}"
    return status.label
