"""Forward-only, versioned schema migrations.

Each migration is a function that receives the database and a ``playhouse.migrate``
migrator. It defines the tables it creates as frozen models of its own, so the
first schema never changes when later migrations alter a table. New features add
a new function to ``MIGRATIONS``; nobody edits an old one.

``migrate`` runs all pending migrations in one transaction. For a SQLite file it
first writes a backup copy beside the database. A database written by a newer
version of the app is refused before anything is written to it.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import peewee as pw

from . import db as dbmod
from .config import sqlite_path
from .clock import utcnow
from .errors import DatabaseNewer, classify_database_error

if TYPE_CHECKING:
    from playhouse.migrate import SchemaMigrator


def _frozen(database: pw.Database):
    class Frozen(pw.Model):
        class Meta:
            legacy_table_names = False

    Frozen._meta.set_database(database)
    return Frozen


def _0001_initial(database: pw.Database, migrator: "SchemaMigrator") -> None:
    Base = _frozen(database)

    class SchemaVersion(Base):
        version = pw.IntegerField(primary_key=True)
        applied_at = pw.DateTimeField()

    class Staff(Base):
        username = pw.CharField(max_length=64, unique=True)
        full_name = pw.CharField(max_length=200)
        role = pw.CharField(max_length=20)
        password_hash = pw.CharField(max_length=255)
        active = pw.BooleanField(default=True)
        failed_attempts = pw.IntegerField(default=0)
        locked_until = pw.DateTimeField(null=True)
        created_at = pw.DateTimeField()
        updated_at = pw.DateTimeField()

    class AuditEntry(Base):
        at = pw.DateTimeField(index=True)
        actor = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        action = pw.CharField(max_length=32)
        table_name = pw.CharField(max_length=64)
        record_id = pw.CharField(max_length=64)
        before = pw.TextField(null=True)
        after = pw.TextField(null=True)

        class Meta:
            indexes = ((("table_name", "record_id"), False),)

    class Setting(Base):
        key = pw.CharField(max_length=100, primary_key=True)
        value = pw.TextField()
        updated_at = pw.DateTimeField()

    database.create_tables([SchemaVersion, Staff, AuditEntry, Setting])


def _0002_customers(database: pw.Database, migrator: "SchemaMigrator") -> None:
    Base = _frozen(database)

    class Staff(Base):
        class Meta:
            table_name = "staff"

    class Customer(Base):
        kind = pw.CharField(max_length=20, default="person")
        given_name = pw.CharField(max_length=100, default="")
        family_name = pw.CharField(max_length=100, default="")
        organisation = pw.CharField(max_length=200, default="")
        phone = pw.CharField(max_length=32, default="", index=True)
        email = pw.CharField(max_length=254, default="")
        preferred_language = pw.CharField(max_length=8, default="fa")
        notes = pw.TextField(default="")
        created_at = pw.DateTimeField()
        created_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        updated_at = pw.DateTimeField()
        updated_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
        version = pw.IntegerField(default=1)

    database.create_tables([Customer])


Migration = Callable[[pw.Database, "SchemaMigrator"], None]

MIGRATIONS: list[tuple[int, Migration]] = [
    (1, _0001_initial),
    (2, _0002_customers),
]
LATEST = MIGRATIONS[-1][0]


@dataclass
class MigrationResult:
    from_version: int
    to_version: int
    backup: Path | None


def current_version(database: pw.Database) -> int:
    if "schema_version" not in database.get_tables():
        return 0
    row = database.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _migrator(database: pw.Database) -> "SchemaMigrator":
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator

    if isinstance(database, pw.PostgresqlDatabase):
        return PostgresqlMigrator(database)
    return SqliteMigrator(database)


def backup_sqlite(path: Path, version: int) -> Path:
    """Copy a SQLite file with the online backup API (safe with WAL) before migrating."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-v{version}-{stamp}{path.suffix or '.sqlite'}")
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def migrate(database: pw.Database, target: int | None = None, sqlite_file: Path | None = None) -> MigrationResult:
    """Bring ``database`` (already connected) up to ``target`` (default: the newest)."""
    goal = LATEST if target is None else target
    found = current_version(database)
    if found > LATEST:
        raise DatabaseNewer(found, LATEST)
    pending = [(v, fn) for v, fn in MIGRATIONS if found < v <= goal]
    if not pending:
        return MigrationResult(found, found, None)
    backup = backup_sqlite(sqlite_file, found) if sqlite_file is not None and found > 0 else None
    migrator = _migrator(database)
    postgres = isinstance(database, pw.PostgresqlDatabase)
    with (database.atomic() if postgres else database.atomic("IMMEDIATE")):
        if postgres:
            # Several desks may start at once against one server: one migrates, the others wait.
            database.execute_sql("SELECT pg_advisory_xact_lock(7318001)")
            found = current_version(database)
            pending = [(v, fn) for v, fn in MIGRATIONS if found < v <= goal]
        for version, fn in pending:
            fn(database, migrator)
            database.execute_sql(
                f"INSERT INTO schema_version (version, applied_at) VALUES ({database.param}, {database.param})",
                (version, utcnow()),
            )
    return MigrationResult(found, pending[-1][0] if pending else found, backup)


def open_and_migrate(target: str) -> tuple[pw.Database, MigrationResult]:
    """Open the database the person chose, refuse a newer one untouched, and migrate it."""
    path = sqlite_path(target)
    if path is not None:
        try:
            peeked = dbmod.peek_sqlite_user_version(path)
        except sqlite3.Error as exc:
            raise (classify_database_error(exc) or exc) from exc
        if peeked is not None and peeked > LATEST:
            raise DatabaseNewer(peeked, LATEST)
    database = dbmod.open_database(target)
    dbmod.bind(database)
    try:
        result = migrate(database, sqlite_file=path)
    except DatabaseNewer:
        dbmod.close()
        raise
    except (pw.PeeweeException, sqlite3.Error) as exc:
        dbmod.close()
        known = classify_database_error(exc)
        raise (known or exc) from exc
    return database, result
