"""Writing one archive of the running site: database first, then media, then the manifest.

The database is dumped before the media are listed: every file a saved row points to was
written before that row, so it is in the archive; files uploaded during the backup are extra
and harmless.
"""

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage

from . import database, media, remote
from .archive import DATABASE_FOLDER, MEDIA_FOLDER, ArchiveWriter, archive_name
from .manifest import applied_migrations, build


def backup_dir():
    return Path(settings.BACKUP_DIR)


def create_backup(output=None, *, renditions=True, now=None, log=print):
    """Write the archive and return its path (``output``, or a dated name in BACKUP_DIR)."""
    now = now or datetime.now(UTC)
    path = Path(output) if output else backup_dir() / archive_name(now)
    writer = ArchiveWriter(path)
    try:
        db = database.for_alias()
        migrations = applied_migrations(db.connection)
        with tempfile.TemporaryDirectory(prefix="club-backup-") as workdir:
            dump = Path(workdir) / db.filename
            db.dump(dump)
            with open(dump, "rb") as dumped:
                writer.add(f"{DATABASE_FOLDER}/{db.filename}", dumped)
            log(f"Base de données ({db.engine}) : {human_size(dump.stat().st_size)}")
        exclude = [remote.prefix()] if remote.is_configured() else []
        names = media.files_to_save(renditions=renditions, exclude=exclude)
        saved = 0
        for name in names:
            try:
                with default_storage.open(name, "rb") as stored:
                    writer.add(f"{MEDIA_FOLDER}/{name}", stored)
                saved += 1
            except FileNotFoundError:
                log(f"Fichier supprimé pendant la sauvegarde, ignoré : {name}")
        log(f"Médias : {saved} fichiers{'' if renditions else ' (sans les rendus d’images)'}")
        manifest = build(
            created_at=now,
            database=db.describe(),
            migrations=migrations,
            files=writer.files,
            renditions=renditions,
        )
        return writer.finish(manifest)
    except BaseException:
        writer.abort()
        raise


def human_size(size):
    for unit in ("o", "Ko", "Mo", "Go"):
        if size < 1024 or unit == "Go":
            return f"{size:.0f} {unit}" if unit == "o" else f"{size:.1f} {unit}"
        size /= 1024
