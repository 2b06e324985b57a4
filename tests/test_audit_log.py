"""The audit log (issue 14, item 6): supervisors read who changed what and when, newest first,
filtered, page by page, before and after side by side, and export it to CSV."""

from __future__ import annotations

import csv
import json
import os
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from helpers import signed_in_window
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from helpdesk import accounts, audit_log
from helpdesk import customers as cs
from helpdesk.audit_log import AuditFilter
from helpdesk.clock import to_local, utcnow
from helpdesk.db import database
from helpdesk.errors import AuthenticationFailed, PermissionDenied
from helpdesk.models import AuditEntry


def _customer(actor, **fields):
    return cs.create(
        actor,
        cs.Draft(
            given_name=fields.pop("given_name", "Maryam"), family_name=fields.pop("family_name", "Karimi"), **fields
        ),
        confirm_duplicates=True,
    )


def _edit(actor, customer_id, **fields):
    record = cs.get(customer_id)
    draft = record.draft()
    for name, value in fields.items():
        setattr(draft, name, value)
    return cs.update(actor, customer_id, draft, record.snapshot(), confirm_duplicates=True)


def _ids(rows):
    return [row.id for row in rows]


# --- the service -----------------------------------------------------------------------


def test_filters_by_person_kind_record_action_and_period(supervisor, staff, clock):
    accounts.authenticate("desk1", "desk password")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("desk1", "not the password")
    first = _customer(staff, job_title="Buyer")
    _edit(staff, first.id, job_title="Head buyer")
    clock.shift(timedelta(days=3))
    second = _customer(supervisor, given_name="Ali", family_name="Rahimi")

    everything = audit_log.page(supervisor)
    assert _ids(everything) == sorted(_ids(everything), reverse=True)  # newest first
    assert len(everything) == AuditEntry.select().count()

    reza = audit_log.page(supervisor, AuditFilter(person=staff.id))
    # Their own changes and their tries at signing in (which have no actor: the account is the record).
    assert [(e.action, e.kind) for e in reza] == [
        ("update", "customer"),
        ("create", "customer"),
        ("sign_in_failed", "staff"),
        ("sign_in", "staff"),
    ]
    assert [e.who for e in reza] == ["Reza Desk", "Reza Desk", "desk1", "desk1"]

    of_first = audit_log.page(supervisor, AuditFilter(kind="customer", record=str(first.id)))
    assert [e.action for e in of_first] == ["update", "create"]
    assert of_first[0].changed() == ["job_title"]
    assert [e.record for e in audit_log.page(supervisor, AuditFilter(kind="customer"))] == [
        str(second.id),
        str(first.id),
        str(first.id),
    ]
    assert [e.kind for e in audit_log.page(supervisor, AuditFilter(action="sign_in_failed"))] == ["staff"]

    # A period in the person's calendar: the day of the second customer only.
    day = to_local(utcnow()).date()
    since, until = audit_log.local_period(day, day)
    assert [e.record for e in audit_log.page(supervisor, AuditFilter(kind="customer", since=since, until=until))] == [
        str(second.id)
    ]
    since, until = audit_log.local_period(day - timedelta(days=10), day - timedelta(days=1))
    assert [e.action for e in audit_log.page(supervisor, AuditFilter(kind="customer", since=since, until=until))] == [
        "update",
        "create",
    ]
    assert audit_log.count(supervisor, AuditFilter(person=staff.id)) == 4


def test_local_days_are_the_offices_days(db):
    """In Tehran (UTC+3:30) 16 June starts at 20:30 UTC the day before."""
    zone = ZoneInfo(os.environ["HELPDESK_TEST_TZ"])
    since, until = audit_log.local_period(datetime(2026, 6, 16).date(), datetime(2026, 6, 16).date())
    expected = [datetime(2026, 6, d, tzinfo=zone).astimezone(timezone.utc).replace(tzinfo=None) for d in (16, 17)]
    assert [since, until] == expected


def test_an_entry_says_which_fields_changed(supervisor, staff):
    customer = _customer(staff, job_title="Buyer", notes="Prefers calls")
    _edit(staff, customer.id, notes="Prefers e-mail")
    latest = audit_log.page(supervisor, limit=1)[0]
    assert latest.changed() == ["notes"]  # not its version or its time of change
    fields = {f.name: f for f in latest.fields()}
    assert (fields["notes"].before, fields["notes"].after, fields["notes"].changed) == (
        "Prefers calls",
        "Prefers e-mail",
        True,
    )
    assert not fields["job_title"].changed
    assert audit_log.get(supervisor, latest.id) == latest


def test_staff_are_refused_by_the_service(supervisor, staff, tmp_path):
    for call in (
        lambda: audit_log.page(staff),
        lambda: audit_log.count(staff),
        lambda: audit_log.people(staff),
        lambda: audit_log.kinds(staff),
        lambda: audit_log.actions(staff),
        lambda: audit_log.get(staff, 1),
        lambda: list(audit_log.entries(staff)),
        lambda: audit_log.export(staff, AuditFilter(), tmp_path / "a.csv"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert not (tmp_path / "a.csv").exists()


def test_a_supervisor_demoted_on_another_desk_is_refused_at_once(supervisor, staff):
    other = accounts.create_account(supervisor, "boss2", "Nima Second", "supervisor", "second password")
    audit_log.page(other)
    from helpdesk.models import Staff

    Staff.update(role="staff").where(Staff.id == other.id).execute()  # as another desk would
    with pytest.raises(PermissionDenied):
        audit_log.page(other)


def _bulk_entries(actor_id: int, number: int) -> None:
    """``number`` entries in one statement (rows made by the database: 100,000 in a second or two),
    as audit.record writes them: an update of one of 977 customers' notes, a minute apart."""
    start = utcnow() - timedelta(days=400)
    database.execute_sql(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "  # noqa: UP031 - the SQL holds JSON braces that format() would take
        "INSERT INTO audit_entry (at, actor_id, action, table_name, record_id, before, after) "
        "SELECT %s, %s, 'update', 'customer', CAST(i - i / 977 * 977 AS VARCHAR(64)), "
        "'{\"notes\": \"' || CAST(i AS VARCHAR(20)) || '\"}', '{\"notes\": \"' || CAST(i AS VARCHAR(20)) || '!\"}' "
        "FROM n" % (number - 1, database.param, database.param),
        (start, actor_id),
    )


def test_a_hundred_thousand_entries_page_by_key_contiguous_newest_first(supervisor):
    _bulk_entries(supervisor.id, 100_000)
    all_ids = [row[0] for row in AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id.desc()).tuples()]
    assert len(all_ids) >= 100_000
    seen, last = [], None
    while True:
        rows = audit_log.page(supervisor, after_id=last, limit=audit_log.PAGE)
        if not rows:
            break
        assert _ids(rows) == sorted(_ids(rows), reverse=True)
        if seen:
            assert rows[0].id < seen[-1]
        seen.extend(_ids(rows))
        last = rows[-1].id
    assert seen == all_ids  # every entry once, in order: no duplicates, no gaps
    # A jump down the list (a dragged scroll bar) by position finds the same page as walking there.
    assert _ids(audit_log.page(supervisor, offset=52_300, limit=100)) == all_ids[52_300:52_400]
    # Filtered, the same: one record's entries, walked by key.
    wanted = AuditFilter(kind="customer", record="5")
    walked, last = [], None
    while rows := audit_log.page(supervisor, wanted, after_id=last, limit=37):
        walked.extend(_ids(rows))
        last = rows[-1].id
    expected = [
        row[0]
        for row in AuditEntry.select(AuditEntry.id)
        .where((AuditEntry.table_name == "customer") & (AuditEntry.record_id == "5"))
        .order_by(AuditEntry.id.desc())
        .tuples()
    ]
    assert walked == expected and len(expected) > 100
    assert audit_log.count(supervisor, wanted) == len(expected)


def test_export_writes_the_filtered_entries_and_formulas_as_text(supervisor, staff, tmp_path):
    from helpdesk import csv_io

    customer = _customer(staff, given_name='=HYPERLINK("http://x")', family_name="Karimi")
    _edit(staff, customer.id, notes="+98 912 000 0000")
    _customer(supervisor, given_name="Ali")
    target = tmp_path / "audit.csv"
    written = audit_log.export(supervisor, AuditFilter(person=staff.id, kind="customer"), target)
    assert written == 2
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(audit_log.EXPORT_COLUMNS)
    body = [dict(zip(rows[0], row)) for row in rows[1:]]
    assert [(r["action"], r["record"], r["person"]) for r in body] == [
        ("update", str(customer.id), "Reza Desk"),
        ("create", str(customer.id), "Reza Desk"),
    ]
    assert body[0]["changed_fields"] == "notes"
    assert json.loads(body[0]["after"])["notes"] == "+98 912 000 0000"
    # No cell starts a formula: a spreadsheet shows each as the text it is.
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert json.loads(body[1]["after"])["given_name"] == '=HYPERLINK("http://x")'
    assert csv_io.spreadsheet_safe(body[1]["time_local"]) == body[1]["time_local"]


def test_sign_ins_and_restores_read_as_sentences(app, supervisor, staff):
    from ui.pages.audit_log import describe, record_text

    accounts.authenticate("desk1", "desk password")
    for name in ("desk1", "nobody"):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(name, "wrong password")
    # As helpdesk/backups.py records a restore: against the database (its file's name), who, from what.
    AuditEntry.create(
        at=utcnow(),
        actor=supervisor.id,
        action="restore",
        table_name="database",
        record_id="helpdesk.sqlite",
        before=None,
        after=json.dumps(
            {
                "backup": "/backups/helpdesk-2026-06-15.sqlite",
                "by": "boss",
                "kept_aside": "/data/helpdesk.before-restore-20260616-1030.sqlite",
            }
        ),
    )
    entries = audit_log.page(supervisor, limit=4)
    assert (entries[0].who, record_text(entries[0])) == ("Sara Supervisor", "Database \u2066helpdesk.sqlite\u2069")
    said = [describe(e) for e in entries]
    assert said == [
        "Database restored from \u2066/backups/helpdesk-2026-06-15.sqlite\u2069",
        "Failed sign-in: no such account",
        "Failed sign-in: wrong password (1 in a row)",
        "Signed in",
    ]


# --- the page ----------------------------------------------------------------------


def _open_log(person, db_target, qtbot):
    from ui.mainwindow import AUDIT_LOG

    window = signed_in_window(person, db_target, qtbot)
    QTest.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.page(AUDIT_LOG)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    return window, page


def _type(widget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def test_a_supervisor_filters_by_person_and_sees_before_and_after(app, supervisor, staff, db_target, qtbot):
    long_note = "Prefers e-mail after 5 pm; " + "calls only about the invoice, never about the delivery. " * 3
    customer = _customer(staff, job_title="Buyer", notes="Prefers calls")
    _edit(staff, customer.id, notes=long_note)
    _customer(supervisor, given_name="Ali", family_name="Rahimi")
    _window, page = _open_log(supervisor, db_target, qtbot)
    assert app.focusWidget() in (page.person, page.person.lineEdit())  # typing goes to the person filter
    assert page.model.rowCount() == AuditEntry.select().count()

    _type(app.focusWidget(), "reza")
    assert page.person.lineEdit().text().casefold().startswith("reza")
    QTest.keyClick(app.focusWidget(), Qt.Key.Key_Return)
    assert app.focusWidget() is page.table  # on to the entries
    whats = [page.model.index(r, page.model.WHAT).data() for r in range(page.model.rowCount())]
    assert whats == ["Changed", "Created"]
    assert page.detail.heading.text().startswith("Changed — Customer")
    assert page.detail.marked_fields() == ["Notes"]
    rows = {row[0]: row[1:] for row in page.detail.row_texts()}
    assert rows["● Notes"] == ("Prefers calls", long_note.strip())  # whole, not cut as in a one-line message
    assert rows["Job title"] == ("Buyer", "Buyer")

    QTest.keyClick(page.table, Qt.Key.Key_Down)
    assert page.detail.heading.text().startswith("Created — Customer")
    assert page.detail.marked_fields() == []  # a new record: no before to compare with
    assert {r[0]: r[2] for r in page.detail.row_texts()}["Notes"] == "Prefers calls"
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert app.focusWidget() is page.detail.fields
    QTest.keyClick(page.detail.fields, Qt.Key.Key_Escape)
    assert app.focusWidget() is page.table


def test_the_list_scrolls_a_window_of_pages(app, supervisor, db_target, qtbot):
    _bulk_entries(supervisor.id, 5_000)
    _window, page = _open_log(supervisor, db_target, qtbot)
    qtbot.waitUntil(lambda: not page.model.is_counting())
    total = AuditEntry.select().count()
    assert page.model.rowCount() == total
    assert page.count_label.text() == f"Entries: {total}"
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    oldest = AuditEntry.select().order_by(AuditEntry.id).first()
    assert page.detail.entry.id == oldest.id
    QTest.keyClick(page.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(250):
        QTest.keyClick(page.table, Qt.Key.Key_Down)
    ids = [page.model.index(r, 0).data(page.model.IdRole) for r in range(400)]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 400
    assert page.model.pages_held() <= page.model.KEEP_PAGES


def test_the_audit_log_in_persian(persian, supervisor, staff, db_target, qtbot, clock):
    clock.move_to(datetime(2026, 6, 16, 10, 30, tzinfo=ZoneInfo(os.environ["HELPDESK_TEST_TZ"])))  # 26 Khordad 1405
    customer = _customer(staff, job_title="Buyer")
    _edit(staff, customer.id, job_title="Head buyer")
    _window, page = _open_log(supervisor, db_target, qtbot)
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    when = page.model.index(0, page.model.WHEN).data()
    assert when.startswith("۱۴۰۵/۰۳/۲۶")  # Jalali, Persian digits
    assert page.model.index(0, page.model.RECORD).data() == "مشتری " + "".join(
        "۰۱۲۳۴۵۶۷۸۹"[int(d)] for d in str(customer.id)
    )
    assert page.model.index(0, page.model.WHAT).data() == "تغییر کرد"
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert page.detail.marked_fields() == ["سمت"]
    assert "۲۶ خرداد ۱۴۰۵" in page.detail.heading.text()
    assert "۴" in page.count_label.text()  # two accounts, a customer and its change


def test_staff_do_not_see_the_audit_log(app, staff, db_target, qtbot):
    from ui.mainwindow import AUDIT_LOG

    window = signed_in_window(staff, db_target, qtbot)
    assert window.nav.item(AUDIT_LOG).isHidden()
    QTest.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert not hasattr(window.page(AUDIT_LOG), "model")  # a notice, no entries


def test_a_demoted_supervisor_loses_the_audit_log(app, supervisor, db_target, qtbot):
    from helpdesk.models import Staff
    from ui.mainwindow import AUDIT_LOG

    other = accounts.create_account(supervisor, "boss2", "Nima Second", "supervisor", "second password")
    window, _page = _open_log(other, db_target, qtbot)
    assert not window.nav.item(AUDIT_LOG).isHidden()
    Staff.update(role="staff").where(Staff.id == other.id).execute()  # as another desk would
    window.check_standing()
    window.powers_notice.close()
    assert window.nav.item(AUDIT_LOG).isHidden()
    assert not hasattr(window.page(AUDIT_LOG), "model")


def test_history_opens_from_the_customer_profile_and_the_complaint_window(app, supervisor, staff, db_target, qtbot):
    from helpdesk import complaints
    from helpdesk.models import ComplaintCategory
    from ui.mainwindow import AUDIT_LOG, CUSTOMERS

    customer = _customer(staff)
    _edit(staff, customer.id, notes="Called twice")
    _customer(staff, given_name="Ali")
    category = ComplaintCategory.select().order_by(ComplaintCategory.id).first().id
    complaint = complaints.create(
        staff,
        complaints.ComplaintDraft(
            customer_id=customer.id, category_id=category, description="Late parcel", assignee_id=staff.id
        ),
    )
    window = signed_in_window(supervisor, db_target, qtbot)
    window.show_page(CUSTOMERS)
    customers_page = window.customers_page
    customers_page.open_customer(customer.id)
    profile = customers_page.profile
    qtbot.waitUntil(profile.isVisible)
    assert profile.history_button.isVisible()
    profile.setFocus()
    QTest.keyClick(profile, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    page = window.page(AUDIT_LOG)
    assert window.stack.currentWidget() is page
    records = {(page.model.entry(r).kind, page.model.entry(r).record) for r in range(page.model.rowCount())}
    assert records == {("customer", str(customer.id))} and page.model.rowCount() == 2
    assert page.kind.currentData() == "customer" and page.record.text() == str(customer.id)

    complaint_window = window.open_complaint(complaint.id)
    qtbot.waitUntil(complaint_window.isActiveWindow, timeout=3000)
    assert complaint_window.history_button.isVisible()
    QTest.keyClick(app.focusWidget(), Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert {(page.model.entry(r).kind, page.model.entry(r).record) for r in range(page.model.rowCount())} == {
        ("complaint", str(complaint.id))
    }


def test_staff_have_no_history_button(app, staff, db_target, qtbot):
    from ui.mainwindow import CUSTOMERS

    customer = _customer(staff)
    window = signed_in_window(staff, db_target, qtbot)
    window.show_page(CUSTOMERS)
    window.customers_page.open_customer(customer.id)
    assert window.customers_page.profile.isVisible()
    assert not window.customers_page.profile.history_button.isVisible()


def test_export_from_the_page(app, supervisor, staff, db_target, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ui import tasks

    customer = _customer(staff)
    _edit(staff, customer.id, notes="Called twice")
    _window, page = _open_log(supervisor, db_target, qtbot)
    page.show_record("customer", customer.id)
    target = tmp_path / "history.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), ""))
    QTest.keyClick(page.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.export_button.isEnabled())
    tasks.wait_for_all()
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["action"], r["record"]) for r in rows] == [("update", str(customer.id)), ("create", str(customer.id))]
    assert page.count_label.text() == f"Exported 2 entries to \u2066{target}\u2069"


def test_the_list_model_keeps_qts_rules(app, supervisor, staff, qtmodeltester):
    from ui.pages.audit_log import AuditLogModel

    for i in range(3):
        _edit(staff, _customer(staff, given_name=f"Person{i}").id, notes=f"note {i}")
    model = AuditLogModel(supervisor)
    model.set_filter(AuditFilter())
    qtmodeltester.check(model, force_py=True)
