"""The manifest tells a restore whether the code is older (refuse) or newer (migrate)."""

from home.backup.manifest import code_migrations, newer_in_code, unknown_to_code


def test_an_archive_from_newer_code_is_recognised():
    state = code_migrations()
    future = {**state, "resources": [*state["resources"], "9999_from_the_future"]}
    manifest = {"migrations": future}
    assert unknown_to_code(manifest) == [("resources", "9999_from_the_future")]
    assert newer_in_code(manifest) == []


def test_an_archive_from_older_code_needs_the_missing_migrations():
    state = code_migrations()
    *older, latest = state["resources"]
    manifest = {"migrations": {**state, "resources": older}}
    assert unknown_to_code(manifest) == []
    assert newer_in_code(manifest) == [("resources", latest)]
