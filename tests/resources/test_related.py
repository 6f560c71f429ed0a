"""Resources and news link both ways: a resource lists its news, a news page its resources."""

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory

from resources.models import ResourceRelatedPage
from resources.queries import resources_presented_in
from tests.factories import (
    ArticlePageFactory,
    OrganisationFactory,
    ResourcePageFactory,
    StandardPageFactory,
    TestimonialPageFactory,
    WebinarPageFactory,
)


def render_tag(page, snippet="{% resources_presented_in page %}"):
    template = Template("{% load resources_tags %}" + snippet)
    request = RequestFactory().get(page.url)
    return template.render(Context({"page": page, "request": request}))


@pytest.fixture
def webinar(news_index):
    return WebinarPageFactory(parent=news_index, title="Webinaire artisanat et commerce")


@pytest.mark.django_db
def test_webinar_lists_the_live_resources_presented_in_it(resource_index, news_index, webinar):
    other = ArticlePageFactory(parent=news_index, title="Autre article")
    presented = ResourcePageFactory(
        parent=resource_index,
        title="Aide au commerce",
        related_pages=[webinar],
        organisations=[OrganisationFactory(name="ADI Nouvelle-Aquitaine", acronym="ADI")],
        themes=["Économie territoriale"],
    )
    ResourcePageFactory(parent=resource_index, title="Aide ailleurs", related_pages=[other])
    draft = ResourcePageFactory(
        parent=resource_index, title="Aide brouillon", related_pages=[webinar]
    )
    draft.unpublish()

    assert list(resources_presented_in(webinar)) == [presented]
    html = render_tag(webinar)
    assert '<h2 id="ressources-presentees">Ressources présentées</h2>' in html
    assert f'href="{presented.url}"' in html and "Aide au commerce" in html
    assert '<abbr title="ADI Nouvelle-Aquitaine">ADI</abbr>' in html
    assert "#Économie territoriale" in html
    assert "Aide ailleurs" not in html and "Aide brouillon" not in html


@pytest.mark.django_db
def test_tag_renders_nothing_without_resources_and_takes_a_heading(
    resource_index, news_index, webinar
):
    assert render_tag(webinar).strip() == ""
    testimonial = TestimonialPageFactory(parent=news_index, title="Témoignage du Val de l'Eyre")
    ResourcePageFactory(parent=resource_index, title="Aide", related_pages=[testimonial])
    html = render_tag(testimonial, '{% resources_presented_in page heading="Dispositifs cités" %}')
    assert '<h2 id="ressources-presentees">Dispositifs cités</h2>' in html


@pytest.mark.django_db
def test_resource_page_lists_its_news_in_the_editors_order(client, resource_index, news_index):
    article = ArticlePageFactory(parent=news_index, title="Article sur l'aide")
    webinar = WebinarPageFactory(parent=news_index, title="Webinaire de présentation")
    page = ResourcePageFactory(
        parent=resource_index, title="Aide", related_pages=[webinar, article]
    )
    html = client.get(page.url).content.decode()
    assert f'href="{webinar.url}"' in html and f'href="{article.url}"' in html
    assert html.index("Webinaire de présentation") < html.index("Article sur l&#x27;aide")
    assert "Webinaire</span>" in html and "Article</span>" in html


@pytest.mark.django_db
def test_related_page_must_be_a_news_item(resource_index, news_index, home_page):
    page = ResourcePageFactory(parent=resource_index, title="Aide")
    standard = StandardPageFactory(parent=home_page, title="Le Club")
    with pytest.raises(ValidationError):
        ResourceRelatedPage(page=page, related_page=standard).clean()
    article = ArticlePageFactory(parent=news_index)
    ResourceRelatedPage(page=page, related_page=article).clean()  # accepted


@pytest.mark.django_db
def test_presented_in_query_is_empty_for_an_unsaved_page():
    from news.models import WebinarPage

    assert list(resources_presented_in(WebinarPage(title="Pas encore enregistré"))) == []
    assert list(resources_presented_in(None)) == []
