"""A resource's organisations come in the editor's order, then in the order they were added,
whatever order the database returns rows in (a backup restored, a row updated in place)."""

import pytest
from django.core.management import call_command

from resources.models import ResourceOrganisation, ResourcePage
from tests.factories import OrganisationFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def links(page):
    return ResourceOrganisation.objects.filter(page_id=page.pk)


def card_names(page):
    (fetched,) = ResourcePage.objects.filter(pk=page.pk).for_cards()
    return [organisation.acronym for organisation in fetched.organisations]


def fresh_names(page):
    return [o.acronym for o in ResourcePage.objects.get(pk=page.pk).organisations]


def test_links_without_sort_order_keep_the_order_they_were_added(resource_index):
    region, adi = OrganisationFactory(acronym="RNA"), OrganisationFactory(acronym="ADI")
    page = ResourcePageFactory(parent=resource_index, organisations=[region, adi])
    assert set(links(page).values_list("sort_order", flat=True)) == {None}
    # Updating an indexed column writes a new version of the row at the end of a PostgreSQL
    # table, as a restore may lay rows out differently: unordered, ADI would now come first.
    first = links(page).order_by("pk").first()
    ResourceOrganisation.objects.filter(pk=first.pk).update(organisation=adi)
    ResourceOrganisation.objects.filter(pk=first.pk).update(organisation=region)
    assert card_names(page) == ["RNA", "ADI"]
    assert fresh_names(page) == ["RNA", "ADI"]


def test_the_editors_order_comes_first(resource_index):
    region, adi = OrganisationFactory(acronym="RNA"), OrganisationFactory(acronym="ADI")
    page = ResourcePageFactory(parent=resource_index, organisations=[region, adi])
    for position, link in enumerate(links(page).order_by("-pk")):
        ResourceOrganisation.objects.filter(pk=link.pk).update(sort_order=position)
    assert card_names(page) == ["ADI", "RNA"]
    assert fresh_names(page) == ["ADI", "RNA"]


def test_the_demo_content_records_the_order_of_organisations():
    call_command("load_demo_content", verbosity=0)
    assert not ResourceOrganisation.objects.filter(sort_order__isnull=True).exists()
    boostez = ResourcePage.objects.get(slug="boostez-la-reussite-de-vos-projets")
    assert [o.name for o in boostez.organisations] == [
        "CNER, fédération des agences d'attractivité",
        "ADI Nouvelle-Aquitaine",
        "Région Nouvelle-Aquitaine",
    ]
    assert [link.sort_order for link in boostez.organisation_links.all()] == [0, 1, 2]
