from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Organisation(index.Indexed, models.Model):
    """A body that runs schemes or tools (Région Nouvelle-Aquitaine, ADI Nouvelle-Aquitaine, CNER).

    A snippet, so that an organisation is entered once and shared by every resource it runs, and so
    that the listing can filter by it. https://docs.wagtail.org/en/stable/topics/snippets/index.html
    """

    name = models.CharField(
        "nom",
        max_length=200,
        unique=True,
        help_text="Le nom complet, par exemple « Région Nouvelle-Aquitaine ».",
    )
    acronym = models.CharField(
        "sigle",
        max_length=30,
        blank=True,
        help_text="Le sigle usuel, par exemple « CNER » ; montré sur les cartes des ressources.",
    )
    slug = models.SlugField(
        "identifiant",
        max_length=80,
        unique=True,
        blank=True,
        help_text="Utilisé dans l'adresse du filtre « Structure » de la liste des ressources. "
        "Laissez vide : il est créé à partir du sigle ou du nom.",
    )
    website = models.URLField(
        "site web",
        blank=True,
        help_text="Le site officiel de la structure, lié depuis chaque ressource qu'elle porte.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Montré sur la page de chaque ressource portée par la structure.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("slug"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
    ]

    class Meta:
        verbose_name = "structure"
        verbose_name_plural = "structures"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.acronym or self.name)[:70] or "structure"
        slug, number = base, 2
        others = Organisation.objects.exclude(pk=self.pk)
        while others.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug
