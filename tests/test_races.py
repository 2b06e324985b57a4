"""Several desks, one truth: two real processes save the same version of a record at the
same moment, for every kind of record a person edits, on SQLite and on PostgreSQL.
Exactly one save wins, the other desk is told (``Conflict``), and the database holds
the winner's value: never both, never neither, never an error."""

from __future__ import annotations

import pytest

from helpdesk import accounts, audit
from helpdesk.errors import Conflict
from tests.helpers.races import KINDS, Desks

TRIALS = 20


@pytest.fixture
def desks(db_target, supervisor):
    second = accounts.create_account(supervisor, "boss2", "Mina Supervisor", "supervisor", "second password")
    pair = Desks(db_target, (supervisor.id, second.id))
    yield pair
    pair.close()


@pytest.mark.parametrize("kind", list(KINDS))
def test_two_desks_saving_one_version_at_once_one_wins_the_other_is_told(kind, supervisor, desks):
    spec = KINDS[kind]
    for trial in range(TRIALS):
        record_id, version = spec.prepare(supervisor, trial)
        answers = desks.race(kind, record_id, version)
        errors = [detail for _desk, result, detail in answers if result == "error"]
        assert not errors, errors[0]
        saved = [value for _desk, result, value in answers if result == "saved"]
        told = [desk for desk, result, _value in answers if result == "told"]
        assert (len(saved), len(told)) == (1, 1), f"trial {trial}: {answers}"
        assert spec.stored(record_id) == saved[0], f"trial {trial}: the winner's value is what is stored"


def test_the_desk_that_lost_is_told_what_the_other_desk_changed(supervisor):
    from helpdesk import complaints
    from tests.helpers.races import prepare_complaint_in_progress

    complaint_id, version = prepare_complaint_in_progress(supervisor, 1)
    complaints.set_priority(supervisor, complaint_id, "urgent", version=version)
    with pytest.raises(Conflict) as told:
        complaints.resolve(supervisor, complaint_id, "Refunded", "satisfied", True, version=version)
    assert told.value.code == "complaint_conflict"
    assert ("priority", "normal", "urgent") in told.value.changes
    assert told.value.current["priority"] == "urgent" and told.value.current["status"] == "in_progress"
    assert complaints.get(complaint_id).resolution_notes == ""  # nothing of the refused save was written


def test_a_stale_write_from_the_same_process_is_refused_too(supervisor):
    """The shared write path checks the version in the UPDATE itself, not only in the service."""
    from helpdesk.models import Complaint
    from tests.helpers.races import prepare_complaint

    complaint_id, _version = prepare_complaint(supervisor, 2)
    mine, theirs = Complaint.get_by_id(complaint_id), Complaint.get_by_id(complaint_id)
    with audit.changing(supervisor, theirs):
        theirs.priority = "high"
    with pytest.raises(Conflict), audit.changing(supervisor, mine):
        mine.priority = "low"
    assert Complaint.get_by_id(complaint_id).priority == "high"
