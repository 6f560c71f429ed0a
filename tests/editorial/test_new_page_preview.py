"""A new page, untouched, previews without a validation error and without a server error.

Wagtail validates the editor's form as soon as its preview or checks panel opens (the panel stays
open from one page to the next): an untouched new page must then be valid for the preview, or
the writer reads "Corrigez les erreurs de validation" before typing anything. Done here as the
browser does: the untouched form, as the add view draws it, is POSTed to ``preview_on_add``, then
the preview is fetched.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from news.admin_forms import proposed_start
from news.models import ArticlePage, TestimonialPage, WebinarPage
from tests.editorial.helpers import add_url
from tests.factories import WebinarPageFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
TUESDAY = datetime.datetime(2026, 12, 1, 17, 30, tzinfo=PARIS)


def untouched_form(client, parent, model):
    """The data the editor's browser sends for the add form nobody typed in."""
    response = client.get(add_url(parent, model))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").copy()
    # StreamFields are drawn by JavaScript, so the HTML holds no inputs for them: sent empty.
    streams = {
        field.name: streamfield([])
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
    }
    data.update(nested_form_data(streams))
    return data


@pytest.mark.parametrize("model", [ArticlePage, WebinarPage, TestimonialPage])
def test_untouched_new_page_previews_without_validation_error(editor_client, news_index, model):
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=[model._meta.app_label, model._meta.model_name, news_index.pk],
    )
    posted = editor_client.post(url, untouched_form(editor_client, news_index, model))
    assert posted.json() == {"is_valid": True, "is_available": True}

    preview = editor_client.get(url, {"in_preview_panel": "true"})
    assert preview.status_code == 200
    assert "Titre provisoire" in preview.content.decode()


def test_new_webinar_proposes_a_start_a_week_ahead_at_ten(editor_client, news_index):
    with time_machine.travel(TUESDAY, tick=False):
        data = untouched_form(editor_client, news_index, WebinarPage)
        assert proposed_start() == datetime.datetime(2026, 12, 8, 10, 0, tzinfo=PARIS)
    assert data["starts_at"] == "08/12/2026 10:00"


def test_a_webinar_being_edited_keeps_its_own_start(editor_client, news_index):
    starts_at = datetime.datetime(2030, 3, 15, 14, 0, tzinfo=PARIS)
    webinar = WebinarPageFactory(parent=news_index, starts_at=starts_at)
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[webinar.pk]))
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    assert data["starts_at"] == "15/03/2030 14:00"
