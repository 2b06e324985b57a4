"""Customers: the record, its validation, duplicates, merging, conflicts and the directory.

Services take the acting staff member, check what they may do, and write the
audit trail. A customer's phones, e-mails and tags are part of its audited
snapshot, so the trail shows them before and after every change.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections import namedtuple
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import peewee as pw

from . import audit, phones, search, settings
from .choice_lists import LOST_REASONS
from .clock import utcnow
from .db import database
from .errors import Conflict, KnownError, NotFound, PermissionDenied, ValidationError
from .models import (
    KIND_ORGANISATION,
    KIND_PERSON,
    STATUS_ACTIVE,
    STATUS_LOST,
    STATUS_MERGED,
    AuditEntry,
    Customer,
    CustomerTag,
    EmailAddress,
    LostReason,
    PhoneNumber,
    Staff,
    Tag,
)
from .permissions import require_signed_in, require_supervisor
from .text import clean_line, clean_text, search_tokens, unusable

KINDS = (KIND_PERSON, KIND_ORGANISATION)
LANGUAGES = ("fa", "en")
PHONE_LABELS = ("mobile", "home", "work", "other")
REFERRAL_SOURCES = ("word_of_mouth", "advertising", "social_media", "website", "passing_by", "returning", "other")
# Loyalty x profitability (seed 001), each with the action the domain brief recommends.
SEGMENTS = ("loyal_profitable", "loyal_unprofitable", "profitable_not_loyal", "neither")
STATUSES = (STATUS_ACTIVE, STATUS_LOST)

NAME_LIMIT = 100
ORG_LIMIT = 200
TITLE_LIMIT = 100
ADDRESS_LIMIT = 1000
NOTES_LIMIT = 20000
TAG_LIMIT = 64
MAX_PHONES = 10
MAX_EMAILS = 10
SIMILAR_NAME = 0.88


# --- the record as typed, and as stored -------------------------------------


@dataclass
class Draft:
    """What the form holds: text as typed, not yet checked."""

    kind: str = KIND_PERSON
    given_name: str = ""
    family_name: str = ""
    organisation: str = ""
    organisation_id: int | None = None
    job_title: str = ""
    phones: list[tuple[str, str]] = field(default_factory=list)  # (label, number as typed)
    emails: list[str] = field(default_factory=list)
    preferred_language: str = "fa"
    address: str = ""
    referral_source: str = ""
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    segment: str | None = None  # set by a person: overrides what the data suggests


class FormErrors(KnownError):
    """Several fields are wrong; ``errors`` maps each field to its ``ValidationError``."""

    code = "form_errors"

    def __init__(self, errors: dict[str, ValidationError]):
        super().__init__(", ".join(f"{k}: {e.code}" for k, e in errors.items()))
        self.errors = errors


class DuplicateWarning(KnownError):
    """Others look like the same customer; save again with ``confirm_duplicates`` to go on."""

    code = "possible_duplicates"

    def __init__(self, duplicates: list[Duplicate]):
        super().__init__(", ".join(str(d.customer_id) for d in duplicates))
        self.duplicates = duplicates


class ConflictError(Conflict):
    """Another desk saved this customer first. ``changes`` says what they changed."""

    def __init__(self, current: dict, changes: list[tuple[str, object, object]]):
        super().__init__(current, changes, table="customer")
        self.code = "edit_conflict"


@dataclass
class Duplicate:
    customer_id: int
    name: str
    reason: str  # "phone", "email" or "name"
    detail: str


def _limited(value: str, name: str, limit: int, errors: dict) -> str:
    """``value`` (cleaned text); when it is too long or cannot be stored, an error for ``name`` in ``errors``."""
    if unusable(value):
        errors[name] = ValidationError(name, "unusable_characters")
    elif len(value) > limit:
        errors[name] = ValidationError(name, "too_long", limit=limit)
    return value


def check_text(value: str, name: str, limit: int) -> str:
    """``_limited`` for a single text: the error is raised."""
    errors: dict[str, ValidationError] = {}
    _limited(value, name, limit, errors)
    if errors:
        raise errors[name]
    return value


def clean(draft: Draft, region: str | None = None) -> tuple[dict, dict[str, ValidationError]]:
    """Check and tidy a draft. Returns the clean values and the errors by field name."""
    region = region or settings.phone_region()
    errors: dict[str, ValidationError] = {}
    kind = draft.kind if draft.kind in KINDS else None
    if kind is None:
        errors["kind"] = ValidationError("kind", "invalid_choice")
    values: dict[str, Any] = {
        "kind": kind or KIND_PERSON,
        "given_name": _limited(clean_line(draft.given_name), "given_name", NAME_LIMIT, errors),
        "family_name": _limited(clean_line(draft.family_name), "family_name", NAME_LIMIT, errors),
        "organisation": _limited(clean_line(draft.organisation), "organisation", ORG_LIMIT, errors),
        "organisation_id": draft.organisation_id,
        "job_title": _limited(clean_line(draft.job_title), "job_title", TITLE_LIMIT, errors),
        "preferred_language": draft.preferred_language if draft.preferred_language in LANGUAGES else "fa",
        "address": _limited(clean_text(draft.address), "address", ADDRESS_LIMIT, errors),
        "referral_source": draft.referral_source if draft.referral_source in REFERRAL_SOURCES else "",
        "notes": _limited(clean_text(draft.notes), "notes", NOTES_LIMIT, errors),
        "segment": draft.segment if draft.segment in SEGMENTS else None,
    }
    if values["kind"] == KIND_ORGANISATION:
        values["given_name"] = values["family_name"] = values["job_title"] = ""
        values["organisation_id"] = None
        if not values["organisation"]:
            errors["organisation"] = ValidationError("organisation", "required")
    else:
        values["organisation"] = ""
        if not values["given_name"] and not values["family_name"]:
            errors["family_name"] = ValidationError("family_name", "name_required")

    numbers: list[tuple[str, str]] = []
    typed_phones = [(label, text) for label, text in draft.phones if clean_line(text)]
    if len(typed_phones) > MAX_PHONES:
        errors["phones"] = ValidationError("phones", "too_many", limit=MAX_PHONES)
    for index, (label, text) in enumerate(draft.phones):
        if not clean_line(text):
            continue
        name = f"phones.{index}"
        try:
            number = phones.parse(text, region, field=name)
        except ValidationError as error:
            errors[name] = error
            continue
        if number in (n for _, n in numbers):
            errors[name] = ValidationError(name, "phone_repeated")
            continue
        numbers.append((label if label in PHONE_LABELS else "other", number))
    values["phones"] = numbers[:MAX_PHONES]

    addresses: list[str] = []
    typed_emails = [text for text in draft.emails if clean_line(text)]
    if len(typed_emails) > MAX_EMAILS:
        errors["emails"] = ValidationError("emails", "too_many", limit=MAX_EMAILS)
    for index, text in enumerate(draft.emails):
        text = clean_line(text)
        if not text:
            continue
        name = f"emails.{index}"
        try:
            address = check_email(text, name)
        except ValidationError as error:
            errors[name] = error
            continue
        if address.casefold() in (a.casefold() for a in addresses):
            errors[name] = ValidationError(name, "email_repeated")
            continue
        addresses.append(address)
    values["emails"] = addresses[:MAX_EMAILS]

    tags: list[str] = []
    for text in draft.tags:
        tag = clean_line(text).replace(";", " ").strip()
        if not tag:
            continue
        if unusable(tag):
            errors["tags"] = ValidationError("tags", "unusable_characters")
            continue
        if len(tag) > TAG_LIMIT:
            errors["tags"] = ValidationError("tags", "too_long", limit=TAG_LIMIT)
            continue
        if tag_key(tag) not in (tag_key(t) for t in tags):
            tags.append(tag)
    values["tags"] = tags
    return values, errors


def tag_key(name: str) -> str:
    """What makes two tags the same tag: the letters, in any case (``ÖBB`` is ``öbb``)."""
    return name.casefold()


def check_email(text: str, field: str = "email") -> str:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValidationError(field, "email_invalid") from None
    except Exception:  # noqa: BLE001 - the library can choke on exotic input; to the person it is just not an address
        raise ValidationError(field, "email_invalid") from None


def _validated(draft: Draft) -> dict:
    values, errors = clean(draft)
    if errors:
        raise FormErrors(errors)
    if values["organisation_id"] is not None:
        org = Customer.get_or_none(Customer.id == values["organisation_id"])
        if org is None or org.kind != KIND_ORGANISATION:
            raise FormErrors({"organisation_id": ValidationError("organisation_id", "invalid_choice")})
    return values


def sort_name(values: dict) -> str:
    name = (
        values["organisation"]
        if values["kind"] == KIND_ORGANISATION
        else f"{values['family_name']} {values['given_name']}"
    )
    return " ".join(search_tokens(name))[:200]


# --- reading ---------------------------------------------------------------------


@dataclass
class Record:
    customer: Customer
    phones: list[PhoneNumber]
    emails: list[EmailAddress]
    tags: list[str]

    def snapshot(self) -> dict:
        data = audit.snapshot(self.customer)
        data["phones"] = [[p.label, p.number] for p in self.phones]
        data["emails"] = [e.address for e in self.emails]
        data["tags"] = list(self.tags)
        return data

    def draft(self) -> Draft:
        c = self.customer
        return Draft(
            kind=c.kind,
            given_name=c.given_name,
            family_name=c.family_name,
            organisation=c.organisation,
            organisation_id=c.organisation_id_id,
            job_title=c.job_title,
            phones=[(p.label, p.number) for p in self.phones],
            emails=[e.address for e in self.emails],
            preferred_language=c.preferred_language,
            address=c.address,
            referral_source=c.referral_source,
            tags=list(self.tags),
            notes=c.notes,
            segment=c.segment if c.segment_manual else None,
        )


def get(customer_id: int) -> Record:
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFound(f"customer {customer_id}")
    return Record(
        customer,
        list(customer.phones.order_by(PhoneNumber.position)),
        list(customer.emails.order_by(EmailAddress.position)),
        [t.name for t in Tag.select().join(CustomerTag).where(CustomerTag.customer == customer_id).order_by(Tag.name)],
    )


def all_tags() -> list[str]:
    return [t.name for t in Tag.select().order_by(Tag.name)]


def organisations(query: str = "", limit: int = 50) -> list[Customer]:
    """Organisations a contact person can belong to, by name."""
    q = Customer.select().where((Customer.kind == KIND_ORGANISATION) & (Customer.status != STATUS_MERGED))
    tokens = search_tokens(query)
    if tokens:
        q = q.where(Customer.sort_name.startswith(tokens[0]))
    return list(q.order_by(Customer.sort_name).limit(limit))


def contact_persons(organisation_id: int) -> list[Customer]:
    return list(
        Customer.select()
        .where((Customer.organisation_id == organisation_id) & (Customer.status != STATUS_MERGED))
        .order_by(Customer.sort_name)
    )


# --- duplicates ---------------------------------------------------------------


def find_duplicates(values: dict, exclude_id: int | None = None) -> list[Duplicate]:
    """Other customers sharing a phone or an e-mail, or with a very similar name."""
    found: dict[int, Duplicate] = {}

    def others(query):
        query = query.where(Customer.status != STATUS_MERGED)
        return query.where(Customer.id != exclude_id) if exclude_id else query

    numbers = [n for _, n in values["phones"]]
    if numbers:
        for row in others(
            PhoneNumber.select(PhoneNumber.number, Customer).join(Customer).where(PhoneNumber.number.in_(numbers))
        ):
            found.setdefault(
                row.customer.id, Duplicate(row.customer.id, row.customer.display_name, "phone", row.number)
            )
    emails = [e.casefold() for e in values["emails"]]
    if emails:
        for row in others(
            EmailAddress.select(EmailAddress.address, Customer)
            .join(Customer)
            .where(pw.fn.LOWER(EmailAddress.address).in_(emails))
        ):
            found.setdefault(
                row.customer.id, Duplicate(row.customer.id, row.customer.display_name, "email", row.address)
            )
    key = sort_name(values)
    if key:
        first = key.split(" ")[0]
        candidates = others(
            Customer.select().where((Customer.kind == values["kind"]) & Customer.sort_name.startswith(first[:3]))
        ).limit(500)
        for other in candidates:
            if other.id in found:
                continue
            if difflib.SequenceMatcher(None, key, other.sort_name).ratio() >= SIMILAR_NAME:
                found[other.id] = Duplicate(other.id, other.display_name, "name", other.display_name)
    return list(found.values())


# --- writing --------------------------------------------------------------------


def _store_children(customer_id: int, values: dict) -> None:
    PhoneNumber.delete().where(PhoneNumber.customer == customer_id).execute()
    EmailAddress.delete().where(EmailAddress.customer == customer_id).execute()
    CustomerTag.delete().where(CustomerTag.customer == customer_id).execute()
    for position, (label, number) in enumerate(values["phones"]):
        PhoneNumber.create(customer=customer_id, label=label, number=number, position=position)
    for position, address in enumerate(values["emails"]):
        EmailAddress.create(customer=customer_id, address=address, position=position)
    if values["tags"]:
        # Compared in Python: SQLite's LOWER() folds only A-Z, so "ÖBB" and "öbb" would be two tags
        # there (and the unique name refused the second "ÖBB"); PostgreSQL's depends on its locale.
        known = {tag_key(t.name): t for t in Tag.select()}
        for name in values["tags"]:
            # A new tag another desk makes at this moment too: its insert wins, ours is undone (a
            # savepoint) and we take theirs, instead of failing the whole save on the unique name.
            tag = known.get(tag_key(name)) or Tag.get_or_create(name=name)[0]
            known[tag_key(name)] = tag
            CustomerTag.create(customer=customer_id, tag=tag)


def reindex(customer_ids: list[int]) -> None:
    """Rebuild the search documents of these customers from what is stored."""
    search.write(database.obj, search.documents(database.obj, list(customer_ids)))


def _row_values(values: dict, customer_id: int | None = None) -> dict:
    row = {
        k: values[k]
        for k in (
            "kind",
            "given_name",
            "family_name",
            "organisation",
            "job_title",
            "preferred_language",
            "address",
            "referral_source",
            "notes",
        )
    }
    row["organisation_id"] = values["organisation_id"]
    row["sort_name"] = sort_name(values)
    # A segment chosen by a person wins; otherwise the data decides.
    row["segment_manual"] = values["segment"] is not None
    row["segment"] = values["segment"] if row["segment_manual"] else suggested_segment(customer_id)
    return row


def create(actor: Staff, draft: Draft, confirm_duplicates: bool = False) -> Customer:
    require_signed_in(actor)
    values = _validated(draft)
    if not confirm_duplicates:
        duplicates = find_duplicates(values)
        if duplicates:
            raise DuplicateWarning(duplicates)
    now = utcnow()
    with database.atomic():
        row = _row_values(values)
        customer = Customer.create(**row, created_at=now, created_by=actor, updated_at=now, updated_by=actor)
        _store_children(customer.id, values)
        reindex([customer.id])
        audit.record(actor, "create", customer, None, get(customer.id).snapshot())
    return customer


def update(actor: Staff, customer_id: int, draft: Draft, base: dict, confirm_duplicates: bool = False) -> Customer:
    """Save ``draft`` over the record the person started from (``base``, a snapshot with its version).

    If another desk saved in between, nothing is written and ``ConflictError`` says
    what they changed. Saving again with the new snapshot as ``base`` overwrites it.
    """
    require_signed_in(actor)
    values = _validated(draft)
    if values["organisation_id"] == customer_id:
        raise FormErrors({"organisation_id": ValidationError("organisation_id", "invalid_choice")})
    if not confirm_duplicates:
        duplicates = find_duplicates(values, exclude_id=customer_id)
        if duplicates:
            raise DuplicateWarning(duplicates)
    with database.atomic():
        before = get(customer_id).snapshot()
        if before["status"] == STATUS_MERGED:
            raise NotFound(f"customer {customer_id} was merged")
        row = _row_values(values, customer_id)
        changed = (
            Customer.update(**row, updated_at=utcnow(), updated_by=actor, version=Customer.version + 1)
            .where((Customer.id == customer_id) & (Customer.version == base["version"]))
            .execute()
        )
        if changed == 0:
            raise ConflictError(before, _changes(base, before))
        _store_children(customer_id, values)
        reindex([customer_id] + [c.id for c in contact_persons(customer_id)])
        after = get(customer_id)
        audit.record(actor, "update", after.customer, before, after.snapshot())
    return after.customer


AUDITED_FIELDS = (
    "kind",
    "given_name",
    "family_name",
    "organisation",
    "organisation_id",
    "job_title",
    "phones",
    "emails",
    "preferred_language",
    "address",
    "referral_source",
    "tags",
    "notes",
    "status",
    "lost_reason",
    "segment",
)


def _changes(base: dict, current: dict) -> list[tuple[str, object, object]]:
    return [(name, base.get(name), current.get(name)) for name in AUDITED_FIELDS if base.get(name) != current.get(name)]


# --- segment -------------------------------------------------------------------


def suggested_segment(customer_id: int | None) -> str | None:
    """The segment the data suggests. Loyalty needs a history of contacts and profitability
    needs sales figures; until those are recorded there is nothing to suggest."""
    return None


# --- status ----------------------------------------------------------------------


def mark_lost(actor: Staff, customer_id: int, reason_id: int) -> Customer:
    require_signed_in(actor)
    reason = LostReason.get_or_none(LostReason.id == reason_id)
    if reason is None or not reason.active:
        raise FormErrors({"lost_reason": ValidationError("lost_reason", "required")})
    return _set_status(actor, customer_id, STATUS_LOST, reason.id, "mark_lost")


def reactivate(actor: Staff, customer_id: int) -> Customer:
    require_signed_in(actor)
    return _set_status(actor, customer_id, STATUS_ACTIVE, None, "reactivate")


def _set_status(actor: Staff, customer_id: int, status: str, reason_id: int | None, action: str) -> Customer:
    with database.atomic():
        audit.lock(Customer, customer_id)  # read fresh and write back whole: no desk's edit in between is lost
        record = get(customer_id)
        before = record.snapshot()
        customer = record.customer
        customer.status = status
        customer.lost_reason_id = reason_id
        customer.lost_at = utcnow() if status == STATUS_LOST else None
        customer.updated_at, customer.updated_by = utcnow(), actor
        customer.version += 1
        customer.save()
        audit.record(actor, action, customer, before, get(customer_id).snapshot())
    return customer


def lost_reasons(include_inactive: bool = False) -> list[LostReason]:
    return LOST_REASONS.rows(include_inactive)


def add_lost_reason(actor: Staff, name_en: str, name_fa: str) -> LostReason:
    return LOST_REASONS.add(actor, name_en, name_fa)


def set_lost_reason_active(actor: Staff, reason_id: int, active: bool, version: int | None = None) -> LostReason:
    return LOST_REASONS.set_active(actor, reason_id, active, version)


def lost_counts() -> list[tuple[LostReason, int]]:
    """Lost customers by reason, for the reports."""
    rows = (
        LostReason.select(LostReason, pw.fn.COUNT(Customer.id).alias("n"))
        .join(
            Customer, pw.JOIN.LEFT_OUTER, on=(Customer.lost_reason == LostReason.id) & (Customer.status == STATUS_LOST)
        )
        .group_by(LostReason.id)
        .order_by(LostReason.position)
    )
    return [(r, r.n) for r in rows]  # type: ignore[attr-defined]  # n: the COUNT aliased above


# --- merging (supervisors) -----------------------------------------------------


def merge(actor: Staff, survivor_id: int, other_id: int) -> Customer:
    """Fold ``other`` into ``survivor``: every record that points at it moves over.

    The other customer stays as a marker (status ``merged``) pointing at the survivor,
    so its history and the merge itself remain visible on the survivor's timeline.
    """
    require_supervisor(actor)
    if survivor_id == other_id:
        raise PermissionDenied("a customer cannot be merged with itself", reason="merge_self")
    with database.atomic():
        audit.lock(Customer, survivor_id, other_id)
        survivor, other = get(survivor_id), get(other_id)
        if STATUS_MERGED in (survivor.customer.status, other.customer.status):
            raise NotFound("already merged")
        before_survivor, before_other = survivor.snapshot(), other.snapshot()
        s, o = survivor.customer, other.customer
        for name in ("given_name", "family_name", "organisation", "job_title", "address", "referral_source"):
            if not getattr(s, name) and getattr(o, name):
                setattr(s, name, getattr(o, name))
        if o.notes and o.notes not in s.notes:
            s.notes = f"{s.notes}\n\n{o.notes}".strip()
        if s.organisation_id_id is None and o.organisation_id_id not in (None, s.id):
            s.organisation_id = o.organisation_id_id
        if s.segment is None and o.segment is not None:
            s.segment, s.segment_manual = o.segment, o.segment_manual
        values: dict[str, list] = {
            "phones": [(p.label, p.number) for p in survivor.phones]
            + [(p.label, p.number) for p in other.phones if p.number not in {x.number for x in survivor.phones}],
            "emails": [e.address for e in survivor.emails]
            + [
                e.address
                for e in other.emails
                if e.address.casefold() not in {x.address.casefold() for x in survivor.emails}
            ],
            "tags": survivor.tags + [t for t in other.tags if t not in survivor.tags],
        }
        values["phones"], values["emails"] = values["phones"][:MAX_PHONES], values["emails"][:MAX_EMAILS]
        # Everything else that points at the other customer moves to the survivor.
        for backref in Customer._meta.backrefs:
            model = backref.model
            if model in (PhoneNumber, EmailAddress, CustomerTag):
                continue
            if model is Customer and backref.name == "merged_into":
                model.update({backref: s.id}).where(backref == o.id).execute()
                continue
            model.update({backref: s.id}).where(backref == o.id).execute()
        _store_children(s.id, values)
        s.version += 1
        s.updated_at, s.updated_by = utcnow(), actor
        s.save()
        o.status, o.merged_into, o.version = STATUS_MERGED, s.id, o.version + 1
        o.updated_at, o.updated_by = utcnow(), actor
        o.save()
        PhoneNumber.delete().where(PhoneNumber.customer == o.id).execute()
        EmailAddress.delete().where(EmailAddress.customer == o.id).execute()
        CustomerTag.delete().where(CustomerTag.customer == o.id).execute()
        search.remove(database.obj, o.id)
        reindex([s.id] + [c.id for c in contact_persons(s.id)])
        audit.record(actor, "merge", s, before_survivor, {**get(s.id).snapshot(), "merged_from": o.id})
        audit.record(actor, "merged_into", o, before_other, {**get(o.id).snapshot(), "merged_into": s.id})
    return s


# --- the timeline ---------------------------------------------------------------


@dataclass
class TimelineEntry:
    """One thing that happened. What changed is read from the audit trail only when asked,
    so a long timeline opens at once and only the entries on screen pay for it."""

    at: datetime
    kind: str  # the audit action; later features add "contact", "complaint", ...
    actor: str
    record_id: int
    before_text: str | None = None
    after_text: str | None = None
    summary: dict | None = None  # for a contact: its channel, direction, reason, outcome and satisfaction

    def _documents(self) -> tuple[dict, dict]:
        if not hasattr(self, "_parsed"):
            before = json.loads(self.before_text) if self.before_text else {}
            after = json.loads(self.after_text) if self.after_text else {}
            self._parsed = (before, after)
        return self._parsed

    @property
    def changed(self) -> list[str]:
        if self.kind not in ("update", "merge", "merged_into"):
            return []
        before, after = self._documents()
        return [name for name in AUDITED_FIELDS if before and before.get(name) != after.get(name)]

    @property
    def detail(self) -> dict:
        detail = {"record_id": self.record_id}
        if self.kind in ("merge", "merged_into"):
            _, after = self._documents()
            detail.update({k: after[k] for k in ("merged_from", "merged_into") if k in after})
        return detail


def merged_ids(customer_id: int) -> list[int]:
    """This customer and every customer merged into it, however deep."""
    ids, frontier = [customer_id], [customer_id]
    while frontier:
        frontier = [c.id for c in Customer.select(Customer.id).where(Customer.merged_into.in_(frontier))]
        ids += frontier
    return ids


def timeline(customer_id: int, limit: int = 1000) -> list[TimelineEntry]:
    """Everything that happened with the customer, newest first."""
    ids = [str(i) for i in merged_ids(customer_id)]
    rows = (
        AuditEntry.select(
            AuditEntry.at, AuditEntry.action, AuditEntry.record_id, AuditEntry.before, AuditEntry.after, Staff.full_name
        )
        .join(Staff, pw.JOIN.LEFT_OUTER, on=(AuditEntry.actor == Staff.id))
        .where((AuditEntry.table_name == Customer._meta.table_name) & AuditEntry.record_id.in_(ids))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
        .tuples()
    )
    entries = [
        TimelineEntry(at, action, actor or "", int(record_id), before_text, after_text)
        for at, action, record_id, before_text, after_text, actor in rows
    ]
    entries += _contact_entries([int(i) for i in ids], limit)
    entries += _complaint_entries([int(i) for i in ids], limit)
    entries += _calm_entries([int(i) for i in ids], limit)
    entries.sort(
        key=lambda e: (e.at, e.kind in ("contact", "complaint", "calm_session")), reverse=True
    )  # after a same-second creation
    return entries[:limit]


def _calm_entries(ids: list[int], limit: int) -> list[TimelineEntry]:
    from .models import CalmSession

    rows = (
        CalmSession.select(
            CalmSession.id,
            CalmSession.started_at,
            CalmSession.customer,
            CalmSession.outcome,
            CalmSession.anger_start,
            CalmSession.anger_end,
            Staff.full_name,
        )
        .join(Staff, on=(CalmSession.staff == Staff.id))
        .where(CalmSession.customer.in_(ids) & (CalmSession.status == "finished"))
        .order_by(CalmSession.started_at.desc())
        .limit(limit)
        .tuples()
    )
    return [
        TimelineEntry(
            started,
            "calm_session",
            actor,
            customer_id,
            summary={"session_id": sid, "outcome": outcome, "anger_start": a, "anger_end": b},
        )
        for sid, started, customer_id, outcome, a, b, actor in rows
    ]


def _complaint_entries(ids: list[int], limit: int) -> list[TimelineEntry]:
    from .models import Complaint, ComplaintCategory

    rows = (
        Complaint.select(
            Complaint.id,
            Complaint.created_at,
            Complaint.customer,
            Complaint.status,
            Complaint.priority,
            Complaint.description,
            ComplaintCategory.name_en,
            ComplaintCategory.name_fa,
            Staff.full_name,
        )
        .join_from(Complaint, ComplaintCategory)
        .join_from(Complaint, Staff, on=(Complaint.created_by == Staff.id))
        .where(Complaint.customer.in_(ids))
        .order_by(Complaint.created_at.desc())
        .limit(limit)
        .tuples()
    )
    return [
        TimelineEntry(
            created,
            "complaint",
            actor,
            customer_id,
            summary={
                "complaint_id": cid,
                "status": status,
                "priority": priority,
                "description": description,
                "category_en": name_en,
                "category_fa": name_fa,
            },
        )
        for cid, created, customer_id, status, priority, description, name_en, name_fa, actor in rows
    ]


def _contact_entries(ids: list[int], limit: int) -> list[TimelineEntry]:
    from .models import Contact

    rows = (
        Contact.select(
            Contact.id,
            Contact.started_at,
            Contact.customer,
            Contact.channel,
            Contact.direction,
            Contact.reason,
            Contact.outcome,
            Contact.satisfaction,
            Contact.duration_seconds,
            Staff.full_name,
        )
        .join(Staff, on=(Contact.staff == Staff.id))
        .where(Contact.customer.in_(ids))
        .order_by(Contact.started_at.desc())
        .limit(limit)
        .tuples()
    )
    return [
        TimelineEntry(
            started,
            "contact",
            actor,
            customer_id,
            summary={
                "contact_id": cid,
                "channel": channel,
                "direction": direction,
                "reason": reason,
                "outcome": outcome,
                "satisfaction": satisfaction,
                "duration": duration,
            },
        )
        for cid, started, customer_id, channel, direction, reason, outcome, satisfaction, duration, actor in rows
    ]


# --- the directory -----------------------------------------------------------------

# While someone types a search, the best matches come first, the newest first among equals ("match");
# a click on a column header orders the matches by that column instead.
SORT_MATCH = "match"
SORTS: dict[str, tuple[pw.Field, ...]] = {
    "name": (Customer.sort_name,),
    "created": (Customer.created_at,),
    "status": (Customer.status, Customer.sort_name),
    "segment": (Customer.segment, Customer.sort_name),
}


@dataclass(frozen=True)
class DirectoryQuery:
    search: str = ""
    tag: str | None = None
    segment: str | None = None
    status: str | None = None  # None: active and lost
    sort: str = "name"
    descending: bool = False


@dataclass
class DirectoryRow:
    id: int
    name: str
    organisation: str
    phone: str
    email: str
    status: str
    segment: str | None
    created_at: datetime
    key: tuple = ()  # the row's place in the chosen order, for paging on from it


def _filtered(q: DirectoryQuery, walk: bool = False, match: tuple[str, list] | None = None):
    """The ids of the customers ``q`` selects. ``walk`` only changes how SQLite finds them (see ``page``);
    ``match`` stands for the search's matches (one group of ``search.ranked_clauses``)."""
    query = Customer.select(Customer.id)
    conditions = [Customer.status != STATUS_MERGED]
    if q.status in STATUSES:
        conditions.append(Customer.status == q.status)
    if q.segment in SEGMENTS:
        conditions.append(Customer.segment == q.segment)
    if q.tag:
        conditions.append(Customer.id.in_(CustomerTag.select(CustomerTag.customer).join(Tag).where(Tag.name == q.tag)))
    match = match or search.match_clause(database.obj, q.search)
    if match is not None:
        sql, params = match
        # "id + 0" keeps SQLite from looking each match up by its id; it then walks an index
        # in the chosen order and tests each customer against the matches instead.
        key = Customer.id + 0 if walk else Customer.id
        conditions.append(key.in_(pw.SQL(f"({sql})", params)))
    for condition in conditions:
        query = query.where(condition)
    return query


# From this many matches on, SQLite finds a page of a search faster by walking the index of
# the chosen order, testing each customer against the matches, than by looking up and
# sorting every match.
WALK_FROM = 5_000


def _only_search(q: DirectoryQuery) -> bool:
    return q.status not in STATUSES and q.segment not in SEGMENTS and not q.tag


def _match_count(match: tuple[str, list], limit: int | None = None) -> int:
    sql, params = match
    if limit is not None:
        sql = f"{sql} LIMIT {int(limit)}"
    return database.execute_sql(f"SELECT COUNT(*) FROM ({sql}) AS matches", params).fetchone()[0]


def _walk(q: DirectoryQuery) -> bool:
    """Whether a page of ``q`` is found faster by walking the index of its order (SQLite only)."""
    if search.is_postgres(database.obj) or not _only_search(q) or q.sort not in ("name", "created", "status"):
        return False
    match = search.match_clause(database.obj, q.search)
    return match is not None and _match_count(match, limit=WALK_FROM) >= WALK_FROM


def count(q: DirectoryQuery) -> int:
    if q.search and _only_search(q):
        match = search.match_clause(database.obj, q.search)
        if match is not None:
            # The index holds a document for every customer but merged markers and for nothing
            # else (reindex writes them, merge removes the marker's), so it counts alone.
            return _match_count(match)
    return _filtered(q).count()


def page(q: DirectoryQuery, offset: int, limit: int, after: tuple | None = None) -> list[DirectoryRow]:
    """One window of the directory, in the chosen order. Never more than ``limit`` rows.

    ``after`` is the ``key`` of the row just before the window, when known: then the
    window is found through the index (keyset) instead of counting ``offset`` rows.
    """
    ranked = search.ranked_clauses(database.obj, q.search, settings.phone_region()) if q.sort == SORT_MATCH else None
    if ranked is not None:
        return _ranked_page(q, ranked, offset, limit, after)
    keys = SORTS.get(q.sort, SORTS["name"])
    descending = q.descending
    order = [k.desc() if descending else k.asc() for k in keys]
    order.append(Customer.id.desc() if descending else Customer.id.asc())
    ids = _filtered(q, walk=_walk(q))
    if after is not None and None not in after:
        position = pw.Tuple(*keys, Customer.id)
        ids = ids.where(position < pw.Tuple(*after) if descending else position > pw.Tuple(*after))
        ids = ids.order_by(*order).limit(limit)
    else:
        ids = ids.order_by(*order).limit(limit).offset(offset)
    rows = _rows(Customer.id.in_(ids)).order_by(*order).namedtuples()
    return [_directory_row(r, tuple(getattr(r, k.name) for k in keys) + (r.id,)) for r in rows]


def _ranked_ids(
    q: DirectoryQuery,
    ranked: list[tuple[str, list]],
    offset: int,
    limit: int,
    after: tuple | None = None,
    filtered: bool | None = None,
) -> list[tuple[int, int]]:
    """(group, id) of one window of the matches: the best group first, the newest first within each.

    Each group is asked for straight from the search index, newest first with a limit, so a
    short prefix matching thousands is never sorted whole; ``after`` (the key of the row before
    the window) goes on from where the last window ended without counting the rows before it.
    """
    filtered = not _only_search(q) if filtered is None else filtered
    column = "customer_id" if search.is_postgres(database.obj) else "rowid"
    first, before = (int(after[0]), after[-1]) if after is not None else (0, None)
    offset = 0 if after is not None else offset
    if _on_server(q):  # the same groups, read on the server in one round trip
        return [
            (group, i) for group, i in database.execute_sql(*search.ranked_call(ranked, limit, offset, first, before))
        ]
    found: list[tuple[int, int]] = []
    for group, (sql, params) in enumerate(ranked):
        need = limit - len(found)
        if group < first or need <= 0:
            continue
        if group == first and before is not None:
            sql, params = f"{sql} AND {column} < {database.param}", [*params, before]
        if offset:  # a window further down, without a key: skip the groups it lies beyond
            size = _filtered(q, match=(sql, params)).count() if filtered else _match_count((sql, params))
            if offset >= size:
                offset -= size
                continue
        if filtered:
            ids = [
                i
                for (i,) in _filtered(q, match=(sql, params))
                .order_by(Customer.id.desc())
                .limit(need)
                .offset(offset)
                .tuples()
            ]
        else:
            ids = [
                i
                for (i,) in database.execute_sql(
                    f"{sql} ORDER BY {column} DESC LIMIT {int(need)} OFFSET {int(offset)}", params
                )
            ]
        offset = 0
        found += [(group, i) for i in ids]
    return found


def _on_server(q: DirectoryQuery) -> bool:
    """Whether the ranked matches of ``q`` are read by the server's ``search_ranked`` (PostgreSQL, a
    search and nothing else; merged customers need no filter: the index holds no document of theirs)."""
    return search.is_postgres(database.obj) and _only_search(q)


def _ranked_page(
    q: DirectoryQuery, ranked: list[tuple[str, list]], offset: int, limit: int, after: tuple | None
) -> list[DirectoryRow]:
    if _on_server(q):
        # The window's ids and their rows in one statement: a keystroke is two round trips with
        # the count, which a desk 30 ms from its server feels.
        first, before = (int(after[0]), after[-1]) if after is not None else (0, None)
        call, call_params = search.ranked_call(ranked, limit, 0 if after is not None else offset, first, before)
        sql, params = _found_rows_sql()
        rows = database.execute_sql(f"WITH found AS MATERIALIZED ({call}) {sql}", [*call_params, *params])
        return [
            _directory_row(r, (r.tier, r.id)) for r in sorted(map(_FoundRow._make, rows), key=lambda r: (r.tier, -r.id))
        ]
    found = _ranked_ids(q, ranked, offset, limit, after)
    if not found:
        return []
    # The ids as numbers in the statement (they are ints): a hundred bound parameters cost more.
    listed = pw.SQL("(" + ", ".join(str(int(i)) for _, i in found) + ")")
    rows = {r.id: r for r in _rows(Customer.id.in_(listed)).namedtuples()}
    return [_directory_row(rows[i], (group, i)) for group, i in found if i in rows]


_FoundRow = namedtuple(
    "_FoundRow",
    (
        "id",
        "kind",
        "given_name",
        "family_name",
        "organisation",
        "org_name",
        "status",
        "segment",
        "created_at",
        "sort_name",
        "phone",
        "email",
        "tier",
    ),
)


@functools.cache
def _found_rows_sql() -> tuple[str, tuple]:
    """PostgreSQL: the directory's columns of the customers in ``found`` with their group, as a
    statement and its parameters; made once, as they are the same on every keystroke."""
    tier = pw.NodeList((pw.SQL("(SELECT tier FROM found WHERE found_id ="), Customer.id, pw.SQL(")")))
    sql, params = _rows(Customer.id.in_(pw.SQL("(SELECT found_id FROM found)"))).select_extend(tier.alias("tier")).sql()
    return sql, tuple(params)


def _rows(condition):
    """The directory's columns of the customers ``condition`` selects."""
    Org = Customer.alias()
    first_phone = (
        PhoneNumber.select(PhoneNumber.number)
        .where(PhoneNumber.customer == Customer.id)
        .order_by(PhoneNumber.position)
        .limit(1)
    )
    first_email = (
        EmailAddress.select(EmailAddress.address)
        .where(EmailAddress.customer == Customer.id)
        .order_by(EmailAddress.position)
        .limit(1)
    )
    return (
        Customer.select(
            Customer.id,
            Customer.kind,
            Customer.given_name,
            Customer.family_name,
            Customer.organisation,
            Org.organisation.alias("org_name"),
            Customer.status,
            Customer.segment,
            Customer.created_at,
            Customer.sort_name,
            first_phone.alias("phone"),
            first_email.alias("email"),
        )
        .join(Org, pw.JOIN.LEFT_OUTER, on=(Customer.organisation_id == Org.id))
        .where(condition)
    )


def _directory_row(r, key: tuple) -> DirectoryRow:
    """A row of the directory from ``_rows``' columns (a named tuple: a model object for each of a
    hundred rows costs more than the statement)."""
    organisation = r.kind == KIND_ORGANISATION
    name = r.organisation if organisation else f"{r.given_name} {r.family_name}".strip()
    return DirectoryRow(
        r.id,
        name,
        r.organisation if organisation else (r.org_name or ""),
        r.phone or "",
        r.email or "",
        r.status,
        r.segment,
        r.created_at,
        key,
    )


# --- the best matches, for the command line and quick lookups ------------------------


def find(query: str, limit: int = 50) -> list[Record]:
    """Customers matching ``query``, best first: whole-name matches, then name beginnings, then the rest."""
    return [get(customer_id) for customer_id in find_ids(query, limit)]


def find_ids(query: str, limit: int = 50) -> list[int]:
    """The ids of ``find``'s customers, in its order, without reading their records (the caller
    box asks on every pause in typing: a few statements, not four for every customer found)."""
    from .text import query_tokens

    ranked = search.ranked_clauses(database.obj, query, settings.phone_region())
    if ranked is None:
        return []
    # The best 500 by the directory's ranking (a customer whose name says it before one whose
    # notes do, however many newer ones there are), then the closest names first.
    found = _ranked_ids(DirectoryQuery(search=query), ranked, 0, 500, filtered=True)
    group_of = {i: group for group, i in found}
    if not group_of:
        return []
    listed = pw.SQL("(" + ", ".join(str(int(i)) for i in group_of) + ")")  # ints, written in
    names = Customer.select(Customer.id, Customer.sort_name).where(Customer.id.in_(listed)).tuples()
    words = query_tokens(query)
    whole = " ".join(words)

    def score(row: tuple[int, str]) -> tuple:
        customer_id, name = row
        name_words = name.split()
        return (
            group_of[customer_id],
            -(whole == name or whole == " ".join(reversed(name_words))),
            -all(any(n.startswith(w) for n in name_words) for w in words),
            -sum(w in name_words for w in words),
            name,
        )

    return [customer_id for customer_id, _ in sorted(names, key=score)[:limit]]


def as_json(record: Record) -> dict:
    return {
        "id": record.customer.id,
        "name": record.customer.display_name,
        "phones": [p.number for p in record.phones],
        "emails": [e.address for e in record.emails],
    }
