"""The Modérateurs read, export, update (status) and delete support requests; Rédacteurs never
see them (``alerts.permissions`` explains when this runs)."""

from django.apps import apps

from alerts.permissions import grant_to_moderators


def grant_support_permissions(app_config=None, using="default", **kwargs):
    grant_to_moderators(
        app_config or apps.get_app_config("support"),
        {"SupportRequest": ("view", "change", "delete")},
        using,
    )
