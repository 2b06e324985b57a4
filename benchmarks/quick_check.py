"""How long the damaged-database check takes (issue 14, item 3), on a file given, read-only.

    python benchmarks/quick_check.py FILE.sqlite [--repeat N]

The header check (empty, not SQLite, cut short) runs before every command and at every start;
PRAGMA quick_check runs before every command and at start (off the UI thread above
ui.app.CHECK_IN_BACKGROUND_BYTES). The file is opened read-only (immutable when it has no
write-ahead log beside it): nothing is written to it or beside it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from helpdesk import db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    size = args.file.stat().st_size
    before = args.file.stat().st_mtime_ns
    print(f"{args.file}: {size / 1e6:,.0f} MB")
    for _ in range(args.repeat):
        started = time.perf_counter()
        db.inspect_sqlite_file(args.file)
        header = time.perf_counter() - started
        started = time.perf_counter()
        db.quick_check(args.file)
        full = time.perf_counter() - started
        print(f"  header check {header * 1e6:,.0f} µs   quick_check {full:,.2f} s ({size / 1e6 / full:,.0f} MB/s)")
    assert args.file.stat().st_mtime_ns == before, "the file was changed"


if __name__ == "__main__":
    main()
