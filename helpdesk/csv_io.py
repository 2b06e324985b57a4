"""Customers to and from CSV files: the column mapping, a preview with each row's problems,
the import in one transaction, and a streaming export. Both are for supervisors: an import
adds customers in bulk, an export takes every customer's details out of the building.

Files are UTF-8; exports start with a byte-order mark so Excel reads them as UTF-8, and
imports accept a file with or without one. A file's columns are matched to fields by
their header names, in any order and case (``organisation`` is read as
``organization``). What ``export`` writes, ``import_rows`` reads back.

Spreadsheets run a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
as a formula (a customer named ``=HYPERLINK(...)`` becomes a live link). ``spreadsheet_safe``
writes such a cell with a leading single quote, which Excel and LibreOffice show as text, and
``from_spreadsheet`` takes exactly that quote off on import.

Every row goes through ``customers.clean`` for the preview and the reasons, and then
through ``customers.create``. The core cannot translate, so a problem carries a code;
``reason`` turns it into the English sentence the command line and the rejected-rows
file use, and the UI turns the same codes into translated ones.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import customers, phones, settings
from .db import database
from .errors import KnownError, ValidationError
from .models import (
    KIND_ORGANISATION,
    KIND_PERSON,
    STATUS_MERGED,
    Customer,
    CustomerTag,
    EmailAddress,
    PhoneNumber,
    Staff,
    Tag,
)
from .permissions import require_supervisor

# The columns a file may have, in the order ``export`` writes them (after ``id``).
FIELDS = (
    "kind",
    "given_name",
    "family_name",
    "organization",
    "phone",
    "phone2",
    "email",
    "language",
    "address",
    "referral_source",
    "tags",
    "notes",
)
# Written by ``export`` and skipped by the import: the database decides them.
EXPORT_ONLY = ("id", "status", "segment", "created_at")
EXPORT_COLUMNS = ("id", *FIELDS, "status", "segment", "created_at")
# Other spellings of a column's name (after lower-casing, spaces and dashes as underscores).
ALIASES = {"organisation": "organization", "preferred_language": "language", "e_mail": "email", "phone1": "phone"}
# Columns that may hold several values separated by ";", and may appear more than once.
LIST_FIELDS = ("phone", "phone2", "email", "tags")
SEPARATOR = ";"
KIND_WORDS = {"person": KIND_PERSON, "organisation": KIND_ORGANISATION, "organization": KIND_ORGANISATION}
LANGUAGE_WORDS = {"fa": "fa", "en": "en", "persian": "fa", "farsi": "fa", "english": "en", "فارسی": "fa"}
BATCH = 2000
PREVIEW_ROWS = 200
# A cell that begins with one of these is a formula to Excel and LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"  # what makes a spreadsheet read a cell as text

# One English sentence per problem code. ``{limit}`` and ``{choices}`` come from the problem.
REASONS = {
    "required": "is required",
    "name_required": "a person needs a given name or a family name",
    "too_long": "is longer than {limit} characters",
    "unusable_characters": "holds a broken character that cannot be saved",
    "too_many": "has more than {limit} values",
    "phone_characters": "not a valid phone number: use digits, spaces, dashes and a leading +",
    "phone_invalid": "not a valid phone number",
    "phone_repeated": "the same phone number is given twice",
    "email_invalid": "not a valid e-mail address",
    "email_repeated": "the same e-mail address is given twice",
    "invalid_choice": "must be one of: {choices}",
    "extra_cells": "the row has more values than the header has columns",
}


class CsvError(KnownError):
    """The file as a whole cannot be read or imported. ``code`` says why:

    ``csv_unreadable`` (missing, or no permission), ``csv_not_utf8``, ``csv_empty`` (no header),
    ``csv_no_name_column`` (nothing maps to a name), ``csv_column_twice`` (``field`` is mapped
    from two columns), ``csv_unwritable`` (the rejected rows could not be written).
    """

    def __init__(self, code: str, detail: str = "", **params):
        super().__init__(detail or code, **params)
        self.code = code


@dataclass
class Problem:
    """What is wrong with one row: the file column it concerns, a code, and the value when useful."""

    column: str
    code: str
    value: str = ""
    params: dict = field(default_factory=dict)


@dataclass
class PreviewRow:
    line: int  # where the row starts in the file, counting the header as line 1
    cells: list[str]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Preview:
    columns: list[str]  # the header as written in the file
    mapping: list[str | None]  # the field each column goes to, None to ignore it
    rows: list[PreviewRow]  # the first rows only
    total: int  # every data row in the file
    problems: int  # rows that would be rejected

    @property
    def good(self) -> int:
        return self.total - self.problems


@dataclass
class ImportResult:
    imported: int
    rejected: int
    rejected_path: Path | None  # None when every row was imported


# --- cells that spreadsheets would run ----------------------------------------------


def _marked(text: str) -> bool:
    """True when ``text`` is a cell written by ``spreadsheet_safe`` with a quote in front."""
    return text[:1] == TEXT_MARK and text[1:2] != "" and text[1:2] in (*FORMULA_START, TEXT_MARK)


def spreadsheet_safe(value):
    """``value`` as a CSV cell that Excel and LibreOffice show as text, never run as a formula.

    Text beginning with a formula character gets a single quote in front. So does text that
    already begins with a quote followed by a formula character or another quote, so that
    ``from_spreadsheet`` can tell them apart and every text round-trips. Anything else,
    numbers and None included, is returned unchanged.
    """
    if isinstance(value, str) and (value.startswith(FORMULA_START) or _marked(value)):
        return TEXT_MARK + value
    return value


def from_spreadsheet(cell: str) -> str:
    """A CSV cell as it was before ``spreadsheet_safe``: one leading quote is taken off where
    that function put it (before a formula character or another quote), nowhere else. A
    spreadsheet user's own ``'=1+1`` (text in Excel) is read as ``=1+1`` too."""
    return cell[1:] if _marked(cell) else cell


# --- columns ---------------------------------------------------------------------


def _normal(name: str) -> str:
    key = re.sub(r"[\s\-]+", "_", (name or "").strip().lstrip("\ufeff").lower())
    return ALIASES.get(key, key)


def detect_mapping(columns: list[str]) -> list[str | None]:
    """The field each column goes to, by its header name; None for columns to skip."""
    return [key if (key := _normal(name)) in FIELDS else None for name in columns]


def check_mapping(mapping: list[str | None]) -> None:
    """Refuse a mapping the import cannot use: no name column, or a field fed by two columns."""
    chosen = [f for f in mapping if f]
    for name in FIELDS:
        if name not in LIST_FIELDS and chosen.count(name) > 1:
            raise CsvError("csv_column_twice", f"two columns are mapped to {name}", field=name)
    if not {"given_name", "family_name", "organization"} & set(chosen):
        raise CsvError("csv_no_name_column", "no column is mapped to given_name, family_name or organization")


# --- reading ---------------------------------------------------------------------


def rejected_path(path: str | Path) -> Path:
    """Where the rejected rows of ``path`` go: ``FILE.rejected.csv`` beside it."""
    path = Path(path)
    return path.with_name(f"{path.stem}.rejected.csv")


def _records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The header (line 1) and then each non-blank row, with the line it starts on."""
    try:
        handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the "with" below; opening's own errors told apart
    except FileNotFoundError as error:
        raise CsvError("csv_unreadable", f"{path}: no such file") from error
    except OSError as error:
        raise CsvError("csv_unreadable", f"{path}: {error.strerror or error}") from error
    with handle:
        try:
            first = handle.readline()
            # Excel saves with ";" or tabs in some countries: the header tells which.
            delimiter = ","
            if "," not in first:
                delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
            handle.seek(0)
            reader = csv.reader(handle, delimiter=delimiter)
            line = 1
            for cells in reader:
                if any(cell.strip() for cell in cells) or line == 1:
                    yield line, [from_spreadsheet(cell) for cell in cells]
                line = reader.line_num + 1
        except UnicodeDecodeError as error:
            raise CsvError("csv_not_utf8", f"{path}: not UTF-8 ({error.reason})") from error
        except csv.Error as error:
            raise CsvError("csv_unreadable", f"{path}: {error}") from error


def _header(records: Iterator[tuple[int, list[str]]], path: Path) -> list[str]:
    first = next(records, None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise CsvError("csv_empty", f"{path}: no header row")
    return [cell.strip().lstrip("\ufeff") for cell in first[1]]


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(SEPARATOR) if part.strip()]


def _phone_label(text: str, region: str) -> str:
    """A file has no labels: a mobile number is labelled mobile, any other "other"."""
    import phonenumbers

    try:
        number = phonenumbers.parse(phones.parse(text, region), None)
    except ValidationError:  # clean() reports it
        return "other"
    return "mobile" if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE else "other"


def _check_row(
    cells: list[str], columns: list[str], mapping: list[str | None], region: str
) -> tuple[customers.Draft, list[Problem]]:
    """The draft a row stands for, and its problems (none means it will be imported)."""
    problems: list[Problem] = []
    extra = [c for c in cells[len(columns) :] if c.strip()]
    if extra:
        problems.append(Problem("", "extra_cells", "; ".join(extra)))
    cells = cells[: len(columns)] + [""] * (len(columns) - len(cells))
    values: dict[str, str] = {}
    where: dict[str, str] = {}  # field -> the file column it was read from
    phone_cells: list[tuple[str, str]] = []  # (column, one number)
    email_cells: list[tuple[str, str]] = []
    tags: list[str] = []
    for column, name, text in zip(columns, mapping, cells):
        if name is None:
            continue
        where.setdefault(name, column)
        if name in ("phone", "phone2"):
            phone_cells += [(column, p) for p in _split(text)]
        elif name == "email":
            email_cells += [(column, e) for e in _split(text)]
        elif name == "tags":
            tags += _split(text)
        else:
            values[name] = text

    def named(name: str) -> str:
        return where.get(name, name)

    kind_text = values.get("kind", "").strip().lower()
    organisation = values.get("organization", "")
    if kind_text:
        kind = KIND_WORDS.get(kind_text, kind_text)
    else:  # no kind given: a row with only an organisation's name is an organisation
        has_name = values.get("given_name", "").strip() or values.get("family_name", "").strip()
        kind = KIND_ORGANISATION if organisation.strip() and not has_name else KIND_PERSON
    language_text = values.get("language", "").strip().lower()
    language = LANGUAGE_WORDS.get(language_text, "fa" if not language_text else None)
    if language is None:
        problems.append(
            Problem(
                named("language"), "invalid_choice", values["language"], {"choices": ", ".join(customers.LANGUAGES)}
            )
        )
    referral = re.sub(r"[\s\-]+", "_", values.get("referral_source", "").strip().lower())
    if referral and referral not in customers.REFERRAL_SOURCES:
        problems.append(
            Problem(
                named("referral_source"),
                "invalid_choice",
                values["referral_source"],
                {"choices": ", ".join(customers.REFERRAL_SOURCES)},
            )
        )
    draft = customers.Draft(
        kind=kind,
        given_name=values.get("given_name", ""),
        family_name=values.get("family_name", ""),
        organisation=organisation,
        phones=[(_phone_label(t, region), t) for _, t in phone_cells],
        emails=[t for _, t in email_cells],
        preferred_language=language or "fa",
        address=values.get("address", ""),
        referral_source=referral,
        tags=tags,
        notes=values.get("notes", ""),
    )
    _, errors = customers.clean(draft, region)
    for key, error in errors.items():
        name, _, index = key.partition(".")
        params = dict(error.params)
        if name == "phones":
            column, value = phone_cells[int(index)] if index else (named("phone"), "")
        elif name == "emails":
            column, value = email_cells[int(index)] if index else (named("email"), "")
        elif error.code == "name_required":
            column, value = "", ""  # the sentence names both columns
        elif name == "kind":
            column, value = named("kind"), values.get("kind", "")
            params["choices"] = "person, organization"
        else:
            column, value = named({"organisation": "organization"}.get(name, name)), ""
        problems.append(Problem(column, error.code, value, params))
    return draft, problems


def reason(problem: Problem) -> str:
    """One problem as an English sentence, e.g. ``phone "12ab": not a valid phone number``."""
    text = REASONS.get(problem.code, problem.code.replace("_", " "))
    try:
        text = text.format(**problem.params)
    except (KeyError, IndexError):
        pass
    where = f'{problem.column} "{problem.value}"' if problem.value else problem.column
    return f"{where}: {text}" if where else text


def reasons(problems: list[Problem]) -> str:
    return "; ".join(reason(p) for p in problems)


def read_preview(path: str | Path, mapping: list[str | None] | None = None, limit: int = PREVIEW_ROWS) -> Preview:
    """The file's columns, how they map, its first ``limit`` rows with their problems, and the counts.

    Every row is checked, without touching the database, so the counts are those of
    the whole file. ``mapping`` None means as the header names say.
    """
    path = Path(path)
    records = _records(path)
    columns = _header(records, path)
    mapping = detect_mapping(columns) if mapping is None else list(mapping)
    region = settings.phone_region()
    rows: list[PreviewRow] = []
    total = bad = 0
    for line, cells in records:
        _, problems = _check_row(cells, columns, mapping, region)
        total += 1
        bad += bool(problems)
        if len(rows) < limit:
            rows.append(PreviewRow(line, cells, problems))
    return Preview(columns, mapping, rows, total, bad)


# --- importing -------------------------------------------------------------------


def import_rows(actor: Staff, path: str | Path, mapping: list[str | None] | None = None) -> ImportResult:
    """Import the good rows of ``path`` as new customers, all in one transaction.

    Rows with problems are written, with a ``reason`` column, to ``rejected_path(path)``
    (UTF-8 with a byte-order mark). If anything fails midway, nothing is imported.
    Customers that look like existing ones are imported all the same. Supervisors only.
    """
    require_supervisor(actor)
    path = Path(path)
    records = _records(path)
    columns = _header(records, path)
    mapping = detect_mapping(columns) if mapping is None else list(mapping)
    if len(mapping) != len(columns):
        raise ValueError("one mapping entry per column")
    check_mapping(mapping)
    region = settings.phone_region()
    rejected: list[list[str]] = []
    imported = 0
    target = rejected_path(path)
    with database.atomic():
        for _, cells in records:
            draft, problems = _check_row(cells, columns, mapping, region)
            if not problems:
                try:
                    customers.create(actor, draft, confirm_duplicates=True)
                except customers.FormErrors as error:  # raised before anything is written
                    problems = [Problem(k, e.code, "", dict(e.params)) for k, e in error.errors.items()]
                else:
                    imported += 1
                    continue
            row = cells[: len(columns)] + [""] * (len(columns) - len(cells))
            rejected.append(row + [reasons(problems)])
        if rejected:
            # Written before the commit: if the reasons cannot be saved, nothing is imported.
            try:
                with open(target, "w", encoding="utf-8-sig", newline="") as handle:
                    writer = csv.writer(handle)
                    writer.writerow([spreadsheet_safe(c) for c in (*columns, "reason")])
                    writer.writerows([spreadsheet_safe(c) for c in row] for row in rejected)
            except OSError as error:
                raise CsvError("csv_unwritable", f"{target}: {error.strerror or error}", path=str(target)) from error
    return ImportResult(imported, len(rejected), target if rejected else None)


# --- exporting -------------------------------------------------------------------


def _batches() -> Iterator[list[Customer]]:
    """Every customer but merged markers, ``BATCH`` at a time, by id."""
    last = 0
    while True:
        batch = list(
            Customer.select()
            .where((Customer.id > last) & (Customer.status != STATUS_MERGED))
            .order_by(Customer.id)
            .limit(BATCH)
        )
        if not batch:
            return
        yield batch
        last = batch[-1].id


def _by_customer(query, value) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for row in query:
        out.setdefault(row.customer_id, []).append(value(row))
    return out


def export(actor: Staff, path: str | Path) -> int:
    """Write every customer to ``path`` (UTF-8 with a byte-order mark), in batches. Returns how many.
    Supervisors only."""
    require_supervisor(actor)
    path = Path(path)
    count = 0
    try:
        handle = open(path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the "with" below; opening's own errors told apart
    except OSError as error:
        raise CsvError("csv_unwritable", f"{path}: {error.strerror or error}", path=str(path)) from error
    with handle:
        writer = csv.writer(handle)
        writer.writerow(EXPORT_COLUMNS)
        for batch in _batches():
            ids = [c.id for c in batch]
            numbers = _by_customer(
                PhoneNumber.select(PhoneNumber.customer, PhoneNumber.number)
                .where(PhoneNumber.customer.in_(ids))
                .order_by(PhoneNumber.customer, PhoneNumber.position),
                lambda r: r.number,
            )
            emails = _by_customer(
                EmailAddress.select(EmailAddress.customer, EmailAddress.address)
                .where(EmailAddress.customer.in_(ids))
                .order_by(EmailAddress.customer, EmailAddress.position),
                lambda r: r.address,
            )
            tags = _by_customer(
                CustomerTag.select(CustomerTag.customer, Tag.name)
                .join(Tag)
                .where(CustomerTag.customer.in_(ids))
                .order_by(CustomerTag.customer, Tag.name),
                lambda r: r.tag.name,
            )
            for c in batch:
                own = numbers.get(c.id, [])
                created = f"{c.created_at.isoformat(timespec='seconds')}Z" if c.created_at else ""
                writer.writerow(
                    [
                        spreadsheet_safe(cell)
                        for cell in (
                            c.id,
                            c.kind,
                            c.given_name,
                            c.family_name,
                            c.organisation,
                            own[0] if own else "",
                            "; ".join(own[1:]),
                            "; ".join(emails.get(c.id, [])),
                            c.preferred_language,
                            c.address,
                            c.referral_source,
                            "; ".join(tags.get(c.id, [])),
                            c.notes,
                            c.status,
                            c.segment or "",
                            created,
                        )
                    ]
                )
            count += len(batch)
    return count
