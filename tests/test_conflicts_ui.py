"""Another desk saved first: the person is told what changed, keeps what they typed, and chooses
"keep mine" or "take theirs" — in the complaint window and in its forms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from helpdesk import accounts, complaints, customers
from helpdesk.complaints import ComplaintDraft
from helpdesk.models import Complaint, ComplaintCategory
from tests.helpers import signed_in_window


def _complaint(actor) -> Complaint:
    customer = customers.create(
        actor,
        customers.Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")]),
        confirm_duplicates=True,
    )
    category = ComplaintCategory.get(ComplaintCategory.name_en == "Price").id
    return complaints.create(
        actor,
        ComplaintDraft(
            customer_id=customer.id, category_id=category, description="Charged twice", assignee_id=actor.id
        ),
    )


def _other_supervisor(supervisor):
    return accounts.create_account(supervisor, "mina", "Mina Supervisor", "supervisor", "second password")


def test_a_move_refused_because_another_desk_saved_says_what_changed_and_keep_mine_moves_it(
    app, supervisor, db_target, qtbot
):
    c = _complaint(supervisor)
    mina = _other_supervisor(supervisor)
    main = signed_in_window(supervisor, db_target, qtbot)
    window = main.open_complaint(c.id)
    complaints.set_priority(mina, c.id, "urgent", version=c.version)  # the other desk, after the window opened
    window.start_button.setFocus()
    QTest.keyClick(window.start_button, Qt.Key.Key_Space)
    assert window.conflict.isVisible()
    shown = window.conflict.text.text()
    assert "Someone changed this complaint" in shown and "Priority: Urgent" in shown, shown
    assert Complaint.get_by_id(c.id).status == "new"  # nothing of mine was written
    assert "Urgent" in window.priority.currentText()  # the window shows their change
    assert window.focusWidget() is window.conflict.keep_button  # Space or Enter keeps mine
    QTest.keyClick(window.conflict.keep_button, Qt.Key.Key_Space)
    stored = Complaint.get_by_id(c.id)
    assert (stored.status, stored.priority) == ("in_progress", "urgent")  # mine over theirs, theirs kept
    assert not window.conflict.isVisible()


def test_take_theirs_drops_the_change_and_shows_what_is_stored(app, supervisor, db_target, qtbot):
    c = _complaint(supervisor)
    mina = _other_supervisor(supervisor)
    main = signed_in_window(supervisor, db_target, qtbot)
    window = main.open_complaint(c.id)
    complaints.move(mina, c.id, complaints.IN_PROGRESS, version=c.version)
    window.priority.setFocus()
    window._manage(complaints.set_priority, "low")
    assert window.conflict.isVisible() and "Status: In progress" in window.conflict.text.text()
    QTest.keyClick(window.conflict.take_button, Qt.Key.Key_Space)
    stored = Complaint.get_by_id(c.id)
    assert (stored.status, stored.priority) == ("in_progress", "normal")
    assert not window.conflict.isVisible() and "Normal" in window.priority.currentText()


def test_a_resolution_typed_while_another_desk_saved_is_kept_and_saved_over_theirs(app, supervisor, db_target, qtbot):
    c = _complaint(supervisor)
    mina = _other_supervisor(supervisor)
    c = complaints.move(supervisor, c.id, complaints.IN_PROGRESS, version=c.version)
    main = signed_in_window(supervisor, db_target, qtbot)
    window = main.open_complaint(c.id)
    dialog = window.resolve()
    qtbot.waitUntil(dialog.notes.hasFocus)
    qtbot.keyClicks(dialog.notes, "Refunded the second charge")
    dialog.satisfaction_buttons["satisfied"].setChecked(True)
    complaints.set_priority(mina, c.id, "high", version=c.version)
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.conflict.isVisible()
    assert "Priority: High" in dialog.conflict.text.text()
    assert dialog.notes.toPlainText() == "Refunded the second charge"  # nothing typed is lost
    assert Complaint.get_by_id(c.id).status == "in_progress"
    QTest.keyClick(dialog.conflict.keep_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    stored = Complaint.get_by_id(c.id)
    assert (stored.status, stored.resolution_notes, stored.priority) == (
        "resolved",
        "Refunded the second charge",
        "high",
    )


def test_a_calm_down_session_saved_from_a_second_window_does_not_erase_the_first_windows_tick(
    app, staff, db_target, qtbot, tmp_path, monkeypatch
):
    """Measured in the issue: progress saved from a second window erased a tick and a note."""
    from helpdesk import calm, drafts
    from helpdesk.models import CalmStep
    from ui import prompts
    from ui.dialogs.calm_window import CalmWindow

    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)  # "leave the session for now?" at the end

    store = drafts.DraftStore(tmp_path / "drafts")
    first = CalmWindow(staff, "desk", store)
    qtbot.addWidget(first)
    with qtbot.waitActive(first):
        first.show()
        first.activateWindow()
    QTest.keyClick(first, Qt.Key.Key_4)
    QTest.keyClick(first, Qt.Key.Key_PageDown)  # rated, on step 1
    session_id = first.session.id
    second = CalmWindow(
        staff,
        "desk",
        store,
        restored={
            "id": "other",
            "content": {
                "session_id": session_id,
                "state": calm.state_of(calm.get(staff, session_id)).to_json(),
                "page": 1,
            },
        },
    )
    qtbot.addWidget(second)
    second.show()
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    # The second window saved the session as it opened it; the first ticks step 1, notes it and
    # moves on: it is told, and keeps its tick and note over the second window's save.
    QTest.keyClick(first, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(first.note, "Listened")
    QTest.keyClick(first.note, Qt.Key.Key_Return)
    assert first.conflict.isVisible()
    assert CalmStep.get(CalmStep.session == session_id, CalmStep.position == 0).note == ""
    QTest.keyClick(first.conflict.keep_button, Qt.Key.Key_Space)
    assert not first.conflict.isVisible()
    assert CalmStep.get(CalmStep.session == session_id, CalmStep.position == 0).note == "Listened"
    # The second window, which never saw that, moves on: it is told, and nothing is erased.
    second.activateWindow()
    qtbot.waitUntil(second.isActiveWindow)
    QTest.keyClick(second, Qt.Key.Key_PageDown)
    assert second.conflict.isVisible()
    stored = CalmStep.get(CalmStep.session == session_id, CalmStep.position == 0)
    assert (stored.ticked, stored.note) == (True, "Listened")
    QTest.keyClick(second.conflict.take_button, Qt.Key.Key_Space)
    assert not second.conflict.isVisible()
    assert second.state.steps[0].ticked and second.state.steps[0].note == "Listened"
    QTest.keyClick(second, Qt.Key.Key_PageUp)
    assert second.note.text() == "Listened" and second.tick.isChecked()
