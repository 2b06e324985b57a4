"""Faults say what they are (issue 14, item 4): a full disk, a read-only database, a locked one, a
damaged one and an unreachable server each get their own message in the app and one clean line with
exit code 2 on the command line; nothing typed is lost.

A full disk is real, not pretended: SQLite's ``max_page_count`` stops the database file from growing
exactly as a full disk does (SQLITE_FULL, "database or disk is full"), and on PostgreSQL a trigger
raises the server's own ``disk_full`` error (SQLSTATE 53100) from inside the write.
"""

from __future__ import annotations

import sqlite3

import peewee
import pytest

import main as entry
from helpdesk import customers as cs
from helpdesk import db as dbmod
from helpdesk import migrations
from helpdesk.config import is_postgres
from helpdesk.errors import DatabaseError, classify_database_error
from helpdesk.models import Customer

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")

BIG = "x" * 3000  # a customer's notes that need a page or two more than the file has


def _fill_the_disk(database) -> None:
    """From now on the database cannot grow: the disk is full, as far as it can tell."""
    if isinstance(database, peewee.PostgresqlDatabase):
        database.execute_sql(
            "CREATE FUNCTION disk_is_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'could not extend file \"base/1/2\": No space left on device' "
            "USING ERRCODE = 'disk_full'; END $$"
        )
        for table in ("customer", "contact", "audit_entry"):
            database.execute_sql(
                f"CREATE TRIGGER disk_is_full BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION disk_is_full()"
            )
    else:
        pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
        database.execute_sql(f"PRAGMA max_page_count = {pages}")


def _new_customer(n: int = 0) -> cs.Draft:
    return cs.Draft(kind="person", given_name=f"Parisa{n}", family_name=f"Full{n}", notes=BIG)


def test_a_save_on_a_full_disk_says_the_disk_is_full_and_writes_nothing(db, supervisor):
    before = Customer.select().count()
    _fill_the_disk(db)
    with pytest.raises(Exception) as info:
        for n in range(50):  # SQLite: until the last free page is used
            cs.create(supervisor, _new_customer(n), confirm_duplicates=True)
    known = classify_database_error(info.value)
    assert known is not None and known.code == "db_disk_full", repr(info.value)
    # The transaction is over and the database is still usable: reads work, nothing half-written.
    assert not db.in_transaction()
    assert Customer.select().count() >= before
    assert Customer.select().where(Customer.given_name == f"Parisa{n}").count() == 0


def test_the_import_command_on_a_full_disk_prints_one_line_and_exits_2(
    db, supervisor, db_target, tmp_path, capsys, monkeypatch
):
    rows = "\n".join(f"Name{n},Family{n},{BIG}" for n in range(200))
    source = tmp_path / "many.csv"
    source.write_text(f"given_name,family_name,notes\n{rows}\n", encoding="utf-8")
    if is_postgres(db_target):
        _fill_the_disk(db)
    else:
        pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
        # Every connection the command opens stops growing the file a little past its size.
        monkeypatch.setitem(dbmod.SQLITE_PRAGMAS, "max_page_count", pages + 4)
    dbmod.close()
    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    code = entry.main(["import-customers", str(source), "--db", db_target, "--user", "boss"])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("import-customers: the disk is full"), err
    assert "Traceback" not in err and out == ""
    monkeypatch.delitem(dbmod.SQLITE_PRAGMAS, "max_page_count", raising=False)
    migrations.open_and_migrate(db_target)
    assert Customer.select().count() == 0  # one transaction: nothing of the file was imported


def test_cannot_rollback_is_never_what_the_person_is_told(tmp_path):
    """SQLite undoes the whole transaction itself when the disk fills up; peewee's own ROLLBACK then
    found no transaction and its error replaced the real one."""
    database, _ = migrations.open_and_migrate(str(tmp_path / "full.sqlite"))
    database.execute_sql("CREATE TABLE filler (t TEXT)")
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    # The second atomic() is a savepoint inside, as the services nest them.
    with pytest.raises(peewee.PeeweeException) as info, database.atomic(), database.atomic():
        for _ in range(100):
            database.execute_sql("INSERT INTO filler VALUES (?)", (BIG * 4,))
    assert "cannot rollback" not in str(info.value) and "no such savepoint" not in str(info.value)
    assert classify_database_error(info.value).code == "db_disk_full"
    assert not database.in_transaction()
    assert database.execute_sql("SELECT COUNT(*) FROM staff").fetchone()[0] == 0  # still usable
    dbmod.close()


@pytest.mark.parametrize(
    "error, code",
    [
        (sqlite3.OperationalError("database or disk is full"), "db_disk_full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "db_read_only"),
        (sqlite3.OperationalError("database is locked"), "db_locked"),
        (sqlite3.DatabaseError("database disk image is malformed"), "db_corrupt"),
        (sqlite3.DatabaseError("file is not a database"), "db_corrupt"),
    ],
)
def test_sqlite_errors_are_told_apart_by_their_code(error, code):
    """The driver's result code decides, not the wording: the same text with another code is not it."""
    wrapped = peewee.OperationalError(error, *error.args)
    assert classify_database_error(wrapped).code == code


def test_a_real_sqlite_error_is_classified_by_its_code(tmp_path):
    path = tmp_path / "ro.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.execute("PRAGMA query_only = 1")
    with pytest.raises(sqlite3.Error) as info:
        con.execute("INSERT INTO t VALUES (1)")
    con.close()
    assert info.value.sqlite_errorname.startswith("SQLITE_READONLY")
    assert classify_database_error(info.value).code == "db_read_only"


def test_a_read_only_database_on_the_command_line(db, supervisor, db_target, tmp_path, capsys, monkeypatch):
    source = tmp_path / "one.csv"
    source.write_text("given_name,family_name\nAli,Read\n", encoding="utf-8")
    if is_postgres(db_target):
        db.execute_sql("ALTER DATABASE " + db.database + " SET default_transaction_read_only = on")
    else:
        monkeypatch.setitem(dbmod.SQLITE_PRAGMAS, "query_only", 1)
    dbmod.close()
    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    try:
        code = entry.main(["import-customers", str(source), "--db", db_target, "--user", "boss"])
    finally:
        if is_postgres(db_target):
            other = dbmod.open_database(db_target)
            other.connect()
            other.execute_sql("SET default_transaction_read_only = off")
            other.execute_sql("ALTER DATABASE " + other.database + " RESET default_transaction_read_only")
            other.close()
    out, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1, (out, err)
    assert err.startswith("import-customers: the database can only be read"), err


def test_an_unreachable_server_on_the_command_line(capsys, monkeypatch):
    monkeypatch.setenv("HELPDESK_PASSWORD", "x")
    code = entry.main(["find", "ali", "--db", "postgresql://postgres@127.0.0.1:1/helpdesk", "--user", "boss"])
    out, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and out == ""
    assert err.startswith("find: the database server cannot be reached"), err


def test_a_locked_database_on_the_command_line(tmp_path, capsys, monkeypatch):
    path = tmp_path / "busy.sqlite"
    migrations.open_and_migrate(str(path))
    from helpdesk import accounts

    accounts.create_first_supervisor("boss", "Sara", "correct horse")
    dbmod.close()
    other = sqlite3.connect(str(path))
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setitem(dbmod.SQLITE_PRAGMAS, "busy_timeout", 100)
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_SECONDS", 0.1)
    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    try:
        code = entry.main(["find", "ali", "--db", str(path), "--user", "boss"])
    finally:
        other.rollback()
        other.close()
    out, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1, (out, err)
    assert err.startswith("find: another desk is keeping the database busy"), err


def test_each_fault_has_its_own_message_in_the_app(app):
    from ui.messages import message_for

    texts = {
        code: message_for(DatabaseError(code, "detail"))
        for code in ("db_disk_full", "db_read_only", "db_locked", "db_corrupt", "db_unreachable")
    }
    assert len(set(texts.values())) == len(texts)
    assert texts["db_disk_full"].startswith("The disk is full")
    assert "Unexpected" not in "".join(texts.values())


def test_a_call_saved_on_a_full_disk_says_so_and_keeps_what_was_typed(
    app, staff, db, db_target, draft_dir, qtbot, monkeypatch
):
    """The person at the desk: Ctrl+S on a full disk. They read that the disk is full (not
    "Unexpected error"), the call stays open with every word, and its draft stays on this computer."""
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from helpdesk.models import Contact
    from tests.helpers import signed_in_window
    from ui import errors as ui_errors

    customer = cs.create(staff, cs.Draft(given_name="Maryam", family_name="Karimi"), confirm_duplicates=True)
    window = signed_in_window(staff, db_target, qtbot)
    call = window.start_call(customer_id=customer.id)
    qtbot.waitUntil(call.isActiveWindow, timeout=3000)
    call.notes.setFocus()
    notes = "Wants the parcel sent again; مشتری بسته را دوباره می‌خواهد"
    for ch in notes:
        QTest.sendKeyEvent(QTest.KeyAction.Click, call.notes, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
    pasted = " The order history, pasted from the e-mail: " + "order 4471 " * 500  # more than a page
    call.notes.insertPlainText(pasted)
    notes += pasted
    call.outcome.setCurrentIndex(call.outcome.findData("resolved"))
    call.satisfaction_buttons["satisfied"].setChecked(True)
    call.autosave()
    if not is_postgres(db_target):
        db.execute_sql("CREATE TABLE filler (t TEXT)")
    _fill_the_disk(db)
    if not is_postgres(db_target):  # the free pages and the room left in pages are used up too
        for size in (1000, 100, 10, 1):
            while True:
                try:
                    db.execute_sql("INSERT INTO filler VALUES (?)", ("x" * size,))
                except peewee.OperationalError:
                    break
        # The same limit for a connection another thread opens.
        monkeypatch.setitem(
            dbmod.SQLITE_PRAGMAS, "max_page_count", db.execute_sql("PRAGMA max_page_count").fetchone()[0]
        )
    with qtbot.capture_exceptions() as raised:
        QTest.keyClick(call.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    for exc_type, exc, tb in raised:  # what the app's exception hook is given
        ui_errors.handle_exception(exc_type, exc, tb)
    shown = [w for w in app.topLevelWidgets() if w.objectName() == "knownErrorBox" and w.isVisible()]
    shown += [w for w in call.findChildren(type(call.message)) if w.isVisible()]
    texts = " ".join(getattr(w, "text", lambda: "")() for w in shown)
    assert "The disk is full" in texts and "Unexpected" not in texts, texts
    assert call.isVisible() and call.notes.toPlainText() == notes
    assert Contact.select().count() == 0
    kept = [json.loads(p.read_text(encoding="utf-8")) for p in draft_dir.glob("*.json")]
    assert [d["content"]["contact"]["notes"] for d in kept] == [notes]
    for box in shown:
        box.close()


def test_a_command_with_no_password_and_no_terminal_says_so(tmp_path):
    """A scheduled task without HELPDESK_PASSWORD: one line and exit code 2, not getpass's traceback."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if k != "HELPDESK_PASSWORD"}
    done = subprocess.run(
        [sys.executable, str(root / "main.py"), "find", "ali", "--db", str(tmp_path / "x.sqlite"), "--user", "boss"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        "find: no password was given: type it when asked, or set HELPDESK_PASSWORD for scripts"
    )
