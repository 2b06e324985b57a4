"""Complaints: raising them, their workflow, escalation, the discussion, resolution and targets.

A complaint moves new → in progress → (escalated) → resolved → closed, and can be
reopened. Every change of state, category, priority or assignee is an event with
who and when (``ComplaintEvent``), and every change of the record is audited.

Staff raise complaints, comment, escalate (always with a reason), and work on and
resolve those assigned to them; only the assignee or a supervisor closes one.
Supervisors re-categorise, reassign and set the targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import peewee as pw

from . import audit, settings
from .choice_lists import COMPLAINT_CATEGORIES
from .clock import utcnow
from .contacts import SATISFACTION, live_customer_id, local_day_bounds
from .customers import FormErrors, _limited, check_text
from .db import database
from .errors import Conflict, KnownError, NotFound, PermissionDenied, ValidationError
from .models import (
    Complaint,
    ComplaintCategory,
    ComplaintComment,
    ComplaintEvent,
    Customer,
    Notification,
    Staff,
)
from .permissions import require_signed_in, require_supervisor
from .text import clean_text

PRIORITIES = ("urgent", "high", "normal", "low")
NEW, IN_PROGRESS, ESCALATED, RESOLVED, CLOSED = "new", "in_progress", "escalated", "resolved", "closed"
STATUSES = (NEW, IN_PROGRESS, ESCALATED, RESOLVED, CLOSED)
OPEN_STATUSES = (NEW, IN_PROGRESS, ESCALATED)
# Where each state may go next. Escalation has its own service (it needs a reason and a supervisor).
TRANSITIONS = {
    NEW: (IN_PROGRESS, RESOLVED),
    IN_PROGRESS: (RESOLVED,),
    ESCALATED: (IN_PROGRESS, RESOLVED),
    RESOLVED: (CLOSED, IN_PROGRESS),
    CLOSED: (IN_PROGRESS,),
}
VISIBILITIES = ("internal", "customer")
TEXT_LIMIT = 10000


class WrongState(KnownError):
    code = "complaint_state"


ComplaintConflict = Conflict  # someone changed the complaint first (code "complaint_conflict")


# --- targets ---------------------------------------------------------------------------------


def targets() -> dict[str, tuple[int, int]]:
    """Hours to the first response and to the resolution, per priority."""
    stored = settings.get("complaint_targets")
    return {p: (int(stored[p][0]), int(stored[p][1])) for p in PRIORITIES}


def set_targets(actor: Staff, values: dict[str, tuple[int, int]], version: int | None = None) -> None:
    """Store the response targets; ``version`` is ``settings.version("complaint_targets")`` as shown."""
    require_supervisor(actor)
    clean = {}
    for priority in PRIORITIES:
        first, resolve = values.get(priority, (0, 0))  # a target left out is out of range
        for name, value in ((f"{priority}_first", first), (f"{priority}_resolve", resolve)):
            if not isinstance(value, int) or not 1 <= value <= 24 * 90:
                raise ValidationError(name, "out_of_range", minimum=1, maximum=24 * 90)
        if first > resolve:
            raise ValidationError(f"{priority}_resolve", "resolve_before_response")
        clean[priority] = [first, resolve]
    settings.set_value(actor, "complaint_targets", clean, version)


@dataclass(frozen=True)
class Deadlines:
    first_response: datetime
    resolution: datetime


def deadlines(created_at: datetime, priority: str, table: dict | None = None) -> Deadlines:
    first, resolve = (table or targets())[priority]
    return Deadlines(created_at + timedelta(hours=first), created_at + timedelta(hours=resolve))


def overdue_reasons(c: Complaint, now: datetime | None = None, table: dict | None = None) -> list[str]:
    """Which targets an open complaint has missed: "first_response", "resolution", both or none."""
    now = now or utcnow()
    due = deadlines(c.created_at, c.priority, table)
    late = []
    if c.first_response_at is None and now > due.first_response:
        late.append("first_response")
    elif c.first_response_at is not None and c.first_response_at > due.first_response and c.status in OPEN_STATUSES:
        pass  # answered late, but answered: only the resolution can still be missed
    if c.status in OPEN_STATUSES and now > due.resolution:
        late.append("resolution")
    return late


def is_overdue(c: Complaint, now: datetime | None = None, table: dict | None = None) -> bool:
    return c.status in OPEN_STATUSES and bool(overdue_reasons(c, now, table))


def _overdue_condition(now: datetime, table: dict):
    """SQL for "open and past a target", per priority."""
    parts = []
    for priority, (first, resolve) in table.items():
        parts.append(
            (Complaint.priority == priority)
            & (
                (Complaint.first_response_at.is_null() & (Complaint.created_at < now - timedelta(hours=first)))
                | (Complaint.created_at < now - timedelta(hours=resolve))
            )
        )
    condition = parts[0]
    for part in parts[1:]:
        condition |= part
    return Complaint.status.in_(OPEN_STATUSES) & condition


# --- categories --------------------------------------------------------------------------------


def categories(include_inactive: bool = False) -> list[ComplaintCategory]:
    return COMPLAINT_CATEGORIES.rows(include_inactive)


def add_category(actor: Staff, name_en: str, name_fa: str) -> ComplaintCategory:
    return COMPLAINT_CATEGORIES.add(actor, name_en, name_fa)


def set_category_active(actor: Staff, category_id: int, active: bool, version: int | None = None) -> ComplaintCategory:
    return COMPLAINT_CATEGORIES.set_active(actor, category_id, active, version)


# --- raising a complaint ------------------------------------------------------------------------


@dataclass
class ComplaintDraft:
    customer_id: int | None = None
    contact_id: int | None = None
    category_id: int | None = None
    priority: str = "normal"
    description: str = ""
    wanted: str = ""
    assignee_id: int | None = None


def _clean(draft: ComplaintDraft) -> dict:
    errors: dict[str, ValidationError] = {}
    values: dict[str, Any] = {}
    customer_id = live_customer_id(draft.customer_id) if draft.customer_id is not None else None
    if draft.customer_id is not None and customer_id is None:
        errors["customer"] = ValidationError("customer", "not_found")
    values["customer"] = customer_id
    values["contact"] = draft.contact_id
    category = ComplaintCategory.get_or_none(ComplaintCategory.id == draft.category_id) if draft.category_id else None
    if category is None:
        errors["category"] = ValidationError("category", "required")
    elif not category.active:
        errors["category"] = ValidationError("category", "invalid_choice")
    values["category"] = draft.category_id
    if draft.priority not in PRIORITIES:
        errors["priority"] = ValidationError("priority", "invalid_choice")
    values["priority"] = draft.priority
    values["description"] = _limited(clean_text(draft.description), "description", TEXT_LIMIT, errors)
    if not values["description"]:
        errors["description"] = ValidationError("description", "required")
    values["wanted"] = _limited(clean_text(draft.wanted), "wanted", TEXT_LIMIT, errors)
    assignee = Staff.get_or_none(Staff.id == draft.assignee_id) if draft.assignee_id else None
    if assignee is None or not assignee.active:
        errors["assignee"] = ValidationError("assignee", "required" if assignee is None else "assignee_inactive")
    values["assignee"] = draft.assignee_id
    if errors:
        raise FormErrors(errors)
    return values


def create(actor: Staff, draft: ComplaintDraft) -> Complaint:
    """Raise a complaint. Staff may give it to anyone; a supervisor can reassign it later."""
    require_signed_in(actor)
    values = _clean(draft)
    with database.atomic():
        complaint = audit.create(actor, Complaint, status=NEW, created_by=actor.id, updated_by=actor.id, **values)
        _event(actor, complaint, "status", "", NEW)
    return complaint


def get(complaint_id: int) -> Complaint:
    row = Complaint.get_or_none(Complaint.id == complaint_id)
    if row is None:
        raise NotFound(f"complaint {complaint_id}")
    return row


def _event(actor: Staff, complaint: Complaint, kind: str, old: object, new: object, note: str = "") -> ComplaintEvent:
    return ComplaintEvent.create(
        complaint=complaint.id,
        at=utcnow(),
        actor=actor.id,
        kind=kind,
        old_value=str(old if old is not None else "")[:64],
        new_value=str(new if new is not None else "")[:64],
        note=note,
    )


def _fresh(complaint_id: int, version: int | None) -> Complaint:
    row = get(complaint_id)
    audit.check_version(row, version)
    return row


def _is_mine(actor: Staff, c: Complaint) -> bool:
    return actor.is_supervisor or c.assignee_id == actor.id


# --- the workflow -----------------------------------------------------------------------------------


def may_move(actor: Staff, c: Complaint, status: str) -> bool:
    """Whether ``actor`` may move ``c`` to ``status`` now (for showing the right buttons)."""
    if status not in TRANSITIONS.get(c.status, ()):
        return False
    if status in (CLOSED, RESOLVED) or c.status == CLOSED:
        return _is_mine(actor, c)
    return actor.active


def move(actor: Staff, complaint_id: int, status: str, note: str = "", version: int | None = None) -> Complaint:
    """Change the state of a complaint; resolving needs the resolution (see ``resolve``)."""
    require_signed_in(actor)
    if status == ESCALATED:
        raise WrongState("use escalate()")
    if status == RESOLVED:
        raise WrongState("use resolve()")
    note = check_text(clean_text(note), "note", TEXT_LIMIT)
    with database.atomic():
        c = _fresh(complaint_id, version)
        if status not in TRANSITIONS.get(c.status, ()):
            raise WrongState(f"{c.status} -> {status}", current=c.status, wanted=status)
        if (status == CLOSED or c.status == CLOSED) and not _is_mine(actor, c):
            raise PermissionDenied(f"{actor.username} may not close or reopen complaint {c.id}")
        _set_status(actor, c, status, note)
    return c


def _set_status(actor: Staff, c: Complaint, status: str, note: str = "", **changes) -> None:
    old = c.status
    now = utcnow()
    with audit.changing(actor, c, "status"):
        c.status = status
        if c.first_response_at is None and status != NEW:
            c.first_response_at = now
        if status == CLOSED:
            c.closed_at = now
        if status == IN_PROGRESS and old in (RESOLVED, CLOSED):  # reopened: the clock for resolution runs again
            c.resolved_at = None
            c.closed_at = None
        for name, value in changes.items():
            setattr(c, name, value)
        c.updated_by_id = actor.id
    _event(actor, c, "status", old, status, note)


def resolve(
    actor: Staff, complaint_id: int, notes: str, satisfaction: str, will_return: bool | None, version: int | None = None
) -> Complaint:
    """Resolve with what was done, how satisfied the customer is with it, and whether they will come back."""
    require_signed_in(actor)
    errors: dict[str, ValidationError] = {}
    notes = _limited(clean_text(notes), "resolution_notes", TEXT_LIMIT, errors)
    if not notes:
        errors["resolution_notes"] = ValidationError("resolution_notes", "required")
    if satisfaction not in SATISFACTION:
        errors["resolution_satisfaction"] = ValidationError("resolution_satisfaction", "satisfaction_required")
    if errors:
        raise FormErrors(errors)
    with database.atomic():
        c = _fresh(complaint_id, version)
        if not _is_mine(actor, c):  # staff resolve those assigned to them (module docstring)
            raise PermissionDenied(f"{actor.username} may not resolve complaint {c.id}")
        if RESOLVED not in TRANSITIONS.get(c.status, ()):
            raise WrongState(f"{c.status} -> resolved", current=c.status, wanted=RESOLVED)
        _set_status(
            actor,
            c,
            RESOLVED,
            "",
            resolved_at=utcnow(),
            resolution_notes=notes[:TEXT_LIMIT],
            resolution_satisfaction=satisfaction,
            will_return=will_return,
        )
    return c


def escalate(
    actor: Staff, complaint_id: int, reason: str, supervisor_id: int | None = None, version: int | None = None
) -> Complaint:
    """Hand the complaint to a supervisor, with the reason. The supervisors are told at once."""
    require_signed_in(actor)
    reason = check_text(clean_text(reason), "reason", TEXT_LIMIT)
    if not reason:
        raise ValidationError("reason", "escalation_reason")
    supervisors = list(Staff.select().where((Staff.role == "supervisor") & (Staff.active == True)))  # noqa: E712 - a peewee expression: "== True" builds the SQL
    if supervisor_id is not None:
        target = next((s for s in supervisors if s.id == supervisor_id), None)
        if target is None:
            raise ValidationError("supervisor", "not_a_supervisor")
    else:
        target = next((s for s in supervisors if s.id != actor.id), supervisors[0] if supervisors else None)
    with database.atomic():
        c = _fresh(complaint_id, version)
        if c.status not in (NEW, IN_PROGRESS, ESCALATED, RESOLVED):
            raise WrongState(f"{c.status} -> escalated", current=c.status, wanted=ESCALATED)
        _set_status(
            actor,
            c,
            ESCALATED,
            reason,
            escalated_to=target.id if target else None,
            escalated_at=utcnow(),
            escalation_reason=reason[:TEXT_LIMIT],
        )
        _event(actor, c, "escalate", "", target.id if target else "", reason)
        recipients = [s for s in supervisors if s.id != actor.id] or supervisors
        for person in recipients:
            Notification.create(
                recipient=person.id, at=utcnow(), kind="escalation", complaint=c.id, actor=actor.id, text=reason[:500]
            )
    return c


def _supervisor_change(
    actor: Staff, complaint_id: int, field: str, value, version: int | None, notify: int | None = None
) -> Complaint:
    """A supervisor's change of category, priority or assignee: saved, audited and in the history."""
    with database.atomic():
        c = _fresh(complaint_id, version)
        old = getattr(c, f"{field}_id", None) if field in ("category", "assignee") else getattr(c, field)
        with audit.changing(actor, c):
            setattr(c, field, value)
            c.updated_by_id = actor.id
        _event(actor, c, field, old, value)
        if notify is not None and notify != actor.id:
            Notification.create(recipient=notify, at=utcnow(), kind="assigned", complaint=c.id, actor=actor.id)
    return c


def recategorise(actor: Staff, complaint_id: int, category_id: int, version: int | None = None) -> Complaint:
    require_supervisor(actor)
    if ComplaintCategory.get_or_none(ComplaintCategory.id == category_id) is None:
        raise ValidationError("category", "required")
    return _supervisor_change(actor, complaint_id, "category", category_id, version)


def reassign(actor: Staff, complaint_id: int, assignee_id: int, version: int | None = None) -> Complaint:
    require_supervisor(actor)
    person = Staff.get_or_none(Staff.id == assignee_id)
    if person is None or not person.active:
        raise ValidationError("assignee", "assignee_inactive")
    return _supervisor_change(actor, complaint_id, "assignee", assignee_id, version, notify=assignee_id)


def set_priority(actor: Staff, complaint_id: int, priority: str, version: int | None = None) -> Complaint:
    require_supervisor(actor)
    if priority not in PRIORITIES:
        raise ValidationError("priority", "invalid_choice")
    return _supervisor_change(actor, complaint_id, "priority", priority, version)


def comment(actor: Staff, complaint_id: int, body: str, visibility: str = "internal") -> ComplaintComment:
    """Add to the discussion. A word said to the customer counts as the first response."""
    require_signed_in(actor)
    body = check_text(clean_text(body), "comment", TEXT_LIMIT)
    if not body:
        raise ValidationError("comment", "required")
    if visibility not in VISIBILITIES:
        raise ValidationError("visibility", "invalid_choice")
    with database.atomic():
        c = audit.locked(Complaint.select().where(Complaint.id == complaint_id))
        if c is None:
            raise NotFound(f"complaint {complaint_id}")
        row = audit.create(
            actor,
            ComplaintComment,
            complaint=c.id,
            at=utcnow(),
            author=actor.id,
            visibility=visibility,
            body=body[:TEXT_LIMIT],
        )
        if visibility == "customer" and c.first_response_at is None:
            with audit.changing(actor, c):
                c.first_response_at = row.at
    return row


def history(complaint_id: int) -> list[ComplaintEvent]:
    return list(
        ComplaintEvent.select(ComplaintEvent, Staff)
        .join(Staff)
        .where(ComplaintEvent.complaint == complaint_id)
        .order_by(ComplaintEvent.at, ComplaintEvent.id)
    )


def thread(complaint_id: int) -> list[ComplaintComment]:
    return list(
        ComplaintComment.select(ComplaintComment, Staff)
        .join(Staff)
        .where(ComplaintComment.complaint == complaint_id)
        .order_by(ComplaintComment.at, ComplaintComment.id)
    )


# --- lists --------------------------------------------------------------------------------------------

VIEW_MINE, VIEW_OPEN, VIEW_OVERDUE, VIEW_ESCALATED_TO_ME, VIEW_ALL = "mine", "open", "overdue", "escalated", "all"
VIEWS = (VIEW_MINE, VIEW_OPEN, VIEW_OVERDUE, VIEW_ESCALATED_TO_ME, VIEW_ALL)


@dataclass(frozen=True)
class ComplaintQuery:
    view: str = VIEW_OPEN
    category_id: int | None = None
    priority: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    customer_id: int | None = None


@dataclass
class ComplaintRow:
    id: int
    created_at: datetime
    customer_id: int | None
    customer: str
    category_id: int
    priority: str
    status: str
    assignee: str
    description: str
    overdue: list[str]
    escalated_to: str


def _query(actor: Staff, q: ComplaintQuery, now: datetime, table: dict):
    Assignee = Staff.alias()
    Escalated = Staff.alias()
    query = (
        Complaint.select(
            Complaint,
            Customer.kind,
            Customer.given_name,
            Customer.family_name,
            Customer.organisation,
            Assignee.full_name.alias("assignee_name"),
            Escalated.full_name.alias("escalated_name"),
        )
        .join_from(Complaint, Customer, pw.JOIN.LEFT_OUTER)
        .join_from(Complaint, Assignee, on=(Complaint.assignee == Assignee.id))
        .join_from(Complaint, Escalated, pw.JOIN.LEFT_OUTER, on=(Complaint.escalated_to == Escalated.id))
    )
    if q.view == VIEW_MINE:
        query = query.where((Complaint.assignee == actor.id) & Complaint.status.in_(OPEN_STATUSES))
    elif q.view == VIEW_OPEN:
        query = query.where(Complaint.status.in_(OPEN_STATUSES))
    elif q.view == VIEW_OVERDUE:
        query = query.where(_overdue_condition(now, table))
    elif q.view == VIEW_ESCALATED_TO_ME:
        query = query.where((Complaint.escalated_to == actor.id) & (Complaint.status == ESCALATED))
    if q.category_id is not None:
        query = query.where(Complaint.category == q.category_id)
    if q.priority is not None:
        query = query.where(Complaint.priority == q.priority)
    if q.date_from is not None:
        query = query.where(Complaint.created_at >= local_day_bounds(q.date_from)[0])
    if q.date_to is not None:
        query = query.where(Complaint.created_at < local_day_bounds(q.date_to)[1])
    if q.customer_id is not None:
        from .customers import merged_ids

        query = query.where(Complaint.customer.in_(merged_ids(q.customer_id)))
    return query


def count(actor: Staff, q: ComplaintQuery, now: datetime | None = None) -> int:
    return counts(actor, q, now)[0]


def counts(actor: Staff, q: ComplaintQuery, now: datetime | None = None) -> tuple[int, int]:
    """How many complaints are in ``q``'s view, and how many of those are overdue: one statement."""
    require_signed_in(actor)
    now = now or utcnow()
    table = targets()
    late = pw.Case(None, [(_overdue_condition(now, table), 1)], 0)
    total, overdue = _query(actor, q, now, table).select(pw.fn.COUNT(Complaint.id), pw.fn.SUM(late)).tuples().get()
    return int(total), int(overdue or 0)


def page(
    actor: Staff, q: ComplaintQuery, offset: int = 0, limit: int = 200, now: datetime | None = None
) -> list[ComplaintRow]:
    """Complaints in ``q``'s view, the most urgent first: overdue, then by priority, then oldest. The
    order is the database's, so the pages of a long list follow on from each other."""
    require_signed_in(actor)
    now = now or utcnow()
    table = targets()
    rank = pw.Case(Complaint.priority, [(p, i) for i, p in enumerate(PRIORITIES)], len(PRIORITIES))
    overdue_first = pw.Case(None, [(_overdue_condition(now, table), 0)], 1)
    rows = (
        _query(actor, q, now, table)
        .order_by(overdue_first, rank, Complaint.created_at, Complaint.id)
        .offset(offset)
        .limit(limit)
        .objects()
    )
    out = []
    for r in rows:
        name = ""
        if r.customer_id:
            name = r.organisation if r.kind == "organisation" else f"{r.given_name} {r.family_name}".strip()
        out.append(
            ComplaintRow(
                r.id,
                r.created_at,
                r.customer_id,
                name,
                r.category_id,
                r.priority,
                r.status,
                r.assignee_name,
                r.description,
                overdue_reasons(r, now, table) if r.status in OPEN_STATUSES else [],
                r.escalated_name or "",
            )
        )
    return out


def open_counts(actor: Staff | None = None, now: datetime | None = None) -> dict[str, int]:
    """Open and overdue complaints (of ``actor`` when given)."""
    now = now or utcnow()
    query = Complaint.select().where(Complaint.status.in_(OPEN_STATUSES))
    if actor is not None:
        query = query.where(Complaint.assignee == actor.id)
    overdue = query.where(_overdue_condition(now, targets())).count()
    return {"open": query.count(), "overdue": overdue}


def recent_escalations(limit: int = 10) -> list[Complaint]:
    return list(
        Complaint.select()
        .where(Complaint.escalated_at.is_null(False))
        .order_by(Complaint.escalated_at.desc())
        .limit(limit)
    )


# --- notifications -----------------------------------------------------------------------------------


def unread(actor: Staff) -> list[Notification]:
    return list(
        Notification.select()
        .where((Notification.recipient == actor.id) & Notification.read_at.is_null())
        .order_by(Notification.at, Notification.id)
    )


def mark_read(actor: Staff, notification_ids: list[int]) -> None:
    if notification_ids:
        (
            Notification.update(read_at=utcnow())
            .where((Notification.recipient == actor.id) & Notification.id.in_(notification_ids))
            .execute()
        )


# --- figures ------------------------------------------------------------------------------------------


def satisfaction_mix(days: int = 30, now: datetime | None = None) -> dict[str, int]:
    """How many contacts of the last ``days`` days ended dissatisfied, satisfied and delighted."""
    from .models import Contact

    now = now or utcnow()
    rows = (
        Contact.select(Contact.satisfaction, pw.fn.COUNT(Contact.id))
        .where(Contact.started_at >= now - timedelta(days=days))
        .group_by(Contact.satisfaction)
        .tuples()
    )
    mix = dict.fromkeys(SATISFACTION, 0)
    for key, n in rows:
        mix[key] = n
    return mix
