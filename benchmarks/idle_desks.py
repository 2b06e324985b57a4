"""Idle desks: what N open, idle desks cost the database server, and how fast a change reaches them.

    python benchmarks/idle_desks.py --db postgresql://…/helpdesk_bench [--desks 30] [--seconds 30]
    python benchmarks/idle_desks.py --db /tmp/idle.sqlite --desks 30 --seconds 30

The parent empties and migrates the database and adds a supervisor, a staff account and a complaint.
Then N real processes (``multiprocessing``, spawn) each run what an idle desk runs, without Qt: the
change bus's loop (``helpdesk.changes``) and the notifier's clock. On PostgreSQL a desk LISTENs on a
connection of its own and waits on its socket (``select``, up to 1 s at a time: the clock); on SQLite
it asks for the newest audit id once a second (``ui/changes.INTERVAL_MS``). A change heard of is read
as the app reads it: on a complaint, the person's unread notifications (one statement).

Measured, once every desk is ready:
  * idle: for ``--seconds``, the statements the desks issued (each desk counts its own through
    peewee's log, plus the listening connection's), and on PostgreSQL the transactions the server
    counted for the database (``pg_stat_database``: xact_commit + xact_rollback, read from another
    database so the reading does not count itself; every statement of an idle desk is its own
    transaction), per second;
  * push: the parent escalates the complaint through the services; each desk says when it heard of
    it (same machine, same clock): p50 / p95 / max delivery in ms.
Prints JSON lines; the target (issue 13) is ≤ 5 statements per second for 30 idle desks on PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import select
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

INTERVAL = 1.0  # seconds: the SQLite look, and the longest a PostgreSQL desk waits before its clock ticks


class _Counter:
    """Statements this process sent through peewee (its log), as playhouse.test_utils counts them."""

    def __init__(self):
        import logging

        class Handler(logging.Handler):
            def __init__(self, owner):
                super().__init__()
                self.owner = owner

            def emit(self, record):
                if self.owner.on:
                    self.owner.count += 1

        self.count = 0
        self.on = False
        logger = logging.getLogger("peewee")
        logger.setLevel(logging.DEBUG)
        logger.propagate = False
        logger.addHandler(Handler(self))


def desk(index: int, target: str, staff_id: int, ready, measure, stop, results) -> None:
    from helpdesk import changes, complaints
    from helpdesk import db as dbmod
    from helpdesk.models import Staff

    counter = _Counter()
    dbmod.bind(dbmod.open_database(target))
    actor = Staff.get_by_id(staff_id)
    seen = changes.Seen(changes.latest())
    listener = changes.Listener() if changes.listens() else None
    ready.put(index)
    measured = False
    heard_at = None
    while not stop.is_set():
        if measure.is_set() and not measured:
            counter.count, counter.on, measured = 0, True, True
            started = time.monotonic()
        if measured and counter.on and not measure.is_set():
            counter.on = False
            idle = {"statements": counter.count, "seconds": time.monotonic() - started}
            results.put(("idle", index, idle))
        got = []
        if listener is not None:
            readable, _, _ = select.select([listener], [], [], INTERVAL)
            if readable:
                got = listener.receive()
        else:
            time.sleep(INTERVAL)
            if changes.latest() != seen.last:
                got = changes.since(seen.last)
        fresh = changes.Changes(seen.fresh(got))
        if fresh and "complaint" in fresh.kinds():
            heard_at = time.time()
            complaints.unread(actor)
            results.put(("heard", index, heard_at))
        # The notifier's clock: compared with the next follow-up's moment, no statement.
    if listener is not None:
        listener.close()
    dbmod.close()


def _server_counts(target: str) -> dict | None:
    """pg_stat_database for the benchmark's database, read from the ``postgres`` database."""
    if not target.startswith("postgres"):
        return None
    from urllib.parse import urlparse

    import psycopg2

    url = urlparse(target)
    name = url.path.lstrip("/")
    connection = psycopg2.connect(target.replace(url.path, "/postgres", 1))
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT xact_commit + xact_rollback, tup_returned, tup_fetched, numbackends "
                "FROM pg_stat_database WHERE datname = %s",
                (name,),
            )
            xacts, returned, fetched, backends = cursor.fetchone()
        return {"xacts": xacts, "tup_returned": returned, "tup_fetched": fetched, "backends": backends}
    finally:
        connection.close()


def prepare(target: str) -> tuple[int, int, int]:
    from helpdesk import accounts, complaints, migrations
    from helpdesk import db as dbmod
    from helpdesk.models import ComplaintCategory

    if target.startswith("postgres"):
        database = dbmod.open_database(target)
        database.connect()
        database.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
        database.execute_sql("CREATE SCHEMA public")
        database.close()
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(target + suffix).unlink(missing_ok=True)
    migrations.open_and_migrate(target)
    boss = accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse 1")
    staff = accounts.create_account(boss, "desk1", "Reza Desk", "staff", "desk password 1")
    category = ComplaintCategory.select().first()
    c = complaints.create(
        staff, complaints.ComplaintDraft(category_id=category.id, description="Charged twice", assignee_id=staff.id)
    )
    return boss.id, staff.id, c.id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--desks", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args(argv)

    from helpdesk import complaints
    from helpdesk import db as dbmod
    from helpdesk.models import Staff

    boss_id, staff_id, complaint_id = prepare(args.db)
    dbmod.close()
    context = multiprocessing.get_context("spawn")
    ready, results = context.Queue(), context.Queue()
    measure, stop = context.Event(), context.Event()
    desks = [
        context.Process(target=desk, args=(i, args.db, boss_id, ready, measure, stop, results))
        for i in range(args.desks)
    ]
    for process in desks:
        process.start()
    for _ in desks:
        ready.get(timeout=300)
    time.sleep(12)  # the desks' start-up statements reach the server's figures (idle backends report every ~10 s)
    before = _server_counts(args.db)
    measure.set()
    time.sleep(args.seconds)
    measure.clear()
    time.sleep(12)  # and so do any statements of the idle period
    after = _server_counts(args.db)
    idle = [results.get(timeout=60)[2] for _ in desks]
    statements = sum(d["statements"] for d in idle)
    engine = "postgresql" if args.db.startswith("postgres") else "sqlite"
    line = {
        "measure": "idle",
        "engine": engine,
        "desks": args.desks,
        "seconds": args.seconds,
        "statements_by_desks": statements,
        "statements_per_second": round(statements / args.seconds, 2),
        "per_desk_per_second": round(statements / args.seconds / args.desks, 3),
    }
    if before is not None and after is not None:
        window = args.seconds + 12  # the server's figures cover the idle period and the wait after it
        line.update(
            {
                "server_transactions": after["xacts"] - before["xacts"],
                "server_transactions_per_second": round((after["xacts"] - before["xacts"]) / window, 2),
                "server_tup_returned": after["tup_returned"] - before["tup_returned"],
                "backends": after["backends"],
            }
        )
    print(json.dumps(line), flush=True)

    dbmod.bind(dbmod.open_database(args.db))
    sent = time.time()
    complaints.escalate(Staff.get_by_id(staff_id), complaint_id, "Wants a refund above my limit")
    heard = []
    deadline = time.monotonic() + 30
    while len(heard) < args.desks and time.monotonic() < deadline:
        try:
            kind, _index, value = results.get(timeout=1)
        except Exception:  # noqa: BLE001 - queue.Empty
            continue
        if kind == "heard":
            heard.append((value - sent) * 1000)
    stop.set()
    for process in desks:
        process.join(timeout=30)
    heard.sort()
    print(
        json.dumps(
            {
                "measure": "push",
                "engine": engine,
                "desks": args.desks,
                "heard": len(heard),
                "p50_ms": round(statistics.median(heard), 1) if heard else None,
                "p95_ms": round(heard[max(0, int(len(heard) * 0.95) - 1)], 1) if heard else None,
                "max_ms": round(heard[-1], 1) if heard else None,
            }
        ),
        flush=True,
    )
    dbmod.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
