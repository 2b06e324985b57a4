"""The one database proxy, and how a chosen database is opened and bound.

SQLite files get WAL, foreign keys and a busy timeout; a ``postgresql://`` URL is
opened as a ``ServerDatabase``, which opens a new connection by itself when the
server comes back after an outage. Which database to use is ``config.py``'s job.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

import peewee
from playhouse.shortcuts import ReconnectMixin

from . import reachability
from .config import sqlite_path
from .errors import DatabaseError, classify_database_error, connection_lost, sqlite_error_name

log = logging.getLogger(__name__)

database = peewee.DatabaseProxy()

CONNECT_TIMEOUT_SECONDS = 5  # a server that does not answer at all: give up on this try, the next call tries again

REPEATABLE = ("SELECT", "SHOW")  # statements that change nothing, so trying them again is harmless

watch = reachability.watch  # who hears that the server stopped answering, or answers again


class ServerDatabase(ReconnectMixin, peewee.PostgresqlDatabase):
    """PostgreSQL that rides out an outage.

    A connection the server dropped (a restart, a network cut) is replaced by a new one at the next
    statement, and that statement is tried again, but only where repeating it cannot write twice:
    outside a transaction, and a read or a transaction's ``BEGIN``. A statement inside a transaction
    is never tried again: the server dropped the transaction with the connection, so the save fails
    as a whole (``DatabaseError`` "db_unreachable", a known problem, with nothing written) and the
    person saves again. While the server is away every call fails at once with that error; the first
    call after it is back opens a new connection. ``watch`` hears of both moments.
    """

    reconnect_errors = ()  # a lost line is told by its code (errors.connection_lost, in _lost), not its wording
    _away = False  # the server did not answer the last try (shared by the threads)
    _away_lock = threading.Lock()

    def connect(self, reuse_if_open: bool = False) -> bool:
        # The driver's error is raised as it is: peewee calls this inside its own error wrapper, which
        # would rename a DatabaseError of ours to its own. ``_reconnect`` turns it into the known one.
        try:
            opened = super().connect(reuse_if_open)
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            self._known(exc)
            raise
        if opened:
            self._answered(True)
        return opened

    def _reconnect(self, func, *args, **kwargs):
        try:
            if not self.in_transaction() and self._broken():
                self._reopen()  # an earlier statement lost the line: a new one before trying
            try:
                return func(*args, **kwargs)
            except (peewee.OperationalError, peewee.InterfaceError) as exc:
                if not self._lost(exc):
                    raise
                if self.in_transaction() or not self._repeatable(func, args):
                    if not self.in_transaction():
                        self._forget()  # the next call opens a new connection
                    raise
                log.info("connection to the database server lost (%s); opening a new one", exc)
                self._reopen()
                return func(*args, **kwargs)
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            raise self._known(exc) from exc

    def commit(self):
        try:
            return super().commit()
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            raise self._known(exc) from exc

    def rollback(self):
        """A transaction whose connection the server dropped has already been undone by the server:
        there is nothing left to roll back, and the error that ended it is the one to report."""
        try:
            return super().rollback()
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            if not self._lost(exc):
                raise
            if not self.in_transaction():
                self._forget()

    # --- the line to the server -------------------------------------------------------------------
    def _broken(self) -> bool:
        return not self.is_closed() and bool(getattr(self._state.conn, "closed", 0))

    def _lost(self, exc: BaseException) -> bool:
        if self._broken():
            return True
        # A line that was open and is gone, told by the error's code; a connection that could not be
        # opened at all (refused, no answer) is not "lost": trying again at once would only wait twice.
        return not self.is_closed() and connection_lost(exc)

    @staticmethod
    def _repeatable(func, args) -> bool:
        if getattr(func, "__name__", "") == "begin":
            return True
        sql = args[0] if args and isinstance(args[0], str) else ""
        return sql.lstrip().upper().startswith(REPEATABLE)

    def _forget(self) -> None:
        """Drop the dead connection; the next statement opens a new one."""
        conn = self._state.conn
        self._state.reset()
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - it is gone already
                pass

    def _reopen(self) -> None:
        self._forget()
        self.connect()

    def _known(self, exc: BaseException) -> BaseException:
        known = classify_database_error(exc)
        if known is None or known.code != "db_unreachable":
            return exc
        self._answered(False)
        known.params["lost"] = True  # in the middle of a session (the UI says "not saved, Ctrl+S again")
        return known

    @classmethod
    def _answered(cls, reachable: bool) -> None:
        with cls._away_lock:
            if cls._away == (not reachable):  # nothing new to tell
                return
            cls._away = not reachable
        reachability.tell(reachable)


class FileDatabase(peewee.SqliteDatabase):
    """A SQLite file whose rollback does not hide why the transaction failed.

    When a statement fails because the disk is full (or on an I/O error), SQLite may already have
    undone the whole transaction by itself. peewee's ``ROLLBACK`` (or ``ROLLBACK TO SAVEPOINT``) then
    fails with "cannot rollback - no transaction is active", and that error replaced the one the
    person had to hear ("the disk is full"). Nothing is left to undo, so nothing is tried.
    """

    def undone(self) -> bool:
        """True when SQLite has already ended the transaction peewee believes is open."""
        conn = self._state.conn  # type: ignore[attr-defined]  # peewee sets _state in Database.__init__; its stubs omit it
        return conn is not None and not conn.in_transaction

    def rollback(self):
        if not self.undone():
            super().rollback()

    def execute_sql(self, sql, params=None, *args, **kwargs):
        # A savepoint's rollback (services nest ``atomic()`` through the proxy, which makes the
        # savepoint itself) comes here as SQL.
        if sql.startswith("ROLLBACK TO SAVEPOINT") and self.undone():
            return None
        return super().execute_sql(sql, params, *args, **kwargs)


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
        from . import private
        from .config import default_database_path

        if not path.parent.exists() or path.parent == default_database_path().parent:
            private.folder(path.parent)  # a folder of the app's own (one the person chose is left as it is)
        # 0600 before SQLite opens it: its -wal and -shm files take the database file's permissions.
        private.create_file(path)
        private.tighten(private.database_files(path))
        # Every transaction takes the write lock when it begins (BEGIN IMMEDIATE): a read followed
        # by a write inside it then waits its turn behind another desk's write, instead of failing
        # at once with "database is locked" when it tries to upgrade its read lock.
        return FileDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=BUSY_TIMEOUT_SECONDS, lock_type="IMMEDIATE")
    from playhouse.db_url import connect as connect_url  # only offices with a server pay for this
    from playhouse.db_url import parse

    params = parse(target)
    if target.split("://", 1)[0] in ("postgres", "postgresql") and params.get("database"):
        params.setdefault("connect_timeout", CONNECT_TIMEOUT_SECONDS)
        return ServerDatabase(**params)
    return connect_url(target)


SQLITE_HEADER = b"SQLite format 3\x00"


def _damaged(kind: str, detail: str) -> DatabaseError:
    """A file that cannot be the database: ``kind`` is damaged, not_database or empty."""
    return DatabaseError("db_corrupt", detail, kind=kind)


def inspect_sqlite_file(path: Path) -> None:
    """Refuse, without changing a byte, a file that cannot be a database: an empty one (0 bytes),
    one that is not SQLite at all (a text file), or one cut shorter than its header says.

    This reads the first 100 bytes only, so it costs nothing. A file that does not exist is
    fine (a new database is made there). An empty file is refused rather than turned into a
    new database: a file that exists but holds nothing is what a failed copy, a sync tool or
    a full disk leaves behind, and filling it with a fresh, empty database would look like
    every customer had gone, and bury the moment to restore a backup under new work.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    wal = path.with_name(path.name + "-wal")
    has_log = wal.exists() and wal.stat().st_size > 0
    if size == 0:
        if has_log:
            return  # the pages are still in the log: quick_check decides
        raise _damaged("empty", f"{path}: the file is empty (0 bytes)")
    with open(path, "rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise _damaged("not_database", f"{path}: not a SQLite database")
    if len(header) < 100:
        raise _damaged("damaged", f"{path}: cut short ({size} bytes)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    size_valid = header[24:28] == header[92:96]  # the header's page count is only kept by SQLite 3.7+
    if size_valid and pages and not has_log and size < pages * page_size:
        raise _damaged("damaged", f"{path}: cut short ({size:,} of {pages * page_size:,} bytes)")


def quick_check(path: Path) -> None:
    """``PRAGMA quick_check`` on the file, read-only; raises the known "damaged" error if it finds
    anything. Seconds on a large file (about 5 s warm, 13 s cold for 870 MB): the app runs it off
    the UI thread."""
    inspect_sqlite_file(path)
    if not path.exists():
        return
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
        try:
            found = [row[0] for row in con.execute("PRAGMA quick_check(20)")]
        finally:
            con.close()
    except sqlite3.Error as exc:
        known = classify_database_error(exc)
        if known is None or known.code != "db_corrupt":
            raise (known or exc) from exc
        kind = "not_database" if sqlite_error_name(exc) == "SQLITE_NOTADB" else "damaged"
        raise _damaged(kind, f"{path}: {exc}") from exc
    if found != ["ok"]:
        raise _damaged("damaged", f"{path}: {'; '.join(found[:3])}")


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
        row = con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
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
