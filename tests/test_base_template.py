import re

import pytest
from django.template.loader import render_to_string

from tests.factories import StandardPageFactory


@pytest.fixture
def pages(home_page):
    return [home_page, StandardPageFactory(parent=home_page, title="Le Club", slug="le-club")]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/le-club/", "/inconnue/"])
def test_every_page_is_french_with_one_h1_and_a_working_skip_link(client, pages, path):
    html = client.get(path).content.decode()
    assert '<html lang="fr">' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    skip = re.search(r'<a class="skip-link" href="#([^"]+)"', html)
    assert skip, "skip link missing"
    assert f'id="{skip.group(1)}"' in html
    assert re.search(r"<main\b", html) and re.search(r"<header\b", html)
    assert re.search(r"<footer\b", html)


@pytest.mark.django_db
def test_nothing_is_loaded_from_another_site(client, pages):
    html = client.get("/").content.decode()
    assert not re.search(r'\bsrc="(?:https?:)?//', html)
    # Links the browser fetches (stylesheets, icons...); canonical and alternate links only name
    # addresses and are absolute by nature.
    fetched = [
        tag
        for tag in re.findall(r"<link[^>]+>", html)
        if not re.search(r'rel="(?:canonical|alternate)"', tag)
    ]
    assert fetched and not [tag for tag in fetched if re.search(r'href="(?:https?:)?//', tag)]


def test_500_page_renders_without_database():
    html = render_to_string("500.html")
    assert '<html lang="fr">' in html and "<h1>" in html
