from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Alertes par e-mail"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from alerts.permissions import grant_alerts_permissions

        post_migrate.connect(grant_alerts_permissions, sender=self)
