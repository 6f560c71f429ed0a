"""Roles: the groups, their permissions on the right subtrees, and the setup that grants them."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
)

from home.editorial import roles, signals
from home.editorial.roles import (
    EDITORS,
    MEDIA_COLLECTION,
    MODERATORS,
    TASK_NAME,
    WORKFLOW_NAME,
    ensure_editorial_setup,
)
from tests.factories import ArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def page_permissions(group, page):
    return set(
        GroupPagePermission.objects.filter(group__name=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def collection_permissions(group, collection):
    return set(
        GroupCollectionPermission.objects.filter(
            group__name=group, collection=collection
        ).values_list("permission__codename", flat=True)
    )


def model_permissions(group):
    return set(
        Group.objects.get(name=group).permissions.values_list("content_type__app_label", "codename")
    )


def test_every_install_has_the_two_roles_and_the_workflow():
    """The migration and the post_migrate setup ran when the test database was created."""
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, MODERATORS}
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    task = workflow.tasks.get().specific
    assert isinstance(task, GroupApprovalTask)
    assert task.name == TASK_NAME
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def test_wagtail_starter_groups_and_workflow_are_replaced():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def test_both_roles_reach_the_admin_and_only_moderators_manage_themes():
    editors = model_permissions(EDITORS)
    moderators = model_permissions(MODERATORS)
    assert ("wagtailadmin", "access_admin") in editors
    assert ("wagtailadmin", "access_admin") in moderators
    for action in ("add", "change", "delete", "view"):
        assert ("home", f"{action}_theme") in moderators
        assert ("news", f"{action}_speaker") in moderators
        assert ("home", f"{action}_theme") not in editors
    # Rédacteurs add a missing speaker when they announce a webinar; they cannot change or delete.
    assert {("news", "add_speaker"), ("news", "view_speaker")} <= editors
    assert ("news", "change_speaker") not in editors
    assert ("news", "delete_speaker") not in editors
    # Nobody but administrators changes the site settings.
    for group in (editors, moderators):
        assert not {
            codename for app, codename in group if app == "home" and "sitesettings" in codename
        }


def test_page_permissions_are_on_the_section_index_not_on_the_home_page(home_page, news_index):
    assert page_permissions(EDITORS, news_index) == {"add_page", "change_page"}
    assert page_permissions(MODERATORS, news_index) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert not GroupPagePermission.objects.filter(page=home_page).exists()
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()
    assert not GroupPagePermission.objects.filter(permission__codename="publish_page").filter(
        group__name=EDITORS
    )


def test_section_index_created_later_is_moderated_at_once(home_page):
    """The demo content or an administrator creates "Actualités" after the migrations."""
    index = NewsIndexPageFactory(parent=home_page)
    assert WorkflowPage.objects.get(page=index).workflow.name == WORKFLOW_NAME
    assert page_permissions(EDITORS, index) == {"add_page", "change_page"}
    article = ArticlePageFactory(parent=index)
    assert article.get_workflow().name == WORKFLOW_NAME
    assert home_page.get_workflow() is None


def test_media_rights_by_collection(news_index):
    media = Collection.objects.get(name=MEDIA_COLLECTION)
    root = Collection.get_first_root_node()
    assert media.get_parent() == root
    assert collection_permissions(EDITORS, media) == {"add_image", "add_document"}
    assert collection_permissions(EDITORS, root) == {"choose_image", "choose_document"}
    assert collection_permissions(MODERATORS, root) == {
        f"{action}_{kind}"
        for action in ("add", "change", "delete", "choose")
        for kind in ("image", "document")
    }


def test_setup_is_idempotent_and_cheap(news_index):
    ensure_editorial_setup()
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
        Collection.objects.count(),
    )
    with CaptureQueriesContext(connection) as queries:
        summary = ensure_editorial_setup()
    assert summary["page_permissions_created"] == 0
    assert summary["collection_permissions_created"] == 0
    assert summary["workflow_pages_created"] == 0
    assert summary["sections"] == [news_index.page_ptr]
    assert (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
        Collection.objects.count(),
    ) == counts
    assert len(queries) <= 30


def test_setup_restores_removed_rights_and_keeps_administrators_choices(news_index):
    GroupPagePermission.objects.filter(group__name=EDITORS).delete()
    Group.objects.get(name=MODERATORS).permissions.clear()
    other = Workflow.objects.create(name="Circuit spécial", active=True)
    WorkflowPage.objects.filter(page=news_index).update(workflow=other)

    ensure_editorial_setup()

    assert page_permissions(EDITORS, news_index) == {"add_page", "change_page"}
    assert ("home", "change_theme") in model_permissions(MODERATORS)
    # A workflow an administrator chose for a section stays.
    assert WorkflowPage.objects.get(page=news_index).workflow == other


def test_setup_recreates_deleted_groups_and_workflow(news_index):
    Group.objects.filter(name__in=[EDITORS, MODERATORS]).delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    ensure_editorial_setup()
    assert page_permissions(MODERATORS, news_index) >= {"publish_page"}
    assert WorkflowPage.objects.get(page=news_index).workflow.name == WORKFLOW_NAME


def test_sections_come_from_the_content_apps_hooks():
    labels = lambda models: [model._meta.label for model in models]  # noqa: E731
    assert labels(roles.section_index_models()) == [
        "news.NewsIndexPage",
        "resources.ResourceIndexPage",
    ]
    assert labels(roles.contributed_snippets()) == ["news.Speaker", "resources.Organisation"]
    assert labels(roles.moderated_snippets()) == [
        "home.Theme",
        "news.Speaker",
        "resources.Organisation",
    ]
    with pytest.raises(LookupError):
        roles.get_models(["news.NewsIndexPage", "news.Nope"])


@pytest.mark.parametrize("label", ["news.NewsIndexPage", "resources.ResourceIndexPage"])
def test_every_section_gets_rights_and_moderation(home_page, label):
    """News and resources: both index pages open to the two roles, moderated by the workflow."""
    import tests.factories as factories

    factory = getattr(factories, f"{apps.get_model(label).__name__}Factory")
    index = factory(parent=home_page)
    assert page_permissions(EDITORS, index) == {"add_page", "change_page"}
    assert "publish_page" in page_permissions(MODERATORS, index)
    assert index.get_workflow().name == WORKFLOW_NAME


def test_post_migrate_handler_runs_once_per_migrate_and_never_backwards(monkeypatch):
    calls = []
    monkeypatch.setattr(signals, "ensure_editorial_setup", lambda: calls.append(1))
    configs = [config for config in apps.get_app_configs() if config.models_module is not None]
    for config in configs:
        signals.on_post_migrate(config, using="default", plan=[])
    assert len(calls) == 1
    signals.on_post_migrate(configs[-1], using="default", plan=[(object(), True)])
    assert len(calls) == 1


def test_migration_creates_roles_and_removes_only_unused_wagtail_defaults(django_user_model):
    migration = importlib.import_module("home.migrations.0002_editorial_roles")
    Group.objects.filter(name__in=[EDITORS, MODERATORS]).delete()
    Group.objects.create(name="Editors")
    used = Group.objects.create(name="Moderators")
    django_user_model.objects.create_user("ancien", "ancien@exemple.fr", "x").groups.add(used)

    migration.forwards(apps, None)

    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, MODERATORS, "Moderators"} <= names
    assert "Editors" not in names
