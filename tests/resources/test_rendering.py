import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import (
    DocumentFactory,
    ImageFactory,
    OrganisationFactory,
    ResourcePageFactory,
    WebinarPageFactory,
)

PARIS = ZoneInfo("Europe/Paris")


def section(html, heading_id):
    match = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    assert match, f"no section {heading_id}"
    return match.group(1)


@pytest.fixture
def full_resource(resource_index, news_index):
    region = OrganisationFactory(
        name="Région Nouvelle-Aquitaine",
        acronym="",
        website="https://www.nouvelle-aquitaine.fr",
        logo=ImageFactory(title="Logo Région", description="Logo de la Région"),
    )
    cner = OrganisationFactory(name="CNER", acronym="CNER", website="https://www.cner-france.com")
    webinar = WebinarPageFactory(
        parent=news_index,
        title="Webinaire du 30 novembre",
        starts_at=datetime.datetime(2020, 11, 30, 10, tzinfo=PARIS),
    )
    document = DocumentFactory(title="Règlement d'intervention")
    return ResourcePageFactory(
        parent=resource_index,
        title="Aide aux commerces",
        slug="aide-aux-commerces",
        kind="dispositif",
        summary="Une aide pour moderniser les commerces.",
        body=[("heading", {"text": "Comment déposer", "level": "h2"})],
        eligibility="<p>Les commerces de moins de dix salariés.</p>",
        provides="<p>Une subvention de 30 % des investissements.</p>",
        opens_on=datetime.date(2021, 1, 1),
        closes_on=datetime.date(2021, 3, 31),
        official_url="https://www.nouvelle-aquitaine.fr/aides/commerce",
        contact_name="Service artisanat et commerce",
        contact_email="commerce@example.org",
        contact_phone="05 57 57 80 00",
        themes=["Économie territoriale"],
        audiences=["artisans-commercants", "communes"],
        organisations=[region, cner],
        documents=[document],
        related_pages=[webinar],
    )


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2021, 2, 15, 12, tzinfo=PARIS), tick=False)
def test_resource_page_renders_every_field(client, full_resource):
    response = client.get("/ressources/aide-aux-commerces/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Aide aux commerces</h1>" in html
    assert "Dispositif d&#x27;aide" in html
    assert "Une aide pour moderniser les commerces." in html
    assert "<h2>Comment déposer</h2>" in html
    assert "Les commerces de moins de dix salariés." in section(html, "eligibilite")
    finance = section(html, "ce-que-ca-apporte")
    assert "Ce que le dispositif finance" in finance and "30 %" in finance
    # Status and dates
    assert "resource-status--ouvert" in html and "Ouvert jusqu&#x27;au 31 mars 2021" in html
    assert '<time datetime="2021-01-01">1er janvier 2021</time>' in html
    assert '<time datetime="2021-03-31">31 mars 2021</time>' in html
    # Organisations with website and logo, audiences and themes linking to the filtered list
    assert '<a href="https://www.nouvelle-aquitaine.fr">Région Nouvelle-Aquitaine</a>' in html
    assert '<a href="https://www.cner-france.com">CNER</a>' in html
    assert re.search(r'<img[^>]+class="resource-organisations__logo"', html)
    assert '<a href="/ressources/?public=artisans-commercants">Artisans et commerçants</a>' in html
    assert '<a href="/ressources/?public=communes">Communes</a>' in html
    assert (
        '<a class="tag" href="/ressources/?theme=economie-territoriale">#Économie territoriale'
        in html
    )
    assert 'href="https://www.nouvelle-aquitaine.fr/aides/commerce"' in html
    # Documents with type and size
    documents = section(html, "documents")
    assert "Règlement d&#x27;intervention" in documents
    assert "(PDF, 2\xa0Ko)" in documents
    # Contact
    contact = section(html, "contact")
    assert "Service artisanat et commerce" in contact
    assert 'href="mailto:commerce@example.org"' in contact
    assert 'href="tel:0557578000"' in contact
    # Related news
    news = section(html, "presentee-dans")
    assert "Webinaire" in news and "Webinaire du 30 novembre" in news
    assert '<time datetime="2020-11-30">' in news


@pytest.mark.django_db
def test_empty_optional_fields_render_no_empty_sections(client, resource_index):
    ResourcePageFactory(parent=resource_index, title="Outil", slug="outil", kind="outil")
    html = client.get("/ressources/outil/").content.decode()
    for heading_id in ["eligibilite", "documents", "contact", "presentee-dans"]:
        assert f'aria-labelledby="{heading_id}"' not in html
    assert "Permanent, sans date limite" in html
    assert "Outil ou méthode" in html


@pytest.mark.django_db
def test_related_news_only_lists_live_pages(client, resource_index, news_index):
    live = WebinarPageFactory(parent=news_index, title="Webinaire publié")
    draft = WebinarPageFactory(parent=news_index, title="Webinaire en préparation")
    draft.unpublish()
    ResourcePageFactory(
        parent=resource_index, title="Aide", slug="aide", related_pages=[draft, live]
    )
    html = client.get("/ressources/aide/").content.decode()
    assert "Webinaire publié" in html
    assert "Webinaire en préparation" not in html


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2021, 2, 15, 12, tzinfo=PARIS), tick=False)
def test_listing_card_shows_kind_status_organisations_audiences_and_themes(client, full_resource):
    html = client.get("/ressources/").content.decode()
    card = re.search(r'<article class="card resource-card">.*?</article>', html, re.S).group(0)
    assert "Dispositif d&#x27;aide" in card
    assert "Ouvert jusqu&#x27;au 31 mars 2021" in card
    assert '<h3 class="card__title"><a href="/ressources/aide-aux-commerces/">' in card
    assert 'Région Nouvelle-Aquitaine, <abbr title="CNER">CNER</abbr>' in card
    assert "Pour : communes, artisans et commerçants" in card
    assert "#Économie territoriale" in card


@pytest.mark.django_db
def test_listing_has_one_h1_and_the_menu_entry(client, resource_index):
    resource_index.show_in_menus = True
    resource_index.save_revision().publish()
    html = client.get("/ressources/").content.decode()
    assert html.count("<h1") == 1
    assert 'href="/ressources/" aria-current="page"' in html
    assert "resources/css/resources.css" in html
