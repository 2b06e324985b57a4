"""Demo complaints: a year of them across every category and state, some overdue, each with its story."""
from __future__ import annotations

import json

import pytest

from helpdesk import complaints, demo
from helpdesk import db as dbmod
from helpdesk.clock import utcnow
from helpdesk.models import AuditEntry, Complaint, ComplaintCategory, ComplaintEvent, Notification, Staff


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
        steps = [e.new_value for e in ComplaintEvent.select().where((ComplaintEvent.complaint == c.id)
                                                                    & (ComplaintEvent.kind == "status"))
                 .order_by(ComplaintEvent.at, ComplaintEvent.id)]
        assert steps[0] == "new" and steps[-1] == c.status
        if c.status in ("resolved", "closed"):
            assert c.resolved_at and c.resolution_notes and c.resolution_satisfaction
            assert c.first_response_at <= c.resolved_at
        if c.status == "closed":
            assert c.closed_at >= c.resolved_at
        if c.escalated_at:
            assert c.escalated_to.is_supervisor and c.escalation_reason
        trail = list(AuditEntry.select().where((AuditEntry.table_name == "complaint")
                                               & (AuditEntry.record_id == str(c.id))).order_by(AuditEntry.id))
        assert trail[0].action == "create" and json.loads(trail[-1].after)["status"] == c.status
    assert Notification.select().where(Notification.kind == "escalation").count() > 0
