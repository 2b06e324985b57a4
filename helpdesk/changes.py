"""What changed, told to every desk: the record's kind (its table) and id, and the records it
belongs to (a contact belongs to its customer, a comment to its complaint).

Every change of a record is written to the audit trail (``audit.record``), and that is where it
is announced (``announce``). A desk learns of changes in one of two ways:

* PostgreSQL: the change is announced with ``pg_notify`` inside the writer's transaction, so the
  other desks hear of it when it commits, and never of a write that was rolled back. A desk
  listens on a connection of its own (``Listener``) and issues no statement at all while nothing
  happens.
* SQLite: a desk asks for the newest audit entry's id (``latest``, one light statement); when it
  moved, the entries since the last one seen (``since``) say what changed.

Both engines can be asked ``since`` at any time, e.g. right after this desk saved, so a page
follows its own desk's save at once; an entry's id makes sure nothing is delivered twice.
This module has no Qt: ``ui/changes.py`` turns it into the app's one change bus, and
``benchmarks/idle_desks.py`` runs it without a window.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import peewee as pw

from .db import database

log = logging.getLogger(__name__)

CHANNEL = "helpdesk"
DESK = uuid.uuid4().hex[:12]  # this process: a desk can tell its own changes from the others'
BATCH = 500  # entries read at once when catching up


@dataclass(frozen=True)
class Change:
    """One record written: ``kind`` is its table, ``id`` its key (as text, as the audit trail keeps
    it); ``owners`` the records it belongs to, as (kind, id); ``entry`` the audit entry's id;
    ``desk`` the process that wrote it when known (PostgreSQL); ``actor`` the staff id."""

    kind: str
    id: str
    owners: tuple[tuple[str, str], ...] = ()
    entry: int = 0
    desk: str | None = None
    actor: int | None = None

    def touches(self, kind: str, record_id) -> bool:
        key = (kind, str(record_id))
        return (self.kind, self.id) == key or key in self.owners


@dataclass
class Changes:
    """What a desk heard of at once: one or more ``Change``."""

    items: list[Change] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def kinds(self) -> set[str]:
        """The tables written, and the kinds of records they belong to."""
        out = {c.kind for c in self.items}
        out.update(kind for c in self.items for kind, _ in c.owners)
        return out

    def of(self, kind: str) -> set[str]:
        """The ids of ``kind`` written or belonged to."""
        out = {c.id for c in self.items if c.kind == kind}
        out.update(i for c in self.items for k, i in c.owners if k == kind)
        return out

    def touches(self, kind: str, record_id) -> bool:
        return any(c.touches(kind, record_id) for c in self.items)

    def only(self, kinds: Iterable[str]) -> Changes:
        wanted = set(kinds)
        return Changes([c for c in self.items if c.kind in wanted or any(k in wanted for k, _ in c.owners)])

    def tables(self) -> set[str]:
        """The tables written (not the records they belong to)."""
        return {c.kind for c in self.items}

    def by_others(self, actor_id: int | None) -> Changes:
        """The changes another desk made: by another person, or by this person on another desk (PostgreSQL
        names the desk; on SQLite the desk is not known)."""
        return Changes([c for c in self.items if c.actor != actor_id or c.desk not in (None, DESK)])

    def actors(self) -> set[int]:
        return {c.actor for c in self.items if c.actor is not None}


# --- which records a record belongs to ---------------------------------------------------------

OWNER_KINDS = ("complaint", "customer", "calm_session")  # what a page or window shows as one record


@lru_cache(maxsize=1)
def _owner_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """table -> ((column, owner kind), …): the foreign keys that make a row part of a bigger record."""
    from .models import ALL_MODELS

    out = {}
    for model in ALL_MODELS:
        pairs = tuple(
            (f.column_name, f.rel_model._meta.table_name)
            for f in model._meta.fields.values()
            if isinstance(f, pw.ForeignKeyField) and f.rel_model._meta.table_name in OWNER_KINDS
        )
        if pairs:
            out[model._meta.table_name] = pairs
    return out


def owners(kind: str, *snapshots: dict | None) -> tuple[tuple[str, str], ...]:
    """The records a row of ``kind`` belongs to, read from its snapshots (before and after: a
    contact moved to another customer touches both)."""
    found = []
    for column, owner in _owner_columns().get(kind, ()):
        for snap in snapshots:
            value = snap.get(column) if snap else None
            if value is not None and (owner, str(value)) not in found:
                found.append((owner, str(value)))
    return tuple(found)


# --- announcing -----------------------------------------------------------------------------------


def _on_postgres() -> bool:
    return isinstance(database.obj, pw.PostgresqlDatabase)


def encode(change: Change) -> str:
    return json.dumps(
        {
            "k": change.kind,
            "i": change.id,
            "o": [list(o) for o in change.owners],
            "e": change.entry,
            "d": change.desk,
            "a": change.actor,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode(payload: str) -> Change | None:
    try:
        data = json.loads(payload)
        return Change(
            str(data["k"]),
            str(data["i"]),
            tuple((str(k), str(i)) for k, i in data.get("o", ())),
            int(data.get("e") or 0),
            data.get("d"),
            data.get("a"),
        )
    except (ValueError, KeyError, TypeError):
        log.warning("an announcement that is not one: %.200r", payload)
        return None


def announce(entry, before: dict | None, after: dict | None) -> None:
    """Tell the other desks of the audit ``entry`` just written (inside the writer's transaction).

    On PostgreSQL this is one ``pg_notify``, delivered when the transaction commits. SQLite needs
    nothing: the desks read the new entry itself."""
    if not _on_postgres():
        return
    change = Change(
        entry.table_name,
        str(entry.record_id),
        owners(entry.table_name, before, after),
        int(entry.id),
        DESK,
        entry.actor_id,
    )
    database.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, encode(change)))


# --- hearing of changes ----------------------------------------------------------------------------


def latest() -> int:
    """The newest audit entry's id: the one light statement an idle SQLite desk issues per look."""
    from .models import AuditEntry

    return AuditEntry.select(pw.fn.MAX(AuditEntry.id)).scalar() or 0


def since(entry_id: int, limit: int = BATCH) -> list[Change]:
    """The changes written after audit entry ``entry_id``, oldest first (at most ``limit``).

    The before/after snapshots are read only for the tables whose rows belong to a bigger record
    (to name the owner); a setting's value, however big, stays in the database."""
    from .models import AuditEntry

    owned = list(_owner_columns())
    snap_after = pw.Case(None, [(AuditEntry.table_name.in_(owned), AuditEntry.after)], None)
    snap_before = pw.Case(None, [(AuditEntry.table_name.in_(owned), AuditEntry.before)], None)
    rows = (
        AuditEntry.select(
            AuditEntry.id,
            AuditEntry.table_name,
            AuditEntry.record_id,
            AuditEntry.actor,
            snap_before.alias("b"),
            snap_after.alias("a"),
        )
        .where(AuditEntry.id > entry_id)
        .order_by(AuditEntry.id)
        .limit(limit)
        .tuples()
    )
    out = []
    for entry, kind, record_id, actor, before, after in rows:
        snaps = [json.loads(s) for s in (before, after) if s]
        out.append(Change(kind, str(record_id), owners(kind, *snaps), int(entry), None, actor))
    return out


class Seen:
    """Which entries a desk has already heard of, so a change told twice (by a notification and a
    catch-up read) is delivered once. ``last`` is the newest entry heard of."""

    KEEP = 5_000

    def __init__(self, last: int = 0):
        self.last = last
        self._ids: set[int] = set()

    def fresh(self, changes: Iterable[Change]) -> list[Change]:
        out = []
        for change in changes:
            if change.entry:
                if change.entry in self._ids or change.entry <= self.last - self.KEEP:
                    continue
                self._ids.add(change.entry)
                self.last = max(self.last, change.entry)
            out.append(change)
        if len(self._ids) > 2 * self.KEEP:
            self._ids = {i for i in self._ids if i > self.last - self.KEEP}
        return out


class Listener:
    """A PostgreSQL connection of its own that LISTENs for announcements (no statement while idle).

    ``fileno()`` is its socket, ready to read when something arrived; ``receive()`` returns what did.
    ``receive`` raises the driver's error when the connection is lost; make a new ``Listener`` then."""

    def __init__(self, db: pw.Database | None = None):
        db = db or database.obj
        # Autocommit, with the same parameters as the desk's connection (peewee's stubs omit _connect).
        self.connection = db._connect()  # type: ignore[union-attr]
        self.said: list = []  # presence heard (helpdesk.presence.Presence), until taken
        with self.connection.cursor() as cursor:
            cursor.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return self.connection.fileno()

    def receive(self) -> list[Change]:
        """The changes announced since the last call. Anything else said on the channel (who is editing
        what: ``helpdesk.presence``) is kept in ``said`` for whoever wants it."""
        from .presence import decode as decode_presence

        self.connection.poll()
        out = []
        while self.connection.notifies:
            note = self.connection.notifies.pop(0)
            presence = decode_presence(note.payload)
            if presence is not None:
                self.said.append(presence)
                continue
            change = decode(note.payload)
            if change is not None:
                out.append(change)
        return out

    def send(self, payload: str) -> None:
        """Say something to every desk at once, outside any transaction (presence)."""
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))

    def close(self) -> None:
        try:
            self.connection.close()
        except Exception:  # noqa: BLE001 - already gone with the server
            pass


def listens() -> bool:
    """Whether this database pushes its changes (PostgreSQL) or is looked at (SQLite)."""
    return _on_postgres()
