"""Errors the services raise.

Two kinds, as in the style guide: ``KnownError`` is an expected problem the person
can act on (bad input, no permission, database locked); anything else is a bug and
goes to the one exception hook in the UI.

The core has no Qt, so it cannot translate. Each known error carries a ``code``;
the UI maps codes to translated messages (``ui/messages.py``). ``detail`` is the
untranslated technical detail, shown small under the message.
"""

from __future__ import annotations

import sys


class KnownError(Exception):
    """An expected problem with a message the UI can translate by ``code``."""

    code = "error"

    def __init__(self, detail: str = "", **params):
        super().__init__(detail or self.code)
        self.detail = detail
        self.params = params


class PermissionDenied(KnownError):
    code = "permission_denied"


class ValidationError(KnownError):
    """Bad input. ``field`` names the input it belongs to, so the UI can show it there."""

    code = "invalid"

    def __init__(self, field: str, code: str, detail: str = "", **params):
        super().__init__(detail or f"{field}: {code}", **params)
        self.field = field
        self.code = code


class AuthenticationFailed(KnownError):
    code = "wrong_credentials"


class AccountLocked(KnownError):
    code = "account_locked"


class AccountInactive(KnownError):
    code = "account_inactive"


class AccountInUse(KnownError):
    """The account has records, so it can only be deactivated."""

    code = "account_in_use"


class Conflict(KnownError):
    """Another desk saved this record after the person read it; nothing was written.

    ``current`` is the record as stored now; ``changes`` lists (field, the value the
    person started from, the value the other desk saved), so the UI can say what
    changed and offer "keep mine" (save again over ``current``) or "take theirs".
    """

    code = "edit_conflict"
    CODES = {"complaint": "complaint_conflict", "contact": "contact_conflict"}  # by table; the rest say it plainly

    def __init__(self, current: dict, changes: list[tuple[str, object, object]], detail: str = "", table: str = ""):
        super().__init__(detail or ", ".join(name for name, _, _ in changes) or "version changed")
        self.current = current
        self.changes = changes
        self.table = table
        self.code = self.CODES.get(table, "record_conflict")


class NotFound(KnownError):
    code = "not_found"


class DatabaseError(KnownError):
    """The database cannot be used. ``code`` says why."""

    code = "db_error"

    def __init__(self, code: str, detail: str = "", **params):
        super().__init__(detail, **params)
        self.code = code


class DatabaseNewer(DatabaseError):
    def __init__(self, found: int, supported: int):
        super().__init__(
            "db_newer",
            f"schema version {found}, this app supports up to {supported}",
            found=found,
            supported=supported,
        )
        self.found = found
        self.supported = supported


# What the driver's own result code means to the person. SQLite's extended codes
# (SQLITE_READONLY_DBMOVED, SQLITE_CORRUPT_INDEX, ...) count as their primary code.
SQLITE_CODES = {
    "SQLITE_FULL": "db_disk_full",
    "SQLITE_READONLY": "db_read_only",
    "SQLITE_BUSY": "db_locked",
    "SQLITE_LOCKED": "db_locked",
    "SQLITE_CORRUPT": "db_corrupt",
    "SQLITE_NOTADB": "db_corrupt",
    "SQLITE_CANTOPEN": "db_unreachable",
}
# Python 3.10's sqlite3 errors carry no result code (``sqlite_errorname`` came in 3.11), only
# SQLite's message, which for these codes is SQLite's own fixed text (``sqlite3_errstr``). An
# error without the attribute has its code read back from that text, and only from the exact
# text: a message SQLite made more specific is left unclassified (a bug report), never guessed
# from its words. On 3.11 and later this table is not used for errors SQLite reported.
SQLITE_ERRSTR = {
    "database or disk is full": "SQLITE_FULL",
    "attempt to write a readonly database": "SQLITE_READONLY",
    "database is locked": "SQLITE_BUSY",
    "database table is locked": "SQLITE_LOCKED",
    "database disk image is malformed": "SQLITE_CORRUPT",
    "file is not a database": "SQLITE_NOTADB",
    "unable to open database file": "SQLITE_CANTOPEN",
}
# PostgreSQL's SQLSTATE: disk full, read-only transaction, lock not available, deadlock, data or index corrupted.
POSTGRES_CODES = {
    "53100": "db_disk_full",
    "25006": "db_read_only",
    "55P03": "db_locked",
    "40P01": "db_locked",
    "XX001": "db_corrupt",
    "XX002": "db_corrupt",
}


def driver_error(exc: BaseException) -> BaseException:
    """The driver's own exception behind peewee's wrapper. peewee raises its own class made from the
    driver's exception, ``new_type(exc_value, *exc_value.args)``, and keeps that exception as ``orig``
    (taking it out of ``args``); it is also the implicit ``__context__``, not the ``__cause__``. A
    connection opened inside a statement is wrapped twice (peewee's error around peewee's error)."""
    for _ in range(4):
        inner = getattr(exc, "orig", None)
        if not isinstance(inner, BaseException):
            inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        if inner is None:
            break
        exc = inner
    return exc


def sqlite_error_name(exc: BaseException) -> str | None:
    """SQLite's result code of a ``sqlite3`` error (or of peewee's wrapper of one): "SQLITE_BUSY",
    "SQLITE_IOERR_WRITE", ...; None for any other error."""
    import sqlite3

    driver = driver_error(exc)
    if not isinstance(driver, sqlite3.Error):
        return None
    if hasattr(driver, "sqlite_errorname"):  # Python 3.11 on: every error SQLite reported has it
        return driver.sqlite_errorname
    return SQLITE_ERRSTR.get(str(driver))  # Python 3.10, or an error made by hand: see SQLITE_ERRSTR


def postgres_code(exc: BaseException) -> str | None:
    """The SQLSTATE of a ``psycopg2`` error (or of peewee's wrapper of one); None when there is none."""
    return getattr(driver_error(exc), "pgcode", None) or None


def _no_server_answer(exc: BaseException) -> bool:
    """A psycopg2 error that the server did not send (it has no SQLSTATE): libpq's own, about the
    line to the server (refused, no such host, closed, timed out) or a connection already closed."""
    psycopg2 = sys.modules.get("psycopg2")  # not imported: the error cannot be one of its
    driver = driver_error(exc)
    return (
        psycopg2 is not None
        and isinstance(driver, (psycopg2.OperationalError, psycopg2.InterfaceError))
        and postgres_code(driver) is None
    )


def connection_lost(exc: BaseException) -> bool:
    """The line to the database server is gone: no SQLSTATE (see ``_no_server_answer``), a connection
    exception (class 08), the server stopping or restarting (57P), or it ending an idle transaction."""
    code = postgres_code(exc)
    if code is None:
        return _no_server_answer(exc)
    return code[:2] == "08" or code.startswith("57P") or code == "25P03"


def _by_code(exc: BaseException) -> str | None:
    name = sqlite_error_name(exc)
    if name:
        return SQLITE_CODES.get("_".join(name.split("_")[:2]))
    code = postgres_code(exc)
    if code:
        if code[:2] in ("08", "28") or code.startswith("57P") or code == "3D000":
            return "db_unreachable"  # no connection, refused sign-in, server shutting down, no such database
        return POSTGRES_CODES.get(code)
    if _no_server_answer(exc):
        return "db_unreachable"
    return None


def classify_database_error(exc: BaseException) -> DatabaseError | None:
    """Turn a driver error into a ``DatabaseError`` with a code the person can act on.

    Decided by the driver's result code alone: SQLite's (``sqlite_error_name``) and PostgreSQL's
    SQLSTATE (``pgcode``); a psycopg2 error without one is libpq's about the connection. Never by
    the wording, which changes with the driver's version and language. Returns None when the
    error is not a known environmental problem (then it is a bug).
    """
    if isinstance(exc, DatabaseError):
        return exc
    code = _by_code(exc)
    return None if code is None else DatabaseError(code, str(exc))
