"""The archive format on its own: what is written is read back only if every byte is intact."""

import io
import json
import stat
import tarfile

import pytest

from home.backup import BackupError
from home.backup.archive import ArchiveWriter, VerifiedArchive, archive_date, archive_name
from tests.backups.damage import with_changed_byte, without_member


def write_archive(path, files):
    writer = ArchiveWriter(path)
    for name, content in files.items():
        writer.add(name, io.BytesIO(content))
    return writer.finish(
        {
            "database": {"engine": "sqlite", "file": "database.sqlite3"},
            "files": writer.files,
            "migrations": {},
            "media": {"renditions": True},
        }
    )


FILES = {
    "database/database.sqlite3": b"SQLite format 3\x00" + bytes(range(256)) * 40,
    "media/original_images/photo.png": b"\x89PNG" + b"x" * 5000,
    "media/documents/compte-rendu.pdf": b"%PDF-1.4 compte rendu",
}


@pytest.fixture
def archive(tmp_path):
    return write_archive(tmp_path / archive_name_for_test(), FILES)


def archive_name_for_test():
    return "club-20261201-021500Z.tar"


def test_a_whole_archive_is_unpacked_with_its_manifest(archive):
    verified = VerifiedArchive(archive)
    try:
        assert verified.database_file().read_bytes() == FILES["database/database.sqlite3"]
        media = {name: path.read_bytes() for name, path in verified.media_files()}
        assert media == {
            "original_images/photo.png": FILES["media/original_images/photo.png"],
            "documents/compte-rendu.pdf": FILES["media/documents/compte-rendu.pdf"],
        }
        listed = {entry["path"]: entry["size"] for entry in verified.manifest["files"]}
        assert listed == {name: len(content) for name, content in FILES.items()}
    finally:
        verified.cleanup()
    assert not verified.staging.exists()


def test_an_archive_is_private_to_its_owner(archive):
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600


def test_an_archive_is_never_overwritten(archive):
    before = archive.read_bytes()
    with pytest.raises(BackupError, match="existe déjà"):
        write_archive(archive, {"media/autre.txt": b"autre"})
    assert archive.read_bytes() == before
    assert not archive.with_name(archive.name + ".partial").exists()


@pytest.mark.parametrize("member", [*FILES, "manifest.json"])
def test_a_changed_byte_anywhere_is_refused(archive, tmp_path, member):
    damaged = with_changed_byte(archive, member, tmp_path / "damaged.tar")
    with pytest.raises(BackupError, match="refusée"):
        VerifiedArchive(damaged)


def test_a_lost_file_is_named(archive, tmp_path):
    damaged = without_member(archive, "media/documents/compte-rendu.pdf", tmp_path / "lost.tar")
    with pytest.raises(BackupError, match=r"media/documents/compte-rendu\.pdf manque"):
        VerifiedArchive(damaged)


def test_a_lost_manifest_is_refused(archive, tmp_path):
    damaged = without_member(archive, "manifest.json", tmp_path / "lost.tar")
    with pytest.raises(BackupError, match="manifest.json manque"):
        VerifiedArchive(damaged)


def test_a_file_the_manifest_does_not_list_is_refused(archive, tmp_path):
    extended = tmp_path / "extended.tar"
    extended.write_bytes(archive.read_bytes())
    with tarfile.open(extended, "a") as tar:
        info = tarfile.TarInfo("media/ajout.txt")
        info.size = 5
        tar.addfile(info, io.BytesIO(b"ajout"))
    with pytest.raises(BackupError, match="ajout.txt n'est pas dans le manifeste"):
        VerifiedArchive(extended)


def test_a_path_leaving_the_staging_folder_is_refused(tmp_path):
    hostile = tmp_path / "hostile.tar"
    with tarfile.open(hostile, "w") as tar:
        info = tarfile.TarInfo("../../etc/evil")
        info.size = 4
        tar.addfile(info, io.BytesIO(b"evil"))
    with pytest.raises(BackupError, match="élément inattendu"):
        VerifiedArchive(hostile)
    assert not (tmp_path.parent / "etc").exists()


def test_a_truncated_or_foreign_file_is_refused(archive, tmp_path):
    truncated = tmp_path / "truncated.tar"
    truncated.write_bytes(archive.read_bytes()[:1000])
    with pytest.raises(BackupError):
        VerifiedArchive(truncated)
    foreign = tmp_path / "foreign.tar"
    foreign.write_text(json.dumps({"not": "a tar"}))
    with pytest.raises(BackupError, match="illisible"):
        VerifiedArchive(foreign)


def test_archive_names_carry_their_utc_date():
    from datetime import datetime, timedelta, timezone

    paris_winter = timezone(timedelta(hours=1))
    moment = datetime(2026, 12, 1, 3, 15, tzinfo=paris_winter)
    assert archive_name(moment) == "club-20261201-021500Z.tar"
    assert archive_date("club-20261201-021500Z.tar") == moment
    assert archive_date("notes.txt") is None
