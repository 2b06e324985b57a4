"""The guided calm-the-angry-customer procedure: its versioned checklist, the sessions run
with it, escalation from any step, and the figures supervisors learn from.

The checklist is data: ``resources/checklists/calm_down.json`` is loaded into the database
as version 1 on first use; a supervisor's edit stores a new version, and each session
keeps the version it was run with, so old sessions never change.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import peewee as pw

from . import audit, checklists
from .clock import as_datetime, utcnow
from .contacts import live_customer_id, local_day_bounds
from .customers import _limited, check_text
from .db import database
from .errors import NotFound, PermissionDenied, ValidationError
from .models import CalmSession, CalmStep, ChecklistVersion, Complaint, ComplaintCategory, Customer, Staff
from .permissions import require_signed_in, require_supervisor
from .text import clean_line, clean_text

NAME = "calm_down"
NOTE_LIMIT = 5000  # a step's note
PROMISE_LIMIT = 300  # what a follow-up promises, as in a contact
OUTCOMES = ("calmed", "partly_calmed", "not_calmed", "escalated")
ANGER = range(1, 6)
OPEN, FINISHED = "open", "finished"


# --- the checklist and its versions ---------------------------------------------------------


def _file_definition() -> dict:
    return json.loads((checklists.FOLDER / f"{NAME}.json").read_text(encoding="utf-8"))


def current() -> ChecklistVersion:
    """The newest version, loading the bundled file the first time."""
    row = (
        ChecklistVersion.select().where(ChecklistVersion.name == NAME).order_by(ChecklistVersion.version.desc()).first()
    )
    if row is None:
        definition = _file_definition()
        # Two desks may load it at the same moment: the second one's insert is rolled back on its own
        # (get_or_create's atomic block) and it takes the row the first one stored.
        row, _ = ChecklistVersion.get_or_create(
            name=NAME,
            version=int(definition["version"]),
            defaults=dict(definition=json.dumps(definition, ensure_ascii=False), created_at=utcnow()),
        )
    return row


def steps_of(version: ChecklistVersion) -> list[dict]:
    return json.loads(version.definition)["steps"]


def _clean_steps(steps: list[dict]) -> list[dict]:
    if not steps:
        raise ValidationError("steps", "required")
    out, keys = [], set()
    for index, step in enumerate(steps):
        clean: dict[str, Any] = {
            "key": clean_line(step.get("key", "")) or f"step_{index + 1}",
            "required": bool(step.get("required")),
        }
        for part in ("title", "do"):
            clean[part] = {lang: clean_text((step.get(part) or {}).get(lang, "")) for lang in ("en", "fa")}
            if not clean[part]["en"] or not clean[part]["fa"]:
                raise ValidationError(f"steps.{index}.{part}", "required")
        for part in ("say", "avoid"):
            clean[part] = {
                lang: [clean_line(x) for x in (step.get(part) or {}).get(lang, []) if clean_line(x)]
                for lang in ("en", "fa")
            }
        while clean["key"] in keys:
            clean["key"] += "_"
        keys.add(clean["key"])
        out.append(clean)
    return out


def save_steps(actor: Staff, steps: list[dict], base_version: int | None = None) -> ChecklistVersion:
    """A supervisor's edit: a new version; sessions already run keep theirs.

    ``base_version`` is the version the supervisor edited; when another supervisor saved a
    newer one since, nothing is written and ``Conflict`` says so."""
    require_supervisor(actor)
    clean = _clean_steps(steps)
    base = current()
    if base_version is not None and base.version != base_version:
        raise audit.conflict(base, {**audit.snapshot(base), "version": base_version, "definition": None})
    definition = json.loads(base.definition)
    definition["steps"] = clean
    definition["version"] = base.version + 1
    try:
        with database.atomic():
            return audit.create(
                actor,
                ChecklistVersion,
                name=NAME,
                version=base.version + 1,
                definition=json.dumps(definition, ensure_ascii=False),
                created_at=utcnow(),
                created_by=actor.id,
            )
    except pw.IntegrityError:  # another supervisor saved the same next version at the same moment
        raise audit.conflict(current(), audit.snapshot(base)) from None


# --- running a session ----------------------------------------------------------------------------


@dataclass
class StepState:
    key: str
    ticked: bool = False
    ticked_at: datetime | None = None
    note: str = ""


@dataclass
class SessionState:
    """What the window holds while a session runs; saved as it goes."""

    current_step: int = 0
    anger_start: int | None = None
    steps: list[StepState] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "current_step": self.current_step,
            "anger_start": self.anger_start,
            "steps": [
                {
                    "key": s.key,
                    "ticked": s.ticked,
                    "note": s.note,
                    "ticked_at": s.ticked_at.isoformat() if s.ticked_at else None,
                }
                for s in self.steps
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> SessionState:
        return cls(
            data.get("current_step", 0),
            data.get("anger_start"),
            [
                StepState(
                    s["key"],
                    bool(s.get("ticked")),
                    datetime.fromisoformat(s["ticked_at"]) if s.get("ticked_at") else None,
                    s.get("note", ""),
                )
                for s in data.get("steps", [])
            ],
        )


def get(actor: Staff, session_id: int) -> CalmSession:
    """A session with its notes, for the person who held it or a supervisor."""
    require_signed_in(actor)
    row = _get(session_id)
    if row.staff_id != actor.id and not actor.is_supervisor:
        raise PermissionDenied(f"{actor.username} may not read calm session {session_id}")
    return row


def _get(session_id: int) -> CalmSession:
    row = CalmSession.get_or_none(CalmSession.id == session_id)
    if row is None:
        raise NotFound(f"calm session {session_id}")
    return row


def start(actor: Staff, customer_id: int | None = None) -> CalmSession:
    require_signed_in(actor)
    version = current()
    customer_id = live_customer_id(customer_id) if customer_id is not None else None
    now = utcnow()
    with database.atomic():
        session = audit.create(
            actor,
            CalmSession,
            customer=customer_id,
            staff=actor.id,
            checklist=version.id,
            started_at=now,
            status=OPEN,
            updated_at=now,
        )
        for position, step in enumerate(steps_of(version)):
            CalmStep.create(session=session.id, position=position, key=step["key"])
    return session


def state_of(session: CalmSession) -> SessionState:
    steps = list(CalmStep.select().where(CalmStep.session == session.id).order_by(CalmStep.position))
    return SessionState(
        session.current_step, session.anger_start, [StepState(s.key, s.ticked, s.ticked_at, s.note) for s in steps]
    )


def _own(actor: Staff, session: CalmSession) -> None:
    if session.staff_id != actor.id and not actor.is_supervisor:
        raise PermissionDenied(f"{actor.username} may not change calm session {session.id}")


def save_progress(actor: Staff, session_id: int, state: SessionState, version: int | None = None) -> CalmSession:
    """Store where the session is: the step on screen, the first anger rating, each tick and note.

    ``version`` is the session's version the window holds; a save from a window that did not
    see the latest one (another window, another desk) is refused with ``Conflict``."""
    require_signed_in(actor)
    session = _get(session_id)
    _own(actor, session)
    if state.anger_start is not None and state.anger_start not in ANGER:
        raise ValidationError("anger_start", "invalid_choice")
    notes = [
        check_text(clean_text(step.note), f"steps.{position}.note", NOTE_LIMIT)
        for position, step in enumerate(state.steps)
    ]
    with audit.changing(actor, session, "progress", version=version):
        for position, (step, note) in enumerate(zip(state.steps, notes)):
            (
                CalmStep.update(ticked=step.ticked, ticked_at=step.ticked_at, note=note)
                .where((CalmStep.session == session.id) & (CalmStep.position == position))
                .execute()
            )
        session.current_step = state.current_step
        session.anger_start = state.anger_start
    return session


def link_customer(actor: Staff, session_id: int, customer_id: int, version: int | None = None) -> CalmSession:
    """A customer who gave no name at first: the session is theirs now."""
    require_signed_in(actor)
    session = _get(session_id)
    _own(actor, session)
    if Customer.get_or_none(Customer.id == customer_id) is None:
        raise ValidationError("customer", "not_found")
    with audit.changing(actor, session, version=version):
        session.customer_id = live_customer_id(customer_id)
    if session.complaint_id:
        Complaint.update(customer=session.customer_id).where(
            (Complaint.id == session.complaint_id) & Complaint.customer.is_null()
        ).execute()
    return session


def finish(
    actor: Staff,
    session_id: int,
    state: SessionState,
    anger_end: int | None,
    outcome: str,
    follow_up=None,
    version: int | None = None,
) -> CalmSession:
    """End the session: the second anger rating, the outcome and, when promised, a follow-up."""
    from . import followups
    from .customers import FormErrors

    require_signed_in(actor)
    errors = {}
    if state.anger_start not in ANGER:
        errors["anger_start"] = ValidationError("anger_start", "anger_required")
    if anger_end not in ANGER:
        errors["anger_end"] = ValidationError("anger_end", "anger_required")
    if outcome not in OUTCOMES:
        errors["outcome"] = ValidationError("outcome", "required")
    session = _get(session_id)
    if follow_up is not None:
        if session.customer_id is None:
            errors["customer"] = ValidationError("customer", "follow_up_needs_customer")
        if not _limited(clean_line(follow_up.promise), "promise", PROMISE_LIMIT, errors):
            errors["promise"] = ValidationError("promise", "required")
        if follow_up.due_at is None:
            errors["due_at"] = ValidationError("due_at", "required")
    if errors:
        raise FormErrors(errors)
    with database.atomic():
        session = save_progress(actor, session_id, state, version)
        promise = None
        if follow_up is not None:
            promise = followups.create(
                actor,
                session.customer_id,
                follow_up.due_at,
                follow_up.assignee_id or actor.id,
                clean_line(follow_up.promise),
                kind=follow_up.kind,
            )
        with audit.changing(actor, session, "finish"):
            session.status = FINISHED
            session.ended_at = utcnow()
            session.anger_end = anger_end
            session.outcome = outcome
            session.follow_up_id = promise.id if promise else None
    return session


def escalate(
    actor: Staff,
    session_id: int,
    state: SessionState,
    reason: str,
    priority: str = "high",
    category_id: int | None = None,
    version: int | None = None,
):
    """Escalate now, from any step: raise (or update) a complaint escalated to a supervisor,
    with this session attached. The signed-in supervisors are told at once."""
    from . import complaints

    require_signed_in(actor)
    reason = check_text(clean_text(reason), "reason", complaints.TEXT_LIMIT)
    if not reason:
        raise ValidationError("reason", "escalation_reason")
    with database.atomic():
        session = save_progress(actor, session_id, state, version)
        if session.complaint_id is None:
            if category_id is None:
                category_id = (
                    ComplaintCategory.select(ComplaintCategory.id).where(ComplaintCategory.name_en == "Other").scalar()
                    or complaints.categories()[0].id
                )
            complaint = complaints.create(
                actor,
                complaints.ComplaintDraft(
                    customer_id=session.customer_id,
                    category_id=category_id,
                    priority=priority,
                    description=reason,
                    assignee_id=actor.id,
                ),
            )
            with audit.changing(actor, session):
                session.complaint_id = complaint.id
        assert session.complaint_id is not None  # raised just above when there was none
        complaint = complaints.escalate(actor, session.complaint_id, reason)
    return complaint


# --- looking back ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionQuery:
    staff_id: int | None = None
    outcome: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    customer_id: int | None = None


def _filtered(q: SessionQuery):
    query = CalmSession.select().where(CalmSession.status == FINISHED)
    if q.staff_id is not None:
        query = query.where(CalmSession.staff == q.staff_id)
    if q.outcome is not None:
        query = query.where(CalmSession.outcome == q.outcome)
    if q.date_from is not None:
        query = query.where(CalmSession.started_at >= local_day_bounds(q.date_from)[0])
    if q.date_to is not None:
        query = query.where(CalmSession.started_at < local_day_bounds(q.date_to)[1])
    if q.customer_id is not None:
        from .customers import merged_ids

        query = query.where(CalmSession.customer.in_(merged_ids(q.customer_id)))
    return query


def _visible(actor: Staff, q: SessionQuery):
    """The finished sessions of ``q`` that ``actor`` may see: supervisors everyone's, staff their own."""
    require_signed_in(actor)
    if not actor.is_supervisor:
        q = SessionQuery(actor.id, q.outcome, q.date_from, q.date_to, q.customer_id)
    return _filtered(q)


def sessions(actor: Staff, q: SessionQuery, limit: int = 1000, offset: int = 0) -> list[CalmSession]:
    """Finished sessions, newest first, from the ``offset``-th. Supervisors see everyone's; staff their own."""
    return list(
        _visible(actor, q).order_by(CalmSession.started_at.desc(), CalmSession.id.desc()).offset(offset).limit(limit)
    )


def session_count(actor: Staff, q: SessionQuery) -> int:
    """How many sessions ``sessions`` pages through."""
    return _visible(actor, q).count()


@dataclass
class Figures:
    sessions: int = 0
    success_rate: float | None = None  # share calmed
    median_seconds_to_calm: float | None = None  # of the calmed sessions
    average_anger_drop: float | None = None
    steps: dict = field(default_factory=dict)  # key -> {"total", "skipped", "skipped_outcomes": {outcome: n}}


def _figures(rows: list[tuple], step_counts: list[tuple]) -> Figures:
    """``rows``: (session id, started, ended, anger_start, anger_end, outcome);
    ``step_counts``: (step key, ticked, outcome, how many)."""
    out = Figures(sessions=len(rows))
    if not rows:
        return out
    outcomes = [r[5] for r in rows]
    out.success_rate = outcomes.count("calmed") / len(rows)
    calmed = [(as_datetime(r[2]) - as_datetime(r[1])).total_seconds() for r in rows if r[5] == "calmed"]
    out.median_seconds_to_calm = statistics.median(calmed) if calmed else None
    drops = [r[3] - r[4] for r in rows if r[3] is not None and r[4] is not None]
    out.average_anger_drop = sum(drops) / len(drops) if drops else None
    for key, ticked, outcome, n in step_counts:
        entry = out.steps.setdefault(key, {"total": 0, "skipped": 0, "skipped_outcomes": {}})
        entry["total"] += n
        if not ticked:
            entry["skipped"] += n
            entry["skipped_outcomes"][outcome] = entry["skipped_outcomes"].get(outcome, 0) + n
    return out


def figures(
    date_from: date | None = None, date_to: date | None = None, staff_id: int | None = None
) -> tuple[Figures, dict[int, Figures]]:
    """The success rate, the median time to calm, the average drop in anger and how often each
    step is skipped (and the outcome when it is): for everyone, and per staff member."""
    q = SessionQuery(staff_id=staff_id, date_from=date_from, date_to=date_to)
    rows = list(
        _filtered(q)
        .select(
            CalmSession.id,
            CalmSession.started_at,
            CalmSession.ended_at,
            CalmSession.anger_start,
            CalmSession.anger_end,
            CalmSession.outcome,
            CalmSession.staff,
        )
        .tuples()
    )
    # The steps are counted by the database, grouped: one query however many sessions there are.
    counts = list(
        _filtered(q)
        .select(CalmSession.staff, CalmStep.key, CalmStep.ticked, CalmSession.outcome, pw.fn.COUNT(CalmStep.id))
        .join(CalmStep, on=(CalmStep.session == CalmSession.id))
        .group_by(CalmSession.staff, CalmStep.key, CalmStep.ticked, CalmSession.outcome)
        .tuples()
    )
    per_staff_rows: dict[int, list] = {}
    for row in rows:
        per_staff_rows.setdefault(row[6], []).append(row[:6])
    per_staff_counts: dict[int, list] = {}
    for staff, key, ticked, outcome, n in counts:
        per_staff_counts.setdefault(staff, []).append((key, bool(ticked), outcome, n))
    overall = _figures([r[:6] for r in rows], [c for cs in per_staff_counts.values() for c in cs])
    return overall, {sid: _figures(r, per_staff_counts.get(sid, [])) for sid, r in per_staff_rows.items()}


def open_sessions(actor: Staff) -> list[CalmSession]:
    """Sessions this person started and did not finish (after a crash, say)."""
    return list(
        CalmSession.select()
        .where((CalmSession.staff == actor.id) & (CalmSession.status == OPEN))
        .order_by(CalmSession.started_at)
    )
