"""How long a backup of a real database takes, and its check.

    python benchmarks/backup_bench.py --db /tmp/h1_bench.sqlite [--to FOLDER] [--repeat 1]
    python benchmarks/backup_bench.py --db postgresql://…/helpdesk_bench

The database is only read: nothing is migrated, no setting is read, no account is needed.
For a SQLite file, each round times, separately:
  * copy: SQLite's online backup API into a new file (``backups._copy_sqlite``), as the app does;
  * settle: the copy made one self-contained file (journal mode DELETE);
  * verify: ``PRAGMA integrity_check`` of the copy (``backups.check``), the check every backup gets
    and the one a restore does first;
  * quick_check: ``PRAGMA quick_check`` of the copy, for scale (not used by backups);
  * take: the whole of ``backups.take`` (copy, settle, verify, rename, rotate), on a new copy.
For a PostgreSQL URL: take (``copy_database`` into a SQLite file, then settle and verify).
Backups are written to --to (default: a temporary folder, deleted afterwards). Prints JSON lines.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _timed(work):
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def _quick_check(path: Path) -> str:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        con.close()


def bench_file(source: Path, where: Path, repeat: int) -> None:
    from helpdesk import backups

    for round_ in range(repeat):
        copy = where / f"bench-copy-{round_}.sqlite"
        copy_s, _ = _timed(lambda: backups._copy_sqlite(source, copy))
        settle_s, _ = _timed(lambda: backups._settle(copy))
        verify_s, problem = _timed(lambda: backups.check(copy))
        quick_s, quick = _timed(lambda: _quick_check(copy))
        size = copy.stat().st_size
        copy.unlink()
        take_s, made = _timed(lambda: backups.take(str(source), where))
        print(
            json.dumps(
                {
                    "engine": "sqlite",
                    "round": round_ + 1,
                    "database_mb": round(source.stat().st_size / 2**20, 1),
                    "backup_mb": round(size / 2**20, 1),
                    "copy_s": round(copy_s, 2),
                    "settle_s": round(settle_s, 2),
                    "verify_integrity_check_s": round(verify_s, 2),
                    "quick_check_s": round(quick_s, 2),
                    "take_s": round(take_s, 2),
                    "check": problem or "ok",
                    "quick_check": quick,
                    "backup": str(made.path),
                }
            ),
            flush=True,
        )


def bench_server(target: str, where: Path, repeat: int) -> None:
    from helpdesk import backups

    for round_ in range(repeat):
        take_s, made = _timed(lambda: backups.take(target, where))
        verify_s, problem = _timed(lambda: backups.check(made.path))
        print(
            json.dumps(
                {
                    "engine": "postgresql",
                    "round": round_ + 1,
                    "backup_mb": round(made.size / 2**20, 1),
                    "take_s": round(take_s, 2),
                    "verify_integrity_check_s": round(verify_s, 2),
                    "check": problem or "ok",
                    "backup": str(made.path),
                }
            ),
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a SQLite file or a postgresql:// URL (only read)")
    parser.add_argument("--to", help="where the backups go (default: a temporary folder, deleted afterwards)")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    from helpdesk.config import sqlite_path

    temporary = args.to is None
    where = Path(tempfile.mkdtemp(prefix="backup-bench-")) if temporary else Path(args.to)
    try:
        source = sqlite_path(args.db)
        if source is not None:
            if not source.is_file():
                print(f"backup_bench: no database at {source}", file=sys.stderr)
                return 2
            bench_file(source, where, args.repeat)
        else:
            bench_server(args.db, where, args.repeat)
    finally:
        if temporary:
            shutil.rmtree(where, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
