"""The audit trail: every create, update and delete of a record, with before and after.

Services change records only through ``create``, ``changing`` and ``delete`` here,
so no change escapes the trail.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import date, datetime
from typing import Iterator, TypeVar

import peewee as pw

from .clock import utcnow
from .db import database
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


def record(actor: Staff | None, action: str, instance: pw.Model, before: dict | None, after: dict | None) -> AuditEntry:
    return AuditEntry.create(
        at=utcnow(),
        actor=actor.id if actor is not None else None,
        action=action,
        table_name=instance._meta.table_name,
        record_id=str(instance.get_id()),
        before=json.dumps(before, ensure_ascii=False, sort_keys=True) if before is not None else None,
        after=json.dumps(after, ensure_ascii=False, sort_keys=True) if after is not None else None,
    )


def create(actor: Staff | None, model: type[M], **fields) -> M:
    with database.atomic():
        instance = model.create(**fields)
        record(actor, "create", instance, None, snapshot(instance))
    return instance


@contextmanager
def changing(actor: Staff | None, instance: M, action: str = "update") -> Iterator[M]:
    """Change ``instance`` inside the block; on exit it is saved and audited, or nothing is."""
    before = snapshot(instance)
    with database.atomic():
        yield instance
        if "updated_at" in instance._meta.fields:
            instance.updated_at = utcnow()
        instance.save()
        record(actor, action, instance, before, snapshot(instance))


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
