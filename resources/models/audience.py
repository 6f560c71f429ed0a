from django.db import models


class Audience(models.Model):
    """Who a resource is for: a fixed vocabulary (communes, entreprises...), seeded by a migration.

    A table rather than a list of choices in a text field, so that a resource has several
    audiences and the listing filters on them with an indexed join. Editors tick them; they do
    not create new ones (the list is what the Club's public is made of).
    """

    name = models.CharField("nom", max_length=80, unique=True)
    slug = models.SlugField("identifiant", max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "public"
        verbose_name_plural = "publics"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


# The vocabulary, in the order the site shows it: seeded by migration 0002 (which keeps its own
# copy) and restored after a flush by resources.apps.ensure_audiences.
AUDIENCES = [
    ("communes", "Communes"),
    ("intercommunalites", "Intercommunalités"),
    ("entreprises", "Entreprises"),
    ("artisans-commercants", "Artisans et commerçants"),
    ("associations", "Associations"),
    ("porteurs-de-projet", "Porteurs de projet"),
]
