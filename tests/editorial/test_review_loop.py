"""The review loop in plain French: the e-mails say who asked what on which page, and the
moderator's latest comment waits for the writer at the top of the page editor."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from news.models import ArticlePage
from tests.editorial.helpers import add_url, article_form_data, edit_url, workflow_action_url

pytestmark = pytest.mark.django_db

TITLE = "Un projet de tiers-lieu à Lubersac"
COMMENT = "Ajoutez le nom de la communauté de communes dans le chapô."
PARIS = ZoneInfo("Europe/Paris")


def submit(client, news_index, **fields):
    response = client.post(add_url(news_index, ArticlePage), article_form_data(TITLE, **fields))
    assert response.status_code == 302
    return ArticlePage.objects.get(slug="un-projet-de-tiers-lieu-a-lubersac")


def assert_plain_french(message):
    text = re.sub(r"https?://\S+", "", f"{message.subject}\n{message.body}").lower()
    for word in ("rejet", "salut", "hello", "workflow", "&#x27;", "&quot;", "&lt;"):
        assert word not in text, word


def banner(client, page):
    html = client.get(edit_url(page)).content.decode()
    if "data-review-banner" not in html:
        return ""
    start = html.index("data-review-banner")
    return html[start : html.index("</div>", start)]


def test_submission_tells_the_moderators_who_asks_for_a_review_of_which_page(
    editor_client, moderator, news_index
):
    page = submit(editor_client, news_index)

    [message] = mail.outbox
    assert message.to == [moderator.email]
    assert message.subject == (
        f"[Relecture par un modérateur] Camille demande une relecture : « {TITLE} »"
    )
    assert message.body.startswith("Bonjour Dominique,")
    assert f"La page « {TITLE} » (Article) est soumise pour validation par Camille." in message.body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in message.body
    assert_plain_french(message)


def test_changes_requested_mail_and_banner_then_resubmission(
    editor_client, moderator_client, editor, moderator, news_index
):
    page = submit(editor_client, news_index)
    assert banner(editor_client, page) == ""
    mail.outbox.clear()

    moderator_client.post(workflow_action_url(page, "reject"), {"comment": COMMENT})

    [message] = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == f"Modifications demandées par Dominique : « {TITLE} »"
    assert message.body.startswith("Bonjour Camille,")
    assert (
        f"Dominique demande des modifications sur votre page « {TITLE} » avant de la publier."
        in message.body
    )
    assert f"« {COMMENT} »" in message.body
    assert "La page reste hors ligne." in message.body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in message.body
    assert_plain_french(message)

    # The writer opens the page: the moderator's comment is the first thing she reads.
    text = banner(editor_client, page)
    assert "Dominique demande des modifications" in text
    assert COMMENT in text
    assert "soumettez-la de nouveau" in text

    # She corrects and resubmits: the moderators are told it is a corrected version.
    mail.outbox.clear()
    response = editor_client.post(
        edit_url(page),
        article_form_data(TITLE, action="action-restart-workflow", introduction="Corrigé."),
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [moderator.email]
    assert "corrigée après les modifications demandées par Dominique" in message.body
    # Under review again: the old request is no longer news.
    assert banner(editor_client, page) == ""


def test_approval_mail_says_who_approved_with_the_comment_and_where_the_page_is(
    editor_client, moderator_client, editor, news_index
):
    page = submit(editor_client, news_index)
    mail.outbox.clear()

    moderator_client.post(workflow_action_url(page, "approve"), {"comment": "Parfait, merci."})

    page.refresh_from_db()
    assert page.live
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == f"Page approuvée et publiée par Dominique : « {TITLE} »"
    assert f"Dominique a approuvé votre page « {TITLE} »." in message.body
    assert f"Elle est en ligne : {page.full_url}" in message.body
    assert "« Parfait, merci. »" in message.body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in message.body
    assert_plain_french(message)
    # The approval comment shows in the editor until the page is edited again.
    assert "Parfait, merci." in banner(editor_client, page)


def test_approval_of_a_scheduled_page_says_when_it_goes_live(
    editor_client, moderator_client, news_index
):
    with time_machine.travel(datetime.datetime(2025, 3, 10, 9, 0, tzinfo=PARIS), tick=False):
        page = submit(editor_client, news_index, go_live_at="2025-03-11 08:00")
        mail.outbox.clear()
        moderator_client.post(workflow_action_url(page, "approve"), {"comment": ""})
    [message] = mail.outbox
    assert message.subject == f"Page approuvée et programmée par Dominique : « {TITLE} »"
    assert "Elle sera mise en ligne le 11/03/2025 à 08:00 (heure de Paris)" in message.body
    assert "Son commentaire" not in message.body
    assert_plain_french(message)


def test_hostile_comment_is_shown_as_text_in_the_banner(
    editor_client, moderator_client, news_index
):
    page = submit(editor_client, news_index)
    moderator_client.post(
        workflow_action_url(page, "reject"), {"comment": "<script>alert(1)</script> à revoir"}
    )
    text = banner(editor_client, page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; à revoir" in text
    assert "<script>alert(1)" not in text
    # The plain-text e-mail quotes it as typed.
    assert "« <script>alert(1)</script> à revoir »" in mail.outbox[-1].body


def decide_in_the_editor(client, page, action, comment="", **fields):
    """The moderator's "Approuver et publier" / "Demander des modifications" in the page editor
    (the action menu of the edit form, with the comment of its dialog)."""
    data = article_form_data(
        TITLE,
        action="action-workflow-action",
        slug=page.slug,
        **{
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps({"comment": comment}),
            **fields,
        },
    )
    response = client.post(edit_url(page), data, follow=True)
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def test_the_moderator_reads_what_an_approval_did(moderator_client, editor_client, news_index):
    page = submit(editor_client, news_index)
    shown = decide_in_the_editor(moderator_client, page, "approve", "Parfait.")
    assert shown == [f"« {TITLE} » est approuvée et publiée. Le rédacteur est prévenu par e-mail."]
    page.refresh_from_db()
    assert page.live


def test_the_moderator_reads_what_a_request_for_changes_did(
    moderator_client, editor_client, news_index
):
    page = submit(editor_client, news_index)
    shown = decide_in_the_editor(moderator_client, page, "reject", COMMENT)
    assert len(shown) == 1 and shown[0].startswith(f"Modifications demandées pour « {TITLE} »")
    assert "mise à jour" not in shown[0]
    assert COMMENT in banner(editor_client, page)


def test_a_scheduled_approval_says_when_the_page_goes_live(
    moderator_client, editor_client, news_index
):
    with time_machine.travel(datetime.datetime(2025, 3, 10, 9, 0, tzinfo=PARIS), tick=False):
        page = submit(editor_client, news_index, go_live_at="2025-03-11 08:00")
        shown = decide_in_the_editor(
            moderator_client, page, "approve", go_live_at="2025-03-11 08:00"
        )
    assert shown == [
        f"« {TITLE} » est approuvée : elle sera mise en ligne le 11/03/2025 à 08:00 (heure de "
        "Paris). Le rédacteur est prévenu par e-mail."
    ]
