"""The demo content sets the team's address and tells visitors what the forms store; the home page
links to both forms."""

import pytest
from django.core.management import call_command

from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_the_demo_sets_the_support_address_and_the_privacy_page_lists_the_forms(client):
    call_command("load_demo_content", verbosity=0)
    assert SiteSettings.load().support_email == "accompagnement@exemple.fr"
    privacy = client.get("/donnees-personnelles/").content.decode()
    assert "Alertes par e-mail" in privacy and "Demandes d&#x27;accompagnement" in privacy
    assert "3 ans" in privacy and "7 jours" in privacy
    # The home page links to both forms (a section added through the club_home_sections hook).
    home = client.get("/").content.decode()
    assert 'href="/alertes/"' in home and 'href="/accompagnement/"' in home
    assert "Demander un accompagnement" in home
    # An address an administrator already set is kept by a second load.
    settings = SiteSettings.load()
    settings.support_email = "equipe@club.example"
    settings.save()
    call_command("load_demo_content", verbosity=0)
    assert SiteSettings.load().support_email == "equipe@club.example"
