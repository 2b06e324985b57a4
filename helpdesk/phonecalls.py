"""What a phone call means for the data: the facts the screen pop shows as it rings, and the
callback a missed call leaves in the follow-up queue.

(The phone system itself is ``helpdesk.telephony``; the contact an answered call becomes is saved
by ``contacts.create`` from the call window, with the ring, answer and end times.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import peewee as pw

from . import audit, followups, settings
from .clock import to_local, utcnow
from .db import database
from .models import STATUS_MERGED, CalmSession, Complaint, Contact, Customer, FollowUp, MissedCall, PhoneNumber, Staff
from .permissions import require_signed_in
from .telephony.events import caller_number

KNOWN = "known"  # one live customer has this number
MAYBE = "maybe"  # several customers have it, or it was only found as digits elsewhere (notes, tails)
UNKNOWN = "unknown"

# How the last promise to the customer went:
KEPT = "kept"  # done by its time (and the grace)
KEPT_LATE = "kept_late"
PENDING = "pending"  # open, not yet due
BROKEN = "broken"  # open and overdue
CANCELLED = "cancelled"

# Why a caller is on the screen:
BY_NUMBER = "number"  # the number is one of theirs
ELSEWHERE = "elsewhere"  # only its digits were found: in a longer number, the notes, a name


@dataclass
class Promise:
    text: str
    due_at: datetime  # naive UTC
    outcome: str  # KEPT, KEPT_LATE, PENDING, BROKEN, CANCELLED
    done_at: datetime | None = None


@dataclass
class CallerFacts:
    """What matters before saying hello, for one customer."""

    customer_id: int
    name: str
    organisation: str = ""  # the organisation a contact person works for
    open_complaints: int = 0
    overdue_complaints: int = 0
    last_satisfaction: str | None = None  # a contacts.SATISFACTION key other than NOT_ASKED
    last_satisfaction_at: datetime | None = None
    last_anger: int | None = None  # the last calm-down session's rating (0-10): at its end, else at its start
    last_anger_at: datetime | None = None
    last_promise: Promise | None = None
    reason: str = BY_NUMBER  # BY_NUMBER, or ELSEWHERE for a "maybe" found by the digits alone


@dataclass
class Screen:
    number: str  # E.164, or "" when hidden or unreadable
    raw: str  # as the phone system sent it
    match: str  # KNOWN, MAYBE, UNKNOWN
    callers: list[CallerFacts] = field(default_factory=list)  # one when KNOWN; the best few when MAYBE


MISSED_PROMISE = {"en": "Missed call: call back", "fa": "تماس بی‌پاسخ: تماس برگشتی"}


def screen(raw_number: str, limit: int = 5, now: datetime | None = None) -> Screen:
    """Who is calling from ``raw_number``, with the facts the pop shows. A few indexed queries,
    however many callers: the facts of all of them are read together."""
    number = caller_number(raw_number, settings.phone_region())
    if not number:
        return Screen(number, raw_number or "", UNKNOWN)
    ids = _owners(number, limit)
    reason = BY_NUMBER
    if len(ids) == 1:
        match = KNOWN
    elif ids:
        match = MAYBE
    else:
        ids = _found_elsewhere(number, limit)
        match, reason = (MAYBE, ELSEWHERE) if ids else (UNKNOWN, BY_NUMBER)
    return Screen(number, raw_number or "", match, _facts(ids, now or utcnow(), reason))


def _owners(number: str, limit: int) -> list[int]:
    """Live customers with ``number`` (E.164) as one of theirs, the newest first."""
    return [
        cid
        for (cid,) in PhoneNumber.select(PhoneNumber.customer)
        .join(Customer)
        .where((PhoneNumber.number == number) & (Customer.status != STATUS_MERGED))
        .order_by(Customer.id.desc())
        .limit(limit)
        .tuples()
    ]


def _found_elsewhere(number: str, limit: int) -> list[int]:
    """Customers whose record holds the number's digits, without the country code and the 0
    (a number with an extension, a note "mobile 0912 …"), ranked as the directory ranks them."""
    import phonenumbers

    from . import customers, search

    digits = str(phonenumbers.parse(number, None).national_number)
    ranked = search.ranked_clauses(database.obj, digits, settings.phone_region())
    if not ranked:
        return []
    found = customers._ranked_ids(customers.DirectoryQuery(search=digits), ranked, 0, limit, filtered=True)
    return list(dict.fromkeys(cid for _, cid in found))[:limit]


def _facts(ids: list[int], now: datetime, reason: str) -> list[CallerFacts]:
    """The facts of each of ``ids`` (live customers), in that order, in a fixed number of statements."""
    from .complaints import OPEN_STATUSES, _overdue_condition, targets

    if not ids:
        return []
    owner_of = {cid: cid for cid in ids}  # every id whose facts count for a caller -> that caller
    frontier = list(ids)
    while frontier:  # customers merged into the callers, however deep (one statement a level; usually one)
        merged = list(
            Customer.select(Customer.id, Customer.merged_into).where(Customer.merged_into.in_(frontier)).tuples()
        )
        for merged_id, into in merged:
            owner_of[merged_id] = owner_of[into]
        frontier = [merged_id for merged_id, _ in merged]
    everyone = list(owner_of)
    Employer = Customer.alias()
    facts: dict[int, CallerFacts] = {}
    for cid, kind, given, family, own, employer in (
        Customer.select(
            Customer.id,
            Customer.kind,
            Customer.given_name,
            Customer.family_name,
            Customer.organisation,
            Employer.organisation,
        )
        .join_from(Customer, Employer, pw.JOIN.LEFT_OUTER, on=(Customer.organisation_id == Employer.id))
        .where(Customer.id.in_(ids))
        .tuples()
    ):
        name = own if kind == "organisation" else f"{given} {family}".strip()
        facts[cid] = CallerFacts(
            cid, name, organisation=(employer or "") if kind != "organisation" else "", reason=reason
        )

    late = pw.Case(None, [(_overdue_condition(now, targets()), 1)], 0)
    for customer_id, open_count, overdue in (
        Complaint.select(Complaint.customer, pw.fn.COUNT(Complaint.id), pw.fn.SUM(late))
        .where(Complaint.customer.in_(everyone) & Complaint.status.in_(OPEN_STATUSES))
        .group_by(Complaint.customer)
        .tuples()
    ):
        caller = facts[owner_of[customer_id]]
        caller.open_complaints += int(open_count)
        caller.overdue_complaints += int(overdue or 0)

    from .contacts import NOT_ASKED

    def newest(query, order, *columns):
        """(customer id, *columns) of the newest row of ``query`` for each customer: one statement."""
        model = query.model
        rank = pw.fn.ROW_NUMBER().over(partition_by=[model.customer], order_by=order)
        inner = query.select(model.customer.alias("owner"), *columns, rank.alias("place")).where(
            model.customer.in_(everyone)
        )
        outer = pw.Select([inner.alias("ranked")], [pw.SQL("*")]).where(pw.SQL("place") == 1)
        convert = [column.python_value if isinstance(column, pw.Field) else (lambda v: v) for column in columns]
        return [(row[0], *(f(v) for f, v in zip(convert, row[1:-1]))) for row in database.execute(outer).fetchall()]

    for customer_id, satisfaction, at in newest(
        Contact.select().where(Contact.satisfaction != NOT_ASKED),
        [Contact.started_at.desc(), Contact.id.desc()],
        Contact.satisfaction,
        Contact.started_at,
    ):
        caller = facts[owner_of[customer_id]]
        if caller.last_satisfaction_at is None or at > caller.last_satisfaction_at:
            caller.last_satisfaction, caller.last_satisfaction_at = satisfaction, at

    for customer_id, anger, at in newest(
        CalmSession.select().where(CalmSession.anger_end.is_null(False) | CalmSession.anger_start.is_null(False)),
        [CalmSession.started_at.desc(), CalmSession.id.desc()],
        pw.fn.COALESCE(CalmSession.anger_end, CalmSession.anger_start),
        CalmSession.started_at,
    ):
        caller = facts[owner_of[customer_id]]
        if caller.last_anger_at is None or at > caller.last_anger_at:
            caller.last_anger, caller.last_anger_at = int(anger), at

    promised: dict[int, datetime] = {}
    for customer_id, text, due_at, status, done_at, made in newest(
        FollowUp.select().where(FollowUp.kind != followups.KIND_MISSED),
        [FollowUp.created_at.desc(), FollowUp.id.desc()],
        FollowUp.promise,
        FollowUp.due_at,
        FollowUp.status,
        FollowUp.done_at,
        FollowUp.created_at,
    ):
        owner = owner_of[customer_id]
        if owner in promised and promised[owner] >= made:
            continue
        promised[owner] = made
        facts[owner].last_promise = Promise(text, due_at, _outcome(due_at, status, done_at, now), done_at)
    return [facts[cid] for cid in ids if cid in facts]


def _outcome(due_at: datetime, status: str, done_at: datetime | None, now: datetime) -> str:
    if status == followups.DONE:
        return KEPT if done_at is not None and done_at <= due_at + followups.GRACE else KEPT_LATE
    if status == followups.CANCELLED:
        return CANCELLED
    return BROKEN if followups.state(due_at, status, now) == followups.OVERDUE else PENDING


def missed_key(number: str, at: datetime) -> str:
    """The key of the one open callback a number may have on the office's local day of ``at``."""
    return f"{number}|{to_local(at).date().isoformat()}"


def record_missed(actor: Staff, call_id: str, raw_number: str, at: datetime) -> FollowUp | None:
    """A missed call as a callback in the queue: one open callback per number per local day, however
    often they tried (its ``attempts`` counts the calls); the same call heard by several desks is
    counted once (``call_id``). None for a hidden number.

    The callback is the desk's (``actor`` heard it), due at once, for the one live customer with the
    number, else for the number alone; its promise is written in that customer's language (the
    office's region's for a stranger), and the queue shows it translated by its kind."""
    require_signed_in(actor)
    number = caller_number(raw_number, settings.phone_region())
    if not number:
        return None
    call_id = (call_id or "").strip()[:64] or f"{number}|{at.isoformat()}"
    key = missed_key(number, at)
    with database.atomic():
        if database.for_update:  # PostgreSQL: the calls of one number, one at a time (SQLite: the whole file)
            database.execute_sql("SELECT pg_advisory_xact_lock(7318016, hashtext(%s))", (number,))
        seen = MissedCall.get_or_none(MissedCall.call_id == call_id)
        if seen is not None:  # another desk heard the same call first
            return FollowUp.get_or_none(FollowUp.id == seen.follow_up_id)
        row = FollowUp.get_or_none(FollowUp.missed_key == key)
        if row is None:
            owners = _owners(number, 2)
            customer_id = owners[0] if len(owners) == 1 else None
            language = _language(customer_id)
            row = audit.create(
                actor,
                FollowUp,
                customer=customer_id,
                kind=followups.KIND_MISSED,
                due_at=at,
                assignee=actor.id,
                promise=MISSED_PROMISE[language],
                status=followups.OPEN,
                created_by=actor.id,
                phone=number,
                attempts=1,
                missed_key=key,
            )
        else:
            before = audit.snapshot(row)
            FollowUp.update(attempts=FollowUp.attempts + 1, updated_at=utcnow()).where(FollowUp.id == row.id).execute()
            row = FollowUp.get_by_id(row.id)
            audit.record(actor, "update", row, before, audit.snapshot(row))
        MissedCall.create(call_id=call_id, phone=number, at=at, follow_up=row.id)
    return row


def _language(customer_id: int | None) -> str:
    if customer_id is not None:
        language = Customer.select(Customer.preferred_language).where(Customer.id == customer_id).scalar()
        if language in MISSED_PROMISE:
            return language
    return "fa" if settings.phone_region() == "IR" else "en"


def number_to_call(
    customer_id: int | None = None, contact_id: int | None = None, follow_up_id: int | None = None
) -> tuple[str, int | None]:
    """The number click to dial calls, and the customer it reaches: a callback's own number (a missed
    call's), a contact's number, else the customer's first. ("", None) when there is none."""
    number = ""
    if follow_up_id is not None:
        promise = FollowUp.get_or_none(FollowUp.id == follow_up_id)
        if promise is not None:
            number, customer_id = promise.phone, promise.customer_id
    elif contact_id is not None:
        contact = Contact.get_or_none(Contact.id == contact_id)
        if contact is not None:
            number, customer_id = contact.phone, contact.customer_id
    if not number and customer_id is not None:
        number = (
            PhoneNumber.select(PhoneNumber.number)
            .where(PhoneNumber.customer == customer_id)
            .order_by(PhoneNumber.position, PhoneNumber.id)
            .limit(1)
            .scalar()
        ) or ""
    return number, customer_id
