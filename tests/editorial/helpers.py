"""Helpers of the editorial tests: admin form data and URLs."""

from django.urls import reverse
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

#: What the admin's webinar form sends for its own tabs (Webinaire, Compte rendu).
WEBINAR_FIELDS = {
    "session_type": "webinaire",
    "starts_at": "2030-03-15 14:00",
    "duration_minutes": "90",
    "attendance": "online",
    "online_url": "",
    "venue": "",
    "registration_url": "https://inscription.example.org/",
    "speakers": inline_formset([]),
    "recap_summary": rich_text(""),
    "key_takeaways": streamfield([]),
    "replay_url": "",
    "recap_documents": streamfield([]),
}


def add_url(parent, model):
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def workflow_action_url(page, action):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def article_form_data(title, action="action-submit", themes="", **fields):
    """The POST data of the article editor, as the admin sends it, with an action button."""
    data = {
        "title": title,
        "slug": slugify(title),
        "date": "2021-03-10",
        "introduction": f"Le chapô de « {title} ».",
        "main_image": "",
        "body": streamfield([]),
        "themes": themes,
        "author": "",
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "social_image": "",
        "go_live_at": "",
        "expire_at": "",
        **fields,
    }
    if action:
        data[action] = "1"
    return nested_form_data(data)
