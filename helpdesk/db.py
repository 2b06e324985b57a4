"""The one database proxy, and how a chosen database is opened and bound.

SQLite files get WAL, foreign keys and a busy timeout; a ``postgresql://`` URL is
opened through ``playhouse.db_url``. Which database to use is ``config.py``'s job.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee

from .config import sqlite_path
from .errors import classify_database_error

database = peewee.DatabaseProxy()

BUSY_TIMEOUT_SECONDS = 15  # how long a desk waits for another desk's write before it says so

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_SECONDS * 1000,
    "synchronous": "normal",
}


def open_database(target: str) -> peewee.Database:
    """Create (not yet connect) the peewee database for ``target``."""
    path = sqlite_path(target)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Every transaction takes the write lock when it begins (BEGIN IMMEDIATE): a read followed
        # by a write inside it then waits its turn behind another desk's write, instead of failing
        # at once with "database is locked" when it tries to upgrade its read lock.
        return peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=BUSY_TIMEOUT_SECONDS,
                                     lock_type="IMMEDIATE")
    from playhouse.db_url import connect as connect_url  # only offices with a server pay for this import

    return connect_url(target)


def peek_sqlite_user_version(path: Path) -> int | None:
    """Read the schema version of a SQLite file without changing a byte of it.

    Used before peewee applies its pragmas, so a database from a newer version of
    the app is refused untouched. Returns None when the file has no schema table.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    # With no write-ahead log beside it, the file alone holds the truth: open it as
    # immutable so not even a -shm file is created. Otherwise read through the log.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    con = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
        ).fetchone()
        if row is None:
            return None
        row = con.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else None
    finally:
        con.close()


def bind(db: peewee.Database) -> None:
    """Point the proxy at ``db`` and connect, turning driver errors into known ones."""
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
    except peewee.PeeweeException as exc:
        known = classify_database_error(exc)
        raise (known or exc) from exc
    except sqlite3.Error as exc:  # pragma: no cover - raised before peewee wraps it
        known = classify_database_error(exc)
        raise (known or exc) from exc


def close() -> None:
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
