"""A name is in a supervisors' list once: two supervisors adding it at the same moment, in two real
processes, on SQLite and on PostgreSQL. One adds it; the other is told the name is taken, next to
the field, as when it was there before they started. And a database that already holds a name
twice is brought to the newest schema with both rows kept."""

from __future__ import annotations

import traceback

import peewee as pw
import pytest

from helpdesk import accounts, migrations
from helpdesk import db as dbmod
from helpdesk.choice_lists import COMPLAINT_CATEGORIES, LOST_REASONS
from helpdesk.models import ComplaintCategory, LostReason
from tests.helpers.races import TRIAL_TIMEOUT, Desks

TRIALS = 10
LISTS = {"lost reason": (LOST_REASONS, LostReason), "complaint category": (COMPLAINT_CATEGORIES, ComplaintCategory)}


def _adding_desk(target: str, actor_id: int, desk: int, jobs, answers, barrier) -> None:
    """One supervisor's desk: for each (list, English name, Persian name), wait for the other desk, then add it."""
    from helpdesk.customers import FormErrors
    from helpdesk.models import Staff
    from tests.helpers.typing_child import _travel_with_the_parent

    _travel_with_the_parent()
    dbmod.bind(dbmod.open_database(target))
    actor = Staff.get_by_id(actor_id)
    for which, name_en, name_fa in iter(jobs.get, None):
        try:
            barrier.wait(TRIAL_TIMEOUT)
            row = LISTS[which][0].add(actor, name_en, name_fa)
            answers.put((desk, "saved", row.id))
        except FormErrors as told:
            answers.put((desk, "told", sorted((field, e.code) for field, e in told.errors.items())))
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails with it
            answers.put((desk, "error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    dbmod.close()


@pytest.fixture
def desks(db_target, supervisor):
    second = accounts.create_account(supervisor, "boss2", "Mina Supervisor", "supervisor", "second password")
    pair = Desks(db_target, (supervisor.id, second.id), worker=_adding_desk)
    yield pair
    pair.close()


@pytest.mark.parametrize("which", list(LISTS))
def test_two_supervisors_adding_one_name_at_once_one_adds_it_the_other_is_told(which, desks):
    model = LISTS[which][1]
    for trial in range(TRIALS):
        # The same name, typed in another case on the second desk: still one name.
        english, persian = f"Waited too long {trial}", f"انتظار طولانی {trial}"
        answers = desks.send([(which, english, persian), (which, english.upper(), persian)])
        errors = [detail for _desk, result, detail in answers if result == "error"]
        assert not errors, errors[0]
        assert sorted(result for _desk, result, _detail in answers) == ["saved", "told"], f"trial {trial}: {answers}"
        told = next(detail for _desk, result, detail in answers if result == "told")
        assert ("name_en", "name_taken") in told and ("name_fa", "name_taken") in told
        stored = model.select().where(pw.fn.LOWER(model.name_en) == english.lower())
        assert [row.id for row in stored] == [next(d for _desk, r, d in answers if r == "saved")]


def test_a_list_that_already_holds_a_name_twice_is_migrated_keeping_both_rows(db_target):
    database = dbmod.open_database(db_target)
    dbmod.bind(database)
    migrations.migrate(database, target=13)
    mark = database.param
    before = database.execute_sql("SELECT COUNT(*) FROM lost_reason").fetchone()[0]
    for name_en, name_fa in (("Price", "قیمت بالا"), ("PRICE", "قیمت بالا"), ("x" * 100, "ب" * 100), ("X" * 100, "پ")):
        database.execute_sql(
            f"INSERT INTO lost_reason (name_en, name_fa, active, position, version) "
            f"VALUES ({mark}, {mark}, {mark}, 99, 1)",
            (name_en, name_fa, True),
        )
    migrations.migrate(database)
    rows = database.execute_sql("SELECT id, name_en, name_fa FROM lost_reason ORDER BY id").fetchall()
    assert len(rows) == before + 4  # nothing is lost: customers may point at either row
    price, again, long_name, long_again = rows[-4:]
    assert (price[1], price[2]) == ("Price", "قیمت بالا")  # the older row is as it was
    assert again[1] == f"PRICE ({again[0]})" and again[2] == f"قیمت بالا ({again[0]})"
    assert long_name[1] == "x" * 100
    assert long_again[1].endswith(f" ({long_again[0]})") and len(long_again[1]) == 100
    with pytest.raises(pw.IntegrityError), database.atomic():
        database.execute_sql(
            f"INSERT INTO lost_reason (name_en, name_fa, active, position, version) "
            f"VALUES ({mark}, {mark}, {mark}, 100, 1)",
            ("price", "چیز دیگری", True),
        )
    dbmod.close()
