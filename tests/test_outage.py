"""The PostgreSQL server goes away in the middle of a session and comes back.

The app opens a new connection by itself when the server answers again; a statement
inside a transaction is never silently repeated (the save is reported and can be
done again); while the server is away the status bar says so once, calmly, and the
background polls stay silent; a save made meanwhile fails at its form, keeping what
was typed, and Ctrl+S saves it once the server is back.

These tests start a PostgreSQL cluster of their own (``initdb`` into a temporary
folder, ``pg_ctl`` on a free port), because they stop it; they never touch the server
named by ``HELPDESK_TEST_DATABASE``. They run on either engine's test run, and are
skipped only where the PostgreSQL programs are not installed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from helpdesk import accounts, audit, customers, migrations
from helpdesk import db as dbmod
from helpdesk.clock import to_local, utcnow
from helpdesk.errors import DatabaseError
from helpdesk.localization import digits
from helpdesk.models import Customer, Staff
from tests.helpers.pg_cluster import PG_BIN, PrivateServer


@pytest.fixture(scope="module")
def server():
    if PG_BIN is None:
        pytest.skip(
            "the PostgreSQL programs (initdb, pg_ctl) are not installed: the outage tests stop a server of their own"
        )
    private = PrivateServer(PG_BIN)
    try:
        private.init()
        private.start()
        yield private
    finally:
        private.remove()


@pytest.fixture
def outage_db(server):
    """A fresh schema on the private server, bound to the proxy, with a supervisor."""
    if not server.running:
        server.start()
    dbmod.close()
    fresh = dbmod.open_database(server.url)
    fresh.connect()
    fresh.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
    fresh.execute_sql("CREATE SCHEMA public")
    fresh.close()
    database, _ = migrations.open_and_migrate(server.url)
    boss = accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")
    yield database, boss
    if not server.running:
        server.start()
    dbmod.close()


# --- the connection -------------------------------------------------------------------------------
def test_after_the_server_comes_back_the_next_call_simply_works(server, outage_db):
    _database, boss = outage_db
    heard = []
    unwatch = dbmod.watch(heard.append)
    assert Staff.select().count() == 1
    server.stop()
    with pytest.raises(DatabaseError) as refused:  # a known problem the person can act on, not a bug
        Staff.select().count()
    assert refused.value.code == "db_unreachable"
    with pytest.raises(DatabaseError):  # and again, while it is away
        customers.create(boss, customers.Draft(given_name="Neda", family_name="Amini"))
    server.start()
    # Today: "InterfaceError: connection already closed" on every call until the app is restarted.
    assert Staff.select().count() == 1
    neda = customers.create(boss, customers.Draft(given_name="Neda", family_name="Amini"))
    assert Customer.select().where(Customer.id == neda.id).count() == 1
    unwatch()
    assert heard == [False, True]  # told once when it went, once when it answered again (the status bar)


def test_a_connection_the_server_dropped_while_idle_is_opened_again_at_the_next_save(server, outage_db):
    database, boss = outage_db
    server.drop_connection(database)  # the first statement of the save is its BEGIN
    neda = customers.create(boss, customers.Draft(given_name="Neda", family_name="Amini"))
    assert [c.id for c in Customer.select()] == [neda.id]
    server.drop_connection(database)  # and a read
    assert Customer.select().count() == 1


def test_a_connection_already_closed_under_peewee_is_replaced_at_the_next_call(server, outage_db):
    database, boss = outage_db
    database.connection().close()  # psycopg2 now says "connection already closed" (InterfaceError) to every use
    assert Staff.select().count() == 1
    database.connection().close()
    neda = customers.create(boss, customers.Draft(given_name="Neda", family_name="Amini"))  # at its BEGIN
    assert [c.id for c in Customer.select()] == [neda.id]


def test_a_save_whose_connection_drops_half_way_is_reported_and_never_repeated(server, outage_db):
    database, boss = outage_db
    with pytest.raises(DatabaseError) as lost, database.atomic():
        customers.create(boss, customers.Draft(given_name="Neda", family_name="Amini"))
        server.drop_connection(database)
        customers.create(boss, customers.Draft(given_name="Omid", family_name="Amini"))
    assert lost.value.code == "db_unreachable"  # the statement's own error, not the failed ROLLBACK's
    # Nothing of the transaction was kept, and nothing was written twice behind the person's back.
    assert Customer.select().count() == 0
    # The person saves again (the form kept the text): it is stored, once.
    with database.atomic():
        customers.create(boss, customers.Draft(given_name="Neda", family_name="Amini"))
        customers.create(boss, customers.Draft(given_name="Omid", family_name="Amini"))
    assert sorted(c.given_name for c in Customer.select()) == ["Neda", "Omid"]


def test_sqlite_keeps_its_immediate_transactions_and_busy_timeout(tmp_path):
    database = dbmod.open_database(str(tmp_path / "desk.sqlite"))
    assert isinstance(database, dbmod.FileDatabase) and not isinstance(database, dbmod.ServerDatabase)
    assert (database._lock_type, database._timeout) == ("IMMEDIATE", dbmod.BUSY_TIMEOUT_SECONDS)


# --- the app --------------------------------------------------------------------------------------
def _type(widget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def _shown(kind) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _indicators(window) -> list:
    from ui.connection import ConnectionIndicator

    return [w for w in window.statusBar().findChildren(ConnectionIndicator) if w.isVisible()]


def test_the_app_rides_out_an_outage_with_one_calm_indicator_and_saves_after_it(app, server, outage_db, qtbot):
    from tests.helpers import signed_in_window
    from ui.mainwindow import CUSTOMERS

    _database, boss = outage_db
    window = signed_in_window(boss, server.url, qtbot)
    window.show_page(CUSTOMERS)
    form = window.customers_page.new_customer()
    qtbot.addWidget(form)
    _type(form.given_name, "Neda")
    _type(form.family_name, "Amini")
    assert not _indicators(window)

    lost_at = to_local(utcnow()).strftime("%H:%M")
    server.stop()
    qtbot.waitUntil(lambda: bool(_indicators(window)), timeout=10_000)  # the change bus heard its connection go
    for _ in range(3):  # and the timers keep looking: the notifier's and the change bus's (its retries)
        window.notifier.timer.timeout.emit()
        if getattr(window, "bus", None) is not None:
            window.bus.timer.timeout.emit()
        qtbot.wait(50)
    indicators = _indicators(window)
    assert len(indicators) == 1
    assert indicators[0].text() in {
        f"Server unreachable since {lost_at} — retrying",
        f"Server unreachable since {to_local(utcnow()).strftime('%H:%M')} — retrying",
    }
    assert not _shown(QMessageBox)
    assert _shown(QDialog) == [form]  # the form the person was typing in, and nothing else

    # Saving while the server is away: refused at the form, everything typed is kept, one key retries.
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.isVisible()
    assert form.message.text().startswith("The server cannot be reached, so this was not saved.")
    assert "Ctrl+S" in form.message.text()
    assert (form.given_name.text(), form.family_name.text()) == ("Neda", "Amini")
    assert not _shown(QMessageBox) and len(_indicators(window)) == 1

    server.start()
    qtbot.waitUntil(lambda: not _indicators(window), timeout=20_000)  # it retries by itself
    assert not _shown(QMessageBox)
    window.notifier.timer.timeout.emit()  # the polls work again, quietly

    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not form.isVisible())
    stored = Customer.get(Customer.family_name == "Amini")
    assert stored.given_name == "Neda"
    assert Customer.select().count() == 1
    assert audit.latest_id() is not None


def test_an_unreachable_server_reaching_the_error_hook_shows_the_indicator_not_a_box(persian, staff, db_target, qtbot):
    """In Persian, with Persian digits; the indicator goes once the database answers its retry."""
    from tests.helpers import signed_in_window
    from ui import errors as ui_errors

    window = signed_in_window(staff, db_target, qtbot)
    error = DatabaseError("db_unreachable", "connection to server failed: Connection refused")
    when = digits(to_local(utcnow()).strftime("%H:%M"), "fa")
    ui_errors.handle_exception(type(error), error, None)
    ui_errors.handle_exception(type(error), error, None)
    qtbot.waitUntil(lambda: bool(_indicators(window)))
    indicators = _indicators(window)
    assert len(indicators) == 1
    text = indicators[0].text()
    assert "سرور" in text and when in text and not any(ch.isascii() and ch.isdigit() for ch in text)
    assert not _shown(QMessageBox)
    qtbot.waitUntil(lambda: not _indicators(window), timeout=20_000)  # this database answers


def test_a_comment_typed_in_persian_during_an_outage_is_kept_and_added_with_ctrl_s_after_it(
    persian, server, outage_db, qtbot
):
    from helpdesk import complaints
    from helpdesk.complaints import ComplaintDraft
    from helpdesk.models import ComplaintCategory, ComplaintComment
    from tests.helpers import signed_in_window

    _database, boss = outage_db
    category = ComplaintCategory.select().order_by(ComplaintCategory.id).first()
    complaint = complaints.create(
        boss, ComplaintDraft(category_id=category.id, description="Too dear", assignee_id=boss.id)
    )
    window = signed_in_window(boss, server.url, qtbot)
    view = window.open_complaint(complaint.id)
    qtbot.addWidget(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=3000)
    if getattr(window, "bus", None) is not None:
        window.bus.stop()  # here the failed save alone tells the status bar, through the database layer
    server.stop()
    _type(view.comment, "با مشتری تماس گرفتم")
    QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.comment.toPlainText() == "با مشتری تماس گرفتم"  # nothing typed is lost
    assert view.comment_error.isVisibleTo(view) and "Ctrl+S" in view.comment_error.text()
    assert "سرور" in view.comment_error.text()  # said in Persian
    qtbot.waitUntil(lambda: len(_indicators(window)) == 1, timeout=3_000)
    assert not _shown(QMessageBox)

    server.start()
    qtbot.waitUntil(lambda: not _indicators(window), timeout=20_000)
    QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not view.comment.toPlainText())
    assert [c.body for c in ComplaintComment.select().where(ComplaintComment.complaint == complaint.id)] == [
        "با مشتری تماس گرفتم"
    ]
    assert not _shown(QMessageBox)
