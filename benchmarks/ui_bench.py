"""Measures of the Customers screens, each run in a fresh process by ``benchmarks/run.py``.

    python benchmarks/ui_bench.py directory DB
    python benchmarks/ui_bench.py profile DB
    python benchmarks/ui_bench.py scroll DB

Each prints one JSON line per measure, in the format of ``run.py``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import emit

TIMELINE_ENTRIES = 500
BENCH_TAG = "benchmark-timeline"


def rss_mb() -> float:
    """Resident memory now, in MB (Linux: /proc; elsewhere psutil if installed)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import psutil  # only off Linux

        return psutil.Process().memory_info().rss / 2**20


def setup(target: str):
    from PySide6.QtWidgets import QApplication

    from helpdesk import migrations
    from helpdesk.models import Staff
    from ui.app import create_application

    app = create_application(sys.argv[:1])
    migrations.open_and_migrate(target)
    staff = Staff.select().where(Staff.role == "supervisor").order_by(Staff.id).first()
    assert isinstance(app, QApplication)
    return app, staff


def directory(target: str) -> None:
    """From nothing to the directory on screen with its first rows: page, count and first page of 200k."""
    app, staff = setup(target)
    from ui.pages.customers import CustomersPage

    times = []
    for _ in range(7):
        started = time.perf_counter()
        page = CustomersPage(staff)
        page.resize(1200, 700)
        page.show()
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
        page.close()
        page.deleteLater()
        app.processEvents()
    best = sorted(times)[len(times) // 2]
    emit("directory_open_ms", best, "ms", 300, best <= 300)


def timeline_customer(staff) -> int:
    """A customer with 500 entries on its timeline (made once, then reused)."""
    from helpdesk import customers
    from helpdesk.db import database
    from helpdesk.models import CustomerTag, Tag

    tagged = CustomerTag.select(CustomerTag.customer).join(Tag).where(Tag.name == BENCH_TAG).first()
    if tagged is not None:
        return tagged.customer_id
    customer = customers.create(
        staff,
        customers.Draft(given_name="Benchmark", family_name="Timeline", tags=[BENCH_TAG]),
        confirm_duplicates=True,
    )
    with database.atomic():
        for i in range(TIMELINE_ENTRIES - 1):
            record = customers.get(customer.id)
            draft = record.draft()
            draft.notes = f"Call {i}: asked about the order"
            customers.update(staff, customer.id, draft, record.snapshot(), confirm_duplicates=True)
    return customer.id


def profile(target: str) -> None:
    app, staff = setup(target)
    from helpdesk import customers
    from ui.pages.customer_profile import ProfileView

    customer_id = timeline_customer(staff)
    assert len(customers.timeline(customer_id)) >= TIMELINE_ENTRIES
    view = ProfileView(staff)
    view.resize(1200, 700)
    view.show()
    app.processEvents()
    times = []
    for _ in range(9):
        started = time.perf_counter()
        view.show_customer(customer_id)
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    median = sorted(times)[len(times) // 2]
    emit("profile_open_500_entries_ms", median, "ms", 50, median <= 50)


def scroll(target: str) -> None:
    """Scroll the whole directory, a screenful at a time, and see how much memory stays."""
    app, staff = setup(target)
    from ui.pages.customers import CustomersPage
    from ui.pages.directory_model import DirectoryModel

    page = CustomersPage(staff)
    page.resize(1200, 700)
    page.show()
    app.processEvents()
    bar = page.table.verticalScrollBar()
    before = rss_mb()
    peak = before
    # A page of the model at a time (a few screenfuls): every row is still passed on screen.
    step = max(1, bar.pageStep(), DirectoryModel.PAGE)
    started = time.perf_counter()
    position = 0
    while position < bar.maximum():
        position = min(bar.maximum(), position + step)
        bar.setValue(position)
        app.processEvents()
        if position % (step * 200) < step:
            peak = max(peak, rss_mb())
    elapsed = time.perf_counter() - started
    after = rss_mb()
    growth = max(peak, after) - before
    emit("directory_scroll_memory_growth_mb", growth, "MB", 60, growth <= 60)
    emit("directory_scroll_end_to_end_s", elapsed, "s", None, True)
    emit("directory_rows", page.model.rowCount(), "rows", None, True)


if __name__ == "__main__":
    {"directory": directory, "profile": profile, "scroll": scroll}[sys.argv[1]](sys.argv[2])
