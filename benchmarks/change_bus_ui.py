"""Statements one signed-in desk issues while idle and after another desk saved, with the real window.

    python benchmarks/change_bus_ui.py --db postgresql://…/helpdesk_bench [--quiet 10]
    python benchmarks/change_bus_ui.py --db /tmp/bus.sqlite

A supervisor's main window (offscreen) is signed in with the Dashboard on screen and the Calls and
Complaints pages built. Every statement sent through peewee is counted, with the thread that sent it
(the UI thread's statements are the ones that freeze the window; the pages' reloads run on workers):

  quiet          ``--quiet`` seconds with nothing happening (issue 13: 32 statements per 5-second poll)
  contact        another desk (its own process) logs a contact: what this desk reads to follow it
  complaint      another desk raises a complaint (issue 13: a poll after another desk saved, 101)
  complaint_page the same with the Complaints page on screen instead of the Dashboard

Prints one JSON line per measure: statements, of them on the UI thread, per second when quiet.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SETTLE_MS = 3_000  # after another desk's save: long enough for the SQLite look (1 s) and the reloads


class _Log(logging.Handler):
    def __init__(self):
        super().__init__()
        self.on = False
        self.rows: list[tuple[str, str]] = []

    def emit(self, record):
        if self.on:
            sql = record.msg[0] if isinstance(record.msg, tuple) else str(record.msg)
            self.rows.append((record.threadName, sql))


def _other_desk(target: str, action: str, staff_id: int, customer_id: int) -> None:
    from datetime import datetime

    from helpdesk import complaints, contacts
    from helpdesk import db as dbmod
    from helpdesk.models import ComplaintCategory, Staff

    dbmod.bind(dbmod.open_database(target))
    actor = Staff.get_by_id(staff_id)
    if action == "contact":
        contacts.create(
            actor,
            contacts.ContactDraft(
                customer_id=customer_id,
                started_at=datetime(2026, 11, 23, 9, 30),
                notes="Asked about the invoice",
                outcome="resolved",
                satisfaction="satisfied",
            ),
        )
    else:
        category = ComplaintCategory.select().first()
        complaints.create(
            actor,
            complaints.ComplaintDraft(
                customer_id=customer_id,
                category_id=category.id,
                description="Wrong size delivered",
                assignee_id=actor.id,
            ),
        )
    dbmod.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--quiet", type=float, default=10.0)
    parser.add_argument("--show", action="store_true", help="print the UI thread's statements too")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from idle_desks import prepare

    from helpdesk import config, customers
    from helpdesk.models import Staff

    boss_id, staff_id, _complaint = prepare(args.db)
    staff = Staff.get_by_id(staff_id)
    customer = customers.create(
        staff,
        customers.Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")]),
        confirm_duplicates=True,
    )

    from PySide6.QtTest import QTest

    from ui import tasks
    from ui.app import create_application
    from ui.mainwindow import CALLS, COMPLAINTS, DASHBOARD, MainWindow

    create_application([])
    window = MainWindow(config.describe(args.db))
    window.show()
    window.sign_in(Staff.get_by_id(boss_id))
    window.page(CALLS)
    window.page(COMPLAINTS)
    window.show_page(DASHBOARD)
    QTest.qWait(2_000)
    tasks.wait_for_all()

    log = _Log()
    peewee_log = logging.getLogger("peewee")
    peewee_log.setLevel(logging.DEBUG)
    peewee_log.propagate = False
    peewee_log.addHandler(log)
    ui_thread = threading.current_thread().name
    engine = "postgresql" if args.db.startswith("postgres") else "sqlite"
    context = multiprocessing.get_context("spawn")

    def measure(name: str, action: str | None, seconds: float | None = None) -> None:
        log.rows.clear()
        log.on = True  # the other desk's statements are its own process's: not counted here
        started = time.monotonic()
        if action is not None:
            other = context.Process(target=_other_desk, args=(args.db, action, staff_id, customer.id))
            other.start()
            while other.is_alive():  # the window keeps running while the other desk saves
                QTest.qWait(20)
        QTest.qWait(int((seconds or SETTLE_MS / 1000) * 1000))
        tasks.wait_for_all()
        log.on = False
        elapsed = time.monotonic() - started
        rows = list(log.rows)
        on_ui = [sql for thread, sql in rows if thread == ui_thread]
        line = {
            "measure": name,
            "engine": engine,
            "statements": len(rows),
            "on_ui_thread": len(on_ui),
            "seconds": round(elapsed, 1),
        }
        if args.show:
            line["ui_statements"] = [sql[:90] for sql in on_ui]
        if action is None:
            line["per_second"] = round(len(rows) / elapsed, 2)
        print(json.dumps(line), flush=True)

    measure("quiet", None, args.quiet)
    measure("contact", "contact")
    measure("complaint", "complaint")
    window.show_page(COMPLAINTS)
    QTest.qWait(1_000)
    tasks.wait_for_all()
    measure("complaint_page", "complaint")
    window.sign_out()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
