"""Bringing an archive back: verify everything, then database, media, migrations, search index.

Nothing is touched until the whole archive has been unpacked into a staging folder and every
file matched its SHA-256 in the manifest, the database engine matched, the code was found to
know every migration the data went through, and the targets were found empty (or ``force``).
"""

from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from wagtail.images import get_image_model

from . import BackupError, database, media
from .archive import VerifiedArchive
from .manifest import newer_in_code, unknown_to_code


def restore_backup(path, *, force=False, check_only=False, workdir=None, log=print):
    archive = VerifiedArchive(path, workdir=workdir)
    try:
        manifest = archive.manifest
        log(
            f"Archive vérifiée : {len(manifest['files'])} fichiers, créée le "
            f"{manifest['created_at']}, code {manifest.get('git_commit') or 'inconnu'}."
        )
        db = database.for_alias()
        if manifest["database"]["engine"] != db.engine:
            raise BackupError(
                f"Archive refusée : elle contient une base {manifest['database']['engine']} "
                f"et le site est configuré pour {db.engine}."
            )
        unknown = unknown_to_code(manifest)
        if unknown:
            shown = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
            raise BackupError(
                "Archive refusée : elle vient d'un code plus récent que celui-ci "
                f"(migrations inconnues : {shown}). Déployez d'abord le commit "
                f"{manifest.get('git_commit') or 'de la sauvegarde'}."
            )
        if check_only:
            return manifest
        occupied = [
            label
            for label, empty in (
                ("la base de données", db.is_empty),
                ("les médias", media.is_empty),
            )
            if not empty()
        ]
        if occupied and not force:
            raise BackupError(
                f"Refusé : {' et '.join(occupied)} "
                f"{'n’est pas vide' if occupied == ['la base de données'] else 'ne sont pas vides'}. "
                "Restaurez sur un site vide, ou ajoutez --force pour tout remplacer par le "
                "contenu de l'archive."
            )
        if force:
            db.clear()
            media.clear()
        db.load(archive.database_file())
        log("Base de données restaurée.")
        count = 0
        for name, staged in archive.media_files():
            with open(staged, "rb") as content:
                media.write(name, content)
            count += 1
        log(f"Médias restaurés : {count} fichiers.")
    finally:
        archive.cleanup()

    connections.close_all()
    pending = newer_in_code(manifest)
    if pending:
        log(f"Le code est plus récent que l'archive : {len(pending)} migrations à appliquer.")
        call_command("migrate", interactive=False, verbosity=0)
    if not manifest.get("media", {}).get("renditions", True):
        # The archive left the rendition files out: drop their rows so Wagtail makes them again.
        get_image_model().get_rendition_model().objects.all().delete()
    call_command("update_index", verbosity=0)
    log("Index de recherche reconstruit.")
    # Cached pages and fragments describe the site before the restore. django-redis's clear()
    # empties the whole Redis database; delete_pattern keeps to this site's KEY_PREFIX.
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()
    return manifest
