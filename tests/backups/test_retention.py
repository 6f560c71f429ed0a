"""Retention: the last 14 days and 8 weeks that have an archive keep their newest one."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from home.backup import media, remote
from home.backup.archive import archive_name
from home.backup.retention import prune_folder, to_keep, to_prune


def nightly(days, start=datetime(2026, 12, 1, 2, 15, tzinfo=UTC)):
    """Archive names of ``days`` nights, newest first."""
    return [archive_name(start - timedelta(days=number)) for number in range(days)]


def test_sixty_nights_keep_fourteen_days_and_eight_weeks():
    names = nightly(60)
    kept = to_keep(names)
    # The 14 most recent nights...
    assert set(names[:14]) <= kept
    # ...and the newest archive of each of the last 8 ISO weeks (Tuesday 1 December 2026 opens
    # a week, so the daily ones cover three weeks; five older Sundays complete the eight).
    older = sorted(kept - set(names[:14]), reverse=True)
    assert [datetime.strptime(name[5:13], "%Y%m%d").strftime("%A") for name in older] == [
        "Sunday"
    ] * 5
    assert len(kept) == 19
    assert set(to_prune(names)) == set(names) - kept


def test_several_archives_in_a_day_keep_the_newest():
    evening = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    names = [archive_name(evening - timedelta(hours=hours)) for hours in (0, 5, 10)]
    assert to_keep(names) == {names[0]}


def test_gaps_are_not_counted_as_days():
    # Backups stopped for a month: the 14 kept are the last 14 that exist.
    names = nightly(10) + nightly(10, start=datetime(2026, 10, 1, 2, 15, tzinfo=UTC))
    assert set(names[:14]) <= to_keep(names)


def test_pruning_a_folder_leaves_other_files_alone(tmp_path):
    names = nightly(30)
    for name in names:
        (tmp_path / name).write_bytes(b"archive")
    (tmp_path / "notes.txt").write_text("à garder")
    (tmp_path / "club-20261201-021500Z.tar.partial").write_bytes(b"en cours")
    removed = prune_folder(tmp_path)
    assert removed and set(removed).isdisjoint(to_keep(names))
    remaining = {path.name for path in tmp_path.iterdir()}
    assert remaining == to_keep(names) | {"notes.txt", "club-20261201-021500Z.tar.partial"}


def test_the_remote_copy_is_never_replaced_and_is_pruned_alike(tmp_path):
    # Any Django storage works as the remote; production uses django-storages' S3Storage.
    target = FileSystemStorage(location=tmp_path / "remote")
    local = tmp_path / "local"
    local.mkdir()
    names = nightly(30)
    for name in names[1:]:
        target.save(name, ContentFile(b"old"))
    archive = local / names[0]
    archive.write_bytes(b"tonight")
    assert remote.copy(archive, target) == names[0]
    assert target.open(names[0]).read() == b"tonight"
    with pytest.raises(FileExistsError):
        remote.copy(archive, target)
    assert target.open(names[0]).read() == b"tonight"
    removed = remote.prune(target)
    assert set(target.listdir("")[1]) == to_keep(names)
    assert set(removed) == set(names) - to_keep(names)


def test_media_listing_skips_the_backup_prefix_and_optionally_renditions(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    for name in (
        "original_images/a.png",
        "images/a.width-400.png",
        "documents/b.pdf",
        "private-backups/club-20261201-021500Z.tar",
    ):
        storage.save(name, ContentFile(b"x"))
    everything = media.files_to_save(storage, exclude=["private-backups/"])
    assert everything == ["documents/b.pdf", "images/a.width-400.png", "original_images/a.png"]
    assert media.files_to_save(storage, renditions=False, exclude=["private-backups"]) == [
        "documents/b.pdf",
        "original_images/a.png",
    ]
