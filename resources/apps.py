from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def ensure_audiences(sender, using="default", **kwargs):
    """Create the fixed audiences if they are missing (after ``migrate``, and after ``flush``).

    Migration 0002 seeds them once; this also restores them when a test or a developer flushes the
    database, which empties every table but re-sends ``post_migrate``.
    """
    from resources.models import AUDIENCES, Audience  # models are ready only once apps are

    if Audience._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated backwards past 0001
    for order, (slug, name) in enumerate(AUDIENCES):
        Audience.objects.using(using).get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )


class ResourcesConfig(AppConfig):
    """Resources: the library of funding schemes (dispositifs) and project-engineering tools."""

    name = "resources"
    verbose_name = "Ressources"

    def ready(self):
        post_migrate.connect(ensure_audiences, sender=self)
