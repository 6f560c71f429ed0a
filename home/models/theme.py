from taggit.models import TagBase

from home.themes import clean_theme_name, theme_slug


class Theme(TagBase):
    """A theme (tag) of the site-wide vocabulary, shown as ``#Name``.

    A custom tag model rather than taggit's ``Tag`` so that news and resources share one
    vocabulary that no other tagging can pollute, with ASCII slugs. See
    https://docs.wagtail.org/en/stable/reference/pages/model_recipes.html#custom-tag-models
    """

    free_tagging = True

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
