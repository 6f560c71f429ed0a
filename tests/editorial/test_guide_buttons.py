"""What the guide's review loop (docs/guide-redaction.md, part 2) says of each button holds.

The browser test (tests/browser/test_review_loop.py) goes through the buttons the guide
recommends; these check the two it warns against, through the admin's views.
"""

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from news.models import ArticlePage
from tests.editorial.helpers import add_url, article_form_data, edit_url

pytestmark = pytest.mark.django_db

TITLE = "Un atelier sur les données ouvertes à Tulle"


def submit(editor_client, news_index):
    response = editor_client.post(add_url(news_index, ArticlePage), article_form_data(TITLE))
    assert response.status_code == 302
    page = ArticlePage.objects.get(title=TITLE)
    mail.outbox.clear()
    return page


def test_publier_during_a_review_publishes_but_closes_it_as_cancelled_without_telling_the_writer(
    editor_client, moderator_client, news_index
):
    page = submit(editor_client, news_index)
    state = page.current_workflow_state

    moderator_client.post(edit_url(page), article_form_data(TITLE, action="action-publish"))

    page.refresh_from_db()
    state.refresh_from_db()
    assert page.live
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert mail.outbox == []  # unlike "Approuver et Publier", which sends the approval e-mail


def test_annuler_le_workflow_takes_the_page_back_out_of_review(
    editor_client, moderator_client, news_index
):
    page = submit(editor_client, news_index)
    assert TITLE in moderator_client.get("/admin/").content.decode()

    editor_client.post(edit_url(page), article_form_data(TITLE, action="action-cancel-workflow"))

    page.refresh_from_db()
    assert page.current_workflow_state is None
    assert not page.live
    assert TITLE not in moderator_client.get("/admin/").content.decode()
    # The writer may edit it again: it is a draft, no longer locked.
    response = editor_client.post(
        edit_url(page), article_form_data(TITLE, action="", introduction="Repris.")
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().introduction == "Repris."
