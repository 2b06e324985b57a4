"""The Customers page as a person uses it: search, open, create, edit."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from helpdesk import config
from helpdesk import customers as cs
from helpdesk.models import Customer
from ui import prompts
from ui.dialogs.customer_form import CustomerForm
from ui.mainwindow import MainWindow
from ui.pages.directory_model import DirectoryModel


def type_text(widget, text):
    """Type like a person, one key at a time (keyClicks aborts on non-Latin text)."""
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def make_people(actor):
    org = cs.create(actor, cs.Draft(kind="organisation", organisation="شرکت آرین پخش"))
    maryam = cs.create(
        actor,
        cs.Draft(
            given_name="مریم",
            family_name="کریمی",
            organisation_id=org.id,
            phones=[("mobile", "09123456789")],
            emails=["maryam@example.com"],
        ),
    )
    ali = cs.create(actor, cs.Draft(given_name="Ali", family_name="Rezaei", phones=[("mobile", "09350001122")]))
    return org, maryam, ali


def open_page(staff, db_target, qtbot):
    window = MainWindow(config.describe(db_target))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.sign_in(staff)
    window.show_page(1)
    return window, window.customers_page


def test_search_as_you_type_in_persian_and_open_with_enter(app, staff, db_target, qtbot):
    _, maryam, _ = make_people(staff)
    _window, page = open_page(staff, db_target, qtbot)
    assert page.model.rowCount() == 3
    QTest.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    type_text(page.search, "كريمي")  # Arabic letters find the Persian name
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    # Persian names in the English interface, each isolated in its own direction
    assert page.model.index(0, DirectoryModel.NAME).data() == "\u2068مریم کریمی\u2069"
    assert page.model.index(0, DirectoryModel.ORGANISATION).data() == "\u2068شرکت آرین پخش\u2069"
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.profile and page.profile.customer_id == maryam.id
    assert page.profile.title.text() == "مریم کریمی"
    QTest.keyClick(page.profile, Qt.Key.Key_Escape)
    assert page.stack.currentIndex() == 0


def test_phone_fragment_in_persian_digits_finds_the_caller(app, staff, db_target, qtbot):
    _, _maryam, _ = make_people(staff)
    _, page = open_page(staff, db_target, qtbot)
    type_text(page.search, "۰۹۱۲۳۴۵")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, DirectoryModel.PHONE).data().strip("\u2066\u2069") == "0912 345 6789"


def test_ctrl_n_starts_a_new_customer_from_the_search_text(app, staff, db_target, qtbot):
    make_people(staff)
    _, page = open_page(staff, db_target, qtbot)
    qtbot.keyClicks(page.search, "Neda Amini")
    QTest.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.forms[-1]
    qtbot.addWidget(form)
    assert isinstance(form, CustomerForm)
    assert (form.given_name.text(), form.family_name.text()) == ("Neda", "Amini")
    form.phones.edits()[0].setText("0912 000 11")  # too short
    assert form.phones.rows[0][2].text().startswith("This is not a valid phone number")
    assert form.given_name.text() == "Neda"  # nothing typed is lost
    form.phones.edits()[0].setText("0912 000 1122")
    form.save()
    assert not form.isVisible()
    stored = Customer.get(Customer.family_name == "Amini")
    assert [p.number for p in cs.get(stored.id).phones] == ["+989120001122"]
    assert page.profile.customer_id == stored.id  # the new record is shown


def test_form_shows_each_problem_under_its_field(app, staff, db_target, qtbot, monkeypatch):
    form = CustomerForm(staff)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.given_name, "X")
    form.given_name.clear()
    qtbot.keyClick(form.given_name, Qt.Key.Key_Backspace)
    form.emails.edits()[0].setText("not-an-address")
    assert form.emails.rows[0][2].text().startswith("This is not a valid e-mail address")
    form.org_button.setChecked(True)
    assert form.organisation.isVisibleTo(form) and not form.given_name.isVisibleTo(form)
    form.save()
    assert form.fields.errors["organisation"].text() == "This is required."
    assert Customer.select().count() == 0
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kw: True)  # closing it drops what was typed


def test_possible_duplicate_is_shown_with_a_way_to_open_it(app, staff, db_target, qtbot, monkeypatch):
    _, maryam, _ = make_people(staff)
    _, page = open_page(staff, db_target, qtbot)
    form = page.new_customer()
    qtbot.addWidget(form)
    form.given_name.setText("Someone")
    form.phones.edits()[0].setText("+98 912 345 6789")
    form.save()
    assert form.isVisible() and form.notice.isVisible()
    assert form.message.text() == "This may be a customer we already have."
    labels = [w.text() for w in form.notice.findChildren(type(form.message).__bases__[0])]
    assert any("مریم کریمی" in text and "same phone" in text for text in labels)
    open_button = next(b for b in form.notice.findChildren(type(form.save_button)) if b.text() == "Open")
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kw: asked.append(args[1]) or False)
    open_button.click()  # "Open" asks before what was typed is dropped; "No" keeps the form as typed
    assert asked and page.profile.customer_id != maryam.id
    assert form.isVisible() and form.given_name.text() == "Someone"
    next(b for b in form.notice.findChildren(type(form.save_button)) if b.objectName() == "saveAnyway").click()
    assert not form.isVisible()
    assert Customer.select().where(Customer.given_name == "Someone").count() == 1


def test_edit_conflict_shows_what_the_other_desk_changed(app, staff, supervisor, db_target, qtbot):
    _, maryam, _ = make_people(staff)
    form = CustomerForm(staff, customer_id=maryam.id)
    qtbot.addWidget(form)
    form.show()
    # Meanwhile another desk adds a note.
    record = cs.get(maryam.id)
    cs.update(
        supervisor, maryam.id, cs.Draft(**{**record.draft().__dict__, "notes": "VIP since 2020"}), record.snapshot()
    )
    form.job_title.setText("مدیر فروش")
    form.save()
    assert form.isVisible() and form.message.text() == "Another desk saved this customer while you were editing it."
    summary = " ".join(w.text() for w in form.notice.findChildren(type(form.message).__bases__[0]))
    assert "Notes: VIP since 2020" in summary
    assert Customer.get_by_id(maryam.id).job_title == ""
    next(b for b in form.notice.findChildren(type(form.save_button)) if b.objectName() == "saveMine").click()
    assert not form.isVisible()
    assert Customer.get_by_id(maryam.id).job_title == "مدیر فروش"


def test_profile_timeline_is_newest_first(app, staff, db_target, qtbot):
    _, maryam, _ = make_people(staff)
    record = cs.get(maryam.id)
    cs.update(staff, maryam.id, cs.Draft(**{**record.draft().__dict__, "notes": "first call"}), record.snapshot())
    _, page = open_page(staff, db_target, qtbot)
    page.open_customer(maryam.id)
    model = page.profile.timeline_model
    items = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert "Changed: Notes" in items[0] and "Created" in items[-1]


def test_directory_holds_only_a_window_of_rows(app, staff, db_target, qtbot):
    for i in range(450):
        cs.create(staff, cs.Draft(given_name=f"Person{i:03d}", family_name="Test"), confirm_duplicates=True)
    model = DirectoryModel()
    model.set_query(cs.DirectoryQuery())
    assert model.rowCount() == 100  # the first page at once; the rest once counted, off the UI thread
    qtbot.waitUntil(lambda: model.rowCount() == 450)
    for row in range(0, 450, 7):
        assert model.index(row, DirectoryModel.NAME).data().startswith("Person")
    assert model.pages_held() <= DirectoryModel.KEEP_PAGES
    small = DirectoryModel()
    small.KEEP_PAGES = 2
    small.set_query(cs.DirectoryQuery())
    qtbot.waitUntil(lambda: small.rowCount() == 450)
    for row in range(450):
        assert small.index(row, 0).data()
    assert small.pages_held() == 2
    model.sort(DirectoryModel.NAME, Qt.SortOrder.DescendingOrder)
    assert model.index(0, DirectoryModel.NAME).data() == "Person449 Test"


def test_while_searching_no_column_claims_to_order_the_matches(app, staff, db_target, qtbot):
    make_people(staff)
    _, page = open_page(staff, db_target, qtbot)
    header = page.table.horizontalHeader()
    assert header.isSortIndicatorShown()  # by name
    type_text(page.search, "ali")
    qtbot.waitUntil(lambda: page.model.query.search == "ali")
    assert not header.isSortIndicatorShown()  # best match first, as the service ranks them
    header.sectionClicked.emit(DirectoryModel.NAME)
    page.table.sortByColumn(DirectoryModel.NAME, Qt.SortOrder.AscendingOrder)
    page.apply_filters()
    assert header.isSortIndicatorShown()


def test_save_is_never_greyed_out_it_says_what_is_missing(app, staff, db_target, qtbot, monkeypatch):
    """A greyed-out Save does not say why; pressing it shows every problem at once, each at its field."""
    form = CustomerForm(staff)
    qtbot.addWidget(form)
    form.show()
    type_text(form.phones.edits()[0], "0912 000 11")
    assert form.save_button.isEnabled()
    name_error = form.fields.errors["family_name"]
    assert name_error.isHidden()  # not touched yet: no scolding while typing
    QTest.keyClick(form.save_button, Qt.Key.Key_Space)
    assert name_error.isVisible() and name_error.text()
    assert form.phones.rows[0][2].isVisible()
    assert form.isVisible() and Customer.select().count() == 0
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kw: True)  # closing it drops what was typed


def test_export_says_where_the_file_went_with_the_path_left_to_right(
    persian, staff, supervisor, db_target, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    make_people(staff)
    _, page = open_page(supervisor, db_target, qtbot)  # exporting every customer is for supervisors
    target = tmp_path / "customers.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), ""))
    QTest.keyClick(page.export_button, Qt.Key.Key_Space)
    # The file is written off the UI thread; the line under the table says where when it is done.
    qtbot.waitUntil(lambda: f"\u2066{target}\u2069" in page.count_label.text(), timeout=10_000)
    assert target.exists() and "۳" in page.count_label.text()


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_first_page_shows_at_once_and_the_count_follows(app, staff, db_target, qtbot, lang):
    """A keystroke shows the best hundred at once; how many match in all is counted off the UI thread
    and follows, and the rows beyond the first hundred come with it."""
    from ui import i18n

    for i in range(130):
        cs.create(staff, cs.Draft(given_name=f"Person{i:03d}", family_name="Test"), confirm_duplicates=True)
    i18n.apply_language(app, lang)
    try:
        _, page = open_page(staff, db_target, qtbot)
        expected = {
            "en": ("Customers: more than 100", "Customers: 130", "Customers: 10"),
            "fa": ("مشتریان: بیش از ۱۰۰", "مشتریان: ۱۳۰", "مشتریان: ۱۰"),
        }[lang]
        page.apply_filters()
        assert page.count_label.text() == expected[0] and page.model.rowCount() == 100
        assert page.table.currentIndex().row() == 0  # the best match is chosen at once: Enter opens it
        qtbot.waitUntil(lambda: page.count_label.text() == expected[1])
        assert page.model.rowCount() == 130
        assert page.model.index(129, DirectoryModel.NAME).data().strip("\u2066\u2067\u2068\u2069").startswith("Person")
        page.search.setFocus()
        qtbot.keyClicks(page.search, "person01")  # Person010 … Person019
        qtbot.waitUntil(lambda: page.count_label.text() == expected[2])
        assert page.search.text() == "person01" and page.model.rowCount() == 10
    finally:
        i18n.apply_language(app, "en")


def test_a_model_only_its_counting_task_holds_goes_without_a_crash(app, staff, qtbot):
    """A directory model dropped while it is still being counted is kept by the counting task alone;
    when the count comes, the model goes with the task (once a segfault: its ``destroyed`` reached
    the task in the middle of being freed)."""
    import gc
    import weakref

    from ui import tasks

    for i in range(105):
        cs.create(staff, cs.Draft(given_name=f"Person{i:03d}", family_name="Test"), confirm_duplicates=True)
    model = DirectoryModel()
    model.set_query(cs.DirectoryQuery())
    assert model.is_counting()
    gone = weakref.ref(model)
    del model
    assert tasks.wait_for_all()
    qtbot.waitUntil(lambda: gone() is None or not gone().is_counting())
    gc.collect()
    qtbot.wait(10)
    assert gone() is None  # freed, and the test process is still here to say so


@pytest.mark.parametrize("queries", [1, 2, 5])
def test_the_count_of_the_last_query_comes_however_many_were_cancelled_before_it(app, staff, qtbot, queries):
    """Typing fast asks again before the last count has come: each cancelled count still ends, and
    must not take the newest one's place (it did: the count never came, 'more than 100' stayed)."""
    from ui import tasks

    for i in range(120):
        cs.create(staff, cs.Draft(given_name=f"Person{i:03d}", family_name="Test"), confirm_duplicates=True)
    model = DirectoryModel()
    counts = []
    model.counted.connect(counts.append)
    for _ in range(queries):
        model.set_query(cs.DirectoryQuery(search="person"))
    assert tasks.wait_for_all()
    qtbot.waitUntil(lambda: not model.is_counting())
    assert counts == [120] and model.rowCount() == 120
