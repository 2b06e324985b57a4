"""Complaints and the Dashboard, driven as a person would."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from helpdesk import accounts, complaints, config, contacts, customers
from helpdesk.clock import utcnow
from helpdesk.complaints import ComplaintDraft
from helpdesk.customers import Draft
from helpdesk.models import Complaint, ComplaintCategory
from ui.mainwindow import COMPLAINTS, DASHBOARD, SETTINGS, MainWindow


def _window(staff, db_target, qtbot) -> MainWindow:
    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    window.show()
    window.sign_in(staff)
    return window


def _customer(actor, given="Maryam", family="Karimi", phone="0912 345 6789"):
    return customers.create(
        actor, Draft(given_name=given, family_name=family, phones=[("mobile", phone)]), confirm_duplicates=True
    )


def _category(name: str) -> int:
    return ComplaintCategory.get(ComplaintCategory.name_en == name).id


def test_a_call_ending_in_a_complaint_goes_on_to_the_complaint_form(app, staff, supervisor, db_target, qtbot):
    customer = _customer(staff)
    window = _window(staff, db_target, qtbot)
    call = window.start_call(customer_id=customer.id)
    call.notes.setPlainText("The courier was rude at the door.")
    call.outcome.setCurrentIndex(call.outcome.findData("complaint"))
    call.satisfaction_buttons["dissatisfied"].setChecked(True)
    call.save()
    form = window.complaint_dialog
    assert form.isVisible() and form.customer_label.text() == "\u200eMaryam Karimi"
    assert form.description.toPlainText() == "The courier was rude at the door."
    form._submit()
    assert form.isVisible() and form.fields.errors["category"].text() == "This is required."
    form.category.setCurrentIndex(form.category.findData(_category("Staff behaviour and appearance")))
    form.priority.setCurrentIndex(form.priority.findData("high"))
    form.wanted.setPlainText("An apology")
    form._submit()
    stored = Complaint.get()
    assert (stored.customer_id, stored.priority, stored.status, stored.contact_id) == (
        customer.id,
        "high",
        "new",
        contacts.log_page(contacts.LogQuery(), 0, 1)[0].id,
    )
    opened = window.complaint_windows[-1]
    assert opened.title.text() == "Complaint 1: Staff behaviour and appearance"
    assert "first response due" in opened.deadline.text()


def test_staff_escalate_with_a_reason_and_the_supervisor_is_told_at_once(app, staff, supervisor, db_target, qtbot):
    customer = _customer(staff)
    c = complaints.create(
        staff,
        ComplaintDraft(
            customer_id=customer.id, category_id=_category("Price"), description="Charged twice", assignee_id=staff.id
        ),
    )
    desk = _window(staff, db_target, qtbot)
    boss = _window(supervisor, db_target, qtbot)
    window = desk.open_complaint(c.id)
    window.start_button.click()
    assert Complaint.get_by_id(c.id).status == "in_progress"
    dialog = window.escalate()
    dialog._submit()
    assert dialog.isVisible() and dialog.fields.errors["reason"].text() == "Say why it needs a supervisor."
    dialog.reason.setPlainText("Wants a refund above my limit")
    dialog._submit()
    assert not dialog.isVisible()
    assert Complaint.get_by_id(c.id).status == "escalated"
    assert "Escalated" in window.deadline.text()
    assert any("escalated to Sara Supervisor" in window.history.item(i).text() for i in range(window.history.count()))
    # The supervisor's desk hears of it on its next look (every few seconds), in a banner and the tray.
    boss.notifier.check()
    assert boss.banner.isVisible()
    assert boss.banner_text.text() == "Reza Desk escalated complaint 1: Wants a refund above my limit"
    boss.banner_open.click()
    assert boss.complaint_windows[-1].complaint_id == c.id and not boss.banner.isVisible()
    boss.show_page(COMPLAINTS)
    page = boss.complaints_page
    page.show_view("escalated")
    assert [r.id for r in page.model.rows] == [c.id]


def test_only_the_assignee_or_a_supervisor_closes_and_supervisors_recategorise(
    app, staff, supervisor, db_target, qtbot
):
    colleague = accounts.create_account(supervisor, "desk2", "Nima Desk", "staff", "desk2 password")
    c = complaints.create(
        staff, ComplaintDraft(category_id=_category("Price"), description="Too dear", assignee_id=colleague.id)
    )
    complaints.resolve(colleague, c.id, "Explained the offer", "satisfied", True)
    desk = _window(staff, db_target, qtbot)
    window = desk.open_complaint(c.id)
    assert window.close_button.isVisible() and not window.close_button.isEnabled()
    assert not window.manage_box.isVisible()
    boss = _window(supervisor, db_target, qtbot)
    view = boss.open_complaint(c.id)
    assert view.manage_box.isVisible()
    view.category.setCurrentIndex(view.category.findData(_category("Advertising")))
    view.category.activated.emit(view.category.currentIndex())
    assert Complaint.get_by_id(c.id).category_id == _category("Advertising")
    assert view.title.text() == "Complaint 1: Advertising"
    view.close_button.click()
    assert Complaint.get_by_id(c.id).status == "closed"
    assert view.reopen_button.isVisible() and view.reopen_button.isEnabled()


def test_overdue_complaints_stand_out_in_the_list(app, staff, supervisor, db_target, qtbot):
    late = complaints.create(
        staff,
        ComplaintDraft(
            category_id=_category("Price"), priority="urgent", description="No answer for days", assignee_id=staff.id
        ),
    )
    Complaint.update(created_at=utcnow() - timedelta(hours=30)).where(Complaint.id == late.id).execute()
    fresh = complaints.create(
        staff,
        ComplaintDraft(category_id=_category("Other"), priority="urgent", description="Just now", assignee_id=staff.id),
    )
    window = _window(staff, db_target, qtbot)
    window.show_page(COMPLAINTS)
    page = window.complaints_page
    model = page.model
    assert [r.id for r in model.rows] == [late.id, fresh.id]
    assert model.index(0, model.STATUS).data() == "New, overdue"
    assert model.index(0, model.STATUS).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, model.STATUS).data() == "New"
    assert page.count_label.text() == "2 complaints, 1 overdue"
    page.show_view("overdue")
    assert [r.id for r in model.rows] == [late.id]
    page.show_view("all")
    page.category.setCurrentIndex(page.category.findData(_category("Other")))
    assert [r.id for r in model.rows] == [fresh.id]


def test_a_list_longer_than_a_page_counts_them_all_and_scrolls_to_the_last(
    app, staff, supervisor, db_target, qtbot, monkeypatch
):
    """The count is of every complaint in the view, not of those read so far; the table reads the
    next page as the person scrolls down, in the same order, until the last complaint is there."""
    from ui.pages.complaints import ComplaintModel

    monkeypatch.setattr(ComplaintModel, "PAGE", 4)
    made = [
        complaints.create(
            staff,
            ComplaintDraft(
                category_id=_category("Price"),
                priority="low" if n == 7 else "normal",
                description=f"Case {n}",
                assignee_id=staff.id,
            ),
        )
        for n in range(10)
    ]
    # The low one is a week old: overdue, so first, though by priority it would come last.
    Complaint.update(created_at=utcnow() - timedelta(hours=200)).where(Complaint.id == made[7].id).execute()
    window = _window(staff, db_target, qtbot)
    window.show_page(COMPLAINTS)
    page = window.complaints_page
    assert page.count_label.text() == "10 complaints, 1 overdue"
    assert page.model.rowCount() == 4
    assert page.model.rows[0].id == made[7].id
    page.table.setFocus()
    for _ in range(12):
        qtbot.keyClick(page.table, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: page.model.rowCount() == 10)
    assert [r.id for r in page.model.rows] == [made[7].id] + [c.id for n, c in enumerate(made) if n != 7]
    assert page.count_label.text() == "10 complaints, 1 overdue"


def test_the_dashboard_shows_known_figures_and_follows_other_desks(app, staff, supervisor, db_target, qtbot):
    customer = _customer(staff)
    now = utcnow()
    for days, level in (
        (0, "delighted"),
        (2, "satisfied"),
        (3, "satisfied"),
        (10, "dissatisfied"),
        (45, "dissatisfied"),
    ):
        contacts.create(
            staff,
            contacts.ContactDraft(
                customer_id=customer.id, started_at=now - timedelta(days=days), outcome="resolved", satisfaction=level
            ),
        )
    late = complaints.create(
        staff,
        ComplaintDraft(
            customer_id=customer.id,
            category_id=_category("Price"),
            priority="urgent",
            description="x",
            assignee_id=staff.id,
        ),
    )
    Complaint.update(created_at=now - timedelta(hours=30)).where(Complaint.id == late.id).execute()
    complaints.create(staff, ComplaintDraft(category_id=_category("Other"), description="y", assignee_id=staff.id))
    complaints.escalate(staff, late.id, "Angry about the bill", supervisor.id)
    window = _window(supervisor, db_target, qtbot)
    page = window.dashboard_page
    assert window.stack.currentWidget() is page
    assert page.today_tile.value == 1
    assert (page.open_tile.value, page.overdue_tile.value) == (2, 1)
    assert page.mix == {"dissatisfied": 1, "satisfied": 2, "delighted": 1, "not_asked": 0}
    assert [s.value() for s in page.series.slices()] == [1, 2, 1]
    assert page.mix_label.text() == "Of those asked: Dissatisfied 25% · Satisfied 50% · Delighted 25%"
    assert page.escalations.count() == 1 and "Angry about the bill" in page.escalations.item(0).text()
    page.overdue_tile.click()
    assert window.stack.currentIndex() == COMPLAINTS and window.complaints_page.view.currentData() == "overdue"
    window.show_page(DASHBOARD)
    page.escalations.itemActivated.emit(page.escalations.item(0))
    assert window.complaint_windows[-1].complaint_id == late.id
    # Another desk raises a complaint: the Dashboard shows it within 10 seconds without anyone touching it.
    complaints.create(staff, ComplaintDraft(category_id=_category("Other"), description="z", assignee_id=staff.id))
    qtbot.waitUntil(lambda: page.open_tile.value == 3, timeout=10_000)


def test_supervisors_set_targets_and_categories_in_settings(app, supervisor, db_target, qtbot):
    window = _window(supervisor, db_target, qtbot)
    window.show_page(SETTINGS)
    box = window.settings_page.complaint_box
    first, _resolve = box.spins["high"]
    first.setValue(30)
    box.save_targets()
    assert box.targets_message.text() == "The time to resolve cannot be shorter than the time to first response."
    first.setValue(2)
    box.save_targets()
    assert complaints.targets()["high"] == (2, 24)
    box.categories.name_en.setText("Parking")
    box.categories.name_fa.setText("پارکینگ")
    box.categories.add()
    assert complaints.categories()[-1].name("fa") == "پارکینگ"


def test_complaints_are_on_the_customer_timeline(app, staff, db_target, qtbot):
    from ui.mainwindow import CUSTOMERS

    customer = _customer(staff)
    window = _window(staff, db_target, qtbot)
    window.show_page(CUSTOMERS)
    page = window.customers_page
    page.open_customer(customer.id)
    page.profile.complaint_button.click()
    form = window.complaint_dialog
    form.category.setCurrentIndex(form.category.findData(_category("Price")))
    form.description.setPlainText("Billed twice")
    form._submit()
    model = page.profile.timeline.model()
    first = model.index(0, 0)
    assert first.data().endswith("Complaint 1: Price · New · Billed twice")
    page.profile.timeline.activated.emit(first)
    assert window.complaint_windows[-1].complaint_id == Complaint.get().id


def test_a_complaint_opens_again_after_one_was_closed(app, staff, db_target, qtbot):
    """Issue 12: closing a complaint window (deleted on close) and opening another crashed with
    "Internal C++ object (ComplaintWindow) already deleted"."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtTest import QTest

    first = complaints.create(
        staff, ComplaintDraft(category_id=_category("Price"), description="One", assignee_id=staff.id)
    )
    second = complaints.create(
        staff, ComplaintDraft(category_id=_category("Other"), description="Two", assignee_id=staff.id)
    )
    window = _window(staff, db_target, qtbot)
    opened = window.open_complaint(first.id)
    qtbot.waitUntil(opened.isActiveWindow, timeout=3000)
    QTest.keyClick(opened, Qt.Key.Key_Escape)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # Qt deletes the closed window
    again = window.open_complaint(second.id)
    assert again.isVisible() and window.complaint_windows == [again]
    qtbot.waitUntil(again.isActiveWindow, timeout=3000)
    QTest.keyClick(again, Qt.Key.Key_Escape)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.complaint_windows == []
    third = window.open_complaint(first.id)
    assert third.complaint_id == first.id


def test_calm_windows_closed_and_deleted_are_forgotten(app, staff, db_target, qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent

    window = _window(staff, db_target, qtbot)
    first = window.start_calm()
    first.put_away()
    window.draft_store.discard(first.draft_id)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.calm_windows == []
    again = window.start_calm()
    assert window.calm_windows == [again]
    again.put_away()
    window.draft_store.discard(again.draft_id)


def _focus():
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget()


def _press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(_focus(), key, modifier)


def _type(text: str) -> None:
    from PySide6.QtTest import QTest

    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, _focus(), Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def _open_form(window, qtbot):
    form = window.new_complaint()
    qtbot.waitUntil(lambda: _focus() is form.lookup, timeout=3000)
    return form


def test_enter_in_the_customer_box_chooses_the_highlighted_match(app, staff, db_target, qtbot):
    """Issue 12: Enter in the customer box submitted the form instead of choosing the match."""
    maryam = _customer(staff, "Maryam", "Karimi", "0912 345 6789")
    mina = _customer(staff, "Mina", "Karimi", "0912 345 1111")
    window = _window(staff, db_target, qtbot)
    form = _open_form(window, qtbot)
    _type("Karimi")
    assert form.matches.count() == 2
    highlighted = form.matches.currentItem().data(Qt.ItemDataRole.UserRole)
    _press(Qt.Key.Key_Down)  # the other one
    _press(Qt.Key.Key_Up)
    _press(Qt.Key.Key_Down)
    _press(Qt.Key.Key_Return)
    assert form.isVisible() and Complaint.select().count() == 0  # not submitted
    assert form.customer_id != highlighted and form.customer_id in (maryam.id, mina.id)  # the second match
    assert _focus() is form.category and not form.fields.errors["category"].isVisible()


def test_a_single_click_chooses_a_match(app, staff, db_target, qtbot):
    from PySide6.QtTest import QTest

    customer = _customer(staff)
    window = _window(staff, db_target, qtbot)
    form = _open_form(window, qtbot)
    _type("Maryam")
    item = form.matches.item(0)
    rect = form.matches.visualItemRect(item)
    QTest.mouseClick(form.matches.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert form.customer_id == customer.id and form.customer_label.text().endswith("Maryam Karimi")


def test_the_form_shows_every_problem_at_once_and_each_goes_when_fixed(app, staff, db_target, qtbot):
    """Issue 12: old error messages stayed after they were fixed."""
    window = _window(staff, db_target, qtbot)
    form = _open_form(window, qtbot)
    _type("nobody by this name")
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    errors = form.fields.errors
    assert form.isVisible() and Complaint.select().count() == 0
    assert errors["customer"].text().startswith("Choose the customer from the list")
    assert errors["category"].text() == "This is required."
    assert errors["description"].text() == "This is required."
    assert form.message.text() == "Some fields need attention; see the messages next to them."
    assert _focus() is form.lookup  # the first problem
    form.lookup.selectAll()
    _press(Qt.Key.Key_Delete)  # raised without a customer after all
    assert errors["customer"].isHidden() and not errors["category"].isHidden()
    _press(Qt.Key.Key_Tab)
    assert _focus() is form.category
    _press(Qt.Key.Key_Down)
    assert errors["category"].isHidden() and not errors["description"].isHidden()
    _press(Qt.Key.Key_Tab)
    _press(Qt.Key.Key_Tab)
    assert _focus() is form.description
    _type("Waited an hour")
    assert errors["description"].isHidden() and form.message.isHidden()
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    assert Complaint.get().description == "Waited an hour" and Complaint.get().customer_id is None


def test_escape_asks_only_when_something_was_typed(app, staff, db_target, qtbot, monkeypatch):
    from ui import prompts

    window = _window(staff, db_target, qtbot)
    form = _open_form(window, qtbot)
    _press(Qt.Key.Key_Escape)  # nothing typed: it closes without a question
    assert not form.isVisible()
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: asked.append(args[1]) or False)
    form = _open_form(window, qtbot)
    _type("0912")
    _press(Qt.Key.Key_Escape)
    assert asked == ["Discard what you typed?"] and form.isVisible() and form.lookup.text() == "0912"
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: asked.append(args[1]) or True)
    _press(Qt.Key.Key_Escape)
    assert not form.isVisible() and Complaint.select().count() == 0


def test_the_escalation_banner_stays_through_a_language_switch_until_dismissed(
    app, staff, supervisor, db_target, qtbot
):
    """Issue 12: the banner disappeared after a language switch without being dismissed."""
    from ui.app import Controller

    c = complaints.create(
        staff, ComplaintDraft(category_id=_category("Price"), description="Charged twice", assignee_id=staff.id)
    )
    controller = Controller(app, db_target)
    controller.show_window()
    qtbot.addWidget(controller.window)
    controller.signed_in(supervisor)
    complaints.escalate(staff, c.id, "Wants a refund above my limit", supervisor.id)
    controller.window.notifier.check()
    assert not controller.window.banner.isHidden()
    controller.change_language("fa")
    window = controller.window
    qtbot.addWidget(window)
    assert not window.banner.isHidden()
    assert window.banner_text.text() == "Reza Desk شکایت ۱ را ارجاع داد: Wants a refund above my limit"
    window.banner_dismiss.click()
    controller.change_language("en")
    qtbot.addWidget(controller.window)
    assert controller.window.banner.isHidden()  # dismissed stays dismissed
    controller.window.sign_out()


def test_the_complaint_window_opens_in_the_comment_box_and_keeps_a_typed_comment(
    app, staff, db_target, qtbot, monkeypatch
):
    from ui import prompts

    c = complaints.create(
        staff, ComplaintDraft(category_id=_category("Price"), description="One", assignee_id=staff.id)
    )
    window = _window(staff, db_target, qtbot)
    opened = window.open_complaint(c.id)
    qtbot.waitUntil(lambda: _focus() is opened.comment, timeout=3000)
    _type("Called back, no answer")
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: asked.append(args[1]) or False)
    _press(Qt.Key.Key_Escape)
    assert asked == ["Throw away the comment?"] and opened.isVisible()
    assert opened.comment.toPlainText() == "Called back, no answer"
    _press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # adds it
    assert [row.body for row in complaints.thread(c.id)] == ["Called back, no answer"]
    _press(Qt.Key.Key_Escape)  # nothing typed now: no question
    assert asked == ["Throw away the comment?"] and not opened.isVisible()


def test_people_s_words_in_the_other_script_keep_their_full_stop_at_their_own_end(
    persian, staff, supervisor, db_target, qtbot
):
    """An English description in the Persian list reads "The courier was late." left to right, the full stop
    at its end (it showed ".The courier was late"); Persian words are left as they are."""
    customer = customers.create(staff, Draft(given_name="Peter", family_name="Lewis"))
    category = ComplaintCategory.select().first().id
    complaints.create(
        staff,
        ComplaintDraft(
            customer_id=customer.id, category_id=category, description="The courier was late.", assignee_id=staff.id
        ),
    )
    window = _window(staff, db_target, qtbot)
    window.show_page(COMPLAINTS)
    model = window.complaints_page.model
    model_text = {column: model.index(0, column).data() for column in (model.CUSTOMER, model.DESCRIPTION)}
    assert model_text[model.DESCRIPTION] == "\u2068The courier was late.\u2069"
    assert model_text[model.CUSTOMER] == "\u2068Peter Lewis\u2069"
    assert model.index(0, model.ASSIGNEE).data() == "\u2068Reza Desk\u2069"


def test_the_complaint_period_reads_to_not_tc(app, staff, db_target, qtbot):
    window = _window(staff, db_target, qtbot)
    window.resize(900, 600)
    window.show_page(COMPLAINTS)
    page = window.complaints_page
    labels = [
        label for label in page.findChildren(type(page.count_label)) if label.buddy() in (page.date_from, page.date_to)
    ]
    assert [label.text() for label in labels] == ["&From", "&To"]
    for label in labels:  # room for every letter as drawn: the underlined mnemonic apart from the rest
        whole = sum(label.fontMetrics().horizontalAdvance(ch) for ch in label.text().replace("&", ""))
        assert label.width() >= whole, label.text()
