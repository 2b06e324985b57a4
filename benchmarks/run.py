"""The one place the project measures itself.

    python benchmarks/run.py --db PATH_OR_URL [--customers 200000] [--repeat 7]
                             [--month-db /tmp/bench_month.sqlite] [--report-repeat 3]

Prints one JSON object per line:
    {"metric": ..., "value": ..., "unit": ..., "target": ..., "ok": true|false}

When the database is empty it is first filled with demo data (that time is a
metric too). Then the directory's search is timed in this process (``search_bench.py``:
name prefixes and phone fragments as typed, and the same SQL straight on the engine),
the Customers screens (``ui_bench.py``), the period reports (``report_speed.py``: the
activity summary of a month of 50,000 contacts in the ``--month-db`` database, made once
when missing, then the satisfaction, complaints and staff reports of the last 365 days
in ``--db``, each in English and Persian), how long the window stops answering while
the report centre makes a year's satisfaction and complaints reports (``report_stall.py``), the
phone's screen pop (``phone_screen.py``: the caller's facts as it rings; ``phone_pop_bench.py``: from
the ringing event arriving to the pop painted, in a fresh process), and the
start-up of the app against a bare window. Later issues add their measures here.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROBE = Path(__file__).resolve().parent / "startup_probe.py"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import emit  # noqa: E402 - imported once sys.path holds the repository and this folder


def ensure_demo(target: str, customers: int) -> None:
    """Fill an empty database with demo data, and report how long that took."""
    from helpdesk import db as dbmod
    from helpdesk import migrations
    from helpdesk.models import Customer

    migrations.open_and_migrate(target)
    count = Customer.select().count()
    dbmod.close()
    if count:
        return
    started = time.perf_counter()
    code = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo", "--db", target, "--customers", str(customers), "--seed", "1"],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if code.returncode != 0:
        raise SystemExit(f"demo failed: {code.stderr}")
    emit(f"demo_{customers}_customers", elapsed, "s", 60.0, elapsed < 60.0)


def time_startup(args: list[str], env: dict) -> tuple[float, float]:
    """Seconds from process start to the first paint of the main window, and to the end of start-up."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(PROBE), *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    seen = {}
    for line in process.stdout:
        seen.setdefault(line.strip(), time.perf_counter() - started)
        if {"shown", "ready"} <= seen.keys():
            break
    process.wait(timeout=60)
    if not {"shown", "ready"} <= seen.keys():
        raise SystemExit(f"startup probe {args[0]} did not finish: {seen}")
    return seen["shown"], max(seen["shown"], seen["ready"])


def measure_startup(target: str, repeat: int) -> None:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # As on a person's machine, where Python caches compiled modules: without this
    # (some sandboxes set it) every start would compile the app's sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # One warm-up each, so neither side pays for a cold disk cache; then interleave.
    time_startup(["bare"], env)
    time_startup(["app", target], env)
    bare, app, ready = [], [], []
    for _ in range(repeat):
        bare.append(time_startup(["bare"], env)[0])
        shown, done = time_startup(["app", target], env)
        app.append(shown)
        ready.append(done)
    # Best of N, as timeit advises: on a shared machine noise only ever adds time.
    bare_s, app_s, ready_s = (min(x) for x in (bare, app, ready))
    emit("startup_bare_qmainwindow", bare_s, "s", None, True)
    emit("startup_main_window", app_s, "s", round(1.5 * bare_s, 3), app_s <= 1.5 * bare_s)
    emit("startup_ratio_to_bare", app_s / bare_s, "x", 1.5, app_s / bare_s <= 1.5)
    # Not a target, for the record: until the database is open and the sign-in dialog is up.
    emit("startup_ready_to_sign_in", ready_s, "s", None, True)


def measure_startup_frozen(target: str, app: Path, repeat: int) -> None:
    """startup_frozen_*: the installed (PyInstaller) app to its window against a bare PySide6 window
    (target 1.5x), and the app folder's size; skipped when the app has not been built."""
    if not app.exists():
        print(f"startup_frozen: skipped, {app} is not built (python packaging/build.py)", file=sys.stderr)
        return
    import startup_frozen

    startup_frozen.measure(app, target, repeat)


def measure_search(target: str, queries: int) -> None:
    """search_prefix_p95_ms, search_phone_p95_ms (the first page a keystroke shows; the count that follows off the UI thread is printed beside) and their raw SQL."""
    import search_bench

    search_bench.measure(target, queries=queries)


def measure_screens(target: str, scroll: bool) -> None:
    """The Customers screens, each in a fresh process (ui_bench.py): opening the directory,
    opening a profile with 500 timeline entries, and memory while scrolling end to end."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for measure in ("directory", "profile") + (("scroll",) if scroll else ()):
        result = subprocess.run(
            [sys.executable, str(Path(__file__).resolve().parent / "ui_bench.py"), measure, target],
            capture_output=True,
            text=True,
            env=env,
        )
        for line in result.stdout.splitlines():
            if line.startswith("{"):
                print(line, flush=True)
        if result.returncode != 0:
            raise SystemExit(f"ui_bench {measure} failed:\n{result.stderr}")


def measure_reports(target: str, month_db: str, repeat: int) -> None:
    """report_activity_month_50k_contacts_s (target 5 s), report_satisfaction_year_200k_s (10 s),
    report_complaints_year_200k_s and report_staff_year_200k_s (10 s, self-set), worse language first."""
    import report_speed

    report_speed.main(target, month_db=month_db, repeat=repeat)


def measure_report_stall(target: str) -> None:
    """The longest the window stops answering while the report centre makes a year's satisfaction report."""
    import report_stall

    report_stall.main(target)


def measure_phone(target: str, calls: int) -> None:
    """phone_screen.*.p95 (the caller's facts, target 50 ms) and phone_pop_ring_to_painted.*.p95 (from the
    ringing event to the pop painted, target 150 ms), over ``calls`` calls with numbers in every format."""
    import phone_screen

    phone_screen.measure(target, calls=calls)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve().parent / "phone_pop_bench.py"),
            "--db",
            target,
            "--calls",
            str(calls),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            print(line, flush=True)
    if result.returncode != 0:
        raise SystemExit(f"phone_pop_bench failed:\n{result.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, metavar="PATH_OR_URL")
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--search-queries",
        type=int,
        default=200,
        metavar="N",
        help="name prefixes and phone fragments to time, N of each (default 200)",
    )
    parser.add_argument(
        "--no-scroll",
        action="store_true",
        help="skip scrolling the whole directory (about a minute at 200,000 customers)",
    )
    parser.add_argument(
        "--month-db",
        default="/tmp/bench_month.sqlite",
        metavar="PATH",
        help="the database of a month of 50,000 contacts for the activity report, made when "
        "missing (default /tmp/bench_month.sqlite)",
    )
    parser.add_argument(
        "--report-repeat",
        type=int,
        default=3,
        metavar="N",
        help="runs of each report in each language; the median counts (default 3)",
    )
    parser.add_argument(
        "--phone-calls", type=int, default=300, metavar="N", help="rings for the screen pop's measures (default 300)"
    )
    parser.add_argument(
        "--frozen-app",
        type=Path,
        default=ROOT / "dist" / "helpdesk" / "helpdesk",
        metavar="PATH",
        help="the installed app for startup_frozen (default dist/helpdesk/helpdesk; skipped when missing)",
    )
    args = parser.parse_args()
    ensure_demo(args.db, args.customers)
    measure_search(args.db, args.search_queries)
    measure_screens(args.db, scroll=not args.no_scroll)
    measure_reports(args.db, args.month_db, args.report_repeat)
    measure_report_stall(args.db)
    measure_phone(args.db, args.phone_calls)
    measure_startup(args.db, args.repeat)
    measure_startup_frozen(args.db, args.frozen_app, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
