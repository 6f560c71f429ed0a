from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = "Demandes d'accompagnement"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from support.permissions import grant_support_permissions

        post_migrate.connect(grant_support_permissions, sender=self)
