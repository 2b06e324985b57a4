"""What the desk lock (ui/lock.py) costs: its event filter sees every event of the app, and
locking and unlocking walk every open window.

    QT_QPA_PLATFORM=offscreen python benchmarks/lock_bench.py --db /tmp/lock.sqlite [--events 200000]
    QT_QPA_PLATFORM=offscreen python benchmarks/lock_bench.py --db postgresql://…/helpdesk_bench

  * filter: a key-less event (QEvent.User) and a mouse move sent to a widget ``--events`` times,
    without and with the lock's filter installed: nanoseconds per event added;
  * lock / unlock: the main window signed in with a call, a customer form and a complaint open:
    milliseconds to cover every window, and to put them back (the password check, argon2, is
    timed apart as ``unlock_password``).
Prints JSON lines.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _per_event(app, widget, events: int) -> dict:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    user = QEvent(QEvent.Type.User)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    out = {}
    for name, event in (("user", user), ("mouse_move", move)):
        start = time.perf_counter()
        for _ in range(events):
            app.sendEvent(widget, event)
        out[name] = (time.perf_counter() - start) / events * 1e9
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLineEdit

    folder = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from ui import paths

    paths.draft_dir = lambda: folder / "drafts"
    from helpdesk import accounts, complaints, customers, migrations
    from ui.app import Controller, create_application
    from ui.lock import DeskLock

    app = create_application([])
    if args.db.startswith("postgresql"):
        sys.path.insert(0, str(ROOT / "tests"))
        from conftest import _reset_postgres

        _reset_postgres(args.db)
    elif Path(args.db).exists():
        Path(args.db).unlink()
    migrations.open_and_migrate(args.db)
    boss = accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")

    widget = QLineEdit()
    bare = _per_event(app, widget, args.events)
    lock = DeskLock(app)
    filtered = _per_event(app, widget, args.events)
    lock.stop()
    print(
        json.dumps(
            {
                "what": "filter_ns_per_event",
                "without": {k: round(v) for k, v in bare.items()},
                "with": {k: round(v) for k, v in filtered.items()},
                "added": {k: round(filtered[k] - bare[k]) for k in bare},
            }
        )
    )

    customer = customers.create(
        boss,
        customers.Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")]),
        confirm_duplicates=True,
    )
    raised = complaints.create(
        boss,
        complaints.ComplaintDraft(
            customer_id=customer.id, description="Late", category_id=complaints.categories()[0].id, assignee_id=boss.id
        ),
    )
    controller = Controller(app, args.db)
    window = controller.show_window()
    controller.signed_in(boss)
    window.start_call(customer_id=customer.id)
    window.customers_page.edit_customer(customer.id)
    window.open_complaint(raised.id)
    app.processEvents()
    lock = controller.lock
    locking, unlocking = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        lock.lock()
        app.processEvents()
        locking.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        lock.unlock()
        app.processEvents()
        unlocking.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    accounts.authenticate("boss", "correct horse")
    password = (time.perf_counter() - start) * 1000
    print(
        json.dumps(
            {
                "what": "lock_unlock_ms",
                "engine": "postgresql" if args.db.startswith("postgresql") else "sqlite",
                "windows": len([w for w in app.topLevelWidgets() if w.isVisible()]),
                "lock_p50": round(statistics.median(locking), 2),
                "lock_max": round(max(locking), 2),
                "unlock_p50": round(statistics.median(unlocking), 2),
                "unlock_max": round(max(unlocking), 2),
                "unlock_password": round(password, 1),
            }
        )
    )
    lock.stop()


if __name__ == "__main__":
    main()
