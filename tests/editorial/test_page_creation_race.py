"""A page submitted while the editor's autosave is creating it: one page, what was submitted
saved and submitted, never a server error (``home/editorial/page_creation.py``)."""

import datetime

import pytest
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.models import WorkflowState

from news.models import ArticlePage
from tests.editorial.conftest import make_user
from tests.editorial.helpers import add_url, article_form_data

pytestmark = pytest.mark.django_db

TITLE = "Un tiers-lieu à Lubersac"
SLUG = "un-tiers-lieu-a-lubersac"


@pytest.fixture
def taken_meanwhile(monkeypatch, news_index):
    """Make ``owner``'s unpublished page at the submitted address appear once the form has
    checked that the address is free, as when the autosave's request commits at that moment."""

    def take(owner):
        original_clean = WagtailAdminPageForm.clean

        def clean(form):
            cleaned = original_clean(form)
            if not ArticlePage.objects.filter(slug=SLUG).exists():
                twin = ArticlePage(
                    title=TITLE,
                    slug=SLUG,
                    owner=owner,
                    date=datetime.date(2021, 3, 10),
                    introduction="Ce que l'autosave a enregistré.",
                )
                twin.live = False
                news_index.add_child(instance=twin)
                twin.save_revision(user=owner)
            return cleaned

        monkeypatch.setattr(WagtailAdminPageForm, "clean", clean)

    return take


def test_a_submission_racing_its_own_autosave_submits_the_autosaved_page(
    editor_client, editor, moderator, news_index, taken_meanwhile
):
    taken_meanwhile(editor)
    data = article_form_data(TITLE, introduction="Ce qui a été écrit après l'autosave.")
    response = editor_client.post(add_url(news_index, ArticlePage), data)

    assert response.status_code == 302
    page = ArticlePage.objects.get(slug=SLUG)
    assert ArticlePage.objects.filter(title=TITLE).count() == 1
    latest = page.get_latest_revision_as_object()
    assert latest.introduction == "Ce qui a été écrit après l'autosave."
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.live


def test_an_address_taken_by_someone_else_meanwhile_is_a_form_error(
    editor_client, news_index, taken_meanwhile
):
    taken_meanwhile(make_user("autre-redactrice"))
    response = editor_client.post(add_url(news_index, ArticlePage), article_form_data(TITLE))

    assert response.status_code == 200
    form = response.context["form"]
    assert "slug" in form.errors
    assert form["title"].value() == TITLE  # what the editor wrote comes back
    assert ArticlePage.objects.filter(slug=SLUG).count() == 1
