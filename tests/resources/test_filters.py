import datetime
import html as html_lib
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import OrganisationFactory, ResourcePageFactory

PARIS = ZoneInfo("Europe/Paris")
TODAY = datetime.datetime(2021, 2, 15, 12, tzinfo=PARIS)


def titles(response):
    assert response.status_code == 200
    html = response.content.decode()
    return sorted(
        html_lib.unescape(t)
        for t in re.findall(r'<h3 class="card__title"><a [^>]*>([^<]+)</a>', html)
    )


@pytest.fixture
def library(resource_index):
    region = OrganisationFactory(name="Région Nouvelle-Aquitaine", acronym="", slug="region")
    adi = OrganisationFactory(name="ADI Nouvelle-Aquitaine", acronym="ADI")
    cner = OrganisationFactory(name="CNER", acronym="CNER")
    make = ResourcePageFactory
    make(
        parent=resource_index,
        title="A aide ouverte",
        kind="dispositif",
        audiences=["artisans-commercants"],
        themes=["Économie territoriale"],
        organisations=[region],
        opens_on=datetime.date(2021, 1, 1),
        closes_on=datetime.date(2021, 3, 31),
    )
    make(
        parent=resource_index,
        title="B aide close",
        kind="dispositif",
        audiences=["artisans-commercants", "communes"],
        themes=["Économie territoriale"],
        organisations=[adi],
        opens_on=datetime.date(2020, 1, 1),
        closes_on=datetime.date(2020, 12, 31),
    )
    make(
        parent=resource_index,
        title="C outil permanent",
        kind="outil",
        audiences=["communes"],
        themes=["Collectivité territoriale"],
        organisations=[cner, region],
    )
    make(
        parent=resource_index,
        title="D guide à venir",
        kind="guide",
        audiences=["entreprises"],
        themes=["Économie territoriale"],
        organisations=[adi],
        opens_on=datetime.date(2021, 4, 1),
    )
    make(
        parent=resource_index,
        title="E support",
        kind="support",
        audiences=["intercommunalites"],
    )
    draft = make(parent=resource_index, title="F brouillon", themes=["Tourisme"])
    draft.unpublish()
    return resource_index


ALL = ["A aide ouverte", "B aide close", "C outil permanent", "D guide à venir", "E support"]


@pytest.mark.django_db
@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ALL),
        ("type=dispositif", ["A aide ouverte", "B aide close"]),
        ("type=guide", ["D guide à venir"]),
        ("public=artisans-commercants", ["A aide ouverte", "B aide close"]),
        ("public=communes", ["B aide close", "C outil permanent"]),
        ("theme=economie-territoriale", ["A aide ouverte", "B aide close", "D guide à venir"]),
        ("structure=region", ["A aide ouverte", "C outil permanent"]),
        ("structure=adi", ["B aide close", "D guide à venir"]),
        ("ouvert=1", ["A aide ouverte", "C outil permanent", "E support"]),
        ("ouvert=on", ["A aide ouverte", "C outil permanent", "E support"]),
        ("ouvert=0", ALL),
        ("ouvert=", ALL),
        # Combinations
        ("type=dispositif&public=artisans-commercants", ["A aide ouverte", "B aide close"]),
        (
            "type=dispositif&public=artisans-commercants&theme=economie-territoriale&ouvert=1",
            ["A aide ouverte"],
        ),
        ("public=communes&ouvert=1", ["C outil permanent"]),
        ("theme=economie-territoriale&structure=adi", ["B aide close", "D guide à venir"]),
        ("structure=region&type=outil&public=communes", ["C outil permanent"]),
        ("structure=adi&ouvert=1", []),
    ],
)
def test_each_filter_and_their_combinations(client, library, query, expected):
    response = client.get(f"/ressources/?{query}")
    assert titles(response) == expected
    html = response.content.decode()
    if expected:
        count = len(expected)
        assert f"{count} ressource{'s' if count > 1 else ''} trouvée" in html
    else:
        assert "Aucune ressource trouvée" in html
        assert "Aucune ressource ne correspond à ces critères." in html


@pytest.mark.django_db
@time_machine.travel(TODAY, tick=False)
def test_filters_stay_selected_and_can_be_removed_one_by_one(client, library):
    html = client.get("/ressources/?type=dispositif&theme=economie-territoriale").content.decode()
    assert '<option value="dispositif" selected>' in html
    assert '<option value="economie-territoriale" selected>' in html
    active = re.search(r'<ul class="active-filters".*?</ul>', html, re.S).group(0)
    assert 'href="?theme=economie-territoriale"' in active  # removes the type filter
    assert 'href="?type=dispositif"' in active  # removes the theme filter
    assert "Effacer tous les filtres" in html


@pytest.mark.django_db
def test_filter_form_is_accessible_and_works_without_javascript(client, library):
    html = client.get("/ressources/").content.decode()
    form = re.search(r'<form class="resource-filters" method="get".*?</form>', html, re.S).group(0)
    assert "<fieldset>" in form and "<legend>Filtrer les ressources</legend>" in form
    for name in ["type", "public", "theme", "structure", "ouvert"]:
        assert f'<label for="id_{name}">' in form
        assert f'id="id_{name}"' in form
    assert '<button type="submit"' in form
    assert 'aria-describedby="id_ouvert_helptext"' in form and 'id="id_ouvert_helptext"' in form
    assert 'action="/ressources/"' in form
    assert "<script" not in form
    # On small screens the form comes first: a link jumps over it to the results.
    assert '<a href="#resultats">Aller aux résultats</a>' in html and 'id="resultats"' in html
    # Only the themes and organisations of published resources are offered.
    assert "#Économie territoriale" in form and "#Collectivité territoriale" in form
    assert "Tourisme" not in form
    # Empty state without filters is not shown when there are results.
    assert "empty-state" not in html


@pytest.mark.django_db
def test_empty_library_says_so(client, resource_index):
    html = client.get("/ressources/").content.decode()
    assert "Aucune ressource n'est encore publiée." in html


@pytest.mark.django_db
def test_filters_are_kept_in_pagination(client, resource_index):
    for number in range(15):
        ResourcePageFactory(
            parent=resource_index,
            title=f"Aide {number:02d}",
            kind="dispositif",
            themes=["Économie territoriale"],
        )
    ResourcePageFactory(parent=resource_index, title="Guide hors filtre", kind="guide")
    html = client.get("/ressources/?type=dispositif&theme=economie-territoriale").content.decode()
    assert "15 ressources trouvées (page 1 sur 2)" in html
    assert len(titles(client.get("/ressources/?type=dispositif"))) == 12
    assert 'href="?type=dispositif&amp;theme=economie-territoriale&amp;page=2"' in html
    page2 = client.get("/ressources/?type=dispositif&theme=economie-territoriale&page=2")
    assert titles(page2) == ["Aide 12", "Aide 13", "Aide 14"]
    assert "Guide hors filtre" not in page2.content.decode()


@pytest.mark.django_db
@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    "query",
    [
        "type=inconnu",
        "type=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "public=nulle-part",
        "public=%00",
        "theme=%00",
        "theme=tourisme",  # exists, but no published resource has it
        "theme=" + "x" * 5000,
        "theme=" + "x" * 10_000,
        "structure=%27%20OR%201%3D1--",
        "structure=999999",
        "structure=%F0%9F%98%80",
        "ouvert=zzz",
        "ouvert=%00",
        "type=dispositif&type=%00",  # one value per filter: a repeated parameter is ambiguous
        "type=dispositif&type=dispositif",
        "ouvert=1&ouvert=0",
        "type=outil&theme=inconnu",  # one bad value spoils the combination
    ],
)
def test_filter_values_that_name_nothing_answer_404_never_500(client, library, query):
    response = client.get(f"/ressources/?{query}")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert "<script>alert(1)</script>" not in html


@pytest.mark.django_db
@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    "query",
    ["type=", "public=&theme=&structure=&ouvert=", "ouvert=non", "page=abc", "page=", "inconnu=1"],
)
def test_empty_filters_and_other_parameters_show_everything(client, library, query):
    response = client.get(f"/ressources/?{query}")
    assert titles(response) == ALL
    assert "Effacer tous les filtres" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "-1", "99", "2"])
def test_page_numbers_out_of_range_answer_404(client, library, page):
    assert client.get(f"/ressources/?page={page}").status_code == 404
