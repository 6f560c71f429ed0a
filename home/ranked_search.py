"""Search whose cost does not grow with the matches: bounded queries, a capped count, and on
PostgreSQL the ranked page read straight from the index entries.

Wagtail's database backend on PostgreSQL matches ``title || body`` (a concatenation no index
covers: every entry is read) and counts every match for the paginator. Here, on PostgreSQL:

- the GIN indexes on ``title`` and ``body`` pick the candidate entries: those where each word is
  in the title or in the body (one bitmap per word, ANDed), so that two words each found in
  thousands of pages read only the pages that hold both; the concatenation then checks every
  word again (same results as Wagtail's backend). A functional index on ``title || body`` would
  match exactly too, but its accurate statistics make PostgreSQL check visibility by hashing
  every visible page (130 ms at 50,000) instead of looking up the first thousand candidates;
- the page of results is ``ORDER BY rank LIMIT n`` on the index entries alone, then the pages of
  that page only are loaded (one query per page type);
- only a bounded number of candidates is ranked (the first ``COUNT_CAP`` + 1 matches and, when
  there are more, as many title matches), so that a word every page holds costs no more than a
  rarer one;
- the count stops at ``COUNT_CAP`` ("plus de 1 000 résultats") and ranks nothing; the matches
  it reads are the candidates (passed by their primary keys), so they are looked for once.

Elsewhere (SQLite's FTS5) Wagtail's backend ranks, and the count is capped the same way.
A query keeps at most ``MAX_TERMS`` words of at most ``MAX_TERM_LENGTH`` characters, so that no
query made to be expensive (hundreds of one-letter words, endless words) costs more than another.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from django.db.models.lookups import Exact, GreaterThan
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

    def first_matches(self):
        """The first ``COUNT_CAP`` + 1 items of ``counted``, read once."""
        if not hasattr(self, "_first_matches"):
            self._first_matches = list(self.counted[: COUNT_CAP + 1])
        return self._first_matches

    def count(self):
        return min(len(self.first_matches()), COUNT_CAP)

    @property
    def capped(self):
        return len(self.first_matches()) > COUNT_CAP

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        # A template reads ``object_list.capped`` by trying ``object_list["capped"]`` first:
        # refused at once, before a query is built for it (25 ms on PostgreSQL).
        if not isinstance(key, int | slice):
            raise TypeError(f"results are read by position, not by {key!r}")
        return self.items(key)

    def items(self, key):
        return self.results[key]


class RankedPages(CappedResults):
    """Ranked pages from PostgreSQL's index entries (see the module's docstring). The first
    ``COUNT_CAP`` + 1 matching entries are read once: counted, then ranked as candidates."""

    def __init__(self, terms, pages, models):
        self.terms, self.pages, self.models = terms, pages, models
        matches = postgres_matches(terms, pages, models)
        super().__init__(None, matches.values_list("pk", flat=True))

    def items(self, key):
        entries = postgres_entries(self.terms, self.pages, self.models, self.first_matches())
        ids = [int(pk) for pk in entries.values_list("object_id", flat=True)[key]]
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


class AnyLexeme(SearchQuery):
    """Any of the lexemes PostgreSQL reads in one word (``plainto_tsquery`` joins them with AND:
    "aujourd'hui" is ``'aujourd' & 'hui'``, and each may be in the title or in the body)."""

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection, function, template)
        return f"replace(({sql})::text, ' & ', ' | ')::tsquery", params


def _lexeme_count(query):
    return Func(query, function="numnode", output_field=IntegerField())


def _in_title_or_body(word):
    """Entries where the word is in the title or in the body, read from their GIN indexes; true
    for a word PostgreSQL drops (a stop word such as "de"), as the full query ignores it. The
    functions are immutable: PostgreSQL computes them once, when planning."""
    lexemes = AnyLexeme(word, config=SEARCH_CONFIG)
    stop_word = Exact(_lexeme_count(SearchQuery(word, config=SEARCH_CONFIG)), 0)
    return Q(title=lexemes) | Q(body=lexemes) | Q(stop_word)


def postgres_matches(terms, pages, models):
    """The index entries of ``pages`` (of ``models``) that hold every word, in no order: what
    the count reads (it stops at ``COUNT_CAP`` + 1, so it never ranks)."""
    every = SearchQuery(" ".join(terms), config=SEARCH_CONFIG, search_type="plain")
    each_word = Q(GreaterThan(_lexeme_count(every), 0))  # no word left: nothing, unread
    for word in terms:
        each_word &= _in_title_or_body(word)
    # Title and body together hold every word (what Wagtail's backend matches), written with
    # the queryset's own alias so that it stays right inside a subquery.
    document = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
    # Checked per matching entry through the page's primary key: whatever the planner guesses
    # of the number of matches (it guesses badly for full-text), never a loop over every page.
    visible = Exists(pages.order_by().filter(pk=Cast(OuterRef("object_id"), IntegerField())))
    return (
        IndexEntry.objects.filter(content_type__in=_content_types(models))
        .filter(visible)
        .filter(each_word)  # the GIN indexes
        .alias(document=document)
        .filter(document=every)
        .order_by()
    )


def postgres_entries(terms, pages, models, first_matches=None):
    """The matching entries, best first, ranked among the first ``COUNT_CAP`` + 1 matches
    (``first_matches``, their primary keys, read here unless given) and, when there are more
    matches, as many whose title holds every word: a word found in every page costs what a
    word found in a thousand does. A title match outweighs body matches (the rank counts the
    title twice), so the best entries are among the candidates; past ``COUNT_CAP`` matches the
    visitor reads "plus de 1 000 résultats" and the order among equally ranked bodies is the
    index's."""
    every = SearchQuery(" ".join(terms), config=SEARCH_CONFIG, search_type="plain")
    matches = postgres_matches(terms, pages, models)
    if first_matches is None:
        first_matches = list(matches.values_list("pk", flat=True)[: COUNT_CAP + 1])
    candidates = IndexEntry.objects.filter(pk__in=first_matches).values("pk")
    if len(first_matches) > COUNT_CAP:  # else every match is a candidate already
        in_title = matches.filter(title=every).values("pk")[: COUNT_CAP + 1]
        candidates = in_title.union(candidates)
    rank = SearchRank(F("title"), every) * 2 + SearchRank(F("body"), every)
    return (
        IndexEntry.objects.filter(pk__in=candidates)
        .annotate(rank=rank)
        .order_by("-rank", "-object_id")
    )


def uses_postgres_ranking():
    return connection.vendor == "postgresql"
