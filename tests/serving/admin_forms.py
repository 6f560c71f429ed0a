"""Submitting the admin's edit forms as an editor's browser does: what the page shows, changed."""

from wagtail.fields import StreamField
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import _querydict_from_form, nested_form_data, streamfield


def submit_edit_form(client, url, model=None, **changes):
    """GET the edit view, take its main form's fields, apply ``changes`` and POST it back.

    StreamFields are drawn by JavaScript (no inputs in the HTML): they are sent empty.
    """
    page = client.get(url, follow=True)
    assert page.status_code == 200, page.status_code
    url = page.request["PATH_INFO"]
    soup = WagtailTestUtils.get_soup(page.content.decode())
    forms = [f for f in soup.find_all("form") if (f.get("method") or "").lower() == "post"]
    form = max(forms, key=lambda f: len(f.find_all(["input", "textarea", "select"])))
    data = _querydict_from_form(form, exclude_csrf=True).copy()
    if model is not None:
        streams = {
            f.name: streamfield([]) for f in model._meta.get_fields() if isinstance(f, StreamField)
        }
        for name, value in nested_form_data(streams).items():
            data[name] = value
    for name, value in changes.items():
        data[name] = value
    return client.post(url, data)
