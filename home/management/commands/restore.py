import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from home.backup import BackupError
from home.backup.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Restaure une archive de `manage.py backup` dans une base et un dossier de médias vides : "
        "vérifie chaque somme de contrôle avant de toucher à quoi que ce soit, applique les "
        "migrations si le code est plus récent et reconstruit l'index de recherche."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Chemin de l'archive (.tar).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Remplacer une base et des médias non vides par le contenu de l'archive.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Vérifier l'archive seulement, sans rien restaurer.",
        )
        parser.add_argument("--workdir", help="Dossier temporaire où l'archive est dépaquetée.")

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            restore_backup(
                options["archive"],
                force=options["force"],
                check_only=options["check"],
                workdir=options["workdir"],
                log=self.stdout.write,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(f"Erreur de la base de données : {error}".strip()) from error
        elapsed = time.monotonic() - started
        if options["check"]:
            self.stdout.write(self.style.SUCCESS(f"Archive intacte ({elapsed:.1f} s)."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Restauration terminée en {elapsed:.1f} s."))
