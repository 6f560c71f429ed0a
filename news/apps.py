from django.apps import AppConfig


class NewsConfig(AppConfig):
    """News: articles, webinars and testimonials, their listing, theme pages and feeds."""

    name = "news"
    verbose_name = "Actualités"
