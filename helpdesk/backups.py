"""Backups of the database: dated copies in a folder, each checked after it is written, rotated,
and restored.

A SQLite database is copied with SQLite's online backup API, which reads a consistent picture of
the file while desks keep working in it. The copy is written under a temporary name in the
backups folder, checked with ``PRAGMA integrity_check``, and only then given its dated name
(``helpdesk-20261130-091500.sqlite``: the database file's name and the local time). A copy that
fails the check is deleted and reported (``BackupFailed``). After each backup the folder keeps
the newest backup of each of the last 7 days, 4 weeks and 12 months that have one (``to_keep``).

Automatic backups (SQLite): the first start of a local day takes one (``backup_if_due``), and
quitting takes one when anything changed since the newest backup (``backup_if_changed``: the
audit trail's newest entry is the change marker; every change writes one). A PostgreSQL office
backs up on request only: ``backup_now`` writes a portable SQLite copy of the whole database
(``helpdesk.copying.copy_database``).

``restore`` puts a backup back in place of a SQLite database, keeping the data it replaces
beside it as ``NAME.before-restore-YYYYMMDD-HHMM.sqlite``, and records who restored what in the
audit trail of the restored database. A backup that fails its check is refused before anything
is touched.

The backups folder is an office setting (``backup_folder``) that supervisors choose; empty means
a ``backups`` folder in the user's data folder (``HELPDESK_BACKUPS`` names another, for tests
and administrators). Folders are created readable by their owner only (0700), files 0600.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import sys
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .clock import to_local, utcnow
from .config import APP_AUTHOR, APP_NAME, sqlite_path
from .errors import KnownError

log = logging.getLogger(__name__)

ENV_FOLDER = "HELPDESK_BACKUPS"
SETTING = "backup_folder"
SUFFIX = ".sqlite"
PARTIAL = ".partial"
STAMP = "%Y%m%d-%H%M%S"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
OK, DAMAGED = "ok", "damaged"  # the states a listed backup can be in
BUSY_TIMEOUT_SECONDS = 15
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600
LEFTOVER_AGE = timedelta(days=1)  # a temporary file this old is the remains of an interrupted backup


class BackupFailed(KnownError):
    """A backup could not be written, or failed its check and was deleted."""

    code = "backup_failed"


class BackupDamaged(KnownError):
    """The chosen backup is damaged or not a help-desk database; nothing was replaced."""

    code = "backup_damaged"


class BackupFolderUnusable(KnownError):
    """The backups folder cannot be created or written to."""

    code = "backup_folder_unusable"


class RestoreFailed(KnownError):
    """The backup could not be put in place (the folder of the database cannot be written, say);
    the database is as it was."""

    code = "restore_failed"


class RestoreOnServer(KnownError):
    """A PostgreSQL database is not restored in place; the README says how to load a copy."""

    code = "restore_on_server"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime  # local time, as in the file name
    size: int  # bytes
    state: str  # OK, or DAMAGED when the file is not a whole SQLite file (truncated, overwritten)


# --- where --------------------------------------------------------------------------------------


def default_folder() -> Path:
    given = os.environ.get(ENV_FOLDER, "").strip()
    if given:
        return Path(given).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR) / "backups"


def backup_folder() -> Path:
    """The office's backups folder (the database must be open)."""
    from . import settings

    chosen = str(settings.get(SETTING) or "").strip()
    return Path(chosen).expanduser() if chosen else default_folder()


def set_folder(actor, chosen: str | Path | None, version: int | None = None) -> Path:
    """A supervisor chooses the backups folder (None or "" for the default). It is created (0700)
    and must take a file, else ``BackupFolderUnusable`` and nothing is stored."""
    from . import settings
    from .permissions import require_supervisor

    require_supervisor(actor)
    text = str(chosen).strip() if chosen else ""
    where = Path(text).expanduser() if text else default_folder()
    _usable_folder(where)
    settings.set_value(actor, SETTING, text, version)
    return where


def base_name(target: str) -> str:
    """What the backups of ``target`` are called: the file's name, or the server database's."""
    path = sqlite_path(target)
    if path is not None:
        return path.stem
    from urllib.parse import urlsplit

    name = urlsplit(target).path.strip("/") or "helpdesk"
    return re.sub(r"[^\w.-]", "_", name)


def current_target() -> str:
    """The open database as a target ``migrations.open_and_migrate`` and ``copy_database`` take: the
    SQLite file's path, or a postgresql:// URL with the connection's own parameters (password too)."""
    from urllib.parse import quote, urlencode

    import peewee as pw

    from .db import database

    opened = database.obj
    if opened is None:
        raise RuntimeError("no database is open")
    if isinstance(opened, pw.SqliteDatabase):
        return str(opened.database)
    params = dict(opened.connect_params)
    user, password = params.pop("user", ""), params.pop("password", "")
    host, port = params.pop("host", ""), params.pop("port", "")
    params.pop("connect_timeout", None)
    who = quote(str(user), safe="") + (":" + quote(str(password), safe="") if password else "")
    where = f"{host}:{port}" if port else str(host)
    query = f"?{urlencode(params)}" if params else ""
    return f"postgresql://{who}{'@' if who else ''}{where}/{quote(str(opened.database), safe='')}{query}"


def _pattern(base: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(base)}-(\d{{8}}-\d{{6}}){re.escape(SUFFIX)}$")


def local_now() -> datetime:
    return to_local(utcnow())


# --- private files --------------------------------------------------------------------------------


def _private_folder(where: Path) -> None:
    existed = where.exists()
    where.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if not existed and sys.platform != "win32":
        os.chmod(where, PRIVATE_FOLDER)  # mkdir's mode is narrowed by the umask, never widened: make sure


def _private_file(path: Path) -> None:
    """Create ``path`` empty, readable by its owner only; SQLite keeps the mode of a file it finds."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(descriptor)
    _make_private(path)


def _make_private(path: Path) -> None:
    if sys.platform != "win32" and path.exists():
        os.chmod(path, PRIVATE_FILE)


def _usable_folder(where: Path) -> None:
    try:
        _private_folder(where)
        probe = where / f".probe-{uuid.uuid4().hex[:8]}"
        _private_file(probe)
        probe.unlink()
    except OSError as exc:
        raise BackupFolderUnusable(f"{where}: {exc.strerror or exc}", path=str(where)) from exc


# --- checking -------------------------------------------------------------------------------------


def _looks_whole(path: Path) -> bool:
    """A cheap look at the header: a SQLite file whose size is what its header says."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(head) < 100 or not head.startswith(b"SQLite format 3\x00"):
        return False
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or size % page_size:
        return False
    pages_valid = head[24:28] == head[92:96]  # the in-header size is trusted only then
    return not pages_valid or int.from_bytes(head[28:32], "big") * page_size == size


def check(path: Path) -> str | None:
    """None when ``path`` is a whole help-desk database (``PRAGMA integrity_check`` says ok and it
    has a schema version); else, in English, what is wrong (for the log and the detail line)."""
    path = Path(path)
    if not path.is_file():
        return "no such file"
    if not _looks_whole(path):
        return "not a whole SQLite database (damaged, truncated or another kind of file)"
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
            if rows != [("ok",)]:
                return "integrity check failed: " + "; ".join(str(r[0]) for r in rows[:3])
            if con.execute("SELECT name FROM sqlite_master WHERE name = 'schema_version'").fetchone() is None:
                return "not a help-desk database"
        finally:
            con.close()
    except sqlite3.Error as exc:
        return f"integrity check failed: {exc}"
    return None


def schema_version(path: Path) -> int:
    con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0
    finally:
        con.close()


# --- rotation -------------------------------------------------------------------------------------


def to_keep(
    taken: Iterable[datetime], daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY, monthly: int = KEEP_MONTHLY
) -> set[datetime]:
    """Which of the backups taken at ``taken`` (local times) to keep: the newest of each of the last
    ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months that have a backup."""
    newest_first = sorted(set(taken), reverse=True)
    kept: set[datetime] = set()
    buckets: tuple[tuple[int, Callable[[datetime], object]], ...] = (
        (daily, lambda t: t.date()),
        (weekly, lambda t: t.isocalendar()[:2]),
        (monthly, lambda t: (t.year, t.month)),
    )
    for count, bucket in buckets:
        seen: set = set()
        for moment in newest_first:
            if len(seen) >= count:
                break
            key = bucket(moment)
            if key not in seen:
                seen.add(key)
                kept.add(moment)
    return kept


def prune(where: Path, base: str) -> list[Path]:
    """Delete the backups of ``base`` in ``where`` that ``to_keep`` lets go, and temporary files left
    by backups that were interrupted long ago. Returns what was deleted."""
    found = _found(where, base)
    keep = to_keep(found)
    gone = []
    for taken, path in found.items():
        if taken not in keep:
            path.unlink(missing_ok=True)
            gone.append(path)
    limit = (datetime.now() - LEFTOVER_AGE).timestamp()
    for leftover in where.glob(f".{base}-*{PARTIAL}"):
        try:
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
                gone.append(leftover)
        except OSError:
            pass
    return gone


def _found(where: Path, base: str) -> dict[datetime, Path]:
    pattern = _pattern(base)
    found = {}
    try:
        names = os.listdir(where)
    except OSError:
        return {}
    for name in names:
        match = pattern.match(name)
        if match:
            try:
                found[datetime.strptime(match.group(1), STAMP)] = where / name
            except ValueError:
                continue
    return found


# --- backing up ---------------------------------------------------------------------------------------


def list_backups(target: str, where: Path | None = None) -> list[Backup]:
    """The backups of ``target`` in its folder, newest first."""
    where = Path(where) if where is not None else backup_folder()
    out = []
    for taken, path in _found(where, base_name(target)).items():
        try:
            size = path.stat().st_size
        except OSError:
            continue
        out.append(Backup(path, taken, size, OK if _looks_whole(path) else DAMAGED))
    return sorted(out, key=lambda b: b.taken, reverse=True)


def due(target: str, where: Path | None = None) -> bool:
    """True at the first start of a local day: a SQLite database with no backup taken today."""
    if sqlite_path(target) is None:
        return False
    today = local_now().date()
    return not any(b.taken.date() == today for b in list_backups(target, where))


def backup_if_due(target: str, where: Path | None = None) -> Backup | None:
    """The day's first backup, when it is due (``due``); None when not."""
    where = Path(where) if where is not None else backup_folder()
    return take(target, where) if due(target, where) else None


def changed_since_backup(target: str, where: Path | None = None) -> bool:
    """Whether anything was written since the newest backup: the audit trail's newest entry differs
    from the one in that backup (every change writes one)."""
    from . import audit
    from .models import AuditEntry

    newest = next((b for b in list_backups(target, where) if b.state == OK), None)
    if newest is None:
        return True
    try:
        con = sqlite3.connect(f"{newest.path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = con.execute(f"SELECT MAX(id) FROM {AuditEntry._meta.table_name}").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return True
    return (row[0] or 0) != audit.latest_id()


def backup_if_changed(target: str, where: Path | None = None) -> Backup | None:
    """On quit: a backup of a SQLite database when anything changed since the newest one."""
    if sqlite_path(target) is None:
        return None
    where = Path(where) if where is not None else backup_folder()
    return take(target, where) if changed_since_backup(target, where) else None


def backup_now(actor, target: str, folder: str | Path | None = None) -> Backup:
    """A supervisor's backup, now: to ``folder`` or the office's backups folder."""
    from .permissions import require_supervisor

    require_supervisor(actor)
    return take(target, Path(folder).expanduser() if folder else backup_folder())


def take(target: str, where: Path, progress: Callable[[float], None] | None = None) -> Backup:
    """Write, check and name one backup of ``target`` in ``where``, then rotate the folder. No
    permission check: the automatic backups are the app's own; people go through ``backup_now``."""
    where = Path(where)
    _usable_folder(where)
    base = base_name(target)
    stamp = local_now()
    while (where / f"{base}-{stamp.strftime(STAMP)}{SUFFIX}").exists():
        stamp += timedelta(seconds=1)  # two backups in one second: the second one a second later
    final = where / f"{base}-{stamp.strftime(STAMP)}{SUFFIX}"
    temp = where / f".{final.name}.{uuid.uuid4().hex[:8]}{PARTIAL}"
    try:
        source = sqlite_path(target)
        if source is not None:
            _copy_sqlite(source, temp, progress)
        else:
            _copy_server(target, temp)
        _settle(temp)
        problem = check(temp)
    except (sqlite3.Error, OSError) as exc:
        problem = str(exc)
    except BaseException:
        _remove(temp)
        raise
    if problem is not None:
        _remove(temp)
        log.error("backup of %s failed and was deleted: %s", base, problem)
        raise BackupFailed(f"the backup could not be written or failed its check: {problem}", path=str(where))
    os.replace(temp, final)
    _make_private(final)
    log.info("backed up %s to %s", base, final)
    try:
        prune(where, base)
    except OSError as exc:  # an old backup that cannot be deleted does not undo the new one
        log.warning("could not rotate the backups in %s: %s", where, exc)
    return Backup(final, stamp.replace(microsecond=0), final.stat().st_size, OK)


def _remove(path: Path) -> None:
    for leftover in [path] + [path.with_name(path.name + suffix) for suffix in ("-journal", "-wal", "-shm")]:
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass


def _copy_sqlite(source: Path, dest: Path, progress: Callable[[float], None] | None = None) -> None:
    """The whole of ``source`` (with what its write-ahead log holds) into the new file ``dest``,
    through SQLite's online backup API: a consistent picture, while other desks go on working."""
    if not source.is_file():
        raise BackupFailed(f"{source}: no such database file")
    _private_file(dest)
    src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_SECONDS)
    try:
        dst = sqlite3.connect(str(dest))
        try:
            report = (
                (lambda _status, remaining, total: progress(1 - remaining / total if total else 1.0))
                if progress is not None
                else None
            )
            src.backup(dst, progress=report)
        finally:
            dst.close()
    finally:
        src.close()


def _copy_server(target: str, dest: Path) -> None:
    from .copying import copy_database  # only a PostgreSQL office needs it

    copy_database(target, str(dest))
    _make_private(dest)


def _settle(path: Path) -> None:
    """A backup is one self-contained file: no write-ahead log beside it."""
    con = sqlite3.connect(str(path))
    try:
        con.execute("PRAGMA journal_mode=DELETE").fetchall()
    finally:
        con.close()


# --- restoring ----------------------------------------------------------------------------------------


class _DatabaseRecord:
    """What a restore is recorded against in the audit trail: the database itself."""

    class _meta:
        table_name = "database"

    def __init__(self, name: str):
        self._name = name[:64]

    def get_id(self) -> str:
        return self._name


def aside_path(path: Path, when: datetime) -> Path:
    """Where the data a restore replaces is kept: ``NAME.before-restore-YYYYMMDD-HHMM.sqlite``."""
    aside = path.with_name(f"{path.stem}.before-restore-{when:%Y%m%d-%H%M}{path.suffix or SUFFIX}")
    number = 2
    while aside.exists():
        aside = path.with_name(f"{path.stem}.before-restore-{when:%Y%m%d-%H%M}-{number}{path.suffix or SUFFIX}")
        number += 1
    return aside


def restore(actor, backup_path: str | Path, target: str) -> Path:
    """Put the backup at ``backup_path`` in place of the SQLite database ``target`` and reopen it.

    A supervisor's work. The backup is checked first; a damaged one is refused (``BackupDamaged``)
    and nothing is replaced. Then this desk's connection is closed, the current data is copied aside
    (``aside_path``), the backup is written over the database through SQLite's backup API (so no
    stale write-ahead log of the old data can apply to it, and a desk that still has the file open
    reads the restored data), the database is reopened and migrated, and the restore is recorded in
    its audit trail. Returns where the replaced data was kept."""
    from . import db as dbmod
    from .permissions import require_supervisor

    require_supervisor(actor)
    path, backup_path = _restorable(backup_path, target)
    username, actor_id = actor.username, actor.id
    aside = aside_path(path, local_now())
    dbmod.close()
    try:
        if path.exists():
            _copy_sqlite(path, aside)
        into = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS)
        try:
            source = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                source.backup(into)
            finally:
                source.close()
        finally:
            into.close()
        _make_private(path)
    except sqlite3.Error as exc:
        from .errors import classify_database_error

        known = classify_database_error(exc)
        raise (known or exc) from exc
    except OSError as exc:
        raise RestoreFailed(
            f"cannot keep the current data aside as {aside}: {exc.strerror or exc}", path=str(aside)
        ) from exc
    return _reopened(target, path, backup_path, aside, username, actor_id)


def restore_over_damaged(username: str, password: str, backup_path: str | Path, target: str) -> Path:
    """Put a backup in place of a SQLite database that cannot be opened (damaged, cut short, empty,
    not a database), when nobody can sign in against it.

    The person signs in against the backup's own accounts instead (on a scratch copy of it, deleted
    afterwards, so the backup is not changed by the sign-in) and must be a supervisor there. The
    unusable file (and its -wal) is moved aside as it is (``aside_path``), a checked copy of the
    backup takes its place, and the database is opened, migrated and the restore recorded, as by
    ``restore``. Returns where the unusable file was kept."""
    import shutil
    import tempfile

    from . import accounts, migrations
    from . import db as dbmod
    from .permissions import require_supervisor

    path, backup_path = _restorable(backup_path, target)
    dbmod.close()
    scratch = Path(tempfile.mkdtemp(prefix="helpdesk-restore-"))
    try:
        _copy_sqlite(backup_path, scratch / "backup.sqlite")
        migrations.open_and_migrate(str(scratch / "backup.sqlite"), check=False)
        try:
            actor = require_supervisor(accounts.authenticate(username, password))
            actor_id = actor.id
        finally:
            dbmod.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    aside = aside_path(path, local_now())
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}{PARTIAL}")
    try:
        _copy_sqlite(backup_path, temp)
        _settle(temp)
        for suffix in ("", "-wal", "-shm"):
            old = path.with_name(path.name + suffix)
            if old.exists():
                if suffix == "-shm":
                    old.unlink()  # an index into the old log: of no use to anyone
                else:
                    os.replace(old, aside.with_name(aside.name + suffix))
                    _make_private(aside.with_name(aside.name + suffix))  # made by an older app, maybe 0644
        os.replace(temp, path)
        _make_private(path)
    except (OSError, sqlite3.Error) as exc:
        _remove(temp)
        raise RestoreFailed(f"cannot put the backup in place of {path}: {exc}", path=str(path)) from exc
    return _reopened(target, path, backup_path, aside, username, actor_id)


def _restorable(backup_path: str | Path, target: str) -> tuple[Path, Path]:
    """The database file and the backup, once the backup is known to be whole and not too new."""
    from . import migrations
    from .errors import DatabaseNewer

    path = sqlite_path(target)
    if path is None:
        raise RestoreOnServer("a PostgreSQL database is not restored in place: load the copy with copy-database")
    backup_path = Path(backup_path).expanduser()
    problem = check(backup_path)
    if problem is not None:
        raise BackupDamaged(f"{backup_path} cannot be restored: {problem}", path=str(backup_path))
    if path.exists() and backup_path.resolve() == path.resolve():
        raise BackupDamaged(f"{backup_path} is the database itself", path=str(backup_path))
    found = schema_version(backup_path)
    if found > migrations.LATEST:
        raise DatabaseNewer(found, migrations.LATEST)
    return path, backup_path


def _reopened(target: str, path: Path, backup_path: Path, aside: Path, username: str, actor_id: int) -> Path:
    """Open and migrate the restored database and record the restore in its audit trail."""
    from . import audit, migrations
    from .db import database
    from .models import Staff

    migrations.open_and_migrate(target)
    with database.atomic():
        who = Staff.get_or_none((Staff.id == actor_id) & (Staff.username == username))
        audit.record(
            who,
            "restore",
            _DatabaseRecord(path.name),
            None,
            {"backup": str(backup_path), "kept_aside": str(aside), "by": username},
        )
    log.info("%s restored %s from %s; the replaced data is kept in %s", username, path, backup_path, aside)
    return aside
