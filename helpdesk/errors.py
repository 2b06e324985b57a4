"""Errors the services raise.

Two kinds, as in the style guide: ``KnownError`` is an expected problem the person
can act on (bad input, no permission, database locked); anything else is a bug and
goes to the one exception hook in the UI.

The core has no Qt, so it cannot translate. Each known error carries a ``code``;
the UI maps codes to translated messages (``ui/messages.py``). ``detail`` is the
untranslated technical detail, shown small under the message.
"""
from __future__ import annotations


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

    def __init__(self, current: dict, changes: list[tuple[str, object, object]], detail: str = "",
                 table: str = ""):
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
}
# PostgreSQL's SQLSTATE: disk full, read-only transaction, lock not available, data or index corrupted.
POSTGRES_CODES = {
    "53100": "db_disk_full",
    "25006": "db_read_only",
    "55P03": "db_locked",
    "40P01": "db_locked",
    "XX001": "db_corrupt",
    "XX002": "db_corrupt",
}


def _driver_error(exc: BaseException) -> BaseException:
    """The driver's own exception behind peewee's wrapper (peewee passes it as the first argument)."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
    return inner if inner is not None else exc


def _by_code(exc: BaseException) -> str | None:
    driver = _driver_error(exc)
    name = getattr(driver, "sqlite_errorname", None)
    if name:
        parts = name.split("_")
        return SQLITE_CODES.get("_".join(parts[:2]))
    pgcode = getattr(driver, "pgcode", None)
    if pgcode:
        if pgcode[:2] in ("08", "28") or pgcode.startswith("57P") or pgcode == "3D000":
            return "db_unreachable"  # no connection, refused sign-in, server shutting down, no such database
        return POSTGRES_CODES.get(pgcode)
    return None


def classify_database_error(exc: BaseException) -> DatabaseError | None:
    """Turn a driver error into a ``DatabaseError`` with a code the person can act on.

    The driver's result code decides where it has one (``sqlite_errorname``, ``pgcode``); the
    wording only where it has none (a connection that never opened, an older driver).
    Returns None when the error is not a known environmental problem (then it is a bug).
    """
    if isinstance(exc, DatabaseError):
        return exc
    code = _by_code(exc)
    if code is not None:
        return DatabaseError(code, str(exc))
    text = str(exc).lower()
    name = type(exc).__name__
    if "database is locked" in text or "database table is locked" in text or "could not obtain lock" in text:
        return DatabaseError("db_locked", str(exc))
    if "readonly database" in text or "read-only" in text or "read only" in text:
        return DatabaseError("db_read_only", str(exc))
    if "disk is full" in text or "no space left" in text or "disk full" in text:
        return DatabaseError("db_disk_full", str(exc))
    if (
        "unable to open database" in text
        or "could not connect" in text
        or "connection refused" in text
        or "could not translate host" in text
        or "server closed the connection" in text
        or "connection to server" in text
        or ("does not exist" in text and "database" in text)
        or "password authentication failed" in text
        or name in {"InterfaceError"}
    ):
        return DatabaseError("db_unreachable", str(exc))
    if "file is not a database" in text or "malformed" in text:
        return DatabaseError("db_corrupt", str(exc))
    return None
