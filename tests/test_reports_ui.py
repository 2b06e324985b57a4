"""The report centre, driven as a supervisor would: presets, generating off the UI thread,
cancelling, saving and printing; and the work helper it runs on."""

from __future__ import annotations

import shutil
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from helpdesk import config, demo, migrations, reports
from helpdesk import db as dbmod
from helpdesk.errors import PermissionDenied
from helpdesk.localization import left_to_right
from helpdesk.models import Staff
from tests.conftest import before_the_tests
from ui import tasks
from ui.mainwindow import REPORTS, MainWindow
from ui.pages import reports as reports_page
from ui.pages.reports import ReportsPage


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """A small demo database, made once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    dbmod.close()
    with before_the_tests():
        assert demo.main(str(path), 120, 3, parallel=False) == 0
    dbmod.close()
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path):
    target = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, target)
    dbmod.close()
    _database, _ = migrations.open_and_migrate(str(target))
    yield str(target)
    dbmod.close()


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    """Generated reports go to this test's folder; every task has ended before the next test."""
    from ui import paths

    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setattr(paths, "cache_dir", lambda: folder)
    yield folder
    assert tasks.wait_for_all(30_000)


def _boss() -> Staff:
    return Staff.select().where(Staff.role == "supervisor").order_by(Staff.id).first()


def _page(actor, qtbot) -> ReportsPage:
    page = ReportsPage(actor)
    qtbot.addWidget(page)
    page.show()
    return page


def _day(edit) -> date:
    return edit.date().toPython()


def _set_period(page: ReportsPage, first: date, last: date) -> None:
    page.date_from.setDate(QDate(first.year, first.month, first.day))
    page.date_to.setDate(QDate(last.year, last.month, last.day))


def _choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def _generate_and_wait(page: ReportsPage, qtbot) -> None:
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30_000)


def _pdf_text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages)


# --- periods ---------------------------------------------------------------------------


def test_presets_fill_the_pickers_with_gregorian_months_and_monday_weeks(app, supervisor, qtbot, monkeypatch):
    monkeypatch.setattr(reports_page, "today", lambda: date(2026, 11, 25))  # a Wednesday
    page = _page(supervisor, qtbot)
    assert page.preset.currentData() == "this_month"
    assert (_day(page.date_from), _day(page.date_to)) == (date(2026, 11, 1), date(2026, 11, 25))
    expected = {
        "today": (date(2026, 11, 25), date(2026, 11, 25)),
        "this_week": (date(2026, 11, 23), date(2026, 11, 25)),
        "last_month": (date(2026, 10, 1), date(2026, 10, 31)),
    }
    for preset, period in expected.items():
        _choose(page.preset, preset)
        assert (_day(page.date_from), _day(page.date_to)) == period, preset
    assert page.date_from.text() == "2026-10-01"
    # A date chosen by hand makes the period custom, and the preset no longer moves it.
    page.date_from.setDate(QDate(2026, 10, 5))
    assert page.preset.currentData() == "custom"
    assert page.period() == (date(2026, 10, 5), date(2026, 10, 31))


def test_persian_presets_follow_jalali_months_and_saturday_weeks(persian, supervisor, qtbot, monkeypatch):
    # 23 November 2026 is Monday 2 Azar 1405: Azar began on 22 November, Aban ran 23 October to 21 November.
    monkeypatch.setattr(reports_page, "today", lambda: date(2026, 11, 23))
    page = _page(supervisor, qtbot)
    assert page.language.currentData() == "fa" and page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.period() == (date(2026, 11, 22), date(2026, 11, 23))
    assert page.date_from.calendar().name() == "Jalali"
    assert page.date_from.date().year(page.date_from.calendar()) == 1405
    assert page.date_from.date().month(page.date_from.calendar()) == 9
    assert page.date_from.date().day(page.date_from.calendar()) == 1
    _choose(page.preset, "last_month")
    assert page.period() == (date(2026, 10, 23), date(2026, 11, 21))
    _choose(page.preset, "this_week")
    assert page.period() == (date(2026, 11, 21), date(2026, 11, 23))
    # The same preset for an English report: a Gregorian month.
    _choose(page.preset, "last_month")
    _choose(page.language, "en")
    assert page.period() == (date(2026, 10, 1), date(2026, 10, 31))


def test_period_fields_only_for_period_reports_and_record_fields_only_for_theirs(app, supervisor, qtbot):
    page = _page(supervisor, qtbot)
    form = page.fields.layout

    def shown(editor) -> bool:
        return form.isRowVisible(editor.parentWidget())

    for kind in reports.KINDS:
        page.select_kind(kind)
        periodic = kind in reports.PERIOD_KINDS
        assert (shown(page.preset), shown(page.date_from), shown(page.date_to), shown(page.staff)) == (periodic,) * 4
        assert shown(page.customer_search.parentWidget()) == (kind == "customer")
        assert shown(page.incident_kind.parentWidget()) == (kind == "incident")
        assert page.kind_title.text() == page.kinds.currentItem().text().split("\n")[0]
    page.select_kind("customer")
    page.generate()
    assert page.fields.errors["customer_id"].text() == "Find the customer by name or phone number, then choose them."
    assert page.task is None


# --- generating ----------------------------------------------------------------------------


def test_an_activity_report_is_generated_off_the_ui_thread_and_can_be_opened(app, demo_db, qtbot, monkeypatch):
    page = _page(_boss(), qtbot)
    page.select_kind("activity")
    _choose(page.language, "en")
    today = date.today()
    _set_period(page, today - timedelta(days=365), today)
    seen = []
    monkeypatch.setattr(page, "_progressed", lambda f, original=page._progressed: (seen.append(f), original(f)))
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.is_running() and not page.generate_button.isEnabled() and page.cancel_button.isVisible()
    first = page.task
    page.generate()  # a second report cannot start while one runs
    assert page.task is first
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30_000)
    assert page.output is not None and page.output.name == (
        f"activity-{(today - timedelta(days=365)).isoformat()}-{today.isoformat()}.pdf"
    )
    assert page.output.parent == reports_page.reports_dir()
    words = _pdf_text(page.output)
    assert "Activity summary" in words and "Generated by" in words
    assert seen and seen[-1] == 1.0
    assert page.open_button.isVisible() and page.print_button.isVisible() and page.save_button.isVisible()
    assert not page.progress.isVisible() and page.generate_button.isEnabled()
    assert page.status.text() == f"The report is ready: {left_to_right(page.output.name)}"
    opened = []
    monkeypatch.setattr(reports_page.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    page.open_button.click()
    assert opened == [str(page.output)]


def test_ctrl_g_in_the_main_window_generates_a_persian_report(persian, demo_db, qtbot):
    window = MainWindow(config.describe(demo_db))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.sign_in(_boss())
    window.show_page(REPORTS)
    page = window.reports_page
    page.select_kind("satisfaction")
    page.kinds.setFocus()
    qtbot.keyClick(page.kinds, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert page.task is not None
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30_000)
    assert page.output is not None and page.output.exists()
    reader = PdfReader(str(page.output))
    assert len(reader.pages) >= 1


def test_cancel_stops_a_running_report_and_leaves_no_file(app, demo_db, qtbot, monkeypatch):
    real = reports.generate
    in_layout = threading.Event()
    cancelled = threading.Event()
    fractions = []

    def generate(actor, request, out, progress):
        def slow(fraction):
            fractions.append(fraction)
            if fraction > 0.3 and not in_layout.is_set():  # reportlab is laying pages out now
                in_layout.set()
                assert cancelled.wait(10)
            progress(fraction)

        return real(actor, request, out, slow)

    monkeypatch.setattr(reports_page.reports, "generate", generate)
    page = _page(_boss(), qtbot)
    page.select_kind("activity")
    today = date.today()
    _set_period(page, today - timedelta(days=365), today)
    page.generate_button.click()
    qtbot.waitUntil(in_layout.is_set, timeout=30_000)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert page.task.cancelled
    cancelled.set()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30_000)
    assert page.status.text() == "Cancelled. No report was made."
    assert page.output is None and not page.open_button.isVisible()
    assert list(reports_page.reports_dir().iterdir()) == []  # neither the report nor its partial file
    assert fractions[-1] > 0.3 and fractions[-1] < 1.0
    assert page.generate_button.isEnabled() and not page.cancel_button.isVisible()


def test_an_unknown_incident_number_is_said_next_to_it(app, demo_db, qtbot):
    page = _page(_boss(), qtbot)
    page.select_kind("incident")
    _choose(page.incident_kind, "complaint")
    page.incident_number.setValue(987654)
    _generate_and_wait(page, qtbot)
    assert page.fields.errors["session_id"].text() == "There is no complaint number 987654."
    assert page.fields.errors["session_id"].isVisible() and page.output is None


def test_a_customer_history_from_a_search_by_name(app, demo_db, qtbot):
    from helpdesk.models import Customer

    customer = Customer.select().where(Customer.kind == "person").order_by(Customer.id).first()
    page = _page(_boss(), qtbot)
    page.select_kind("customer")
    qtbot.keyClicks(page.customer_search, customer.family_name)
    qtbot.waitUntil(lambda: page.customer.count() > 0, timeout=5_000)
    _choose(page.customer, customer.id)
    assert page.customer.currentData() == customer.id
    _generate_and_wait(page, qtbot)
    assert page.output is not None and page.output.name == f"customer-{customer.id}.pdf"
    assert "Customer history" in _pdf_text(page.output)


def test_an_unexpected_error_goes_to_the_error_report(app, supervisor, qtbot, monkeypatch):
    from ui import errors

    def broken(actor, request, out, progress):
        raise RuntimeError("the layout broke")

    reported = []
    monkeypatch.setattr(reports_page.reports, "generate", broken)
    monkeypatch.setattr(errors, "handle_exception", lambda kind, exc, tb: reported.append((kind, exc, tb)))
    page = _page(supervisor, qtbot)
    _generate_and_wait(page, qtbot)
    assert [(kind, str(exc)) for kind, exc, _tb in reported] == [(RuntimeError, "the layout broke")]
    assert reported[0][2] is not None  # with its traceback, for the copyable report
    assert page.status.text() == "The report could not be made." and page.generate_button.isEnabled()


# --- who may ----------------------------------------------------------------------------------


def test_staff_who_are_not_supervisors_get_no_report_centre(app, staff, supervisor, db_target, qtbot, tmp_path):
    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    window.show()
    window.sign_in(staff)
    window.show_page(REPORTS)
    page = window.reports_page
    assert not hasattr(page, "generate_button")
    assert page.findChild(QLabel, "reportsNotice").text() == (
        "Reports are for supervisors. Ask a supervisor for the report you need."
    )
    today = date.today()
    out = tmp_path / "activity.pdf"
    with pytest.raises(PermissionDenied):
        reports.generate(staff, reports.Request("activity", "en", today, today), out)
    assert not out.exists()
    window.sign_out()
    window.sign_in(supervisor)
    window.show_page(REPORTS)
    assert isinstance(window.reports_page, ReportsPage) and window.reports_page.generate_button.isVisible()


# --- the finished report ------------------------------------------------------------------------


def test_save_as_copies_the_report_and_says_when_it_cannot(app, demo_db, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    page = _page(_boss(), qtbot)
    page.select_kind("complaints")
    _generate_and_wait(page, qtbot)
    asked = []

    def answer(parent, caption, suggested, filters):
        asked.append(Path(suggested).name)
        return str(tmp_path / "for the meeting"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    saved = page.save_as()
    assert asked == [page.output.name] and asked[0].startswith("complaints-")
    assert saved == tmp_path / "for the meeting.pdf"
    assert saved.read_bytes() == page.output.read_bytes()
    assert "Complaints" in _pdf_text(saved)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "no such folder" / "r.pdf"), ""))
    assert page.save_as() is None
    assert page.message.isVisible() and "could not be saved" in page.message.text()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))  # the person cancelled
    assert page.save_as() is None


def test_printing_paints_every_page_of_the_report(app, demo_db, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    page = _page(_boss(), qtbot)
    page.select_kind("activity")
    today = date.today()
    _set_period(page, today - timedelta(days=365), today)
    _generate_and_wait(page, qtbot)
    pages = len(PdfReader(str(page.output)).pages)
    assert pages >= 2
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.print_to(printer) == pages
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == pages
    printer.setOutputFileName(str(tmp_path / "second.pdf"))
    printer.setFromTo(2, 2)
    assert page.print_to(printer) == 1


# --- the work helper ----------------------------------------------------------------------------


def test_run_task_works_on_its_own_connection_and_answers_on_the_ui_thread(app, supervisor, qtbot):
    from helpdesk.db import database

    ui_thread = threading.get_ident()
    main_connection = database.connection()
    results, errors, progress = [], [], []

    def work(report):
        import gc

        report(0.5)
        report(1.0)
        assert not gc.isenabled()  # no full collection stalls the UI while the work runs
        return threading.get_ident(), database.connection() is not main_connection, Staff.select().count()

    tasks.run_task(
        work, lambda r: results.append((threading.get_ident(), r)), errors.append, on_progress=progress.append
    )
    qtbot.waitUntil(lambda: bool(results or errors), timeout=10_000)
    assert errors == []
    delivered_on, (worked_on, own_connection, count) = results[0]
    assert delivered_on == ui_thread and worked_on != ui_thread and own_connection and count == 1
    assert progress and progress[-1] == 1.0
    tasks.wait_for_all()
    import gc

    assert gc.isenabled()  # and the collector is back once it has ended

    def fails(report):
        raise ValueError("bad")

    tasks.run_task(fails, results.append, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert isinstance(errors[0], ValueError) and errors[0].__traceback__ is not None


def test_a_cancelled_task_stops_at_its_next_progress(app, db, qtbot):
    started, go_on = threading.Event(), threading.Event()
    steps, outcome = [], []

    def work(report):
        started.set()
        go_on.wait(10)
        for i in range(100):
            report(i / 100)
            steps.append(i)
        return "finished"

    task = tasks.run_task(work, outcome.append, outcome.append)
    assert started.wait(10)
    task.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    assert isinstance(outcome[0], reports.Cancelled) and steps == []


# --- from a record to its report ------------------------------------------------------------------


def test_report_buttons_open_the_centre_on_the_record_for_supervisors_only(app, demo_db, qtbot):
    from helpdesk.models import CalmSession, Complaint, Customer

    complaint = Complaint.select().order_by(Complaint.id).first()
    session = CalmSession.select().order_by(CalmSession.id).first()
    customer = Customer.select().where(Customer.kind == "person").order_by(Customer.id).first()
    desk = (
        Staff.select()
        .join(CalmSession, on=(CalmSession.staff == Staff.id))
        .where(Staff.role == "staff")
        .order_by(Staff.id)
        .first()
    )  # one who held a calm-down session: staff review only their own
    for person in (desk, _boss()):
        window = MainWindow(config.describe(demo_db))
        qtbot.addWidget(window)
        window.show()
        window.sign_in(person)
        opened = window.open_complaint(complaint.id)
        qtbot.addWidget(opened)
        own = (
            session
            if person.is_supervisor
            else (CalmSession.select().where(CalmSession.staff == person.id).order_by(CalmSession.id).first())
        )
        review = window.start_calm(review_id=own.id)
        qtbot.addWidget(review)
        window.show_page(1)
        window.customers_page.open_customer(customer.id)
        profile = window.customers_page.profile
        buttons = (opened.report_button, review.report_button, profile.report_button)
        assert [b.isVisible() for b in buttons] == [person.is_supervisor] * 3
    opened.report_button.click()
    page = window.reports_page
    assert window.stack.currentWidget() is page
    assert page.current_request() == reports.Request("incident", "en", complaint_id=complaint.id)
    review.report_button.click()
    assert page.current_request() == reports.Request("incident", "en", session_id=session.id)
    profile.report_button.click()
    assert page.current_request() == reports.Request("customer", "en", customer_id=customer.id)
    assert page.customer.currentText() == customer.display_name
    _generate_and_wait(page, qtbot)
    assert page.output is not None and page.output.name == f"customer-{customer.id}.pdf"
