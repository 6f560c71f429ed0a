"""Search whose cost does not grow with the matches: bounded queries, a capped count, and on
PostgreSQL the ranked page read straight from the index entries.

Wagtail's database backend on PostgreSQL matches ``title || body`` (a concatenation no index
covers: every entry is read) and counts every match for the paginator. Here, on PostgreSQL:

- the GIN indexes on ``title`` and ``body`` pick the candidate entries (any word in either), the
  concatenation then checks that every word is there (same results as Wagtail's backend);
- the page of results is ``ORDER BY rank LIMIT n`` on the index entries alone, then the pages of
  that page only are loaded (one query per page type);
- only a bounded number of candidates is ranked (``COUNT_CAP`` + 1 title matches and as many
  others), so that a word every page holds costs no more than a rarer one;
- the count stops at ``COUNT_CAP`` ("plus de 1 000 résultats") and ranks nothing.

Elsewhere (SQLite's FTS5) Wagtail's backend ranks, and the count is capped the same way.
A query keeps at most ``MAX_TERMS`` words of at most ``MAX_TERM_LENGTH`` characters, so that no
query made to be expensive (hundreds of one-letter words, endless words) costs more than another.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Exists, F, IntegerField, OuterRef, Q
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from wagtail.models import Page
from wagtail.search.models import IndexEntry

COUNT_CAP = 1000
MAX_TERMS = 8
MAX_TERM_LENGTH = 40
SEARCH_CONFIG = "french"


def bounded_terms(query):
    """The words searched for: at most ``MAX_TERMS``, each cut to ``MAX_TERM_LENGTH``, without
    repeats, one-letter words dropped when the query has longer ones, and without the characters
    full-text syntaxes read as operators (``* & | ! : ( ) < > -``, quotes)."""
    cleaned = []
    spaced = "".join(char if char.isalnum() or char in "'’.@_" else " " for char in query)
    for word in spaced.split():
        word = word.strip("'’._@")[:MAX_TERM_LENGTH]
        if word and word.lower() not in {w.lower() for w in cleaned}:
            cleaned.append(word)
    longer = [word for word in cleaned if len(word) > 1]
    return (longer or cleaned)[:MAX_TERMS]


class CappedResults:
    """A sequence for Django's ``Paginator``: ``count()`` stops at ``COUNT_CAP`` + 1, so the
    number of pages is bounded too; ``capped`` says the real number is higher."""

    def __init__(self, results, counted):
        self.results = results
        self.counted = counted  # a queryset (or search results) sliced to count

    def count(self):
        if not hasattr(self, "_count"):
            self._count = len(list(self.counted[: COUNT_CAP + 1]))
        return min(self._count, COUNT_CAP)

    @property
    def capped(self):
        self.count()
        return self._count > COUNT_CAP

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        return self.results[key]


class RankedPages:
    """Ranked pages from PostgreSQL's index entries (see the module's docstring)."""

    def __init__(self, entries):
        self.entries = entries

    def __getitem__(self, key):
        ids = [int(pk) for pk in self.entries.values_list("object_id", flat=True)[key]]
        found = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        return [found[pk] for pk in ids if pk in found]


def _content_types(models):
    concrete = set()
    for model in models:
        stack = [model]
        while stack:
            current = stack.pop()
            if not current._meta.abstract:
                concrete.add(current)
            stack.extend(current.__subclasses__())
    return list(ContentType.objects.get_for_models(*concrete).values())


def postgres_matches(terms, pages, models):
    """The index entries of ``pages`` (of ``models``) that hold every word, in no order: what
    the count reads (it stops at ``COUNT_CAP`` + 1, so it never ranks)."""
    every = SearchQuery(" ".join(terms), config=SEARCH_CONFIG, search_type="plain")
    any_word = SearchQuery(" or ".join(terms), config=SEARCH_CONFIG, search_type="websearch")
    # Title and body together hold every word (what Wagtail's backend matches), written with
    # the queryset's own alias so that it stays right inside a subquery.
    document = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
    # Checked per matching entry through the page's primary key: whatever the planner guesses
    # of the number of matches (it guesses badly for full-text), never a loop over every page.
    visible = Exists(pages.order_by().filter(pk=Cast(OuterRef("object_id"), IntegerField())))
    return (
        IndexEntry.objects.filter(content_type__in=_content_types(models))
        .filter(visible)
        .filter(Q(title=any_word) | Q(body=any_word))  # the GIN indexes
        .alias(document=document)
        .filter(document=every)
        .order_by()
    )


def postgres_entries(terms, pages, models):
    """The matching entries, best first, ranked among at most ``COUNT_CAP`` + 1 entries whose
    title holds every word and as many others: a word found in every page costs what a word
    found in a thousand does. A title match outweighs body matches (the rank counts the
    title twice), so the best entries are among the candidates; past ``COUNT_CAP`` matches the
    visitor reads "plus de 1 000 résultats" and the order among equally ranked bodies is the
    index's."""
    every = SearchQuery(" ".join(terms), config=SEARCH_CONFIG, search_type="plain")
    matches = postgres_matches(terms, pages, models)
    in_title = matches.filter(title=every).values("pk")[: COUNT_CAP + 1]
    candidates = in_title.union(matches.values("pk")[: COUNT_CAP + 1])
    rank = SearchRank(F("title"), every) * 2 + SearchRank(F("body"), every)
    return (
        IndexEntry.objects.filter(pk__in=candidates)
        .annotate(rank=rank)
        .order_by("-rank", "-object_id")
    )


def uses_postgres_ranking():
    return connection.vendor == "postgresql"
