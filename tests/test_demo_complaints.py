"""Demo complaints: a year of them across every category and state, some overdue, each with its story."""

from __future__ import annotations

import json

import pytest

from helpdesk import complaints, demo
from helpdesk import db as dbmod
from helpdesk.clock import utcnow
from helpdesk.models import AuditEntry, Complaint, ComplaintCategory, ComplaintEvent, Notification, Staff
from tests.conftest import before_the_tests


@pytest.fixture(scope="module")
def demo_complaints_db(tmp_path_factory):
    import os

    target = os.environ.get("HELPDESK_TEST_DATABASE", "").strip()
    if target:
        from tests.conftest import _reset_postgres

        _reset_postgres(target)
    else:
        target = str(tmp_path_factory.mktemp("democ") / "demo.sqlite")
    dbmod.close()
    with before_the_tests():
        assert demo.main(target, 600, 5, parallel=False) == 0
    from helpdesk import migrations

    migrations.open_and_migrate(target)
    yield target
    dbmod.close()


def test_every_category_and_state_over_a_year(demo_complaints_db):
    rows = list(Complaint.select())
    assert len(rows) >= 20
    assert {r.category_id for r in rows} == {c.id for c in ComplaintCategory.select()}
    assert {r.status for r in rows} == set(complaints.STATUSES)
    assert {r.priority for r in rows} == set(complaints.PRIORITIES)
    span = max(r.created_at for r in rows) - min(r.created_at for r in rows)
    assert span.days > 250


def test_some_open_complaints_are_overdue_and_the_story_adds_up(demo_complaints_db):
    now = utcnow()
    overdue = [c for c in Complaint.select() if complaints.is_overdue(c, now)]
    assert overdue
    boss = Staff.get(Staff.role == "supervisor")
    assert complaints.count(boss, complaints.ComplaintQuery(view="overdue"), now) == len(overdue)
    for c in Complaint.select():
        steps = [
            e.new_value
            for e in ComplaintEvent.select()
            .where((ComplaintEvent.complaint == c.id) & (ComplaintEvent.kind == "status"))
            .order_by(ComplaintEvent.at, ComplaintEvent.id)
        ]
        assert steps[0] == "new" and steps[-1] == c.status
        if c.status in ("resolved", "closed"):
            assert c.resolved_at and c.resolution_notes and c.resolution_satisfaction
            assert c.first_response_at <= c.resolved_at
        if c.status == "closed":
            assert c.closed_at >= c.resolved_at
        if c.escalated_at:
            assert c.escalated_to.is_supervisor and c.escalation_reason
        trail = list(
            AuditEntry.select()
            .where((AuditEntry.table_name == "complaint") & (AuditEntry.record_id == str(c.id)))
            .order_by(AuditEntry.id)
        )
        assert trail[0].action == "create" and json.loads(trail[-1].after)["status"] == c.status
    assert Notification.select().where(Notification.kind == "escalation").count() > 0


def test_calm_down_sessions_with_timings_and_outcomes(demo_complaints_db):
    from helpdesk import calm
    from helpdesk.models import CalmSession, CalmStep

    sessions = list(CalmSession.select())
    assert len(sessions) >= 10
    outcomes = {s.outcome for s in sessions}
    # A few dozen sessions: every outcome is likely, not certain, on a given day of the year.
    assert outcomes <= {"calmed", "partly_calmed", "not_calmed", "escalated"}
    assert "calmed" in outcomes and len(outcomes & {"partly_calmed", "not_calmed", "escalated"}) >= 2
    for s in sessions:
        assert s.status == "finished" and 1 <= s.anger_end <= s.anger_start <= 5
        stamps = [
            st.ticked_at
            for st in CalmStep.select().where(CalmStep.session == s.id).order_by(CalmStep.position)
            if st.ticked_at
        ]
        assert stamps == sorted(stamps) and all(s.started_at <= t <= s.ended_at for t in stamps)
    overall, per_staff = calm.figures()
    assert overall.sessions == len(sessions) and 0 < overall.success_rate < 1
    assert overall.median_seconds_to_calm > 60 and overall.average_anger_drop > 0
    assert overall.steps["escalate"]["skipped"] > overall.steps["listen"]["skipped"]
    assert sum(f.sessions for f in per_staff.values()) == len(sessions)
