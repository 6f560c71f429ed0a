"""An index on the page table's ``(title, id)``: the library lists resources in alphabetical order
(``ResourceQuerySet.alphabetical``), and without it PostgreSQL sorts every visible resource for
each page of the listing (72 ms at 10,000 resources, growing with them; 25 ms with it, the index
walked in order and stopped at the page's last row, see EXPLAIN in issue 12).

Wagtail's ``Page`` table belongs to wagtailcore, so the index is created here in SQL that both
PostgreSQL and SQLite accept; it changes no model state.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0005_scale_indexes"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS resources_page_title_order "
            "ON wagtailcore_page (title, id)",
            reverse_sql="DROP INDEX IF EXISTS resources_page_title_order",
        ),
    ]
