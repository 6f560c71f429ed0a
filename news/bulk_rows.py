"""Rows of one table inserted in bulk, with PostgreSQL's ``COPY`` when it is there.

``bulk_create`` on PostgreSQL sends each column as an array parameter, and psycopg escapes every
element of a text array in Python: with the JSON of StreamFields and revisions that is most of the
generator's time outside the database. ``COPY ... FROM STDIN`` formats the rows in psycopg's C
code instead. Rows whose primary key the database assigns, and that are not read back, can go
the same way; other databases use Django's multi-row ``INSERT``.
"""

from django.db import connection


def _fields(model, objs):
    """The columns to write: the primary key only when the objects carry it."""
    pk = model._meta.pk
    return [
        field
        for field in model._meta.local_concrete_fields
        if field is not pk or getattr(objs[0], pk.attname) is not None
    ]


def insert_rows(model, objs):
    """Insert ``objs`` into ``model``'s own table (one level of multi-table inheritance, or a
    plain model); primary keys assigned by the database are not read back."""
    if not objs:
        return
    fields = _fields(model, objs)
    if connection.vendor != "postgresql":
        batch = max(connection.ops.bulk_batch_size(fields, objs) or len(objs), 1)
        for start in range(0, len(objs), batch):
            model._base_manager._insert(objs[start : start + batch], fields=fields)
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    with connection.cursor() as cursor:
        copy_sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        with cursor.cursor.copy(copy_sql) as copy:
            for obj in objs:
                copy.write_row(
                    [
                        field.get_db_prep_save(getattr(obj, field.attname), connection)
                        for field in fields
                    ]
                )
