"""The news and resource listings answer bad filter values the same way (``home.filters``).

A value that names nothing the listing can show is a wrong address (404), whatever the filter and
the listing; an empty value means "all"; parameters that are not filters change nothing.
"""

import datetime
import re

import pytest

from tests.factories import (
    ArticlePageFactory,
    OrganisationFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

NUL = "a\x00b"
HUGE = "x" * 10_000


@pytest.fixture
def listings(news_index, home_page):
    ArticlePageFactory(parent=news_index, date=datetime.date(2020, 5, 4), themes=["Tourisme"])
    ResourcePageFactory(
        parent=ResourceIndexPageFactory(parent=home_page),
        kind="outil",
        audiences=["communes"],
        themes=["Tourisme"],
        organisations=[OrganisationFactory(name="CNER", slug="cner")],
    )


GOOD = {
    "/actualites/": {"type": "article", "theme": "tourisme", "annee": "2020"},
    "/ressources/": {
        "type": "outil",
        "public": "communes",
        "theme": "tourisme",
        "structure": "cner",
        "ouvert": "1",
    },
}


def bad_values(name):
    """What a hand-made or stale address may hold in a filter (a blank flag just means "no")."""
    values = ["inconnu", NUL, HUGE, "%00", "<script>alert(1)</script>"]
    return values if name == "ouvert" else [*values, " "]


@pytest.mark.parametrize("url", GOOD)
def test_each_good_filter_value_lists_the_item(client, listings, url):
    for name, value in GOOD[url].items():
        response = client.get(url, {name: value})
        assert response.status_code == 200, (name, value)
        assert response.context["filters"].is_active
    everything = client.get(url, GOOD[url])
    assert everything.status_code == 200
    assert len(re.findall(r'class="card__title"', everything.content.decode())) == 1


@pytest.mark.parametrize("url", GOOD)
def test_every_bad_value_of_every_filter_answers_404(client, listings, url):
    for name in GOOD[url]:
        for value in bad_values(name):
            response = client.get(url, {name: value})
            assert response.status_code == 404, (name, value[:20])
            assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("url", GOOD)
def test_a_repeated_filter_answers_404_even_with_the_same_value(client, listings, url):
    for name, value in GOOD[url].items():
        assert client.get(url, {name: [value, value]}).status_code == 404, name
        assert client.get(url, {name: [value, ""]}).status_code == 404, name


@pytest.mark.parametrize("url", GOOD)
def test_empty_values_and_other_parameters_list_everything(client, listings, url):
    empty = dict.fromkeys(GOOD[url], "")
    for params in [empty, {"utm_source": "lettre"}, {"page": "abc"}, {}]:
        response = client.get(url, params)
        assert response.status_code == 200, params
        assert not response.context["filters"].is_active


def test_news_years_and_resource_flags_follow_the_same_rule(client, listings):
    for value in ["abc", "2020.5", "1999", "-1"]:
        assert client.get("/actualites/", {"annee": value}).status_code == 404
    for value in ["0", "non", "false", "off", ""]:
        assert client.get("/ressources/", {"ouvert": value}).status_code == 200
    for value in ["zzz", "2", "oui-non"]:
        assert client.get("/ressources/", {"ouvert": value}).status_code == 404


def test_active_filters_can_be_removed_one_by_one_keeping_the_others(client, listings):
    html = client.get("/ressources/?public=communes&ouvert=1&page=1&utm_source=x").content.decode()
    active = re.search(r'<ul class="active-filters".*?</ul>', html, re.S).group(0)
    assert 'href="?ouvert=1&amp;utm_source=x">Public : Communes' in active
    assert 'href="?public=communes&amp;utm_source=x">Ouvertes aujourd&#x27;hui' in active
    # The ticked checkbox shows the filter, the page number is not a filter.
    assert re.search(r'<input type="checkbox" name="ouvert"[^>]* checked', html)
