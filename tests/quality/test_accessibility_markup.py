"""Accessibility in the HTML itself (the browser tests check the rendered page with axe-core)."""

import io
import re

import pytest
from django.core.management import call_command

from tests.factories import ArticlePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    StandardPageFactory(parent=home_page, title="Le Club", slug="le-club", show_in_menus=True)
    return home_page


@pytest.mark.parametrize("path", ["/", "/le-club/", "/recherche/?q=club", "/introuvable/"])
def test_every_skip_link_reaches_an_element_of_the_page(client, pages, path):
    html = client.get(path).content.decode()
    targets = re.findall(r'<a class="skip-link" href="#([^"]+)"', html)
    assert targets == ["contenu", "menu-principal", "header-search-q"]
    for target in targets:
        assert len(re.findall(rf'\bid="{target}"', html)) == 1, target


@pytest.mark.parametrize("path", ["/", "/recherche/?q=club", "/introuvable/"])
def test_every_form_control_has_a_label(client, pages, path):
    html = client.get(path).content.decode()
    controls = re.findall(r"<(?:input|select|textarea)\b[^>]*>", html)
    assert controls
    for control in controls:
        if 'type="hidden"' in control:
            continue
        control_id = re.search(r'\bid="([^"]+)"', control).group(1)
        assert re.search(rf'<label[^>]+for="{control_id}"', html), control


def test_search_forms_are_search_landmarks_with_distinct_names(client, pages):
    html = client.get("/recherche/?q=club").content.decode()
    forms = re.findall(r'<form[^>]*role="search"[^>]*>', html)
    assert len(forms) == 2  # the header's and the page's
    page_form = [form for form in forms if "aria-label" in form]
    assert page_form, "the page's search form needs its own name"


def test_the_main_menu_marks_the_current_page(client, pages):
    html = client.get("/le-club/").content.decode()
    menu = re.search(r'<nav id="menu-principal".*?</nav>', html, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', menu) == ["/le-club/"]


def test_pagination_marks_the_current_page(client, news_index):
    for number in range(12):
        ArticlePageFactory(parent=news_index, title=f"Conférence {number}")
    html = client.get("/recherche/", {"q": "conférence", "page": 2}).content.decode()
    pagination = re.search(r'<nav class="pagination" aria-label="Pagination">.*?</nav>', html, re.S)
    assert pagination
    current = re.findall(
        r'aria-current="page"><span class="visually-hidden">Page </span>(\d+)<', pagination.group(0)
    )
    assert current == ["2"]


def test_the_menu_link_leads_to_the_navigation_panel(client, pages):
    """Served as a link to the panel (usable without JavaScript; menu.js makes it a disclosure
    button, see tests/browser/test_keyboard.py)."""
    html = client.get("/").content.decode()
    link = re.search(r'<a class="menu-toggle"[^>]*>', html).group(0)
    controlled = re.search(r'aria-controls="([^"]+)"', link).group(1)
    assert f'href="#{controlled}"' in link
    panel = re.search(rf'<div id="{controlled}"[^>]*>(.*?)</header>', html, re.S).group(1)
    assert 'id="menu-principal"' in panel and 'id="header-search-q"' in panel


def test_accessibility_statement_has_the_structure_rgaa_asks_for(client):
    call_command("load_demo_content", stdout=io.StringIO())
    html = client.get("/accessibilite/").content.decode()
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", html)
    for required in [
        "État de conformité",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d'information et contact",
        "Voies de recours",
    ]:
        assert required in [heading.replace("&#x27;", "'") for heading in headings], required
    assert "Défenseur des droits" in html
    assert "/accessibilite/" in client.get("/").content.decode()  # linked from every page
