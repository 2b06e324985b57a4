"""The calm-the-angry-customer procedure through its service: versions, sessions, escalation, figures."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from helpdesk import calm, complaints, customers
from helpdesk.customers import Draft, FormErrors
from helpdesk.errors import PermissionDenied, ValidationError
from helpdesk.models import CalmSession, CalmStep, Complaint, Notification


def _customer(actor):
    return customers.create(
        actor,
        Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")]),
        confirm_duplicates=True,
    )


def _run(actor, customer_id=None, ticks=None, anger=(5, 2), outcome="calmed", minutes=6, notes=None):
    session = calm.start(actor, customer_id)
    state = calm.state_of(session)
    state.anger_start = anger[0]
    for _i, step in enumerate(state.steps):
        step.ticked = ticks is None or step.key in ticks
        step.note = (notes or {}).get(step.key, "")
    done = calm.finish(actor, session.id, state, anger[1], outcome)
    CalmSession.update(started_at=done.ended_at - timedelta(minutes=minutes)).where(CalmSession.id == done.id).execute()
    return CalmSession.get_by_id(done.id)


def test_the_bundled_procedure_follows_the_brief(db):
    steps = calm.steps_of(calm.current())
    assert [s["key"] for s in steps] == [
        "stay_calm",
        "listen",
        "what_they_want",
        "empathy",
        "apologise",
        "facts",
        "solution",
        "escalate",
        "thank",
        "follow_up",
    ]
    for step in steps:
        assert step["title"]["en"] and step["title"]["fa"] and step["do"]["fa"]
        assert step["say"]["en"] and step["avoid"]["fa"]
        assert "ي" not in json.dumps(step, ensure_ascii=False) and "ك" not in json.dumps(step, ensure_ascii=False)


def test_editing_makes_a_new_version_and_old_sessions_keep_theirs(staff, supervisor):
    old = _run(staff, ticks={"listen"})
    first = calm.current()
    steps = calm.steps_of(first)
    steps[0]["title"]["en"] = "Breathe first"
    del steps[7]
    with pytest.raises(PermissionDenied):
        calm.save_steps(staff, steps)
    newer = calm.save_steps(supervisor, steps)
    assert (newer.version, calm.current().id) == (first.version + 1, newer.id)
    assert CalmSession.get_by_id(old.id).checklist_id == first.id
    assert calm.steps_of(CalmSession.get_by_id(old.id).checklist)[0]["title"]["en"] == "Keep yourself calm"
    assert len(calm.state_of(old).steps) == 10
    fresh = calm.start(staff)
    assert fresh.checklist_id == newer.id and len(calm.state_of(fresh).steps) == 9
    bad = calm.steps_of(newer)
    bad[1]["title"]["fa"] = "  "
    with pytest.raises(ValidationError):
        calm.save_steps(supervisor, bad)


def test_progress_is_kept_step_by_step_and_finishing_needs_both_ratings(staff):
    session = calm.start(staff)
    state = calm.state_of(session)
    state.anger_start = 4
    state.current_step = 3
    state.steps[0].ticked, state.steps[0].ticked_at, state.steps[0].note = True, datetime(2026, 11, 23, 9), "Shaking"
    calm.save_progress(staff, session.id, state)
    again = calm.state_of(calm.get(staff, session.id))
    assert (again.current_step, again.anger_start, again.steps[0].note, again.steps[0].ticked) == (
        3,
        4,
        "Shaking",
        True,
    )
    with pytest.raises(FormErrors) as caught:
        calm.finish(staff, session.id, state, None, "")
    assert set(caught.value.errors) == {"anger_end", "outcome"}
    assert calm.open_sessions(staff) == [calm.get(staff, session.id)]


def test_an_anonymous_session_is_linked_to_its_customer_later(staff):
    session = calm.start(staff)
    customer = _customer(staff)
    calm.link_customer(staff, session.id, customer.id)
    assert calm.get(staff, session.id).customer_id == customer.id


def test_escalate_now_raises_an_escalated_complaint_with_the_session(staff, supervisor):
    customer = _customer(staff)
    session = calm.start(staff, customer.id)
    state = calm.state_of(session)
    state.anger_start, state.current_step = 5, 6
    complaint = calm.escalate(staff, session.id, state, "Wants a full refund now")
    stored = Complaint.get_by_id(complaint.id)
    assert (stored.status, stored.customer_id, stored.escalated_to_id, stored.priority) == (
        "escalated",
        customer.id,
        supervisor.id,
        "high",
    )
    assert calm.get(staff, session.id).complaint_id == stored.id and calm.get(staff, session.id).current_step == 6
    assert Notification.get(Notification.recipient == supervisor.id).complaint_id == stored.id
    # A second escalation updates the same complaint.
    complaints.move(supervisor, stored.id, "in_progress")
    again = calm.escalate(staff, session.id, state, "Still shouting")
    assert again.id == stored.id and Complaint.get_by_id(stored.id).status == "escalated"
    assert Complaint.select().count() == 1


def test_figures_from_known_sessions(staff, supervisor):
    every = [s["key"] for s in calm.steps_of(calm.current())]
    _run(staff, ticks=set(every), anger=(5, 1), outcome="calmed", minutes=4)
    _run(staff, ticks=set(every) - {"apologise"}, anger=(4, 3), outcome="not_calmed", minutes=12)
    _run(supervisor, ticks=set(every) - {"apologise", "empathy"}, anger=(5, 3), outcome="partly_calmed", minutes=9)
    _run(supervisor, ticks=set(every), anger=(3, 1), outcome="calmed", minutes=8)
    overall, per_staff = calm.figures()
    assert overall.sessions == 4
    assert overall.success_rate == 0.5
    assert overall.median_seconds_to_calm == 6 * 60  # calmed in 4 and 8 minutes
    assert overall.average_anger_drop == (4 + 1 + 2 + 2) / 4
    assert overall.steps["apologise"] == {
        "total": 4,
        "skipped": 2,
        "skipped_outcomes": {"not_calmed": 1, "partly_calmed": 1},
    }
    assert overall.steps["listen"]["skipped"] == 0
    mine = per_staff[staff.id]
    assert (mine.sessions, mine.success_rate, mine.median_seconds_to_calm) == (2, 0.5, 240)
    assert per_staff[supervisor.id].steps["empathy"]["skipped"] == 1
    only = calm.figures(staff_id=supervisor.id)[0]
    assert only.sessions == 2 and only.average_anger_drop == 2
    assert [s.outcome for s in calm.sessions(staff, calm.SessionQuery())] == ["calmed", "not_calmed"]  # newest first
    assert len(calm.sessions(supervisor, calm.SessionQuery(outcome="calmed"))) == 2
    assert CalmStep.select().count() == 40
