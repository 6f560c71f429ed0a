from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks

from home.demo.loader import DEMO_CONTENT_HOOK, DemoLoader


class Command(BaseCommand):
    help = "Charge le contenu de démonstration du Club (sans rien créer deux fois)."

    def handle(self, *args, **options):
        loader = DemoLoader(self.stdout if options["verbosity"] > 1 else None)
        context = {}
        with transaction.atomic():
            for load in hooks.get_hooks(DEMO_CONTENT_HOOK):
                context.update(load(loader, **context) or {})
        self.stdout.write(self.style.SUCCESS(loader.summary()))
