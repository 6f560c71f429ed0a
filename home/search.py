"""Site search: which page types it covers, how a visitor's query is read, how results are fetched.

The searched page types come from the content apps, through the ``club_search_kinds`` hook: each
app returns its ``SearchKind`` list from its ``wagtail_hooks.py`` (news its kinds, resources the
resources), so the site-wide search names no content app. Ranking, French stemming on PostgreSQL and the index
itself come from Wagtail's database search backend, see
https://docs.wagtail.org/en/stable/topics/search/backends.html
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from django import forms
from wagtail import hooks
from wagtail.search import index

from home import ranked_search
from home.querysets import pages as site_pages

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


@dataclass(frozen=True)
class SearchKind:
    """One kind of content a visitor can search and filter on."""

    slug: str  # the value of ``?type=`` in the URL
    label: str  # singular, shown on each result
    plural: str  # shown in the filter
    model: type


SEARCH_KINDS_HOOK = "club_search_kinds"


@functools.cache
def search_kinds():
    """The searched kinds, in the order the filter lists them (the hooks' order: register with
    ``@hooks.register("club_search_kinds", order=N)``). Read on first use, once every app is
    loaded."""
    return [kind for hook in hooks.get_hooks(SEARCH_KINDS_HOOK) for kind in hook()]


def kinds_by_slug():
    return {kind.slug: kind for kind in search_kinds()}


def kind_for_page(page):
    """The ``SearchKind`` of a (specific) page, or None if search does not cover its type."""
    for kind in search_kinds():
        if isinstance(page, kind.model):
            return kind
    return None


# Control and format characters (NUL, zero-width spaces...) and the double quote: PostgreSQL refuses
# NUL in a string and SQLite's FTS5 reads an unbalanced quote as a syntax error.
_UNSAFE = re.compile(r'["\s]+')


def clean_query(text):
    """The words to search for: control characters and quotes dropped, spaces collapsed."""
    kept = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in text or ""
    )
    return " ".join(_UNSAFE.sub(" ", kept).split())


class SearchForm(forms.Form):
    """What the visitor typed. Errors are shown next to the field they concern."""

    q = forms.CharField(
        label="Mots à rechercher",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": "Votre recherche est trop longue : %(limit_value)d caractères au plus "
            "(elle en compte %(show_value)d). Raccourcissez-la en gardant les mots importants."
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    type = forms.ChoiceField(
        label="Type de contenu",
        required=False,
        choices=[],
        error_messages={
            "invalid_choice": "Ce type de contenu n'existe pas : choisissez-en un dans la liste."
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "recherche-%s")
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", "Tous les contenus")] + [
            (kind.slug, kind.plural) for kind in search_kinds()
        ]

    def full_clean(self):
        """Tie each error message to its field, for screen readers (``aria-describedby``)."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": self.error_id(name)}
                )

    def error_id(self, name):
        return f"{self[name].auto_id}-erreur"

    @property
    def submitted_text(self):
        """What the visitor typed, before cleaning (to tell them it held no word)."""
        return (self.data.get("q") or "").strip()

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q", ""))


def search_pages(query, kind=None):
    """Pages of the searched types a visitor may see (``home.visibility``) matching ``query``,
    most relevant first.

    All the query's words must appear (in any form PostgreSQL's French stemmer equates). The
    results are specific pages: a results page costs one query per page type, not per result;
    the count stops at ``ranked_search.COUNT_CAP`` and the query keeps a bounded number of
    words (``home.ranked_search``).
    """
    kinds = [kind] if kind else search_kinds()
    models = [k.model for k in kinds]
    terms = ranked_search.bounded_terms(query)
    if not terms:
        return ranked_search.CappedResults([], [])
    if ranked_search.uses_postgres_ranking():
        return ranked_search.RankedPages(terms, site_pages().type(*models).visible(), models)
    pages = site_pages().type(*models).visible_for_search()
    text = " ".join(terms)
    return ranked_search.CappedResults(
        pages.specific().search(text, operator="and"),
        pages.search(text, operator="and", order_by_relevance=False),
    )


def reindex_after_publish(sender, instance, **kwargs):
    """Index a page again once it is published, with its themes.

    Wagtail indexes a page in ``post_save``, before the page's clustered relations (its themes) are
    saved: without this, a new theme would only be searchable after the next publication.
    Connected to ``page_published`` in ``HomeConfig.ready``.
    """
    index.insert_or_update_object(instance)
