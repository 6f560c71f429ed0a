"""Themes are one vocabulary: news and resources meet on the theme pages and on news pages."""

import re

import pytest

from tests.factories import (
    ArticlePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    WebinarPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def resource_index(home_page):
    return ResourceIndexPageFactory(parent=home_page)


def section(html, heading):
    match = re.search(rf"<section[^>]*>\s*<h2[^>]*>{heading}</h2>.*?</section>", html, re.S)
    return match.group(0) if match else ""


def test_theme_page_lists_news_and_resources(client, news_index, resource_index):
    ArticlePageFactory(
        parent=news_index, title="Le Club est lancé", themes=["Économie territoriale"]
    )
    ResourcePageFactory(
        parent=resource_index, title="Aide au commerce", themes=["#économie territoriale"]
    )
    ResourcePageFactory(parent=resource_index, title="Guide du tourisme", themes=["Tourisme"])
    html = client.get("/actualites/themes/economie-territoriale/").content.decode()
    assert "Le Club est lancé" in section(html, "Actualités")
    resources = section(html, "Ressources")
    assert "Aide au commerce" in resources
    assert "Guide du tourisme" not in resources
    assert "/ressources/?theme=economie-territoriale" in resources
    # Resource cards link their themes to the theme pages, like news cards.
    assert 'class="tag" href="/actualites/themes/economie-territoriale/"' in resources


def test_theme_with_resources_only_has_its_page(client, news_index, resource_index):
    ResourcePageFactory(parent=resource_index, title="Guide du tourisme", themes=["Tourisme"])
    response = client.get("/actualites/themes/tourisme/")
    assert response.status_code == 200
    assert "Guide du tourisme" in section(response.content.decode(), "Ressources")


def test_theme_list_counts_news_and_resources(client, news_index, resource_index):
    ArticlePageFactory(parent=news_index, themes=["Économie territoriale"])
    ArticlePageFactory(parent=news_index, themes=["Économie territoriale"])
    ResourcePageFactory(parent=resource_index, themes=["Économie territoriale"])
    ResourcePageFactory(parent=resource_index, themes=["Tourisme"])
    draft = ResourcePageFactory(parent=resource_index, themes=["Tourisme"])
    draft.unpublish()
    html = client.get("/actualites/themes/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "#Économie territoriale 2 actualités, 1 ressource" in text
    assert "#Tourisme 1 ressource" in text


def test_webinar_lists_the_resources_it_presented(client, news_index, resource_index):
    webinar = WebinarPageFactory(parent=news_index, title="Aides à l'artisanat")
    ResourcePageFactory(parent=resource_index, title="Aide au commerce", related_pages=[webinar])
    html = client.get(webinar.url).content.decode()
    assert "Aide au commerce" in section(html, "Ressources présentées")
    # And the resource links back to the webinar.
    resource_html = client.get("/ressources/aide-au-commerce/").content.decode()
    assert webinar.url in resource_html


def test_theme_page_shows_the_latest_resources_and_links_to_all(client, news_index, resource_index):
    for number in range(8):
        ResourcePageFactory(
            parent=resource_index, title=f"Dispositif {number}", themes=["Économie territoriale"]
        )
    html = client.get("/actualites/themes/economie-territoriale/").content.decode()
    resources = section(html, "Ressources")
    titles = re.findall(r"Dispositif (\d)", resources)
    assert sorted(set(titles)) == ["2", "3", "4", "5", "6", "7"]
    assert "Les 8 ressources sur ce thème" in resources
