"""Demo calm-down sessions: run with the bundled procedure for a share of the demo's unhappy
contacts, with realistic step timings, steps sometimes skipped, anger ratings and outcomes
that follow what was done (skipping the apology or the empathy calms fewer people)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from ..clock import as_datetime
from ..db import database
from .bulk import AUDIT_COLUMNS, _dumps, _is_postgres

SESSION_COLUMNS = [
    "id",
    "customer_id",
    "staff_id",
    "checklist_id",
    "started_at",
    "ended_at",
    "status",
    "current_step",
    "anger_start",
    "anger_end",
    "outcome",
    "complaint_id",
    "follow_up_id",
    "updated_at",
    "version",
]
STEP_COLUMNS = ["session_id", "position", "key", "ticked", "ticked_at", "note"]
# How often people skip each step, by its key; optional steps are skipped when they do not apply.
SKIP = {
    "stay_calm": 0.04,
    "listen": 0.06,
    "what_they_want": 0.12,
    "empathy": 0.15,
    "apologise": 0.18,
    "facts": 0.10,
    "solution": 0.08,
    "escalate": 0.8,
    "thank": 0.2,
    "follow_up": 0.45,
}
NOTES = {
    "listen": ("Let them talk for three minutes.", "سه دقیقه اجازه دادم صحبت کند."),
    "what_they_want": ("Wants it fixed today.", "می‌خواهد امروز درست شود."),
    "facts": ("Order 4471, delivered late twice.", "سفارش ۴۴۷۱، دو بار دیر تحویل شد."),
    "solution": ("Offered a refund of the delivery fee.", "بازپرداخت هزینهٔ ارسال پیشنهاد شد."),
}


def create_sessions(rng: random.Random, now: datetime, insert, share: float = 0.3) -> int:
    from .. import calm

    version = calm.current()
    steps = calm.steps_of(version)
    rows = database.execute_sql(
        "SELECT contact.id, contact.customer_id, contact.staff_id, contact.started_at, customer.preferred_language "
        "FROM contact JOIN customer ON customer.id = contact.customer_id "
        "WHERE contact.satisfaction = 'dissatisfied' ORDER BY contact.id"
    ).fetchall()
    complaint_of = {
        contact: complaint
        for complaint, contact in database.execute_sql(
            "SELECT id, contact_id FROM complaint WHERE contact_id IS NOT NULL"
        )
    }
    sessions, step_rows = [], []
    audits: list[tuple[datetime, Any, str, str, str, str | None, str]] = []
    number = 0
    for contact_id, customer_id, staff_id, started, language in rows:
        if rng.random() > share:
            continue
        number += 1
        fa = language == "fa"
        start = as_datetime(started) + timedelta(seconds=rng.randint(20, 90))
        anger_start = rng.choices([3, 4, 5], [30, 45, 25])[0]
        moment = start
        skipped = set()
        for position, step in enumerate(steps):
            moment += timedelta(seconds=rng.randint(15, 150))
            ticked = rng.random() >= SKIP.get(step["key"], 0.1)
            if not ticked:
                skipped.add(step["key"])
            note = ""
            if ticked and step["key"] in NOTES and rng.random() < 0.35:
                note = NOTES[step["key"]][1 if fa else 0]
            step_rows.append((number, position, step["key"], ticked, moment if ticked else None, note))
        # What was skipped shows in how it ended.
        chance = 0.72 - 0.25 * ("apologise" in skipped) - 0.2 * ("empathy" in skipped) - 0.15 * ("listen" in skipped)
        escalated = contact_id in complaint_of and rng.random() < 0.3
        if escalated:
            outcome = "escalated"
        else:
            x = rng.random()
            outcome = "calmed" if x < chance else "partly_calmed" if x < chance + 0.2 else "not_calmed"
        drop = {
            "calmed": rng.randint(2, 4),
            "partly_calmed": rng.randint(1, 2),
            "not_calmed": rng.randint(0, 1),
            "escalated": rng.randint(0, 2),
        }[outcome]
        anger_end = max(1, anger_start - drop)
        ended = min(moment + timedelta(seconds=rng.randint(20, 60)), now)
        row = dict(
            id=number,
            customer_id=customer_id,
            staff_id=staff_id,
            checklist_id=version.id,
            started_at=start,
            ended_at=ended,
            status="finished",
            current_step=len(steps) - 1,
            anger_start=anger_start,
            anger_end=anger_end,
            outcome=outcome,
            complaint_id=complaint_of.get(contact_id) if escalated else None,
            follow_up_id=None,
            updated_at=ended,
            version=2,
        )  # made, then finished: one change
        sessions.append(tuple(row[k] for k in SESSION_COLUMNS))
        snapshot = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row.items()}
        opened = {
            **snapshot,
            "status": "open",
            "ended_at": None,
            "anger_end": None,
            "outcome": None,
            "current_step": 0,
            "anger_start": None,
            "updated_at": snapshot["started_at"],
            "version": 1,
        }
        audits.append((start, staff_id, "create", "calm_session", str(number), None, _dumps(opened)))
        audits.append((ended, staff_id, "finish", "calm_session", str(number), _dumps(opened), _dumps(snapshot)))
    insert("calm_session", SESSION_COLUMNS, sessions)
    insert("calm_step", STEP_COLUMNS, step_rows)
    insert("audit_entry", AUDIT_COLUMNS, audits)
    if _is_postgres() and sessions:
        database.execute_sql(
            "SELECT setval(pg_get_serial_sequence('calm_session', 'id'), (SELECT MAX(id) FROM calm_session))"
        )
    return len(sessions)
