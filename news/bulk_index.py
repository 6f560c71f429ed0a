"""Search index entries for thousands of new pages at once, for the volume generator.

The search backend's ``add_bulk`` builds one Django ``SearchVector`` expression per text of every
page, compiles each into SQL and refreshes the title norms over the whole index after every call:
on PostgreSQL that is three quarters of the generator's time. Here the texts are read exactly as
the backend reads them (its ``ObjectIndexer``, one pass over the search fields instead of five),
sent as a few arrays per chunk, and turned into the same weighted ``tsvector`` values by one
``INSERT ... SELECT FROM unnest(...)``; the title norms are refreshed once, at the end
(:func:`finish`). Other databases (SQLite's FTS5) use ``add_bulk``.
"""

from django.db import connection
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

# The three weighted vectors of an index entry: (column, for autocomplete).
VECTORS = (("title", False), ("autocomplete", True), ("body", False))


def _fast_index(backend, model):
    index = backend.get_index_for_model(model)
    return index if isinstance(index, PostgresIndex) and connection.vendor == "postgresql" else None


def _texts(indexer):
    """The (text, weight) pairs of each vector, as ``ObjectIndexer.title/autocomplete/body``
    would build them, read in a single pass over the search fields."""
    texts = {"title": [], "autocomplete": [], "body": []}
    for field in indexer.search_fields:
        for current, weight, value in indexer.prepare_field(indexer.obj, field):
            if isinstance(current, SearchField):
                column = "title" if current.field_name == "title" else "body"
            elif isinstance(current, AutocompleteField):
                column = "autocomplete"
            else:
                continue
            text = value.strip()
            if text:
                texts[column].append((text, weight))
    return texts


def _vector_sql(column, width, config):
    """``setweight(to_tsvector(config, t1), w1) || ...`` over ``width`` slots; a page with fewer
    texts has empty slots, and an empty ``tsvector`` leaves a concatenation unchanged."""
    if width == 0:
        return "''::tsvector"
    config_sql = f"'{config}'::regconfig, " if config else ""
    return " || ".join(
        f'setweight(to_tsvector({config_sql}r.{column}_t{slot}), r.{column}_w{slot}::"char")'
        for slot in range(width)
    )


def _insert_entries(index, model, objs):
    backend = index.backend
    rows = [_texts(ObjectIndexer(obj, backend)) for obj in objs]
    widths = {column: max(len(row[column]) for row in rows) for column, _ in VECTORS}
    arrays = {"oid": [str(obj.pk) for obj in objs]}
    for column, _ in VECTORS:
        for slot in range(widths[column]):
            pairs = [row[column][slot] if slot < len(row[column]) else ("", "D") for row in rows]
            arrays[f"{column}_t{slot}"] = [text for text, _ in pairs]
            arrays[f"{column}_w{slot}"] = [weight for _, weight in pairs]
    arrays["title_text"] = [" ".join(text for text, _ in row["title"]) for row in rows]
    arrays["body_text"] = [" ".join(text for text, _ in row["body"]) for row in rows]
    vectors = {
        column: _vector_sql(
            column, widths[column], backend.autocomplete_config if auto else backend.config
        )
        for column, auto in VECTORS
    }
    names = ", ".join(arrays)
    unnest = ", ".join(["%s::text[]"] * len(arrays))
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm,
                 title_text, body_text)
            SELECT %s, r.oid, {vectors["title"]}, {vectors["autocomplete"]}, {vectors["body"]},
                   1.0, r.title_text, r.body_text
            FROM unnest({unnest}) AS r({names})
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
            """,  # noqa: S608 - column names and configs come from code, texts are parameters
            [get_content_type_pk(model), *arrays.values()],
        )


def index_pages(pages):
    """Add the pages to the search index, a batch per model, with their related fields (themes)
    prefetched as Wagtail's ``update_index`` does."""
    backend = get_search_backend()
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page.id)
    for model, ids in by_model.items():
        objs = list(model.get_indexed_objects().filter(pk__in=ids))
        index = _fast_index(backend, model)
        if index is None:
            backend.add_bulk(model, objs)
        elif objs and model.get_search_fields():
            _insert_entries(index, model, objs)


def finish():
    """Give the new entries their title norm (``1.0`` until then), as ``add_bulk`` does after
    each call: once for the whole run instead of once per chunk."""
    backend = get_search_backend()
    index = _fast_index(backend, Page)
    if index is not None:
        index._refresh_title_norms()
