"""Two desks using something for the first time at the same moment: both get on with their work.

Each trial makes a fresh database (a new SQLite file, or the test PostgreSQL schema emptied again),
then two real processes, held at a barrier, do the same first thing at once:

- start the first calm-down session: the bundled checklist is loaded on first use; whichever desk
  loads it, the other must use the same version, not fail on the unique (name, version) index;
- save a customer with a tag nobody has used yet: one tag is made, and both customers carry it
  (the second desk must not fail on the unique tag name).
"""

from __future__ import annotations

import multiprocessing

import pytest

from helpdesk import accounts, migrations
from helpdesk import db as dbmod
from helpdesk.models import CalmSession, ChecklistVersion, CustomerTag, Tag
from tests.conftest import _reset_postgres

TRIALS = 10
TIMEOUT = 120  # seconds a desk may take before the test gives up on it


def _first_calm_session(actor, _) -> tuple[str, int]:
    from helpdesk import calm

    return "started", calm.start(actor).checklist_id


def _first_tagged_customer(actor, tag: str) -> tuple[str, int]:
    from helpdesk import customers

    draft = customers.Draft(given_name="Maryam", family_name=f"Karimi {actor.id}", tags=[tag])
    return "saved", customers.create(actor, draft, confirm_duplicates=True).id


FIRST_USES = {"calm": _first_calm_session, "tag": _first_tagged_customer}


def _desk(tasks, results, barrier) -> None:
    """One desk: for each (what, target, staff id, argument) given, wait for the other desk, then do it."""
    from helpdesk import db as child_db
    from helpdesk.models import Staff

    for what, target, staff_id, argument in iter(tasks.get, None):
        try:
            child_db.bind(child_db.open_database(target))
            actor = Staff.get_by_id(staff_id)
            barrier.wait(timeout=TIMEOUT)
            results.put(FIRST_USES[what](actor, argument))
        except Exception as exc:  # noqa: BLE001 - reported to the test, which names it
            results.put(("failed", f"{type(exc).__name__}: {exc}"))
        finally:
            child_db.close()


def _fresh_database(target: str) -> tuple[int, int]:
    """An empty database at the newest schema, with two desks' accounts; closed again."""
    if target.startswith("postgresql"):
        _reset_postgres(target)
    migrations.open_and_migrate(target)
    boss = accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")
    desk = accounts.create_account(boss, "desk1", "Reza Desk", "staff", "desk password")
    dbmod.close()
    return boss.id, desk.id


@pytest.fixture
def two_desks():
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    queues = [context.Queue(), context.Queue()]
    desks = [context.Process(target=_desk, args=(queue, results, barrier), daemon=True) for queue in queues]
    for desk in desks:
        desk.start()
    yield queues, results
    for queue in queues:
        queue.put(None)
    for desk in desks:
        desk.join(timeout=TIMEOUT)
        if desk.is_alive():
            desk.kill()


def test_two_desks_starting_the_first_calm_down_session_at_once_both_start(db_target, tmp_path, two_desks):
    queues, results = two_desks
    failures = []
    for trial in range(TRIALS):  # a fresh database in each trial
        target = db_target if db_target.startswith("postgresql") else str(tmp_path / f"trial{trial}.sqlite")
        staff_ids = _fresh_database(target)
        for queue, staff_id in zip(queues, staff_ids):
            queue.put(("calm", target, staff_id, None))
        got = sorted(results.get(timeout=TIMEOUT) for _ in queues)
        migrations.open_and_migrate(target)
        versions = list(ChecklistVersion.select())
        sessions = CalmSession.select().count()
        dbmod.close()
        both_started = [kind for kind, _ in got] == ["started", "started"]
        one_version = len(versions) == 1 and {checklist for _, checklist in got} == {versions[0].id}
        if not (both_started and one_version and sessions == 2):
            failures.append((trial, got, f"{len(versions)} checklist versions", f"{sessions} sessions"))
    assert failures == [], f"{len(failures)} of {TRIALS} trials failed: {failures}"


def test_two_desks_saving_customers_with_the_same_new_tag_at_once_both_save(db_target, two_desks):
    queues, results = two_desks
    staff_ids = _fresh_database(db_target)
    failures = []
    for trial in range(TRIALS):  # one database; a tag nobody has used yet in each trial
        for queue, staff_id in zip(queues, staff_ids):
            queue.put(("tag", db_target, staff_id, f"Wholesale {trial}"))
        got = sorted(results.get(timeout=TIMEOUT) for _ in queues)
        migrations.open_and_migrate(db_target)
        tags = [t.name for t in Tag.select().where(Tag.name == f"Wholesale {trial}")]
        tagged = CustomerTag.select().join(Tag).where(Tag.name == f"Wholesale {trial}").count()
        dbmod.close()
        if [kind for kind, _ in got] != ["saved", "saved"] or len(tags) != 1 or tagged != 2:
            failures.append((trial, got, tags, f"{tagged} customers tagged"))
    assert failures == [], f"{len(failures)} of {TRIALS} trials failed: {failures}"
