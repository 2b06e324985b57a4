"""How smoothly the audit log scrolls through 100,000 entries (issue 14, item 6).

    python benchmarks/audit_log_bench.py [--db POSTGRESQL_URL] [--entries 100000]

Builds a fresh database (a temporary SQLite file, or the PostgreSQL database named by
``--db``, WHICH IS EMPTIED FIRST) with ``--entries`` audit entries written in one statement,
as ``audit.record`` writes them, and a supervisor. Then times, in this process:

- the service: the first page (``audit_log.page`` of 101 entries, what the page asks when it
  opens), the count that follows off the UI thread, and every next page walked by key down
  to the oldest entry (p50, p95, max); the same with filters (a person, one record, a month);
- the page: ``AuditLogPage`` opened offscreen (first page shown), then its table scrolled from
  the top to the bottom a screenful at a time, each step painted (p50, p95, max), and a jump
  to the end (a dragged scroll bar: that page found by position).

Each figure is the best of ``--passes`` runs (noise on a shared machine only adds time).
Prints JSON lines in the format of ``run.py``.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import emit

FRAME_MS = 16.0  # one frame at 60 Hz: a scroll step that paints within it is smooth
FIRST_PAGE_MS = 100.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(share * len(ordered)))) - 1]


def build(target: str, entries: int):
    from helpdesk import accounts, migrations
    from helpdesk.clock import utcnow
    from helpdesk.db import database

    if target.startswith("postgres"):
        from helpdesk import db as dbmod

        fresh = dbmod.open_database(target)
        fresh.connect()
        fresh.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
        fresh.execute_sql("CREATE SCHEMA public")
        fresh.close()
    migrations.open_and_migrate(target)
    boss = accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")
    desk = accounts.create_account(boss, "desk1", "Reza Desk", "staff", "desk password")
    start = utcnow() - timedelta(days=400)
    began = time.perf_counter()
    # Every fifth entry by the staff member, the rest by the supervisor; 977 customers; a minute apart.
    postgres = target.startswith("postgres")
    at = "CAST(%s AS TIMESTAMP) + i * INTERVAL '1 minute'" if postgres else "datetime(%s, '+' || i || ' minutes')"
    database.execute_sql(
        (
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
            "INSERT INTO audit_entry (at, actor_id, action, table_name, record_id, before, after) "
            "SELECT " + at + ", CASE WHEN i - i / 5 * 5 = 0 THEN %s ELSE %s END, 'update', 'customer', "
            "CAST(i - i / 977 * 977 AS VARCHAR(64)), "
            '\'{"job_title": "Buyer", "notes": "\' || CAST(i AS VARCHAR(20)) || \'"}\', '
            '\'{"job_title": "Buyer", "notes": "\' || CAST(i AS VARCHAR(20)) || \'!"}\' FROM n'
        )
        % (entries - 1, database.param, database.param, database.param),
        (start.isoformat(sep=" "), desk.id, boss.id),
    )
    if target.startswith("postgres"):
        database.execute_sql("ANALYZE audit_entry")
    else:
        database.execute_sql("ANALYZE")
    print(f"# {entries} entries written in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    return boss, desk


def best(fn, passes: int) -> float:
    times = []
    for _ in range(passes):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return min(times)


def service(engine: str, boss, desk, passes: int) -> None:
    from helpdesk import audit_log
    from helpdesk.audit_log import AuditFilter
    from helpdesk.clock import utcnow

    month_end = utcnow() - timedelta(days=400) + timedelta(days=40)
    filters = {
        "all": AuditFilter(),
        "person": AuditFilter(person=desk.id),
        "record": AuditFilter(kind="customer", record="5"),
        "month": AuditFilter(since=month_end - timedelta(days=30), until=month_end),
    }
    for name, wanted in filters.items():
        first = best(lambda: audit_log.page(boss, wanted, limit=audit_log.PAGE + 1), passes)
        emit(f"audit_log.{engine}.{name}.first_page", first, "ms", FIRST_PAGE_MS, first <= FIRST_PAGE_MS)
        counting = best(lambda: audit_log.count(boss, wanted), passes)
        emit(f"audit_log.{engine}.{name}.count_off_ui_thread", counting, "ms", None, True)
        steps, last = [], None
        while True:
            began = time.perf_counter()
            rows = audit_log.page(boss, wanted, after_id=last)
            steps.append((time.perf_counter() - began) * 1000)
            if len(rows) < audit_log.PAGE:
                break
            last = rows[-1].id
        for label, value in (("p50", percentile(steps, 0.5)), ("p95", percentile(steps, 0.95)), ("max", max(steps))):
            emit(f"audit_log.{engine}.{name}.next_page_{label}", value, "ms", FRAME_MS, value <= FRAME_MS)
        print(f"# {name}: {len(steps)} pages walked", file=sys.stderr)


def page(engine: str, boss, passes: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.app import create_application

    app = QApplication.instance() or QApplication([])
    create_application()
    i18n.apply_language(app, "en")
    from ui import tasks
    from ui.pages.audit_log import AuditLogPage

    opened = []

    def open_page():
        widget = AuditLogPage(boss)
        widget.resize(1200, 700)
        widget.show()
        app.processEvents()
        opened.append(widget)

    first = best(open_page, passes)
    emit(f"audit_log_page.{engine}.open_first_page_painted", first, "ms", FIRST_PAGE_MS * 2, first <= FIRST_PAGE_MS * 2)
    widget = opened[-1]
    tasks.wait_for_all()
    app.processEvents()
    table = widget.table
    model = widget.model
    bar = table.verticalScrollBar()
    steps, painted = [], []
    screenful = max(1, bar.pageStep())
    columns = model.columnCount()
    top = 0
    # What the model costs a screenful (pages fetched by key, cells put into words), as the view asks
    # for them when it paints; painting itself is timed apart (on the offscreen platform it is the
    # same for any model: see paint_reference).
    while top < model.rowCount():
        began = time.perf_counter()
        for row in range(top, min(model.rowCount(), top + screenful)):
            for col in range(columns):
                model.data(model.index(row, col))
        steps.append((time.perf_counter() - began) * 1000)
        if len(painted) < 200:
            began = time.perf_counter()
            bar.setValue(top)
            table.viewport().repaint()
            app.processEvents()
            painted.append((time.perf_counter() - began) * 1000)
        top += screenful
    for label, v in (("p50", percentile(steps, 0.5)), ("p95", percentile(steps, 0.95)), ("max", max(steps))):
        emit(f"audit_log_page.{engine}.model_per_screenful_{label}", v, "ms", FRAME_MS, v <= FRAME_MS)
    emit(f"audit_log_page.{engine}.paint_per_screenful_p50", percentile(painted, 0.5), "ms", None, True)
    emit("paint_reference.trivial_model_per_screenful_p50", paint_reference(app, screenful), "ms", None, True)
    emit(
        f"audit_log_page.{engine}.pages_held_after_scrolling",
        widget.model.pages_held(),
        "pages",
        widget.model.KEEP_PAGES,
        widget.model.pages_held() <= widget.model.KEEP_PAGES,
    )
    print(f"# scrolled {len(steps)} screenfuls of {screenful} rows", file=sys.stderr)

    def jump():
        widget.model.refresh()
        began_rows = widget.model.rowCount()
        tasks.wait_for_all()
        app.processEvents()
        bar.setValue(bar.maximum())
        table.viewport().repaint()
        app.processEvents()
        return began_rows

    jumped = best(jump, passes)
    emit(f"audit_log_page.{engine}.refresh_and_jump_to_oldest", jumped, "ms", None, True)


def paint_reference(app, screenful: int) -> float:
    """A screenful of a table whose model answers at once: what painting alone costs here."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    class Instant(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 100_000

        def columnCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 5

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return f"2026-11-30 09:{index.row() % 60:02d}" if role == Qt.ItemDataRole.DisplayRole else None

    view = QTableView()
    model = Instant(view)
    view.setModel(model)
    view.resize(700, 700)
    view.show()
    app.processEvents()
    times = []
    for step in range(1, 101):
        began = time.perf_counter()
        view.verticalScrollBar().setValue(step * screenful)
        view.viewport().repaint()
        app.processEvents()
        times.append((time.perf_counter() - began) * 1000)
    view.close()
    return percentile(times, 0.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a PostgreSQL URL (emptied first); a temporary SQLite file if left out")
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        target = args.db or str(Path(folder) / "audit-bench.sqlite")
        engine = "postgresql" if target.startswith("postgres") else "sqlite"
        boss, desk = build(target, args.entries)
        service(engine, boss, desk, args.passes)
        page(engine, boss, args.passes)
        from helpdesk import db

        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
