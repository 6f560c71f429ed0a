"""The resource sections other apps show (news item, theme page) share one include."""

import pathlib
import re

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory

from home.models import Theme
from tests.factories import ResourcePageFactory, WebinarPageFactory

SECTION = re.compile(
    r'<section class="resource-section" aria-labelledby="([^"]+)">\s*<h2 id="([^"]+)">([^<]+)</h2>'
    r".*?</section>",
    re.S,
)


def render(snippet, **context):
    template = Template("{% load resources_tags %}" + snippet)
    return template.render(Context({"request": RequestFactory().get("/"), **context}))


@pytest.mark.django_db
def test_both_sections_have_the_same_structure_with_their_own_heading(resource_index, news_index):
    webinar = WebinarPageFactory(parent=news_index)
    ResourcePageFactory(
        parent=resource_index, themes=["Économie territoriale"], related_pages=[webinar]
    )
    theme = Theme.objects.get(slug="economie-territoriale")

    presented = SECTION.findall(render("{% resources_presented_in page %}", page=webinar))
    on_theme = SECTION.findall(render("{% theme_resources theme %}", theme=theme))

    assert presented == [
        ("ressources-presentees", "ressources-presentees", "Ressources présentées")
    ]
    assert on_theme == [("ressources-du-theme", "ressources-du-theme", "Ressources")]


@pytest.mark.django_db
def test_theme_section_says_all_when_every_resource_is_shown(resource_index):
    ResourcePageFactory(parent=resource_index, themes=["Économie territoriale"])
    html = render("{% theme_resources theme %}", theme="economie-territoriale")
    assert (
        '<a href="/ressources/?theme=economie-territoriale">Toutes les ressources sur ce thème</a>'
        in html
    )


@pytest.mark.django_db
def test_news_section_has_no_library_link(resource_index, news_index):
    webinar = WebinarPageFactory(parent=news_index)
    ResourcePageFactory(parent=resource_index, related_pages=[webinar])
    html = render("{% resources_presented_in page %}", page=webinar)
    assert "/ressources/?" not in html and "sur ce thème" not in html


def project_templates():
    roots = [pathlib.Path(settings.BASE_DIR) / "templates"] + [
        path for path in pathlib.Path(settings.BASE_DIR).glob("*/templates") if path.is_dir()
    ]
    return sorted(path for root in roots for path in root.rglob("*.html"))


def test_every_template_that_adds_to_the_head_keeps_what_base_puts_there():
    """``extra_head`` without ``block.super`` would drop what base.html (or a parent) adds."""
    offenders = []
    for path in project_templates():
        text = path.read_text()
        if "{% extends" not in text:
            continue
        for body in re.findall(r"{% block extra_head %}(.*?){% endblock", text, re.S):
            if "{{ block.super }}" not in body:
                offenders.append(str(path))
    assert project_templates(), "no template found"
    assert offenders == []
