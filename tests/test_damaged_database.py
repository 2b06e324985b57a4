"""A damaged database is recognised (issue 14, item 3): a damaged file, one cut short, a text file and
an empty one are each refused with one clear message and never changed: on the command line one line
and exit code 2 for every command, never a traceback; in the app a dialog that says what happened and
what to do. The files are real: a database written by the app, then broken as disks and copies break
them."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import main as entry
from helpdesk import accounts, migrations
from helpdesk import customers as cs
from helpdesk import db as dbmod
from helpdesk.errors import DatabaseError

PASSWORD = "correct horse"
KINDS = ("damaged", "truncated", "text", "empty")


@pytest.fixture(scope="module")
def good_file(tmp_path_factory) -> Path:
    """A help-desk database with a supervisor and some customers, closed."""
    path = tmp_path_factory.mktemp("good") / "office.sqlite"
    migrations.open_and_migrate(str(path))
    boss = accounts.create_first_supervisor("boss", "Sara Supervisor", PASSWORD)
    for n in range(60):
        cs.create(
            boss,
            cs.Draft(kind="person", given_name=f"Ali{n}", family_name="Karimi", notes="یادداشت " * 200),
            confirm_duplicates=True,
        )
    dbmod.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    dbmod.close()
    return path


def make_bad(good: Path, kind: str, folder: Path) -> Path:
    """A copy of ``good`` broken in the way ``kind`` says."""
    bad = folder / f"{kind}.sqlite"
    data = good.read_bytes()
    if kind == "damaged":  # a few pages in the middle overwritten, as a failing disk does
        broken = bytearray(data)
        page = 4096
        middle = (len(data) // page // 2) * page
        broken[middle : middle + 3 * page] = bytes((i * 7919) % 251 for i in range(3 * page))
        bad.write_bytes(bytes(broken))
    elif kind == "truncated":  # a copy that stopped half-way
        bad.write_bytes(data[: len(data) // 2])
    elif kind == "text":
        bad.write_text("These are my notes, not a database.\n" * 40, encoding="utf-8")
    else:
        bad.write_bytes(b"")
    return bad


def _commands(bad: Path, folder: Path, good: Path) -> dict[str, list[str]]:
    source = folder / "in.csv"
    source.write_text("given_name,family_name\nNew,Customer\n", encoding="utf-8")
    backup = folder / "good-backup.sqlite"
    shutil.copyfile(good, backup)
    db, user = ["--db", str(bad)], ["--user", "boss"]
    return {
        "find": ["find", "Ali", *db, *user],
        "find --json": ["find", "Ali", "--json", *db, *user],
        "import-customers": ["import-customers", str(source), *db, *user],
        "export-customers": ["export-customers", str(folder / "out.csv"), *db, *user],
        "report": [
            "report",
            "activity",
            "--from",
            "2026-01-01",
            "--to",
            "2026-06-30",
            "--out",
            str(folder / "r.pdf"),
            *db,
            *user,
        ],
        "demo": ["demo", "--customers", "3", *db],
        "backup": ["backup", "--to", str(folder / "backups"), *db, *user],
        "copy-database": ["copy-database", "--from", str(bad), "--to", str(folder / "copy.sqlite")],
    }


def test_the_broken_files_are_really_broken(good_file, tmp_path):
    """What the tests below rely on: SQLite itself finds each of them unusable or damaged."""
    con = sqlite3.connect(f"file:{good_file}?mode=ro", uri=True)
    assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    con.close()
    for kind in ("damaged", "truncated"):
        con = sqlite3.connect(f"file:{make_bad(good_file, kind, tmp_path)}?mode=ro", uri=True)
        try:
            assert con.execute("PRAGMA quick_check").fetchall() != [("ok",)]
        except sqlite3.DatabaseError:
            pass
        finally:
            con.close()


@pytest.mark.parametrize("kind", KINDS)
def test_every_command_refuses_a_broken_file_with_one_line_and_exit_2(kind, good_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HELPDESK_PASSWORD", PASSWORD)
    expected = {"empty": "is empty (0 bytes)", "text": "is not a help-desk database"}.get(kind, "is damaged")
    for name, argv in _commands(Path("placeholder"), tmp_path, good_file).items():
        bad = make_bad(good_file, kind, tmp_path)
        argv = [str(bad) if a == "placeholder" else a for a in argv]
        before = bad.read_bytes()
        dbmod.close()
        code = entry.main(argv)  # a traceback would fail the test here
        out, err = capsys.readouterr()
        assert code == 2, (name, out, err)
        assert err.count("\n") == 1 and "Traceback" not in err, (name, err)
        assert expected in err, (name, err)
        assert err.startswith(f"{argv[0]}: {bad}"), (name, err)
        assert bad.read_bytes() == before, f"{name} changed the {kind} file"
        assert not bad.with_name(bad.name + "-wal").exists() or kind == "empty", name


def test_an_empty_file_is_not_silently_made_a_new_database(tmp_path):
    empty = tmp_path / "helpdesk.sqlite"
    empty.touch()
    with pytest.raises(DatabaseError) as info:
        migrations.open_and_migrate(str(empty))
    assert (info.value.code, info.value.params["kind"]) == ("db_corrupt", "empty")
    assert empty.stat().st_size == 0
    # A file that is not there yet is a new database, as on the first start.
    migrations.open_and_migrate(str(tmp_path / "new.sqlite"))
    dbmod.close()


def test_another_programs_sqlite_file_is_not_filled_with_our_tables(tmp_path):
    other = tmp_path / "places.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE bookmarks (url TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError) as info:
        migrations.open_and_migrate(str(other))
    assert info.value.params["kind"] == "not_database"
    con = sqlite3.connect(other)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["bookmarks"]
    con.close()


def test_a_good_file_passes_the_check(good_file, tmp_path):
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(good_file, copy)
    dbmod.quick_check(copy)  # nothing raised
    migrations.open_and_migrate(str(copy))
    dbmod.close()


# --- in the app ---------------------------------------------------------------------------------

APP_TITLES = {
    "damaged": "The database file is damaged",
    "truncated": "The database file is damaged",
    "text": "This file is not a help-desk database",
    "empty": "The database file is empty",
}


@pytest.mark.parametrize("kind", KINDS)
def test_the_app_says_what_happened_and_what_to_do(kind, app, good_file, tmp_path, qtbot):
    from ui.app import Controller
    from ui.dialogs.damaged import DamagedDatabaseDialog

    bad = make_bad(good_file, kind, tmp_path)
    before = bad.read_bytes()
    controller = Controller(app, str(bad))
    qtbot.addWidget(controller.show_window())
    assert controller.open_database() is False
    dialog = controller.error_box
    assert isinstance(dialog, DamagedDatabaseDialog) and dialog.isVisible() and dialog.parent() is controller.window
    assert dialog.title.text() == APP_TITLES[kind]
    assert "Restore the newest good backup" in dialog.what_to_do.text() or kind == "text"
    assert str(bad) in dialog.where.text()
    assert controller.dialog is None  # nobody is asked to sign in to it
    assert bad.read_bytes() == before
    dialog.reject()
    dbmod.close()


def test_a_large_file_is_checked_off_the_ui_thread_after_the_first_paint(app, good_file, tmp_path, qtbot, monkeypatch):
    from ui import app as app_module
    from ui.app import Controller
    from ui.dialogs.damaged import DamagedDatabaseDialog

    monkeypatch.setattr(app_module, "CHECK_IN_BACKGROUND_BYTES", 0)  # every file counts as large
    checked_on = []
    real_check = dbmod.quick_check
    monkeypatch.setattr(
        dbmod,
        "quick_check",
        lambda path: (checked_on.append(__import__("threading").current_thread().name), real_check(path)),
    )
    bad = make_bad(good_file, "damaged", tmp_path)
    controller = Controller(app, str(bad))
    window = controller.start()
    qtbot.addWidget(window)
    assert window.isVisible()
    qtbot.waitUntil(
        lambda: isinstance(controller.error_box, DamagedDatabaseDialog) and controller.error_box.isVisible(),
        timeout=10_000,
    )
    assert checked_on and checked_on[0] != "MainThread"
    controller.error_box.reject()

    good = tmp_path / "good.sqlite"
    shutil.copyfile(good_file, good)
    controller = Controller(app, str(good))
    qtbot.addWidget(controller.start())
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible(), timeout=10_000)
    assert controller.error_box is None
    controller.dialog.reject()
    dbmod.close()


def test_a_supervisor_restores_the_newest_good_backup_from_the_dialog(app, good_file, tmp_path, qtbot, monkeypatch):
    from helpdesk import backups
    from helpdesk.models import Customer
    from ui.app import Controller
    from ui.dialogs.damaged import DamagedDatabaseDialog

    if not hasattr(backups, "restore_over_damaged"):
        pytest.skip("helpdesk.backups has no restore over a damaged database yet")
    folder = tmp_path / "backups"
    monkeypatch.setenv(backups.ENV_FOLDER, str(folder))
    office = tmp_path / "helpdesk.sqlite"
    shutil.copyfile(good_file, office)
    backups.take(str(office), folder)
    office.write_bytes(make_bad(good_file, "damaged", tmp_path).read_bytes())  # the disk fails afterwards

    controller = Controller(app, str(office))
    qtbot.addWidget(controller.show_window())
    assert controller.open_database() is False
    dialog = controller.error_box
    assert isinstance(dialog, DamagedDatabaseDialog) and dialog.restore_button is not None
    assert dialog.restore_button.text() == "Restore the newest good backup…"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.sign_in.isVisible() and not dialog.restore_button.isVisible()
    qtbot.keyClicks(dialog.username, "boss")
    qtbot.keyClicks(dialog.password, "wrong password")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and dialog.isVisible()  # refused; still damaged, nothing moved
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    # The backup is in place, open, and the person is asked to sign in as usual.
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    assert controller.error_box is None and not dialog.isVisible()
    assert Customer.select().count() == 60
    dbmod.quick_check(office)
    controller.dialog.reject()
    dbmod.close()
