"""The "Publications programmées" dashboard panel: scheduling that shows when it does not work.

Wagtail publishes a scheduled page only when ``manage.py publish_scheduled`` runs (a systemd timer
or cron in production, ``make run``'s scheduler locally). When it does not run, nothing tells the
editors: the page simply stays offline. This panel lists the upcoming go-lives of the pages the
user works on and shows in red any whose time has passed by more than ``LATE_AFTER`` without
publication, saying what to check.

Two kinds of go-lives are listed:

- **scheduled** revisions (``Revision.approved_go_live_at``): approved, waiting for their time;
  only these can be late, since only these the scheduler publishes;
- **proposed** dates: a page whose ``go_live_at`` is ahead but that nobody approved yet.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.editorial.roles import EDITORS, MODERATORS

#: A scheduled go-live this much in the past means the scheduler is not running.
LATE_AFTER = datetime.timedelta(minutes=5)
#: How many go-lives the panel lists at most (late ones first).
LIMIT = 20

SCHEDULED = "programmée"
PROPOSED = "proposée, en attente de validation"


@dataclass(frozen=True)
class GoLive:
    page: Page
    at: datetime.datetime
    status: str
    late: bool


def sees_editorial_panels(user):
    """Rédacteurs, Modérateurs and administrators, who are the ones to act on a late go-live."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return Group.objects.filter(user=user, name__in=[EDITORS, MODERATORS]).exists()


def upcoming_go_lives(user, now=None):
    """The go-lives of the pages ``user`` may edit: late ones first, then by date."""
    now = now or timezone.now()
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["add", "change", "publish"]
    )
    scheduled = dict(
        Revision.page_revisions.filter(approved_go_live_at__isnull=False).values_list(
            "object_id", "approved_go_live_at"
        )
    )
    scheduled = {int(page_id): at for page_id, at in scheduled.items()}
    proposed = dict(
        pages.filter(live=False, go_live_at__gt=now)
        .exclude(pk__in=scheduled)
        .values_list("pk", "go_live_at")
    )
    wanted = {**{pk: (at, PROPOSED) for pk, at in proposed.items()}}
    wanted.update({pk: (at, SCHEDULED) for pk, at in scheduled.items()})
    found = pages.filter(pk__in=wanted).specific(defer=True)
    go_lives = [
        GoLive(
            page=page,
            at=wanted[page.pk][0],
            status=wanted[page.pk][1],
            late=wanted[page.pk][1] == SCHEDULED and wanted[page.pk][0] < now - LATE_AFTER,
        )
        for page in found
    ]
    go_lives.sort(key=lambda go_live: (not go_live.late, go_live.at))
    return go_lives[:LIMIT]


class ScheduledPublicationsPanel(Component):
    """Dashboard panel (``construct_homepage_panels``), see the module docstring."""

    name = "scheduled_publications"
    template_name = "home/editorial/scheduled_publications_panel.html"
    order = 205  # above "Vos pages en cours de modération"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        go_lives = upcoming_go_lives(parent_context["request"].user)
        context["go_lives"] = go_lives
        context["late"] = [go_live for go_live in go_lives if go_live.late]
        context["late_minutes"] = int(LATE_AFTER.total_seconds() // 60)
        return context
