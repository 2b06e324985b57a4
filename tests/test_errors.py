"""Expected problems get a message that says what to do; bugs get a logged, copyable report."""

import logging
import re
import sqlite3
import sys
from pathlib import Path

import peewee
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from helpdesk import db as dbmod
from helpdesk import migrations
from helpdesk.errors import DatabaseError, classify_database_error, connection_lost, postgres_code, sqlite_error_name
from tests.conftest import TEST_DATABASE
from ui import errors as ui_errors
from ui.app import Controller
from ui.dialogs.error_dialog import ErrorDialog


def _real_sqlite_error(path, sql: str, *, uri: str = "", setup: str = "") -> sqlite3.Error:
    """The error SQLite itself reports for ``sql`` on the file at ``path``."""
    con = sqlite3.connect(uri or str(path), uri=bool(uri), timeout=0.05)
    try:
        if setup:
            con.executescript(setup)
        with pytest.raises(sqlite3.Error) as info:
            con.executescript(sql)
        return info.value
    finally:
        con.close()


def test_real_sqlite_errors_are_classified_by_their_code(tmp_path):
    """Errors SQLite reports on real files: each told by its result code, as peewee wraps it too."""
    path = tmp_path / "real.sqlite"
    sqlite3.connect(path).executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    cases = []
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")  # another desk is writing
    try:
        cases.append((_real_sqlite_error(path, "INSERT INTO t VALUES (2)"), "SQLITE_BUSY", "db_locked"))
    finally:
        holder.rollback()
        holder.close()
    read_only = f"{path.resolve().as_uri()}?mode=ro"
    cases.append(
        (_real_sqlite_error(path, "INSERT INTO t VALUES (3)", uri=read_only), "SQLITE_READONLY", "db_read_only")
    )
    full = tmp_path / "full.sqlite"
    cases.append(
        (
            _real_sqlite_error(
                full,
                "INSERT INTO t SELECT randomblob(4000) FROM t;" * 40,
                setup="PRAGMA max_page_count = 8; CREATE TABLE t (x); INSERT INTO t VALUES (1);",
            ),
            "SQLITE_FULL",
            "db_disk_full",
        )
    )
    text = tmp_path / "notes.txt"
    text.write_text("not a database, only some notes that happen to be long enough " * 20)
    cases.append((_real_sqlite_error(text, "SELECT * FROM sqlite_master"), "SQLITE_NOTADB", "db_corrupt"))
    cases.append((_cantopen(tmp_path), "SQLITE_CANTOPEN", "db_unreachable"))
    for error, name, code in cases:
        assert sqlite_error_name(error) == name
        assert classify_database_error(error).code == code, name
        wrapped = peewee.OperationalError(error, *error.args)  # as peewee raises it
        assert sqlite_error_name(wrapped) == name and classify_database_error(wrapped).code == code


def _cantopen(tmp_path) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as info:
        sqlite3.connect(tmp_path / "no such folder" / "x.sqlite")
    return info.value


def test_a_file_that_is_not_a_database_is_named_so_by_its_code(tmp_path):
    """A file that starts as SQLite's do but that SQLite refuses (an impossible page size): quick_check
    tells "not a database" from "damaged" by SQLite's code, SQLITE_NOTADB."""
    path = tmp_path / "odd.sqlite"
    sqlite3.connect(path).executescript("PRAGMA journal_mode = delete; CREATE TABLE t (x);")
    data = bytearray(path.read_bytes())
    data[16:18] = (3).to_bytes(2, "big")
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError) as info:
        dbmod.quick_check(path)
    assert info.value.code == "db_corrupt" and info.value.params["kind"] == "not_database"
    assert sqlite_error_name(info.value.__cause__) == "SQLITE_NOTADB"


def test_the_wording_alone_decides_nothing():
    """An error whose text merely mentions a lock or a full disk is not taken for one: only SQLite's
    own fixed text of a result code counts, for an error that carries no code (Python 3.10)."""
    assert classify_database_error(sqlite3.OperationalError("the database is locked, they said")) is None
    assert classify_database_error(sqlite3.OperationalError("no space left on device, or disk full")) is None
    assert classify_database_error(RuntimeError("database is locked")) is None
    assert classify_database_error(sqlite3.OperationalError("database is locked")).code == "db_locked"


def test_no_database_error_is_classified_by_its_message_text():
    """helpdesk/ reads database errors' codes, never their wording (issue 17)."""
    root = Path(__file__).resolve().parent.parent / "helpdesk"
    found = [
        f"{p.relative_to(root)}:{n}"
        for p in root.rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"in str\((exc|error|e|err)\b|str\((exc|error|e|err)\)\.lower\(\)", line)
    ]
    assert found == []


needs_postgres = pytest.mark.skipif(
    not TEST_DATABASE.startswith("postgres"), reason="needs HELPDESK_TEST_DATABASE=postgresql://..."
)


@needs_postgres
def test_real_postgres_errors_are_classified_by_their_sqlstate(db):
    import psycopg2

    db.execute_sql("CREATE TABLE codes (x INTEGER UNIQUE)")
    db.execute_sql("INSERT INTO codes VALUES (1)")
    with pytest.raises(peewee.IntegrityError) as info, db.atomic():
        db.execute_sql("INSERT INTO codes VALUES (1)")
    assert postgres_code(info.value) == "23505"
    assert classify_database_error(info.value) is None  # a bug (or the service's to handle), not the setup
    holder = psycopg2.connect(TEST_DATABASE)
    try:
        holder.cursor().execute("LOCK TABLE codes IN ACCESS EXCLUSIVE MODE")  # another desk holds it
        with pytest.raises(peewee.OperationalError) as info, db.atomic():
            db.execute_sql("SET LOCAL lock_timeout = '100ms'")
            db.execute_sql("INSERT INTO codes VALUES (2)")
        assert postgres_code(info.value) == "55P03"
        assert classify_database_error(info.value).code == "db_locked"
    finally:
        holder.rollback()
        holder.close()


@needs_postgres
def test_a_connection_the_server_dropped_is_told_by_its_code(db):
    """pg_terminate_backend on this test's own connection: inside a transaction the save fails as
    "cannot be reached" (nothing is tried again); outside one a read is tried again on a new line."""
    import psycopg2

    def drop_my_connection():
        pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        other = psycopg2.connect(TEST_DATABASE)
        other.autocommit = True
        try:
            other.cursor().execute("SELECT pg_terminate_backend(%s)", (pid,))
        finally:
            other.close()
        return pid

    with pytest.raises(DatabaseError) as info, db.atomic():
        drop_my_connection()
        db.execute_sql("SELECT 1")
    assert info.value.code == "db_unreachable"
    driver = info.value.__cause__
    assert connection_lost(driver)
    assert postgres_code(driver) in ("57P01", None)  # the server's "terminating connection", or libpq's own
    pid = drop_my_connection()
    assert db.execute_sql("SELECT pg_backend_pid()").fetchone()[0] != pid  # a new connection answered


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
    assert any(
        b.text().startswith(
            "Another desk kept the database busy for more than 15 seconds, so this was not "
            "saved. Everything you typed is still here"
        )
        for b in boxes
    )
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
