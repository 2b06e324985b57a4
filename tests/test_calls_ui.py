"""The call window, the Calls page and the follow-up reminders, driven as a person would."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from helpdesk import accounts, contacts, customers, followups, settings
from helpdesk.clock import utcnow
from helpdesk.customers import Draft
from helpdesk.models import Contact, FollowUp
from tests.helpers import signed_in_window
from ui import prompts
from ui.mainwindow import CALLS, MainWindow


def _type(widget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def _window(staff, db_target, qtbot) -> MainWindow:
    return signed_in_window(staff, db_target, qtbot)


def _customer(actor, phone="0912 345 6789", given="Maryam", family="Karimi"):
    return customers.create(
        actor, Draft(given_name=given, family_name=family, phones=[("mobile", phone)]), confirm_duplicates=True
    )


def _plain(text: str) -> str:
    """What is read on the screen, without the invisible direction marks."""
    return "".join(ch for ch in text if ch not in "\u2066\u2067\u2068\u2069\u200e\u200f")


def _active(qtbot, widget) -> None:
    """Shortcuts reach only the active window."""
    qtbot.waitUntil(widget.isActiveWindow, timeout=3000)


class Clock:
    def __init__(self, start: datetime):
        self.value = start

    def __call__(self) -> datetime:
        return self.value

    def advance(self, seconds: int) -> None:
        self.value += timedelta(seconds=seconds)


def test_f2_starts_a_call_that_finds_the_caller_from_persian_digits(app, staff, db_target, qtbot):
    wanted = _customer(staff)
    _customer(staff, "0935 111 2222", "Ali", "Rahimi")
    window = _window(staff, db_target, qtbot)
    QTest.keyClick(window, Qt.Key.Key_F2)
    assert len(window.call_windows) == 1
    call = window.call_windows[0]
    _active(qtbot, call)
    assert call.lookup.hasFocus()
    assert call.channel.currentData() == "phone" and call.direction.currentData() == "inbound"
    _type(call.lookup, "۰۹۱۲ ۳۴۵ ۶۷")
    qtbot.waitUntil(lambda: call.matches.isVisible() and call.matches.count() == 1)  # once typing pauses
    assert _plain(call.matches.item(0).text()).startswith("Maryam Karimi")
    QTest.keyClick(call.lookup, Qt.Key.Key_Return)
    assert call.customer_id == wanted.id and "Maryam Karimi" in call.customer_label.text()
    assert call.reason.hasFocus()
    _type(call.reason, "Invoice")
    call.notes.setFocus()
    _type(call.notes, "مبلغ فاکتور اشتباه بود")
    call.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    call.checklist.item(1).setCheckState(Qt.CheckState.Checked)
    # Satisfaction is always asked: saving without it says so next to it and keeps the notes.
    QTest.keyClick(call, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert call.isVisible()
    assert call.fields.errors["satisfaction"].text() == "Ask how satisfied the customer is, or choose “Not asked”."
    assert call.fields.errors["outcome"].text() == "This is required."
    assert call.notes.toPlainText() == "مبلغ فاکتور اشتباه بود"
    call.outcome.setCurrentIndex(call.outcome.findData("resolved"))
    call.satisfaction_buttons["delighted"].setChecked(True)
    QTest.keyClick(call, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.call_windows
    stored = Contact.get(Contact.customer == wanted.id)
    assert (stored.reason, stored.notes, stored.satisfaction, stored.staff_id) == (
        "Invoice",
        "مبلغ فاکتور اشتباه بود",
        "delighted",
        staff.id,
    )
    assert json.loads(stored.checklist) == {"version": 1, "ticked": ["answer", "identify"]}
    # It is on the customer's timeline and in the call log.
    assert any(e.kind == "contact" for e in customers.timeline(wanted.id))
    window.show_page(CALLS)
    assert window.calls_page.log.model.rowCount() == 1


def test_a_stranger_is_added_without_leaving_the_call(app, staff, db_target, qtbot):
    window = _window(staff, db_target, qtbot)
    call = window.start_call()
    _type(call.lookup, "0935 777 8888")
    qtbot.waitUntil(lambda: call.matches.count() == 1)  # once typing pauses
    assert "Nobody has this number" in call.matches.item(0).text()
    form = call.new_customer()
    assert form.phones.rows[0][1].text() == "0935 777 8888"
    form.given_name.setText("Kaveh")
    form.family_name.setText("Amini")
    form.save()
    assert call.isVisible() and "Kaveh Amini" in call.customer_label.text()
    assert call.customer_id == customers.find("Kaveh Amini")[0].customer.id


def test_the_timer_runs_to_hang_up_and_the_duration_can_be_corrected(app, staff, db_target, qtbot):
    customer = _customer(staff)
    window = _window(staff, db_target, qtbot)
    call = window.start_call(customer_id=customer.id)
    clock = Clock(call.started_at)
    call.now = clock
    clock.advance(125)
    call._tick()
    assert call.timer_label.text() == "2:05" and not call.duration.isEnabled()
    _active(qtbot, call)
    QTest.keyClick(call, Qt.Key.Key_F8)
    clock.advance(300)
    call._tick()
    assert call.timer_label.text() == "2:05" and call.state_label.text() == "Call ended"
    assert call.duration.isEnabled() and call.duration.text() == "2:05"
    call.duration.clear()
    QTest.keyClicks(call.duration, "x:1")
    call.outcome.setCurrentIndex(call.outcome.findData("information_given"))
    call.satisfaction_buttons["not_asked"].setChecked(True)
    call.save()
    assert call.fields.errors["duration"].isVisible()
    call.duration.clear()
    QTest.keyClicks(call.duration, "3:30")
    call.save()
    stored = Contact.get(Contact.customer == customer.id)
    assert (stored.duration_seconds, stored.satisfaction) == (210, "not_asked")


def test_hold_reminds_after_the_configured_seconds_and_is_recorded(app, supervisor, db_target, qtbot):
    settings.set_value(supervisor, "hold_reminder_seconds", 20)
    customer = _customer(supervisor)
    window = _window(supervisor, db_target, qtbot)
    call = window.start_call(customer_id=customer.id)
    clock = Clock(call.started_at)
    call.now = clock
    reminders = []
    call.hold_reminded.connect(lambda: reminders.append(clock.value))
    clock.advance(30)
    _active(qtbot, call)
    QTest.keyClick(call, Qt.Key.Key_F6)
    assert call.hold_button.isChecked() and _plain(call.state_label.text()).startswith("On hold for 0:00")
    clock.advance(19)
    call._tick()
    assert not call.reminder.isVisible() and reminders == []
    clock.advance(1)
    call._tick()
    call._tick()
    assert call.reminder.isVisible() and "waiting for 0:20" in _plain(call.reminder.text())
    assert len(reminders) == 1  # said once per hold, not on every tick
    clock.advance(5)
    call.hold_button.click()  # back to the caller
    assert not call.reminder.isVisible() and call.hold_button.text() == "&Hold (F6)"
    clock.advance(60)
    call.hold_button.click()
    clock.advance(10)
    call._tick()
    assert not call.reminder.isVisible()
    call.hang_up()
    call.outcome.setCurrentIndex(call.outcome.findData("resolved"))
    call.satisfaction_buttons["satisfied"].setChecked(True)
    call.save()
    stored = Contact.get(Contact.customer == customer.id)
    assert (stored.hold_seconds, stored.hold_count, stored.duration_seconds) == (35, 2, 125)


def test_the_follow_up_queue_shows_overdue_first_and_a_callback_completes_it(app, staff, db_target, qtbot):
    customer = _customer(staff)
    now = utcnow()
    late = followups.create(staff, customer.id, now - timedelta(hours=2), staff.id, "Send the new invoice")
    due = followups.create(staff, customer.id, now + timedelta(minutes=1), staff.id, "Confirm delivery time")
    window = _window(staff, db_target, qtbot)
    # The Dashboard (the first page) and the Calls page both show the queue.
    for page in (window.dashboard_page, window.calls_page):
        queue = page.queue
        assert queue.title.text() == "1 overdue, 1 due today"
        model = queue.model
        assert [model.index(r, model.STATE).data() for r in range(model.rowCount())] == ["Overdue", "Due"]
        assert model.index(0, model.PROMISE).data() == "Callback: Send the new invoice"
        assert model.index(0, model.STATE).data(Qt.ItemDataRole.FontRole).bold()
    assert window.nav.item(CALLS).text() == "Calls (1 overdue)"
    window.show_page(CALLS)
    queue = window.calls_page.queue
    queue.table.setFocus()
    QTest.keyClick(queue.table, Qt.Key.Key_Return)  # call back the selected (oldest) one
    call = window.call_windows[-1]
    assert (call.customer_id, call.direction.currentData(), call.follow_up_of) == (customer.id, "outbound", late.id)
    assert call.windowTitle().startswith("Callback")
    assert call.reason.text() == "Send the new invoice"
    call.notes.setPlainText("Sent it while on the phone.")
    call.outcome.setCurrentIndex(call.outcome.findData("resolved"))
    call.satisfaction_buttons["satisfied"].setChecked(True)
    call.save()
    done = FollowUp.get_by_id(late.id)
    assert done.status == "done" and Contact.get_by_id(done.done_contact_id).direction == "outbound"
    assert [r.id for r in queue.model.rows] == [due.id]
    assert window.nav.item(CALLS).text() == "Calls"


def test_a_follow_up_coming_due_is_announced(app, staff, db_target, qtbot):
    customer = _customer(staff)
    window = _window(staff, db_target, qtbot)
    notifier = window.notifier
    start = utcnow()
    notifier.last_checked = start
    followups.create(staff, customer.id, start + timedelta(minutes=10), staff.id, "Price for 20 chairs")
    notifier.now = lambda: start + timedelta(minutes=5)
    assert notifier.check() == [] and notifier.shown == []
    notifier.now = lambda: start + timedelta(minutes=10, seconds=20)
    with qtbot.waitSignal(notifier.came_due):
        notifier.check()
    assert notifier.shown == [("A follow-up is due", "Maryam Karimi: Price for 20 chairs")]
    assert notifier.check() == []  # once only
    assert "A follow-up is due" in window.statusBar().currentMessage()


def test_staff_cannot_change_someone_elses_call_but_a_supervisor_can(app, staff, supervisor, db_target, qtbot):
    customer = _customer(supervisor)
    contact = contacts.create(
        supervisor,
        contacts.ContactDraft(
            customer_id=customer.id,
            started_at=utcnow(),
            reason="Price",
            notes="Quoted 120",
            outcome="resolved",
            satisfaction="satisfied",
        ),
    )
    window = _window(staff, db_target, qtbot)
    viewer = window.open_contact(contact.id)
    assert viewer.notes.isReadOnly() and not viewer.save_button.isVisible()
    assert "Only Sara Supervisor or a supervisor can change it." in viewer.notice.text()
    viewer.close()
    boss = _window(supervisor, db_target, qtbot)
    editor = boss.open_contact(contact.id)
    assert not editor.notes.isReadOnly()
    editor.notes.setPlainText("Quoted 120, discount 10%")
    editor.save()
    assert Contact.get_by_id(contact.id).notes == "Quoted 120, discount 10%"


def test_the_call_log_filters_and_searches_from_the_keyboard(app, staff, supervisor, db_target, qtbot):
    customer = _customer(staff)
    now = utcnow()
    for who, notes, channel in (
        (staff, "Parcel arrived damaged", "phone"),
        (staff, "Paid in person", "walk_in"),
        (supervisor, "Asked for a catalogue", "email"),
    ):
        contacts.create(
            who,
            contacts.ContactDraft(
                customer_id=customer.id,
                channel=channel,
                started_at=now,
                notes=notes,
                outcome="resolved",
                satisfaction="satisfied",
            ),
        )
    window = _window(staff, db_target, qtbot)
    window.show_page(CALLS)
    log = window.calls_page.log
    assert log.count_label.text() == "3 contacts"
    log.search.setFocus()
    _type(log.search, "damaged")
    qtbot.waitUntil(lambda: log.count_label.text() == "1 contacts")
    log.search.clear()
    log.channel.setCurrentIndex(log.channel.findData("walk_in"))
    assert log.model.rowCount() == 1
    assert log.model.index(0, log.model.KIND).data() == "Walk-in visit"
    log.channel.setCurrentIndex(0)
    log.staff.setCurrentIndex(log.staff.findData(supervisor.id))
    assert log.model.rowCount() == 1
    log.table.setFocus()
    QTest.keyClick(log.table, Qt.Key.Key_Return)
    assert window.call_windows[-1].notes.toPlainText() == "Asked for a catalogue"


def test_closing_an_unsaved_call_asks_and_keeps_it_when_told_no(app, staff, db_target, qtbot, monkeypatch, draft_dir):
    window = _window(staff, db_target, qtbot)
    call = window.start_call()
    _type(call.notes, "half a sentence")
    call.autosave()
    answers = [False]
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: answers.pop(0))
    call.close()
    assert call.isVisible() and call.notes.toPlainText() == "half a sentence"
    assert len(list(draft_dir.glob("*.json"))) == 1
    answers.append(True)
    call.close()
    assert not list(draft_dir.glob("*.json"))


def test_signing_out_keeps_a_call_in_progress_for_the_next_sign_in(app, staff, db_target, qtbot, monkeypatch):
    window = _window(staff, db_target, qtbot)
    call = window.start_call()
    _type(call.notes, "still talking")
    window.sign_out()
    assert not window.call_windows
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: True)
    window.sign_in(accounts.authenticate("desk1", "desk password"))
    qtbot.waitUntil(lambda: bool(window.call_windows))
    assert window.call_windows[0].notes.toPlainText() == "still talking"


def test_the_profile_starts_a_call_and_its_timeline_opens_the_contact(app, staff, db_target, qtbot):
    from ui.mainwindow import CUSTOMERS

    customer = _customer(staff)
    window = _window(staff, db_target, qtbot)
    window.show_page(CUSTOMERS)
    page = window.customers_page
    page.open_customer(customer.id)
    page.profile.call_button.click()
    call = window.call_windows[-1]
    assert call.customer_id == customer.id
    call.reason.setText("Opening hours")
    call.outcome.setCurrentIndex(call.outcome.findData("information_given"))
    call.satisfaction_buttons["satisfied"].setChecked(True)
    call.save()
    timeline = page.profile.timeline
    texts = [timeline.model().index(r, 0).data() for r in range(timeline.model().rowCount())]
    assert "Phone call (Inbound) · Opening hours · Information given, Satisfied · " in _plain(texts[0])
    assert _plain(texts[0]).endswith(" · Reza Desk")
    timeline.setCurrentIndex(timeline.model().index(0, 0))
    timeline.activated.emit(timeline.model().index(0, 0))
    assert window.call_windows[-1].contact_id == Contact.get(Contact.customer == customer.id).id


def _drop(call) -> None:
    """Close a call the test has finished with, without a question and without leaving a draft."""
    call.store.discard(call.draft_id)
    call.finished_ok = True
    call.close()


def _focused():
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget()


def test_a_callback_starts_with_the_typing_in_the_notes_not_on_hold(app, staff, db_target, qtbot):
    customer = _customer(staff)
    followups.create(staff, customer.id, utcnow() - timedelta(hours=1), staff.id, "Send the new invoice")
    window = _window(staff, db_target, qtbot)
    window.show_page(CALLS)
    queue = window.calls_page.queue
    queue.table.setFocus()
    QTest.keyClick(queue.table, Qt.Key.Key_Return)
    call = window.call_windows[-1]
    _active(qtbot, call)
    _type(_focused(), "Sent it, he said thanks")
    assert call.notes.toPlainText() == "Sent it, he said thanks"
    assert not call.hold_button.isChecked() and call.hold_count == 0


def test_a_new_call_from_the_profile_by_button_or_f2_has_the_customer_and_the_notes_ready(app, staff, db_target, qtbot):
    from ui.mainwindow import CUSTOMERS

    customer = _customer(staff)
    window = _window(staff, db_target, qtbot)
    window.show_page(CUSTOMERS)
    window.customers_page.open_customer(customer.id)
    window.finish_setting_up()
    _active(qtbot, window)
    QTest.keyClick(_focused() or window, Qt.Key.Key_F2)
    assert len(window.call_windows) == 1
    call = window.call_windows[-1]
    assert call.customer_id == customer.id and call.channel.currentData() == "phone"
    _active(qtbot, call)
    _type(_focused(), "Asked for the catalogue")
    assert call.notes.toPlainText() == "Asked for the catalogue" and not call.hold_button.isChecked()
    _drop(call)
    window.customers_page.profile.call_button.click()
    second = window.call_windows[-1]
    _active(qtbot, second)
    assert second.customer_id == customer.id and second.notes.hasFocus()
    _drop(second)
    # Elsewhere F2 starts a call with nobody chosen yet, typing in the caller box.
    window.show_page(CALLS)
    window.activateWindow()
    _active(qtbot, window)
    QTest.keyClick(_focused() or window, Qt.Key.Key_F2)
    third = window.call_windows[-1]
    _active(qtbot, third)
    assert third.customer_id is None and third.lookup.hasFocus()
    _drop(third)


def test_ctrl_s_on_an_incomplete_call_changes_nothing_and_the_call_goes_on(app, staff, db_target, qtbot):
    customer = _customer(staff)
    window = _window(staff, db_target, qtbot)
    call = window.start_call(customer_id=customer.id)
    clock = Clock(call.started_at)
    call.now = clock
    _active(qtbot, call)
    clock.advance(60)
    _type(_focused(), "Wants a refund")
    QTest.keyClick(_focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # Refused, and nothing changed: still on the call, the timer running, every problem shown at once.
    assert call.running and call.hang_up_button.isEnabled() and call.state_label.text() == "On the call"
    assert call.fields.errors["outcome"].isVisible() and call.fields.errors["satisfaction"].isVisible()
    assert call.notes.toPlainText() == "Wants a refund" and Contact.select().count() == 0
    clock.advance(60)
    call._tick()
    assert call.timer_label.text() == "2:00"
    call.outcome.setCurrentIndex(call.outcome.findData("resolved"))
    call.satisfaction_buttons["satisfied"].setChecked(True)
    QTest.keyClick(_focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = Contact.get(Contact.customer == customer.id)
    assert (stored.duration_seconds, stored.notes) == (120, "Wants a refund")
    assert not window.call_windows


def test_a_walk_in_visit_speaks_of_a_visitor_and_has_its_own_checklist(app, staff, db_target, qtbot):
    from helpdesk import checklists

    window = _window(staff, db_target, qtbot)
    visit = window.start_call("walk_in", "inbound")
    texts = [
        visit.caller_box.title(),
        visit.state_label.text(),
        visit.hold_button.text(),
        visit.hang_up_button.text(),
        visit.checklist_box.title(),
    ]
    assert texts == ["Visitor", "Visit in progress", "Step &away (F6)", "&End visit (F8)", "At the desk (F7)"]
    assert not any(word in " ".join(texts) for word in ("call", "Caller", "Hold", "Hang"))
    steps = [visit.checklist.item(i).text() for i in range(visit.checklist.count())]
    assert steps[0] == "1. Greet them as they come in and offer a seat"
    assert not any("ring" in step for step in steps)
    assert visit.checklist_def == checklists.load("walk_in") and not visit.direction.isVisibleTo(visit)
    _drop(visit)
    call = window.start_call()
    assert (call.caller_box.title(), call.state_label.text()) == ("Caller", "On the call")
    assert call.checklist.item(0).text().startswith("1. Answer within three rings")
    _drop(call)


def test_the_walk_in_checklist_is_versioned_and_bilingual_like_the_phone_one():
    import json as _json

    from helpdesk import checklists

    folder = checklists.FOLDER
    phone = _json.loads((folder / "phone_etiquette.json").read_text(encoding="utf-8"))
    visit = _json.loads((folder / "walk_in.json").read_text(encoding="utf-8"))
    assert set(visit) == set(phone) and visit["id"] == "walk_in" and isinstance(visit["version"], int)
    ids = [i["id"] for i in visit["items"]]
    assert ids[:4] == ["greet", "name", "identify", "listen"] and "next_step" in ids and "thank" in ids
    assert len(set(ids)) == len(ids)
    for item in visit["items"]:
        assert set(item) == {"id", "en", "fa"} and item["en"].strip() and item["fa"].strip()
        assert "ي" not in item["fa"] and "ك" not in item["fa"]  # Persian letters, not Arabic


@pytest.mark.dates
def test_a_promised_follow_up_defaults_to_office_hours(app, staff, db_target, qtbot, clock):
    import os
    from datetime import datetime as _datetime
    from zoneinfo import ZoneInfo

    office = ZoneInfo(os.environ.get("HELPDESK_TEST_TZ", "Asia/Tehran"))
    clock.move_to(_datetime(2026, 11, 27, 19, 40, tzinfo=office))  # Friday evening at the office
    window = _window(staff, db_target, qtbot)
    call = window.start_call()
    due = call.follow_due.dateTime().toPython()
    assert (due.date().isoformat(), due.hour, due.minute) == ("2026-11-28", 10, 0)  # Saturday morning
    _drop(call)


@pytest.mark.dates
def test_the_call_log_filters_are_not_squeezed_and_follow_the_readers_calendar(app, staff, db_target, qtbot):
    from helpdesk.clock import to_local
    from helpdesk.localization import to_jalali
    from ui import i18n

    for lang in ("en", "fa"):
        i18n.apply_language(app, lang)
        window = _window(staff, db_target, qtbot)
        window.show_page(CALLS)
        log = window.calls_page.log
        for label in log.findChildren(type(log.count_label)):
            if label.buddy() in (log.date_from, log.date_to):
                # "To", not "Tc": room for every letter as drawn, the underlined mnemonic apart from the rest
                whole = sum(label.fontMetrics().horizontalAdvance(ch) for ch in label.text().replace("&", ""))
                assert label.width() >= max(whole, label.sizeHint().width()), label.text()
        today = to_local(utcnow()).date()
        first = log.date_from.date().toPython()
        assert log.date_to.date().toPython() == today
        if lang == "fa":  # this month and the last one, by Jalali months
            assert to_jalali(first).day == 1 and 29 <= (today - first).days + to_jalali(first).day <= 62
        else:
            assert first.day == 1 and 28 <= (today - first).days + 1 <= 62
    i18n.apply_language(app, "en")


@pytest.mark.dates
def test_every_list_filter_takes_today_from_the_clock_and_months_from_the_readers_calendar(
    app, supervisor, db_target, qtbot
):
    """The complaints and calm-down lists start their periods on a month's first day: a Jalali month in
    Persian, and end today as helpdesk.clock has it (the tests move it; Qt's own clock they cannot)."""
    from helpdesk.clock import to_local
    from helpdesk.localization import to_jalali
    from ui import i18n
    from ui.pages.calm_sessions import SessionList
    from ui.pages.complaints import ComplaintsPage

    today = to_local(utcnow()).date()
    for lang in ("en", "fa"):
        i18n.apply_language(app, lang)
        complaints_page = ComplaintsPage(supervisor)
        sessions = SessionList(supervisor)
        qtbot.addWidget(complaints_page)
        qtbot.addWidget(sessions)
        for page, back in ((complaints_page, 5 * 365), (sessions, 90)):
            first = page.date_from.date().toPython()
            assert page.date_to.date().toPython() == today
            assert (to_jalali(first).day if lang == "fa" else first.day) == 1
            assert back <= (today - first).days <= back + 31
    i18n.apply_language(app, "en")


def test_an_unfinished_walk_in_is_offered_back_as_a_visit(app, staff, db_target, qtbot, monkeypatch):
    window = _window(staff, db_target, qtbot)
    visit = window.start_call(channel="walk_in")
    _type(visit.notes, "asked about a refund")
    window.sign_out()
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text, default_yes=False: asked.append(title) or True)
    window.sign_in(accounts.authenticate("desk1", "desk password"))
    qtbot.waitUntil(lambda: bool(window.call_windows))
    assert asked == ["Restore the unfinished visit?"]
    assert window.call_windows[0].notes.toPlainText() == "asked about a refund"


@pytest.mark.parametrize("language, comma, other", [("app", ", ", "، "), ("persian", "، ", ", ")])
def test_a_callers_numbers_are_listed_as_the_reader_lists_them(
    language, comma, other, request, staff, db_target, qtbot
):
    """Two numbers read "a, b" in English and «الف، ب» in Persian, in the matches and once chosen."""
    request.getfixturevalue(language)
    customers.create(
        staff,
        Draft(
            given_name="Maryam", family_name="Karimi", phones=[("mobile", "0912 345 6789"), ("work", "021 8877 6655")]
        ),
        confirm_duplicates=True,
    )
    window = _window(staff, db_target, qtbot)
    call = window.start_call()
    _type(call.lookup, "Karimi")
    call._look_up(call.lookup.text())
    match = _plain(call.matches.item(0).text())
    assert comma in match and other not in match
    call._choose_first_match()
    chosen = _plain(call.customer_label.text())
    assert comma in chosen and other not in chosen
