"""The current shape of the tables, bound to the one database proxy.

Tables are created and changed only by ``migrations.py``; these classes describe
their shape after the newest migration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import peewee as pw

from .clock import utcnow
from .db import database

ROLE_STAFF = "staff"
ROLE_SUPERVISOR = "supervisor"
ROLES = (ROLE_STAFF, ROLE_SUPERVISOR)


if TYPE_CHECKING:
    from typing_extensions import Self

    _M = TypeVar("_M", bound=pw.Model)

    class _Select(pw.ModelSelect[_M]):
        """peewee's stubs keep the model as the row after .tuples(), .dicts() and .namedtuples(); the
        rows are then tuples, dicts and named tuples (Any here)."""

        def tuples(self, as_tuple: bool = True) -> Any: ...
        def dicts(self, as_dict: bool = True) -> Any: ...
        def namedtuples(self, as_namedtuple: bool = True) -> Any: ...


# For the type checker, each model names what peewee makes at run time: its ``id = AutoField()``
# (peewee adds it when no other key is declared) and, under each foreign key ``x``, ``x_id``,
# the key itself read without a query. The annotations alone change nothing at run time.
class BaseModel(pw.Model):
    if TYPE_CHECKING:

        @classmethod
        def select(cls, *fields: Any) -> _Select[Self]: ...

    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = pw.IntegerField(primary_key=True)
    applied_at = pw.DateTimeField(default=utcnow)


class Staff(BaseModel):
    id = pw.AutoField()
    username = pw.CharField(max_length=64, unique=True)
    full_name = pw.CharField(max_length=200)
    role = pw.CharField(max_length=20, default=ROLE_STAFF)
    password_hash = pw.CharField(max_length=255)
    active = pw.BooleanField(default=True)
    failed_attempts = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow)
    version = pw.IntegerField(default=1)

    @property
    def is_supervisor(self) -> bool:
        return self.role == ROLE_SUPERVISOR


class AuditEntry(BaseModel):
    id = pw.AutoField()
    at = pw.DateTimeField(default=utcnow, index=True)
    actor = pw.ForeignKeyField(Staff, null=True, backref="audit_entries", on_delete="RESTRICT")
    actor_id: int | None
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
    version = pw.IntegerField(default=1)


class LostReason(BaseModel):
    """Why a customer was lost; supervisors edit the list."""

    id = pw.AutoField()
    name_en = pw.CharField(max_length=100)
    name_fa = pw.CharField(max_length=100)
    active = pw.BooleanField(default=True)
    position = pw.IntegerField(default=0)
    version = pw.IntegerField(default=1)

    def name(self, language: str) -> str:
        return self.name_fa if language == "fa" else self.name_en


KIND_PERSON = "person"
KIND_ORGANISATION = "organisation"
STATUS_ACTIVE = "active"
STATUS_LOST = "lost"
STATUS_MERGED = "merged"


class Customer(BaseModel):
    id = pw.AutoField()
    phones: pw.ModelSelect[PhoneNumber]  # the backrefs peewee makes from PhoneNumber and EmailAddress
    emails: pw.ModelSelect[EmailAddress]
    kind = pw.CharField(max_length=20, default=KIND_PERSON)
    given_name = pw.CharField(max_length=100, default="")
    family_name = pw.CharField(max_length=100, default="")
    organisation = pw.CharField(max_length=200, default="")  # the name, when kind is organisation
    organisation_id = pw.ForeignKeyField(
        "self", null=True, backref="contact_persons", on_delete="SET NULL", column_name="organisation_id"
    )
    organisation_id_id: int | None
    job_title = pw.CharField(max_length=100, default="")
    preferred_language = pw.CharField(max_length=8, default="fa")
    address = pw.TextField(default="")
    referral_source = pw.CharField(max_length=32, default="")
    notes = pw.TextField(default="")
    status = pw.CharField(max_length=16, default=STATUS_ACTIVE)
    lost_reason = pw.ForeignKeyField(LostReason, null=True, backref="customers", on_delete="RESTRICT")
    lost_reason_id: int | None
    lost_at = pw.DateTimeField(null=True)
    segment = pw.CharField(max_length=32, null=True)
    segment_manual = pw.BooleanField(default=False)
    merged_into = pw.ForeignKeyField(
        "self", null=True, backref="merged_from", on_delete="RESTRICT", column_name="merged_into_id"
    )
    merged_into_id: int | None
    sort_name = pw.CharField(max_length=200, default="")
    created_at = pw.DateTimeField(default=utcnow)
    created_by = pw.ForeignKeyField(Staff, null=True, backref="customers_created", on_delete="RESTRICT")
    created_by_id: int | None
    updated_at = pw.DateTimeField(default=utcnow)
    updated_by = pw.ForeignKeyField(Staff, null=True, backref="customers_updated", on_delete="RESTRICT")
    updated_by_id: int | None
    version = pw.IntegerField(default=1)

    @property
    def display_name(self) -> str:
        if self.kind == KIND_ORGANISATION:
            return self.organisation
        return f"{self.given_name} {self.family_name}".strip()


class PhoneNumber(BaseModel):
    id = pw.AutoField()
    customer = pw.ForeignKeyField(Customer, backref="phones", on_delete="CASCADE")
    customer_id: int
    label = pw.CharField(max_length=32, default="mobile")
    number = pw.CharField(max_length=20, index=True)
    position = pw.IntegerField(default=0)


class EmailAddress(BaseModel):
    id = pw.AutoField()
    customer = pw.ForeignKeyField(Customer, backref="emails", on_delete="CASCADE")
    customer_id: int
    address = pw.CharField(max_length=254, index=True)
    position = pw.IntegerField(default=0)


class Tag(BaseModel):
    id = pw.AutoField()
    name = pw.CharField(max_length=64, unique=True)


class CustomerTag(BaseModel):
    customer = pw.ForeignKeyField(Customer, backref="tag_links", on_delete="CASCADE")
    customer_id: int
    tag = pw.ForeignKeyField(Tag, backref="customer_links", on_delete="CASCADE")
    tag_id: int

    class Meta:
        primary_key = pw.CompositeKey("customer", "tag")


class Contact(BaseModel):
    """One conversation with a customer: a call, a walk-in visit, an e-mail or something else."""

    id = pw.AutoField()
    customer = pw.ForeignKeyField(Customer, null=True, backref="contacts", on_delete="RESTRICT")
    customer_id: int | None
    staff = pw.ForeignKeyField(Staff, backref="contacts", on_delete="RESTRICT")
    staff_id: int
    channel = pw.CharField(max_length=16)
    direction = pw.CharField(max_length=16)
    phone = pw.CharField(max_length=20, default="")  # the number that called or was called
    started_at = pw.DateTimeField()
    ended_at = pw.DateTimeField()
    duration_seconds = pw.IntegerField(default=0)
    hold_seconds = pw.IntegerField(default=0)
    hold_count = pw.IntegerField(default=0)
    reason = pw.CharField(max_length=200, default="")
    notes = pw.TextField(default="")
    outcome = pw.CharField(max_length=32)
    satisfaction = pw.CharField(max_length=16)
    next_step = pw.CharField(max_length=300, default="")
    checklist = pw.TextField(default="")  # JSON: the checklist version and the ticked items
    draft_id = pw.CharField(max_length=32, null=True, unique=True)  # the draft it was saved from, if any
    answered_at = pw.DateTimeField(null=True)  # a call that rang: when it was answered (started_at is the ring)
    call_id = pw.CharField(max_length=64, default="", index=True)  # the phone system's id of the call, if any
    search_text = pw.TextField(default="")  # reason, notes and next step, folded for search
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow)
    updated_by = pw.ForeignKeyField(Staff, null=True, backref="contacts_updated", on_delete="RESTRICT")
    updated_by_id: int | None
    version = pw.IntegerField(default=1)


class FollowUp(BaseModel):
    """A promise to come back to a customer by a time: a callback or another follow-up."""

    id = pw.AutoField()
    customer = pw.ForeignKeyField(
        Customer, null=True, backref="follow_ups", on_delete="RESTRICT"
    )  # None: an unknown caller
    customer_id: int | None
    contact = pw.ForeignKeyField(Contact, null=True, backref="follow_ups", on_delete="SET NULL")
    contact_id: int | None
    kind = pw.CharField(max_length=16, default="callback")
    due_at = pw.DateTimeField()
    assignee = pw.ForeignKeyField(Staff, backref="follow_ups", on_delete="RESTRICT")
    assignee_id: int
    promise = pw.CharField(max_length=300)
    status = pw.CharField(max_length=16, default="open")
    done_at = pw.DateTimeField(null=True)
    done_by = pw.ForeignKeyField(Staff, null=True, backref="follow_ups_done", on_delete="RESTRICT")
    done_by_id: int | None
    done_contact = pw.ForeignKeyField(Contact, null=True, backref="follow_ups_done", on_delete="SET NULL")
    done_contact_id: int | None
    created_at = pw.DateTimeField(default=utcnow)
    created_by = pw.ForeignKeyField(Staff, null=True, backref="follow_ups_created", on_delete="RESTRICT")
    created_by_id: int | None
    updated_at = pw.DateTimeField(default=utcnow)
    version = pw.IntegerField(default=1)
    phone = pw.CharField(max_length=20, default="")  # the number to call back (E.164), for a missed call
    attempts = pw.IntegerField(default=0)  # how many times they called (a missed call's callback)
    # "E164|local-date" while a missed call's callback is open, NULL once it is closed: one a number a day
    missed_key = pw.CharField(max_length=48, null=True, unique=True)


class MissedCall(BaseModel):
    """A call the phone system reported missed, once however many desks heard it."""

    id = pw.AutoField()
    call_id = pw.CharField(max_length=64, unique=True)
    phone = pw.CharField(max_length=20)
    at = pw.DateTimeField()
    follow_up = pw.ForeignKeyField(FollowUp, null=True, backref="missed_calls", on_delete="SET NULL")
    follow_up_id: int | None


class ComplaintCategory(BaseModel):
    """What a complaint is about; supervisors edit the list, so knowledge builds up over time."""

    id = pw.AutoField()
    name_en = pw.CharField(max_length=100)
    name_fa = pw.CharField(max_length=100)
    active = pw.BooleanField(default=True)
    position = pw.IntegerField(default=0)
    version = pw.IntegerField(default=1)

    def name(self, language: str) -> str:
        return self.name_fa if language == "fa" else self.name_en


class Complaint(BaseModel):
    id = pw.AutoField()
    customer = pw.ForeignKeyField(Customer, null=True, backref="complaints", on_delete="RESTRICT")
    customer_id: int | None
    contact = pw.ForeignKeyField(Contact, null=True, backref="complaints", on_delete="SET NULL")
    contact_id: int | None
    category = pw.ForeignKeyField(ComplaintCategory, backref="complaints", on_delete="RESTRICT")
    category_id: int
    priority = pw.CharField(max_length=16, default="normal")
    description = pw.TextField()
    wanted = pw.TextField(default="")  # what the customer wants
    assignee = pw.ForeignKeyField(Staff, backref="complaints_assigned", on_delete="RESTRICT")
    assignee_id: int
    status = pw.CharField(max_length=16, default="new")
    escalated_to = pw.ForeignKeyField(Staff, null=True, backref="complaints_escalated", on_delete="RESTRICT")
    escalated_to_id: int | None
    escalated_at = pw.DateTimeField(null=True)
    escalation_reason = pw.TextField(default="")
    first_response_at = pw.DateTimeField(null=True)
    resolved_at = pw.DateTimeField(null=True)
    closed_at = pw.DateTimeField(null=True)
    resolution_notes = pw.TextField(default="")
    resolution_satisfaction = pw.CharField(max_length=16, null=True)
    will_return = pw.BooleanField(null=True)
    created_at = pw.DateTimeField(default=utcnow)
    created_by = pw.ForeignKeyField(Staff, backref="complaints_created", on_delete="RESTRICT")
    created_by_id: int
    updated_at = pw.DateTimeField(default=utcnow)
    updated_by = pw.ForeignKeyField(Staff, null=True, backref="complaints_updated", on_delete="RESTRICT")
    updated_by_id: int | None
    version = pw.IntegerField(default=1)


class ComplaintEvent(BaseModel):
    """One step of a complaint's history: a change of state, of category, of assignee, an escalation."""

    id = pw.AutoField()
    complaint = pw.ForeignKeyField(Complaint, backref="events", on_delete="CASCADE")
    complaint_id: int
    at = pw.DateTimeField(default=utcnow)
    actor = pw.ForeignKeyField(Staff, backref="complaint_events", on_delete="RESTRICT")
    actor_id: int
    kind = pw.CharField(max_length=16)  # status, category, assignee, priority, escalate
    old_value = pw.CharField(max_length=64, default="")
    new_value = pw.CharField(max_length=64, default="")
    note = pw.TextField(default="")


class ComplaintComment(BaseModel):
    id = pw.AutoField()
    complaint = pw.ForeignKeyField(Complaint, backref="comments", on_delete="CASCADE")
    complaint_id: int
    at = pw.DateTimeField(default=utcnow)
    author = pw.ForeignKeyField(Staff, backref="complaint_comments", on_delete="RESTRICT")
    author_id: int
    visibility = pw.CharField(max_length=16, default="internal")  # internal, customer
    body = pw.TextField()


class Notification(BaseModel):
    """Something a person must be told at once inside the app, on whichever desk they sit."""

    id = pw.AutoField()
    recipient = pw.ForeignKeyField(Staff, backref="notifications", on_delete="CASCADE")
    recipient_id: int
    at = pw.DateTimeField(default=utcnow)
    kind = pw.CharField(max_length=32)
    complaint = pw.ForeignKeyField(Complaint, null=True, backref="notifications", on_delete="CASCADE")
    complaint_id: int | None
    actor = pw.ForeignKeyField(Staff, null=True, backref="notifications_sent", on_delete="SET NULL")
    actor_id: int | None
    text = pw.TextField(default="")
    read_at = pw.DateTimeField(null=True)


class ChecklistVersion(BaseModel):
    """One version of a guided checklist; a supervisor's edit adds a version, and sessions keep theirs."""

    id = pw.AutoField()
    name = pw.CharField(max_length=32)
    version = pw.IntegerField()
    definition = pw.TextField()  # JSON: the steps, in English and Persian
    created_at = pw.DateTimeField(default=utcnow)
    created_by = pw.ForeignKeyField(Staff, null=True, backref="checklist_versions", on_delete="RESTRICT")
    created_by_id: int | None

    class Meta:
        indexes = ((("name", "version"), True),)


class CalmSession(BaseModel):
    """One run of the calm-the-angry-customer procedure."""

    id = pw.AutoField()
    customer = pw.ForeignKeyField(Customer, null=True, backref="calm_sessions", on_delete="RESTRICT")
    customer_id: int | None
    staff = pw.ForeignKeyField(Staff, backref="calm_sessions", on_delete="RESTRICT")
    staff_id: int
    checklist = pw.ForeignKeyField(ChecklistVersion, backref="sessions", on_delete="RESTRICT")
    checklist_id: int
    started_at = pw.DateTimeField()
    ended_at = pw.DateTimeField(null=True)
    status = pw.CharField(max_length=16, default="open")  # open, finished
    current_step = pw.IntegerField(default=0)
    anger_start = pw.IntegerField(null=True)
    anger_end = pw.IntegerField(null=True)
    outcome = pw.CharField(max_length=16, null=True)
    complaint = pw.ForeignKeyField(Complaint, null=True, backref="calm_sessions", on_delete="SET NULL")
    complaint_id: int | None
    follow_up = pw.ForeignKeyField(FollowUp, null=True, backref="calm_sessions", on_delete="SET NULL")
    follow_up_id: int | None
    updated_at = pw.DateTimeField(default=utcnow)
    version = pw.IntegerField(default=1)


class CalmStep(BaseModel):
    id = pw.AutoField()
    session = pw.ForeignKeyField(CalmSession, backref="steps", on_delete="CASCADE")
    session_id: int
    position = pw.IntegerField()
    key = pw.CharField(max_length=64)
    ticked = pw.BooleanField(default=False)
    ticked_at = pw.DateTimeField(null=True)
    note = pw.TextField(default="")

    class Meta:
        indexes = ((("session", "position"), True),)


ALL_MODELS = [
    SchemaVersion,
    Staff,
    AuditEntry,
    Setting,
    LostReason,
    Customer,
    PhoneNumber,
    EmailAddress,
    Tag,
    CustomerTag,
    Contact,
    FollowUp,
    ComplaintCategory,
    Complaint,
    ComplaintEvent,
    ComplaintComment,
    Notification,
    ChecklistVersion,
    CalmSession,
    CalmStep,
    MissedCall,
]
