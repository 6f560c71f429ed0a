"""Which archives to keep: the newest of each of the last 14 days that have one, and the newest
of each of the last 8 ISO weeks that have one; everything else is pruned.

The two rules are independent and their union is kept (as restic's ``--keep-daily`` and
``--keep-weekly`` do), so after two months of nightly backups 14 + 6 or so archives remain:
last night's work at most is lost, and two months of history can still be brought back.
Files whose names are not archive names are never touched.
"""

from pathlib import Path

from .archive import archive_date

KEEP_DAILY = 14
KEEP_WEEKLY = 8


def to_keep(names, keep_daily=KEEP_DAILY, keep_weekly=KEEP_WEEKLY):
    """The subset of ``names`` (archive file names) the policy keeps."""
    dated = sorted(
        ((archive_date(name), name) for name in names if archive_date(name) is not None),
        reverse=True,
    )
    kept = set()
    for period, count in ((lambda d: d.date(), keep_daily), (_iso_week, keep_weekly)):
        seen = []
        for moment, name in dated:
            key = period(moment)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            kept.add(name)
    return kept


def _iso_week(moment):
    year, week, _ = moment.isocalendar()
    return year, week


def to_prune(names, keep_daily=KEEP_DAILY, keep_weekly=KEEP_WEEKLY):
    """The archive names the policy drops, oldest first."""
    archives = [name for name in names if archive_date(name) is not None]
    kept = to_keep(archives, keep_daily, keep_weekly)
    return sorted((name for name in archives if name not in kept), key=archive_date)


def prune_folder(folder, keep_daily=KEEP_DAILY, keep_weekly=KEEP_WEEKLY):
    """Delete the archives of ``folder`` the policy drops; returns their names."""
    folder = Path(folder)
    names = [path.name for path in folder.iterdir() if path.is_file()]
    removed = to_prune(names, keep_daily, keep_weekly)
    for name in removed:
        (folder / name).unlink(missing_ok=True)
    return removed
