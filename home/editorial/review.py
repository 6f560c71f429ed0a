"""The review loop in plain French: what the moderator last decided about a page, and why.

Wagtail keeps the moderator's comment in the workflow history (Statut › Voir les détails), where
writers do not look. ``latest_review`` finds the last decision (approval or changes requested),
who took it and the comment, for two places:

- the banner at the top of the page editor (``wagtailadmin/pages/edit.html``, overridden in
  ``home/templates``), shown while the decision is news to the writer: changes are requested, or
  the page was approved with a comment and not edited since;
- the notification e-mails (``wagtailadmin/notifications/``, overridden in ``home/templates``),
  which name the moderator and quote the comment.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState, WorkflowState

APPROVED = TaskState.STATUS_APPROVED
CHANGES_REQUESTED = TaskState.STATUS_REJECTED


@dataclass(frozen=True)
class Review:
    status: str  # APPROVED or CHANGES_REQUESTED
    reviewer: object  # the user, or None when the account was deleted
    comment: str
    finished_at: object

    @property
    def changes_requested(self):
        return self.status == CHANGES_REQUESTED

    @property
    def reviewer_name(self):
        if self.reviewer is None:
            return "Un modérateur"
        return self.reviewer.get_full_name() or self.reviewer.get_username()


def latest_review(page):
    """The last approval or request for changes of ``page`` in a workflow, or None."""
    if page is None or page.pk is None:
        return None
    task_state = (
        TaskState.objects.for_instance(page)
        .filter(status__in=[APPROVED, CHANGES_REQUESTED], finished_at__isnull=False)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if task_state is None:
        return None
    return Review(
        status=task_state.status,
        reviewer=task_state.finished_by,
        comment=(task_state.comment or "").strip(),
        finished_at=task_state.finished_at,
    )


def review_for_writer(page):
    """The review the editor's banner shows, or None when it is no longer news.

    Changes requested: shown until the page is resubmitted (the workflow is then in progress again)
    or the workflow is cancelled. Approval: shown only with a comment, until the page is edited.
    """
    review = latest_review(page)
    if review is None:
        return None
    state = page.current_workflow_state
    if review.changes_requested:
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return review
        return None
    if not review.comment or state is not None:
        return None
    edited_at = page.latest_revision_created_at
    if edited_at is not None and edited_at > review.finished_at:
        return None
    return review


def scheduled_go_live(page):
    """When an approved page is scheduled to go live, or None when it is not scheduled."""
    if page is None or page.pk is None:
        return None
    return (
        Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False)
        .values_list("approved_go_live_at", flat=True)
        .first()
    )


def review_done_message(page, action):
    """What the moderator reads after approving (``"approve"``) or requesting changes
    (``"reject"``) from the page editor, instead of Wagtail's « La page a été mise à jour »;
    None for another action."""
    if action == "reject":
        return (
            f"Modifications demandées pour « {page.title} » : le rédacteur reçoit votre "
            "commentaire par e-mail et le lit en haut de la page dans l'éditeur. La page n'est "
            "pas publiée."
        )
    if action != "approve":
        return None
    go_live = scheduled_go_live(page)
    if go_live is not None:
        when = timezone.localtime(go_live).strftime("%d/%m/%Y à %H:%M")
        return (
            f"« {page.title} » est approuvée : elle sera mise en ligne le {when} (heure de "
            "Paris). Le rédacteur est prévenu par e-mail."
        )
    if Page.objects.filter(pk=page.pk, live=True).exists():  # published by the approval
        return f"« {page.title} » est approuvée et publiée. Le rédacteur est prévenu par e-mail."
    return f"« {page.title} » est approuvée. Le rédacteur est prévenu par e-mail."


def replace_success_message(request, text):
    """Put ``text`` in place of the success message the admin view has just queued."""
    queued = getattr(messages.get_messages(request), "_queued_messages", [])
    for index in range(len(queued) - 1, -1, -1):
        if queued[index].level == messages.SUCCESS:
            del queued[index]
            break
    messages.success(request, text)
