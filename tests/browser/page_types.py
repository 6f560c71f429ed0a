"""Every public page type, one address each, as the browser tests and ``make lighthouse`` visit them.

Addresses are built from what ``site_data.py`` returns (the demo content plus one page of every
news kind). A page type joins every check (accessibility, performance budget, Lighthouse) with one
``PageCase`` line.
"""

from collections.abc import Callable
from dataclasses import dataclass

from tests.browser.site_data import THEME_SLUG


def url_of(key):
    return lambda data: data[key].url


@dataclass(frozen=True)
class PageCase:
    key: str
    path: Callable[[dict], str]
    status: int = 200
    expect: str = "main h1"  # a selector that must be on the page


PAGE_CASES = [
    PageCase("accueil", lambda data: "/"),
    PageCase("page-standard", url_of("club")),
    PageCase("declaration-accessibilite", url_of("accessibility")),
    PageCase("actualites", url_of("news_index"), expect=".card"),
    PageCase(
        "actualites-filtrees",
        lambda data: data["news_index"].url + "?type=article&theme=" + THEME_SLUG,
        expect=".card",
    ),
    PageCase("themes", lambda data: f"{data['news_index'].url}themes/"),
    PageCase("theme", lambda data: f"{data['news_index'].url}themes/{THEME_SLUG}/"),
    PageCase("article", url_of("article")),
    PageCase("webinaire-a-venir", url_of("webinar_upcoming")),
    PageCase("webinaire-passe", url_of("webinar_past")),
    PageCase("temoignage", url_of("testimonial")),
    PageCase("ressources", url_of("resource_index")),
    PageCase(
        "ressources-filtrees",
        lambda data: (
            data["resource_index"].url + f"?ouvert=1&public=artisans-commercants&theme={THEME_SLUG}"
        ),
    ),
    PageCase("ressource", url_of("resource")),
    PageCase("flux-rss", lambda data: "/actualites/flux/"),
    PageCase("recherche", lambda data: "/recherche/?q=webinaire", expect=".search-result"),
    PageCase("page-introuvable", lambda data: "/cette-page-n-existe-pas/", status=404),
]
