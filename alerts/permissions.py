"""Who may see subscribers' addresses in the admin: the Modérateurs, never the Rédacteurs.

Granted after every ``migrate`` (and ``flush``) by a ``post_migrate`` handler, which only adds what
is missing; the groups themselves belong to ``home.editorial.roles``.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from home.editorial.roles import MODERATORS


def grant_to_moderators(app_config, model_actions, using="default"):
    """Give the Modérateurs ``{model_name: (actions...)}`` on the models of ``app_config``."""
    create_permissions(app_config, verbosity=0, using=using)
    moderators, _ = Group.objects.using(using).get_or_create(name=MODERATORS)
    for model_name, actions in model_actions.items():
        model = app_config.get_model(model_name)
        content_type = ContentType.objects.db_manager(using).get_for_model(model)
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        moderators.permissions.add(
            *Permission.objects.using(using).filter(
                content_type=content_type, codename__in=codenames
            )
        )


def grant_alerts_permissions(app_config=None, using="default", **kwargs):
    # Subscribers are added by themselves only (double opt-in): moderators view, export, delete.
    grant_to_moderators(
        app_config or apps.get_app_config("alerts"), {"Subscription": ("view", "delete")}, using
    )
