"""Wagtail names the root collection "Root", and editors see it in the image and document forms:
the Club's media library calls it "Médiathèque". Only a root still named "Root" is renamed."""

from django.db import migrations

WAGTAIL_NAME = "Root"
CLUB_NAME = "Médiathèque"


def rename_root(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=WAGTAIL_NAME).update(name=CLUB_NAME)


def restore_root(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=CLUB_NAME).update(name=WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_sitesettings_support_email"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(rename_root, restore_root)]
