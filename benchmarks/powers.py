"""What checking powers against the database costs, and what the lock-out holds against desks
guessing in parallel.

    python benchmarks/powers.py --db /tmp/powers.sqlite
    python benchmarks/powers.py --db postgresql://…/helpdesk_bench [--repeat 2000] [--desks 4 8]

The parent empties and migrates the database and adds a supervisor and a staff account. Then:
  * check: ``permissions.require_supervisor`` (one read of the account's role and state by its
    key) ``--repeat`` times: p50 / p95 in microseconds, beside a bare ``SELECT 1`` for scale, and
    the statements one service call issues for it (``list_accounts``: the check and the list);
  * sign-in: the statements of a right and of a wrong password (argon2 time left out: the
    statements only);
  * guessing: for each of ``--desks``, N real processes (spawn) wait at a barrier and then each
    try 5 wrong passwords for the supervisor as fast as they can: how many tries had the password
    looked at (the rest were refused as locked before it was: refused_unlooked), in one lock window. Target: 5.
Prints JSON lines.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _fresh(target: str):
    from helpdesk import accounts, migrations
    from helpdesk import db as dbmod

    dbmod.close()
    if target.startswith("postgres"):
        server = dbmod.open_database(target)
        server.connect()
        server.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
        server.execute_sql("CREATE SCHEMA public")
        server.close()
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(target + suffix).unlink(missing_ok=True)
    migrations.open_and_migrate(target)
    boss = accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")
    accounts.create_account(boss, "desk1", "Reza Desk", "staff", "desk password")
    return boss


def _statements(work) -> int:
    from playhouse.test_utils import count_queries

    with count_queries() as counter:
        try:
            work()
        except Exception:  # noqa: BLE001 - a refusal is part of what is counted
            pass
    return counter.count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=2000)
    parser.add_argument("--desks", type=int, nargs="+", default=[4, 8])
    args = parser.parse_args()
    engine = "postgresql" if args.db.startswith("postgres") else "sqlite"

    from helpdesk import accounts, permissions

    boss = _fresh(args.db)
    took = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        permissions.require_supervisor(boss)
        took.append((time.perf_counter() - start) * 1e6)
    from helpdesk.db import database

    trip = []  # the same machine's bare round trip, for scale on a busy machine
    for _ in range(args.repeat):
        start = time.perf_counter()
        database.execute_sql("SELECT 1").fetchone()
        trip.append((time.perf_counter() - start) * 1e6)
    took.sort()
    trip.sort()
    print(
        json.dumps(
            {
                "measure": "check",
                "engine": engine,
                "n": args.repeat,
                "p50_us": round(statistics.median(took), 1),
                "p95_us": round(took[int(0.95 * len(took))], 1),
                "select_1_p50_us": round(statistics.median(trip), 1),
                "select_1_p95_us": round(trip[int(0.95 * len(trip))], 1),
                "statements_list_accounts": _statements(lambda: accounts.list_accounts(boss)),
            }
        )
    )
    print(
        json.dumps(
            {
                "measure": "sign_in",
                "engine": engine,
                "statements_right": _statements(lambda: accounts.authenticate("desk1", "desk password")),
                "statements_wrong": _statements(lambda: accounts.authenticate("desk1", "not it")),
            }
        )
    )

    from tests.helpers.powers import guess_in_parallel

    for desks in args.desks:
        _fresh(args.db)
        from helpdesk import db as dbmod

        dbmod.close()
        said = guess_in_parallel(args.db, "boss", desks=desks, tries=5)
        from helpdesk import migrations
        from helpdesk.models import AuditEntry

        migrations.open_and_migrate(args.db)
        looked_at = AuditEntry.select().where(AuditEntry.action == "sign_in_failed").count()
        print(
            json.dumps(
                {
                    "measure": "guessing",
                    "engine": engine,
                    "desks": desks,
                    "tries": len(said),
                    "passwords_looked_at": looked_at,
                    "refused_unlooked": len(said) - looked_at,
                    "errors": [s for s in said if s.startswith("error")][:3],
                }
            )
        )


if __name__ == "__main__":
    main()
