"""The media files (original images, renditions, documents), read and written through Django's
default storage, so the same code saves a local ``MEDIA_ROOT`` or an S3 bucket.
"""

import posixpath

from django.core.files.base import File
from django.core.files.storage import default_storage

# Wagtail writes renditions under images/ (originals under original_images/). They can be left
# out of an archive: Wagtail makes them again on demand once their database rows are gone.
RENDITIONS_FOLDER = "images"


def walk(storage=None, folder=""):
    """Every file name under ``folder``, sorted, with forward slashes."""
    storage = storage or default_storage
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [posixpath.join(folder, name) for name in files]
    for directory in directories:
        names.extend(walk(storage, posixpath.join(folder, directory)))
    return sorted(names)


def files_to_save(storage=None, *, renditions=True, exclude=()):
    """The media files a backup takes; ``exclude`` holds top-level folders to skip (the private
    backup prefix when backups go to the media bucket, so a backup never saves backups)."""
    skipped = {folder.strip("/") for folder in exclude if folder}
    if not renditions:
        skipped.add(RENDITIONS_FOLDER)
    return [name for name in walk(storage) if name.split("/", 1)[0] not in skipped]


def is_empty(storage=None):
    return not walk(storage)


def clear(storage=None):
    """Delete every media file (``restore --force``)."""
    storage = storage or default_storage
    for name in walk(storage):
        storage.delete(name)


def write(name, fileobj, storage=None):
    """Store ``fileobj`` under exactly ``name``: a storage that would rename it is an error."""
    storage = storage or default_storage
    if storage.exists(name):
        storage.delete(name)
    saved = storage.save(name, File(fileobj, name=posixpath.basename(name)))
    if saved != name:
        storage.delete(saved)
        raise OSError(f"le stockage a enregistré {name} sous le nom {saved}")
