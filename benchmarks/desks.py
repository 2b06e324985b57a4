"""Several desks writing to one database at once, through the services, as separate signed-in people.

    python benchmarks/desks.py --db PATH_OR_URL --desks N --writes W [--complaints 20] [--seed 1] [--keep]

The parent EMPTIES the database it is given (a SQLite file is made afresh, the PostgreSQL ``public``
schema is dropped and made again: give it a database of its own; ``--keep`` keeps what is there),
migrates it, creates a supervisor and one staff account per desk, a few shared customers and the
shared complaints (complaint ``j`` is assigned to desk ``j % N``). Then N real processes
(``multiprocessing``, spawn) each sign in with their own account, wait for the others at a barrier
and make W writes, the kind of each drawn from a realistic mix:

    customer  ``customers.create`` (saved again with ``confirm_duplicates`` after a duplicate warning,
              as the form does: ``duplicate_warnings`` counts them; the latency covers both calls)
    contact   ``contacts.create`` about a shared customer or one of the desk's own, from a draft
              (``draft_id``), one in ten with a follow-up promised
    comment   ``complaints.comment`` on a shared complaint, one in five said to the customer
    move      a shared complaint read (``complaints.get``) and moved on with the version read:
              new -> in progress, resolved -> in progress (reopened), closed -> in progress; one in
              progress is resolved (``complaints.resolve``) by its assignee (another desk's in-progress
              complaint is left to them: the desk moves one of its own instead)

A ``Conflict`` (another desk moved the complaint since it was read) is the right answer and is counted
as ``conflicts``, not as an error. Any other exception is an error; the first messages are shown.

Prints one JSON line per kind (``move`` counts the moves and resolutions together, ``resolve`` says how
many of them were resolutions):
    {"kind", "attempted", "stored", "conflicts", "errors", "error_messages", "lost", "in_database",
     "missing", "extra", "p50_ms", "p95_ms", "max_ms"}
``lost`` is attempted - stored - conflicts - errors (a desk that died), plus what was reported stored but
is not in the database, which is counted afterwards:
every id reported stored must be there (``missing``), and the rows written by the desks' accounts must
number exactly what was reported stored (``extra``: written although the desk was told it failed).
The shared complaints are checked too: each status change follows the one before it (no two
transitions out of one state), and each complaint's version grew by one per audited change.
The last line is the summary: engine, desks, writes, seconds, writes per second, the totals and ``ok``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import multiprocessing
import queue
import random
import sys
import threading
import time
import traceback
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KINDS = ("customer", "contact", "comment", "move")
MIX = {"customer": 20, "contact": 35, "comment": 30, "move": 15}  # per cent of a desk's writes
PASSWORD = "desk password 1"
SHARED_CUSTOMERS = 40
START_TIMEOUT = 300  # seconds for every desk to sign in
GIVEN = ["Maryam", "Reza", "Sara", "Ali", "Hannah", "Mina", "Omid", "Leila", "مریم", "رضا", "سارا", "نرگس"]
FAMILY = ["Karimi", "Ahmadi", "Brown", "Rahimi", "Moradi", "Smith", "کریمی", "احمدی", "رحیمی", "مرادی"]
MESSAGES_KEPT = 5


def plan(desk: int, writes: int, seed: int) -> list[str]:
    """The kinds of a desk's writes, in order: the same for the same seed, desk and count."""
    rng = random.Random(f"{seed}-{desk}-plan")
    return rng.choices(list(MIX), weights=list(MIX.values()), k=writes)


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]  # nearest rank


# --- the database and the accounts ---------------------------------------------------------------


def is_postgres(target: str) -> bool:
    return target.startswith(("postgres://", "postgresql://"))


def empty(target: str) -> None:
    from helpdesk import db as dbmod

    if is_postgres(target):
        database = dbmod.open_database(target)
        database.connect()
        try:
            database.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
            database.execute_sql("CREATE SCHEMA public")
        finally:
            database.close()
        return
    path = Path(target)
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def prepare(target: str, desks: int, complaint_count: int, seed: int, keep: bool) -> dict:
    """Migrate, create the accounts and the shared records; what the desks and the checks need."""
    from helpdesk import accounts, complaints, customers, migrations
    from helpdesk import db as dbmod
    from helpdesk.models import ComplaintCategory, Staff

    if not keep:
        print(f"emptying {target} (keep it with --keep)", file=sys.stderr, flush=True)
        empty(target)
    migrations.open_and_migrate(target)
    run = uuid.uuid4().hex[:6]
    if accounts.has_accounts():
        boss = Staff.select().where((Staff.role == "supervisor") & (Staff.active == True)).first()  # noqa: E712 - a peewee expression: "== True" builds the SQL
    else:
        boss = accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")
    staff = [
        accounts.create_account(boss, f"desk{n}x{run}", f"Desk {n} {run}", "staff", PASSWORD) for n in range(desks)
    ]
    rng = random.Random(f"{seed}-shared")
    shared_customers = [
        customers.create(
            boss,
            customers.Draft(
                given_name=rng.choice(GIVEN),
                family_name=rng.choice(FAMILY),
                phones=[("mobile", f"0935{run_digits(run)}{n:04d}")],
            ),
            confirm_duplicates=True,
        ).id
        for n in range(SHARED_CUSTOMERS)
    ]
    category = ComplaintCategory.select().order_by(ComplaintCategory.position).first().id
    shared = []
    for j in range(max(complaint_count, desks)):
        c = complaints.create(
            boss,
            complaints.ComplaintDraft(
                customer_id=shared_customers[j % len(shared_customers)],
                category_id=category,
                priority="normal",
                description=f"Shared complaint {j}: the parcel came late.",
                wanted="A refund",
                assignee_id=staff[j % desks].id,
            ),
        )
        shared.append(c.id)
    dbmod.close()
    return {
        "staff": [(s.id, s.username) for s in staff],
        "customers": shared_customers,
        "complaints": shared,
        "run": run,
    }


def run_digits(run: str) -> str:
    """Three digits from the run's tag, so a kept database does not see the same numbers again."""
    return f"{int(run, 16) % 1000:03d}"


# --- one desk --------------------------------------------------------------------------------------


def desk(index: int, target: str, username: str, setup: dict, writes: int, seed: int, barrier, results) -> None:
    """A desk: sign in, wait for the others, make the planned writes, send back what happened."""
    from helpdesk import accounts, complaints, contacts, customers
    from helpdesk import db as dbmod
    from helpdesk.clock import utcnow
    from helpdesk.errors import Conflict

    outcome = {
        kind: {"stored": 0, "conflicts": 0, "errors": 0, "messages": [], "latencies": [], "ids": []} for kind in KINDS
    }
    outcome["resolve"] = {"stored": 0}
    outcome["duplicate_warnings"] = {"stored": 0}
    try:
        dbmod.bind(dbmod.open_database(target))
        actor = accounts.authenticate(username, PASSWORD)
    except BaseException:  # noqa: BLE001 - a desk that cannot start reports why to the parent, whatever it was
        results.put((index, {"fatal": traceback.format_exc()}))
        barrier.abort()
        return
    rng = random.Random(f"{seed}-{index}-desk")
    mine = [cid for j, cid in enumerate(setup["complaints"]) if j % len(setup["staff"]) == index]
    own_customers: list[int] = []

    def new_customer(n: int) -> int:
        draft = customers.Draft(
            given_name=rng.choice(GIVEN),
            family_name=rng.choice(FAMILY),
            phones=[("mobile", f"0912{index % 100:02d}{n % 100000:05d}")],
            notes="Came in about an order.",
        )
        try:
            return customers.create(actor, draft).id
        except customers.DuplicateWarning:  # the form shows the look-alikes; the person saves anyway
            outcome["duplicate_warnings"]["stored"] += 1
            return customers.create(actor, draft, confirm_duplicates=True).id

    def new_contact(n: int) -> int:
        pool = setup["customers"] + own_customers
        customer_id = rng.choice(pool)
        now = utcnow()
        follow = None
        if n % 10 == 0:
            follow = contacts.FollowUpDraft(now + timedelta(days=1), actor.id, "Ring back about the refund")
        draft = contacts.ContactDraft(
            customer_id=customer_id,
            started_at=now - timedelta(minutes=4),
            ended_at=now,
            reason="Invoice question",
            notes=f"Desk {index} call {n}.",
            outcome="follow_up_needed" if follow else "resolved",
            satisfaction="satisfied",
            follow_up=follow,
        )
        return contacts.create(actor, draft, draft_id=uuid.uuid4().hex).id

    def new_comment(n: int) -> int:
        visibility = "customer" if n % 5 == 0 else "internal"
        return complaints.comment(actor, rng.choice(setup["complaints"]), f"Desk {index} note {n}", visibility).id

    def move(n: int) -> tuple[int, bool]:
        c = complaints.get(rng.choice(setup["complaints"]))
        if c.status == complaints.IN_PROGRESS and c.assignee_id != actor.id:
            c = complaints.get(rng.choice(mine))  # someone else's to resolve: move one of mine
        if c.status == complaints.IN_PROGRESS:
            complaints.resolve(actor, c.id, f"Refunded (desk {index}, {n})", "satisfied", True, version=c.version)
            return c.id, True
        complaints.move(actor, c.id, complaints.IN_PROGRESS, f"Desk {index} on it", version=c.version)
        return c.id, False

    actions = {"customer": new_customer, "contact": new_contact, "comment": new_comment, "move": move}
    try:
        barrier.wait(timeout=START_TIMEOUT)
    except threading.BrokenBarrierError:
        results.put((index, {"fatal": "the desks never all signed in"}))
        return
    for n, kind in enumerate(plan(index, writes, seed)):
        counts = outcome[kind]
        started = time.perf_counter()
        try:
            result = actions[kind](n)
        except Conflict:
            counts["conflicts"] += 1
            continue
        except Exception as exc:  # noqa: BLE001 - every other failure is what this benchmark is looking for
            counts["errors"] += 1
            if len(counts["messages"]) < MESSAGES_KEPT:
                counts["messages"].append(f"{type(exc).__name__}: {exc}"[:300])
            continue
        counts["latencies"].append((time.perf_counter() - started) * 1000)
        counts["stored"] += 1
        if kind == "move":
            result, resolved = result
            outcome["resolve"]["stored"] += resolved
        counts["ids"].append(result)
        if kind == "customer":
            own_customers.append(result)
    dbmod.close()
    results.put((index, outcome))


# --- the count afterwards --------------------------------------------------------------------------


def _existing(model, ids: list[int]) -> int:
    found = 0
    for start in range(0, len(ids), 500):
        found += model.select().where(model.id.in_(ids[start : start + 500])).count()
    return found


def count_in_database(target: str, setup: dict, stored_ids: dict[str, list[int]]) -> tuple[dict, dict]:
    """Per kind: (rows written by the desks' accounts, stored ids not found); and the chain checks."""
    from helpdesk import db as dbmod
    from helpdesk.models import AuditEntry, Complaint, ComplaintComment, ComplaintEvent, Contact, Customer

    dbmod.bind(dbmod.open_database(target))
    staff_ids = [sid for sid, _ in setup["staff"]]
    statuses = ComplaintEvent.select().where((ComplaintEvent.kind == "status") & ComplaintEvent.actor.in_(staff_ids))
    counts = {
        "customer": (
            Customer.select().where(Customer.created_by.in_(staff_ids)).count(),
            len(stored_ids["customer"]) - _existing(Customer, stored_ids["customer"]),
        ),
        "contact": (
            Contact.select().where(Contact.staff.in_(staff_ids)).count(),
            len(stored_ids["contact"]) - _existing(Contact, stored_ids["contact"]),
        ),
        "comment": (
            ComplaintComment.select().where(ComplaintComment.author.in_(staff_ids)).count(),
            len(stored_ids["comment"]) - _existing(ComplaintComment, stored_ids["comment"]),
        ),
        "move": (statuses.count(), 0),
    }
    broken_chains, version_gaps = 0, 0
    for complaint_id in setup["complaints"]:
        events = list(
            ComplaintEvent.select()
            .where((ComplaintEvent.complaint == complaint_id) & (ComplaintEvent.kind == "status"))
            .order_by(ComplaintEvent.id)
        )
        broken_chains += sum(1 for before, after in itertools.pairwise(events) if after.old_value != before.new_value)
        changes = (
            AuditEntry.select()
            .where((AuditEntry.table_name == "complaint") & (AuditEntry.record_id == str(complaint_id)))
            .count()
        )
        version = Complaint.get_by_id(complaint_id).version
        version_gaps += abs(version - changes)  # one audited row for the creation, one per change
    dbmod.close()
    return counts, {"broken_chains": broken_chains, "version_gaps": version_gaps}


# --- the run ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a SQLite file path or a postgresql:// URL")
    parser.add_argument("--desks", type=int, default=2)
    parser.add_argument("--writes", type=int, default=500, help="writes per desk")
    parser.add_argument("--complaints", type=int, default=20, help="shared complaints")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep what the database holds")
    args = parser.parse_args(argv)

    setup = prepare(args.db, args.desks, args.complaints, args.seed, args.keep)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(args.desks + 1)
    results = context.Queue()
    processes = [
        context.Process(target=desk, args=(n, args.db, username, setup, args.writes, args.seed, barrier, results))
        for n, (_, username) in enumerate(setup["staff"])
    ]
    for process in processes:
        process.start()
    try:
        barrier.wait(timeout=START_TIMEOUT)
    except threading.BrokenBarrierError:
        pass  # a desk that could not sign in says so below
    started = time.perf_counter()
    outcomes: dict[int, dict] = {}
    while len(outcomes) < len(processes):
        try:
            index, outcome = results.get(timeout=5)
        except queue.Empty:
            if not any(p.is_alive() for p in processes) and results.empty():
                break  # a desk died without a word
            continue
        outcomes[index] = outcome
    elapsed = time.perf_counter() - started
    for process in processes:
        process.join(timeout=30)

    fatal = {n: o["fatal"] for n, o in outcomes.items() if "fatal" in o}
    dead = [n for n in range(args.desks) if n not in outcomes]
    planned = dict.fromkeys(KINDS, 0)
    for n in range(args.desks):
        for kind in plan(n, args.writes, args.seed):
            planned[kind] += 1
    stored_ids = {kind: [i for o in outcomes.values() if "fatal" not in o for i in o[kind]["ids"]] for kind in KINDS}
    counts, chains = count_in_database(args.db, setup, stored_ids)

    totals = {"attempted": 0, "stored": 0, "conflicts": 0, "errors": 0, "lost": 0, "missing": 0, "extra": 0}
    for kind in KINDS:
        parts = [o[kind] for o in outcomes.values() if "fatal" not in o]
        stored = sum(p["stored"] for p in parts)
        conflicts = sum(p["conflicts"] for p in parts)
        errors = sum(p["errors"] for p in parts)
        latencies = [x for p in parts for x in p["latencies"]]
        in_database, missing = counts[kind]
        line = {
            "kind": kind,
            "attempted": planned[kind],
            "stored": stored,
            "conflicts": conflicts,
            "errors": errors,
            "error_messages": [m for p in parts for m in p["messages"]][:MESSAGES_KEPT],
            "lost": planned[kind] - stored - conflicts - errors,
            "in_database": in_database,
            "missing": missing,
            "extra": max(0, in_database - stored),
            "p50_ms": _ms(percentile(latencies, 0.50)),
            "p95_ms": _ms(percentile(latencies, 0.95)),
            "max_ms": _ms(max(latencies) if latencies else None),
        }
        for extra, kind_of_extra in (("resolve", "move"), ("duplicate_warnings", "customer")):
            if kind == kind_of_extra:
                line[extra] = sum(o[extra]["stored"] for o in outcomes.values() if "fatal" not in o)
        if in_database < stored:
            line["lost"] += stored - in_database
        print(json.dumps(line, ensure_ascii=False), flush=True)
        for name in totals:
            totals[name] += line[name] if name != "attempted" else planned[kind]
    engine = "postgresql" if is_postgres(args.db) else "sqlite"
    ok = (
        totals["errors"] == 0
        and totals["lost"] == 0
        and totals["missing"] == 0
        and totals["extra"] == 0
        and not fatal
        and not dead
        and chains["broken_chains"] == 0
        and chains["version_gaps"] == 0
    )
    print(
        json.dumps(
            {
                "summary": True,
                "engine": engine,
                "desks": args.desks,
                "writes_per_desk": args.writes,
                "shared_complaints": len(setup["complaints"]),
                "seconds": round(elapsed, 1),
                "writes_per_second": round(totals["stored"] / elapsed, 1) if elapsed else None,
                **totals,
                **chains,
                "desks_failed": {**{str(n): f[-300:] for n, f in fatal.items()}, **{str(n): "died" for n in dead}},
                "ok": ok,
            },
            ensure_ascii=False,
        ),
        flush=True,
    )
    return 0 if ok else 1


def _ms(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None


if __name__ == "__main__":
    raise SystemExit(main())
