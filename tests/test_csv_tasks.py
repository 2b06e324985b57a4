"""CSV import and export run off the UI thread (ui/tasks.run_task): the window stays responsive and
says it is busy; the result, or the error, is shown on the UI thread when the work is done."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from helpdesk import customers
from helpdesk.customers import Draft
from helpdesk.models import Customer
from tests.helpers import signed_in_window


def _customers_page(window, qtbot):
    from ui.mainwindow import CUSTOMERS

    window.show_page(CUSTOMERS)
    return window.customers_page


def test_export_runs_in_the_background_and_says_how_many_were_written(
    app, supervisor, db_target, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    customers.create(supervisor, Draft(given_name="Maryam", family_name="Karimi"))
    customers.create(supervisor, Draft(given_name="Neda", family_name="Amini"))
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window = signed_in_window(supervisor, db_target, qtbot)
    page = _customers_page(window, qtbot)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.count_label.text() == "Exporting…" and not page.export_button.isEnabled()
    qtbot.waitUntil(page.export_button.isEnabled)
    assert page.count_label.text() == f"Exported 2 customers to \u2066{target}\u2069"
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3 and any("Karimi" in line for line in lines)


def test_an_export_that_cannot_be_written_is_told_and_the_button_comes_back(
    app, supervisor, db_target, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "no such folder" / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window = signed_in_window(supervisor, db_target, qtbot)
    page = _customers_page(window, qtbot)
    page.export_file()
    qtbot.waitUntil(page.export_button.isEnabled)
    boxes = [box for box in page.findChildren(QMessageBox) if box.objectName() == "knownErrorBox"]
    assert len(boxes) == 1 and boxes[0].isVisible() and boxes[0].text()
    assert page.count_label.text() == "" and not target.exists()


def test_a_big_import_leaves_the_window_responsive(app, supervisor, db_target, qtbot, tmp_path):
    from ui.dialogs.import_customers import ImportCustomersDialog

    rows = 150
    csv = tmp_path / "many.csv"
    csv.write_text(
        "given_name,family_name,phone\n" + "".join(f"Person{n},Family{n},0912{n:07d}\n" for n in range(rows)),
        encoding="utf-8",
    )
    window = signed_in_window(supervisor, db_target, qtbot)
    dialog = ImportCustomersDialog(supervisor, csv, window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.counts.text() == f"{rows} rows will be imported, 0 have problems."
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.counts.text() == "Importing…" and dialog.cursor().shape() == Qt.CursorShape.BusyCursor
    with qtbot.waitSignal(dialog.imported, timeout=120_000) as signal:
        pass
    took = time.monotonic() - started
    timer.stop()
    assert signal.args == [rows] and Customer.select().count() == rows
    # The UI thread went on serving its timer while the rows went in (it was frozen before).
    assert len(ticks) >= 3, f"{len(ticks)} ticks in {took:.2f} s"
    assert dialog.cursor().shape() != Qt.CursorShape.BusyCursor
    print(f"imported {rows} rows in {took:.2f} s; the UI thread ticked {len(ticks)} times")
