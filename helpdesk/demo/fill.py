"""Filling an empty database with the demo: staff, customers, their history, complaints and
calm-down sessions, made in one process (or two, for a large demo) and written by the bulk path."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from .. import accounts
from ..clock import utcnow
from ..config import describe
from ..db import database
from ..errors import KnownError
from ..followups import GRACE, end_of_local_day
from ..followups import OPEN as FOLLOW_UP_OPEN
from ..migrations import open_and_migrate
from ..models import Contact, Customer, FollowUp, LostReason, Staff, Tag
from .bulk import (
    BATCH,
    CUSTOMER_TABLES,
    FTS5_DEFAULTS,
    HISTORY_TABLES,
    _fts5_config,
    _is_postgres,
    _secondary_indexes,
    bulk_insert,
    store,
)
from .chance import Dice
from .history import History, Person, _local_days
from .people import TAGS, Documents, Generator, rows_of
from .staff import create_staff

PARALLEL_FROM = 20_000  # customers; below that a second process and rebuilt indexes cost more than they save
CUSTOMERS_DONE: dict[str, list] = {"customers_done": []}  # in the stream of batches: the customers are all made


@dataclass
class Plan:
    """Everything the customers and their history are made from, so another process can make exactly the same."""

    rng_state: tuple
    count: int
    now: datetime
    staff_ids: list[int]
    lost_reasons: dict[str, int]
    tag_ids: dict[str, int]
    tag_order: dict[str, int]
    first_id: int
    postgres: bool
    days: list  # ``_local_days(now)``: the office's calendar, in this machine's time zone
    end_of_today: datetime
    first_contact_id: int = 1
    first_follow_up_id: int = 1


def batches(plan: Plan) -> Iterator[dict[str, list]]:
    """The rows of all the customers of ``plan``, then of their contacts and follow-ups, a batch at a time."""
    rng = Dice()
    rng.setstate(plan.rng_state)
    generator = Generator(rng, plan.now, plan.staff_ids, plan.lost_reasons, plan.tag_order, plan.first_id)
    documents = Documents()
    batch: list[dict] = []
    people: list[Person] = []
    for record in generator.customers(plan.count):
        c = record["customer"]
        people.append(
            Person(
                c["created_at"],
                c["id"],
                c["preferred_language"] == "fa",
                tuple(number for _, number in record["phones"]),
                record["lost"][1] if record["lost"] is not None else None,
            )
        )
        batch.append(record)
        if len(batch) >= BATCH:
            yield rows_of(batch, plan.tag_ids, documents, plan.postgres)
            batch = []
    if batch:
        yield rows_of(batch, plan.tag_ids, documents, plan.postgres)
    yield CUSTOMERS_DONE  # the writer finishes the customers' tables while the history is made
    history = History(
        rng,
        plan.now,
        plan.days,
        plan.end_of_today,
        plan.staff_ids,
        people,
        plan.first_contact_id,
        plan.first_follow_up_id,
    )
    history.build()
    yield from history.batches(plan.postgres)


def _produce(plan: Plan, queue) -> None:
    """In a second process: make the rows while the first one writes them."""
    try:
        for rows in batches(plan):
            queue.put(("rows", rows))
        queue.put(("done", None))
    except BaseException:  # noqa: BLE001 - anything, even an interrupt, is handed to the writing process, which reports it
        import traceback

        queue.put(("error", traceback.format_exc()))


def _batches_from_a_second_process(plan: Plan) -> Iterator[dict[str, list]]:
    """``batches(plan)``, made by another process: making rows and writing them then overlap on two cores."""
    import multiprocessing
    import queue as queues

    context = multiprocessing.get_context("spawn")  # fork is unsafe in a process with threads (Qt, drivers)
    channel = context.Queue(maxsize=8)
    producer = context.Process(target=_produce, args=(plan, channel), name="demo-producer", daemon=True)
    producer.start()
    try:
        while True:
            try:
                kind, payload = channel.get(timeout=1.0)
            except queues.Empty:
                if not producer.is_alive():
                    raise RuntimeError(f"the demo producer stopped (exit code {producer.exitcode})") from None
                continue
            if kind == "done":
                break
            if kind == "error":
                raise RuntimeError(f"the demo producer failed:\n{payload}")
            yield payload
    finally:
        if producer.is_alive():
            producer.terminate()
        producer.join(timeout=10)
        channel.close()


def _tags() -> tuple[dict[str, int], dict[str, int]]:
    """The demo tags (created when missing), by name: their ids, and their place in the order ``get`` lists them."""
    existing = {t.name for t in Tag.select()}
    missing = [{"name": name} for name in TAGS if name not in existing]
    if missing:
        Tag.insert_many(missing).execute()
    ordered = list(Tag.select().order_by(Tag.name))
    return {t.name: t.id for t in ordered}, {t.name: i for i, t in enumerate(ordered)}


def create_customers(
    rng: random.Random, count: int, staff_ids: list[int], now: datetime, parallel: bool | None = None
) -> None:
    """Insert ``count`` customers with their phones, e-mails, tags, audit trail and search documents,
    then a year of their contacts and follow-ups (``History``), audited too.

    From ``PARALLEL_FROM`` customers on (or when ``parallel`` says so) a second process
    makes the rows while this one writes them, and the indexes are built after the rows
    are in; the customers are the same either way.
    """
    postgres = _is_postgres()
    tag_ids, tag_order = _tags()
    plan = Plan(
        rng_state=rng.getstate(),
        count=count,
        now=now,
        staff_ids=staff_ids,
        lost_reasons={r.name_en: r.id for r in LostReason.select()},
        tag_ids=tag_ids,
        tag_order=tag_order,
        first_id=(Customer.select(Customer.id).order_by(Customer.id.desc()).scalar() or 0) + 1,
        postgres=postgres,
        days=_local_days(now),
        end_of_today=end_of_local_day(now),
        first_contact_id=(Contact.select(Contact.id).order_by(Contact.id.desc()).scalar() or 0) + 1,
        first_follow_up_id=(FollowUp.select(FollowUp.id).order_by(FollowUp.id.desc()).scalar() or 0) + 1,
    )
    if parallel is None:
        parallel = count >= PARALLEL_FROM
    if not postgres:
        # A bigger page cache for the load, and no merging of search-index segments until the
        # end: one 'optimize' then merges them all at once, and searching reads one b-tree.
        cache_size = database.execute_sql("PRAGMA cache_size").fetchone()[0]
        merging = {name: _fts5_config(name) for name in ("automerge", "crisismerge")}
        database.execute_sql("PRAGMA cache_size = -262144")
        _fts5_config("automerge", 0)
        _fts5_config("crisismerge", 100_000)
    # Rows go in faster without the indexes, which are then built once, sorted, from the
    # very statements the migrations left in the catalogue: the customers' as soon as the
    # customers are in (while the other process makes their history), the rest at the end.
    first = _secondary_indexes(CUSTOMER_TABLES) if parallel else []
    last = _secondary_indexes(HISTORY_TABLES) if parallel else []
    for name, _ in first + last:
        database.execute_sql(f'DROP INDEX "{name}"')
    for rows in _batches_from_a_second_process(plan) if parallel else batches(plan):
        if "customers_done" in rows:  # (a copy of CUSTOMERS_DONE when it came from the other process)
            for _, sql in first:
                database.execute_sql(sql)
            if not postgres:
                database.execute_sql("INSERT INTO customer_search (customer_search) VALUES ('optimize')")
            continue
        store(rows)
    for _, sql in last:
        database.execute_sql(sql)
    if postgres:
        # Ids were given explicitly: move the sequences past them so new rows get fresh ones.
        for table in ("customer", "contact", "follow_up"):
            database.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
            )
        database.execute_sql("ANALYZE")
    else:
        for name, value in merging.items():
            _fts5_config(name, FTS5_DEFAULTS[name] if value is None else value)
        database.execute_sql(f"PRAGMA cache_size = {int(cache_size)}")


def generate(customers: int, seed: int, parallel: bool | None = None) -> list[tuple[Staff, str]]:
    """Fill the bound, empty database. Returns the demo accounts and their passwords."""
    if accounts.has_accounts():
        raise KnownError("the database already has accounts; demo data goes only into a new database")
    rng = random.Random(seed)
    now = utcnow()
    staff = create_staff(rng)
    staff_ids = [s.id for s, _ in staff]
    postgres = _is_postgres()
    if not postgres:
        # In WAL mode every page of the load would be written twice: to the log, then by the
        # checkpoint into the file. With a rollback journal it is written once, and as the file
        # holds next to nothing yet, neither does the journal (new pages need no copy to undo them).
        journal = database.execute_sql("PRAGMA journal_mode").fetchone()[0]
        database.execute_sql("PRAGMA journal_mode = delete")
    try:
        with database.atomic():
            create_customers(rng, customers, staff_ids, now, parallel)
            from .complaints import create_complaints

            create_complaints(random.Random(seed * 7 + 3), now, bulk_insert)
            from .calm import create_sessions

            create_sessions(random.Random(seed * 11 + 5), now, bulk_insert)
    finally:
        if not postgres:
            database.execute_sql(f"PRAGMA journal_mode = {journal}")
    return staff


def main(target: str, customers: int, seed: int, parallel: bool | None = None) -> int:
    started = time.perf_counter()
    open_and_migrate(target)  # a known problem becomes one line and exit code 2 in main.py
    staff = generate(customers, seed, parallel)
    elapsed = time.perf_counter() - started
    now = utcnow()
    overdue = FollowUp.select().where((FollowUp.status == FOLLOW_UP_OPEN) & (FollowUp.due_at < now - GRACE)).count()
    print(
        f"Demo data written to {describe(target)} in {elapsed:.1f} s: {customers} customers, "
        f"{Contact.select().count()} contacts, {FollowUp.select().count()} follow-ups ({overdue} overdue)."
    )
    print("Demo accounts (user name, password, role):")
    for member, password in staff:
        print(f"  {member.username:<12} {password:<16} {member.role}")
    return 0
