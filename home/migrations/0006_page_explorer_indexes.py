"""Indexes on Wagtail's page table for the admin's page explorer at volume (issue 12).

The explorer lists a page's children newest first (``ORDER BY latest_revision_created_at DESC
NULLS LAST``) and looks pages up by depth (the root, the children of a page). Without these,
PostgreSQL sorts the 50,000 children of the news index for every page of the explorer (47 ms)
and reads the whole table to find the root (10 ms); with them it walks the date index and stops
at the 50th child (under 1 ms), and finds the root by ``(depth, path)`` (EXPLAIN in issue 12).

The page table belongs to wagtailcore: the indexes are created here in SQL; they change no model
state. SQLite has no ``NULLS LAST`` in an index, and needs none: it sorts nulls first, so last
when descending.
"""

from django.db import migrations


def create_date_index(apps, schema_editor):
    nulls = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS home_page_latest_revision "
        f"ON wagtailcore_page (latest_revision_created_at DESC{nulls})"
    )


def drop_date_index(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS home_page_latest_revision")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_root_collection_name"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_page_depth_path ON wagtailcore_page (depth, path)",
            reverse_sql="DROP INDEX IF EXISTS home_page_depth_path",
        ),
        migrations.RunPython(create_date_index, drop_date_index),
    ]
