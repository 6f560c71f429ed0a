"""Ways an archive gets damaged on a disk or in transit: a changed byte, a lost file."""

import shutil
import tarfile


def member_names(archive):
    with tarfile.open(archive) as tar:
        return tar.getnames()


def with_changed_byte(archive, member, out):
    """A copy of ``archive`` where one byte in the middle of ``member``'s content differs."""
    shutil.copyfile(archive, out)
    with tarfile.open(out) as tar:
        info = tar.getmember(member)
    with open(out, "r+b") as damaged:
        damaged.seek(info.offset_data + info.size // 2)
        byte = damaged.read(1)
        damaged.seek(-1, 1)
        damaged.write(bytes([byte[0] ^ 0xFF]))
    return out


def without_member(archive, member, out):
    """A copy of ``archive`` that lost ``member``."""
    with tarfile.open(archive) as source, tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as copy:
        for info in source:
            if info.name != member:
                copy.addfile(info, source.extractfile(info))
    return out
