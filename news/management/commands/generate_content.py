"""``manage.py generate_content --news 50000 --resources 10000``: a realistic volume, in bulk.

For benchmarks and load tests only (see ``news/generator.py``): it refuses to run with
``DEBUG`` off unless ``--force`` is given, so that nobody fills a production site by mistake.
``--delete`` removes what earlier runs made (and only that).
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from news import generator


class Command(BaseCommand):
    help = "Crée (ou supprime avec --delete) des milliers d'actualités et de ressources de test."

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=0, help="news items to create")
        parser.add_argument("--resources", type=int, default=0, help="resources to create")
        parser.add_argument("--delete", action="store_true", help="remove generated content")
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off")
        parser.add_argument("--seed", type=int, default=1, help="random seed")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG est désactivé : ce site est peut-être en production. "
                "Relancez avec --force si vous êtes sûr de vous."
            )
        if options["news"] < 0 or options["resources"] < 0:
            raise CommandError("--news et --resources doivent être positifs.")
        self.verbosity = options["verbosity"]
        start = time.perf_counter()
        if options["delete"]:
            report = generator.delete_generated(progress=self.progress)
        else:
            try:
                report = generator.generate(
                    news=options["news"],
                    resources=options["resources"],
                    seed=options["seed"],
                    progress=self.progress,
                )
            except LookupError as error:
                raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - start
        done = ", ".join(f"{name}: {number}" for name, number in report.counts.items())
        self.stdout.write(f"{done or 'rien à faire'} ({elapsed:.1f} s)")

    def progress(self, name, done, total):
        if self.verbosity > 1:
            self.stdout.write(f"  {name}: {min(done, total)}/{total}")
