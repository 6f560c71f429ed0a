"""The demo content of the news: facts of the seed, three kinds, themes, idempotent."""

import pytest
from django.core.management import call_command

from home.demo.loader import DemoLoader
from home.models import Theme
from news import demo
from news.models import ArticlePage, NewsIndexPage, NewsPage, TestimonialPage, WebinarPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site():
    call_command("load_demo_content", verbosity=0)


def test_demo_news_show_the_three_kinds_with_their_themes(client, demo_site):
    index = NewsIndexPage.objects.get()
    assert index.slug == "actualites" and index.show_in_menus and index.live
    html = client.get("/actualites/").content.decode()
    for kind in ["Article", "Webinaire", "Témoignage"]:
        assert f'<p class="card__meta card__kind">{kind}</p>' in html
    assert "#Économie territoriale" in html and "#Collectivité territoriale" in html
    assert {theme.slug for theme in Theme.objects.all()} == {
        "economie-territoriale",
        "collectivite-territoriale",
    }
    assert 'href="/actualites/"' in client.get("/").content.decode()  # in the main menu


def test_demo_news_tell_the_seed_facts(client, demo_site):
    launch = WebinarPage.objects.get(slug="lancement-du-club-des-developpeurs")
    assert launch.date.isoformat() == "2020-11-19"
    html = client.get(launch.url).content.decode()
    for fact in ["DATAR", "ADI Nouvelle-Aquitaine", "CNER", "Boostez la réussite de vos projets"]:
        assert fact in html
    crafts = WebinarPage.objects.get(slug="webinaire-aides-artisanat-commerce")
    assert crafts.date.isoformat() == "2020-11-30"
    html = client.get(crafts.url).content.decode()
    assert "Compte rendu" in html and "artisanat" in html and "Val de l&#x27;Eyre" in html
    testimonial = TestimonialPage.objects.get()
    assert testimonial.webinar_id == crafts.pk
    assert testimonial.organisation == "Communauté de communes du Val de l'Eyre"
    html = client.get(testimonial.url).content.decode()
    # The pull quote is illustrative, and says so.
    assert testimonial.pull_quote.startswith("Exemple")
    assert "exemple" in html
    announcement = ArticlePage.objects.get()
    assert "mars 2021" in client.get(announcement.url).content.decode()


def test_demo_filters_and_theme_pages_work(client, demo_site):
    response = client.get("/actualites/?type=webinaire&theme=economie-territoriale&annee=2020")
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 2
    assert client.get("/actualites/themes/collectivite-territoriale/").status_code == 200
    assert "#Économie territoriale" in client.get("/actualites/themes/").content.decode()


def test_demo_home_shows_the_news_sections(client, demo_site):
    html = client.get("/").content.decode()
    assert "Dernières actualités" in html
    # No webinar is announced any more: the latest recap is shown.
    assert "Dernier webinaire" in html and "Les aides à l&#x27;artisanat et au commerce" in html
    assert "Exemple de citation" in html
    assert 'href="/actualites/themes/economie-territoriale/"' in html


def test_demo_news_are_idempotent_and_returned_for_later_modules(demo_site):
    # The news' own items (the agenda adds its example sessions, "exemple-...").
    news = NewsPage.objects.exclude(slug__startswith="exemple-")
    before = (news.count(), Theme.objects.count())
    context = demo.load(DemoLoader(), home=NewsIndexPage.objects.get().get_parent().specific)
    assert (news.count(), Theme.objects.count()) == before == (4, 2)
    assert context["webinar_30_novembre"].slug == "webinaire-aides-artisanat-commerce"
    assert context["news_index"].slug == "actualites"
    assert set(context["webinars"]) == {"lancement", "artisanat_commerce"}
