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


def folded_theme_slug(name):
    """The slug with each word's plural ``s``/``x`` dropped: ``transitions-ecologiques`` and
    ``transition-ecologique`` fold to the same ``transition-ecologique``."""
    words = theme_slug(name).split("-")
    return "-".join(word[:-1] if len(word) > 3 and word[-1] in "sx" else word for word in words)


def _edit_distance(a, b, limit):
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` as soon as it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _allowed_typos(folded):
    """Short names must match exactly once folded: "eau" and "bau" are two themes."""
    if len(folded) < 6:
        return 0
    return 1 if len(folded) < 12 else 2


def near_duplicate_theme(name, themes):
    """The theme among ``themes`` that ``name`` is another spelling of, or None.

    Another spelling: the same slug once plurals are folded (``Transitions écologiques`` for
    ``Transition écologique``), or a typo away (``Transition écolgique``). A name with exactly
    the slug of a theme *is* that theme (see ``canonical_theme_names``), not a near-duplicate.
    """
    slug = theme_slug(name)
    folded = folded_theme_slug(name)
    if not folded:
        return None
    best, best_distance = None, None
    for theme in themes:
        if theme.slug == slug:
            return None
        other = folded_theme_slug(theme.name)
        limit = _allowed_typos(min(folded, other, key=len))
        distance = _edit_distance(folded, other, limit)
        if distance <= limit and (best_distance is None or distance < best_distance):
            best, best_distance = theme, distance
    return best


def theme_exists_message(theme):
    return f"Ce thème existe déjà : #{theme.name}"
