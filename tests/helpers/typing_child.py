"""The real app in a child process: sign in, press F2, find the caller and type notes slowly,
reporting each character as it lands, until the parent kills the process.

    python tests/helpers/typing_child.py DATABASE DRAFT_FOLDER SETTINGS_FOLDER TEXT_FILE [call|calm]

"call" (the default) presses F2 and types the notes of a call; "calm" presses F9, rates the
anger 4, ticks the first step, moves to the second and types its note.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _travel_with_the_parent() -> None:
    """The parent test's clock (tests/conftest.py), so this process lives at the same moment."""
    moment = os.environ.get("HELPDESK_TEST_NOW")
    if moment:
        from datetime import datetime
        from zoneinfo import ZoneInfo

        import time_machine

        when = datetime.fromisoformat(moment).replace(tzinfo=ZoneInfo(os.environ.get("HELPDESK_TEST_TZ", "UTC")))
        time_machine.travel(when, tick=True).start()


def main() -> None:
    _travel_with_the_parent()
    database, draft_folder, settings_folder, text_file = sys.argv[1:5]
    mode = sys.argv[5] if len(sys.argv) > 5 else "call"
    text = Path(text_file).read_text(encoding="utf-8")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_folder)
    from ui import paths

    paths.draft_dir = lambda: Path(draft_folder)
    from ui.app import Controller, create_application

    app = create_application()
    controller = Controller(app, database)
    window = controller.start()

    def wait_for(condition, timeout_ms: int = 20000) -> None:
        waited = 0
        while not condition():
            QTest.qWait(20)
            waited += 20
            if waited > timeout_ms:
                raise SystemExit(f"timed out waiting for {condition.__code__.co_firstlineno}")

    def type_into(widget, characters: str) -> None:
        for ch in characters:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)

    wait_for(lambda: controller.dialog is not None and controller.dialog.isVisible())
    dialog = controller.dialog
    dialog.username.setText("boss")
    dialog.password.setText("correct horse")
    dialog._submit()
    wait_for(lambda: window.staff is not None)
    window.activateWindow()
    wait_for(lambda: window.isActiveWindow())
    if mode == "calm":
        QTest.keyClick(window, Qt.Key.Key_F9)
        wait_for(lambda: bool(getattr(window, "calm_windows", [])))
        session = window.calm_windows[0]
        wait_for(session.isActiveWindow)
        QTest.keyClick(session, Qt.Key.Key_4)
        QTest.keyClick(session, Qt.Key.Key_PageDown)
        QTest.keyClick(session, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(session, Qt.Key.Key_PageDown)
        print("session", session.session.id, flush=True)
        session.note.setFocus()
        for index, ch in enumerate(text):
            type_into(session.note, ch)
            print("typed", index, flush=True)
            QTest.qWait(40)
        print("done", flush=True)
        while True:
            QTest.qWait(100)
    QTest.keyClick(window, Qt.Key.Key_F2)
    wait_for(lambda: bool(window.call_windows))
    call = window.call_windows[0]
    type_into(call.lookup, "۰۹۱۲۳۴۵۶۷۸۹")
    QTest.keyClick(call.lookup, Qt.Key.Key_Return)
    print("customer", call.customer_id, flush=True)
    call.notes.setFocus()
    for index, ch in enumerate(text):
        type_into(call.notes, ch)
        print("typed", index, flush=True)
        QTest.qWait(40)
    print("done", flush=True)
    while True:
        QTest.qWait(100)


if __name__ == "__main__":
    main()
