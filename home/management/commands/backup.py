from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from home.backup import BackupError, remote, retention
from home.backup.create import backup_dir, create_backup


class Command(BaseCommand):
    help = (
        "Sauvegarde la base de données et les médias dans une archive datée de BACKUP_DIR "
        "(par défaut backups/), puis supprime les archives au-delà de 14 quotidiennes et "
        "8 hebdomadaires. Fonctionne pendant que le site tourne."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="Chemin de l'archive (par défaut : BACKUP_DIR/club-<date>Z.tar)."
        )
        parser.add_argument(
            "--without-renditions",
            action="store_true",
            help="Ne pas sauvegarder les rendus d'images (Wagtail les refait à la demande).",
        )
        parser.add_argument(
            "--no-prune", action="store_true", help="Ne supprimer aucune archive ancienne."
        )
        parser.add_argument(
            "--no-remote", action="store_true", help="Ne pas copier l'archive sur S3."
        )
        parser.add_argument("--keep-daily", type=int, default=retention.KEEP_DAILY)
        parser.add_argument("--keep-weekly", type=int, default=retention.KEEP_WEEKLY)

    def handle(self, *args, **options):
        log = self.stdout.write
        try:
            path = create_backup(
                options["output"], renditions=not options["without_renditions"], log=log
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(f"Erreur de la base de données : {error}".strip()) from error
        self.stdout.write(self.style.SUCCESS(f"Archive écrite : {path}"))

        if not options["no_prune"] and not options["output"]:
            removed = retention.prune_folder(
                backup_dir(), options["keep_daily"], options["keep_weekly"]
            )
            for name in removed:
                log(f"Archive ancienne supprimée : {name}")

        if remote.is_configured() and not options["no_remote"]:
            target = remote.storage()
            try:
                remote.copy(path, target)
                log(f"Copie distante : s3://{remote.bucket()}/{remote.prefix()}/{path.name}")
                if not options["no_prune"]:
                    for name in remote.prune(target, options["keep_daily"], options["keep_weekly"]):
                        log(f"Archive distante ancienne supprimée : {name}")
            except Exception as error:
                # The local archive is written: say clearly that the off-site copy failed.
                raise CommandError(
                    f"Archive locale écrite, mais copie distante échouée : {error}"
                ) from error
