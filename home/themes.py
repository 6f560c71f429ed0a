"""Themes: the one tag vocabulary shared by news and resources.

Editors type ``#Économie territoriale``, ``économie territoriale`` or ``ÉCONOMIE TERRITORIALE``:
all name the same theme, whose slug is ASCII (``economie-territoriale``). Two names are the same
theme when their slugs are the same; the first spelling saved is the one the site shows.
"""

import re

from anyascii import anyascii
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from taggit.utils import _parse_tags


def clean_theme_name(name):
    """Drop the leading ``#`` editors like to type and collapse white space."""
    name = re.sub(r"\s+", " ", str(name)).strip()
    return name.lstrip("#").strip()


def theme_slug(name):
    """The ASCII slug of a theme name: ``Économie territoriale`` -> ``economie-territoriale``."""
    return slugify(anyascii(clean_theme_name(name)))


def canonical_theme_names(names):
    """Map typed names to the names of existing themes with the same slug, without duplicates."""
    from home.models import Theme

    cleaned = [clean_theme_name(name) for name in names]
    cleaned = [name for name in cleaned if theme_slug(name)]
    existing = dict(
        Theme.objects.filter(slug__in={theme_slug(name) for name in cleaned}).values_list(
            "slug", "name"
        )
    )
    result = {}
    for name in cleaned:
        slug = theme_slug(name)
        result.setdefault(slug, existing.get(slug, name[:1].upper() + name[1:]))
    return list(result.values())


def parse_themes(tag_string):
    """TAGGIT_TAGS_FROM_STRING: split typed themes, then normalise them (see module docstring).

    A theme is a phrase (``Économie territoriale``), so unlike taggit's parser we never split on
    spaces: themes are separated by commas; quoted names (as the admin's tag widget sends them)
    go through taggit's parser.
    """
    tag_string = tag_string or ""
    names = _parse_tags(tag_string) if '"' in tag_string else re.split(r"[,\n]", tag_string)
    return sorted(canonical_theme_names(names), key=str.casefold)


class _ThemeManager(_ClusterTaggableManager):
    """Resolves typed names to themes by slug, so that the rule above holds on every database.

    taggit's case-insensitive lookup (``name__iexact``) does not fold accents' case on SQLite
    (``Économie`` and ``économie`` differ there), and never strips ``#``.
    """

    def _to_tag_model_instances(self, tags, tag_kwargs):
        theme_model = self.through.tag_model()
        themes = [tag for tag in tags if not isinstance(tag, str)]
        names = canonical_theme_names([tag for tag in tags if isinstance(tag, str)])
        existing = {
            theme.slug: theme
            for theme in theme_model.objects.filter(slug__in=[theme_slug(n) for n in names])
        }
        for name in names:
            themes.append(existing.get(theme_slug(name)) or theme_model.objects.create(name=name))
        return list(dict.fromkeys(themes))


class ThemeTaggableManager(ClusterTaggableManager):
    """``ClusterTaggableManager`` for the site's themes (see ``_ThemeManager``)."""

    def __get__(self, instance, model):
        return _ThemeManager(
            through=self.through, model=model, instance=instance, prefetch_cache_name=self.name
        )
