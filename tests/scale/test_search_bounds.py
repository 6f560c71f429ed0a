"""Search whose cost does not grow with the matches: queries made to be expensive are cut to a
bounded number of words and never fail; the count of results stops at a cap."""

import pytest
from django.db import connection

from home import ranked_search
from news.models import NewsPage
from tests.conftest import count_queries, make_news
from tests.factories import ArticlePageFactory

HOSTILE = [
    " ".join("abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(300)),  # 300 one-letter words
    "*",
    "a* b* c* d* e* f* g* h* i* j* k* l* m* n* o*",
    '"territoire" "économie',
    "territoire AND NOT économie OR (a | b) & !c <-> d:* NEAR(e f)",
    "x" * 199,
    " ".join(["anticonstitutionnellement"] * 7),
    "-territoire",
    "territoire:*",
    "de la le les des du",  # stop words alone: PostgreSQL's query holds no lexeme
    "aujourd'hui mot_clé l'économie",  # words read as several lexemes, or with a stop word
]


def search(client, **params):
    response = client.get("/recherche/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_terms_are_bounded_and_free_of_operators():
    assert len(ranked_search.bounded_terms(HOSTILE[0])) == ranked_search.MAX_TERMS
    assert ranked_search.bounded_terms("le a b c territoire") == ["le", "territoire"]
    words = ranked_search.bounded_terms(" ".join(f"mot{n}" for n in range(300)))
    assert len(words) == ranked_search.MAX_TERMS
    assert ranked_search.bounded_terms("x" * 199) == ["x" * ranked_search.MAX_TERM_LENGTH]
    assert ranked_search.bounded_terms('a:* & !b | (c) <-> "d" -e') == ["a", "b", "c", "d", "e"]
    assert ranked_search.bounded_terms("tiers-lieux") == ["tiers", "lieux"]
    assert ranked_search.bounded_terms("* & |") == []


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_answer_in_bounded_queries(client, news_index, query):
    make_news(news_index, 3)
    client.get("/recherche/", {"q": "territoire"})
    baseline, _ = count_queries(lambda: client.get("/recherche/", {"q": "territoire"}))
    queries, response = count_queries(lambda: client.get("/recherche/", {"q": query}))
    assert response.status_code == 200
    assert queries <= baseline + 2


@pytest.fixture
def small_cap(monkeypatch, news_index):
    """A cap of 4 results in pages of 2, over 6 matching items."""
    monkeypatch.setattr(ranked_search, "COUNT_CAP", 4)
    monkeypatch.setattr("home.views.RESULTS_PER_PAGE", 2)
    make_news(news_index, 6)


def test_the_count_stops_at_the_cap(client, small_cap, monkeypatch):
    assert "Plus de 4 résultats" in search(client, q="chapô")
    response = client.get("/recherche/", {"q": "chapô", "page": 2})
    assert response.status_code == 200
    assert len(response.context["results"]) == 2
    monkeypatch.setattr(ranked_search, "COUNT_CAP", 1000)
    assert "6 résultats" in search(client, q="chapô")


def test_a_page_beyond_the_capped_count_is_a_404(client, small_cap):
    assert client.get("/recherche/", {"q": "chapô", "page": 3}).status_code == 404


def test_results_read_by_name_fail_before_building_a_query(monkeypatch, news_index):
    """The template reads ``object_list.capped``, which Django tries as ``object_list["capped"]``
    first: that lookup must fail at once, not build (and throw away) the ranking query."""

    def no_query(*args, **kwargs):
        raise AssertionError("a query was built")

    monkeypatch.setattr(ranked_search, "postgres_entries", no_query)
    results = ranked_search.RankedPages(["chapô"], NewsPage.objects.visible(), [NewsPage])
    with pytest.raises(TypeError):
        results["capped"]
    with pytest.raises(TypeError):
        ranked_search.CappedResults([], [])["capped"]


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's ranking (home.ranked_search)"
)


@needs_postgres
def test_a_word_in_every_page_ranks_a_bounded_set_with_title_matches_first(
    client, small_cap, news_index
):
    """Past the cap, only ``COUNT_CAP`` + 1 title matches and as many others are ranked, fewer
    than all the matches: the item whose title holds the word still comes first, and every
    result holds the word."""
    ArticlePageFactory(parent=news_index, title="Le chapô du mois")
    response = client.get("/recherche/", {"q": "chapô"})
    assert response.status_code == 200
    results = [result.page for result in response.context["results"]]
    assert results[0].title == "Le chapô du mois"
    assert all("chapô" in page.introduction for page in results)
    visible = NewsPage.objects.visible()
    matches = ranked_search.postgres_matches(["chapô"], visible, [NewsPage]).count()
    ranked = ranked_search.postgres_entries(["chapô"], visible, [NewsPage]).count()
    assert matches == 7
    assert ranked < matches and ranked <= 2 * (ranked_search.COUNT_CAP + 1)


@needs_postgres
def test_the_database_session_runs_without_jit(db):
    """JIT compilation costs up to a second on the site's aggregates at volume (settings)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
