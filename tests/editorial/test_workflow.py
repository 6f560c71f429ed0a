"""Moderation through the admin views: a Rédacteur submits, a Modérateur approves or sends back."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from home.editorial.roles import TASK_NAME, WORKFLOW_NAME
from news.models import ArticlePage
from tests.editorial.conftest import make_user
from tests.editorial.helpers import (
    add_url,
    article_form_data,
    edit_url,
    workflow_action_url,
)
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def submit_article(client, news_index, title="Un projet de tiers-lieu à Lubersac", **fields):
    response = client.post(add_url(news_index, ArticlePage), article_form_data(title, **fields))
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    return ArticlePage.objects.get(slug=fields.get("slug") or "un-projet-de-tiers-lieu-a-lubersac")


def test_editor_creates_and_submits_but_the_page_is_not_live(
    editor_client, editor, moderator, news_index, client
):
    page = submit_article(editor_client, news_index)

    assert not page.live
    assert page.owner == editor
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    assert state.requested_by == editor
    assert page.current_workflow_task.name == TASK_NAME
    # Visitors do not see it.
    assert client.get(page.url).status_code == 404
    # The Modérateurs are told by e-mail, in French, with a link to review it.
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    message = mail.outbox[0]
    assert page.title in message.subject
    assert reverse("wagtailadmin_pages:edit", args=(page.pk,)) in message.body
    assert TASK_NAME in message.subject
    assert "soumise pour validation" in message.body


def test_editor_cannot_publish_even_by_asking(editor_client, news_index, client):
    response = editor_client.post(
        add_url(news_index, ArticlePage),
        article_form_data("Article publié trop vite", action="action-publish"),
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="article-publie-trop-vite")
    assert not page.live
    assert page.first_published_at is None
    assert client.get("/actualites/article-publie-trop-vite/").status_code == 404
    # The editor's page offers "submit", never "publish".
    html = editor_client.get(edit_url(page)).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_editor_cannot_unpublish_a_live_page(editor_client, news_index, client):
    page = ArticlePageFactory(parent=news_index)
    url = reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
    response = editor_client.post(url)
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_moderator_approves_and_the_page_goes_live(
    editor_client, moderator_client, editor, moderator, news_index, client
):
    page = submit_article(editor_client, news_index)
    mail.outbox.clear()

    response = moderator_client.post(workflow_action_url(page, "approve"), {"comment": ""})

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.current_task_state.status == TaskState.STATUS_APPROVED
    assert state.current_task_state.finished_by == moderator
    assert client.get(page.url).status_code == 200
    # The Rédactrice learns that her page is published.
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert page.title in mail.outbox[0].subject


def test_moderator_requests_changes_with_a_comment_then_approves_the_new_version(
    editor_client, moderator_client, editor, moderator, news_index
):
    page = submit_article(editor_client, news_index)
    mail.outbox.clear()

    moderator_client.post(
        workflow_action_url(page, "reject"),
        {"comment": "Ajoutez le nom de la communauté de communes dans le chapô."},
    )

    page.refresh_from_db()
    state = page.workflow_states.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.status == TaskState.STATUS_REJECTED
    assert not page.live
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Ajoutez le nom de la communauté de communes" in mail.outbox[0].body

    # The Rédactrice edits and resubmits: the same workflow starts its task again.
    mail.outbox.clear()
    data = article_form_data(
        "Un projet de tiers-lieu à Lubersac",
        action="action-restart-workflow",
        introduction="La communauté de communes du Pays de Lubersac-Pompadour ouvre un tiers-lieu.",
    )
    response = editor_client.post(edit_url(page), data)
    assert response.status_code == 302
    state.refresh_from_db()
    page.refresh_from_db()
    new_state = page.current_workflow_state
    assert new_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [message.to for message in mail.outbox] == [[moderator.email]]

    moderator_client.post(workflow_action_url(page, "approve"), {"comment": "Parfait."})
    page.refresh_from_db()
    assert page.live
    assert page.introduction.startswith("La communauté de communes du Pays de Lubersac")


def test_moderator_can_publish_and_unpublish_directly(moderator_client, news_index, client):
    response = moderator_client.post(
        add_url(news_index, ArticlePage),
        article_form_data("Annonce urgente", action="action-publish"),
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="annonce-urgente")
    assert page.live
    assert client.get(page.url).status_code == 200

    moderator_client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url).status_code == 404


def test_editors_cannot_approve_their_own_work(editor_client, news_index):
    page = submit_article(editor_client, news_index)
    other_editor = make_user("autre-redacteur", "Rédacteurs")
    for user in (page.owner, other_editor):
        editor_client.force_login(user)
        editor_client.post(workflow_action_url(page, "approve"), {"comment": ""})
        page.refresh_from_db()
        assert not page.live
        assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_dashboard_lists_pages_awaiting_the_moderator(editor_client, moderator_client, news_index):
    page = submit_article(editor_client, news_index)
    html = moderator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert page.title in html
    assert workflow_action_url(page, "approve") in html


def test_page_under_review_is_locked_for_editors_even_its_author(
    editor_client, moderator_client, news_index
):
    page = submit_article(editor_client, news_index)
    editor_client.post(
        edit_url(page),
        article_form_data(page.title, action="", introduction="Changé pendant la relecture."),
    )
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().introduction != "Changé pendant la relecture."

    moderator_client.post(
        edit_url(page),
        article_form_data(page.title, action="", introduction="Corrigé par le modérateur."),
    )
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().introduction == "Corrigé par le modérateur."
