"""Follow-ups and callbacks: promises to come back to a customer by a given time.

A follow-up is *due* on its day, *overdue* once its time is more than a few
minutes past, and *upcoming* before its day. Completing a callback is an
outbound call, logged as a contact (``contacts.create`` with ``follow_up_of``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

import peewee as pw

from . import audit
from .clock import utcnow
from .errors import NotFound, PermissionDenied, ValidationError
from .models import Customer, FollowUp, Staff
from .permissions import require_signed_in

KIND_CALLBACK = "callback"
KIND_FOLLOW_UP = "follow_up"
KINDS = (KIND_CALLBACK, KIND_FOLLOW_UP)  # what a person promises
KIND_MISSED = "missed_call"  # a callback the phone system left for a missed call (phonecalls.record_missed)
OPEN, DONE, CANCELLED = "open", "done", "cancelled"
OVERDUE, DUE, UPCOMING = "overdue", "due", "upcoming"
# A callback promised "at 14:00" is still on time at 14:10; after that it is overdue.
GRACE = timedelta(minutes=15)
PROMISE_LIMIT = 300  # the column's size


# When the office is open, in local time, by weekday (Monday = 0): Saturday to Wednesday
# 08-18, Thursday 08-13, Friday closed (the Iranian working week, as the demo data has it).
OPENING_HOURS = {0: (8, 18), 1: (8, 18), 2: (8, 18), 3: (8, 13), 4: None, 5: (8, 18), 6: (8, 18)}
DEFAULT_HOUR = 10  # a promise made after hours is for the next working morning


def opening_hours(day) -> tuple[int, int] | None:
    """The office's hours on a local date, or None when closed (Fridays, and the Nowruz holidays,
    1 to 4 Farvardin)."""
    from .localization import to_jalali

    jalali = to_jalali(day)
    if jalali.month == 1 and jalali.day <= 4:
        return None
    return OPENING_HOURS[day.weekday()]


def default_due(now: datetime | None = None) -> datetime:
    """A sensible time to promise a callback by (naive UTC): about an hour from ``now``, on a quarter
    of an hour, while the office is open; otherwise 10:00 on the next working day."""
    local = (now or utcnow()).replace(tzinfo=timezone.utc).astimezone()
    candidate = local + timedelta(hours=1)
    candidate = candidate.replace(second=0, microsecond=0) + timedelta(minutes=(-candidate.minute) % 15)
    day = candidate.date()
    hours = opening_hours(day)
    if hours is None or candidate.hour >= hours[1] or candidate.date() != local.date():
        day = local.date() + timedelta(days=1)
        while opening_hours(day) is None:
            day += timedelta(days=1)
        chosen = datetime.combine(day, time(DEFAULT_HOUR))
    elif candidate.hour < hours[0]:
        chosen = datetime.combine(day, time(DEFAULT_HOUR))
    else:
        chosen = candidate.replace(tzinfo=None)
    return chosen.astimezone().astimezone(timezone.utc).replace(tzinfo=None)


def end_of_local_day(now: datetime) -> datetime:
    """The naive-UTC moment the local day containing ``now`` (naive UTC) ends."""
    local = now.replace(tzinfo=timezone.utc).astimezone()
    midnight = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight.astimezone(timezone.utc).replace(tzinfo=None)


def state(due_at: datetime, status: str, now: datetime | None = None) -> str:
    if status != OPEN:
        return status
    now = now or utcnow()
    if now > due_at + GRACE:
        return OVERDUE
    if due_at < end_of_local_day(now):
        return DUE
    return UPCOMING


def _active_staff(staff_id: int | None) -> Staff:
    staff = Staff.get_or_none(Staff.id == staff_id) if staff_id else None
    if staff is None:
        raise ValidationError("assignee", "required")
    if not staff.active:
        raise ValidationError("assignee", "assignee_inactive")
    return staff


def create(
    actor: Staff,
    customer_id: int | None,
    due_at: datetime,
    assignee_id: int,
    promise: str,
    kind: str = KIND_CALLBACK,
    contact_id: int | None = None,
) -> FollowUp:
    require_signed_in(actor)
    if kind not in KINDS:
        raise ValidationError("follow_up_kind", "invalid_choice")
    from .customers import check_text
    from .text import clean_text

    promise = check_text(clean_text(promise), "promise", PROMISE_LIMIT)
    if not promise:
        raise ValidationError("promise", "required")
    if Customer.get_or_none(Customer.id == customer_id) is None:
        raise ValidationError("customer", "not_found")
    _active_staff(assignee_id)
    return audit.create(
        actor,
        FollowUp,
        customer=customer_id,
        contact=contact_id,
        kind=kind,
        due_at=due_at,
        assignee=assignee_id,
        promise=promise,
        status=OPEN,
        created_by=actor.id,
    )


def get(follow_up_id: int) -> FollowUp:
    row = FollowUp.get_or_none(FollowUp.id == follow_up_id)
    if row is None:
        raise NotFound(f"follow-up {follow_up_id}")
    return row


def mark_done(actor: Staff, follow_up_id: int, contact) -> FollowUp:
    """Record that ``contact`` kept the promise. Called by ``contacts.create`` inside its transaction."""
    require_signed_in(actor)
    # Read under a lock: two desks keeping the same promise at once, the second is told it is closed.
    row = audit.locked(FollowUp.select().where(FollowUp.id == follow_up_id))
    if row is None:
        raise NotFound(f"follow-up {follow_up_id}")
    if row.status != OPEN:
        raise ValidationError("follow_up", "follow_up_closed")
    with audit.changing(actor, row, "complete"):
        row.status = DONE
        row.done_at = utcnow()
        row.done_by_id = actor.id
        row.done_contact = contact.id
        row.missed_key = None  # the number's next missed call today is a new callback
    return row


def _may_change(actor: Staff, row: FollowUp) -> None:
    if not (actor.is_supervisor or row.assignee_id == actor.id or row.created_by_id == actor.id):
        raise PermissionDenied(f"{actor.username} may not change follow-up {row.id}")


def cancel(actor: Staff, follow_up_id: int, version: int | None = None) -> FollowUp:
    require_signed_in(actor)
    row = get(follow_up_id)
    _may_change(actor, row)
    if row.status != OPEN:
        raise ValidationError("follow_up", "follow_up_closed")
    with audit.changing(actor, row, "cancel", version=version):
        row.status = CANCELLED
        row.missed_key = None
    return row


def reschedule(
    actor: Staff, follow_up_id: int, due_at: datetime, assignee_id: int | None = None, version: int | None = None
) -> FollowUp:
    require_signed_in(actor)
    row = get(follow_up_id)
    _may_change(actor, row)
    if row.status != OPEN:
        raise ValidationError("follow_up", "follow_up_closed")
    if assignee_id is not None:
        _active_staff(assignee_id)
    with audit.changing(actor, row, version=version):
        row.due_at = due_at
        if assignee_id is not None:
            row.assignee_id = assignee_id
    return row


@dataclass
class QueueRow:
    id: int
    due_at: datetime
    state: str
    kind: str
    customer_id: int | None  # None: a missed call from an unknown number (``phone`` is the number)
    customer: str
    phone: str  # the number to call back: the follow-up's own, else the customer's first
    assignee_id: int
    assignee: str
    promise: str
    version: int = 1  # what a cancel or a new time is made from
    attempts: int = 0  # a missed call's callback: how many times they called


def queue(
    assignee_id: int | None = None,
    now: datetime | None = None,
    include_upcoming: bool = False,
    limit: int = 500,
    offset: int = 0,
) -> list[QueueRow]:
    """Open follow-ups that are due today or overdue (and later ones when asked), the oldest promise
    first; ``limit`` of them from ``offset`` on (``counts`` says how many there are in all)."""
    from .models import PhoneNumber

    now = now or utcnow()
    query = (
        FollowUp.select(
            FollowUp.id,
            FollowUp.due_at,
            FollowUp.kind,
            FollowUp.customer,
            Customer.kind,
            Customer.given_name,
            Customer.family_name,
            Customer.organisation,
            FollowUp.assignee,
            Staff.full_name,
            FollowUp.promise,
            FollowUp.version,
            FollowUp.phone,
            FollowUp.attempts,
        )
        .join_from(FollowUp, Customer, pw.JOIN.LEFT_OUTER)
        .join_from(FollowUp, Staff, on=(FollowUp.assignee == Staff.id))
        .where(FollowUp.status == OPEN)
        .order_by(FollowUp.due_at, FollowUp.id)
        .offset(offset)
        .limit(limit)
    )
    if not include_upcoming:
        query = query.where(FollowUp.due_at < end_of_local_day(now))
    if assignee_id is not None:
        query = query.where(FollowUp.assignee == assignee_id)
    rows = list(query.tuples())
    first_phone: dict[int, str] = {}
    customer_ids = list({r[3] for r in rows if r[3] is not None and not r[12]})
    if customer_ids:
        for customer_id, number in (
            PhoneNumber.select(PhoneNumber.customer, PhoneNumber.number)
            .where(PhoneNumber.customer.in_(customer_ids))
            .order_by(PhoneNumber.position.desc())
            .tuples()
        ):
            first_phone[customer_id] = number
    out = []
    for (
        fid,
        due_at,
        kind,
        customer_id,
        ckind,
        given,
        family,
        organisation,
        assignee_id_,
        assignee,
        promise,
        version,
        phone,
        attempts,
    ) in rows:
        if customer_id is None:
            name = ""
        else:
            name = organisation if ckind == "organisation" else f"{given or ''} {family or ''}".strip()
        out.append(
            QueueRow(
                fid,
                due_at,
                state(due_at, OPEN, now),
                kind,
                customer_id,
                name,
                phone or first_phone.get(customer_id, ""),
                assignee_id_,
                assignee,
                promise,
                version,
                attempts,
            )
        )
    return out


def next_change(now: datetime) -> datetime:
    """When an open follow-up next comes due or turns overdue, or else the day ends: whatever is open."""
    open_ = FollowUp.select(FollowUp.due_at).where(FollowUp.status == OPEN).order_by(FollowUp.due_at).limit(1)
    moments = [end_of_local_day(now)]
    coming_due = open_.where(FollowUp.due_at > now).first()
    if coming_due is not None:
        moments.append(coming_due.due_at)
    turning_overdue = open_.where(FollowUp.due_at > now - GRACE).first()
    if turning_overdue is not None:
        moments.append(turning_overdue.due_at + GRACE)
    return min(moments)  # each is after ``now``


def counts(assignee_id: int | None = None, now: datetime | None = None) -> dict[str, int]:
    """How many open follow-ups are overdue and due today (``assignee_id``'s, or everyone's):
    counted by the database, as ``queue`` and ``state`` tell them apart."""
    now = now or utcnow()
    where = (FollowUp.status == OPEN) & (FollowUp.due_at < end_of_local_day(now))
    if assignee_id is not None:
        where &= FollowUp.assignee == assignee_id
    late = pw.Case(None, [(FollowUp.due_at < now - GRACE, 1)], 0)
    total, overdue = FollowUp.select(pw.fn.COUNT(FollowUp.id), pw.fn.SUM(late)).where(where).tuples().get()
    return {OVERDUE: int(overdue or 0), DUE: total - int(overdue or 0)}


def coming_due(assignee_id: int, after: datetime, now: datetime | None = None) -> list[FollowUp]:
    """Open follow-ups of ``assignee_id`` whose time came after ``after`` and by ``now``: time to say so."""
    now = now or utcnow()
    return list(
        FollowUp.select()
        .where(
            (FollowUp.status == OPEN)
            & (FollowUp.assignee == assignee_id)
            & (FollowUp.due_at > after)
            & (FollowUp.due_at <= now)
        )
        .order_by(FollowUp.due_at)
    )
