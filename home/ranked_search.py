"""Search whose cost does not grow with the matches: bounded queries, a capped count, and on
PostgreSQL the ranked page read straight from the index entries.

Wagtail's database backend on PostgreSQL matches ``title || body`` (a concatenation no index
covers: every entry is read) and counts every match for the paginator. Here, on PostgreSQL:

- the GIN indexes on ``title`` and ``body`` pick the candidate entries (any word in either), the
  concatenation then checks that every word is there (same results as Wagtail's backend);
- the page of results is ``ORDER BY rank LIMIT n`` on the index entries alone, then the pages of
  that page only are loaded (one query per page type);
- the count stops at ``COUNT_CAP`` ("plus de 1 000 résultats").

Elsewhere (SQLite's FTS5) Wagtail's backend ranks, and the count is capped the same way.
A query keeps at most ``MAX_TERMS`` words of at most ``MAX_TERM_LENGTH`` characters, so that no
query made to be expensive (hundreds of one-letter words, endless words) costs more than another.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import BooleanField, Exists, F, IntegerField, OuterRef, Q
from django.db.models.expressions import RawSQL
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


def postgres_entries(terms, pages, models):
    """The index entries of ``pages`` (of ``models``) that hold every word, best first."""
    text = " ".join(terms)
    every = SearchQuery(text, config=SEARCH_CONFIG, search_type="plain")
    any_word = SearchQuery(" or ".join(terms), config=SEARCH_CONFIG, search_type="websearch")
    table = IndexEntry._meta.db_table
    all_words = RawSQL(
        f'("{table}"."title" || "{table}"."body") @@ plainto_tsquery(%s::regconfig, %s)',
        [SEARCH_CONFIG, text],
        output_field=BooleanField(),
    )
    # Checked per matching entry through the page's primary key: whatever the planner guesses
    # of the number of matches (it guesses badly for full-text), never a loop over every page.
    visible = Exists(pages.order_by().filter(pk=Cast(OuterRef("object_id"), IntegerField())))
    rank = SearchRank(F("title"), every) * 2 + SearchRank(F("body"), every)
    return (
        IndexEntry.objects.filter(content_type__in=_content_types(models))
        .filter(visible)
        .filter(Q(title=any_word) | Q(body=any_word))  # the GIN indexes
        .filter(all_words)
        .annotate(rank=rank)
        .order_by("-rank", "-object_id")
    )


def uses_postgres_ranking():
    return connection.vendor == "postgresql"
