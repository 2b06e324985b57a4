"""What saving a report's tables as a spreadsheet adds to making the report.

    python benchmarks/report_spreadsheet.py --db PATH_OR_URL [--month-db PATH]

On the 200,000-customer demo (``--db``): the satisfaction, complaints and staff reports of the
last 365 days; on the busy month (``--month-db``, see ``report_speed.py``): that month's activity
summary. Each in English and in Persian, once as a PDF alone and once with ``data=`` an ``.xlsx``
and once with a ``.csv``. Printed per report: the seconds of each run and of ``spreadsheet.save``
within it (the cost of the spreadsheet itself, apart from the database's ups and downs), and the
number of table cells saved. No target of its own: the report's own target (report_speed.py)
must still hold with the spreadsheet.

Prints JSON lines in the format of ``run.py``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import emit  # noqa: E402 - imported once sys.path holds the repository and this folder


def run(target: str, kinds: list[str], period, folder: Path) -> None:
    from helpdesk import db as dbmod
    from helpdesk import migrations, reports
    from helpdesk.models import Staff
    from helpdesk.reports import spreadsheet

    dbmod.close()
    migrations.open_and_migrate(target)
    actor = Staff.select().where(Staff.role == "supervisor").order_by(Staff.id).first()
    real = spreadsheet.save
    spent: list[tuple[float, int]] = []

    def timed(path, page, tables):
        start = time.perf_counter()
        done = real(path, page, tables)
        spent.append((time.perf_counter() - start, sum(len(r) for _t, rows in tables for r in rows)))
        return done

    spreadsheet.save = timed
    try:
        for kind in kinds:
            for lang in ("en", "fa"):
                request = reports.Request(kind, lang, *period)
                reports.generate(actor, request, folder / "warm.pdf")  # fonts and page cache
                for suffix in (None, ".xlsx", ".csv"):
                    spent.clear()
                    start = time.perf_counter()
                    reports.generate(
                        actor,
                        request,
                        folder / f"{kind}.pdf",
                        data=None if suffix is None else folder / f"{kind}{suffix}",
                    )
                    total = time.perf_counter() - start
                    name = f"report_{kind}_{lang}_{(suffix or '.pdf')[1:]}"
                    emit(f"{name}_s", total, "s", None, True)
                    if spent:
                        emit(f"{name}_save_s", spent[0][0], "s", None, True)
                        emit(f"{name}_cells", spent[0][1], "cells", None, True)
    finally:
        spreadsheet.save = real
        dbmod.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the 200,000-customer demo")
    parser.add_argument("--month-db", default="/tmp/bench_month.sqlite", help="a month of 50,000 contacts")
    args = parser.parse_args()
    from helpdesk.clock import to_local, utcnow

    today = to_local(utcnow()).date()
    with tempfile.TemporaryDirectory() as folder:
        run(args.db, ["satisfaction", "complaints", "staff"], (today - timedelta(days=364), today), Path(folder))
        import report_speed

        first, last = report_speed.month_days(*report_speed.MONTH)
        run(args.month_db, ["activity"], (first, last), Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
