"""Every table model of the app keeps Qt's rules (pytest-qt's ``qtmodeltester``), filled with the
demo office's rows in English and in Persian: as first shown, after more rows are read as the view
scrolls (``fetchMore``, or the pages of the paged models), and after a refresh."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from helpdesk import backups, calm, complaints, contacts, csv_io, customers, demo, followups, migrations
from helpdesk import db as dbmod
from helpdesk.audit_log import AuditFilter
from helpdesk.clock import utcnow
from helpdesk.config import sqlite_path
from tests.conftest import TEST_DATABASE, _reset_postgres, before_the_tests


def _check(qtmodeltester, model):
    """Qt's own tester and pytest-qt's Python one, both kept on the model: every change after this is
    checked too (a warning of Qt's tester fails the test: qt_log_level_fail). The Python tester reads
    every cell in every role."""
    from PySide6.QtTest import QAbstractItemModelTester

    qtmodeltester.check(model, force_py=True)
    # After the Python tester: Qt's reads more rows when told of a reset, which the Python one must
    # hear of after the reset, not in the middle of it.
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)


def _cells(model, column: int = 0) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def _persian_digits(texts) -> bool:
    return any(ch in "۰۱۲۳۴۵۶۷۸۹" for text in texts for ch in text or "")


@pytest.fixture(scope="module")
def demo_office(tmp_path_factory):
    """The demo office (Persian and English customers, calls, complaints, calm-down sessions and
    follow-ups), made once for the module, and its supervisor. The tests read it; the one that
    adds audit entries counts what is there rather than what was made."""
    dbmod.close()
    if TEST_DATABASE:
        _reset_postgres(TEST_DATABASE)
        target = TEST_DATABASE
    else:
        target = str(tmp_path_factory.mktemp("models") / "demo.sqlite")
    with before_the_tests():
        migrations.open_and_migrate(target)
        people = demo.generate(300, seed=3, parallel=False)
    boss = next(person for person, _password in people if person.is_supervisor)
    yield boss, target
    dbmod.close()


@pytest.fixture
def office(demo_office, app):
    return demo_office


@pytest.fixture(params=["en", "fa"])
def language(request, app):
    from ui import i18n

    i18n.apply_language(app, request.param)
    yield request.param
    i18n.apply_language(app, "en")


def test_the_call_log_model_read_as_the_view_scrolls(office, language, qtmodeltester):
    from PySide6.QtTest import QAbstractItemModelTester

    from ui.pages.calls import CallLogModel

    model = CallLogModel()
    model.PAGE = 50  # the demo's contacts take five pages
    everything = contacts.LogQuery()
    model.set_query(everything)
    total = contacts.log_count(everything)
    assert total > 3 * model.PAGE and model.total == total
    # The testers only after the reset: told of one, both (Qt 6.11's and pytest-qt 4.5's) ask for
    # more rows before they have taken the reset in, and then count those rows as part of it.
    qtmodeltester.check(model, force_py=True)
    qt_tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    while model.canFetchMore(QModelIndex()):  # to the end, as a view scrolls
        model.fetchMore(QModelIndex())
    assert [model.index(r, 0).data(CallLogModel.ID_ROLE) for r in range(model.rowCount())] == [
        row.id for row in contacts.log_page(everything, 0, total)
    ]  # each once, in order
    assert _headers(model)[0] == ("Started" if language == "en" else "شروع")
    assert _persian_digits(_cells(model)) == (language == "fa")
    model.PAGE = total  # a refresh with another filter, its rows read at once (see above)
    model.set_query(contacts.LogQuery(channel="phone"))
    assert 0 < model.rowCount() < total
    del qt_tester


def test_the_complaint_model(office, language, qtmodeltester):
    from ui.pages.complaints import ComplaintModel

    boss, _ = office
    model = ComplaintModel()
    tester = _check(qtmodeltester, model)
    model.set_rows(complaints.page(boss, complaints.ComplaintQuery(view=complaints.VIEW_ALL), 0, 1000))
    assert model.rowCount() > 0
    assert _persian_digits(_cells(model, ComplaintModel.NUMBER)) == (language == "fa")
    model.set_rows(complaints.page(boss, complaints.ComplaintQuery(view=complaints.VIEW_OPEN), 0, 1000))
    del tester


def test_the_calm_session_model_read_as_the_view_scrolls(office, language, qtmodeltester):
    from PySide6.QtTest import QAbstractItemModelTester

    from ui.pages.calm_sessions import SessionModel

    boss, _ = office
    everything = calm.SessionQuery()
    total = calm.session_count(boss, everything)
    model = SessionModel()
    model.PAGE = 2
    model.set_query(boss, everything)
    assert total >= 6 and model.rowCount() == 2 and model.total == total
    qtmodeltester.check(model, force_py=True)  # after the reset: see the call log's test
    qt_tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert [model.index(r, 0).data(SessionModel.ID_ROLE) for r in range(model.rowCount())] == [
        session.id for session in calm.sessions(boss, everything)
    ]  # each once, newest first
    assert all(_cells(model, SessionModel.STAFF)) and all(_cells(model, SessionModel.CUSTOMER))
    model.PAGE = total
    model.set_query(boss, calm.SessionQuery(outcome="calmed"))  # a refresh
    assert 0 < model.rowCount() < total
    del qt_tester


def test_the_follow_up_model(office, language, qtmodeltester):
    from ui.pages.follow_ups import FollowUpModel

    model = FollowUpModel()
    tester = _check(qtmodeltester, model)
    rows = followups.queue(None, utcnow() + timedelta(days=60))  # every open promise is due by then
    assert rows
    model.set_rows(rows)
    assert model.index(0, FollowUpModel.DUE).data(Qt.ItemDataRole.BackgroundRole) is not None  # due: coloured
    model.set_rows(rows[:1])
    del tester


def test_the_accounts_model(office, language, qtmodeltester):
    from helpdesk import accounts
    from ui.pages.settings import AccountsModel

    boss, _ = office
    model = AccountsModel()
    tester = _check(qtmodeltester, model)
    model.set_rows(accounts.list_accounts(boss))
    assert model.rowCount() > 1
    assert model.index(0, 0).data(AccountsModel.StaffRole).id == model.index(0, 0).data(AccountsModel.IdRole)
    model.set_rows(accounts.list_accounts(boss))
    del tester


def test_the_backups_model(office, language, qtmodeltester):
    from ui.pages.backups import BackupsModel

    boss, target = office
    if sqlite_path(target) is None:
        pytest.skip("backups are listed from a folder of copies of an SQLite file")
    model = BackupsModel()
    tester = _check(qtmodeltester, model)
    backups.backup_now(boss, target)
    model.set_rows(backups.list_backups(target))
    assert model.rowCount() >= 1
    size = model.index(0, BackupsModel.SIZE)
    assert size.data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    del tester


def test_the_directory_model_a_page_at_a_time(office, language, qtmodeltester, qtbot):
    from ui.pages.directory_model import DirectoryModel

    model = DirectoryModel()
    model.PAGE = 40  # the demo's customers take eight pages
    tester = _check(qtmodeltester, model)
    everyone = customers.DirectoryQuery()
    with qtbot.waitSignal(model.counted, timeout=10_000) as counted:
        model.set_query(everyone)
    assert counted.args == [customers.count(everyone)] and model.rowCount() > 5 * model.PAGE
    assert all(_cells(model, DirectoryModel.NAME))  # every page read
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.sort(DirectoryModel.CREATED, Qt.SortOrder.DescendingOrder)  # a refresh
    assert all(_cells(model, DirectoryModel.CREATED))
    del tester


def test_the_audit_log_model(office, language, qtmodeltester, qtbot):
    from ui.pages.audit_log import AuditLogModel

    boss, _ = office
    for person in (
        customers.Draft(given_name="مریم", family_name="کریمی"),
        customers.Draft(given_name="Maryam", family_name="Karimi"),
    ):
        customers.create(boss, person, confirm_duplicates=True)
    model = AuditLogModel(boss)
    model.PAGE = 1
    tester = _check(qtmodeltester, model)
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.set_filter(AuditFilter())
    assert model.rowCount() >= 2
    what = model.index(0, AuditLogModel.WHAT)
    assert what.data(Qt.ItemDataRole.ToolTipRole) == what.data()
    del tester


def test_the_customer_timeline_model(office, language, qtmodeltester):
    from ui.pages.customer_profile import TimelineModel

    logged = [row.customer_id for row in contacts.log_page(contacts.LogQuery(), 0, 1000) if row.customer_id]
    busiest = max(set(logged), key=logged.count)
    model = TimelineModel()
    tester = _check(qtmodeltester, model)
    model.set_entries(customers.timeline(busiest), busiest)
    assert model.rowCount() > 0
    del tester


def test_the_import_preview_model(office, language, qtmodeltester, tmp_path):
    from ui.dialogs.import_customers import PreviewModel
    from ui.widgets import ErrorLabel

    path = tmp_path / "people.csv"
    path.write_text("given_name,family_name,phone\nمریم,کریمی,09121234567\nEmma,Smith,not a number\n", encoding="utf-8")
    model = PreviewModel()
    widget = ErrorLabel()
    tester = _check(qtmodeltester, model)
    model.set_preview(csv_io.read_preview(path), widget)
    assert model.rowCount() == 2
    model.set_preview(None, widget)
    del tester


def test_every_table_of_the_pages_behaves_alike(office, qtbot):
    """Whole rows, one at a time, nothing edited in place, no row numbers: every page's table is
    made by ui.table_view (the audit log's field table is a different thing: a QTableWidget)."""
    from PySide6.QtWidgets import QAbstractItemView, QTableView, QTableWidget

    from tests.helpers import signed_in_window
    from ui.mainwindow import AUDIT_LOG

    boss, target = office
    window = signed_in_window(boss, target, qtbot)
    for page in range(AUDIT_LOG + 1):
        window.show_page(page)
    window.complaints_page.tabs.setCurrentIndex(1)
    tables = [t for t in window.findChildren(QTableView) if not isinstance(t, QTableWidget)]
    names = {t.objectName() for t in tables}
    assert {
        "callLogTable",
        "followUpTable",
        "complaintTable",
        "sessionTable",
        "customerTable",
        "auditTable",
        "accountsTable",
        "backupsTable",
    } <= names
    for table in tables:
        assert (
            table.selectionBehavior(),
            table.selectionMode(),
            table.editTriggers(),
            table.verticalHeader().isHidden(),
            table.wordWrap(),
        ) == (
            QAbstractItemView.SelectionBehavior.SelectRows,
            QAbstractItemView.SelectionMode.SingleSelection,
            QAbstractItemView.EditTrigger.NoEditTriggers,
            True,
            False,
        ), table.objectName()
