"""How long ``copy-database`` takes for a whole database, and how much memory it needs.

    python benchmarks/copy_bench.py --from SOURCE --to TARGET [--quiet]

SOURCE and TARGET are a SQLite path or a ``postgresql://`` URL; TARGET must be empty (a new file,
or a database made with CREATE DATABASE). Times ``copying.copy_database``: the copy (reading the
source a batch at a time, writing, rebuilding the search index, committing) and the verification
(counting and checksumming every table of the target), and reports the process's peak memory
(``resource.getrusage``; the source is never held in memory at once, so it should not grow with
the number of customers). Progress goes to stderr unless ``--quiet``.

Prints JSON lines in the format of ``run.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import emit


def peak_memory_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source", required=True)
    parser.add_argument("--to", dest="target", required=True)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)

    from helpdesk import copying

    last = [0.0, ""]

    def progress(table: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if table != last[1] or now - last[0] > 5 or done == total:
            last[0], last[1] = now, table
            print(f"  {table}: {done:,} of {total:,}", file=sys.stderr, flush=True)

    before = peak_memory_mb()
    started = time.perf_counter()
    result = copying.copy_database(args.source, args.target, None if args.quiet else progress)
    elapsed = time.perf_counter() - started
    for table in result.tables:
        print(f"  {table.name:<20} {table.rows:>10,}", file=sys.stderr)
    where = f"{result.source} -> {result.target}"
    print(where, file=sys.stderr)
    emit("copy_database_rows", result.rows, "rows", None, result.verified)
    emit("copy_database_copy", result.copy_seconds, "s", None, result.verified)
    emit("copy_database_verify", result.verify_seconds, "s", None, result.verified)
    emit("copy_database_total", elapsed, "s", None, result.verified)
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    # On a shared machine the wall clock waits for the others; this process's own CPU time does not.
    emit("copy_database_cpu_this_process", usage.ru_utime + usage.ru_stime, "s", None, True)
    emit("copy_database_peak_memory_before", before, "MB", None, True)
    emit("copy_database_peak_memory", peak_memory_mb(), "MB", None, True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
