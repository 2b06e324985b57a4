"""Backups (issue 14): taken at the first start of a day and on quit when something changed,
checked, rotated, listed, restored; from the command line and from Settings ▸ Backups.

Automatic backups and restoring in place are SQLite's; a PostgreSQL office backs up on request,
as a portable SQLite copy (``helpdesk.copying.copy_database``)."""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from helpdesk import backups, customers
from helpdesk.config import sqlite_path
from helpdesk.errors import PermissionDenied
from helpdesk.models import AuditEntry, Customer
from tests.conftest import TEST_DATABASE, TEST_NOW

ON_SERVER = bool(TEST_DATABASE)
sqlite_only = pytest.mark.skipif(
    ON_SERVER,
    reason="automatic backups and restoring in place are for SQLite files; a PostgreSQL office backs up "
    "on request to a SQLite copy (test_a_server_database_is_backed_up_as_a_sqlite_copy)",
)


def _customer(actor, name: str) -> Customer:
    return customers.create(actor, customers.Draft(given_name=name, family_name="Backup"), confirm_duplicates=True)


def _names() -> set[str]:
    return {c.given_name for c in Customer.select(Customer.given_name)}


def _names_in(path: Path) -> set[str]:
    con = sqlite3.connect(str(path))
    try:
        return {row[0] for row in con.execute("SELECT given_name FROM customer")}
    finally:
        con.close()


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


private_modes = pytest.mark.skipif(sys.platform == "win32", reason="Windows has no owner/group/other modes")


# --- automatic backups ----------------------------------------------------------------------------


@sqlite_only
def test_a_backup_is_taken_at_the_first_start_of_a_day_and_not_again_that_day(db_target, supervisor, clock, backup_dir):
    assert backups.due(db_target)
    first = backups.backup_if_due(db_target)
    assert first is not None and first.path.parent == backup_dir
    assert first.path.name.startswith("helpdesk-") and first.state == backups.OK
    assert backups.check(first.path) is None
    assert not backups.due(db_target)
    _customer(supervisor, "Later")
    assert backups.backup_if_due(db_target) is None  # the same day: not again
    assert [b.path for b in backups.list_backups(db_target)] == [first.path]

    clock.move_to(TEST_NOW + timedelta(days=1))
    assert backups.due(db_target)
    second = backups.backup_if_due(db_target)
    assert second is not None
    assert [b.path for b in backups.list_backups(db_target)] == [second.path, first.path]
    assert "Later" in _names_in(second.path) and "Later" not in _names_in(first.path)


@sqlite_only
def test_a_backup_on_quit_only_when_something_changed(db_target, supervisor):
    first = backups.backup_if_changed(db_target)  # no backup yet: one now
    assert first is not None
    assert backups.backup_if_changed(db_target) is None  # nothing written since
    _customer(supervisor, "Changed")
    second = backups.backup_if_changed(db_target)
    assert second is not None and second.path != first.path
    assert "Changed" in _names_in(second.path)


@sqlite_only
def test_backups_are_rotated_as_days_pass(db_target, supervisor, clock):
    """Over 13 months with a start every third day: 7 daily, 4 weekly and 12 monthly are left, no more."""
    start = TEST_NOW
    taken = []
    for day in range(0, 400, 3):  # every third day: 134 backups in all
        clock.move_to(start + timedelta(days=day))
        made = backups.backup_if_due(db_target)
        assert made is not None
        taken.append(made.taken)
    listed = backups.list_backups(db_target)
    assert {b.taken for b in listed} == backups.to_keep(taken)
    days = sorted({b.taken.date() for b in listed}, reverse=True)
    newest = taken[-1].date()
    assert days[:7] == [newest - timedelta(days=3 * n) for n in range(7)]  # the last seven days that had one
    assert len(listed) <= 7 + 4 + 12
    months = {(b.taken.year, b.taken.month) for b in listed}
    assert len(months) == 12  # a year back, one a month
    assert min(b.taken for b in listed) < taken[-1] - timedelta(days=300)


moments = st.lists(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31)), max_size=80)


@hsettings(max_examples=200, deadline=None)
@given(moments)
def test_rotation_keeps_the_newest_of_each_recent_day_week_and_month(taken):
    kept = backups.to_keep(taken)
    assert kept <= set(taken)
    assert len(kept) <= 7 + 4 + 12
    if taken:
        assert max(taken) in kept
    assert backups.to_keep(kept) == kept  # rotating again lets nothing more go
    for bucket, count in (
        (lambda t: t.date(), 7),
        (lambda t: t.isocalendar()[:2], 4),
        (lambda t: (t.year, t.month), 12),
    ):
        recent = sorted({bucket(t) for t in taken}, reverse=True)[:count]
        for key in recent:  # each of the recent days (weeks, months) keeps its newest backup
            assert max(t for t in taken if bucket(t) == key) in kept


@hsettings(max_examples=100, deadline=None)
@given(moments, st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2031, 12, 31)))
def test_a_backup_let_go_is_never_wanted_again(taken, later):
    """Rotating after each new backup gives what rotating once at the end gives."""
    earlier = [t for t in taken if t < later]
    step = backups.to_keep(backups.to_keep(earlier) | {later})
    assert step == backups.to_keep(set(earlier) | {later})


# --- checking ---------------------------------------------------------------------------------------


@sqlite_only
def test_a_backup_that_fails_its_check_is_deleted_and_reported(db_target, supervisor, backup_dir, monkeypatch):
    monkeypatch.setattr(backups, "check", lambda path: "integrity check failed: page 3 is never used")
    with pytest.raises(backups.BackupFailed) as raised:
        backups.backup_now(supervisor, db_target)
    assert raised.value.code == "backup_failed" and "page 3" in raised.value.detail
    assert list(backup_dir.iterdir()) == []  # nothing left behind, not even the temporary file


@private_modes
def test_backups_are_private(db_target, supervisor, tmp_path):
    where = tmp_path / "new" / "backups"
    made = backups.backup_now(supervisor, db_target, where)
    assert _mode(where) == 0o700
    assert _mode(made.path) == 0o600


def test_only_supervisors_back_up_and_restore(db_target, staff, supervisor):
    with pytest.raises(PermissionDenied):
        backups.backup_now(staff, db_target)
    made = backups.backup_now(supervisor, db_target)
    with pytest.raises(PermissionDenied):
        backups.restore(staff, made.path, db_target)
    with pytest.raises(PermissionDenied):
        backups.set_folder(staff, "/tmp/elsewhere")


def test_a_supervisor_chooses_the_folder(db_target, supervisor, tmp_path, backup_dir):
    assert backups.backup_folder() == backup_dir  # the default
    chosen = tmp_path / "usb"
    backups.set_folder(supervisor, str(chosen))
    assert backups.backup_folder() == chosen
    made = backups.backup_now(supervisor, db_target)
    assert made.path.parent == chosen
    assert [b.path for b in backups.list_backups(db_target)] == [made.path]


def test_an_unusable_folder_is_refused(db_target, supervisor, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with pytest.raises(backups.BackupFolderUnusable):
        backups.set_folder(supervisor, str(blocker / "backups"))
    assert backups.backup_folder() != blocker / "backups"


# --- restoring -----------------------------------------------------------------------------------------


def _damage(path: Path) -> None:
    """Overwrite bytes in the middle of the file, as a failing disk or a bad copy would."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * 1024)


@sqlite_only
def test_a_damaged_backup_is_refused_and_nothing_is_replaced(db_target, supervisor):
    for n in range(60):
        _customer(supervisor, f"Kept{n}")
    made = backups.backup_now(supervisor, db_target)
    _customer(supervisor, "After")
    _damage(made.path)
    path = sqlite_path(db_target)
    before = set(os.listdir(path.parent))
    with pytest.raises(backups.BackupDamaged) as raised:
        backups.restore(supervisor, made.path, db_target)
    assert raised.value.code == "backup_damaged"
    assert set(os.listdir(path.parent)) == before  # no file kept aside: nothing was replaced
    assert "After" in _names() and "Kept59" in _names()


@sqlite_only
def test_restore_brings_the_data_back_and_keeps_the_replaced_file(db_target, supervisor, clock):
    _customer(supervisor, "Before")
    made = backups.backup_now(supervisor, db_target)
    _customer(supervisor, "Mistake")
    clock.move_to(TEST_NOW + timedelta(hours=2))
    aside = backups.restore(supervisor, made.path, db_target)

    names = _names()
    assert "Before" in names and "Mistake" not in names
    path = sqlite_path(db_target)
    expected = (TEST_NOW + timedelta(hours=2)).strftime("%Y%m%d-%H%M")
    assert aside == path.with_name(f"helpdesk.before-restore-{expected}.sqlite")
    assert {"Before", "Mistake"} <= _names_in(aside)
    if sys.platform != "win32":
        assert _mode(aside) == 0o600
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert entry.action == "restore" and entry.table_name == "database"
    assert entry.actor_id == supervisor.id
    assert made.path.name in entry.after and aside.name in entry.after
    # The restored database is open and usable: a new customer is written to it.
    _customer(supervisor, "Afterwards")
    assert "Afterwards" in _names_in(path)


@sqlite_only
def test_a_desk_that_has_the_file_open_reads_the_restored_data(db_target, supervisor):
    _customer(supervisor, "Old")
    made = backups.backup_now(supervisor, db_target)
    _customer(supervisor, "New")
    other_desk = sqlite3.connect(str(sqlite_path(db_target)))
    try:
        assert other_desk.execute("SELECT COUNT(*) FROM customer WHERE given_name = 'New'").fetchone()[0] == 1
        backups.restore(supervisor, made.path, db_target)
        assert other_desk.execute("SELECT COUNT(*) FROM customer WHERE given_name = 'New'").fetchone()[0] == 0
        assert other_desk.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        other_desk.close()


def test_a_server_database_is_restored_by_copy_not_in_place(db_target, supervisor):
    if not ON_SERVER:
        pytest.skip("PostgreSQL only: needs HELPDESK_TEST_DATABASE")
    made = backups.backup_now(supervisor, db_target)
    with pytest.raises(backups.RestoreOnServer):
        backups.restore(supervisor, made.path, db_target)


def test_a_server_database_is_backed_up_as_a_sqlite_copy(db_target, supervisor, backup_dir):
    if not ON_SERVER:
        pytest.skip("PostgreSQL only: needs HELPDESK_TEST_DATABASE")
    pytest.importorskip("helpdesk.copying", reason="helpdesk/copying.py (copy-database) has not landed yet")
    _customer(supervisor, "Served")
    assert not backups.due(db_target)  # no automatic backups of a server
    made = backups.backup_now(supervisor, db_target)
    assert made.path.parent == backup_dir and made.path.suffix == ".sqlite"
    assert backups.check(made.path) is None
    assert "Served" in _names_in(made.path)
    assert [b.path for b in backups.list_backups(db_target)] == [made.path]


# --- the command line ------------------------------------------------------------------------------------


def test_the_backup_command_prints_the_backup(db_target, supervisor, tmp_path, monkeypatch, capsys):
    import main

    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    _customer(supervisor, "Commanded")
    where = tmp_path / "usb"
    assert main.main(["backup", "--db", db_target, "--to", str(where), "--user", "boss"]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed.parent == where and printed.is_file()
    assert backups.check(printed) is None and "Commanded" in _names_in(printed)


def test_the_backup_command_refuses_staff(db_target, staff, monkeypatch, capsys, backup_dir):
    import main

    monkeypatch.setenv("HELPDESK_PASSWORD", "desk password")
    assert main.main(["backup", "--db", db_target, "--user", "desk1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "may not do this" in err
    assert list(backup_dir.iterdir()) == []


@sqlite_only
def test_the_restore_command(db_target, supervisor, monkeypatch, capsys):
    import main

    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    _customer(supervisor, "Original")
    made = backups.backup_now(supervisor, db_target)
    _customer(supervisor, "Unwanted")
    assert main.main(["restore", str(made.path), "--db", db_target, "--user", "boss"]) == 0
    out = capsys.readouterr().out
    assert "before-restore" in out
    assert _names_in(sqlite_path(db_target)) >= {"Original"} and "Unwanted" not in _names_in(sqlite_path(db_target))


@sqlite_only
def test_the_restore_command_refuses_a_damaged_backup(db_target, supervisor, monkeypatch, capsys):
    import main

    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    for n in range(60):
        _customer(supervisor, f"Row{n}")
    made = backups.backup_now(supervisor, db_target)
    _damage(made.path)
    assert main.main(["restore", str(made.path), "--db", db_target, "--user", "boss"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("restore: ") and "cannot be restored" in err
    assert not list(sqlite_path(db_target).parent.glob("*before-restore*"))


def test_the_restore_command_on_a_server_says_what_to_do(db_target, supervisor, monkeypatch, capsys, tmp_path):
    if not ON_SERVER:
        pytest.skip("PostgreSQL only: needs HELPDESK_TEST_DATABASE")
    import main

    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    made = backups.backup_now(supervisor, db_target)
    assert main.main(["restore", str(made.path), "--db", db_target, "--user", "boss"]) == 2
    assert "copy-database" in capsys.readouterr().err


def test_the_open_database_is_the_target_to_back_up(db_target, db):
    target = backups.current_target()
    if ON_SERVER:
        from playhouse.db_url import parse

        assert parse(target)["database"] == parse(db_target)["database"]
        assert backups.base_name(target) == backups.base_name(db_target)
    else:
        assert Path(target) == Path(db_target)


# --- the app ------------------------------------------------------------------------------------------------


def _controller(app, db_target, qtbot):
    from ui.app import Controller

    controller = Controller(app, db_target)
    window = controller.start()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    return controller


def _sign_in(controller, qtbot, username="boss", password="correct horse"):
    dialog = controller.dialog
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog._submit()
    qtbot.waitUntil(lambda: controller.window.staff is not None)


@sqlite_only
def test_the_app_takes_the_day_s_first_backup_when_it_starts_and_one_on_quit_after_changes(
    app, db_target, supervisor, qtbot, backup_dir
):
    from helpdesk import db as dbmod

    controller = _controller(app, db_target, qtbot)
    qtbot.waitUntil(lambda: len(backups.list_backups(db_target, backup_dir)) == 1)
    assert controller.window.statusBar().currentMessage() == ""  # silently
    _sign_in(controller, qtbot)
    _customer(supervisor, "Typed today")
    made = controller.back_up_on_quit()
    assert made is not None and "Typed today" in _names_in(made.path)
    assert controller.back_up_on_quit() is None  # nothing changed since
    dbmod.close()


@sqlite_only
def test_a_failed_backup_at_start_is_a_calm_line_in_the_status_bar(
    app, db_target, supervisor, qtbot, backup_dir, monkeypatch
):
    from helpdesk import db as dbmod

    monkeypatch.setattr(backups, "check", lambda path: "integrity check failed: disk trouble")
    controller = _controller(app, db_target, qtbot)
    qtbot.waitUntil(lambda: "backup" in controller.window.statusBar().currentMessage())
    assert controller.window.statusBar().currentMessage().startswith("Today's backup could not be made.")
    assert list(backup_dir.iterdir()) == []
    assert controller.dialog.isVisible()  # the person signs in as usual
    dbmod.close()


def _backups_tab(window):
    from ui.mainwindow import SETTINGS

    window.show_page(SETTINGS)
    page = window.settings_page
    page.office_tabs.setCurrentWidget(page.backups_box)
    return page.backups_box


def test_back_up_now_adds_a_row(app, db_target, supervisor, qtbot):
    from PySide6.QtCore import Qt

    from tests.helpers import signed_in_window
    from ui import tasks
    from ui.pages.backups import BackupsModel

    window = signed_in_window(supervisor, db_target, qtbot)
    tab = _backups_tab(window)
    assert tab.model.rowCount() == 0
    assert tab.restore_button.isVisible() == (not ON_SERVER)
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=30_000)
    tasks.wait_for_all()
    index = tab.model.index(0, BackupsModel.STATE)
    assert index.data() == "Good"
    assert tab.model.index(0, BackupsModel.DATE).data() == tab.selected().taken.strftime("%Y-%m-%d %H:%M")
    assert tab.selected().taken.date() == TEST_NOW.date()  # the office's local day
    assert tab.note.text().startswith("Backed up and checked: ")
    assert tab.selected() is not None and tab.selected().path.is_file()


def test_only_supervisors_see_the_backups_tab(app, db_target, staff, qtbot):
    from tests.helpers import signed_in_window
    from ui.mainwindow import SETTINGS

    window = signed_in_window(staff, db_target, qtbot)
    window.show_page(SETTINGS)
    assert not hasattr(window.settings_page, "backups_box")


@sqlite_only
def test_restore_from_settings_brings_the_data_back_after_signing_in_again(
    app, db_target, supervisor, qtbot, monkeypatch
):
    from PySide6.QtCore import Qt

    from helpdesk import db as dbmod
    from ui import prompts
    from ui.dialogs.sign_in import SignInDialog
    from ui.mainwindow import CUSTOMERS
    from ui.widgets import select_row

    _customer(supervisor, "Ours")
    controller = _controller(app, db_target, qtbot)
    _sign_in(controller, qtbot)
    window = controller.window
    tab = _backups_tab(window)
    qtbot.waitUntil(lambda: len(backups.list_backups(db_target)) == 1, timeout=30_000)  # the day's first, at start
    tab.refresh()
    assert tab.model.rowCount() == 1
    _customer(supervisor, "Mistaken")
    select_row(tab.table, 0)
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text, default_yes=False: asked.append(title) or True)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert asked == ["Restore this backup?"]
    qtbot.waitUntil(
        lambda: isinstance(controller.dialog, SignInDialog) and controller.dialog.isVisible(), timeout=30_000
    )
    assert window.staff is None  # signed out: every page is built again from the restored data
    _sign_in(controller, qtbot)
    window.show_page(CUSTOMERS)
    page = window.customers_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    shown = {page.model.index(row, 0).data() for row in range(page.model.rowCount())}
    assert any("Ours" in name for name in shown) and not any("Mistaken" in name for name in shown)
    assert list(sqlite_path(db_target).parent.glob("helpdesk.before-restore-*.sqlite"))
    dbmod.close()


def test_a_truncated_backup_is_listed_as_damaged_in_the_person_s_calendar(persian, db_target, supervisor, qtbot):
    from helpdesk.localization import format_short_datetime
    from tests.helpers import signed_in_window
    from ui.pages.backups import BackupsModel

    made = backups.backup_now(supervisor, db_target)
    cut = made.path.with_name(made.path.name.replace(made.taken.strftime("%Y%m%d"), "20200101"))
    cut.write_bytes(made.path.read_bytes()[:5000])
    assert [b.state for b in backups.list_backups(db_target)] == [backups.OK, backups.DAMAGED]

    window = signed_in_window(supervisor, db_target, qtbot)
    tab = _backups_tab(window)
    assert tab.model.rowCount() == 2
    shown = tab.model.index(0, BackupsModel.DATE).data()
    assert shown == format_short_datetime(made.taken, "fa") and shown.startswith("۱۴")  # Jalali, Persian digits
    assert tab.model.index(1, BackupsModel.STATE).data() == "آسیب‌دیده"
    assert tab.model.index(0, BackupsModel.STATE).data() == "سالم"


@sqlite_only
@pytest.mark.parametrize("harm", ["overwritten", "empty", "gone"])
def test_a_database_that_cannot_be_opened_is_restored_by_a_supervisor_of_the_backup(
    db_target, supervisor, staff, monkeypatch, capsys, harm
):
    import main
    from helpdesk import db as dbmod

    for n in range(60):
        _customer(supervisor, f"Saved{n}")
    made = backups.backup_now(supervisor, db_target)
    dbmod.close()
    path = sqlite_path(db_target)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    if harm == "overwritten":
        _damage(path)
    elif harm == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
    if path.exists():
        os.chmod(path, 0o644)  # as an older app left it
    harmed = path.read_bytes() if path.exists() else None

    monkeypatch.setenv("HELPDESK_PASSWORD", "desk password")  # staff in the backup: not a supervisor
    assert main.main(["restore", str(made.path), "--db", db_target, "--user", "desk1"]) == 2
    assert "may not do this" in capsys.readouterr().err
    assert (path.read_bytes() if path.exists() else None) == harmed  # nothing replaced

    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    assert main.main(["restore", str(made.path), "--db", db_target, "--user", "boss"]) == 0
    assert "Saved59" in _names_in(path)
    kept = list(path.parent.glob("helpdesk.before-restore-*.sqlite"))
    if harmed is None:
        assert kept == []
    else:
        assert [k.read_bytes() for k in kept] == [harmed]  # the unusable file, kept as it was
        if os.name != "nt":
            assert _mode(kept[0]) == 0o600  # and, like the data it holds, readable by its owner only
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert entry.action == "restore" and entry.actor_id == supervisor.id


def test_a_supervisor_chooses_the_folder_in_the_tab(app, db_target, supervisor, qtbot, tmp_path, backup_dir):
    from PySide6.QtCore import Qt

    from tests.helpers import signed_in_window

    window = signed_in_window(supervisor, db_target, qtbot)
    tab = _backups_tab(window)
    assert tab.folder.text() == f"\u2066{backup_dir}\u2069"
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    assert not tab.use_folder(str(blocker / "backups"))
    assert tab.error.isVisibleTo(tab) and tab.error.text().startswith("The backups cannot be written to this folder.")
    usb = tmp_path / "usb"
    assert tab.use_folder(str(usb))
    assert tab.folder.text() == f"\u2066{usb}\u2069" and not tab.error.isVisibleTo(tab)
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=30_000)
    assert tab.selected().path.parent == usb
    qtbot.mouseClick(tab.default_button, Qt.MouseButton.LeftButton)
    assert tab.folder.text() == f"\u2066{backup_dir}\u2069" and tab.model.rowCount() == 0
