"""Static files as production serves them: hashed names, a year or more of immutable caching,
and gzip and Brotli copies chosen from the visitor's Accept-Encoding.

collectstatic runs with the production settings into a temporary STATIC_ROOT, in a subprocess
(the suite itself runs on the test settings); a second subprocess asks the production WSGI
application (WhiteNoise in front of Django) for the hashed stylesheet with each encoding and
prints what came back as JSON.
"""

import base64
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import brotli
import pytest

ROOT = Path(__file__).resolve().parents[2]
ONE_YEAR = 365 * 24 * 60 * 60

REQUESTS_SCRIPT = r"""
import base64, json, sys
import django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client

client = Client()
hashed = staticfiles_storage.url("home/css/club.css")
answers = {"hashed_url": hashed}
for name, path, encoding in [
    ("br", hashed, "gzip, deflate, br"),
    ("gzip", hashed, "gzip, deflate"),
    ("identity", hashed, ""),
    ("unhashed", "/static/home/css/club.css", "br"),
    ("js", staticfiles_storage.url("home/js/menu.js"), "br"),
]:
    response = client.get(path, HTTP_ACCEPT_ENCODING=encoding)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    answers[name] = {
        "status": response.status_code,
        "headers": dict(response.headers),
        "body": base64.b64encode(body).decode(),
    }
json.dump(answers, sys.stdout)
"""


@pytest.fixture(scope="module")
def production_static(tmp_path_factory):
    static_root = tmp_path_factory.mktemp("staticfiles")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "static-files-test-only-" + "x" * 50,
        "WAGTAILADMIN_BASE_URL": "https://testserver",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(static_root),
        "DATABASE_URL": f"sqlite:///{static_root / 'unused.sqlite3'}",
    }
    env.pop("AWS_STORAGE_BUCKET_NAME", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    result = subprocess.run(
        [sys.executable, "-c", REQUESTS_SCRIPT],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    answers = json.loads(result.stdout)
    for answer in answers.values():
        if isinstance(answer, dict):
            answer["body"] = base64.b64decode(answer["body"])
    return static_root, answers


SOURCE_CSS = (ROOT / "home/static/home/css/club.css").read_bytes()


def cache_control(answer):
    return {part.strip() for part in answer["headers"]["Cache-Control"].split(",")}


def max_age(answer):
    for part in cache_control(answer):
        if part.startswith("max-age="):
            return int(part.removeprefix("max-age="))
    return None


def test_collectstatic_writes_hashed_gzip_and_brotli_copies(production_static):
    static_root, answers = production_static
    css = Path(static_root, answers["hashed_url"].removeprefix("/static/"))
    assert css.name != "club.css" and css.name.startswith("club.") and css.suffix == ".css"
    assert Path(f"{css}.gz").is_file() and Path(f"{css}.br").is_file()
    assert brotli.decompress(Path(f"{css}.br").read_bytes()) == css.read_bytes()
    assert gzip.decompress(Path(f"{css}.gz").read_bytes()) == css.read_bytes()


def test_a_hashed_file_is_cached_a_year_or_more_as_immutable(production_static):
    _, answers = production_static
    for name in ("br", "gzip", "identity", "js"):
        answer = answers[name]
        assert answer["status"] == 200
        assert {"public", "immutable"} <= cache_control(answer), answer["headers"]
        assert max_age(answer) >= ONE_YEAR
        assert "Accept-Encoding" in answer["headers"].get("Vary", "")


def test_brotli_when_the_browser_accepts_it_gzip_otherwise(production_static):
    _, answers = production_static
    br, gz, plain = answers["br"], answers["gzip"], answers["identity"]
    assert br["headers"]["Content-Encoding"] == "br"
    assert brotli.decompress(br["body"]) == plain["body"]
    assert gz["headers"]["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz["body"]) == plain["body"]
    assert "Content-Encoding" not in plain["headers"]
    assert len(br["body"]) < len(gz["body"]) < len(plain["body"]) / 3
    # The hashed file is the stylesheet of the code (URLs rewritten by the manifest storage).
    assert plain["body"].startswith(SOURCE_CSS[:200])


def test_the_unhashed_name_is_not_cached_for_long(production_static):
    """A file asked for by its plain name may change with the next deployment."""
    _, answers = production_static
    unhashed = answers["unhashed"]
    assert unhashed["status"] == 200
    assert "immutable" not in cache_control(unhashed)
    assert max_age(unhashed) < ONE_YEAR
