"""Customers to and from CSV: the round trip, plain headers, rejected rows, one transaction,
the command line, and the import dialog."""

import csv
import os

import pytest
from PySide6.QtCore import Qt

import main as entry
from helpdesk import csv_io, migrations
from helpdesk import customers as cs
from helpdesk import db as dbmod
from helpdesk.models import AuditEntry, Customer, EmailAddress, PhoneNumber, Tag

BOM = b"\xef\xbb\xbf"
NOTES = 'خط اول، با ویرگول, and a comma\nخط دوم "نقل قول" and "quotes"\n\nthird line; with a semicolon'


def _write(path, text: str, bom: bool = False) -> str:
    path.write_bytes((BOM if bom else b"") + text.encode("utf-8"))
    return str(path)


def _read(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _stored(customer: Customer) -> dict:
    record = cs.get(customer.id)
    c = record.customer
    return {
        "kind": c.kind,
        "given_name": c.given_name,
        "family_name": c.family_name,
        "organisation": c.organisation,
        "phones": [p.number for p in record.phones],
        "emails": [e.address for e in record.emails],
        "tags": sorted(record.tags),
        "notes": c.notes,
        "address": c.address,
        "language": c.preferred_language,
        "referral_source": c.referral_source,
    }


def _all_stored() -> dict[str, dict]:
    return {c.display_name: _stored(c) for c in Customer.select().order_by(Customer.id)}


def _fresh_database(tmp_path):
    """Another empty database, bound in place of the test's one: a new file, or the server's schema reset."""
    dbmod.close()
    target = os.environ.get("HELPDESK_TEST_DATABASE", "").strip()
    if target:
        server = dbmod.open_database(target)
        server.connect()
        server.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
        server.execute_sql("CREATE SCHEMA public")
        server.close()
    else:
        target = str(tmp_path / "fresh.sqlite")
    migrations.open_and_migrate(target)
    from helpdesk import accounts

    return accounts.create_first_supervisor("boss2", "Other Supervisor", "correct horse")


def _some_customers(actor):
    cs.create(
        actor,
        cs.Draft(
            given_name="مریم",
            family_name="کریمی",
            phones=[("mobile", "0912 345 6789"), ("home", "021 8877 6655"), ("work", "+44 20 7946 0958")],
            emails=["maryam@example.com", "m.karimi@example.org"],
            preferred_language="fa",
            address="تهران، خیابان ولیعصر\nپلاک ۱۲",
            referral_source="website",
            tags=["vip", "خانواده"],
            notes=NOTES,
        ),
    )
    cs.create(
        actor,
        cs.Draft(
            given_name="John",
            family_name='Smith, "Jr."',
            phones=[("mobile", "+1 650 253 0000")],
            emails=["john@example.com"],
            preferred_language="en",
            referral_source="word_of_mouth",
            notes='He said "call me later", then left.',
        ),
    )
    cs.create(
        actor,
        cs.Draft(
            kind="organisation", organisation="شرکت آرین پخش", phones=[("work", "021 4455 6677")], tags=["wholesale"]
        ),
    )
    cs.create(actor, cs.Draft(given_name="Nobody", phones=[]))


# --- export, and the round trip ------------------------------------------------------


def test_export_then_import_into_a_fresh_database_keeps_everything(db, supervisor, tmp_path):
    _some_customers(supervisor)
    before = _all_stored()
    path = tmp_path / "customers.csv"
    assert csv_io.export(supervisor, path) == 4

    raw = path.read_bytes()
    assert raw.startswith(BOM) and not raw[3:].startswith(BOM)
    rows = _read(path)
    assert list(rows[0]) == list(csv_io.EXPORT_COLUMNS)
    maryam = rows[0]
    # A leading + is a formula to a spreadsheet: written as text (see test_csv_formulas.py).
    assert (maryam["phone"], maryam["phone2"]) == ("'+989123456789", "'+982188776655; +442079460958")
    assert maryam["email"] == "maryam@example.com; m.karimi@example.org"
    assert maryam["notes"] == NOTES and maryam["status"] == "active" and maryam["created_at"].endswith("Z")
    assert rows[1]["family_name"] == 'Smith, "Jr."'

    other_office = _fresh_database(tmp_path)
    assert Customer.select().count() == 0
    result = csv_io.import_rows(other_office, path)
    assert (result.imported, result.rejected, result.rejected_path) == (4, 0, None)
    assert _all_stored() == before
    # Mobile numbers come back labelled mobile, the others as "other".
    maryam = Customer.get(Customer.given_name == "مریم")
    assert [(p.label, p.number) for p in cs.get(maryam.id).phones] == [
        ("mobile", "+989123456789"),
        ("other", "+982188776655"),
        ("other", "+442079460958"),
    ]
    # Imported like a person would create them: audited and findable.
    created = AuditEntry.select().where((AuditEntry.table_name == "customer") & (AuditEntry.action == "create"))
    assert created.count() == 4
    assert [r.customer.id for r in cs.find("کریمی")] == [maryam.id]
    assert [r.customer.id for r in cs.find("0912 345")] == [maryam.id]


def test_export_goes_in_batches_and_leaves_out_merged_customers(db, supervisor, tmp_path, monkeypatch):
    from playhouse.test_utils import count_queries

    for n in range(7):
        cs.create(
            supervisor,
            cs.Draft(
                given_name=f"Person{n}", family_name="Batch", phones=[("mobile", f"0912 000 00{n:02d}")], tags=["t"]
            ),
            confirm_duplicates=True,
        )
    survivor, other = Customer.select().order_by(Customer.id)[:2]
    cs.merge(supervisor, survivor.id, other.id)
    monkeypatch.setattr(csv_io, "BATCH", 2)
    path = tmp_path / "out.csv"
    with count_queries() as counter:
        assert csv_io.export(supervisor, path) == 6
    rows = _read(path)
    assert [int(r["id"]) for r in rows] == sorted(c.id for c in Customer.select() if c.id != other.id)
    assert all(r["tags"] == "t" for r in rows)
    # The exporter's role, once; per batch of 2: the customers, their phones, e-mails and tags; then one empty
    # batch. No query per customer.
    assert counter.count <= 1 + 3 * 4 + 1


def test_export_command_writes_a_bom_and_says_how_many(db, supervisor, db_target, tmp_path, capsys, monkeypatch):
    _some_customers(supervisor)
    dbmod.close()
    path = tmp_path / "out.csv"
    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    assert entry.main(["export-customers", str(path), "--db", db_target, "--user", "boss"]) == 0
    assert capsys.readouterr().out.strip() == "exported: 4"
    assert path.read_bytes().startswith(BOM + b"id,kind,given_name,family_name,organization,phone,phone2,email,")


# --- plain files -------------------------------------------------------------------


def test_plain_header_in_any_case_and_order_without_bom(db, supervisor, tmp_path):
    path = _write(
        tmp_path / "plain.csv",
        "NOTES,Email,Family_Name,given_name,PHONE,Tags,Organisation,Kind,Language,Referral_Source,Extra\n"
        '"Line one\nline two",ALI@Example.com,Rezaei,Ali,۰۹۱۲ ۱۱۱ ۲۲۳۳,vip; new ;,,,EN,Passing by,x\n'
        ",,,,021 4455 6677,,Arian Co,,,,\n"
        ",info@acme.example,,,,,Acme,organisation,fa,,\n",
    )
    preview = csv_io.read_preview(path)
    assert preview.mapping == [
        "notes",
        "email",
        "family_name",
        "given_name",
        "phone",
        "tags",
        "organization",
        "kind",
        "language",
        "referral_source",
        None,
    ]
    assert (preview.total, preview.problems) == (3, 0)
    result = csv_io.import_rows(supervisor, path)
    assert (result.imported, result.rejected) == (3, 0)
    assert _all_stored() == {
        "Ali Rezaei": {
            "kind": "person",
            "given_name": "Ali",
            "family_name": "Rezaei",
            "organisation": "",
            "phones": ["+989121112233"],
            "emails": ["ALI@example.com"],
            "tags": ["new", "vip"],
            "notes": "Line one\nline two",
            "address": "",
            "language": "en",
            "referral_source": "passing_by",
        },
        "Arian Co": {
            "kind": "organisation",
            "given_name": "",
            "family_name": "",
            "organisation": "Arian Co",
            "phones": ["+982144556677"],
            "emails": [],
            "tags": [],
            "notes": "",
            "address": "",
            "language": "fa",
            "referral_source": "",
        },
        "Acme": {
            "kind": "organisation",
            "given_name": "",
            "family_name": "",
            "organisation": "Acme",
            "phones": [],
            "emails": ["info@acme.example"],
            "tags": [],
            "notes": "",
            "address": "",
            "language": "fa",
            "referral_source": "",
        },
    }


def test_semicolon_file_from_excel_and_bom_are_read(db, supervisor, tmp_path):
    path = _write(tmp_path / "excel.csv", "given_name;family_name;phone\r\nSara;Ahmadi;09121234567\r\n;;\r\n", bom=True)
    result = csv_io.import_rows(supervisor, path)
    assert (result.imported, result.rejected) == (1, 0)  # the blank row is not a row
    assert _all_stored()["Sara Ahmadi"]["phones"] == ["+989121234567"]


# --- rejected rows -------------------------------------------------------------------

BAD_FILE = (
    "given_name,family_name,phone,email,notes\n"
    "Good,One,09121110001,one@example.com,\n"
    "Bad,Phone,12ab,,\n"
    'Bad,Email,09121110003,not-an-address,"a, b"\n'
    ",,09121110004,,no name here\n"
    "Good,Two,,two@example.com,\n"
    "Both,Wrong,0912,x@,\n"
)


def test_import_command_imports_good_rows_and_writes_the_rejected_ones_with_reasons(
    db, supervisor, db_target, tmp_path, capsys, monkeypatch
):
    path = _write(tmp_path / "people.csv", BAD_FILE)
    dbmod.close()
    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    assert entry.main(["import-customers", path, "--db", db_target, "--user", "boss"]) == 1
    out = capsys.readouterr().out
    assert "imported: 2\n" in out and "rejected: 4\n" in out
    rejected = tmp_path / "people.rejected.csv"
    assert str(rejected) in out

    assert rejected.read_bytes().startswith(BOM)
    rows = _read(rejected)
    assert list(rows[0]) == ["given_name", "family_name", "phone", "email", "notes", "reason"]
    assert [(r["given_name"], r["family_name"], r["reason"]) for r in rows] == [
        ("Bad", "Phone", 'phone "12ab": not a valid phone number: use digits, spaces, dashes and a leading +'),
        ("Bad", "Email", 'email "not-an-address": not a valid e-mail address'),
        ("", "", "a person needs a given name or a family name"),
        ("Both", "Wrong", 'phone "0912": not a valid phone number; email "x@": not a valid e-mail address'),
    ]
    assert rows[1]["notes"] == "a, b"  # the original cells, unchanged

    migrations.open_and_migrate(db_target)
    assert sorted(c.display_name for c in Customer.select()) == ["Good One", "Good Two"]
    assert PhoneNumber.select().count() == 1 and EmailAddress.select().count() == 2

    # Fixed in the rejected file, which is imported as it is (its reason column is skipped).
    fixed = [dict(r, phone="09121110002") if r["family_name"] == "Phone" else r for r in rows]
    with open(rejected, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(fixed)
    result = csv_io.import_rows(supervisor, rejected)
    assert (result.imported, result.rejected) == (1, 3)
    assert Customer.select().where(Customer.family_name == "Phone").count() == 1


def test_import_command_refuses_a_database_without_accounts(db, db_target, tmp_path, capsys, monkeypatch):
    path = _write(tmp_path / "people.csv", BAD_FILE)
    dbmod.close()
    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    assert entry.main(["import-customers", path, "--db", db_target, "--user", "boss"]) == 2
    assert "the user name or password is not right" in capsys.readouterr().err
    migrations.open_and_migrate(db_target)
    assert Customer.select().count() == 0 and not (tmp_path / "people.rejected.csv").exists()


def test_a_file_that_is_not_utf8_is_refused_whole(db, supervisor, db_target, tmp_path, capsys, monkeypatch):
    path = tmp_path / "ansi.csv"
    # As old Windows programs save it: Arabic code page, not UTF-8.
    path.write_bytes("given_name,family_name\nAli,Rezaei\nمريم,كريمي\n".encode("cp1256"))
    dbmod.close()
    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    assert entry.main(["import-customers", str(path), "--db", db_target, "--user", "boss"]) == 2
    assert "not UTF-8" in capsys.readouterr().err
    migrations.open_and_migrate(db_target)
    assert Customer.select().count() == 0


def test_a_failure_midway_leaves_nothing_imported(db, supervisor, tmp_path, monkeypatch):
    path = _write(
        tmp_path / "five.csv",
        "given_name,family_name,phone,tags\n" + "".join(f"Person{n},Five,0912111000{n},imported\n" for n in range(5)),
    )
    real_create, calls = cs.create, []

    def failing_create(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("the disk went away")
        return real_create(*args, **kwargs)

    monkeypatch.setattr(cs, "create", failing_create)
    with pytest.raises(RuntimeError):
        csv_io.import_rows(supervisor, path)
    assert len(calls) == 3
    assert Customer.select().count() == 0 and PhoneNumber.select().count() == 0 and Tag.select().count() == 0
    assert AuditEntry.select().where(AuditEntry.table_name == "customer").count() == 0
    assert not (tmp_path / "five.rejected.csv").exists()


def test_a_field_mapped_from_two_columns_is_refused(db, supervisor, tmp_path):
    path = _write(tmp_path / "twice.csv", "family_name,Family_Name\nA,B\n")
    with pytest.raises(csv_io.CsvError) as info:
        csv_io.import_rows(supervisor, path)
    assert info.value.code == "csv_column_twice"
    assert Customer.select().count() == 0


# --- the dialog -----------------------------------------------------------------------


def _dialog(qtbot, actor, path):
    from ui.dialogs.import_customers import ImportCustomersDialog

    dialog = ImportCustomersDialog(actor, path)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    _settled(qtbot, dialog)
    return dialog


def _settled(qtbot, dialog) -> None:
    """The file is read (or imported) off the UI thread: what the dialog shows once that is done."""
    qtbot.waitUntil(lambda: not dialog.is_busy())


def _table(dialog) -> list[list[str]]:
    model = dialog.table.model()
    # What a person sees: the invisible isolates that keep each cell's direction are left out.
    return [
        [(model.index(r, c).data() or "").strip("\u2068\u2069") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_dialog_previews_marks_the_bad_rows_and_imports_the_good_ones(
    app, db, supervisor, tmp_path, qtbot, qtmodeltester
):
    path = _write(tmp_path / "people.csv", BAD_FILE, bom=True)
    dialog = _dialog(qtbot, supervisor, path)
    model = dialog.table.model()
    qtmodeltester.check(model)
    assert [c.currentData() for c in dialog.combos] == ["given_name", "family_name", "phone", "email", "notes"]
    assert dialog.combos[0].currentText() == "Given name"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Line",
        "given_name",
        "family_name",
        "phone",
        "email",
        "notes",
        "Problems",
    ]
    table = _table(dialog)
    assert [row[:3] for row in table] == [
        ["2", "Good", "One"],
        ["3", "Bad", "Phone"],
        ["4", "Bad", "Email"],
        ["5", "", ""],
        ["6", "Good", "Two"],
        ["7", "Both", "Wrong"],
    ]
    assert [row[-1] for row in table] == [
        "",
        'phone "12ab": Not a valid phone number: use digits, spaces, dashes and a leading +.',
        'email "not-an-address": Not a valid e-mail address.',
        "A person needs a given name or a family name.",
        "",
        'phone "0912": Not a valid phone number.\nemail "x@": Not a valid e-mail address.',
    ]
    marked = [model.index(r, 1).data(Qt.ItemDataRole.BackgroundRole) is not None for r in range(model.rowCount())]
    assert marked == [False, True, True, True, False, True]
    assert dialog.counts.text() == "2 rows will be imported, 4 have problems."
    assert dialog.import_button.isEnabled() and Customer.select().count() == 0

    with qtbot.waitSignal(dialog.imported) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert signal.args == [2]
    assert sorted(c.display_name for c in Customer.select()) == ["Good One", "Good Two"]
    rejected = tmp_path / "people.rejected.csv"
    assert dialog.result_label.isVisible()
    assert dialog.result_label.text() == (
        "2 customers were imported.\n4 rows were not imported. They are listed, each with its reason, in "
        f"\u2066{rejected}\u2069"
    )
    assert len(_read(rejected)) == 4
    assert not dialog.import_button.isEnabled() and dialog.close_button.text() == "Close"


def test_dialog_lets_the_person_say_what_each_column_holds(app, db, supervisor, tmp_path, qtbot):
    path = _write(tmp_path / "own.csv", "Name,Surname,Mobile,NOTES\nمریم,کریمی,09123456789,hello\nAli,Rezaei,,\n")
    dialog = _dialog(qtbot, supervisor, path)
    assert [c.currentData() for c in dialog.combos] == [None, None, None, "notes"]
    assert dialog.message.isVisible() and not dialog.import_button.isEnabled()
    assert dialog.message.text().startswith("No column holds a name.")

    for combo, field in zip(dialog.combos, ["given_name", "family_name", "phone"]):
        combo.setCurrentIndex(combo.findData(field))
    assert dialog.counts.text() == "Reading the file…" and not dialog.import_button.isEnabled()
    _settled(qtbot, dialog)
    assert not dialog.message.isVisible() and dialog.import_button.isEnabled()
    assert dialog.counts.text() == "2 rows will be imported, 0 have problems."
    # Two columns for one field are refused until one is ignored.
    dialog.combos[3].setCurrentIndex(dialog.combos[3].findData("given_name"))
    _settled(qtbot, dialog)
    assert dialog.message.text() == 'Two columns are set to "Given name". Set one of them to "Ignore".'
    assert not dialog.import_button.isEnabled()
    dialog.combos[3].setCurrentIndex(0)
    _settled(qtbot, dialog)
    assert dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.counts.text() == "Importing…" and not dialog.import_button.isEnabled()  # busy, not frozen
    assert not dialog.combos[0].isEnabled()
    _settled(qtbot, dialog)
    assert _all_stored()["مریم کریمی"]["phones"] == ["+989123456789"]
    assert _all_stored()["مریم کریمی"]["notes"] == ""  # the ignored column
    assert dialog.result_label.text() == "2 customers were imported."
    assert not (tmp_path / "own.rejected.csv").exists()


def test_dialog_explains_a_file_it_cannot_read(app, db, supervisor, tmp_path, qtbot):
    path = tmp_path / "ansi.csv"
    path.write_bytes("given_name\nمريم\n".encode("cp1256"))
    dialog = _dialog(qtbot, supervisor, path)
    assert dialog.message.text().startswith("The file is not in UTF-8.")
    assert not dialog.import_button.isEnabled() and dialog.table.model().rowCount() == 0
