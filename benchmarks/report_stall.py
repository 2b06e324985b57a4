"""How long the window stops answering while a report is being made.

    python benchmarks/report_stall.py --db PATH_OR_URL [--days 365] [--kind satisfaction]

The satisfaction and complaints reports for a year are generated through the real report centre
(``ui/pages/reports.py``, which runs it on ``ui/tasks.py``), while a 10 ms timer on the
UI thread notes the largest gap between two of its ticks. The gap includes the 10 ms
of the timer itself, so it is an upper bound of the stall. A Python slot needs the
interpreter, as every slot of the app does: this is the wait a click would see.

Prints one JSON line in the format of ``run.py``; ``main(db)`` is what ``run.py`` calls.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import emit

TARGET_MS = 100.0
TICK_MS = 10


def measure(db: str, kind: str = "satisfaction", days: int = 365) -> tuple[float, float, int]:
    """The longest gap between ticks (ms), the seconds the report took, and the ticks seen."""
    from PySide6.QtCore import QDate, QElapsedTimer, Qt, QTimer

    from helpdesk import migrations
    from helpdesk.models import Staff
    from ui import paths
    from ui.app import create_application
    from ui.pages.reports import ReportsPage

    app = create_application(sys.argv[:1])
    migrations.open_and_migrate(db)
    boss = Staff.select().where(Staff.role == "supervisor").order_by(Staff.id).first()
    if boss is None:
        raise SystemExit("report_stall: the database has no supervisor (fill it with 'main.py demo')")
    folder = tempfile.mkdtemp(prefix="report-stall-")
    paths.cache_dir = lambda: Path(folder)  # the PDF goes to a folder thrown away afterwards

    page = ReportsPage(boss)
    page.resize(1100, 700)
    page.show()
    page.select_kind(kind)
    page.language.setCurrentIndex(page.language.findData("en"))
    today = date.today()
    first = today - timedelta(days=days)
    page.date_from.setDate(QDate(first.year, first.month, first.day))
    page.date_to.setDate(QDate(today.year, today.month, today.day))

    clock = QElapsedTimer()
    state = {"last": None, "longest": 0.0, "ticks": 0, "started": 0.0, "took": 0.0}

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        if state["last"] is not None:
            state["longest"] = max(state["longest"], now - state["last"])
        state["last"] = now
        state["ticks"] += 1
        if state["started"] and not page.is_running():
            state["took"] = time.perf_counter() - state["started"]
            app.quit()

    def start() -> None:
        state["last"] = None  # the gap that counts starts now, not while the page was being built
        state["longest"] = 0.0
        state["started"] = time.perf_counter()
        page.generate()

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    QTimer.singleShot(200, start)
    app.exec()
    timer.stop()
    if page.output is None:
        raise SystemExit(f"report_stall: the report failed: {page.message.text() or page.status.text()}")
    return state["longest"], state["took"], state["ticks"]


def main(db: str, kinds: tuple[str, ...] = ("satisfaction", "complaints"), days: int = 365) -> float:
    """The longest stall over a year's satisfaction report and a year's complaints report (the
    biggest report: on the 200k demo about 70 pages); each kind is printed too."""
    worst = 0.0
    for kind in kinds:
        longest, took, ticks = measure(db, kind, days)
        print(
            f"report_stall: {kind} report for {days} days in {took:.1f} s, {ticks} ticks, longest gap {longest:.1f} ms",
            file=sys.stderr,
        )
        emit(f"report_ui_longest_stall_{kind}_ms", longest, "ms", TARGET_MS, longest <= TARGET_MS)
        worst = max(worst, longest)
    emit("report_ui_longest_stall_ms", worst, "ms", TARGET_MS, worst <= TARGET_MS)
    return worst


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument(
        "--kind", action="append", help="a report kind (repeat for more); default: satisfaction and complaints"
    )
    parser.add_argument("--days", type=int, default=365)
    arguments = parser.parse_args()
    main(arguments.db, tuple(arguments.kind or ("satisfaction", "complaints")), arguments.days)
