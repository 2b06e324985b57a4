"""Nothing typed during a call or a calm-down session is lost when the app is killed:
a real subprocess, SIGKILL, restore."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from helpdesk import customers
from helpdesk import db as dbmod
from helpdesk.customers import Draft
from helpdesk.models import Contact
from ui import prompts
from ui.app import Controller

CHILD = Path(__file__).parent / "helpers" / "typing_child.py"
ROOT = Path(__file__).resolve().parent.parent
NOTES = (
    "Caller says the parcel (order 4471) arrived damaged; "
    "مشتری می‌گوید بسته آسیب دیده بود و تعویض می‌خواهد. Wants a replacement by Friday."
)
KILL_AFTER = 70  # characters


def _type_and_kill(db_target, draft_dir, tmp_path, mode: str) -> tuple[str, str, list[str]]:
    """Run the app in a child process that types ``NOTES``; SIGKILL it mid-sentence.
    Returns what was safely typed (2 s before the kill), everything typed, and the child's other lines."""
    text_file = tmp_path / "notes.txt"
    text_file.write_text(NOTES, encoding="utf-8")
    settings_folder = tmp_path / "child-settings"
    settings_folder.mkdir(exist_ok=True)
    child = subprocess.Popen(
        [sys.executable, str(CHILD), db_target, str(draft_dir), str(settings_folder), str(text_file), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))},
    )
    landed: dict[int, float] = {}
    other: list[str] = []
    try:
        while True:
            line = child.stdout.readline()
            assert line, f"the child stopped early: {child.stderr.read()}"
            if line.startswith("typed"):
                index = int(line.split()[1])
                landed[index] = time.monotonic()
                if index + 1 >= KILL_AFTER:
                    break
            else:
                other.append(line.strip())
        child.kill()  # SIGKILL on POSIX: no clean-up code runs
        killed_at = time.monotonic()
    finally:
        child.kill()
        child.wait(10)
    typed = NOTES[: max(landed) + 1]
    safe = NOTES[: max((i for i, t in landed.items() if t <= killed_at - 2.0), default=-1) + 1]
    assert len(safe) > 20, "the child typed too slowly to prove anything"
    return safe, typed, other


def test_a_calm_down_session_killed_mid_note_resumes_where_it_was(
    app, supervisor, db_target, draft_dir, tmp_path, qtbot, monkeypatch
):
    from helpdesk.models import CalmSession

    dbmod.close()
    safe, typed, _ = _type_and_kill(db_target, draft_dir, tmp_path, "calm")
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text, default_yes=False: True)
    controller = Controller(app, db_target)
    window = controller.show_window()
    qtbot.addWidget(window)
    from helpdesk import migrations

    migrations.open_and_migrate(db_target)
    controller.signed_in(supervisor)
    qtbot.waitUntil(lambda: bool(getattr(window, "calm_windows", [])), timeout=5000)
    session = window.calm_windows[0]
    assert session.session.id == CalmSession.get().id and session.session.status == "open"
    assert session.pages.currentIndex() == 1 and session.state.current_step == 1
    assert session.step_title.text() == "Let them speak to the end"
    restored = session.note.text()
    assert restored.startswith(safe) and typed.startswith(restored), (safe, restored, typed)
    assert session.state.anger_start == 4 and session.state.steps[0].ticked
    assert "interrupted" in session.notice.text()
    session.put_away()
    dbmod.close()


def test_a_call_killed_mid_sentence_comes_back_with_what_was_typed(
    app, supervisor, db_target, draft_dir, tmp_path, qtbot, monkeypatch
):
    customer = customers.create(
        supervisor, Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")])
    )
    dbmod.close()
    safe, typed, other = _type_and_kill(db_target, draft_dir, tmp_path, "call")
    assert f"customer {customer.id}" in other

    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text, default_yes=False: asked.append(text) or True)
    controller = Controller(app, db_target)
    window = controller.show_window()
    qtbot.addWidget(window)
    from helpdesk import migrations

    migrations.open_and_migrate(db_target)
    controller.signed_in(supervisor)
    qtbot.waitUntil(lambda: bool(window.call_windows), timeout=5000)
    call = window.call_windows[0]
    restored = call.notes.toPlainText()
    assert restored.startswith(safe) and typed.startswith(restored), (safe, restored, typed)
    assert asked and safe[:40] in asked[0]
    assert call.customer_id == customer.id
    assert call.notice.isVisible() and "not finished" in call.notice.text()
    assert call.duration.isEnabled()  # the end is a guess: it may be corrected
    # Finish it: the contact is stored and the draft is gone.
    call.satisfaction_buttons["satisfied"].setChecked(True)
    call.outcome.setCurrentIndex(call.outcome.findData("resolved"))
    call.save()
    stored = Contact.get(Contact.customer == customer.id)
    assert stored.notes == restored.strip()
    assert not list(draft_dir.glob("*.json"))
    dbmod.close()


def _saved_call_with_its_draft_left_behind(window, customer, draft_dir):
    """Save a call, then put its draft back, as if the app had died between the two."""
    import shutil

    call = window.start_call(customer_id=customer.id)
    call.notes.setPlainText("Paid the invoice at the desk")
    call.outcome.setCurrentIndex(call.outcome.findData("resolved"))
    call.satisfaction_buttons["satisfied"].setChecked(True)
    call.autosave()
    [draft] = list(draft_dir.glob("*.json"))
    kept = draft.with_suffix(".kept")
    shutil.copy(draft, kept)
    call.save()
    assert Contact.select().count() == 1 and not draft.exists()
    shutil.move(kept, draft)
    return draft


def _signed_in_window(staff, db_target, qtbot):
    from helpdesk import config
    from ui.mainwindow import MainWindow

    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    window.show()
    window.sign_in(staff)
    return window


def test_a_crash_between_saving_a_call_and_deleting_its_draft_stores_it_once(app, staff, db_target, draft_dir, qtbot):
    """The contact is in the database, its draft still on the disk (the app died in between): at the
    next sign-in the draft is recognised, nothing is asked, the person is told, nothing is stored twice."""
    from helpdesk import accounts

    customer = customers.create(
        staff, Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")])
    )
    window = _signed_in_window(staff, db_target, qtbot)
    _saved_call_with_its_draft_left_behind(window, customer, draft_dir)
    window.sign_out()
    window.sign_in(accounts.authenticate("desk1", "desk password"))  # a question would fail the test
    qtbot.waitUntil(lambda: not list(draft_dir.glob("*.json")), timeout=5000)
    assert "already been saved" in window.statusBar().currentMessage()
    assert not window.call_windows and not list(draft_dir.glob("*.json"))
    assert Contact.select().count() == 1
    window.sign_out()
    window.sign_in(accounts.authenticate("desk1", "desk password"))
    assert not window.call_windows and Contact.select().count() == 1


def test_a_restored_draft_that_was_already_saved_opens_as_the_stored_contact(app, staff, db_target, draft_dir, qtbot):
    """However the draft comes back (another desk's restore, a language switch), its window shows the
    stored contact and says so, and Ctrl+S cannot store it a second time."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    customer = customers.create(
        staff, Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")])
    )
    window = _signed_in_window(staff, db_target, qtbot)
    _saved_call_with_its_draft_left_behind(window, customer, draft_dir)
    [document] = window.draft_store.unfinished("call", window.location, staff.id)
    again = window.start_call(restored=document)
    assert "already saved" in again.notice.text() and "Nothing was saved twice" in again.notice.text()
    assert again.contact_id == Contact.get().id and again.notes.toPlainText() == "Paid the invoice at the desk"
    assert not list(draft_dir.glob("*.json"))
    QTest.keyClick(again, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert Contact.select().count() == 1
    again.close()
