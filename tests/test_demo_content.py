import datetime
import re
import zoneinfo

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.demo.site import accessibility_statement
from home.models import HomePage, SiteSettings

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def counts():
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "settings": SiteSettings.objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.mark.django_db
def test_demo_content_is_idempotent(client):
    call_command("load_demo_content", verbosity=0)
    first = counts()
    call_command("load_demo_content", verbosity=0)
    assert counts() == first
    assert first["pages"] > 4 and first["images"] >= 1


@pytest.mark.django_db
def test_second_run_says_nothing_was_created(capsys):
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    assert "Rien à créer" in capsys.readouterr().out


@pytest.mark.django_db
def test_demo_site_serves_the_club_pages_in_french(client):
    call_command("load_demo_content", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    # Served where WAGTAILADMIN_BASE_URL says, so that absolute links work.
    assert (site.hostname, site.port) == ("testserver", 80)
    assert (
        '<link rel="canonical" href="http://testserver/le-club/">'
        in client.get("/le-club/").content.decode()
    )
    home = client.get("/").content.decode()
    assert "111" in home and "Nouvelle-Aquitaine" in home
    club = client.get("/le-club/").content.decode()
    for fact in ["DATAR", "ADI", "CNER", "Boostez la réussite de vos projets", "mars 2021"]:
        assert fact in club
    for url in ["/mentions-legales/", "/accessibilite/", "/donnees-personnelles/"]:
        assert client.get(url).status_code == 200
    assert "Défenseur des droits" in client.get("/accessibilite/").content.decode()
    # The footer links the legal pages on every page.
    assert 'href="/mentions-legales/"' in home


@pytest.mark.django_db
def test_local_admin_account_login(client, settings):
    settings.DEBUG = True
    call_command("ensure_local_admin", verbosity=0)
    call_command("ensure_local_admin", verbosity=0)
    assert client.login(username="admin", password="admin")
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_local_admin_is_never_created_without_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_local_admin", verbosity=0)


@pytest.mark.django_db
def test_fresh_demo_publishes_the_legal_mentions_a_public_site_owes(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 27, 10, tzinfo=PARIS))
    call_command("load_demo_content", verbosity=0)

    home = client.get("/").content.decode()
    footer = re.search(r"<footer.*</footer>", home, re.S).group(0)
    assert '<a href="/accessibilite/">Accessibilité : non conforme</a>' in footer
    assert '<a href="/mentions-legales/">Mentions légales</a>' in footer

    statement = client.get("/accessibilite/").content.decode()
    assert "Cette déclaration a été établie le 27 novembre 2026." in statement

    notice = client.get("/mentions-legales/").content.decode()
    assert (
        "Directeur de la publication : le président du Conseil régional de Nouvelle-Aquitaine."
        in notice
    )
    assert "Hébergeur : le prestataire d'hébergement retenu par la Région" in notice
    assert "mise en production" not in notice


@pytest.mark.django_db
def test_a_later_load_keeps_the_date_the_statement_was_established(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 27, 10, tzinfo=PARIS))
    call_command("load_demo_content", verbosity=0)
    time_machine.move_to(datetime.datetime(2027, 3, 1, 10, tzinfo=PARIS))
    call_command("load_demo_content", verbosity=0)
    statement = client.get("/accessibilite/").content.decode()
    assert "établie le 27 novembre 2026." in statement
    assert "2027" not in statement


def test_statement_date_is_written_the_french_way():
    _intro, body = accessibility_statement(datetime.date(2026, 12, 1))
    text = " ".join(str(value) for _name, value in body)
    assert "Cette déclaration a été établie le 1er décembre 2026." in text


@pytest.mark.django_db
def test_every_demo_module_finds_a_theme_through_the_one_loader_helper():
    from home.demo.loader import DemoLoader
    from home.models import Theme

    loader = DemoLoader()
    created = loader.theme("Économie territoriale")
    assert loader.theme("#économie territoriale") == created
    assert Theme.objects.count() == 1
    assert loader.created == ["thème « #Économie territoriale »"]
    assert loader.existing == ["thème « #Économie territoriale »"]
