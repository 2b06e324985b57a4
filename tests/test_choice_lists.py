"""The lists supervisors keep in both languages (lost reasons, complaint categories): one service,
one editor, used in the office's settings and in the complaints' settings."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from helpdesk.choice_lists import COMPLAINT_CATEGORIES, LOST_REASONS
from helpdesk.customers import FormErrors
from helpdesk.errors import PermissionDenied, ValidationError
from helpdesk.models import AuditEntry
from tests.helpers import signed_in_window

LISTS = {"lost reasons": LOST_REASONS, "complaint categories": COMPLAINT_CATEGORIES}


def _trail(choices, row_id: int) -> list[tuple[str, dict | None, dict]]:
    table = choices.model._meta.table_name
    return [
        (e.action, json.loads(e.before) if e.before else None, json.loads(e.after))
        for e in AuditEntry.select()
        .where((AuditEntry.table_name == table) & (AuditEntry.record_id == str(row_id)))
        .order_by(AuditEntry.id)
    ]


@pytest.mark.parametrize("which", LISTS)
def test_a_supervisor_adds_retires_and_offers_again_and_each_change_is_in_the_trail(db, supervisor, which):
    choices = LISTS[which]
    before = [row.id for row in choices.rows()]
    added = choices.add(supervisor, "  Parking ", "پارکينگ")  # cleaned: spaces, the Arabic yeh
    assert (added.name_en, added.name_fa) == ("Parking", "پارکینگ")
    assert [row.id for row in choices.rows()] == [*before, added.id]  # at the end of the list
    choices.set_active(supervisor, added.id, False, version=added.version)
    assert added.id not in [row.id for row in choices.rows()]
    assert added.id in [row.id for row in choices.rows(include_inactive=True)]
    choices.set_active(supervisor, added.id, True, version=added.version + 1)
    assert added.id in [row.id for row in choices.rows()]
    trail = _trail(choices, added.id)
    assert [(action, after["active"]) for action, _, after in trail] == [
        ("create", True),
        ("update", False),
        ("update", True),
    ]
    assert trail[0][2]["name_fa"] == "پارکینگ" and trail[1][1]["active"] is True
    assert {
        e.actor_id
        for e in AuditEntry.select()
        .where(AuditEntry.table_name == choices.model._meta.table_name)
        .where(AuditEntry.record_id == str(added.id))
    } == {supervisor.id}


@pytest.mark.parametrize("which", LISTS)
def test_a_name_already_in_the_list_is_refused_in_either_language_even_when_retired(db, supervisor, which):
    choices = LISTS[which]
    first = choices.add(supervisor, "Parking", "پارکینگ")
    choices.set_active(supervisor, first.id, False)
    with pytest.raises(FormErrors) as refused:
        choices.add(supervisor, "PARKING", "پارکینگ")
    assert {field: e.code for field, e in refused.value.errors.items()} == {
        "name_en": "name_taken",
        "name_fa": "name_taken",
    }
    with pytest.raises(FormErrors) as refused:
        choices.add(supervisor, "Car park", " پارکینگ")
    assert {field: e.code for field, e in refused.value.errors.items()} == {"name_fa": "name_taken"}
    rows = choices.rows(include_inactive=True)
    assert [row.name_en for row in rows].count("Parking") == 1 and "Car park" not in [r.name_en for r in rows]


@pytest.mark.parametrize("which", LISTS)
def test_front_desk_staff_are_refused_by_the_service_and_nothing_is_written(db, staff, supervisor, which):
    choices = LISTS[which]
    row = choices.rows()[0]
    entries = AuditEntry.select().count()
    with pytest.raises(PermissionDenied):
        choices.add(staff, "Parking", "پارکینگ")
    with pytest.raises(PermissionDenied):
        choices.set_active(staff, row.id, False)
    # A supervisor demoted on another desk is refused too: the role is read from the database.
    from helpdesk.models import ROLE_STAFF, Staff

    Staff.update(role=ROLE_STAFF).where(Staff.id == supervisor.id).execute()
    with pytest.raises(PermissionDenied):
        choices.add(supervisor, "Parking", "پارکینگ")
    assert AuditEntry.select().count() == entries
    assert choices.rows()[0].active and "Parking" not in [r.name_en for r in choices.rows(include_inactive=True)]


def test_the_list_model_passes_qt_s_model_checks(db, supervisor, app, qtmodeltester):
    from ui.choice_list_editor import ChoiceListModel

    model = ChoiceListModel(LOST_REASONS)
    model.reload()
    qtmodeltester.check(model)
    LOST_REASONS.set_active(supervisor, LOST_REASONS.rows()[0].id, False)
    model.reload()
    assert model.index(0).data() == "Staff indifference (no longer offered)"
    assert model.index(0).data(ChoiceListModel.ACTIVE_ROLE) is False


# --- the editor, by keyboard, where supervisors find it ------------------------------------------


def _type(widget, text: str) -> None:
    """Typed key by key (Persian too: qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def _editor(window, which, qtbot):
    from ui.mainwindow import SETTINGS

    window.show_page(SETTINGS)
    page = window.settings_page
    box = page.office_box if which == "lost reasons" else page.complaint_box
    page.office_tabs.setCurrentWidget(box)
    editor = box.reasons if which == "lost reasons" else box.categories
    QApplication.processEvents()  # building the settings page leaves no window active on offscreen: activate it
    with qtbot.waitActive(window):
        window.activateWindow()
    return editor


@pytest.mark.parametrize("language", ["en", "fa"])
@pytest.mark.parametrize("which", LISTS)
def test_a_supervisor_keeps_a_list_by_keyboard(app, supervisor, db_target, qtbot, which, language):
    from ui import i18n
    from ui.choice_list_editor import ChoiceListEditor
    from ui.messages import message_for

    i18n.apply_language(app, language)
    choices = LISTS[which]
    window = signed_in_window(supervisor, db_target, qtbot)
    editor = _editor(window, which, qtbot)
    assert isinstance(editor, ChoiceListEditor)
    rows = editor.model.rowCount()

    editor.name_en.setFocus()
    _type(editor.name_en, "Parking")
    qtbot.keyClick(editor.name_en, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.name_fa
    _type(editor.name_fa, "پارکینگ")
    qtbot.keyClick(editor.name_fa, Qt.Key.Key_Return)  # Enter adds it
    assert editor.model.rowCount() == rows + 1
    assert editor.model.index(rows).data() == ("پارکینگ" if language == "fa" else "Parking")
    assert editor.name_en.text() == editor.name_fa.text() == ""
    assert choices.rows()[-1].name_fa == "پارکینگ"

    # The same names again: the message is next to each name, what was typed stays, nothing is added.
    editor.name_en.setFocus()
    _type(editor.name_en, "parking")
    qtbot.keyClick(editor.name_en, Qt.Key.Key_Tab)
    _type(editor.name_fa, "پارکینگ")
    qtbot.keyClick(editor.name_fa, Qt.Key.Key_Return)
    taken = message_for(ValidationError("name_en", "name_taken"))
    for field in ("name_en", "name_fa"):
        assert editor.errors[field].isVisible() and editor.errors[field].text() == taken
    assert (editor.name_en.text(), editor.name_fa.text()) == ("parking", "پارکینگ")
    assert editor.name_en.accessibleDescription() == taken  # a screen reader says it at the field
    assert QApplication.focusWidget() is editor.name_en
    assert editor.model.rowCount() == rows + 1 and editor.message.isHidden()

    # A new name in English clears its message; the Persian one still is in the list.
    editor.name_en.selectAll()
    _type(editor.name_en, "Car park")
    qtbot.keyClick(editor.name_en, Qt.Key.Key_Return)
    assert editor.errors["name_en"].isHidden() and editor.errors["name_fa"].text() == taken

    # The new row, chosen by keyboard, stops being offered, then is offered again.
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_End)
    stop = editor.toggle_button.text()
    editor.toggle_button.setFocus()
    qtbot.keyClick(editor.toggle_button, Qt.Key.Key_Space)
    assert not choices.rows(include_inactive=True)[-1].active
    retired = editor.model.index(rows).data()
    assert retired != editor.model.index(rows - 1).data() and ("پارکینگ" if language == "fa" else "Parking") in retired
    assert editor.toggle_button.text() != stop and editor.view.currentIndex().row() == rows
    qtbot.keyClick(editor.toggle_button, Qt.Key.Key_Space)
    assert choices.rows(include_inactive=True)[-1].active and editor.toggle_button.text() == stop
    assert [action for action, _, _ in _trail(choices, choices.rows()[-1].id)] == ["create", "update", "update"]


@pytest.mark.parametrize("which", LISTS)
def test_a_supervisor_demoted_elsewhere_is_told_under_the_list_and_keeps_what_was_typed(
    app, supervisor, db_target, qtbot, which
):
    from helpdesk.models import ROLE_STAFF, Staff
    from ui.messages import message_for

    window = signed_in_window(supervisor, db_target, qtbot)
    editor = _editor(window, which, qtbot)
    Staff.update(role=ROLE_STAFF).where(Staff.id == supervisor.id).execute()  # another supervisor did it
    editor.name_en.setFocus()
    _type(editor.name_en, "Parking")
    qtbot.keyClick(editor.name_en, Qt.Key.Key_Tab)
    _type(editor.name_fa, "پارکینگ")
    qtbot.keyClick(editor.name_fa, Qt.Key.Key_Return)
    assert editor.message.isVisible()
    assert editor.message.text() == message_for(PermissionDenied("not a supervisor"))
    assert editor.errors["name_en"].isHidden() and editor.name_fa.text() == "پارکینگ"
    assert "Parking" not in [row.name_en for row in LISTS[which].rows(include_inactive=True)]


def test_a_row_another_desk_retired_first_is_shown_as_it_is_now(app, supervisor, db_target, qtbot):
    window = signed_in_window(supervisor, db_target, qtbot)
    editor = _editor(window, "complaint categories", qtbot)
    editor.view.setCurrentIndex(editor.model.index(0))
    first = COMPLAINT_CATEGORIES.rows()[0]
    COMPLAINT_CATEGORIES.set_active(supervisor, first.id, False)  # on another desk, after this one read the list
    editor.toggle_button.click()
    assert editor.message.isVisible() and editor.message.text()
    assert not COMPLAINT_CATEGORIES.rows(include_inactive=True)[0].active  # theirs stands
    assert editor.model.index(0).data().endswith("(no longer offered)")
    assert editor.toggle_button.text() == "Offer again"
