"""An outage of the PostgreSQL server in the middle of a session: does the desk come back by itself?

    python benchmarks/outage.py [--outage 40] [--poll 5] [--ui]

Starts a PostgreSQL cluster of its own (never the shared server), migrates it, adds a supervisor,
then stops the server for ``--outage`` seconds while a desk keeps looking every ``--poll`` seconds,
as the app's timers do, and starts it again. Measured for peewee's plain ``PostgresqlDatabase``
(the app before issue 13) and for ``helpdesk.db.ServerDatabase``:

  * during the outage: how many looks failed, and as what (a known "db_unreachable", or a bug);
  * after ``pg_ctl start`` returned: how long until a look works again (looking every 50 ms, for
    at most 30 s), and whether a save (a new customer) is stored.

With ``--ui``, the same outage under a real, signed-in main window (offscreen), its own timers
running: message boxes shown, status-bar indicators shown, the time from the server's return to
the indicator going away, and a save through the customer form's Ctrl+S. Prints JSON lines.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _fresh(server) -> None:
    from helpdesk import accounts, migrations
    from helpdesk import db as dbmod

    dbmod.close()
    fresh = dbmod.open_database(server.url)
    fresh.connect()
    fresh.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
    fresh.execute_sql("CREATE SCHEMA public")
    fresh.close()
    migrations.open_and_migrate(server.url)
    accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")


def _outcome(exc: BaseException) -> str:
    from helpdesk.errors import KnownError, classify_database_error

    if isinstance(exc, KnownError):
        return f"known:{exc.code}"
    known = classify_database_error(exc)
    return f"{type(exc).__name__}" + (f" (classified {known.code})" if known else " (a bug)")


def services(server, kind: str, outage: float, poll: float) -> dict:
    """A desk without a window, looking every ``poll`` seconds, through a ``kind`` database."""
    import peewee
    from playhouse.db_url import parse

    from helpdesk import customers
    from helpdesk import db as dbmod
    from helpdesk.models import Staff

    _fresh(server)
    dbmod.close()
    database = (
        peewee.PostgresqlDatabase(**parse(server.url)) if kind == "plain peewee" else dbmod.open_database(server.url)
    )
    dbmod.database.initialize(database)
    database.connect()
    boss = Staff.get(Staff.username == "boss")
    assert Staff.select().count() == 1
    server.stop()
    failures: dict[str, int] = {}
    looks = 0
    ends = time.monotonic() + outage
    while time.monotonic() < ends:
        looks += 1
        try:
            Staff.select().count()
        except Exception as exc:  # noqa: BLE001 - counted
            failures[_outcome(exc)] = failures.get(_outcome(exc), 0) + 1
        time.sleep(poll)
    server.start()
    back = time.monotonic()
    recovered_ms = None
    last = ""
    while time.monotonic() - back < 30:
        try:
            Staff.select().count()
        except Exception as exc:  # noqa: BLE001 - still down, as far as this desk knows
            last = _outcome(exc)
            time.sleep(0.05)
            continue
        recovered_ms = round((time.monotonic() - back) * 1000, 1)
        break
    try:
        customers.create(boss, customers.Draft(given_name="Neda", family_name="Amini"))
        saved = True
    except Exception as exc:  # noqa: BLE001 - reported
        saved = _outcome(exc)
    dbmod.close()
    return {
        "mode": "services",
        "database": kind,
        "outage_s": outage,
        "poll_s": poll,
        "looks": looks,
        "failed_looks": failures,
        "recovered_after_ms": recovered_ms,
        "still_failing_with": None if recovered_ms is not None else last,
        "save_after_return": saved,
    }


def ui(server, outage: float) -> dict:
    """A signed-in main window, its own timers running, through the outage."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from helpdesk import config
    from helpdesk.models import Customer, Staff
    from ui import errors as ui_errors
    from ui.app import create_application
    from ui.connection import ConnectionIndicator
    from ui.dialogs import error_dialog
    from ui.mainwindow import CUSTOMERS, MainWindow

    _fresh(server)
    app = create_application([])
    boxes = []
    shown = error_dialog.show_known_error
    error_dialog.show_known_error = lambda *a, **k: boxes.append(shown(*a, **k)) or boxes[-1]
    sys.excepthook = ui_errors.handle_exception
    window = MainWindow(config.describe(server.url))
    window.show()
    window.sign_in(Staff.get(Staff.username == "boss"))
    window.show_page(CUSTOMERS)
    form = window.customers_page.new_customer()
    for edit, text in ((form.given_name, "Neda"), (form.family_name, "Amini")):
        edit.setFocus()
        QTest.keyClicks(edit, text)
    QTest.qWait(500)

    def indicators() -> int:
        return sum(w.isVisible() for w in window.statusBar().findChildren(ConnectionIndicator))

    most = 0
    server.stop()
    ends = time.monotonic() + outage
    while time.monotonic() < ends:
        QTest.qWait(200)
        most = max(most, indicators())
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    refused_at_form = form.isVisible() and bool(form.message.text())
    kept = (form.given_name.text(), form.family_name.text()) == ("Neda", "Amini")
    server.start()
    back = time.monotonic()
    while indicators() and time.monotonic() - back < 30:
        QTest.qWait(20)
    gone_ms = None if indicators() else round((time.monotonic() - back) * 1000)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    QTest.qWait(200)
    stored = Customer.select().where(Customer.family_name == "Amini").count()
    open_boxes = sum(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())
    window.close()
    app.processEvents()
    return {
        "mode": "ui",
        "outage_s": outage,
        "message_boxes": len(boxes),
        "message_boxes_open": open_boxes,
        "indicators_at_most": most,
        "save_during_outage_refused_at_form": refused_at_form,
        "typed_text_kept": kept,
        "indicator_gone_after_ms": gone_ms,
        "saved_after_return": stored == 1,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outage", type=float, default=40.0, help="seconds the server is away")
    parser.add_argument("--poll", type=float, default=5.0, help="seconds between two looks (the app's timer)")
    parser.add_argument("--ui", action="store_true", help="also the real window, offscreen")
    args = parser.parse_args()
    from tests.helpers.pg_cluster import PG_BIN, PrivateServer

    if PG_BIN is None:
        sys.exit("the PostgreSQL programs (initdb, pg_ctl) are not installed")
    server = PrivateServer(PG_BIN)
    try:
        server.init()
        server.start()
        for kind in ("plain peewee", "ServerDatabase"):
            print(json.dumps(services(server, kind, args.outage, args.poll), ensure_ascii=False), flush=True)
        if args.ui:
            print(json.dumps(ui(server, args.outage), ensure_ascii=False), flush=True)
    finally:
        server.remove()


if __name__ == "__main__":
    main()
