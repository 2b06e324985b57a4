"""Powers are the database's, not the window's: a supervisor demoted or deactivated on another
desk is refused at once; parallel guessing shares the five tries of a lock window; every
sign-in is audited; each service checks who may; the command line acts as a named person."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from helpdesk import accounts, calm, complaints, csv_io, customers, reports
from helpdesk.complaints import ComplaintDraft
from helpdesk.errors import AccountInactive, AccountLocked, AuthenticationFailed, Conflict, PermissionDenied
from helpdesk.models import AuditEntry, ComplaintCategory, Customer, Staff
from tests.helpers.powers import as_other_desk, guess_in_parallel


@pytest.fixture
def mina(supervisor):
    """A second supervisor, signed in at her desk: the copy of her account the window holds."""
    accounts.create_account(supervisor, "mina", "Mina Second", "supervisor", "mina password")
    return accounts.authenticate("mina", "mina password")


def _two_customers(actor) -> tuple[Customer, Customer]:
    first = customers.create(actor, customers.Draft(given_name="Maryam", family_name="Karimi"))
    second = customers.create(
        actor, customers.Draft(given_name="Maryam", family_name="Karimi"), confirm_duplicates=True
    )
    return first, second


# --- powers read from the database on every call -----------------------------------------------------------


def test_a_supervisor_demoted_on_another_desk_is_refused_at_once(supervisor, mina, db_target):
    first, second = _two_customers(supervisor)
    as_other_desk(db_target, f"accounts.change_role(Staff.get_by_id({supervisor.id}), {mina.id}, 'staff')\n")
    with pytest.raises(PermissionDenied):
        accounts.create_account(mina, "desk9", "Someone New", "supervisor", "new password")
    with pytest.raises(PermissionDenied):
        accounts.reset_password(mina, supervisor.id, "taken over!")
    with pytest.raises(PermissionDenied):
        customers.merge(mina, first.id, second.id)
    assert not mina.is_supervisor  # the desk's copy now says what is stored
    assert Staff.select().count() == 2 and accounts.authenticate("boss", "correct horse").id == supervisor.id
    assert Customer.get_by_id(second.id).status != "merged"
    customers.create(mina, customers.Draft(given_name="Still", family_name="Staff"))  # staff work goes on


def test_a_supervisor_deactivated_on_another_desk_is_refused_at_once(supervisor, mina, db_target):
    as_other_desk(db_target, f"accounts.set_active(Staff.get_by_id({supervisor.id}), {mina.id}, False)\n")
    with pytest.raises(PermissionDenied):
        accounts.create_account(mina, "desk9", "Someone New", "supervisor", "new password")
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(mina)
    with pytest.raises(PermissionDenied):
        customers.create(mina, customers.Draft(given_name="Not", family_name="Any more"))
    assert Staff.select().count() == 2 and Customer.select().count() == 0


def test_the_account_is_read_once_per_call_by_its_key(supervisor):
    from playhouse.test_utils import count_queries

    with count_queries() as counter:
        accounts.list_accounts(supervisor)
    reads = [q.msg[0] for q in counter.get_queries() if '"role", "t1"."active"' in q.msg[0]]
    assert len(reads) == 1 and '"id" = ' in reads[0]


def test_standing_is_the_stored_role_and_state(supervisor, mina):
    assert accounts.standing(mina) == ("supervisor", True)
    accounts.change_role(supervisor, mina.id, "staff")
    assert accounts.standing(mina) == ("staff", True) and not accounts.standing(mina).is_supervisor
    accounts.set_active(supervisor, mina.id, False)
    assert accounts.standing(mina) == ("staff", False)


# --- the lock-out, counted in the database -----------------------------------------------------------------


def test_parallel_guessing_from_four_desks_gets_five_tries_per_lock(supervisor, db_target):
    from helpdesk import db as dbmod

    dbmod.close()
    said = guess_in_parallel(db_target, "boss", desks=4, tries=5)
    from helpdesk import migrations

    migrations.open_and_migrate(db_target)
    assert not [answer for answer in said if answer not in ("wrong", "locked")], said
    tried = AuditEntry.select().where(
        (AuditEntry.action == "sign_in_failed") & (AuditEntry.record_id == str(supervisor.id))
    )
    assert tried.count() == 5, said  # the password was looked at five times in this lock window, no more
    assert said.count("wrong") == 4 and said.count("locked") == 16
    with pytest.raises(AccountLocked):
        accounts.authenticate("boss", "correct horse")


def test_every_sign_in_right_or_wrong_is_audited(supervisor, staff):
    accounts.authenticate("boss", "correct horse")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("boss", "not it")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("nobody", "whatever")
    accounts.set_active(supervisor, staff.id, False)
    with pytest.raises(AccountInactive):
        accounts.authenticate("desk1", "desk password")
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate("boss", "not it")
    with pytest.raises(AccountLocked):  # the fifth wrong password locks the account
        accounts.authenticate("boss", "not it")
    with pytest.raises(AccountLocked):  # and then even the right one is not looked at
        accounts.authenticate("boss", "correct horse")
    trail = [
        (e.action, e.record_id, e.actor_id, json.loads(e.after)["username"])
        for e in AuditEntry.select().where(AuditEntry.action.startswith("sign_in")).order_by(AuditEntry.id)
    ]
    boss = str(supervisor.id)
    assert trail == [
        ("sign_in", boss, None, "boss"),
        ("sign_in_failed", boss, None, "boss"),
        ("sign_in_failed", "", None, "nobody"),
        ("sign_in_inactive", str(staff.id), None, "desk1"),
        *[("sign_in_failed", boss, None, "boss")] * 4,
        ("sign_in_locked", boss, None, "boss"),
    ]


def test_an_account_that_only_signed_in_may_still_be_deleted(supervisor):
    temp = accounts.create_account(supervisor, "temp", "Temp Person", "staff", "password123")
    accounts.authenticate("temp", "password123")
    accounts.delete_account(supervisor, temp.id)
    assert Staff.get_or_none(Staff.id == temp.id) is None
    assert AuditEntry.get((AuditEntry.action == "sign_in") & (AuditEntry.record_id == str(temp.id)))  # kept


def test_wrong_tries_do_not_make_a_supervisors_open_copy_of_the_account_stale(supervisor, staff):
    seen = Staff.get_by_id(staff.id).version
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("desk1", "not it")
    accounts.set_active(supervisor, staff.id, False, version=seen)
    assert not Staff.get_by_id(staff.id).active


# --- accounts are edited from the version the supervisor saw -------------------------------------------------


@pytest.mark.parametrize(
    "edit",
    [
        lambda boss, desk, version: accounts.set_active(boss, desk, False, version=version),
        lambda boss, desk, version: accounts.change_role(boss, desk, "supervisor", version=version),
        lambda boss, desk, version: accounts.reset_password(boss, desk, "brand new pass", version=version),
        lambda boss, desk, version: accounts.delete_account(boss, desk, version=version),
    ],
    ids=["set_active", "change_role", "reset_password", "delete_account"],
)
def test_an_account_changed_by_another_supervisor_is_not_overwritten(supervisor, mina, staff, edit):
    seen = Staff.get_by_id(staff.id).version
    accounts.change_role(mina, staff.id, "supervisor", version=seen)
    accounts.change_role(mina, staff.id, "staff")
    with pytest.raises(Conflict) as told:
        edit(supervisor, staff.id, seen)
    assert told.value.table == "staff"
    stored = Staff.get_by_id(staff.id)
    assert (stored.active, stored.role) == (True, "staff")
    assert accounts.authenticate("desk1", "desk password").id == staff.id


# --- the gaps: each service checks who may ---------------------------------------------------------------------


def _complaint(raised_by, assignee) -> int:
    category = ComplaintCategory.select().order_by(ComplaintCategory.id).first().id
    return complaints.create(
        raised_by,
        ComplaintDraft(category_id=category, priority="normal", description="Waited an hour", assignee_id=assignee.id),
    ).id


def test_staff_may_not_resolve_a_complaint_assigned_to_someone_else(supervisor, staff):
    colleague = accounts.create_account(supervisor, "desk2", "Nima Desk", "staff", "desk2 password")
    complaint_id = _complaint(staff, colleague)
    with pytest.raises(PermissionDenied):
        complaints.resolve(staff, complaint_id, "Said sorry", "satisfied", True)
    assert complaints.get(complaint_id).status == "new"
    complaints.resolve(colleague, complaint_id, "Said sorry", "satisfied", True)
    other = _complaint(staff, colleague)
    complaints.resolve(supervisor, other, "Sorted it myself", "satisfied", True)  # supervisors resolve any


def test_staff_may_not_read_another_persons_calm_down_notes(supervisor, staff):
    colleague = accounts.create_account(supervisor, "desk2", "Nima Desk", "staff", "desk2 password")
    session = calm.start(colleague)
    state = calm.state_of(session)
    state.steps[0].note = "Shouted about the manager"
    calm.save_progress(colleague, session.id, state)
    with pytest.raises(PermissionDenied):
        calm.get(staff, session.id)
    assert calm.state_of(calm.get(colleague, session.id)).steps[0].note == "Shouted about the manager"
    assert calm.get(supervisor, session.id).id == session.id


def test_csv_import_and_export_are_for_supervisors(supervisor, staff, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("given_name,family_name\nAli,Rezaei\n", encoding="utf-8")
    with pytest.raises(PermissionDenied):
        csv_io.import_rows(staff, path)
    with pytest.raises(PermissionDenied):
        csv_io.export(staff, tmp_path / "out.csv")
    assert Customer.select().count() == 0 and not (tmp_path / "out.csv").exists()
    assert csv_io.import_rows(supervisor, path).imported == 1
    assert csv_io.export(supervisor, tmp_path / "out.csv") == 1


def _period(kind: str, staff_id: int | None = None, **fields) -> reports.Request:
    return reports.Request(kind, "en", date(2026, 6, 1), date(2026, 6, 30), staff_id, **fields)


def test_reports_are_for_supervisors_except_a_persons_own_work(supervisor, staff, tmp_path):
    out = tmp_path / "r.pdf"
    for kind in reports.PERIOD_KINDS:
        with pytest.raises(PermissionDenied):
            reports.generate(staff, _period(kind), out)  # everyone's work
        with pytest.raises(PermissionDenied):
            reports.generate(staff, _period(kind, supervisor.id), out)  # someone else's
    customer = customers.create(staff, customers.Draft(given_name="Ali", family_name="Rezaei"))
    with pytest.raises(PermissionDenied):
        reports.generate(staff, reports.Request("customer", customer_id=customer.id), out)
    session = calm.start(staff)
    with pytest.raises(PermissionDenied):
        reports.generate(staff, reports.Request("incident", session_id=session.id), out)
    assert not out.exists()
    reports.generate(staff, _period("activity", staff.id), out)  # their own work
    assert out.exists()
    reports.generate(supervisor, reports.Request("incident", session_id=session.id), tmp_path / "i.pdf")


@pytest.mark.parametrize("kind", reports.KINDS)
def test_every_report_builder_checks_the_role_itself(supervisor, staff, tmp_path, kind):
    request = (
        _period(kind)
        if kind in reports.PERIOD_KINDS
        else reports.Request(kind, customer_id=1)
        if kind == "customer"
        else reports.Request(kind, session_id=1)
    )
    with pytest.raises(PermissionDenied):
        reports.module_for(kind).build(tmp_path / "r.pdf", request, staff, lambda _fraction: None)
    assert not (tmp_path / "r.pdf").exists()


# --- the command line acts as a named person -------------------------------------------------------------------


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return unicodedata.normalize("NFKC", "".join(page.extract_text() for page in PdfReader(str(path)).pages))


def test_the_command_line_acts_as_the_person_named(supervisor, mina, staff, db_target, tmp_path, monkeypatch, capsys):
    import main
    from helpdesk import db as dbmod

    dbmod.close()
    out = tmp_path / "activity.pdf"
    request = ["report", "activity", "--db", db_target, "--from", "2026-06-01", "--to", "2026-06-30"]
    monkeypatch.setenv("HELPDESK_PASSWORD", "mina password")
    assert main.main([*request, "--user", "mina", "--out", str(out)]) == 0
    text = _pdf_text(out)
    assert "Generated by Mina Second" in text and "Sara Supervisor" not in text

    csv = tmp_path / "people.csv"
    csv.write_text("given_name,family_name\nAli,Rezaei\n", encoding="utf-8")
    assert main.main(["import-customers", str(csv), "--db", db_target, "--user", "mina"]) == 0
    created = AuditEntry.get((AuditEntry.table_name == "customer") & (AuditEntry.action == "create"))
    assert created.actor_id == mina.id
    signed_in = AuditEntry.select().where((AuditEntry.action == "sign_in") & (AuditEntry.record_id == str(mina.id)))
    assert signed_in.count() == 3  # the fixture's, the report's and the import's
    capsys.readouterr()

    monkeypatch.setenv("HELPDESK_PASSWORD", "not her password")
    assert main.main(["export-customers", str(tmp_path / "out.csv"), "--db", db_target, "--user", "mina"]) == 2
    assert "the user name or password is not right" in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()

    monkeypatch.setenv("HELPDESK_PASSWORD", "desk password")  # staff: their own work only
    assert main.main([*request, "--user", "desk1", "--out", str(tmp_path / "all.pdf")]) == 2
    assert "desk1 may not do this" in capsys.readouterr().err
    assert main.main([*request, "--user", "desk1", "--staff", str(staff.id), "--out", str(tmp_path / "own.pdf")]) == 0
    assert "Generated by Reza Desk" in _pdf_text(tmp_path / "own.pdf")


def test_the_command_line_asks_for_the_password_when_no_script_gives_it(
    supervisor, db_target, tmp_path, monkeypatch, capsys
):
    import getpass

    import main
    from helpdesk import db as dbmod

    dbmod.close()
    asked = []
    monkeypatch.delenv("HELPDESK_PASSWORD", raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or "correct horse")
    assert main.main(["export-customers", str(tmp_path / "out.csv"), "--db", db_target, "--user", "boss"]) == 0
    assert asked == ["Password for boss: "]
    with pytest.raises(SystemExit):
        main.main(["export-customers", str(tmp_path / "out.csv"), "--db", db_target])  # --user is needed
    assert "--user" in capsys.readouterr().err


# --- in the app: signed out, or the supervisors' screens gone, within seconds -----------------------------------


def _signed_in(app, person, db_target, qtbot):
    from ui.app import Controller

    controller = Controller(app, db_target)
    window = controller.show_window()
    qtbot.addWidget(window)
    controller.signed_in(person)
    return controller, window


def test_a_person_deactivated_on_another_desk_is_signed_out_with_a_message(app, supervisor, mina, db_target, qtbot):
    from ui.dialogs.sign_in import SignInDialog

    controller, window = _signed_in(app, mina, db_target, qtbot)
    as_other_desk(db_target, f"accounts.set_active(Staff.get_by_id({supervisor.id}), {mina.id}, False)\n")
    qtbot.waitUntil(lambda: window.staff is None, timeout=15_000)  # the change bus brings it within a second or two
    assert not window.nav.isEnabled() and all(page is None for page in window._pages)
    assert isinstance(controller.dialog, SignInDialog) and controller.dialog.username.text() == "mina"
    assert window.powers_notice.isVisible()
    assert window.powers_notice.text().startswith("A supervisor has deactivated your account")


def test_a_supervisor_demoted_on_another_desk_loses_the_supervisors_screens_at_once(
    app, supervisor, mina, db_target, qtbot
):
    from ui.mainwindow import REPORTS, SETTINGS

    _controller, window = _signed_in(app, mina, db_target, qtbot)
    window.show_page(SETTINGS)
    assert not window.settings_page.accounts_box.isHidden()
    as_other_desk(db_target, f"accounts.change_role(Staff.get_by_id({supervisor.id}), {mina.id}, 'staff')\n")
    qtbot.waitUntil(lambda: window.user_label.text() == "Signed in as Mina Second (Front-desk staff)", timeout=15_000)
    assert window.staff is not None and window.stack.currentWidget() is window.settings_page
    assert window.settings_page.accounts_box.isHidden()  # built again, for staff
    window.show_page(REPORTS)
    assert window.reports_page.findChild(QLabel, "reportsNotice") is not None
    assert window.powers_notice.text() == "A supervisor changed your role. It is now: Front-desk staff."


def test_the_accounts_list_says_when_another_supervisor_changed_the_account_and_shows_it_again(
    app, supervisor, mina, staff, db_target, qtbot, monkeypatch
):
    from ui import prompts
    from ui.mainwindow import SETTINGS

    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    window = _signed_in(app, supervisor, db_target, qtbot)[1]
    window.show_page(SETTINGS)
    page = window.settings_page
    page.select_row(next(r for r in range(page.model.rowCount()) if page.model.index(r, 1).data() == "desk1"))
    as_other_desk(db_target, f"accounts.change_role(Staff.get_by_id({mina.id}), {staff.id}, 'supervisor')\n")
    page.active_button.click()  # as shown: Reza is staff and active
    box = page.findChild(QMessageBox, "accountConflictBox")
    assert box is not None and box.isVisible()
    assert box.text().startswith("Another supervisor changed this account")
    assert "Role: Supervisor" in box.text()
    stored = Staff.get_by_id(staff.id)
    assert stored.active and stored.role == "supervisor"  # nothing of the refused change
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 1).data() == "desk1")
    assert page.model.index(row, 2).data() == "Supervisor"  # the list shows the account as stored now


def test_a_new_password_for_an_account_changed_meanwhile_offers_keep_mine(
    app, supervisor, mina, staff, db_target, qtbot
):
    from ui.dialogs.accounts import ResetPasswordDialog

    dialog = ResetPasswordDialog(supervisor, Staff.get_by_id(staff.id))
    qtbot.addWidget(dialog)
    dialog.open()
    as_other_desk(db_target, f"accounts.set_active(Staff.get_by_id({mina.id}), {staff.id}, False)\n")
    dialog.password.setText("brand new pass")
    dialog.confirm.setText("brand new pass")
    dialog._submit()
    assert dialog.isVisible() and dialog.conflict.isVisible()
    assert "In use: No" in dialog.conflict.text.text()
    assert accounts._verify(Staff.get_by_id(staff.id).password_hash, "desk password")  # nothing saved yet
    dialog.conflict.keep_button.click()
    assert not dialog.isVisible()
    assert accounts._verify(Staff.get_by_id(staff.id).password_hash, "brand new pass")
