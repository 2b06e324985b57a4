"""A report's tables as a spreadsheet (issue 15, reuse): every report kind, in both languages, as
an Excel workbook and as a CSV file, read back with openpyxl and csv; from the report centre, with
the keyboard; and from the command line. The data is made through the services, on a fresh database."""

from __future__ import annotations

import csv
import zipfile
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from helpdesk import reports
from helpdesk.clock import to_local, utcnow
from helpdesk.csv_io import spreadsheet_safe
from helpdesk.reports import Request, spreadsheet
from helpdesk.reports.spreadsheet import number, sheet_names

EVIL = '=HYPERLINK("http://evil.example/x","Click me")'
MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069"))


@pytest.fixture
def office(db, supervisor, staff):
    """Three contacts, a complaint escalated with a reason typed as a formula by a customer whose
    name is one, a calm-down session: made through the services in the last days."""
    from helpdesk import calm, complaints, contacts, customers
    from helpdesk.complaints import ComplaintDraft
    from helpdesk.models import ComplaintCategory

    maryam = customers.create(
        staff, customers.Draft(given_name="مریم", family_name="کریمی", phones=[("mobile", "0912 345 6789")])
    )
    evil = customers.create(staff, customers.Draft(given_name=EVIL, family_name="Mallory"))
    now = utcnow().replace(tzinfo=None)
    made = []
    for i, (customer, channel, mood) in enumerate(
        [(maryam, "phone", "dissatisfied"), (maryam, "walk_in", "satisfied"), (evil, "phone", "delighted")]
    ):
        when = now - timedelta(hours=3 - i)
        made.append(
            contacts.create(
                staff,
                contacts.ContactDraft(
                    customer_id=customer.id,
                    channel=channel,
                    started_at=when,
                    ended_at=when + timedelta(minutes=4),
                    reason="پرسش دربارهٔ سفارش",
                    notes="یادداشت تماس",
                    outcome="resolved",
                    satisfaction=mood,
                ),
            )
        )
    category = ComplaintCategory.select().first().id
    complaint = complaints.create(
        staff,
        ComplaintDraft(
            customer_id=evil.id,
            contact_id=made[2].id,
            category_id=category,
            priority="high",
            description="The parcel came open",
            wanted="a refund",
            assignee_id=staff.id,
        ),
    )
    complaints.escalate(staff, complaint.id, "=1+2 and -3, said @once", supervisor.id)
    session = calm.start(staff, maryam.id)
    state = calm.state_of(session)
    state.anger_start, state.steps[0].ticked, state.steps[0].ticked_at = 4, True, now
    calm.finish(staff, session.id, state, 1, "calmed")
    today = to_local(utcnow()).date()
    return {
        "supervisor": supervisor,
        "staff": staff,
        "maryam": maryam,
        "evil": evil,
        "complaint": complaint,
        "session": session,
        "contacts": made,
        "from": today - timedelta(days=6),
        "to": today,
    }


def _requests(office, lang: str) -> list[Request]:
    first, last = office["from"], office["to"]
    return [
        *(Request(kind, lang, first, last) for kind in reports.PERIOD_KINDS),
        Request("customer", lang, customer_id=office["evil"].id),
        Request("incident", lang, session_id=office["session"].id),
        Request("incident", lang, complaint_id=office["complaint"].id),
    ]


@pytest.fixture
def saved_tables(monkeypatch):
    """What each report handed to the spreadsheet: its page and (title, rows) tables."""
    seen = []
    real = spreadsheet.save

    def recording(path, page, tables):
        seen.append((page, tables))
        return real(path, page, tables)

    monkeypatch.setattr(spreadsheet, "save", recording)
    return seen


def _sheet_rows(ws) -> list[list]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def _trimmed(row) -> list:
    row = list(row)
    while row and row[-1] in (None, ""):
        row.pop()
    return row


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads it as UTF-8
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _csv_tables(lines: list[list[str]]) -> tuple[list[str], list[tuple[str, list[list[str]]]]]:
    """The report's lines, then each (title, rows) block, as the file lays them out."""
    blocks, block = [], []
    for line in lines:
        if not line:
            blocks.append(block)
            block = []
        else:
            block.append(line)
    blocks.append(block)
    head = [line[0] for line in blocks[0]]
    return head, [(b[0][0], b[1:]) for b in blocks[1:]]


def _expected_cell(cell: str):
    found = number(cell)
    return cell.translate(MARKS) if found is None else found[0]


def _unmarked(row: list) -> list:
    return [c.translate(MARKS) if isinstance(c, str) else c for c in row]


def _xlsx_tables(path: Path) -> list[tuple[str, list[str], list[list]]]:
    book = openpyxl.load_workbook(path)
    found = []
    for ws in book.worksheets:
        rows = _sheet_rows(ws)
        found.append(
            (ws.title, [r[0] for r in rows[:4]], rows[5][0] if len(rows) > 5 else None, [_trimmed(r) for r in rows[6:]])
        )
    return found


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_every_report_saves_its_tables_as_a_workbook_and_as_csv(office, lang, tmp_path, saved_tables):
    for request in _requests(office, lang):
        name = f"{request.kind}-{request.session_id}-{request.complaint_id}-{lang}"
        for suffix in (".xlsx", ".csv"):
            saved_tables.clear()
            data = tmp_path / f"{name}{suffix}"
            reports.generate(office["supervisor"], request, tmp_path / f"{name}.pdf", data=data)
            assert (tmp_path / f"{name}.pdf").exists() and data.exists()
            assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
            [(page, tables)] = saved_tables
            assert tables, request  # every report has at least one table
            if suffix == ".xlsx":
                sheets = _xlsx_tables(data)
                assert [s[0] for s in sheets] == sheet_names([t for t, _r in tables], lang)
                for (sheet, head, title, rows), (want_title, want_rows) in zip(sheets, tables):
                    assert _unmarked(head) == _unmarked([page.title, page.business, page.period, page.generated])
                    assert title.translate(MARKS) == want_title.translate(MARKS)
                    assert _unmarked(rows[0]) == _unmarked(want_rows[0])  # the header, as printed
                    assert [_unmarked(r) for r in rows[1:]] == [
                        [_expected_cell(c) for c in _trimmed(r)] for r in want_rows[1:]
                    ], sheet
                book = openpyxl.load_workbook(data)
                assert all(ws.sheet_view.rightToLeft == (lang == "fa") for ws in book.worksheets)
            else:
                head, blocks = _csv_tables(_read_csv(data))
                assert head == [page.title, page.business, page.period, page.generated]
                assert [title for title, _rows in blocks] == [title for title, _rows in tables]
                for (_t, rows), (_w, want_rows) in zip(blocks, tables):
                    assert rows[0] == want_rows[0]
                    for got, want in zip(rows[1:], want_rows[1:]):
                        for g, w in zip(got, want):
                            found = number(w)
                            if found is None:
                                assert g == spreadsheet_safe(w)
                            elif found[1].endswith("%"):
                                assert float(g.rstrip("%")) == pytest.approx(found[0] * 100)
                            else:
                                assert float(g) == found[0] and g.isascii()


def _sheet_with(book, header_word: str):
    for ws in book.worksheets:
        rows = _sheet_rows(ws)
        if len(rows) > 6 and rows[6][0] == header_word:
            return ws, rows[6:]
    raise AssertionError(f"no sheet whose table starts with {header_word}")


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_numbers_are_numbers_equal_to_the_reports_figures(office, lang, tmp_path):
    from helpdesk.models import Complaint, Contact
    from helpdesk.reports import activity, complaints_report

    request = Request("activity", lang, office["from"], office["to"])
    data = tmp_path / "activity.xlsx"
    figures = reports.generate(office["supervisor"], request, tmp_path / "a.pdf", data=data)
    ws, rows = _sheet_with(openpyxl.load_workbook(data), activity.label("channel", lang))
    counted = {r[0]: r[1] for r in rows[1:]}
    for channel, n in figures["by_channel"].items():
        assert counted[activity.label(channel, lang)] == n and isinstance(n, int)
    assert counted[activity.label("total", lang)] == Contact.select().count() == 3  # an independent count
    shares = [r[2] for r in rows[1:] if isinstance(r[2], float)]
    assert shares and sum(shares) == pytest.approx(1.0, abs=0.002)  # "66.7%" is 0.667, shown as a percentage
    share_cell = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, float))
    assert share_cell.number_format == "0.0%"
    count_cell = next(c for row in ws.iter_rows(min_row=8) for c in row if isinstance(c.value, int))
    assert count_cell.data_type == "n"

    request = Request("complaints", lang, office["from"], office["to"])
    data = tmp_path / "complaints.csv"
    reports.generate(office["supervisor"], request, tmp_path / "c.pdf", data=data)
    _head, blocks = _csv_tables(_read_csv(data))
    by_status = next(rows for title, rows in blocks if rows[0][0] == complaints_report.label("status", lang))
    assert sum(int(r[1]) for r in by_status[1:]) == Complaint.select().count() == 1  # Latin digits, no separators


def test_text_a_person_typed_is_never_a_formula(office, tmp_path):
    """A customer named =HYPERLINK(…) and an escalation reason "=1+2 …" are text in both files:
    as typed in the workbook (Excel's quote flag on, no formula anywhere), with a quote in the CSV."""
    request = Request("complaints", "en", office["from"], office["to"])
    workbook, text = tmp_path / "c.xlsx", tmp_path / "c.csv"
    reports.generate(office["supervisor"], request, tmp_path / "c.pdf", data=workbook)
    reports.generate(office["supervisor"], request, tmp_path / "c.pdf", data=text)
    book = openpyxl.load_workbook(workbook)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    evil = [c for c in cells if c.value.translate(MARKS).startswith(("=HYPERLINK", "=1+2"))]
    assert {c.value.translate(MARKS).split(" ")[0] for c in evil} >= {
        '=HYPERLINK("http://evil.example/x","Click',
        "=1+2",
    }
    for cell in evil:
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    with zipfile.ZipFile(workbook) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    lines = [cell for line in _read_csv(text) for cell in line]
    assert any(c.startswith("'=HYPERLINK(") for c in lines) and any(c.startswith("'=1+2") for c in lines)
    assert not any(c.startswith(("=", "+", "@")) for c in lines)


def test_cells_as_numbers_and_as_text():
    assert number("1,234") == (1234, "#,##0") and number("۱٬۲۳۴") == (1234, "#,##0")
    assert number("۳۸٫۲٪") == (0.382, "0.0%") and number("38.2%") == (0.382, "0.0%")
    assert number("−۳") == (-3, "0") and number("+12.5%") == (0.125, "0.0%") and number("0") == (0, "0")
    assert number("\u200e42\u200e") == (42, "0")  # the marks a report puts around a number go
    for text in (
        "0912 345 6789",
        "09123456789",
        "—",
        "4:21",
        "۱۴۰۵/۰۹/۰۲",
        "2026-11-23",
        "1,23",
        "",
        "12 (+8.5%)",
        "1234567890123456",
        "Total",
    ):
        assert number(text) is None, text


def test_sheet_names_are_ones_excel_accepts():
    names = sheet_names(
        [
            "By priority and against the targets",
            "By priority and against the targets",
            "Overdue: [3] a/b\\c*?",
            "History",
            "",
            "'quoted'",
            "x" * 40,
        ],
        "en",
    )
    assert names[0] == "By priority and against the…" and names[1].endswith("(2)")
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") and not n.startswith("'") for n in names)
    assert len({n.casefold() for n in names}) == len(names)
    assert names[3] == "Table 4" and names[4] == "Table 5"
    assert sheet_names(["", ""], "fa") == ["جدول ۱", "جدول ۲"]
    assert sheet_names(["\u200fپیگیری‌ها\u200f"], "fa") == ["پیگیری‌ها"]  # the half-space stays, the marks go


def test_a_failed_save_leaves_the_old_file_whole(office, tmp_path, monkeypatch):
    tmp_path = tmp_path / "files"
    tmp_path.mkdir()
    target = tmp_path / "kept.xlsx"
    request = Request("activity", "en", office["from"], office["to"])
    reports.generate(office["supervisor"], request, tmp_path / "a.pdf", data=target)
    before = target.read_bytes()

    def broken(self, filename):
        Path(filename).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken)
    with pytest.raises(OSError) as failed:
        reports.generate(office["supervisor"], request, tmp_path / "b.pdf", data=target)
    assert failed.value.filename == str(target)  # named by the file asked for
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "kept.xlsx"]


def test_a_report_that_fails_in_its_layout_leaves_no_spreadsheet_either(office, tmp_path):
    """The tables are saved once the PDF is whole: a cancelled (or failed) report leaves neither."""
    request = Request("complaints", "en", office["from"], office["to"])
    folder = tmp_path / "out"
    folder.mkdir()

    def cancel_late(fraction: float) -> None:
        if fraction > 0.5:  # in the layout of the pages, after the figures were counted
            raise reports.Cancelled()

    with pytest.raises(reports.Cancelled):
        reports.generate(office["supervisor"], request, folder / "r.pdf", progress=cancel_late, data=folder / "r.xlsx")
    assert list(folder.iterdir()) == []


# --- the command line ---------------------------------------------------------------------------


def test_the_command_line_writes_the_pdf_and_the_spreadsheet(office, db_target, tmp_path, capsys, monkeypatch):
    import main

    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    common = [
        "report",
        "satisfaction",
        "--db",
        db_target,
        "--user",
        "boss",
        "--from",
        office["from"].isoformat(),
        "--to",
        office["to"].isoformat(),
        "--lang",
        "fa",
        "--out",
        str(tmp_path / "s.pdf"),
    ]
    assert main.main([*common, "--data", str(tmp_path / "s.xlsx")]) == 0
    assert capsys.readouterr().out.split() == [str(tmp_path / "s.pdf"), str(tmp_path / "s.xlsx")]
    book = openpyxl.load_workbook(tmp_path / "s.xlsx")
    assert book.worksheets and all(ws.sheet_view.rightToLeft for ws in book.worksheets)
    from helpdesk.reports import satisfaction

    title = satisfaction.label("title", "fa")
    assert book.worksheets[0]["A1"].value == title and any("\u0600" <= ch <= "\u06ff" for ch in title)
    period = book.worksheets[0]["A3"]  # a date first, read right to left in every spreadsheet
    assert period.value[0] == "\u200f" and period.value[1] in "۰۱۲۳۴۵۶۷۸۹" and period.alignment.readingOrder == 2
    assert main.main([*common, "--data", str(tmp_path / "s.csv")]) == 0
    assert _read_csv(tmp_path / "s.csv")[0] == [title]
    capsys.readouterr()
    assert main.main([*common, "--data", str(tmp_path / "s.ods")]) == 2
    assert capsys.readouterr().err == f"report: --data must name a .xlsx or a .csv file, not {tmp_path / 's.ods'}\n"
    missing = tmp_path / "no such folder" / "s.csv"
    assert main.main([*common, "--data", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"report: cannot write {missing}: ") and err.count("\n") == 1


# --- the report centre ----------------------------------------------------------------------------


@pytest.fixture
def cache(tmp_path, monkeypatch):
    from ui import paths, tasks

    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setattr(paths, "cache_dir", lambda: folder)
    yield folder
    assert tasks.wait_for_all(30_000)


def _centre(office, qtbot, lang: str):
    from ui.pages.reports import ReportsPage

    page = ReportsPage(office["supervisor"])
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.select_kind("activity")
    page.preset.setCurrentIndex(page.preset.findData("last_7_days"))
    page.language.setCurrentIndex(page.language.findData(lang))
    return page


def _answer(monkeypatch, asked: list, chosen: str, pick: int = 0):
    from PySide6.QtWidgets import QFileDialog

    def answer(parent, caption, suggested, filters, selected=""):
        asked.append((caption, Path(suggested).name, filters, selected))
        return chosen, filters.split(";;")[pick] if chosen else ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def test_the_report_centre_saves_the_tables_with_the_keyboard(app, office, qtbot, monkeypatch, tmp_path, cache):
    page = _centre(office, qtbot, "en")
    assert page.period() == (office["from"], office["to"])  # the last 7 days, today among them
    asked = []
    _answer(monkeypatch, asked, str(tmp_path / "for the meeting"))
    page.generate_button.setFocus()
    qtbot.keyClick(page.generate_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.sheet_button
    assert page.sheet_button.shortcut().toString() == "Alt+B"  # its mnemonic too
    assert page.sheet_button.accessibleName() == "Save the tables as a spreadsheet"
    qtbot.keyClick(page.sheet_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30_000)
    caption, suggested, filters, selected = asked[0]
    assert caption == "Save the tables as a spreadsheet"
    assert suggested == f"activity-{office['from'].isoformat()}-{office['to'].isoformat()}.xlsx"
    assert filters == "Excel workbooks (*.xlsx);;CSV files (*.csv)" and selected == "Excel workbooks (*.xlsx)"
    saved = tmp_path / "for the meeting.xlsx"
    book = openpyxl.load_workbook(saved)
    assert book.worksheets[0]["A1"].value == "Activity summary" and not book.worksheets[0].sheet_view.rightToLeft
    assert page.status.text() == f"The tables are saved to \u2066{saved}\u2069, and the report is ready."
    assert page.output is not None and page.output.exists() and page.open_button.isVisible()
    assert sorted(p.name for p in cache.rglob("*") if p.is_file()) == [page.output.name]  # no copy left behind
    assert not page.message.isVisible()


def test_the_report_centre_in_persian_saves_csv_and_says_when_it_cannot(
    persian, office, qtbot, monkeypatch, tmp_path, cache
):
    page = _centre(office, qtbot, "fa")
    asked = []
    _answer(monkeypatch, asked, str(tmp_path / "جلسه"), pick=1)  # the CSV file type, no suffix typed
    qtbot.keyClick(page.sheet_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30_000)
    assert asked[0][0] == "ذخیرهٔ جدول‌ها به‌صورت صفحه‌گسترده"
    lines = _read_csv(tmp_path / "جلسه.csv")
    assert lines[0] == ["خلاصهٔ فعالیت"]
    assert page.status.text().startswith("جدول‌ها در ")

    missing = tmp_path / "no such folder" / "t.xlsx"
    _answer(monkeypatch, asked, str(missing))
    qtbot.keyClick(page.sheet_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30_000)
    assert page.message.isVisible() and page.message.text().startswith(f"جدول‌ها در \u2066{missing}\u2069 ذخیره نشدند")
    assert page.output is not None and page.output.exists() and page.open_button.isVisible()  # the PDF is not lost
    assert sorted(p.name for p in cache.rglob("*") if p.is_file()) == [page.output.name]

    asked.clear()
    _answer(monkeypatch, asked, "")  # the person closed the dialog
    qtbot.keyClick(page.sheet_button, Qt.Key.Key_Space)
    assert asked and page.task is not None and not page.is_running()


def test_a_cancelled_report_leaves_the_chosen_file_as_it_was(app, office, qtbot, monkeypatch, tmp_path, cache):
    from ui.pages import reports as reports_page

    real = reports.generate

    def cancelled_in_layout(actor, request, out, progress, data=None):
        real(actor, request, out, progress, data=data)  # the tables are saved first, then the pages are laid out
        raise reports.Cancelled()

    monkeypatch.setattr(reports_page.reports, "generate", cancelled_in_layout)
    target = tmp_path / "last week.xlsx"
    target.write_bytes(b"the person's own file")
    page = _centre(office, qtbot, "en")
    _answer(monkeypatch, [], str(target))
    qtbot.keyClick(page.sheet_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=30_000)
    assert page.status.text() == "Cancelled. No report was made."
    assert target.read_bytes() == b"the person's own file"
    assert not list(cache.rglob("*.xlsx"))


def test_a_period_that_cannot_be_is_said_before_asking_for_a_file(app, office, qtbot, monkeypatch, cache):
    from PySide6.QtCore import QDate

    page = _centre(office, qtbot, "en")
    page.date_from.setDate(QDate(2026, 5, 2))
    page.date_to.setDate(QDate(2026, 5, 1))
    asked = []
    _answer(monkeypatch, asked, "never")
    qtbot.keyClick(page.sheet_button, Qt.Key.Key_Space)
    assert asked == [] and page.task is None
    assert page.fields.errors["date_to"].isVisible()


def test_long_text_wraps_in_a_taller_row_and_a_report_without_tables_still_says_what_it_is(tmp_path):
    from helpdesk.reports.layout import Page

    page = Page("fa", "پیشینهٔ مشتری", "فروشگاه", "۱ آذر ۱۴۰۵", "تهیه‌شده توسط سارا", "صفحهٔ {0} از {1}")
    note = "یادداشت تماس " * 60 + "\nگام بعدی: تماس دوباره"
    spreadsheet.save(
        tmp_path / "t.xlsx",
        page,
        [("رویدادها", [["زمان", "جزئیات", "تعداد"], ["۱۴۰۵/۰۹/۰۲", note, "۱٬۲۰۰"], ["۱۴۰۵/۰۹/۰۳", "", "۳"]])],
    )
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").worksheets[0]
    assert ws["B8"].value == note and ws["B8"].alignment.wrap_text
    assert ws.row_dimensions[8].height > 100 and ws.column_dimensions["B"].width == 60
    assert ws["C8"].value == 1200 and ws["C8"].number_format == "#,##0"
    assert ws["B9"].value is None  # an empty cell, not empty text
    assert ws.freeze_panes == "A8" and ws.auto_filter.ref == "A7:C9"
    spreadsheet.save(tmp_path / "none.xlsx", page, [])
    book = openpyxl.load_workbook(tmp_path / "none.xlsx")
    assert [ws.title for ws in book.worksheets] == ["پیشینهٔ مشتری"]
    assert [book.worksheets[0].cell(r, 1).value for r in range(1, 5)] == [
        "پیشینهٔ مشتری",
        "فروشگاه",
        "\u200f۱ آذر ۱۴۰۵",
        "تهیه‌شده توسط سارا",
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_any_text_is_saved_and_read_back(tmp_path, suffix):
    """Control characters, half a character, emoji newer than Python, unassigned code points,
    markup and a 20,000-character note: saved, and read back as they were, or with U+FFFD where
    the file cannot hold a character."""
    from helpdesk.reports.layout import Page

    page = Page("en", "Customer history", "<b>Shop</b> & Co", "1 November 2026", "Generated by Sara", "Page {0}")
    cells = [
        "bell \x07 here",
        "half \ud83d a character",
        "Thanks 🩷 \U0001fae8",
        "unassigned \U000e0fff \u0378",
        "<para>markup</para> & ]]>",
        "long " * 4000,
        "@SUM(A1:A2)",
        "-the customer left",
        "'=quoted",
    ]
    spreadsheet.save(tmp_path / f"t{suffix}", page, [("Notes", [["Note"], *([c] for c in cells)])])
    if suffix == ".xlsx":
        ws = openpyxl.load_workbook(tmp_path / "t.xlsx").worksheets[0]
        back = [ws.cell(8 + i, 1).value for i in range(len(cells))]
        assert [c.data_type for c in ws["A"][7:]] == ["s"] * len(cells)
    else:
        back = [row[0] for row in _read_csv(tmp_path / "t.csv")[7:]]
        back = [c[1:] if c.startswith("'") else c for c in back]  # spreadsheet_safe's quote
    assert back[0] == ("bell \ufffd here" if suffix == ".xlsx" else cells[0])  # XML cannot hold a bell
    assert back[1] == "half \ufffd a character"
    assert back[2:] == cells[2:]
