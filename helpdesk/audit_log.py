"""The audit trail as supervisors read it: newest first, filtered, a page at a time, and to CSV.

``audit.py`` writes the trail (one ``AuditEntry`` per change, with the record's fields
before and after as JSON); this module only reads it, and only for supervisors: every
function takes the acting person and checks, against the database, that they are one.

Pages are found by key, not by position: the next page is the entries with an id below
the last one seen (``WHERE id < ? ORDER BY id DESC LIMIT ?``), so the thousandth page
costs what the first does however long the trail. Periods are given in UTC
(``since`` inclusive, ``until`` exclusive); ``local_period`` turns the days of the
person's calendar into those bounds.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path

import peewee as pw

from .clock import as_datetime, from_local, to_local
from .db import database
from .errors import NotFound
from .models import AuditEntry, Staff
from .permissions import require_supervisor

PAGE = 100
SIGN_IN_ACTIONS = ("sign_in", "sign_in_failed", "sign_in_locked", "sign_in_inactive")
# Bookkeeping a person did not change: not counted among an entry's changed fields.
BOOKKEEPING = {"version", "updated_at", "updated_by", "updated_by_id"}


@dataclass(frozen=True)
class AuditFilter:
    """Which entries: by whom (a staff id), which kind of record (a table name), which record
    (its number), which action, and when (UTC: ``since`` inclusive, ``until`` exclusive)."""

    person: int | None = None
    kind: str | None = None
    record: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def of_record(self) -> bool:
        return self.kind is not None and self.record is not None


def local_period(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """The UTC bounds of the days ``first`` to ``last`` (both included) of this computer's calendar."""
    since = from_local(datetime.combine(first, time())) if first is not None else None
    until = from_local(datetime.combine(last + timedelta(days=1), time())) if last is not None else None
    return since, until


@dataclass(frozen=True)
class Entry:
    """One line of the trail, its JSON read."""

    id: int
    at: datetime  # UTC
    actor_id: int | None
    actor_name: str | None
    action: str
    kind: str
    record: str
    before_json: str | None
    after_json: str | None

    @cached_property
    def before(self) -> dict | None:
        """The record's fields before (None for a record created), read when first asked for."""
        return _load(self.before_json)

    @cached_property
    def after(self) -> dict | None:
        """The record's fields after (None for a record deleted)."""
        return _load(self.after_json)

    @property
    def who(self) -> str:
        """Who did it: the person, or for a try at signing in, the name that was typed."""
        if self.actor_name:
            return self.actor_name
        if self.action in SIGN_IN_ACTIONS or self.action not in ("create", "update", "delete"):
            return str((self.after or {}).get("username") or (self.after or {}).get("by") or "")
        return ""

    def fields(self) -> list[FieldChange]:
        """Every field of the record, before and after, and whether it changed; the order is the
        record's (after first, then what only the before had)."""
        before, after = self.before or {}, self.after or {}
        names = list(after) + [name for name in before if name not in after]
        return [
            FieldChange(
                name,
                before.get(name),
                after.get(name),
                (name in before) != (name in after) or before.get(name) != after.get(name),
            )
            for name in names
        ]

    def changed(self) -> list[str]:
        """The names of the fields this entry changed (not its bookkeeping); for a record created or
        deleted, every field it had."""
        if self.before is None or self.after is None:
            return []
        return [f.name for f in self.fields() if f.changed and f.name not in BOOKKEEPING]


@dataclass(frozen=True)
class FieldChange:
    name: str
    before: object
    after: object
    changed: bool


_COLUMNS = (
    AuditEntry.id,
    AuditEntry.at,
    AuditEntry.actor,
    Staff.full_name,
    AuditEntry.action,
    AuditEntry.table_name,
    AuditEntry.record_id,
    AuditEntry.before,
    AuditEntry.after,
)


def _load(text) -> dict | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"": str(text)}  # not ours to refuse: shown as it is
    return value if isinstance(value, dict) else {"": value}


def _entry(row: tuple) -> Entry:
    at = as_datetime(row[1])
    return Entry(row[0], at, row[2], row[3], row[4], row[5], row[6], row[7], row[8])


def _where(query: pw.ModelSelect[AuditEntry], wanted: AuditFilter) -> pw.ModelSelect[AuditEntry]:
    if wanted.person is not None:
        # Their own doings, and their tries at signing in (which have no actor: the account is the record).
        query = query.where(
            (AuditEntry.actor == wanted.person)
            | (
                AuditEntry.actor.is_null()
                & (AuditEntry.table_name == Staff._meta.table_name)
                & (AuditEntry.record_id == str(wanted.person))
                & AuditEntry.action.in_(SIGN_IN_ACTIONS)
            )
        )
    if wanted.kind:
        query = query.where(AuditEntry.table_name == wanted.kind)
    if wanted.record:
        query = query.where(AuditEntry.record_id == str(wanted.record).strip())
    if wanted.action:
        query = query.where(AuditEntry.action == wanted.action)
    if wanted.since is not None:
        query = query.where(AuditEntry.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(AuditEntry.at < wanted.until)
    return query


def _select(wanted: AuditFilter, *columns) -> pw.ModelSelect[AuditEntry]:
    query = AuditEntry.select(*(columns or _COLUMNS))
    if not columns:
        query = query.join(Staff, pw.JOIN.LEFT_OUTER, on=(AuditEntry.actor == Staff.id))
    return _where(query, wanted)


def _page(wanted: AuditFilter, after_id: int | None, limit: int, offset: int = 0) -> list[Entry]:
    period = wanted.since is not None or wanted.until is not None
    # In a period, the entries' ids are found first, through the index on their time, and only the
    # page's rows are then read: walking every entry newer than the period, or sorting every entry
    # in it with its before and after, costs hundreds of milliseconds at 100,000 entries.
    query = _select(wanted, AuditEntry.id) if period else _select(wanted)
    if after_id is not None:
        query = query.where(AuditEntry.id < after_id)
    query = query.order_by(AuditEntry.id.desc()).limit(limit)
    if offset and after_id is None:
        query = query.offset(offset)
    if period:
        query = _select(AuditFilter()).where(AuditEntry.id.in_(query)).order_by(AuditEntry.id.desc())
    return [_entry(row) for row in database.execute(query).fetchall()]  # rows as the driver gives them


def page(
    actor: Staff, wanted: AuditFilter = AuditFilter(), after_id: int | None = None, limit: int = PAGE, offset: int = 0
) -> list[Entry]:
    """Up to ``limit`` entries newest first: those older than ``after_id`` (the last one seen), or,
    when the page before is not known (a jump down the list), those after the first ``offset``."""
    require_supervisor(actor)
    return _page(wanted, after_id, limit, offset)


def count(actor: Staff, wanted: AuditFilter = AuditFilter()) -> int:
    require_supervisor(actor)
    return _select(wanted, AuditEntry.id).count()


def get(actor: Staff, entry_id: int) -> Entry:
    require_supervisor(actor)
    rows = _page(AuditFilter(), entry_id + 1, 1)
    if not rows or rows[0].id != entry_id:
        raise NotFound(f"audit entry {entry_id}")
    return rows[0]


def people(actor: Staff) -> list[tuple[int, str, str]]:
    """(id, full name, user name) of every account, for the person filter."""
    require_supervisor(actor)
    return list(Staff.select(Staff.id, Staff.full_name, Staff.username).order_by(Staff.full_name).tuples())


def kinds(actor: Staff) -> list[str]:
    """The kinds of record (table names) found in the trail."""
    require_supervisor(actor)
    return sorted(row[0] for row in AuditEntry.select(AuditEntry.table_name).distinct().tuples())


def actions(actor: Staff) -> list[str]:
    """The actions found in the trail."""
    require_supervisor(actor)
    return sorted(row[0] for row in AuditEntry.select(AuditEntry.action).distinct().tuples())


def entries(actor: Staff, wanted: AuditFilter = AuditFilter(), batch: int = 1000) -> Iterator[Entry]:
    """Every entry the filter matches, newest first, read in batches by key."""
    require_supervisor(actor)
    last = None
    while True:
        rows = _page(wanted, last, batch)
        yield from rows
        if len(rows) < batch:
            return
        last = rows[-1].id


# --- export -------------------------------------------------------------------------
EXPORT_COLUMNS = (
    "id",
    "time_utc",
    "time_local",
    "person",
    "action",
    "kind",
    "record",
    "changed_fields",
    "before",
    "after",
)


def _safe(value: str) -> str:
    """The one place a cell is made safe for spreadsheets (a name like ``=HYPERLINK(…)`` is text there)."""
    from .csv_io import spreadsheet_safe

    return spreadsheet_safe(value)


def export_rows(actor: Staff, wanted: AuditFilter = AuditFilter()) -> Iterator[list[str]]:
    """The header and one row per entry the filter matches, newest first, as the CSV file holds them."""
    yield list(EXPORT_COLUMNS)
    for entry in entries(actor, wanted):

        def dump(value):
            return json.dumps(value, ensure_ascii=False, sort_keys=True) if value is not None else ""

        yield [
            str(entry.id),
            entry.at.isoformat(sep=" "),
            to_local(entry.at).isoformat(sep=" "),
            entry.who,
            entry.action,
            entry.kind,
            entry.record,
            " ".join(entry.changed()),
            dump(entry.before),
            dump(entry.after),
        ]


def export(actor: Staff, wanted: AuditFilter, path: str | Path) -> int:
    """Write the entries the filter matches to ``path`` (UTF-8 with a BOM, for spreadsheets); how many."""
    require_supervisor(actor)
    written = -1
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        for row in export_rows(actor, wanted):
            writer.writerow([_safe(cell) for cell in row])
            written += 1
    return written
