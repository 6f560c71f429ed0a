"""Seeds the fixed vocabulary of audiences (see resources.models.audience)."""

from django.db import migrations

# Copied here (not imported) so that this migration stays valid if the list changes later.
AUDIENCES = [
    ("communes", "Communes"),
    ("intercommunalites", "Intercommunalités"),
    ("entreprises", "Entreprises"),
    ("artisans-commercants", "Artisans et commerçants"),
    ("associations", "Associations"),
    ("porteurs-de-projet", "Porteurs de projet"),
]


def seed(apps, schema_editor):
    Audience = apps.get_model("resources", "Audience")
    for order, (slug, name) in enumerate(AUDIENCES):
        Audience.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


def unseed(apps, schema_editor):
    Audience = apps.get_model("resources", "Audience")
    Audience.objects.filter(slug__in=[slug for slug, _ in AUDIENCES]).delete()


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
