"""Contacts: phone calls, walk-in visits, e-mails and the rest, and the call log.

A contact is saved once the conversation is over ("closed"); until then it lives
as a draft (``drafts.py``). Whoever took a contact may correct it later; anyone
else needs to be a supervisor. Every save and every correction is audited.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta, timezone

import peewee as pw

from . import audit, phones, settings
from .clock import utcnow
from .customers import FormErrors, _limited
from .db import database
from .errors import Conflict, KnownError, NotFound, PermissionDenied, ValidationError
from .models import STATUS_MERGED, Contact, Customer, PhoneNumber, Staff
from .permissions import require_signed_in
from .text import clean_line, clean_text, fold

CHANNEL_PHONE = "phone"
CHANNEL_WALK_IN = "walk_in"
CHANNEL_EMAIL = "email"
CHANNEL_OTHER = "other"
CHANNELS = (CHANNEL_PHONE, CHANNEL_WALK_IN, CHANNEL_EMAIL, CHANNEL_OTHER)
INBOUND = "inbound"
OUTBOUND = "outbound"
DIRECTIONS = (INBOUND, OUTBOUND)
OUTCOMES = ("resolved", "information_given", "follow_up_needed", "complaint", "no_answer", "other")
NOT_ASKED = "not_asked"
SATISFACTION = ("dissatisfied", "satisfied", "delighted", NOT_ASKED)
MAX_DURATION = 24 * 3600
NOTES_LIMIT = 20000


EditConflict = Conflict  # someone saved the contact after it was opened here (code "contact_conflict")


class AlreadySaved(KnownError):
    """The draft was saved as a contact before (a crash came between saving it and deleting it,
    or a second desk restored the same draft). ``contact`` is the one stored."""

    code = "contact_already_saved"

    def __init__(self, contact: Contact):
        super().__init__(f"draft {contact.draft_id} was saved as contact {contact.id}")
        self.contact = contact


@dataclass
class FollowUpDraft:
    due_at: datetime | None = None  # naive UTC
    assignee_id: int | None = None
    promise: str = ""
    kind: str = "callback"


@dataclass
class ContactDraft:
    """What the person has typed so far about one contact. Times are naive UTC."""

    customer_id: int | None = None
    channel: str = CHANNEL_PHONE
    direction: str = INBOUND
    phone: str = ""
    started_at: datetime | None = None  # a call that rang: when it rang
    ended_at: datetime | None = None
    duration_seconds: int | None = None  # None: the time from the answer (else the start) to the end
    hold_seconds: int = 0
    hold_count: int = 0
    reason: str = ""
    notes: str = ""
    outcome: str = ""
    satisfaction: str = ""
    next_step: str = ""
    checklist: dict = field(default_factory=dict)  # {"version": n, "ticked": [item ids]}
    follow_up: FollowUpDraft | None = None
    follow_up_of: int | None = None  # the follow-up this contact completes
    answered_at: datetime | None = None  # a call that rang: when it was answered
    call_id: str = ""  # the phone system's id of the call

    def to_json(self) -> dict:
        data = asdict(self)
        for key in ("started_at", "ended_at", "answered_at"):
            data[key] = data[key].isoformat() if data[key] else None
        if self.follow_up is not None and self.follow_up.due_at is not None:
            data["follow_up"]["due_at"] = self.follow_up.due_at.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict) -> ContactDraft:
        data = dict(data)
        for key in ("started_at", "ended_at", "answered_at"):
            data[key] = datetime.fromisoformat(data[key]) if data.get(key) else None
        follow = data.get("follow_up")
        if follow:
            follow = dict(follow)
            follow["due_at"] = datetime.fromisoformat(follow["due_at"]) if follow.get("due_at") else None
            data["follow_up"] = FollowUpDraft(**{k: v for k, v in follow.items() if k in FollowUpDraft.__annotations__})
        known = {k: v for k, v in data.items() if k in cls.__annotations__}
        return cls(**known)


def _choice(value: str, allowed: tuple, name: str, errors: dict, missing: str = "required") -> str:
    if not value:
        errors[name] = ValidationError(name, missing)
    elif value not in allowed:
        errors[name] = ValidationError(name, "invalid_choice")
    return value


def live_customer_id(customer_id: int | None) -> int | None:
    """The customer a contact is about: a merged customer's survivor stands in for it."""
    seen = set()
    while customer_id is not None and customer_id not in seen:
        seen.add(customer_id)
        row = Customer.get_or_none(Customer.id == customer_id)
        if row is None:
            return None
        if row.status != STATUS_MERGED or row.merged_into_id is None:
            return row.id
        customer_id = row.merged_into_id
    return customer_id


def clean(draft: ContactDraft) -> tuple[dict, dict[str, ValidationError]]:
    """The values to store, and an error for each field that is not right."""
    errors: dict[str, ValidationError] = {}
    values: dict = {}
    customer_id = draft.customer_id
    if customer_id is not None:
        customer_id = live_customer_id(customer_id)
        if customer_id is None:
            errors["customer"] = ValidationError("customer", "not_found")
    values["customer"] = customer_id
    values["channel"] = _choice(draft.channel, CHANNELS, "channel", errors)
    values["direction"] = _choice(draft.direction, DIRECTIONS, "direction", errors)
    phone = ""
    if draft.phone.strip():
        try:
            phone = phones.parse(draft.phone, settings.phone_region())
        except ValidationError:
            phone = ""  # the lookup box may hold a fragment; it is not part of the record
    values["phone"] = phone
    started, ended = draft.started_at, draft.ended_at
    if started is None:
        errors["started_at"] = ValidationError("started_at", "required")
        started = ended = utcnow()
    ended = ended or started
    if ended < started:
        errors["ended_at"] = ValidationError("ended_at", "ends_before_start")
        ended = started
    values["started_at"], values["ended_at"] = started, ended
    answered = draft.answered_at
    if answered is not None and answered < started:
        errors["answered_at"] = ValidationError("answered_at", "answered_before_ring")
    elif answered is not None and answered > ended:
        errors["answered_at"] = ValidationError("answered_at", "answered_after_end")
    values["answered_at"] = answered
    values["call_id"] = _limited(clean_line(draft.call_id or ""), "call_id", 64, errors)
    duration = draft.duration_seconds
    if duration is None:
        duration = int(
            (ended - (answered if answered is not None and started <= answered <= ended else started)).total_seconds()
        )
    if not 0 <= duration <= MAX_DURATION:
        errors["duration"] = ValidationError("duration", "duration_range")
    values["duration_seconds"] = duration
    values["hold_seconds"] = max(0, min(int(draft.hold_seconds or 0), MAX_DURATION))
    values["hold_count"] = max(0, int(draft.hold_count or 0))
    values["reason"] = _limited(clean_line(draft.reason), "reason", 200, errors)
    values["notes"] = _limited(clean_text(draft.notes), "notes", NOTES_LIMIT, errors)
    values["next_step"] = _limited(clean_line(draft.next_step), "next_step", 300, errors)
    values["outcome"] = _choice(draft.outcome, OUTCOMES, "outcome", errors)
    values["satisfaction"] = _choice(draft.satisfaction, SATISFACTION, "satisfaction", errors, "satisfaction_required")
    ticked = [str(i) for i in (draft.checklist or {}).get("ticked", [])]
    values["checklist"] = (
        json.dumps({"version": (draft.checklist or {}).get("version"), "ticked": ticked}) if draft.checklist else ""
    )
    values["search_text"] = fold(" ".join((values["reason"], values["notes"], values["next_step"])))
    follow = draft.follow_up
    if follow is not None:
        values["follow_up"] = clean_follow_up(follow, customer_id, errors)
    return values, errors


def clean_follow_up(follow: FollowUpDraft, customer_id: int | None, errors: dict) -> dict:
    from .followups import KINDS

    out = {
        "kind": _choice(follow.kind, KINDS, "follow_up_kind", errors),
        "promise": _limited(clean_line(follow.promise), "promise", 300, errors),
        "due_at": follow.due_at,
        "assignee": follow.assignee_id,
    }
    if customer_id is None:
        errors.setdefault("customer", ValidationError("customer", "follow_up_needs_customer"))
    if not out["promise"]:
        errors.setdefault("promise", ValidationError("promise", "required"))
    if follow.due_at is None:
        errors["due_at"] = ValidationError("due_at", "required")
    assignee = Staff.get_or_none(Staff.id == follow.assignee_id) if follow.assignee_id else None
    if assignee is None or not assignee.active:
        errors["assignee"] = ValidationError("assignee", "required" if assignee is None else "assignee_inactive")
    return out


def _checked(draft: ContactDraft) -> dict:
    values, errors = clean(draft)
    if errors:
        raise FormErrors(errors)
    return values


def check(draft: ContactDraft) -> None:
    """Raise ``FormErrors`` with every problem of ``draft`` at once; change nothing."""
    _checked(draft)


def saved_from_draft(draft_id: str | None) -> Contact | None:
    """The contact already stored from the draft ``draft_id``, if there is one."""
    return Contact.get_or_none(Contact.draft_id == draft_id) if draft_id else None


def create(actor: Staff, draft: ContactDraft, draft_id: str | None = None) -> Contact:
    """Save a finished contact, with the follow-up promised in it; complete the follow-up it answers.

    A contact typed in a draft names it (``draft_id``): the same draft is stored once, however often
    it is saved, from however many desks; the second time raises ``AlreadySaved``."""
    require_signed_in(actor)
    values = _checked(draft)
    follow = values.pop("follow_up", None)
    earlier = saved_from_draft(draft_id)
    if earlier is not None:
        raise AlreadySaved(earlier)
    try:
        contact = _store(actor, draft, values, follow, draft_id)
    except pw.IntegrityError:
        earlier = saved_from_draft(draft_id)
        if earlier is None:
            raise
        raise AlreadySaved(earlier) from None  # another desk saved the same draft a moment ago
    return contact


def _store(actor: Staff, draft: ContactDraft, values: dict, follow: dict | None, draft_id: str | None) -> Contact:
    from . import followups

    with database.atomic():
        contact = audit.create(actor, Contact, staff=actor.id, updated_by=actor.id, draft_id=draft_id, **values)
        if follow is not None:
            followups.create(
                actor,
                contact.customer_id,
                follow["due_at"],
                follow["assignee"],
                follow["promise"],
                kind=follow["kind"],
                contact_id=contact.id,
            )
        if draft.follow_up_of is not None:
            followups.mark_done(actor, draft.follow_up_of, contact)
    return contact


def get(contact_id: int) -> Contact:
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is None:
        raise NotFound(f"contact {contact_id}")
    return contact


def may_edit(actor: Staff | None, contact: Contact) -> bool:
    """The person who took the contact may correct it; anyone else must be a supervisor."""
    return actor is not None and actor.active and (actor.is_supervisor or contact.staff_id == actor.id)


def draft_of(contact: Contact) -> ContactDraft:
    checklist = json.loads(contact.checklist) if contact.checklist else {}
    return ContactDraft(
        customer_id=contact.customer_id,
        channel=contact.channel,
        direction=contact.direction,
        phone=contact.phone,
        started_at=contact.started_at,
        ended_at=contact.ended_at,
        duration_seconds=contact.duration_seconds,
        hold_seconds=contact.hold_seconds,
        hold_count=contact.hold_count,
        reason=contact.reason,
        notes=contact.notes,
        outcome=contact.outcome,
        satisfaction=contact.satisfaction,
        next_step=contact.next_step,
        checklist=checklist,
        answered_at=contact.answered_at,
        call_id=contact.call_id,
    )


def update(actor: Staff, contact_id: int, draft: ContactDraft, version: int) -> Contact:
    """Correct a saved contact. ``version`` is the one the person opened; a later save elsewhere is refused."""
    require_signed_in(actor)
    contact = get(contact_id)
    if not may_edit(actor, contact):
        raise PermissionDenied(f"{actor.username} may not edit contact {contact_id} taken by someone else")
    values = _checked(draft)
    values.pop("follow_up", None)
    current = get(contact_id)
    with audit.changing(actor, current, version=version) as row:
        for name, value in values.items():
            setattr(row, name if name != "customer" else "customer_id", value)
        row.updated_by_id = actor.id
    return current


# --- finding the caller --------------------------------------------------------------


@dataclass
class Caller:
    customer_id: int
    name: str
    phones: list[str]  # E.164, in the customer's order


def _callers(ids: list[int]) -> list[Caller]:
    """Names and numbers of ``ids``, in that order, in two queries."""
    if not ids:
        return []
    names = {
        cid: (organisation if kind == "organisation" else f"{given} {family}".strip())
        for cid, kind, given, family, organisation in Customer.select(
            Customer.id, Customer.kind, Customer.given_name, Customer.family_name, Customer.organisation
        )
        .where(Customer.id.in_(ids))
        .tuples()
    }
    numbers: dict[int, list[str]] = {}
    for cid, number in (
        PhoneNumber.select(PhoneNumber.customer, PhoneNumber.number)
        .where(PhoneNumber.customer.in_(ids))
        .order_by(PhoneNumber.position, PhoneNumber.id)
        .tuples()
    ):
        numbers.setdefault(cid, []).append(number)
    return [Caller(cid, names[cid], numbers.get(cid, [])) for cid in ids if cid in names]


def find_caller(text: str, limit: int = 8) -> list[Caller]:
    """Customers for what was typed in the caller box, as the phone rings: a whole number first,
    then numbers containing the digits typed (newest customers first), or names."""
    from . import customers, search

    text = (text or "").strip()
    if not text:
        return []
    ids: list[int] = []
    try:
        e164 = phones.parse(text, settings.phone_region())
    except ValidationError:
        e164 = None
    if e164:
        ids = [
            cid
            for (cid,) in PhoneNumber.select(PhoneNumber.customer)
            .join(Customer)
            .where((PhoneNumber.number == e164) & (Customer.status != STATUS_MERGED))
            .order_by(Customer.id.desc())
            .limit(limit)
            .tuples()
        ]
    if len(ids) < limit:
        if phones.digits_fragment(text):
            # As the directory ranks them: the whole number, then numbers holding the digits, then
            # the digits as a word elsewhere ("Branch 0123", "invoice 4512"); the newest first in each.
            ranked = search.ranked_clauses(database.obj, text, settings.phone_region())
            found = (
                []
                if ranked is None
                else customers._ranked_ids(customers.DirectoryQuery(search=text), ranked, 0, limit * 2, filtered=True)
            )
            more = [cid for _, cid in found if cid not in ids]
        else:
            more = [cid for cid in customers.find_ids(text, limit) if cid not in ids]
        ids += more
    return _callers(list(dict.fromkeys(ids))[:limit])


# --- the call log ------------------------------------------------------------------------


@dataclass(frozen=True)
class LogQuery:
    date_from: date | None = None  # local dates, both included
    date_to: date | None = None
    staff_id: int | None = None
    direction: str | None = None
    channel: str | None = None
    outcome: str | None = None
    satisfaction: str | None = None
    customer_id: int | None = None
    search: str = ""


@dataclass
class LogRow:
    id: int
    started_at: datetime
    customer_id: int | None
    customer: str
    staff_id: int
    staff: str
    channel: str
    direction: str
    duration_seconds: int
    hold_seconds: int
    outcome: str
    satisfaction: str
    reason: str
    notes: str


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The naive-UTC start and end of a local calendar day."""
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()

    def as_utc(value):
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    return as_utc(start), as_utc(end)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _log_words(text: str) -> list[str]:
    """The words a search of the call log looks for, each somewhere in the reason, notes or next
    step: no controls (PostgreSQL refuses NUL), none inside another (it adds nothing), and no more
    than a query can hold (SQLite's parser overflows at about 90, peewee at about 500)."""
    from . import search

    words = _CONTROLS.sub(" ", fold(text or "")).split()
    return search.fewest_words(words, covers=lambda longer, word: word in longer)


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _log_where(q: LogQuery):
    where: list[pw.Node] = []
    if q.date_from is not None:
        where.append(Contact.started_at >= local_day_bounds(q.date_from)[0])
    if q.date_to is not None:
        where.append(Contact.started_at < local_day_bounds(q.date_to)[1])
    for column, value in (
        (Contact.staff, q.staff_id),
        (Contact.direction, q.direction),
        (Contact.channel, q.channel),
        (Contact.outcome, q.outcome),
        (Contact.satisfaction, q.satisfaction),
    ):
        if value is not None:
            where.append(column == value)
    if q.customer_id is not None:
        from .customers import merged_ids

        where.append(Contact.customer.in_(merged_ids(q.customer_id)))
    for word in _log_words(q.search):
        where.append(pw.NodeList((Contact.search_text, pw.SQL("LIKE"), _like(word), pw.SQL("ESCAPE '\\'"))))
    return where


def _filtered(q: LogQuery):
    query = Contact.select()
    for condition in _log_where(q):
        query = query.where(condition)
    return query


def log_count(q: LogQuery) -> int:
    return _filtered(q).count()


def log_page(q: LogQuery, offset: int, limit: int) -> list[LogRow]:
    """Contacts matching ``q``, newest first."""
    Taker = Staff.alias()
    rows = (
        _filtered(q)
        .select(
            Contact.id,
            Contact.started_at,
            Contact.customer,
            Customer.kind,
            Customer.given_name,
            Customer.family_name,
            Customer.organisation,
            Contact.staff,
            Taker.full_name,
            Contact.channel,
            Contact.direction,
            Contact.duration_seconds,
            Contact.hold_seconds,
            Contact.outcome,
            Contact.satisfaction,
            Contact.reason,
            Contact.notes,
        )
        .join_from(Contact, Customer, pw.JOIN.LEFT_OUTER)
        .join_from(Contact, Taker, on=(Contact.staff == Taker.id))
        .order_by(Contact.started_at.desc(), Contact.id.desc())
        .offset(offset)
        .limit(limit)
        .tuples()
    )
    out = []
    for (
        cid,
        started,
        customer_id,
        kind,
        given,
        family,
        organisation,
        staff_id,
        staff_name,
        channel,
        direction,
        duration,
        hold,
        outcome,
        satisfaction,
        reason,
        notes,
    ) in rows:
        name = (
            (organisation if kind == "organisation" else f"{given or ''} {family or ''}".strip()) if customer_id else ""
        )
        out.append(
            LogRow(
                cid,
                started,
                customer_id,
                name,
                staff_id,
                staff_name,
                channel,
                direction,
                duration,
                hold,
                outcome,
                satisfaction,
                reason,
                notes,
            )
        )
    return out


def today_count(actor: Staff | None = None, now: datetime | None = None) -> int:
    """Contacts started today (local day), by ``actor`` when given."""
    now = now or utcnow()
    start, end = local_day_bounds(now.replace(tzinfo=timezone.utc).astimezone().date())
    query = Contact.select().where((Contact.started_at >= start) & (Contact.started_at < end))
    if actor is not None:
        query = query.where(Contact.staff == actor.id)
    return query.count()
