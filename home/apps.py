from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site-wide app: home page, standard pages, shared blocks, themes, settings, navigation."""

    name = "home"
    verbose_name = "Site"

    def ready(self):
        from wagtail.signals import page_published

        from home.editorial import signals
        from home.page_cache import invalidation
        from home.search import reindex_after_publish
        from home.security import media

        media.install()

        signals.connect()
        invalidation.connect()
        page_published.connect(reindex_after_publish, dispatch_uid="home-reindex-after-publish")
