"""The editorial roles: "Rédacteurs" and "Modérateurs" exist on every install.

Their permissions, the moderation workflow and the section pages they work on are set up by
``home.editorial.roles.ensure_editorial_setup()``, which runs right after ``migrate`` (see
``home.editorial.signals``): permissions of new models only exist at that point, and section
index pages are created later by the demo content or an administrator.

Wagtail's own starter groups ("Editors", "Moderators", with rights on the whole tree) and its
"Moderators approval" workflow on the root page are removed while unused, so that the French admin
shows one set of roles: the two groups below.
"""

from django.db import migrations

EDITORS = "Rédacteurs"
MODERATORS = "Modérateurs"
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in (EDITORS, MODERATORS):
        Group.objects.get_or_create(name=name)


def remove_unused_wagtail_defaults(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")

    workflow = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
    if workflow is not None and not WorkflowState.objects.filter(workflow=workflow).exists():
        task_ids = list(workflow.workflow_tasks.values_list("task_id", flat=True))
        workflow.delete()  # cascades to its WorkflowPage and WorkflowTask rows
        for task in GroupApprovalTask.objects.filter(
            pk__in=task_ids, name=WAGTAIL_DEFAULT_WORKFLOW, workflow_tasks__isnull=True
        ):
            if not TaskState.objects.filter(task_id=task.pk).exists():
                task.delete()

    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


def forwards(apps, schema_editor):
    create_roles(apps, schema_editor)
    remove_unused_wagtail_defaults(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
