"""resources_for_theme, and listings whose number of queries does not grow with the data."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from home.models import Theme
from resources.models import Organisation
from resources.queries import resources_for_theme
from tests.conftest import count_queries
from tests.factories import (
    DocumentFactory,
    ResourcePageFactory,
    WebinarPageFactory,
)


@pytest.mark.django_db
def test_resources_for_theme_returns_live_resources_with_that_theme(resource_index, home_page):
    eco = ResourcePageFactory(
        parent=resource_index, title="B éco", themes=["Économie territoriale"]
    )
    both = ResourcePageFactory(
        parent=resource_index,
        title="A les deux",
        themes=["Économie territoriale", "Collectivité territoriale"],
    )
    ResourcePageFactory(
        parent=resource_index, title="Collectivité", themes=["Collectivité territoriale"]
    )
    ResourcePageFactory(parent=resource_index, title="Sans thème")
    ResourcePageFactory(
        parent=resource_index, title="Brouillon", themes=["Économie territoriale"]
    ).unpublish()
    theme = Theme.objects.get(slug="economie-territoriale")
    assert list(resources_for_theme(theme)) == [both, eco]
    assert list(resources_for_theme("economie-territoriale")) == [both, eco]
    assert list(resources_for_theme("inconnu")) == []


@pytest.mark.django_db
def test_resources_for_theme_excludes_private_resources(resource_index):
    from wagtail.models import PageViewRestriction

    private = ResourcePageFactory(parent=resource_index, title="Privée", themes=["Tourisme"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert list(resources_for_theme("tourisme")) == []


def make_library(resource_index, count, webinar=None):
    organisations = [
        Organisation.objects.get_or_create(slug=f"org-{i}", defaults={"name": f"Structure {i}"})[0]
        for i in range(3)
    ]
    start = resource_index.get_children().count()
    for number in range(start, start + count):
        ResourcePageFactory(
            parent=resource_index,
            title=f"Ressource {number:03d}",
            kind=["dispositif", "outil"][number % 2],
            themes=["Économie territoriale", f"Thème {number % 4}"],
            audiences=["communes", "artisans-commercants"],
            organisations=organisations[: 1 + number % 3],
            documents=[DocumentFactory()] if number % 5 == 0 else [],
            related_pages=[webinar] if webinar else [],
        )


def render_cards(resources):
    template = Template(
        "{% for resource in resources %}"
        '{% include "resources/includes/resource_card.html" %}{% endfor %}'
    )
    context = Context({"resources": resources, "request": RequestFactory().get("/")})
    return template.render(context)


def render_theme_section(theme, snippet="{% theme_resources theme %}"):
    template = Template("{% load resources_tags %}" + snippet)
    return template.render(Context({"theme": theme, "request": RequestFactory().get("/")}))


@pytest.mark.django_db
def test_theme_section_lists_cards_and_links_to_the_filtered_library(resource_index):
    ResourcePageFactory(parent=resource_index, title="Aide éco", themes=["Économie territoriale"])
    ResourcePageFactory(parent=resource_index, title="Outil", themes=["Tourisme"])
    theme = Theme.objects.get(slug="economie-territoriale")
    html = render_theme_section(theme)
    assert '<h2 id="ressources-du-theme">Ressources</h2>' in html
    assert "Aide éco" in html and "Outil" not in html
    assert '<a href="/ressources/?theme=economie-territoriale">' in html
    same = render_theme_section(
        "economie-territoriale", '{% theme_resources theme heading="À lire" %}'
    )
    assert "À lire</h2>" in same and "Aide éco" in same
    assert render_theme_section("inconnu").strip() == ""


LISTING_URLS = [
    "/ressources/",
    "/ressources/?theme=economie-territoriale&public=communes&ouvert=1",
    "/ressources/?type=dispositif&structure=org-0",
]


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_resources(client, resource_index):
    def measure():
        result = {}
        for url in LISTING_URLS:
            response = client.get(url)  # also warms the site root cache
            assert response.status_code == 200
            assert 'class="card resource-card"' in response.content.decode()
            result[url] = count_queries(lambda url=url: client.get(url))[0]
        return result

    make_library(resource_index, 3)
    few = measure()
    make_library(resource_index, 12)  # 15: more than a page of 12
    many = measure()
    assert few == many, f"with 3 resources: {few}; with 15: {many}"
    assert max(few.values()) <= 15, few


@pytest.mark.django_db
def test_theme_cards_and_presented_in_queries_do_not_grow(resource_index, news_index):
    webinar = WebinarPageFactory(parent=news_index)
    counts = []
    for batch in (3, 9):
        make_library(resource_index, batch, webinar=webinar)
        render_cards(list(resources_for_theme("economie-territoriale")))  # warm caches
        counts.append(
            (
                count_queries(
                    lambda: render_cards(list(resources_for_theme("economie-territoriale")))
                )[0],
                count_queries(
                    lambda: Template(
                        "{% load resources_tags %}{% resources_presented_in page %}"
                    ).render(Context({"page": webinar, "request": RequestFactory().get("/")}))
                )[0],
                count_queries(lambda: render_theme_section("economie-territoriale"))[0],
            )
        )
    assert counts[0] == counts[1], counts
    html = render_cards(list(resources_for_theme("economie-territoriale")))
    assert html.count('<article class="card resource-card">') == 12
