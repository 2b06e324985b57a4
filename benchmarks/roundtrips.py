"""How many statements each action sends to the database server, and how long it takes when every
round trip costs 30 ms (a branch office over a VPN).

    python benchmarks/roundtrips.py --db postgresql://… [--delay-ms 15] [--customers-search 40]

Counted on the server named by ``--db`` (statements through peewee's ``execute_sql``, as
``playhouse.test_utils.count_queries`` counts them; a transaction's COMMIT is not among them):

- ``signin``: the main window signed in, until the Dashboard and everything it starts have
  loaded (the window waits until no statement has been sent for a moment);
- ``dashboard_refresh``: the Dashboard's figures read again (``dashboard.load_figures``, what
  its refresh runs off the UI thread);
- ``quiet_poll``: what a signed-in window sends in 5 seconds when nothing happens
  (measured over ``--idle`` seconds);
- ``save_call``: a call logged in the call window (caller chosen, reason, outcome,
  satisfaction, Ctrl+S) until the window and the pages it refreshes are quiet;
- ``caller_keystroke``: the caller box's lookup for three digits and for a name
  (``contacts.find_caller``), and the whole number ``09…`` typed key by key in the call window
  and left to pause (one lookup for the whole number with the pause, one per key without);
- ``search_keystroke``: the first page the directory shows for a name prefix (the count follows off the UI thread).

Then the same database is reached through a small TCP proxy written here that holds every
packet ``--delay-ms`` in each direction (15 ms: a 30 ms round trip), and the search keystroke
(target 100 ms at p95) and the Dashboard refresh (target 300 ms) are timed through it, with
the sign-in and the caller lookup for the record.

Prints JSON lines in the format of ``run.py``. Writes a few calls to the database.
"""

from __future__ import annotations

import argparse
import heapq
import os
import random
import socket
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import emit
from search_bench import percentile

SEARCH_TARGET_MS = 100.0
DASHBOARD_TARGET_MS = 300.0
QUIET_MS = 400  # an action is over when no statement has been sent for this long


# --- counting statements ------------------------------------------------------------------


class Counter:
    """Counts the statements sent through the bound database, from any thread."""

    def __init__(self):
        from helpdesk.db import database

        self.engine = database.obj
        self.count = 0
        self.last = time.perf_counter()
        self.lock = threading.Lock()
        original = type(self.engine).execute_sql
        counter = self

        def counted(sql, params=None, *args, **kwargs):
            with counter.lock:
                counter.count += 1
                counter.last = time.perf_counter()
            return original(counter.engine, sql, params, *args, **kwargs)

        self.engine.execute_sql = counted

    def remove(self) -> None:
        del self.engine.execute_sql

    def take(self) -> int:
        with self.lock:
            count, self.count = self.count, 0
        return count


def settle(app, counter: Counter, quiet_ms: int = QUIET_MS, limit_s: float = 30.0) -> float:
    """Run the event loop until no statement has been sent for ``quiet_ms``; seconds from the call
    to the last statement's return (the moment the last answer arrived)."""
    started = time.perf_counter()
    counter.last = started
    while time.perf_counter() - started < limit_s:
        app.processEvents()
        time.sleep(0.005)
        if (time.perf_counter() - counter.last) * 1000 >= quiet_ms:
            break
    return max(0.0, counter.last - started)


# --- the proxy --------------------------------------------------------------------------------


class DelayProxy:
    """A TCP proxy on 127.0.0.1 that delivers every chunk ``delay`` seconds after it arrived,
    in order, in both directions: the server seems ``2 * delay`` further away."""

    def __init__(self, host: str, port: int, delay: float):
        self.target = (host, port)
        self.delay = delay
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.trips = 0  # chunks sent by the client: about one per round trip
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._pipe(client, server, count=True)
            self._pipe(server, client, count=False)

    def _pipe(self, source: socket.socket, sink: socket.socket, count: bool) -> None:
        queue: list[tuple[float, int, bytes]] = []
        ready = threading.Condition()
        sequence = iter(range(1 << 62))

        def read() -> None:
            while True:
                try:
                    data = source.recv(65536)
                except OSError:
                    data = b""
                with ready:
                    heapq.heappush(queue, (time.perf_counter() + self.delay, next(sequence), data))
                    ready.notify()
                if count and data:
                    self.trips += 1
                if not data:
                    return

        def write() -> None:
            while True:
                with ready:
                    while not queue:
                        ready.wait()
                    due, _, data = queue[0]
                    wait = due - time.perf_counter()
                    if wait > 0:
                        ready.wait(wait)
                        continue
                    heapq.heappop(queue)
                if not data:
                    try:
                        sink.shutdown(socket.SHUT_WR)
                    except OSError:
                        pass
                    return
                try:
                    sink.sendall(data)
                except OSError:
                    return

        threading.Thread(target=read, daemon=True).start()
        threading.Thread(target=write, daemon=True).start()

    def url(self, url: str) -> str:
        parts = urlsplit(url)
        user = parts.netloc.rpartition("@")[0]
        return urlunsplit(parts._replace(netloc=(user + "@" if user else "") + f"127.0.0.1:{self.port}"))

    def close(self) -> None:
        self.listener.close()


# --- the actions ----------------------------------------------------------------------------


def _staff():
    from helpdesk.models import Staff

    return (
        Staff.select().where((Staff.role == "staff") & Staff.active).order_by(Staff.id).first()
        or Staff.select().order_by(Staff.id).first()
    )


def _prefixes(count: int) -> list[str]:
    from helpdesk.db import database

    rng = random.Random(5)
    names = [
        n
        for (n,) in database.execute_sql(
            "SELECT family_name FROM customer WHERE family_name <> '' ORDER BY id LIMIT 2000"
        )
        if n
    ]
    return [rng.choice(names)[: 1 + i % 4].lower() for i in range(count)]


def _numbers() -> list[str]:
    from helpdesk.db import database

    rows = database.execute_sql(
        f"SELECT number FROM phone_number WHERE number LIKE {database.param} ORDER BY id LIMIT 50", ("+98%",)
    ).fetchall()
    return ["0" + n[3:] for (n,) in rows]


def _name() -> str:
    from helpdesk.db import database

    (name,) = database.execute_sql(
        "SELECT given_name FROM customer WHERE given_name <> '' ORDER BY id LIMIT 1"
    ).fetchone()
    return name


def sign_in(app, target: str, counter: Counter):
    from helpdesk import config
    from ui.mainwindow import MainWindow

    staff = _staff()
    counter.take()
    started = time.perf_counter()
    window = MainWindow(config.describe(target))
    window.show()
    window.sign_in(staff)
    settle(app, counter)
    seconds = counter.last - started
    return window, staff, counter.take(), seconds


def save_call(app, window, counter: Counter) -> tuple[int, float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from helpdesk.models import Customer

    customer_id = Customer.select(Customer.id).where(Customer.status == "active").order_by(Customer.id.desc()).scalar()
    call = window.start_call(customer_id=customer_id)
    settle(app, counter)
    call.reason.setText("Invoice")
    call.outcome.setCurrentIndex(call.outcome.findData("resolved"))
    call.satisfaction_buttons["satisfied"].setChecked(True)
    settle(app, counter)
    counter.take()
    started = time.perf_counter()
    QTest.keyClick(call, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(app, counter)
    return counter.take(), counter.last - started


def type_number(app, window, number: str, counter: Counter) -> int:
    """Statements for a whole number typed key by key into the caller box, then a pause."""
    from PySide6.QtTest import QTest

    call = window.start_call()
    settle(app, counter)
    counter.take()
    for ch in number:
        QTest.keyClicks(call.lookup, ch)
        app.processEvents()
        time.sleep(0.08)  # someone typing quickly
    settle(app, counter, quiet_ms=600)
    statements = counter.take()
    call.put_away()
    settle(app, counter)
    counter.take()
    return statements


def count_actions(app, target: str, idle: float) -> dict[str, float]:
    from search_bench import keystroke

    from helpdesk import contacts
    from ui.pages.dashboard import load_figures

    counter = Counter()
    out: dict[str, float] = {}
    try:
        window, staff, out["signin"], _ = sign_in(app, target, counter)
        counter.take()
        load_figures(staff.id)
        out["dashboard_refresh"] = counter.take()
        started = time.perf_counter()
        while time.perf_counter() - started < idle:
            app.processEvents()
            time.sleep(0.01)
        out["quiet_poll_per_5s"] = counter.take() * 5.0 / idle
        out["save_call"], _ = save_call(app, window, counter)
        number = _numbers()[0]
        contacts.find_caller(number[:4])
        counter.take()
        contacts.find_caller(number[:4])
        out["caller_keystroke_3_digits"] = counter.take()
        name = _name()
        counter.take()
        contacts.find_caller(name[:3])
        out["caller_keystroke_name"] = counter.take()
        out["caller_box_whole_number_typed"] = type_number(app, window, number, counter)
        keystroke("a")
        prefix = _prefixes(1)[0]
        counter.take()
        keystroke(prefix)
        out["search_keystroke"] = counter.take()
        window.sign_out()
        window.close()
        settle(app, counter)
    finally:
        counter.remove()
    return out


def timed_actions(app, target: str, searches: int) -> dict[str, float]:
    from search_bench import keystroke

    from helpdesk import contacts
    from ui.pages.dashboard import load_figures

    counter = Counter()
    out: dict[str, float] = {}
    try:
        window, staff, _, out["signin_s"] = sign_in(app, target, counter)
        times = []
        for _ in range(7):
            started = time.perf_counter()
            load_figures(staff.id)
            times.append((time.perf_counter() - started) * 1000)
        out["dashboard_refresh_ms"] = sorted(times)[len(times) // 2]
        prefixes = _prefixes(searches)
        times = []
        for text in prefixes:
            started = time.perf_counter()
            keystroke(text)
            times.append((time.perf_counter() - started) * 1000)
        out["search_keystroke_p95_ms"] = percentile(times, 0.95)
        out["search_keystroke_p50_ms"] = percentile(times, 0.5)
        times = []
        for number in _numbers()[: searches // 2]:
            started = time.perf_counter()
            contacts.find_caller(number[:4])
            times.append((time.perf_counter() - started) * 1000)
        out["caller_lookup_p95_ms"] = percentile(times, 0.95)
        _saved, seconds = save_call(app, window, counter)
        out["save_call_s"] = seconds
        window.sign_out()
        window.close()
        settle(app, counter)
    finally:
        counter.remove()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, metavar="URL")
    parser.add_argument("--delay-ms", type=float, default=15.0, help="added in each direction (default 15)")
    parser.add_argument("--searches", type=int, default=40, help="prefixes timed through the proxy")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of quiet to count (default 10)")
    args = parser.parse_args()

    import tempfile

    from PySide6.QtWidgets import QApplication

    from helpdesk import db as dbmod
    from helpdesk import migrations
    from ui import i18n, paths, prompts
    from ui.app import create_application

    # Its unfinished calls in a folder of its own (none offered at the next sign-in), and no question
    # waits for an answer nobody gives.
    drafts = tempfile.TemporaryDirectory(prefix="roundtrips-drafts-")
    paths.draft_dir = lambda: Path(drafts.name)
    prompts.confirm = lambda *args, **kwargs: False
    app = QApplication.instance() or QApplication([])
    create_application()
    i18n.apply_language(app, "en")

    migrations.open_and_migrate(args.db)
    counts = count_actions(app, args.db, args.idle)
    dbmod.close()
    for name, value in counts.items():
        emit(f"statements_{name}", value, "statements", None, True)

    url = urlsplit(args.db)
    proxy = DelayProxy(url.hostname or "127.0.0.1", url.port or 5432, args.delay_ms / 1000)
    far = proxy.url(args.db)
    try:
        migrations.open_and_migrate(far)
        times = timed_actions(app, far, args.searches)
        dbmod.close()
    finally:
        proxy.close()
    rtt = 2 * args.delay_ms
    for name, value in times.items():
        target = {"search_keystroke_p95_ms": SEARCH_TARGET_MS, "dashboard_refresh_ms": DASHBOARD_TARGET_MS}.get(name)
        unit = "s" if name.endswith("_s") else "ms"
        emit(f"rtt{rtt:g}ms_{name}", value, unit, target, target is None or value <= target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
