"""Roles and moderation: who writes, who publishes, and the workflow between them.

Two groups share the daily work of the communications team:

- **Rédacteurs** write news and resources, upload images and documents and submit their pages for
  moderation. They cannot publish.
- **Modérateurs** review what is submitted: they approve (which publishes, or schedules when a
  go-live date is set), request changes with a comment, unpublish, and manage the shared
  vocabularies (themes, speakers, organisations).

Both work only in the sections the content apps declare through the ``club_editorial_sections``
hook (an ``EditorialSection`` per app: its index page type and its shared vocabularies, see
``news/wagtail_hooks.py``): page permissions are granted on each section's index page, never on
the home page, so neither group can touch the home page, the
Club's standard pages or the site settings. Every section index page is moderated by the
"Validation éditoriale" workflow, whose single task is reviewed by the Modérateurs.

Why a function and not only a data migration: section index pages are created after migrations
(by the demo content or by an administrator), and Django creates the permissions of new models at
the end of ``migrate``. So migration ``home/0002_editorial_roles`` creates the two groups, and
``ensure_editorial_setup()`` completes the setup; it runs after every ``migrate`` and every
``flush``, when a section index page is created, and from the demo content (see ``signals``).
It only adds what is missing: a second run changes nothing, and it never removes a permission.

Wagtail documentation: https://docs.wagtail.org/en/stable/topics/permissions.html and
https://docs.wagtail.org/en/stable/extending/customizing_group_views.html (groups),
https://docs.wagtail.org/en/stable/editor_manual/administrator_tasks/managing_workflows.html
"""

import logging
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

logger = logging.getLogger(__name__)

EDITORS = "Rédacteurs"
MODERATORS = "Modérateurs"
WORKFLOW_NAME = "Validation éditoriale"
TASK_NAME = "Relecture par un modérateur"
#: Where Rédacteurs upload their images and documents.
MEDIA_COLLECTION = "Actualités et ressources"

SECTIONS_HOOK = "club_editorial_sections"

#: The site-wide vocabulary the Modérateurs manage (add, change, delete, view).
SITE_VOCABULARIES = ("home.Theme",)


@dataclass(frozen=True)
class EditorialSection:
    """A section the two roles work in, declared by its app through ``club_editorial_sections``.

    ``index_model``: the section's index page type (permissions and moderation are set on it);
    ``snippets``: its shared vocabularies (speakers, organisations), which Rédacteurs may add and
    view (a new speaker when announcing a webinar) and Modérateurs manage.
    """

    index_model: type
    snippets: tuple = ()


def editorial_sections():
    return [hook() for hook in hooks.get_hooks(SECTIONS_HOOK)]


def section_index_models():
    return [section.index_model for section in editorial_sections()]


def contributed_snippets():
    """Snippets the Rédacteurs may add and view, not change.

    "add" is what the creation tab of their choosers needs (``home/editorial/choosers.py``): a
    writer creates a missing speaker or organisation without leaving the page she is writing.
    """
    return [model for section in editorial_sections() for model in section.snippets]


def moderated_snippets():
    """Snippets the Modérateurs manage: add, change, delete, view."""
    return get_models(SITE_VOCABULARIES) + contributed_snippets()


#: Page permissions granted on every section index page (and so on everything below it).
PAGE_PERMISSIONS = {
    EDITORS: ("add", "change"),
    MODERATORS: ("add", "change", "publish", "lock", "unlock"),
}

#: Collection permissions for images and for documents. "root" covers every collection.
COLLECTION_PERMISSIONS = {
    EDITORS: {MEDIA_COLLECTION: ("add",), "root": ("choose",)},
    MODERATORS: {"root": ("add", "change", "delete", "choose")},
}


def get_models(labels):
    """The models named by ``labels`` ("app_label.ModelName"); a wrong label raises LookupError."""
    return [apps.get_model(label) for label in labels]


def section_index_pages():
    """Every section index page (Actualités, Ressources...), of any depth."""
    models = section_index_models()
    return Page.objects.type(*models).order_by("path") if models else Page.objects.none()


def _permissions(model, actions):
    """The ``Permission`` objects for ``actions`` on ``model``, created first when missing.

    Django creates permissions at the end of ``migrate`` (and after ``flush``), app after app:
    when this runs before that for some app, its permissions are created here.
    """
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    codenames = {f"{action}_{model._meta.model_name}" for action in actions}
    found = list(Permission.objects.filter(content_type=content_type, codename__in=codenames))
    if len(found) < len(codenames):
        create_permissions(apps.get_app_config(model._meta.app_label), verbosity=0)
        found = list(Permission.objects.filter(content_type=content_type, codename__in=codenames))
    missing = codenames - {permission.codename for permission in found}
    if missing:
        logger.warning("Permissions introuvables pour %s : %s", model.__name__, sorted(missing))
    return found


def _admin_access_permission():
    return _permissions(apps.get_model("wagtailadmin", "Admin"), ["access"])


def _group_permissions(editors, moderators):
    """Model-level permissions: admin access and snippets."""
    access = _admin_access_permission()
    editor_permissions = list(access)
    moderator_permissions = list(access)
    for model in moderated_snippets():
        moderator_permissions += _permissions(model, ["add", "change", "delete", "view"])
    for model in contributed_snippets():
        editor_permissions += _permissions(model, ["add", "view"])
    editors.permissions.add(*editor_permissions)
    moderators.permissions.add(*moderator_permissions)


def _page_permissions(groups, pages):
    page_model = Page
    wanted = {group: _permissions(page_model, PAGE_PERMISSIONS[group.name]) for group in groups}
    existing = set(
        GroupPagePermission.objects.filter(group__in=groups, page__in=pages).values_list(
            "group_id", "page_id", "permission_id"
        )
    )
    missing = [
        GroupPagePermission(group=group, page=page, permission=permission)
        for page in pages
        for group, permissions in wanted.items()
        for permission in permissions
        if (group.pk, page.pk, permission.pk) not in existing
    ]
    GroupPagePermission.objects.bulk_create(missing)
    return len(missing)


def media_collection():
    """The collection where Rédacteurs upload, created under the root collection when missing."""
    root = Collection.get_first_root_node()
    if root is None:  # an empty database (after ``flush``): nothing to attach media rights to
        return None
    collection = root.get_children().filter(name=MEDIA_COLLECTION).first()
    return collection or root.add_child(name=MEDIA_COLLECTION)


def _collection_permissions(groups):
    collection = media_collection()
    if collection is None:
        return 0
    collections = {"root": collection.get_parent(), MEDIA_COLLECTION: collection}
    media_models = [get_image_model(), get_document_model()]
    wanted = []
    for group in groups:
        for key, actions in COLLECTION_PERMISSIONS[group.name].items():
            for model in media_models:
                wanted += [
                    (group, collections[key], permission)
                    for permission in _permissions(model, actions)
                ]
    existing = set(
        GroupCollectionPermission.objects.filter(group__in=groups).values_list(
            "group_id", "collection_id", "permission_id"
        )
    )
    missing = [
        GroupCollectionPermission(group=group, collection=collection, permission=permission)
        for group, collection, permission in wanted
        if (group.pk, collection.pk, permission.pk) not in existing
    ]
    GroupCollectionPermission.objects.bulk_create(missing)
    return len(missing)


def editorial_workflow(moderators):
    """The "Validation éditoriale" workflow, created with its task when missing.

    An existing workflow is left as an administrator configured it, unless it has no task at all.
    """
    workflow, created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    if created or not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True)
        if not task.groups.exists():
            task.groups.add(moderators)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _assign_workflow(workflow, pages):
    """Moderate every section index page that has no workflow of its own yet."""
    assigned = set(WorkflowPage.objects.filter(page__in=pages).values_list("page_id", flat=True))
    missing = [
        WorkflowPage(page=page, workflow=workflow) for page in pages if page.pk not in assigned
    ]
    WorkflowPage.objects.bulk_create(missing)
    return len(missing)


@transaction.atomic
def ensure_editorial_setup():
    """Create what is missing of the roles, their permissions and the moderation workflow.

    Idempotent and cheap (a few dozen queries whatever the content). Returns a summary.
    """
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    groups = [editors, moderators]
    _group_permissions(editors, moderators)
    pages = list(section_index_pages())
    workflow = editorial_workflow(moderators)
    return {
        "groups": groups,
        "sections": pages,
        "workflow": workflow,
        "page_permissions_created": _page_permissions(groups, pages),
        "collection_permissions_created": _collection_permissions(groups),
        "workflow_pages_created": _assign_workflow(workflow, pages),
    }
