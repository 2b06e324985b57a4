"""Expected problems get a message that says what to do; bugs get a logged, copyable report."""
import logging
import sqlite3
import sys

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from helpdesk import db as dbmod
from helpdesk import migrations
from helpdesk.errors import DatabaseError, classify_database_error
from ui import errors as ui_errors
from ui.app import Controller
from ui.dialogs.error_dialog import ErrorDialog


@pytest.mark.parametrize(
    "message, code",
    [
        ("database is locked", "db_locked"),
        ("attempt to write a readonly database", "db_read_only"),
        ("database or disk is full", "db_disk_full"),
        ("unable to open database file", "db_unreachable"),
        ('connection to server at "10.0.0.9", port 5432 failed: Connection refused', "db_unreachable"),
        ("file is not a database", "db_corrupt"),
    ],
)
def test_driver_errors_become_known_problems(message, code):
    assert classify_database_error(sqlite3.OperationalError(message)).code == code


def test_a_bug_is_not_mistaken_for_a_known_problem():
    assert classify_database_error(ZeroDivisionError("division by zero")) is None


def test_unreachable_server_is_explained(app, qtbot):
    controller = Controller(app, "postgresql://postgres@127.0.0.1:1/helpdesk")
    qtbot.addWidget(controller.show_window())
    assert not controller.open_database()
    box = controller.error_box
    assert box.isVisible() and box.parent() is controller.window
    assert box.text().startswith("The database cannot be reached.")
    assert "127.0.0.1:1" in box.informativeText()


def test_locked_database_is_a_known_problem(tmp_path):
    path = tmp_path / "busy.sqlite"
    migrations.open_and_migrate(str(path))
    dbmod.database.execute_sql("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(str(path))
    other.execute("BEGIN EXCLUSIVE")
    try:
        from helpdesk import accounts

        with pytest.raises(Exception) as info:
            accounts.create_first_supervisor("boss", "Sara", "correct horse")
        assert classify_database_error(info.value).code == "db_locked"
    finally:
        other.rollback()
        other.close()
        dbmod.close()


def _visible(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_known_problem_reaching_the_hook_gets_a_plain_message(app, qtbot):
    error = sqlite3.OperationalError("database is locked")
    ui_errors.handle_exception(type(error), error, None)
    boxes = _visible(QMessageBox)
    assert any(b.text().startswith("Another desk kept the database busy for more than 15 seconds, so this was not "
                                   "saved. Everything you typed is still here") for b in boxes)
    assert not _visible(ErrorDialog)
    for box in boxes:
        box.close()


def test_a_bug_is_logged_and_reported_with_a_copyable_report(app, qtbot, caplog):
    try:
        {}["missing key"]
    except KeyError:
        exc_type, exc, tb = sys.exc_info()
    with caplog.at_level(logging.ERROR, logger="helpdesk"):
        ui_errors.handle_exception(exc_type, exc, tb)
    assert "unexpected error" in caplog.text and "KeyError: 'missing key'" in caplog.text
    qtbot.waitUntil(lambda: bool(_visible(ErrorDialog)))
    dialog = _visible(ErrorDialog)[0]
    assert "KeyError: 'missing key'" in dialog.report.toPlainText()
    assert "test_a_bug_is_logged" in dialog.report.toPlainText()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.report.toPlainText()
    assert dialog.copy_button.text() == "Copied"
    dialog.close()


def test_log_goes_to_a_rotating_file_in_the_user_log_folder(_isolated_log):
    path = ui_errors.setup_logging()
    assert path == str(_isolated_log / "helpdesk.log")
    logging.getLogger("helpdesk").warning("written to the file")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "written to the file" in (_isolated_log / "helpdesk.log").read_text(encoding="utf-8")


def test_an_error_before_the_log_is_set_up_still_reaches_the_file(app, qtbot, _isolated_log):
    try:
        raise RuntimeError("too early")
    except RuntimeError:
        ui_errors.handle_exception(*sys.exc_info())
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "RuntimeError: too early" in (_isolated_log / "helpdesk.log").read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: bool(_visible(ErrorDialog)))
    for dialog in _visible(ErrorDialog):
        dialog.close()


def test_database_error_keeps_its_code():
    assert DatabaseError("db_locked").code == "db_locked"
