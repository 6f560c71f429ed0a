"""Saving and bringing back the database, whatever the engine the settings name.

PostgreSQL: ``pg_dump`` in its custom format (a consistent snapshot taken while the site runs)
and ``pg_restore`` in a single transaction, with client tools of the server's major version.
SQLite: Python's ``sqlite3`` online backup API, which copies a consistent state of a database
other connections are writing to, and replaces the target's whole content when restoring.
Connection parameters come from ``settings.DATABASES``: the same environment as the site.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections

from . import BackupError


def for_alias(alias="default"):
    connection = connections[alias]
    if connection.vendor == "postgresql":
        return PostgresDatabase(connection)
    if connection.vendor == "sqlite":
        return SqliteDatabase(connection)
    raise BackupError(f"Moteur de base de données non pris en charge : {connection.vendor}.")


class Database:
    engine = ""
    filename = ""

    def __init__(self, connection):
        self.connection = connection

    def is_empty(self):
        """True when the database has no table at all (nothing a restore could overwrite)."""
        with self.connection.cursor() as cursor:
            return not self.connection.introspection.table_names(cursor)

    def describe(self):
        return {"engine": self.engine, "file": self.filename}


class PostgresDatabase(Database):
    engine = "postgresql"
    filename = "database.pgdump"

    def _environment(self):
        """libpq variables from settings.DATABASES, so no password shows in a process list."""
        params = self.connection.settings_dict
        env = dict(os.environ)
        for key, variable in (
            ("NAME", "PGDATABASE"),
            ("USER", "PGUSER"),
            ("PASSWORD", "PGPASSWORD"),
            ("HOST", "PGHOST"),
            ("PORT", "PGPORT"),
        ):
            if params.get(key):
                env[variable] = str(params[key])
        for option, variable in (
            ("sslmode", "PGSSLMODE"),
            ("sslrootcert", "PGSSLROOTCERT"),
            ("sslcert", "PGSSLCERT"),
            ("sslkey", "PGSSLKEY"),
        ):
            if params.get("OPTIONS", {}).get(option):
                env[variable] = str(params["OPTIONS"][option])
        return env

    def server_major(self):
        self.connection.ensure_connection()
        return self.connection.pg_version // 10000

    def tool(self, name):
        """``pg_dump`` or ``pg_restore`` of the server's major version.

        Debian installs each major version's tools in /usr/lib/postgresql/<major>/bin;
        ``PG_BIN_DIR`` points elsewhere. An older pg_dump refuses a newer server, and a
        pg_restore older than the pg_dump that wrote an archive cannot read it.
        """
        major = self.server_major()
        candidates = [
            Path(os.environ["PG_BIN_DIR"]) / name if os.environ.get("PG_BIN_DIR") else None,
            Path(f"/usr/lib/postgresql/{major}/bin/{name}"),
            Path(shutil.which(name)) if shutil.which(name) else None,
        ]
        for candidate in filter(None, candidates):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                version = subprocess.run(
                    [str(candidate), "--version"], capture_output=True, text=True, check=False
                ).stdout
                found = re.search(r"(\d+)(?:\.\d+)?", version)
                if found and int(found.group(1)) == major:
                    return str(candidate)
        raise BackupError(
            f"{name} {major} introuvable : installez le client PostgreSQL {major} "
            f"(paquet postgresql-client-{major}) ou indiquez son dossier dans PG_BIN_DIR."
        )

    def _run(self, command):
        result = subprocess.run(
            command, env=self._environment(), capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise BackupError(f"{Path(command[0]).name} a échoué : {result.stderr.strip()}")
        return result

    def dump(self, path):
        self._run([self.tool("pg_dump"), "--format=custom", "--file", str(path)])

    def describe(self):
        return {**super().describe(), "server_major": self.server_major()}

    def clear(self):
        """Drop every table of the database (``restore --force``) before pg_restore."""
        with self.connection.cursor() as cursor:
            tables = self.connection.introspection.table_names(cursor)
            for table in tables:
                cursor.execute(
                    f"DROP TABLE IF EXISTS {self.connection.ops.quote_name(table)} CASCADE"
                )
        self.connection.close()

    def load(self, path):
        # pg_restore works through its own connection: close ours so nothing holds a lock.
        self.connection.close()
        self._run(
            [
                self.tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
                self.connection.settings_dict["NAME"],
                str(path),
            ]
        )


class SqliteDatabase(Database):
    engine = "sqlite"
    filename = "database.sqlite3"

    @property
    def path(self):
        name = str(self.connection.settings_dict["NAME"])
        if name == ":memory:" or name.startswith("file::memory:"):
            raise BackupError("Une base SQLite en mémoire ne se sauvegarde pas.")
        return name

    def is_empty(self):
        if not os.path.exists(self.path) or os.path.getsize(self.path) == 0:
            return True
        return super().is_empty()

    def dump(self, path):
        _sqlite_copy(self.path, path)

    def clear(self):
        """Nothing to do: the backup API replaces the target's whole content."""
        self.connection.close()

    def load(self, path):
        self.connection.close()
        _sqlite_copy(path, self.path)


def _sqlite_copy(source_path, target_path):
    """Copy the SQLite database at ``source_path`` (opened read-only) over ``target_path`` with
    SQLite's online backup API, consistent even while the site writes."""
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(target_path)
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()
