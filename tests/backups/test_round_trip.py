"""The promise of the backups: a site saved while it serves, lost, and restored on an empty
server is the same site, page for page, feed for feed, file for file; and a damaged archive or
an occupied site is refused without changing anything.

One scenario per database engine, in one test: building a site costs most of the time, and
pytest-xdist would build it once per worker if the steps were separate tests.
"""

import json
import re
import subprocess
import tarfile

from tests.backups.damage import member_names, with_changed_byte, without_member
from tests.backups.sites import REPO, ScratchSite, ServedSite

RENDITION_URL = re.compile(r"/media/images/[^\"\s,]+")


def differing(before, after):
    return sorted(key for key in set(before) | set(after) if before.get(key) != after.get(key))


def test_a_site_backed_up_while_serving_comes_back_identical_on_an_empty_server(tmp_path):
    source = ScratchSite(tmp_path, "src")
    target = None
    try:
        source.fill()
        before = source.snapshot()

        with ServedSite(source) as server:
            served_before = len(server.statuses)
            source.manage("backup")
            served_during = len(server.statuses) - served_before
        assert served_during > 0, "the server answered no request while the backup ran"
        assert set(server.statuses) == {200}, server.statuses

        (archive,) = source.backups.glob("club-*Z.tar")
        with tarfile.open(archive) as tar:
            manifest = json.load(tar.extractfile("manifest.json"))
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        assert manifest["git_commit"] == commit
        assert "0004_resource_organisation_order" in manifest["migrations"]["resources"]
        listed = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
        assert {f"media/{name}": digest for name, digest in before["media"].items()}.items() <= (
            listed.items()
        )

        # The server is lost: no database, no media.
        source.drop()
        target = ScratchSite(tmp_path, "dst")
        restored = target.manage("restore", str(archive))
        assert "Restauration terminée" in restored.stdout
        print(restored.stdout)
        after = target.snapshot()

        assert len(before["html"]) >= 20
        assert differing(before["html"], after["html"]) == []
        assert len(before["feeds"]) >= 2
        assert differing(before["feeds"], after["feeds"]) == []
        assert before["documents"] and differing(before["documents"], after["documents"]) == []
        assert after["sitemap"] == before["sitemap"]
        assert after["tree"] == before["tree"]
        assert len(before["media"]) > 2
        assert differing(before["media"], after["media"]) == []
        assert after["search"] == before["search"]
        # The search (rebuilt by the restore) finds a resource by a word of its title.
        assert (
            'href="/ressources/exemple-revitalisation-commerciale-centres-bourgs/"'
            in (after["search"]["body"])
        )

        pages = {page["title"]: page for page in after["tree"]["pages"]}
        assert pages["Brouillon en cours"]["revisions"] == 3
        assert not pages["Brouillon en cours"]["live"]
        assert pages["Page ornithorynque"]["has_unpublished_changes"]
        assert pages["Annonce programmée"]["go_live_at"] is not None
        assert after["tree"]["scheduled_revisions"]

        check_refusals_change_nothing(target, archive, after, tmp_path)
        check_an_archive_of_older_code_is_migrated(target, manifest, tmp_path)
        check_force_replaces_an_occupied_site(target, archive, after)
        check_renditions_left_out_are_made_again(target, after, tmp_path)
    finally:
        source.drop()
        if target is not None:
            target.drop()


def check_refusals_change_nothing(site, archive, state, tmp_path):
    archive_bytes = archive.read_bytes()
    refused = site.manage("backup", "--output", str(archive), check=False)
    assert refused.returncode != 0
    assert "existe déjà" in refused.stderr
    assert archive.read_bytes() == archive_bytes

    refused = site.manage("restore", str(archive), check=False)
    assert refused.returncode != 0
    assert "ne sont pas vides" in refused.stderr and "--force" in refused.stderr

    names = member_names(archive)
    image = next(name for name in names if name.startswith("media/original_images/"))
    database = next(name for name in names if name.startswith("database/"))
    document = next(name for name in names if name.startswith("media/documents/"))
    damaged = {
        "altéré": [
            with_changed_byte(archive, image, tmp_path / "image-byte.tar"),
            with_changed_byte(archive, database, tmp_path / "database-byte.tar"),
        ],
        "manque": [without_member(archive, document, tmp_path / "lost-document.tar")],
    }
    for reason, copies in damaged.items():
        for copy in copies:
            # Even --force on an occupied site: the checks come before anything is touched.
            refused = site.manage("restore", "--force", str(copy), check=False)
            assert refused.returncode != 0, copy
            assert "Archive refusée, rien n'a été modifié" in refused.stderr
            assert reason in refused.stderr, refused.stderr
    assert site.manage("restore", "--check", str(archive)).returncode == 0
    assert site.snapshot(light=True) == light(state)


def check_an_archive_of_older_code_is_migrated(site, manifest, tmp_path):
    *_, previous, latest = manifest["migrations"]["resources"]
    site.manage("migrate", "resources", previous, "--no-input", "-v0")
    older = tmp_path / "older-code.tar"
    site.manage("backup", "--output", str(older))
    restored = site.manage("restore", "--force", str(older))
    assert "1 migrations à appliquer" in restored.stdout
    assert f"[X] {latest}" in site.manage("showmigrations", "resources").stdout


def check_force_replaces_an_occupied_site(site, archive, state):
    site.manage(
        "shell",
        "-c",
        "from wagtail.models import Page; Page.objects.get(slug='page-ornithorynque').delete()",
    )
    (site.media / "documents" / "ajout-apres-sauvegarde.txt").write_text("ajouté après")
    assert site.snapshot(light=True) != light(state)
    site.manage("restore", "--force", str(archive))
    assert site.snapshot(light=True) == light(state)


def light(state):
    return {"tree": state["tree"], "media": state["media"]}


def check_renditions_left_out_are_made_again(site, state, tmp_path):
    lighter = tmp_path / "without-renditions.tar"
    site.manage("backup", "--without-renditions", "--output", str(lighter))
    assert not [name for name in member_names(lighter) if name.startswith("media/images/")]
    site.manage("restore", "--force", str(lighter))
    restored = site.snapshot(light=True)
    assert restored["tree"] == state["tree"]
    assert restored["media"] == {
        name: digest for name, digest in state["media"].items() if not name.startswith("images/")
    }
    # Wagtail makes the renditions again on the first visit (their file names may differ).
    counted = site.manage(
        "shell",
        "-c",
        "from wagtail.images import get_image_model;"
        "print(get_image_model().get_rendition_model().objects.count())",
    )
    assert counted.stdout.split()[-1] == "0"
    again = site.snapshot()
    assert without_rendition_names(again["html"]) == without_rendition_names(state["html"])
    assert any(name.startswith("images/") for name in again["media"])


def without_rendition_names(html):
    return {
        url: {**page, "body": RENDITION_URL.sub("/media/images/…", page["body"])}
        for url, page in html.items()
    }
