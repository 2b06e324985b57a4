"""How fast the screen pop's facts are read as the phone rings: ``phonecalls.screen(raw_number)``.

    python benchmarks/phone_screen.py --db PATH_OR_URL [--calls 300] [--passes 3] [--drop-index NAME]

The numbers are those a phone system sends: stored numbers of the database's customers written as
national (``09121234567``), ``+98``, ``0098``, ``98…`` without the plus, in Persian digits, with spaces
and dashes; hidden numbers (``anonymous``, empty); and strangers (numbers nobody has, whose digits
are then looked for elsewhere in the search index). Each number runs once to warm up, then
``--passes`` times; its best pass counts (noise on a shared machine only adds time). The statements
of one screen are counted too: they must not grow with the callers.

``--drop-index NAME`` measures without one index (dropped inside a transaction that is rolled back
afterwards: the database is left as it was), to say what the index buys.

Prints JSON lines in the format of ``run.py``.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import emit

TARGET_P95_MS = 50.0  # a third of the pop's 150 ms from the ring to the paint
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(share * len(ordered)))) - 1]


def _formats(e164: str) -> list[str]:
    """An Iranian E.164 number as phone systems and people send it."""
    national = "0" + e164[3:]
    return [
        national,
        e164,
        "00" + e164[1:],
        e164[1:],
        national.translate(PERSIAN_DIGITS),
        f"{national[:4]} {national[4:7]} {national[7:]}",
        f"{national[:4]}-{national[4:7]}-{national[7:]}",
        f"+98 {e164[3:6]} {e164[6:9]} {e164[9:]}",
    ]


def numbers(database, calls: int, seed: int = 16) -> list[tuple[str, str]]:
    """(kind, raw number) for ``calls`` calls: most from customers, some hidden, some strangers."""
    from helpdesk.models import PhoneNumber

    rng = random.Random(seed)
    stored = [
        n
        for (n,) in PhoneNumber.select(PhoneNumber.number)
        .where(PhoneNumber.number.startswith("+98"))
        .order_by(PhoneNumber.id)
        .limit(20000)
        .tuples()
    ]
    taken = set(stored)
    out: list[tuple[str, str]] = []
    hidden = ["anonymous", "", "Restricted", "unknown"]
    for i in range(calls):
        slot = i % 10
        if slot == 8:
            out.append(("hidden", hidden[i % len(hidden)]))
        elif slot == 9:
            while True:
                stranger = f"+98935{rng.randrange(10**7):07d}"
                if stranger not in taken:
                    break
            out.append(("stranger", rng.choice(_formats(stranger))))
        else:
            out.append(("customer", rng.choice(_formats(rng.choice(stored)))))
    return out


def measure(target: str, calls: int = 300, passes: int = 3, drop_index: str | None = None) -> dict:
    from playhouse.test_utils import count_queries

    from helpdesk import db as dbmod
    from helpdesk import phonecalls, settings

    database = dbmod.open_database(target)
    dbmod.bind(database)
    engine = "postgresql" if "://" in target else "sqlite"
    label = f"phone_screen.{engine}" + (f".without_{drop_index}" if drop_index else "")
    try:
        with database.atomic() as transaction:  # rolled back: the database is left as it was
            if drop_index:
                database.execute_sql(f"DROP INDEX {drop_index}")
            settings.phone_region()
            work = numbers(database, calls)
            best: dict[int, float] = {}
            matches: dict[str, int] = {}
            statements: list[int] = []
            for _kind, raw in work:  # warm up, and count the statements of each screen
                with count_queries() as counter:
                    shown = phonecalls.screen(raw)
                statements.append(counter.count)
                matches[shown.match] = matches.get(shown.match, 0) + 1
            for _ in range(passes):
                for i, (_kind, raw) in enumerate(work):
                    start = time.perf_counter()
                    phonecalls.screen(raw)
                    took = (time.perf_counter() - start) * 1000
                    best[i] = min(best.get(i, took), took)
            transaction.rollback()
    finally:
        dbmod.close()
    times = list(best.values())
    by_kind = {}
    for kind in ("customer", "hidden", "stranger"):
        chosen = [best[i] for i, (k, _raw) in enumerate(work) if k == kind]
        by_kind[kind] = (percentile(chosen, 0.5), percentile(chosen, 0.95))
    p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
    emit(f"{label}.p50", p50, "ms", None, True)
    emit(f"{label}.p95", p95, "ms", TARGET_P95_MS, p95 <= TARGET_P95_MS)
    for kind, (k50, k95) in by_kind.items():
        emit(f"{label}.{kind}.p50", k50, "ms", None, True)
        emit(f"{label}.{kind}.p95", k95, "ms", None, True)
    emit(f"{label}.statements_max", max(statements), "statements", None, True)
    print(
        f"# {label}: {calls} calls, matches {matches}, statements per screen {min(statements)}-{max(statements)}",
        file=sys.stderr,
    )
    return {"p50": p50, "p95": p95, "by_kind": by_kind, "matches": matches}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--drop-index")
    args = parser.parse_args()
    measure(args.db, args.calls, args.passes, args.drop_index)


if __name__ == "__main__":
    main()
