import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page

from news.models import WebinarPage
from resources.models import Organisation, ResourceIndexPage, ResourcePage
from tests.factories import NewsIndexPageFactory, WebinarPageFactory

PARIS = ZoneInfo("Europe/Paris")


def counts():
    return {
        "pages": Page.objects.count(),
        "resources": ResourcePage.objects.count(),
        "organisations": Organisation.objects.count(),
        "documents": get_document_model().objects.count(),
    }


@pytest.mark.django_db
def test_demo_resources_are_idempotent_and_in_the_menu(client):
    call_command("load_demo_content", verbosity=0)
    first = counts()
    call_command("load_demo_content", verbosity=0)
    assert counts() == first
    assert first["resources"] >= 5 and first["documents"] >= 1
    index = ResourceIndexPage.objects.get()
    assert index.url == "/ressources/" and index.show_in_menus
    assert 'href="/ressources/"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_demo_holds_the_cner_programme_the_club_offer_and_marked_examples(client):
    call_command("load_demo_content", verbosity=0)
    boostez = ResourcePage.objects.get(title="Boostez la réussite de vos projets")
    assert boostez.kind == "outil"
    assert {o.acronym for o in boostez.organisations} >= {"CNER", "ADI"}
    assert {t.name for t in boostez.themes.all()} == {
        "Économie territoriale",
        "Collectivité territoriale",
    }
    offer = client.get(ResourcePage.objects.get(slug="offre-du-club").url).content.decode()
    for item in [
        "sessions collectives",
        "présentations de dispositifs et d&#x27;outils",
        "accompagnement individuel",
        "mise en pratique opérationnelle",
    ]:
        assert item in offer.lower()
    examples = ResourcePage.objects.filter(kind="dispositif")
    assert 2 <= examples.count() <= 3
    for example in examples:
        assert example.title.startswith("Exemple") and "xemple" in example.summary
        assert "artisans-commercants" in {a.slug for a in example.audiences.all()}
        assert "Région Nouvelle-Aquitaine" in {o.name for o in example.organisations}


@pytest.mark.django_db
def test_visitor_narrows_the_demo_library_and_downloads_a_document(client):
    """The issue's "done when": open schemes for artisans on #Économie territoriale."""
    call_command("load_demo_content", verbosity=0)
    listing = client.get(
        "/ressources/?type=dispositif&public=artisans-commercants"
        "&theme=economie-territoriale&ouvert=1"
    ).content.decode()
    links = re.findall(r'<h3 class="card__title"><a href="([^"]+)">', listing)
    assert len(links) == 2  # the permanent and the open example; the closed one is left out
    assert "transmission" not in listing
    detail = client.get("/ressources/exemple-modernisation-commerces-artisanat/").content.decode()
    document_url = re.search(r'<a href="(/documents/[^"]+)" download>', detail).group(1)
    assert "(PDF, " in detail
    download = client.get(document_url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_examples_link_to_the_30_november_webinar(client):
    call_command("load_demo_content", verbosity=0)
    webinar = WebinarPage.objects.get(starts_at__date=datetime.date(2020, 11, 30))
    example = ResourcePage.objects.get(slug="exemple-modernisation-commerces-artisanat")
    assert [link.related_page_id for link in example.related_news.all()] == [webinar.pk]
    html = client.get(example.url).content.decode()
    assert f'href="{webinar.url}"' in html
    from resources.queries import resources_presented_in

    presented = set(resources_presented_in(webinar).values_list("slug", flat=True))
    assert {
        "exemple-modernisation-commerces-artisanat",
        "exemple-revitalisation-commerciale-centres-bourgs",
        "exemple-transmission-reprise-artisanat",
        "support-webinaire-30-novembre-2020",
    } <= presented
    assert "boostez-la-reussite-de-vos-projets" not in presented
    # The webinar recap lists them too.
    assert "Ressources présentées" in client.get(webinar.url).content.decode()


@pytest.mark.django_db
def test_demo_uses_the_webinar_given_in_the_context(home_page):
    from home.demo.loader import DemoLoader
    from resources import demo

    news = NewsIndexPageFactory(parent=home_page)
    webinar = WebinarPageFactory(
        parent=news, starts_at=datetime.datetime(2022, 1, 10, 10, tzinfo=PARIS)
    )
    demo.load(
        DemoLoader(), home=home_page, webinars={"lancement": webinar}, webinar_30_novembre=webinar
    )
    example = ResourcePage.objects.get(slug="exemple-revitalisation-commerciale-centres-bourgs")
    assert [link.related_page_id for link in example.related_news.all()] == [webinar.pk]
