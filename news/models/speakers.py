from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Speaker(index.Indexed, models.Model):
    """A webinar speaker, kept as a snippet so that one person is entered once for all webinars.

    https://docs.wagtail.org/en/stable/topics/snippets/index.html
    """

    name = models.CharField("nom", max_length=120, help_text="Prénom et nom de l'intervenant.")
    role = models.CharField(
        "fonction",
        max_length=160,
        blank=True,
        help_text="Par exemple « cheffe de projet économie ».",
    )
    organisation = models.CharField(
        "structure",
        max_length=200,
        blank=True,
        help_text="La collectivité, l'agence ou l'entreprise de l'intervenant.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Un portrait carré, publié avec l'accord de la personne.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
    ]

    class Meta:
        verbose_name = "intervenant"
        verbose_name_plural = "intervenants"
        ordering = ["name"]

    def __str__(self):
        details = ", ".join(part for part in [self.role, self.organisation] if part)
        return f"{self.name} ({details})" if details else self.name
