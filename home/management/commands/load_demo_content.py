from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo.loader import DemoLoader

# Each module has a load(loader) function; later ones build on what earlier ones returned.
DEMO_MODULES = [
    "home.demo.site",
    "news.demo",
    "resources.demo",
    # Last: sets up roles and moderation on the sections created above.
    "home.demo.editorial",
]


class Command(BaseCommand):
    help = "Charge le contenu de démonstration du Club (sans rien créer deux fois)."

    def handle(self, *args, **options):
        loader = DemoLoader(self.stdout if options["verbosity"] > 1 else None)
        context = {}
        with transaction.atomic():
            for module in DEMO_MODULES:
                context.update(import_module(module).load(loader, **context) or {})
        self.stdout.write(self.style.SUCCESS(loader.summary()))
