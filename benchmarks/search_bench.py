"""How fast the directory answers a keystroke in its search box.

    python benchmarks/search_bench.py --db PATH_OR_URL [--queries 200] [--passes 3]

On each keystroke the directory asks ``customers.page(q, 0, 101)`` for
``q = customers.DirectoryQuery(search=text, sort=SORT_MATCH)`` (best matches first, the newest
first among equals, as the page asks while someone types): the hundred rows it shows, and one more
to know whether there are more. That is what someone waits for, and what is timed, in this
process. When there are more, ``customers.count(q)`` follows off the UI thread (the label says
"more than 100" until it comes); its time is printed too, without a target. Both for:

- name prefixes of 1-4 letters, half Persian and half Latin, cut from the names and
  e-mail addresses of the customers in the database (``م``, ``مر``, ``مری``, ``مریم``, ``a``,
  ``al``, ``ali``, ``alic``);
- phone fragments of 3-8 digits cut from the stored numbers and typed as people type
  them: with the national 0, with +98, in Persian digits, with spaces.

The call window's caller box (``contacts.find_caller``) is timed on the same phone
fragments and on whole numbers: it answers on every keystroke while the phone rings.

Every query runs once to warm up, then ``--passes`` times; each query's best pass
counts (on a shared machine noise only ever adds time). The same statements, caught
as the app sends them, are then run straight on the engine
(``database.execute_sql(...).fetchall()``), so the app's own overhead shows.

Prints JSON lines in the format of ``run.py``.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import emit

TARGET_MS = 20.0
FIRST_PAGE = 100  # ui.pages.directory_model.DirectoryModel.PAGE
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
PERSIAN_WORD = re.compile(r"^[\u0600-\u06FF]{4,}")
LATIN_WORD = re.compile(r"^[a-z]{4,}")


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(share * len(ordered)))) - 1]


# --- the queries -------------------------------------------------------------------


def _words(rows, pattern: re.Pattern) -> list[str]:
    out = []
    for row in rows:
        for text in row:
            for word in re.split(r"[\s.@_\-]+", (text or "").lower()):
                match = pattern.match(word)
                if match:
                    out.append(match.group(0))
    return out


def name_prefixes(count: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """``count`` Persian and ``count`` Latin prefixes of 1-4 letters, as many of each length."""
    from helpdesk.db import database

    rows = database.execute_sql(
        "SELECT given_name, family_name, organisation FROM customer WHERE status <> 'merged' ORDER BY id LIMIT 5000"
    ).fetchall()
    emails = database.execute_sql("SELECT address FROM email_address ORDER BY id LIMIT 5000").fetchall()
    # What people type on a Persian keyboard: Persian ی and ک (near-duplicates typed otherwise are left out).
    persian = [w for w in _words(rows, PERSIAN_WORD) if not re.search("[يك]", w)]
    latin = _words(rows, LATIN_WORD) + [
        w for (address,) in emails for w in _words([(address.split("@")[0],)], LATIN_WORD)
    ]
    if not persian or not latin:
        raise SystemExit("search benchmark: the database has no Persian or no Latin names to search for")
    out = []
    for words in (persian, latin):
        out.append([rng.choice(words)[: 1 + i % 4] for i in range(count)])
    return out[0], out[1]


def phone_fragments(count: int, rng: random.Random) -> list[str]:
    """``count`` fragments of 3-8 digits of stored numbers, typed in varied ways."""
    from helpdesk.db import database

    numbers = [n for (n,) in database.execute_sql("SELECT number FROM phone_number ORDER BY id LIMIT 20000")]
    iranian = [n for n in numbers if n.startswith("+98")]
    if not iranian:
        raise SystemExit("search benchmark: the database has no Iranian phone numbers")
    out = []
    for i in range(count):
        number = rng.choice(iranian)
        national = number[3:]  # 9121234567, without the 0
        digits = 3 + i % 6  # 3..8 digits of the stored number
        style = i % 6
        if style == 0:  # national form, as dialled: 0912...
            text = "0" + national[:digits]
        elif style == 1:  # Persian digits, national form
            text = ("0" + national[:digits]).translate(PERSIAN_DIGITS)
        elif style == 2:  # international, with spaces: +98 912 ...
            head = ("98" + national)[:digits]
            text = (
                "+" + head[:2] + (" " + head[2:5] if len(head) > 2 else "") + (" " + head[5:] if len(head) > 5 else "")
            )
        elif style == 3:  # national form with spaces: 0912 345 67
            part = "0" + national[:digits]
            text = " ".join(filter(None, (part[:4], part[4:7], part[7:])))
        elif style == 4:  # the last digits someone remembers
            text = national[-digits:]
        else:  # digits from the middle, in Persian digits
            start = rng.randrange(0, len(national) - digits + 1)
            text = national[start : start + digits].translate(PERSIAN_DIGITS)
        out.append(text)
    return out


# --- timing ---------------------------------------------------------------------------


def keystroke(text: str) -> None:
    """What the directory does when the search box holds ``text``, before it shows the matches."""
    from helpdesk import customers

    customers.page(_query(text), 0, FIRST_PAGE + 1)


def count(text: str) -> None:
    """What the directory does next, off the UI thread, when there are more than a page."""
    from helpdesk import customers

    customers.count(_query(text))


def _query(text: str):
    from helpdesk import customers

    # As CustomersPage.current_query() asks while someone types: best matches first, then the newest.
    return customers.DirectoryQuery(search=text, sort=customers.SORT_MATCH, descending=True)


def statements(text: str) -> list[tuple[str, tuple]]:
    """The SQL the app sends for one keystroke, caught on its way to the engine."""
    from helpdesk.db import database

    engine = database.obj
    caught: list[tuple[str, tuple]] = []
    original = engine.execute_sql

    def catch(sql, params=None, *args, **kwargs):
        caught.append((sql, tuple(params or ())))
        return original(sql, params, *args, **kwargs)

    engine.execute_sql = catch
    try:
        keystroke(text)
    finally:
        del engine.execute_sql  # back to the class's method
    return caught


def best_times(queries: list[str], run, passes: int) -> list[float]:
    """Milliseconds per query: one warm-up pass, then the best of ``passes``."""
    for text in queries:
        run(text)
    best = [float("inf")] * len(queries)
    for _ in range(passes):
        for i, text in enumerate(queries):
            started = time.perf_counter()
            run(text)
            best[i] = min(best[i], (time.perf_counter() - started) * 1000)
    return best


def measure(target: str, queries: int = 200, passes: int = 3, seed: int = 7) -> dict[str, list[tuple[float, str]]]:
    """Open ``target``, time the prefix and phone searches and print the metrics.

    Returns, by metric name, each query's milliseconds with its text.
    """
    from helpdesk import db as dbmod
    from helpdesk import migrations
    from helpdesk.db import database

    migrations.open_and_migrate(target)
    try:
        rng = random.Random(seed)
        persian, latin = name_prefixes(queries // 2, rng)
        prefixes = [q for pair in zip(persian, latin) for q in pair]
        phones = phone_fragments(queries, rng)
        sql = {text: statements(text) for text in prefixes + phones}

        def raw(text: str) -> None:
            for statement, params in sql[text]:
                database.execute_sql(statement, params).fetchall()

        from helpdesk import contacts

        # The pattern as a parameter: psycopg2 reads a '%' written into the statement as one of its own.
        whole = [
            n
            for (n,) in database.execute_sql(
                f"SELECT number FROM phone_number WHERE number LIKE {database.param} ORDER BY id LIMIT 20000", ("+98%",)
            )
        ]
        whole = ["0" + rng.choice(whole)[3:] for _ in range(queries // 4)]
        results = {
            "search_prefix": list(zip(best_times(prefixes, keystroke, passes), prefixes)),
            "caller_lookup": list(zip(best_times(phones + whole, contacts.find_caller, passes), phones + whole)),
            "search_phone": list(zip(best_times(phones, keystroke, passes), phones)),
            "count_prefix": list(zip(best_times(prefixes, count, passes), prefixes)),
            "count_phone": list(zip(best_times(phones, count, passes), phones)),
            "raw_sql_prefix": list(zip(best_times(prefixes, raw, passes), prefixes)),
            "raw_sql_phone": list(zip(best_times(phones, raw, passes), phones)),
        }
    finally:
        dbmod.close()
    for name, timed in results.items():
        p95 = percentile([ms for ms, _ in timed], 0.95)
        target_ms = TARGET_MS if name.startswith(("search_", "caller_")) else None
        emit(f"{name}_p95_ms", p95, "ms", target_ms, target_ms is None or p95 <= target_ms)
    for name in ("search_prefix", "search_phone"):
        emit(f"{name}_p50_ms", percentile([ms for ms, _ in results[name]], 0.5), "ms", None, True)
    # Every prefix length meets the target, the one letter that matches a third of the customers too.
    for letters in sorted({len(text) for _, text in results["search_prefix"]}):
        timed = [ms for ms, text in results["search_prefix"] if len(text) == letters]
        p95 = percentile(timed, 0.95)
        emit(f"search_prefix_{letters}_letters_p95_ms", p95, "ms", TARGET_MS, p95 <= TARGET_MS)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, metavar="PATH_OR_URL")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument(
        "--slowest", type=int, default=0, metavar="N", help="also print the N slowest queries of each kind (to stderr)"
    )
    args = parser.parse_args()
    results = measure(args.db, args.queries, args.passes)
    for name, timed in results.items() if args.slowest else ():
        worst = sorted(timed, reverse=True)[: args.slowest]
        print(f"{name}: " + ", ".join(f"{text!r} {ms:.1f}" for ms, text in worst), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
