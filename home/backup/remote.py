"""An optional copy of each archive to an S3-compatible bucket, under a private prefix.

Active when ``AWS_STORAGE_BUCKET_NAME`` (the media bucket) or ``BACKUP_S3_BUCKET`` (a separate
bucket, better) is set, with the same ``AWS_*`` credentials and endpoint as the media. Archives go
under ``BACKUP_S3_PREFIX`` (default ``private-backups/``) with a private ACL and are never given a
public address; the same retention as the local folder prunes them.
"""

import os

from storages.backends.s3 import S3Storage

from .retention import KEEP_DAILY, KEEP_WEEKLY, to_prune

DEFAULT_PREFIX = "private-backups"


def prefix():
    return os.environ.get("BACKUP_S3_PREFIX", DEFAULT_PREFIX).strip("/")


def bucket():
    return os.environ.get("BACKUP_S3_BUCKET") or os.environ.get("AWS_STORAGE_BUCKET_NAME")


def is_configured():
    return bool(bucket())


def storage():
    """A django-storages S3 storage rooted at the private prefix of the backup bucket."""
    return S3Storage(
        bucket_name=bucket(),
        location=prefix(),
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL"),
        region_name=os.environ.get("AWS_S3_REGION_NAME"),
        access_key=os.environ.get("AWS_ACCESS_KEY_ID"),
        secret_key=os.environ.get("AWS_SECRET_ACCESS_KEY"),
        default_acl="private",
        querystring_auth=True,
        file_overwrite=False,
        custom_domain=None,
    )


def copy(path, target):
    """Upload the archive at ``path`` to the ``target`` storage under its own name; an archive
    already there is never replaced."""
    if target.exists(path.name):
        raise FileExistsError(f"{path.name} existe déjà dans le stockage distant")
    with open(path, "rb") as archive:
        saved = target.save(path.name, archive)
    if saved != path.name:
        raise OSError(f"le stockage distant a enregistré l'archive sous le nom {saved}")
    return saved


def prune(target, keep_daily=KEEP_DAILY, keep_weekly=KEEP_WEEKLY):
    _, names = target.listdir("")
    removed = to_prune(names, keep_daily, keep_weekly)
    for name in removed:
        target.delete(name)
    return removed
