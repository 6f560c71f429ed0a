"""The "Flux RSS" page lists every feed with a short how-to."""

import re

import pytest

from tests.factories import ArticlePageFactory


@pytest.mark.django_db
def test_the_feeds_page_lists_every_feed(client, news):
    response = client.get("/actualites/flux/")
    assert response.status_code == 200
    page = response.content.decode()
    assert len(re.findall(r"<h1[ >]", page)) == 1
    assert "<h1>Flux RSS</h1>" in page
    assert "Comment s'abonner" in page
    for path in [
        "/actualites/flux",
        "/actualites/articles/flux",
        "/actualites/webinaires/flux",
        "/actualites/temoignages/flux",
        "/actualites/themes/economie-territoriale/flux",
        "/actualites/themes/collectivite-territoriale/flux",
    ]:
        for fmt in ("rss", "atom"):
            url = f"http://testserver{path}.{fmt}"
            assert f'href="{url}"' in page, url
            assert f"<code>{url}</code>" in page, url
            assert client.get(f"{path}.{fmt}").status_code == 200
    assert "#Économie territoriale" in page


@pytest.mark.django_db
def test_only_themes_with_visible_news_are_listed(client, news, news_index):
    draft = ArticlePageFactory(parent=news_index, live=False)
    draft.themes.set(["Mobilités"])
    page = client.get("/actualites/flux/").content.decode()
    assert "mobilites" not in page
    assert "economie-territoriale/flux.rss" in page


@pytest.mark.django_db
def test_the_feeds_page_says_so_when_no_theme_has_news(client, news_index):
    page = client.get("/actualites/flux/").content.decode()
    assert "Aucun thème n'a encore de contenu publié." in page


@pytest.mark.django_db
def test_the_feeds_page_has_breadcrumbs_to_the_news(client, news):
    page = client.get("/actualites/flux/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', page, re.S).group(0)
    assert '<a href="/actualites/">Actualités</a>' in crumbs
    assert '<a href="/actualites/flux/" aria-current="page">Flux RSS</a>' in crumbs


@pytest.mark.django_db
def test_the_feeds_page_has_canonical_and_sharing_tags(client, news):
    page = client.get("/actualites/flux/").content.decode()
    assert '<link rel="canonical" href="http://testserver/actualites/flux/">' in page
    assert '<meta property="og:title" content="Flux RSS">' in page
    assert '<meta property="og:image" content="http://testserver/static/' in page
