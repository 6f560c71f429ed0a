"""The archive file: a plain tar holding the database dump, the media files and the manifest.

Uncompressed on purpose: the PostgreSQL dump and the pictures are compressed already, and a tar
read member by member shows exactly which file a corruption touched. An archive is written under
a temporary name and then linked to its final name, which fails if that name exists: an archive
is never overwritten, and a half-written one never looks finished.
"""

import contextlib
import hashlib
import io
import json
import os
import posixpath
import re
import shutil
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from . import BackupError
from .manifest import CHUNK, MANIFEST_DIGEST_NAME, MANIFEST_NAME

ARCHIVE_PATTERN = re.compile(r"^club-(\d{8}-\d{6})Z\.tar$")
DATABASE_FOLDER = "database"
MEDIA_FOLDER = "media"


def archive_name(moment):
    """``club-20261201-021500Z.tar``: sorts by date, and retention reads the date back."""
    return f"club-{moment.astimezone(UTC):%Y%m%d-%H%M%S}Z.tar"


def archive_date(name):
    """The UTC date in an archive's name, or None for a file that is not one of ours."""
    found = ARCHIVE_PATTERN.match(posixpath.basename(str(name)))
    if found is None:
        return None
    return datetime.strptime(found.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)


class ArchiveWriter:
    """Adds files with their checksums, then the manifest, then takes the final name."""

    def __init__(self, path):
        self.path = Path(path)
        if self.path.exists():
            raise BackupError(
                f"Refusé : l'archive {self.path} existe déjà, elle n'est pas écrasée."
            )
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.partial = self.path.with_name(self.path.name + ".partial")
        try:
            # Readable by its owner only: the archive holds password hashes and private data.
            descriptor = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError as error:
            raise BackupError(
                f"Une sauvegarde vers {self.path} est déjà en cours ({self.partial} existe)."
            ) from error
        self._file = os.fdopen(descriptor, "wb")
        self._tar = tarfile.open(fileobj=self._file, mode="w", format=tarfile.PAX_FORMAT)  # noqa: SIM115
        self.files = []

    def add(self, arcname, fileobj):
        """Copy ``fileobj`` into the archive, recording its size and SHA-256."""
        digest, size = hashlib.sha256(), 0
        with tempfile.SpooledTemporaryFile(max_size=16 * CHUNK) as spool:
            while chunk := fileobj.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                spool.write(chunk)
            spool.seek(0)
            self._add_member(arcname, spool, size)
        self.files.append({"path": arcname, "size": size, "sha256": digest.hexdigest()})

    def _add_member(self, arcname, fileobj, size):
        info = tarfile.TarInfo(arcname)
        info.size = size
        info.mode = 0o600
        info.mtime = int(datetime.now(UTC).timestamp())
        self._tar.addfile(info, fileobj)

    def finish(self, manifest):
        data = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True).encode()
        self._add_member(MANIFEST_NAME, io.BytesIO(data), len(data))
        digest = f"{hashlib.sha256(data).hexdigest()}  {MANIFEST_NAME}\n".encode()
        self._add_member(MANIFEST_DIGEST_NAME, io.BytesIO(digest), len(digest))
        self._tar.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        try:
            os.link(self.partial, self.path)
        except FileExistsError as error:
            raise BackupError(
                f"Refusé : l'archive {self.path} existe déjà, elle n'est pas écrasée."
            ) from error
        finally:
            self.partial.unlink(missing_ok=True)
        return self.path

    def abort(self):
        with contextlib.suppress(Exception):
            self._tar.close()
        with contextlib.suppress(Exception):
            self._file.close()
        self.partial.unlink(missing_ok=True)


def _safe_name(name):
    """A member name that stays inside the staging folder (no absolute path, no ``..``)."""
    if name.startswith("/") or "\\" in name:
        return False
    parts = name.split("/")
    return all(part not in ("", ".", "..") for part in parts)


class VerifiedArchive:
    """An archive unpacked into a staging folder and proven whole against its manifest.

    Every member is hashed while it is unpacked; the archive is refused (``BackupError``) if a
    member is unreadable, missing, unexpected or differs by a single byte from the manifest, so a
    restore works only from files it has checked and never reads the archive twice.
    """

    def __init__(self, path, workdir=None):
        self.path = Path(path)
        if not self.path.is_file():
            raise BackupError(f"Archive introuvable : {self.path}")
        self.staging = Path(tempfile.mkdtemp(prefix="club-restore-", dir=workdir))
        try:
            self.manifest = self._unpack_and_verify()
        except BaseException:
            self.cleanup()
            raise

    def _unpack_and_verify(self):
        found = {}
        try:
            with tarfile.open(self.path, mode="r:") as tar:
                for member in tar:
                    if not member.isfile() or not _safe_name(member.name):
                        raise BackupError(f"Archive refusée : élément inattendu « {member.name} ».")
                    if member.name in found:
                        raise BackupError(
                            f"Archive refusée : « {member.name} » y figure deux fois."
                        )
                    target = self.staging / member.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    source = tar.extractfile(member)
                    digest, size = hashlib.sha256(), 0
                    with open(target, "xb") as out:
                        while chunk := source.read(CHUNK):
                            digest.update(chunk)
                            size += len(chunk)
                            out.write(chunk)
                    found[member.name] = {"size": size, "sha256": digest.hexdigest()}
        except (tarfile.TarError, EOFError, OSError) as error:
            raise BackupError(f"Archive illisible ou tronquée ({self.path}) : {error}") from error

        for name in (MANIFEST_NAME, MANIFEST_DIGEST_NAME):
            if name not in found:
                raise BackupError(f"Archive refusée : {name} manque.")
        expected = (self.staging / MANIFEST_DIGEST_NAME).read_text(errors="replace").split()
        if not expected or expected[0] != found[MANIFEST_NAME]["sha256"]:
            raise BackupError(
                f"Archive refusée : {MANIFEST_NAME} ne correspond pas à sa somme de contrôle."
            )
        try:
            manifest = json.loads((self.staging / MANIFEST_NAME).read_text())
            listed = {entry["path"]: entry for entry in manifest["files"]}
        except (ValueError, KeyError, TypeError) as error:
            raise BackupError(f"Archive refusée : manifeste illisible ({error}).") from error

        problems = []
        database = f"{DATABASE_FOLDER}/{manifest.get('database', {}).get('file')}"
        if database not in listed:
            problems.append(f"{database} (la base de données) n'est pas dans le manifeste")
        for name, entry in sorted(listed.items()):
            if name not in found:
                problems.append(f"{name} manque")
            elif (found[name]["size"], found[name]["sha256"]) != (entry["size"], entry["sha256"]):
                problems.append(f"{name} est altéré (somme SHA-256 différente)")
        extra = set(found) - set(listed) - {MANIFEST_NAME, MANIFEST_DIGEST_NAME}
        problems.extend(f"{name} n'est pas dans le manifeste" for name in sorted(extra))
        if problems:
            shown = "; ".join(problems[:10]) + (" ; …" if len(problems) > 10 else "")
            raise BackupError(f"Archive refusée, rien n'a été modifié : {shown}.")
        return manifest

    def database_file(self):
        return self.staging / DATABASE_FOLDER / self.manifest["database"]["file"]

    def media_files(self):
        """``(name in the storage, staged path)`` for every media file of the archive."""
        prefix = MEDIA_FOLDER + "/"
        for entry in self.manifest["files"]:
            if entry["path"].startswith(prefix):
                yield entry["path"][len(prefix) :], self.staging / entry["path"]

    def cleanup(self):
        shutil.rmtree(self.staging, ignore_errors=True)
