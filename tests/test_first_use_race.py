"""Two desks using a new database for the first time at the same moment: both get on with their work.

Each trial makes a fresh database (a new SQLite file, or the test PostgreSQL schema emptied again),
then two real processes, held at a barrier, start the first calm-down session at once. The bundled
checklist is loaded on first use; whichever desk loads it, the other must use the same version,
not fail on the unique (name, version) index.
"""
from __future__ import annotations

import multiprocessing

import pytest

from helpdesk import accounts, migrations
from helpdesk import db as dbmod
from helpdesk.models import CalmSession, ChecklistVersion

TRIALS = 10
TIMEOUT = 120  # seconds a desk may take before the test gives up on it


def _desk(tasks, results, barrier) -> None:
    """One desk: for each (target, staff id) given, wait for the other desk, then start a session."""
    from helpdesk import calm
    from helpdesk import db as child_db
    from helpdesk.models import Staff

    for target, staff_id in iter(tasks.get, None):
        try:
            child_db.bind(child_db.open_database(target))
            actor = Staff.get_by_id(staff_id)
            barrier.wait(timeout=TIMEOUT)
            session = calm.start(actor)
            results.put(("started", session.checklist_id))
        except Exception as exc:  # reported to the test, which names it
            results.put(("failed", f"{type(exc).__name__}: {exc}"))
        finally:
            child_db.close()


def _fresh_database(target: str) -> tuple[int, int]:
    """An empty database at the newest schema, with two desks' accounts; closed again."""
    if target.startswith("postgresql"):
        database = dbmod.open_database(target)
        database.connect()
        try:
            database.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
            database.execute_sql("CREATE SCHEMA public")
        finally:
            database.close()
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
    for trial in range(TRIALS):
        target = db_target if db_target.startswith("postgresql") else str(tmp_path / f"trial{trial}.sqlite")
        staff_ids = _fresh_database(target)
        for queue, staff_id in zip(queues, staff_ids):
            queue.put((target, staff_id))
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
