"""Preview modes: editors see the page and its card in the listings before publishing.

Through the admin's preview view, as the editor's browser uses it: the form data is POSTed to
``preview_on_edit`` (Wagtail stores it in the session), then the preview is fetched with ``mode``.
https://docs.wagtail.org/en/stable/reference/pages/model_reference.html#wagtail.models.Page.preview_modes
"""

import re

import pytest
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from tests.factories import (
    ArticlePageFactory,
    OrganisationFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    TestimonialPageFactory,
    WebinarPageFactory,
)

CARD_MODE = "carte"
NEWS_FACTORIES = [ArticlePageFactory, WebinarPageFactory, TestimonialPageFactory]


@pytest.fixture
def resource_index(home_page):
    return ResourceIndexPageFactory(parent=home_page)


def preview(client, page, mode, **changes):
    """The preview of ``page`` in ``mode``, with ``changes`` typed in the editor and not saved."""
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    data = querydict_from_html(edit.content.decode(), form_id="page-edit-form").copy()
    # StreamFields are drawn by JavaScript, so the HTML holds no inputs for them: send them empty.
    streams = {
        field.name: streamfield([])
        for field in page.specific._meta.get_fields()
        if isinstance(field, StreamField)
    }
    for name, value in [*nested_form_data(streams).items(), *changes.items()]:
        data[name] = value
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    posted = client.post(f"{url}?mode={mode}", data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    response = client.get(url, {"mode": mode})
    assert response.status_code == 200
    return response.content.decode()


def h1s(html):
    return [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    ]


@pytest.mark.parametrize("factory", NEWS_FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_every_news_kind_offers_the_page_and_its_card(factory, news_index):
    page = factory(parent=news_index)
    # The webinar adds its two faces after these (tests/editorial/test_webinar_previews.py).
    assert page.preview_modes[:2] == [("", "Page complète"), (CARD_MODE, "Carte dans les listes")]
    assert page.default_preview_mode == ""


@pytest.mark.parametrize("factory", NEWS_FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_news_card_preview_shows_the_unsaved_card_in_the_site_layout(
    factory, news_index, admin_client
):
    page = factory(parent=news_index, title="Titre publié", themes=["Économie territoriale"])
    html = preview(admin_client, page, CARD_MODE, title="Titre en cours de rédaction")

    assert h1s(html) == ["Aperçu de la carte"]
    card = re.search(r'<article class="card card--[a-z]+">.*?</article>', html, re.S).group(0)
    assert f"card--{page.kind}" in card
    assert page.kind_label in card
    assert "Titre en cours de rédaction" in card
    assert "#Économie territoriale" in card
    assert '<h2 class="card__title">' in card
    # Inside the site layout: header, footer, skip links; not the page's own template.
    assert 'id="contenu"' in html and "<footer" in html
    assert "news-item__header" not in html
    assert ">Titre publié</a>" not in card


def test_news_default_preview_is_the_page_itself(news_index, admin_client):
    page = ArticlePageFactory(parent=news_index, title="Titre publié")
    html = preview(admin_client, page, "", title="Titre en cours de rédaction")
    assert h1s(html) == ["Titre en cours de rédaction"]
    assert "news-item__header" in html
    assert "Aperçu de la carte" not in html


def test_the_editor_offers_the_card_mode(news_index, admin_client):
    page = ArticlePageFactory(parent=news_index)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Carte dans les listes" in html
    assert "Page complète" in html


def test_resource_offers_the_page_and_its_card(resource_index):
    resource = ResourcePageFactory(parent=resource_index)
    assert resource.preview_modes == [("", "Page complète"), (CARD_MODE, "Carte dans les listes")]


def test_resource_card_preview_shows_the_unsaved_card_in_the_site_layout(
    resource_index, admin_client
):
    organisation = OrganisationFactory(name="Agence de développement", acronym="ADI")
    resource = ResourcePageFactory(
        parent=resource_index,
        title="Fiche publiée",
        organisations=[organisation],
        themes=["Économie territoriale"],
    )
    html = preview(
        admin_client,
        resource,
        CARD_MODE,
        title="Fiche en cours de rédaction",
        summary="Un résumé tout neuf.",
    )

    assert h1s(html) == ["Aperçu de la carte"]
    card = re.search(r'<article class="card resource-card">.*?</article>', html, re.S).group(0)
    assert "Fiche en cours de rédaction" in card
    assert "Un résumé tout neuf." in card
    assert '<abbr title="Agence de développement">ADI</abbr>' in card
    assert "Dispositif d&#x27;aide" in card
    assert '<h2 class="card__title">' in card
    assert "resources/css/resources.css" in html
    assert 'class="page-header"' in html and "resource-facts" not in html


def test_resource_default_preview_is_the_page_itself(resource_index, admin_client):
    resource = ResourcePageFactory(parent=resource_index, title="Fiche publiée")
    html = preview(admin_client, resource, "", title="Fiche en cours de rédaction")
    assert h1s(html) == ["Fiche en cours de rédaction"]
    assert "resource-facts" in html
