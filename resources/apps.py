from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """Resources: the library of funding schemes (dispositifs) and project-engineering tools."""

    name = "resources"
    verbose_name = "Ressources"
