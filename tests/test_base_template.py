import re

import pytest
from django.template.loader import render_to_string

from tests.factories import StandardPageFactory
from tests.html import remote_resources


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
    assert 'rel="stylesheet"' in html
    assert remote_resources(html) == []
    assert remote_resources('<img src="https://cdn.example.org/x.png">') != []


def test_500_page_renders_without_database():
    html = render_to_string("500.html")
    assert '<html lang="fr">' in html and "<h1>" in html
