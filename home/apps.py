from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site-wide app: home page, standard pages, shared blocks, themes, settings, navigation."""

    name = "home"
    verbose_name = "Site"

    def ready(self):
        from home.editorial import signals

        signals.connect()
