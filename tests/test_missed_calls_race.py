"""Two desks hear missed calls at the same moment, in two real processes: each call is counted once,
and a number has one callback a day."""

from __future__ import annotations

import pytest

from helpdesk import accounts, customers
from helpdesk.clock import utcnow
from helpdesk.models import FollowUp, MissedCall
from tests.helpers.missed_calls import Desks

TRIALS = 8


@pytest.fixture
def desks(db_target, supervisor):
    second = accounts.create_account(supervisor, "desk2", "Mina Desk", "staff", "second password")
    pair = Desks(db_target, (supervisor.id, second.id))
    yield pair
    pair.close()


def _recorded(answers) -> list[int]:
    errors = [detail for _desk, result, detail in answers if result == "error"]
    assert not errors, errors[0]
    return [detail for _desk, _result, detail in answers]


def test_one_call_heard_by_two_desks_at_once_is_one_callback_counted_once(supervisor, desks):
    customers.create(
        supervisor, customers.Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 0000")])
    )
    for trial in range(TRIALS):
        at = utcnow()
        number = f"0912 345 {trial:04d}"
        call = (f"1700000000.{trial}", number, at)
        ids = _recorded(desks.hear((call, call)))
        assert ids[0] == ids[1], f"trial {trial}: {ids}"
        row = FollowUp.get_by_id(ids[0])
        assert (row.attempts, row.phone) == (1, f"+98912345{trial:04d}"), f"trial {trial}"
        assert FollowUp.select().where(FollowUp.phone == row.phone).count() == 1
        assert MissedCall.select().where(MissedCall.call_id == call[0]).count() == 1
    assert FollowUp.get(FollowUp.phone == "+989123450000").customer_id is not None


def test_two_calls_from_one_number_at_once_are_one_callback_with_two_attempts(supervisor, desks):
    for trial in range(TRIALS):
        at = utcnow()
        number = f"+98 935 111 {trial:04d}"
        ids = _recorded(desks.hear(((f"a.{trial}", number, at), (f"b.{trial}", number.replace("+98 ", "0"), at))))
        assert ids[0] == ids[1], f"trial {trial}: {ids}"
        row = FollowUp.get_by_id(ids[0])
        assert (row.attempts, row.customer_id) == (2, None), f"trial {trial}"
        assert FollowUp.select().where(FollowUp.phone == row.phone).count() == 1
