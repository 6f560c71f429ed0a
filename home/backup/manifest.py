"""The manifest: what an archive holds and where it comes from.

It records the date, the git commit of the code, the applied migrations and every file with its
size and SHA-256, so that a restore can prove the archive is whole before touching anything and
can tell whether the code it runs on is newer (migrate after) or older (refuse) than the data.
"""

import hashlib
import os
import subprocess

import django
import wagtail
from django.conf import settings
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST_NAME = "manifest.json"
# The manifest's own checksum, so that a changed byte in the manifest is caught too.
MANIFEST_DIGEST_NAME = "manifest.sha256"
CHUNK = 1024 * 1024


def sha256_of(fileobj):
    """``(hex digest, size)`` of a file object read to its end."""
    digest, size = hashlib.sha256(), 0
    while chunk := fileobj.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def git_commit():
    """The commit of the running code: ``git rev-parse HEAD``, or ``SOURCE_COMMIT`` where the
    deployed code has no ``.git`` folder; ``None`` when neither is known."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        result = None
    if result is not None and result.returncode == 0:
        return result.stdout.strip()
    return os.environ.get("SOURCE_COMMIT") or None


def applied_migrations(connection):
    """``{app label: [migration names]}`` as recorded in the database."""
    state = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        state.setdefault(app, []).append(name)
    return state


def code_migrations():
    """``{app label: [migration names]}`` that the running code ships."""
    state = {}
    for app, name in sorted(MigrationLoader(None, ignore_no_migrations=True).disk_migrations):
        state.setdefault(app, []).append(name)
    return state


def _pairs(state):
    return {(app, name) for app, names in state.items() for name in names}


def unknown_to_code(manifest):
    """Migrations applied in the archive that this code does not have: the code is older."""
    return sorted(_pairs(manifest["migrations"]) - _pairs(code_migrations()))


def newer_in_code(manifest):
    """Migrations this code has and the archive had not applied: ``migrate`` runs after."""
    return sorted(_pairs(code_migrations()) - _pairs(manifest["migrations"]))


def build(*, created_at, database, migrations, files, renditions):
    return {
        "format": FORMAT,
        "created_at": created_at.isoformat(),
        "git_commit": git_commit(),
        "versions": {"django": django.get_version(), "wagtail": wagtail.__version__},
        "database": database,
        "migrations": migrations,
        "media": {"renditions": renditions},
        "files": files,
    }
