"""Every public URL, fed hostile query strings, answers without a server error and without
reflecting markup unescaped: markup, NUL bytes, 10,000 characters, huge and odd numbers, repeated
parameters, on each parameter the URL reads and on one it does not know.

The site is the demo content plus one news item of each kind (tests/browser/site_data.py).
"""

from urllib.parse import urlencode

import pytest

from tests.browser.site_data import THEME_SLUG, add_news, build_demo_site

pytestmark = pytest.mark.django_db

MARKUP = [
    '<script>alert("club")</script>',
    '"><svg onload=alert(1)>',
    "'><img src=x onerror=alert(1)>",
]
PAYLOADS = MARKUP + [
    "\x00",
    "abc\x00<b>def",
    "a" * 10_000,
    "9" * 40,
    "-1",
    "1e309",
    "0x10",
    "%",
    "../../../etc/passwd",
    "é" * 300,
    "\u202e\ufeff",
]
REFLECTIONS = ["<script>alert(", "<svg onload", "<img src=x onerror", "<b>def"]


@pytest.fixture
def site(db):
    demo = build_demo_site()
    return {**demo, **add_news(demo)}


def targets(site):
    """(path, parameters the view reads) for every public URL."""
    news = site["news_index"].url
    resources = site["resource_index"].url
    return [
        ("/", ["page"]),
        (news, ["type", "theme", "annee", "page"]),
        (f"{news}themes/", ["page"]),
        (f"{news}themes/{THEME_SLUG}/", ["page", "type"]),
        (site["article"].url, []),
        (site["webinar_upcoming"].url, []),
        (site["webinar_past"].url, []),
        (site["testimonial"].url, []),
        (resources, ["type", "public", "theme", "structure", "ouvert", "page"]),
        (site["resource"].url, []),
        (site["club"].url, []),
        ("/recherche/", ["q", "type", "page"]),
        ("/actualites/flux/", []),
        ("/actualites/flux.rss", []),
        ("/actualites/flux.atom", []),
        ("/actualites/webinaires/flux.rss", []),
        (f"/actualites/themes/{THEME_SLUG}/flux.atom", []),
        ("/sitemap.xml", ["p"]),
        ("/robots.txt", []),
    ]


def query_strings(parameters):
    """Each payload on each parameter, markup and length on an unknown one, then all repeated."""
    for name in parameters:
        for payload in PAYLOADS:
            yield urlencode({name: payload})
        yield urlencode([(name, "1"), (name, "2"), (name, MARKUP[0])])
    for payload in [*MARKUP, "a" * 10_000]:
        yield urlencode({"inconnu": payload})
    yield urlencode([(name, payload) for name in parameters for payload in ("", MARKUP[1], "2")])
    yield "page=" + "&page=".join(["1"] * 200)
    yield "q=%ZZ&type=%00&page=%ff"


def problems_of(client, path, query):
    url = f"{path}?{query}"
    response = client.get(url)
    found = []
    if response.status_code >= 500:
        found.append(f"{response.status_code} on GET {url[:200]}")
    body = response.content.decode("utf-8", errors="replace")
    found += [f"{marker!r} reflected by {url[:200]}" for marker in REFLECTIONS if marker in body]
    return found


def test_no_public_url_breaks_or_reflects_markup(client, site):
    problems = []
    requests = 0
    for path, parameters in targets(site):
        assert client.get(path).status_code == 200, path
        for query in query_strings(parameters):
            problems += problems_of(client, path, query)
            requests += 1
        head = client.head(f"{path}?{urlencode({'q': MARKUP[0], 'page': '9' * 40})}")
        if head.status_code >= 500 or head.status_code == 405:
            problems.append(f"HEAD {path}: {head.status_code}")
    assert requests > 300
    assert not problems, "\n".join(problems)


def test_the_sweep_sees_a_reflection(client, site, settings):
    """The check itself: a page that echoes its query string unescaped is caught."""
    from django.http import HttpResponse
    from django.urls import path

    def echo(request):
        return HttpResponse(request.GET.get("q", ""))

    class Urls:
        urlpatterns = [path("echo/", echo)]

    settings.ROOT_URLCONF = Urls
    assert problems_of(client, "/echo/", urlencode({"q": MARKUP[0]}))
