"""The calm-down window, driven from the keyboard as a person under stress would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from helpdesk import calm, customers
from helpdesk.customers import Draft
from helpdesk.models import CalmSession, Complaint
from tests.helpers import signed_in_window
from ui.mainwindow import COMPLAINTS, MainWindow


def _window(staff, db_target, qtbot) -> MainWindow:
    return signed_in_window(staff, db_target, qtbot)


def _key(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifier)


def _type(widget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def test_the_whole_procedure_from_the_keyboard(app, staff, db_target, qtbot):
    customer = customers.create(
        staff, Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")])
    )
    window = _window(staff, db_target, qtbot)
    QTest.keyClick(window, Qt.Key.Key_F9)
    session_window = window.calm_windows[-1]
    qtbot.waitUntil(session_window.isActiveWindow, timeout=3000)
    w = session_window
    assert w.pages.currentIndex() == 0 and w.customer_label.text() == "Customer not named yet"
    _key(qtbot, w, Qt.Key.Key_PageDown)  # no rating yet: it asks for one
    assert w.start_error.text().startswith("Rate the anger first")
    _key(qtbot, w, Qt.Key.Key_5)
    _key(qtbot, w, Qt.Key.Key_PageDown)
    assert w.pages.currentIndex() == 1 and w.step_title.text() == "Keep yourself calm"
    assert w.step_counter.text() == "Step 1 of 10 · required"
    assert "“Calm down!”" in w.step_avoid.text()
    _key(qtbot, w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # tick
    assert w.tick.isChecked() and w.ticked_at.text().startswith("Done at")
    _key(qtbot, w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert w.step_title.text() == "Let them speak to the end"
    w.note.setFocus()
    QTest.keyClicks(w.note, "Shouted for 2 minutes")  # digits go into the note, not to the anger keys
    _key(qtbot, w.note, Qt.Key.Key_Return)  # Enter in the note moves on
    assert w.state.current_step == 2
    _key(qtbot, w, Qt.Key.Key_PageUp)
    assert w.note.text() == "Shouted for 2 minutes" and w.anger_start.value() == 5
    for _ in range(9):
        _key(qtbot, w, Qt.Key.Key_PageDown)
    assert w.pages.currentIndex() == 2
    # The customer gives a name; the anonymous session is linked.
    w.lookup.setText("0912 345")
    w.link_customer(w.matches.item(0).data(Qt.ItemDataRole.UserRole))
    assert "Maryam Karimi" in w.customer_label.text()
    _key(qtbot, w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert w.anger_end_error.text() == "Rate the customer's anger from 1 to 5."
    _key(qtbot, w, Qt.Key.Key_2)
    w.outcome_buttons["calmed"].setChecked(True)
    _key(qtbot, w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert w.pages.currentIndex() == 3
    stored = CalmSession.get()
    assert (stored.status, stored.anger_start, stored.anger_end, stored.outcome, stored.customer_id) == (
        "finished",
        5,
        2,
        "calmed",
        customer.id,
    )
    state = calm.state_of(stored)
    assert [s.ticked for s in state.steps][:2] == [True, False]
    assert state.steps[1].note == "Shouted for 2 minutes"
    assert w.summary.item(0).text().startswith("✓ 1. Keep yourself calm")
    assert w.summary.item(1).text() == "— 2. Let them speak to the end\n    Shouted for 2 minutes"
    assert w.summary_title.text().startswith("Calmed · anger 5 → 2")
    # It is on the customer's timeline, and supervisors' list opens it step by step.
    assert any(e.kind == "calm_session" for e in customers.timeline(customer.id))


def test_escalate_now_from_a_step_raises_an_escalated_complaint(app, staff, supervisor, db_target, qtbot):
    window = _window(staff, db_target, qtbot)
    w = window.start_calm()
    w.anger_start.set_value(4)
    w.begin()
    w.next_step()
    w.next_step()
    dialog = w.ask_escalation() or w.escalation_dialog
    dialog.fields.editors["reason"].setPlainText("Wants the manager, now")
    dialog._submit()
    complaint = Complaint.get()
    assert (complaint.status, complaint.escalated_to_id) == ("escalated", supervisor.id)
    assert CalmSession.get().complaint_id == complaint.id
    assert "Escalated: complaint 1 is with Sara Supervisor" in w.notice.text()
    assert w.outcome_buttons["escalated"].isChecked() and w.state.current_step == 2
    boss = _window(supervisor, db_target, qtbot)
    boss.notifier.check()
    assert boss.banner.isVisible() and "Wants the manager, now" in boss.banner_text.text()


def test_supervisors_review_sessions_step_by_step(app, staff, supervisor, db_target, qtbot):
    session = calm.start(staff)
    state = calm.state_of(session)
    state.anger_start = 3
    state.steps[0].ticked = True
    calm.finish(staff, session.id, state, 1, "calmed")
    window = _window(supervisor, db_target, qtbot)
    window.show_page(COMPLAINTS)
    page = window.complaints_page
    page.tabs.setCurrentIndex(1)
    sessions = page.sessions
    assert sessions.model.rowCount() == 1
    assert sessions.figures_label.text().startswith("1 sessions · calmed 100%")
    sessions.table.activated.emit(sessions.model.index(0, 0))
    review = window.calm_windows[-1]
    assert review.pages.currentIndex() == 3 and review.summary.count() == 10
    assert not review.escalate_button.isVisible()


def test_supervisors_edit_the_steps_and_old_sessions_keep_their_version(app, staff, supervisor, db_target, qtbot):
    from ui.mainwindow import SETTINGS

    old = calm.start(staff)
    window = _window(supervisor, db_target, qtbot)
    window.show_page(SETTINGS)
    editor = window.settings_page.calm_box
    assert editor.version_label.text() == "Version 1 is in use" and editor.list.count() == 10
    editor.list.setCurrentRow(0)
    editor.editors[("title", "en")].setText("Breathe first")
    editor.editors[("title", "en")].textEdited.emit("Breathe first")
    editor.add_step()
    editor.save()
    assert editor.message.text() == "Step 2: This is required."  # the new step has no title yet
    editor.remove_step()
    editor.save()
    assert editor.version_label.text() == "Version 2 is in use"
    assert calm.steps_of(calm.current())[0]["title"]["en"] == "Breathe first"
    assert calm.steps_of(CalmSession.get_by_id(old.id).checklist)[0]["title"]["en"] == "Keep yourself calm"
    new = window.start_calm()
    new.anger_start.set_value(3)
    new.begin()
    assert new.step_title.text() == "Breathe first"
    new.put_away()
    window.draft_store.discard(new.draft_id)


def _focus():
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget()


def _press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key, to whatever has the focus now, as the person's keyboard sends it."""
    QTest.keyClick(_focus(), key, modifier)


def _open_by_f9(window, qtbot):
    window.activateWindow()  # as the window manager does when the window before it closes
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    QTest.keyClick(window, Qt.Key.Key_F9)
    w = window.calm_windows[-1]
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    return w


def test_escalate_now_puts_the_focus_in_the_reason_and_refuses_an_empty_one(app, staff, supervisor, db_target, qtbot):
    """Issue 12: Ctrl+E left the focus on the button, so the first space sent the escalation with an
    empty reason and the typed reason was lost."""
    from helpdesk.models import Notification

    window = _window(staff, db_target, qtbot)
    w = _open_by_f9(window, qtbot)
    _press(Qt.Key.Key_4)
    _press(Qt.Key.Key_PageDown)
    _press(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = w.escalation_dialog
    qtbot.waitUntil(lambda: _focus() is dialog.reason, timeout=3000)
    _press(Qt.Key.Key_Space)  # goes into the reason, it sends nothing
    assert dialog.isVisible() and Complaint.select().count() == 0
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # only a space: refused next to the field
    assert dialog.isVisible() and dialog.fields.errors["reason"].text() == "Say why it needs a supervisor."
    assert Complaint.select().count() == 0 and Notification.select().count() == 0
    assert _focus() is dialog.reason
    _type(_focus(), "Wants the manager")
    assert dialog.fields.errors["reason"].isHidden()  # fixed: the old message goes at once
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    complaint = Complaint.get()
    assert complaint.status == "escalated" and complaint.escalation_reason.endswith(": Wants the manager")
    assert "Keep yourself calm" in complaint.escalation_reason  # the step it was escalated at


def test_enter_begins_after_the_anger_rating_in_both_languages(app, staff, db_target, qtbot):
    """Issue 12: Enter did not press Begin, and in Persian Begin had no key at all (Alt+B)."""
    from ui import i18n

    for language in ("en", "fa"):
        i18n.apply_language(app, language)
        window = _window(staff, db_target, qtbot)
        w = _open_by_f9(window, qtbot)
        _press(Qt.Key.Key_Return)  # no rating yet: it asks for one
        assert w.pages.currentIndex() == 0 and w.start_error.isVisible()
        _press(Qt.Key.Key_3)
        assert w.start_error.isHidden()
        _press(Qt.Key.Key_Return)
        assert w.pages.currentIndex() == 1 and w.anger_start.value() == 3
        assert _focus() is w.note  # a note can be typed at once
        assert w.windowTitle() == ("آرام کردن مشتری عصبانی" if language == "fa" else "Calm the angry customer")
        w.put_away()
        window.draft_store.discard(w.draft_id)


def test_persian_step_fields_read_right_to_left_in_either_language(app, staff, supervisor, db_target, qtbot):
    """Issue 12: Persian paragraphs in the English calm-down steps editor were left-aligned."""
    from ui import i18n
    from ui.pages.calm_settings import CalmStepsEditor

    for language in ("en", "fa"):
        i18n.apply_language(app, language)
        editor = CalmStepsEditor(supervisor)
        qtbot.addWidget(editor)
        for (part, lang), field in editor.editors.items():
            wanted = Qt.LayoutDirection.RightToLeft if lang == "fa" else Qt.LayoutDirection.LeftToRight
            assert field.layoutDirection() == wanted, (language, part, lang)
            assert field.accessibleName()


def test_the_steps_editor_saves_with_ctrl_s(app, staff, supervisor, db_target, qtbot):
    from ui.mainwindow import SETTINGS

    window = _window(supervisor, db_target, qtbot)
    window.show_page(SETTINGS)
    editor = window.settings_page.calm_box
    window.settings_page.office_tabs.setCurrentWidget(editor)
    field = editor.editors[("title", "fa")]
    field.setFocus()
    qtbot.waitUntil(lambda: _focus() is field, timeout=3000)
    field.selectAll()
    _type(field, "اول آرام باش")
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.version_label.text() == "Version 2 is in use"
    assert calm.steps_of(calm.current())[0]["title"]["fa"] == "اول آرام باش"


def test_escape_on_an_untouched_session_closes_without_asking(app, staff, db_target, qtbot, monkeypatch):
    """F9 by mistake, then Esc: nothing was done, so nothing is asked and nothing is offered later.
    Once the anger is rated, Esc asks first."""
    from ui import prompts
    from ui.dialogs.calm_window import DRAFT_KIND

    window = _window(staff, db_target, qtbot)
    w = _open_by_f9(window, qtbot)
    _press(Qt.Key.Key_Escape)
    assert not w.isVisible() and window.draft_store.unfinished(DRAFT_KIND, window.location, staff.id) == []
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: asked.append(args[1]) or False)
    w = _open_by_f9(window, qtbot)
    _press(Qt.Key.Key_3)
    _press(Qt.Key.Key_Escape)
    assert asked == ["Leave the session for now?"] and w.isVisible()
    w.put_away()
    window.draft_store.discard(w.draft_id)


def test_enter_in_the_customer_box_links_the_highlighted_customer(app, staff, db_target, qtbot):
    customer = customers.create(
        staff, Draft(given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789")])
    )
    window = _window(staff, db_target, qtbot)
    w = _open_by_f9(window, qtbot)
    while _focus() is not w.lookup:  # the anger, Begin, Escalate now, then the customer box
        _press(Qt.Key.Key_Tab)
    _type(_focus(), "0912 345")  # digits go into the box, not to the anger keys
    assert w.anger_start.value() is None and w.matches.currentItem() is not None
    _press(Qt.Key.Key_Return)
    assert CalmSession.get().customer_id == customer.id and "Maryam Karimi" in w.customer_label.text()
    assert w.pages.currentIndex() == 0  # Enter chose the customer; it did not begin
    assert _focus() in w.anger_start.group.buttons()  # and the procedure goes on from the keyboard
    w.put_away()
    window.draft_store.discard(w.draft_id)
