"""The notifier's timer asks the database on the thread pool, not on the UI thread, and still tells the
person what came due, in the language they chose."""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from datetime import timedelta

import pytest

from helpdesk import customers, followups
from helpdesk.clock import utcnow
from helpdesk.customers import Draft
from tests.helpers import signed_in_window


@contextmanager
def _statements_on_the_ui_thread():
    """The SQL peewee runs on the UI thread meanwhile (its logger hears every thread: they are told apart)."""
    seen: list[str] = []

    class Handler(logging.Handler):
        def emit(self, record):
            if record.thread == threading.main_thread().ident:
                seen.append(str(record.msg))

    logger = logging.getLogger("peewee")
    handler, level = Handler(logging.DEBUG), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield seen
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_timer_asks_on_the_pool_and_the_follow_up_is_told_on_the_ui_thread(
    app, staff, db_target, qtbot, monkeypatch, language
):
    from ui import i18n
    from ui import notifier as notifier_module

    i18n.apply_language(app, language)
    customer = customers.create(staff, Draft(given_name="Maryam", family_name="Karimi"))
    window = signed_in_window(staff, db_target, qtbot)
    notifier = window.notifier
    start = utcnow()
    notifier.now = lambda: start
    notifier.last_checked = start
    row = followups.create(staff, customer.id, start + timedelta(minutes=10), staff.id, "Price for 20 chairs")
    window.data_changed()
    assert notifier.next_moment == row.due_at

    asked_on = []  # the thread each of the notifier's questions ran on
    for name in ("due_now", "news_for", "next_moment"):
        real = getattr(notifier_module, name)
        monkeypatch.setattr(
            notifier_module, name, lambda *a, real=real: (asked_on.append(threading.current_thread()), real(*a))[1]
        )
    told_on = []
    notifier.came_due.connect(lambda _rows: told_on.append(threading.current_thread()))
    notifier.now = lambda: start + timedelta(minutes=10, seconds=5)
    with _statements_on_the_ui_thread() as during_the_tick:
        notifier.tick()
    with qtbot.waitSignal(notifier.came_due):
        pass
    assert during_the_tick == []
    # (then the pages read their queues again, on the UI thread: the clock moved past a follow-up)
    assert len(asked_on) == 3 and threading.main_thread() not in asked_on
    assert told_on == [threading.main_thread()]
    title, text = notifier.shown[-1]
    assert title == notifier.tr("A follow-up is due") and text.endswith("Price for 20 chairs")
    assert notifier.next_moment == row.due_at + followups.GRACE
    notifier.tick()  # asked again at once: nothing more is due, nothing said twice
    qtbot.waitUntil(lambda: notifier._looking is None)
    assert len(notifier.shown) == 1


def test_a_tick_while_the_server_is_away_is_silent_and_the_next_one_looks_again(
    app, staff, db_target, qtbot, monkeypatch
):
    from ui import notifier as notifier_module

    window = signed_in_window(staff, db_target, qtbot)
    notifier = window.notifier
    notifier.next_moment = notifier.now() - timedelta(seconds=1)

    def away(*_args):
        raise ConnectionError("the server is away")

    monkeypatch.setattr(notifier_module, "due_now", away)
    notifier.tick()
    qtbot.waitUntil(lambda: notifier._looking is None)
    assert notifier.shown == [] and notifier.next_moment <= notifier.now()  # looks again at the next tick
    monkeypatch.undo()
    with qtbot.waitSignal(notifier.checked):
        notifier.tick()
    assert notifier.next_moment > notifier.now()
