"""The audit trail: every create, update and delete of a record, with before and after.

Services change records only through ``create``, ``changing`` and ``delete`` here,
so no change escapes the trail. ``changing`` is also the one shared write path that
keeps several desks from overwriting each other: a record with a ``version`` is
written by one statement, ``UPDATE … WHERE id = ? AND version = ?``, and a desk that
lost the race gets ``Conflict`` (what the other desk changed), never a silent overwrite.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

import peewee as pw

from . import changes
from .clock import utcnow
from .db import database
from .errors import Conflict
from .models import AuditEntry, Staff

M = TypeVar("M", bound=pw.Model)

REDACTED = "[redacted]"
SECRET_FIELDS = {"password_hash"}


def snapshot(instance: pw.Model) -> dict:
    """The stored values of a record, ready for JSON; secrets are redacted."""
    out = {}
    for name, field in instance._meta.fields.items():
        key = field.column_name if isinstance(field, pw.ForeignKeyField) else name
        value = instance.__data__.get(name)
        if name in SECRET_FIELDS:
            value = REDACTED
        elif isinstance(value, (datetime, date)):
            value = value.isoformat()
        out[key] = value
    return out


class Recorded(Protocol):
    """What the trail is written against: a row (any model), or the database itself (backups)."""

    @property
    def _meta(self) -> Any: ...  # only its table_name is read

    def get_id(self) -> Any: ...


def record(actor: Staff | None, action: str, instance: Recorded, before: dict | None, after: dict | None) -> AuditEntry:
    entry = AuditEntry.create(
        at=utcnow(),
        actor=actor.id if actor is not None else None,
        action=action,
        table_name=instance._meta.table_name,
        record_id=str(instance.get_id()),
        before=json.dumps(before, ensure_ascii=False, sort_keys=True) if before is not None else None,
        after=json.dumps(after, ensure_ascii=False, sort_keys=True) if after is not None else None,
    )
    changes.announce(entry, before, after)  # the other desks hear of it when this transaction commits
    return entry


def create(actor: Staff | None, model: type[M], **fields) -> M:
    with database.atomic():
        instance = model.create(**fields)
        record(actor, "create", instance, None, snapshot(instance))
    return instance


def differences(started_from: dict, current: dict) -> list[tuple[str, object, object]]:
    """(field, value the person started from, value stored now) for every field another desk changed."""
    ignored = {"version", "updated_at", "updated_by", "updated_by_id"}
    return [
        (name, started_from.get(name), value)
        for name, value in current.items()
        if name not in ignored and started_from.get(name) != value
    ]


def conflict(instance: pw.Model, started_from: dict) -> Conflict:
    """The notice for a person whose copy of ``instance`` is no longer the stored one."""
    stored = type(instance).get_or_none(instance._meta.primary_key == instance.get_id())
    current = snapshot(stored) if stored is not None else {}
    table = instance._meta.table_name
    return Conflict(
        current,
        differences(started_from, current),
        f"{table} {instance.get_id()}: another desk saved it first",
        table=table,
    )


def locked(query: pw.ModelSelect[M]) -> M | None:
    """The first row of ``query``, held until the transaction ends, for a read-then-write that must not
    fail because another desk wrote in between (a comment, a tick). On PostgreSQL the row is locked
    (``FOR UPDATE``); SQLite's transactions hold the whole file from their first statement."""
    if database.for_update:
        query = query.for_update()
    return query.first()


def seen(instance: pw.Model, version: int) -> dict:
    """The record as it was at ``version``, from the trail (the ``before`` of the change that left it)."""
    for entry in (
        AuditEntry.select(AuditEntry.before)
        .where(
            (AuditEntry.table_name == instance._meta.table_name)
            & (AuditEntry.record_id == str(instance.get_id()))
            & AuditEntry.before.is_null(False)
        )
        .order_by(AuditEntry.id.desc())
        .limit(50)
    ):
        before = json.loads(entry.before or "{}")  # never empty: the query asks for a before
        if before.get("version") == version:
            return before
    return {**snapshot(instance), "version": version}


def lock(model: type[pw.Model], *ids) -> None:
    """Hold rows of ``model`` until the transaction ends, before reading them to write them back.
    On PostgreSQL the rows are locked in id order (so two desks cannot deadlock); SQLite's
    transactions hold the whole file from their first statement."""
    if database.for_update and ids:
        list(
            model.select(model._meta.primary_key)
            .where(model._meta.primary_key.in_(sorted(ids)))  # type: ignore[union-attr]  # every model locked here has a key (False only for key-less models)
            .order_by(model._meta.primary_key)
            .for_update()
        )


def check_version(instance: pw.Model, version: int | None) -> None:
    """Refuse at once when the person saw an older ``version`` than the one just read."""
    if version is not None and "version" in instance._meta.fields and instance.version != version:  # type: ignore[attr-defined]  # a model with a version field (checked in the same line)
        raise conflict(instance, seen(instance, version))


@contextmanager
def changing(actor: Staff | None, instance: M, action: str = "update", version: int | None = None) -> Iterator[M]:
    """Change ``instance`` inside the block; on exit it is saved and audited, or nothing is.

    ``version`` is the version the person saw, when they saw one. A record with a version
    is written only if the stored version is still the one read (one statement, so two
    desks saving at the same moment cannot both win); otherwise ``Conflict`` is raised
    and nothing of the block is kept.
    """
    check_version(instance, version)
    before = snapshot(instance)
    with database.atomic():
        yield instance
        if "updated_at" in instance._meta.fields:
            instance.updated_at = utcnow()  # type: ignore[attr-defined]  # a model with an updated_at field (checked above)
        if "version" in instance._meta.fields:
            _save_if_unchanged(instance, before)
        else:
            instance.save()
        record(actor, action, instance, before, snapshot(instance))


def _save_if_unchanged(instance: pw.Model, before: dict) -> None:
    meta = instance._meta
    read = before["version"]
    instance.version = read + 1  # type: ignore[attr-defined]  # a model with a version field (checked by the caller)
    values = {
        field: instance.__data__.get(name) for name, field in meta.fields.items() if field is not meta.primary_key
    }
    written = (
        type(instance)
        .update(values)
        .where((meta.primary_key == instance.get_id()) & (type(instance).version == read))  # type: ignore[attr-defined]  # a model with a version field (checked by the caller)
        .execute()
    )
    if written != 1:
        instance.version = read  # type: ignore[attr-defined]  # a model with a version field (checked by the caller)
        raise conflict(instance, before)


def delete(actor: Staff | None, instance: pw.Model) -> None:
    with database.atomic():
        before = snapshot(instance)
        instance.delete_instance()
        record(actor, "delete", instance, before, None)


def history(instance: pw.Model) -> list[AuditEntry]:
    """The trail of one record, oldest first."""
    return list(
        AuditEntry.select()
        .where((AuditEntry.table_name == instance._meta.table_name) & (AuditEntry.record_id == str(instance.get_id())))
        .order_by(AuditEntry.id)
    )


def latest_id() -> int:
    """The newest entry's id: when it moves, something changed somewhere (on any desk)."""
    return AuditEntry.select(pw.fn.MAX(AuditEntry.id)).scalar() or 0
