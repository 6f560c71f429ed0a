"""Scratch sites for the backup tests: one database and one media folder each, driven through
``manage.py`` in subprocesses with the same environment a real site would have.

The database engine follows the suite's run: SQLite when DATABASE_URL is unset, otherwise
PostgreSQL databases named after DATABASE_URL's (``<name>_backup_<label>``), so that CI's run on
``test`` and a developer's on another name never share one.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import dj_database_url
import psycopg
from psycopg import sql

REPO = Path(__file__).resolve().parents[2]
ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def _server_params():
    params = dj_database_url.parse(os.environ["DATABASE_URL"])
    return {
        "host": params.get("HOST") or None,
        "port": params.get("PORT") or None,
        "user": params.get("USER") or None,
        "password": params.get("PASSWORD") or None,
    }, params["NAME"]


def _admin_connection():
    params, _ = _server_params()
    return psycopg.connect(dbname="postgres", autocommit=True, **params)


class ScratchSite:
    def __init__(self, folder, label):
        self.folder = Path(folder)
        self.media = self.folder / f"media-{label}"
        self.backups = self.folder / "backups"
        self.label = label
        if ON_POSTGRES:
            params, name = _server_params()
            self.database = f"{name}_backup_{label}"
            auth = params["user"] or ""
            if params["password"]:
                auth += f":{params['password']}"
            address = f"{params['host'] or ''}{':' + str(params['port']) if params['port'] else ''}"
            self.url = f"postgres://{auth}@{address}/{self.database}"
        else:
            self.database = str(self.folder / f"{label}.sqlite3")
            self.url = f"sqlite:///{self.database}"
        self.drop()
        self.create_empty()

    # Database and media ------------------------------------------------------------------
    def create_empty(self):
        if ON_POSTGRES:
            with _admin_connection() as connection:
                connection.execute(
                    sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.database))
                )
        self.media.mkdir(parents=True, exist_ok=True)

    def drop(self):
        """Drop the database and delete the media: the lost server."""
        if ON_POSTGRES:
            with _admin_connection() as connection:
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(self.database)
                    )
                )
        else:
            Path(self.database).unlink(missing_ok=True)
        shutil.rmtree(self.media, ignore_errors=True)

    # Commands ------------------------------------------------------------------------------
    @property
    def env(self):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="tests.backups.settings",
            DATABASE_URL=self.url,
            MEDIA_ROOT=str(self.media),
            BACKUP_DIR=str(self.backups),
            PYTHONPATH=str(REPO),
            PYTHONWARNINGS="ignore",
        )
        for name in ("AWS_STORAGE_BUCKET_NAME", "BACKUP_S3_BUCKET"):
            env.pop(name, None)
        return env

    def run(self, *args, check=True):
        result = subprocess.run(
            [sys.executable, *args], cwd=REPO, env=self.env, capture_output=True, text=True
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"{' '.join(args)} a échoué ({result.returncode}):\n{result.stdout}\n{result.stderr}"
            )
        return result

    def manage(self, *args, check=True):
        return self.run("manage.py", *args, check=check)

    def snapshot(self, light=False):
        """The site as ``tests/backups/snapshot.py`` sees it; ``light``: data only, no HTML."""
        out = self.folder / f"snapshot-{self.label}-{time.monotonic_ns()}.json"
        self.run("-m", "tests.backups.snapshot", str(out), *(["--light"] if light else []))
        return json.loads(out.read_text())

    def fill(self):
        self.manage("migrate", "--no-input", "-v0")
        self.manage("load_demo_content")
        self.run("-m", "tests.backups.fill_site")


def free_port():
    """BACKUP_TEST_PORT when set (a developer's assigned range), else one the system picks."""
    if os.environ.get("BACKUP_TEST_PORT"):
        return int(os.environ["BACKUP_TEST_PORT"])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServedSite:
    """``runserver`` on loopback for a scratch site, with a thread requesting pages meanwhile."""

    PATHS = ("/", "/actualites/", "/ressources/", "/actualites/flux.rss", "/page-ornithorynque/")

    def __init__(self, site):
        self.site = site
        self.port = free_port()
        self.statuses = []
        self._stop = threading.Event()

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            cwd=REPO,
            env=self.site.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while self.get("/") is None:
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.__exit__(None, None, None)
                raise AssertionError("le serveur de test n'a pas démarré")
            time.sleep(0.2)
        self._thread = threading.Thread(target=self._browse, daemon=True)
        self._thread.start()
        return self

    def get(self, path):
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{self.port}{path}", timeout=10
            ) as answer:
                answer.read()
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return None

    def _browse(self):
        number = 0
        while not self._stop.is_set():
            self.statuses.append(self.get(self.PATHS[number % len(self.PATHS)]))
            number += 1

    def __exit__(self, *exc):
        self._stop.set()
        if getattr(self, "_thread", None) is not None:
            self._thread.join(timeout=15)
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
