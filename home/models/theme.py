from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from taggit.models import TagBase
from wagtail.models import Page

from home.page_cache.derived import derived
from home.themes import clean_theme_name, theme_slug


def themed_page_models():
    """``(through model, page model)`` for each page type tagged with the site's themes.

    Found from the through models that point at ``Theme``, so that a new themed app needs no change
    in the site-wide app.
    """
    pairs = []
    for relation in Theme._meta.related_objects:
        through = relation.related_model
        try:
            target = through._meta.get_field("content_object").related_model
        except FieldDoesNotExist:  # not a tag through model
            continue
        if isinstance(target, type) and issubclass(target, Page):
            pairs.append((through, target))
    return pairs


def _through_for(page_model):
    for through, target in themed_page_models():
        if issubclass(page_model, target):
            return through
    raise LookupError(f"{page_model.__name__} carries no theme")


def _per_theme(through, pages, aggregate):
    """A subquery: ``aggregate`` over the links from each theme to ``pages``."""
    links = through.objects.filter(tag=OuterRef("pk"), content_object__in=pages.values("pk"))
    return Subquery(links.order_by().values("tag").annotate(value=aggregate).values("value"))


class ThemeQuerySet(models.QuerySet):
    """Themes with what carries them, each question answered in one query."""

    def with_counts(self, **pages):
        """Annotate each theme with the number of pages of each named queryset that carry it:
        ``with_counts(news_count=news, resource_count=resources)``. Only themes that at least one
        of them carries are kept. One query, whatever the number of themes and pages."""
        annotations = {
            name: Coalesce(
                _per_theme(_through_for(queryset.model), queryset, Count("content_object")),
                0,
                output_field=IntegerField(),
            )
            for name, queryset in pages.items()
        }
        carried = Q()
        for name in annotations:
            carried |= Q(**{f"{name}__gt": 0})
        return self.annotate(**annotations).filter(carried).order_by("slug")

    def in_use(self):
        """Themes that at least one visible page carries (news, resources... any themed page
        type), each with ``lastmod``: the latest publication among those pages."""
        annotations = {}
        for position, (through, page_model) in enumerate(themed_page_models()):
            visible = page_model.objects.visible()
            annotations[f"lastmod_{position}"] = _per_theme(
                through, visible, Max("content_object__last_published_at")
            )
            annotations[f"count_{position}"] = Coalesce(
                _per_theme(through, visible, Count("content_object")),
                0,
                output_field=IntegerField(),
            )
        carried = Q(pk__in=[])
        for name in annotations:
            if name.startswith("count_"):
                carried |= Q(**{f"{name}__gt": 0})
        return self.annotate(**annotations).filter(carried).order_by("slug")


class Theme(TagBase):
    """A theme (tag) of the site-wide vocabulary, shown as ``#Name``.

    A custom tag model rather than taggit's ``Tag`` so that news and resources share one
    vocabulary that no other tagging can pollute, with ASCII slugs. See
    https://docs.wagtail.org/en/stable/reference/pages/model_recipes.html#custom-tag-models

    A theme has a public page (and feeds, and a sitemap entry) only while a visible page carries it
    (``Theme.objects.in_use()``): a theme typed in a draft leaks nothing until the draft is published.
    """

    free_tagging = True

    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = "thème"
        verbose_name_plural = "thèmes"
        ordering = ["name"]

    def save(self, *args, **kwargs):
        self.name = clean_theme_name(self.name)
        super().save(*args, **kwargs)

    def slugify(self, tag, i=None):
        slug = theme_slug(tag)
        return f"{slug}-{i}" if i is not None else slug

    @property
    def hashtag(self):
        return f"#{self.name}"

    @property
    def lastmod(self):
        """The latest publication of a page carrying the theme (on ``in_use()`` themes)."""
        dates = [value for name, value in vars(self).items() if name.startswith("lastmod_")]
        return max(filter(None, dates), default=None)


def themes_in_use(request=None):
    """Every theme a visible page carries (``Theme.objects.in_use()``, with ``lastmod``), slug to
    theme in slug order: found once per generation (``home.page_cache.derived``) for every theme
    page, theme feed and the sitemap."""
    return derived(
        request, "themes-in-use", lambda: {theme.slug: theme for theme in Theme.objects.in_use()}
    )


def theme_in_use(slug, request=None):
    """The theme with this slug if a visible page carries it, or ``None``."""
    return themes_in_use(request).get(slug)
