"""When the editorial setup runs (see ``roles.ensure_editorial_setup``).

- At the end of ``migrate`` and ``flush`` (``post_migrate``), once, after every app's content
  types and permissions exist: every install gets the roles, the workflow and the permissions of
  models added since (a new section, a new snippet).
- When a section index page (``roles.section_index_models()``) is created (``post_save``), so that
  the page an administrator or the demo content adds is moderated and open to the two roles at once.
"""

from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connections
from django.db.models.signals import post_migrate, post_save
from wagtail.models import GroupPagePermission, Page, Workflow

from .roles import ensure_editorial_setup, section_index_models


def _last_app_with_models():
    """``post_migrate`` is sent once per app having models, in order: we act on the last one."""
    return [config for config in apps.get_app_configs() if config.models_module is not None][-1]


def _tables_exist(using):
    """False after a partial or backwards ``migrate`` that left some of our tables missing."""

    models = [Group, Page, GroupPagePermission, Workflow, *section_index_models()]
    existing = set(connections[using].introspection.table_names())
    return all(model._meta.db_table in existing for model in models)


def on_post_migrate(sender, using="default", plan=None, **kwargs):
    if sender.label != _last_app_with_models().label:
        return
    if plan and any(backwards for _migration, backwards in plan):
        return
    if not _tables_exist(using):
        return
    ensure_editorial_setup()


def on_page_saved(sender, instance, created, raw=False, **kwargs):
    """Any saved model: acts on a new section index page only. Connected without a sender because
    the sections are declared by hooks, which are read once every app is loaded."""
    if created and not raw and isinstance(instance, Page) and sender in section_index_models():
        ensure_editorial_setup()


def connect():
    post_migrate.connect(on_post_migrate, dispatch_uid="home.editorial.post_migrate")
    post_save.connect(on_page_saved, dispatch_uid="home.editorial.section_index_saved")
