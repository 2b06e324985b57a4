"""The current shape of the tables, bound to the one database proxy.

Tables are created and changed only by ``migrations.py``; these classes describe
their shape after the newest migration.
"""
from __future__ import annotations

import peewee as pw

from .clock import utcnow
from .db import database

ROLE_STAFF = "staff"
ROLE_SUPERVISOR = "supervisor"
ROLES = (ROLE_STAFF, ROLE_SUPERVISOR)


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = pw.IntegerField(primary_key=True)
    applied_at = pw.DateTimeField(default=utcnow)


class Staff(BaseModel):
    username = pw.CharField(max_length=64, unique=True)
    full_name = pw.CharField(max_length=200)
    role = pw.CharField(max_length=20, default=ROLE_STAFF)
    password_hash = pw.CharField(max_length=255)
    active = pw.BooleanField(default=True)
    failed_attempts = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow)

    @property
    def is_supervisor(self) -> bool:
        return self.role == ROLE_SUPERVISOR


class AuditEntry(BaseModel):
    at = pw.DateTimeField(default=utcnow, index=True)
    actor = pw.ForeignKeyField(Staff, null=True, backref="audit_entries", on_delete="RESTRICT")
    action = pw.CharField(max_length=32)
    table_name = pw.CharField(max_length=64)
    record_id = pw.CharField(max_length=64)
    before = pw.TextField(null=True)
    after = pw.TextField(null=True)

    class Meta:
        indexes = ((("table_name", "record_id"), False),)


class Setting(BaseModel):
    key = pw.CharField(max_length=100, primary_key=True)
    value = pw.TextField()
    updated_at = pw.DateTimeField(default=utcnow)


class Customer(BaseModel):
    kind = pw.CharField(max_length=20, default="person")
    given_name = pw.CharField(max_length=100, default="")
    family_name = pw.CharField(max_length=100, default="")
    organisation = pw.CharField(max_length=200, default="")
    phone = pw.CharField(max_length=32, default="", index=True)
    email = pw.CharField(max_length=254, default="")
    preferred_language = pw.CharField(max_length=8, default="fa")
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=utcnow)
    created_by = pw.ForeignKeyField(Staff, null=True, backref="customers_created", on_delete="RESTRICT")
    updated_at = pw.DateTimeField(default=utcnow)
    updated_by = pw.ForeignKeyField(Staff, null=True, backref="customers_updated", on_delete="RESTRICT")
    version = pw.IntegerField(default=1)

    @property
    def display_name(self) -> str:
        if self.kind == "organisation":
            return self.organisation
        return f"{self.given_name} {self.family_name}".strip()


ALL_MODELS = [SchemaVersion, Staff, AuditEntry, Setting, Customer]
