"""Text in the PDF reports: nothing the app accepts breaks a report, every character is drawn
(or shows a visible box) and is in the text layer, and Persian can be searched and copied: the
text layer holds the letters as typed (never presentation forms), in reading order, as read by
poppler's ``pdftotext`` and by ``pypdf``. Each test makes its own data through the services."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from helpdesk import reports
from helpdesk.reports import Request

NEWEST_EMOJI = "\U0001fa77"  # pink heart, Unicode 15: newer than Python 3.11's tables
NEWER_STILL = "\U0001fae9"  # Unicode 16: in no font here, drawn as a box
UNASSIGNED = "\u0378\U0002fffd"  # unassigned code points
PRIVATE = "\ue000\U0010fffd"
BIDI = "\u202e\u2067\u200f\u061c"  # overrides, isolates, marks: typed, they are cleaned away
MARKUP = "<b>bold?</b> & <font size=40>x</font> </para> ]]>"
LATIN_TOKEN = "x" * 500
PERSIAN_TOKEN = "ب" * 500
# Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE); U+FE00–U+FE0F between them are
# variation selectors, which a person's emoji may hold (❤️).
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"))

# Stored Persian text the reports must give back (people, places, what was said).
PEOPLE = [
    ("مریم", "اکبری"),
    ("علی", "کلانتری"),
    ("زهرا", "فلاحی"),
    ("حسین", "نیک‌نام"),
    ("فاطمه", "سلامی"),
    ("محمد", "رضایی"),
]
NOTE_WORDS = ["پیش‌فاکتور", "ماشین‌لباسشویی", "تعمیرکار", "بازپرداخت", "فروشگاه", "آسمان", "خیابان آزادی"]


def _note(size: int) -> str:
    """A note as long as the form allows, with every kind of hostile text in it."""
    piece = (
        f"مشتری گفت ماشین‌لباسشویی هنوز خراب است؛ تعمیرکار نیامد (۳ بار) Thanks {NEWEST_EMOJI} ❤️ "
        f"{NEWER_STILL} {UNASSIGNED} {PRIVATE} {BIDI}{MARKUP} «آسمان» Sky Store ۱۲٫۵٪ "
    )
    head = f"{LATIN_TOKEN} {PERSIAN_TOKEN} "
    return (head + piece * (size // len(piece) + 1))[:size]


@pytest.fixture
def hostile(supervisor, staff, clock):
    """A fresh database with the hostile cases, written as a person would write them."""
    from helpdesk import calm, complaints, contacts, customers, settings
    from helpdesk.complaints import ComplaintDraft
    from helpdesk.models import ComplaintCategory

    clock.move_to(datetime(2026, 11, 20, 10, 0))
    settings.set_business(supervisor, "فروشگاه نمونهٔ «آسمان» Sky Store", None)
    made = []
    for i, (given, family) in enumerate(PEOPLE):
        made.append(
            customers.create(
                staff,
                customers.Draft(
                    given_name=given,
                    family_name=family,
                    phones=[("mobile", f"0912 345 67{i:02d}")],
                    address="تهران، خیابان آزادی، پلاک ۱۲" + ("\n" * 3) + LATIN_TOKEN[:400],
                    notes=_note(customers.NOTES_LIMIT) if i == 0 else "گارانتی تمدید شد " + NEWEST_EMOJI,
                ),
            )
        )
    customer = made[0]
    category = ComplaintCategory.select().order_by(ComplaintCategory.id).first()
    complaint = None
    for i, person in enumerate(made):
        contact = contacts.create(
            staff,
            contacts.ContactDraft(
                customer_id=person.id,
                started_at=datetime(2026, 11, 2 + i, 9, 0),
                reason="پیش‌فاکتور " + MARKUP,
                notes=_note(contacts.NOTES_LIMIT) if i == 0 else "بازپرداخت خواست " + NEWEST_EMOJI,
                outcome="complaint",
                satisfaction="dissatisfied",
                next_step="تعمیرکار فردا می‌آید",
            ),
        )
        made_complaint = complaints.create(
            staff,
            ComplaintDraft(
                customer_id=person.id,
                contact_id=contact.id,
                category_id=category.id,
                priority="high",
                description=_note(complaints.TEXT_LIMIT) if i == 0 else "دستگاه در گارانتی است",
                wanted=_note(complaints.TEXT_LIMIT) if i == 0 else "بازپرداخت",
                assignee_id=staff.id,
            ),
        )
        complaint = complaint or made_complaint
    complaints.comment(staff, complaint.id, _note(complaints.TEXT_LIMIT), "customer")
    complaints.escalate(staff, complaint.id, _note(1000), supervisor.id)
    session = calm.start(staff, customer.id)
    state = calm.state_of(session)
    state.anger_start = 5
    for step in state.steps:
        step.ticked, step.ticked_at, step.note = True, datetime(2026, 11, 2, 9, 5), _note(calm.NOTE_LIMIT)
    calm.finish(staff, session.id, state, 2, "calmed")
    return {"customer": customer, "session": session, "complaint": complaint, "category": category}


def _requests(data, lang: str) -> list[Request]:
    made = [Request(kind, lang, date(2026, 11, 1), date(2026, 11, 30)) for kind in reports.PERIOD_KINDS]
    return made + [
        Request("customer", lang, customer_id=data["customer"].id),
        Request("incident", lang, session_id=data["session"].id),
        Request("incident", lang, complaint_id=data["complaint"].id),
    ]


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Each font used on any page, and whether its file is embedded."""
    found = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or {}
            descriptor = descriptor.get_object() if hasattr(descriptor, "get_object") else descriptor
            found[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile2", "/FontFile3"))
    return found


def _made(supervisor, data, tmp_path, lang: str) -> list[tuple[Request, object]]:
    outs = []
    for request in _requests(data, lang):
        out = tmp_path / f"{request.kind}-s{request.session_id}-c{request.complaint_id}-{lang}.pdf"
        reports.generate(supervisor, request, out)
        outs.append((request, out))
    return outs


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_every_report_prints_whatever_the_app_accepts(supervisor, hostile, tmp_path, lang):
    """Notes and descriptions as long as the forms allow, 500-letter words, the newest emoji,
    unassigned and private characters, bidi controls and markup: every report is made, its pages
    counted, every font embedded, and every character is in the text (drawn, or a visible box)."""
    for request, out in _made(supervisor, hostile, tmp_path, lang):
        reader = PdfReader(str(out))
        assert 1 <= len(reader.pages) <= 80, (request, len(reader.pages))
        fonts = _fonts(reader)
        assert fonts and all(fonts.values()), (request, fonts)
        words = "".join(page.extract_text() for page in reader.pages)
        assert "\u202e" not in words and "\u2067" not in words, request
        if request.kind in ("customer", "incident"):
            flat = re.sub(r"\s", "", words)
            assert LATIN_TOKEN in flat, request  # the long word is all there, cut into lines
            assert NEWEST_EMOJI in words and UNASSIGNED[0] in words and PRIVATE[0] in words, request
            assert "<font size=40>x</font>" in re.sub(r"\s+", " ", words), request  # perhaps over two lines
            if request.session_id is None:
                assert len(reader.pages) >= 3, request  # the long notes went on to more pages


def _pdftotext(path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_persian_reports_can_be_searched_and_copied(supervisor, hostile, tmp_path):
    """What people typed is in the text of every Persian report as they typed it: found by
    poppler's pdftotext and by pypdf, in reading order, with no presentation forms."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed (CI installs poppler-utils)")
    stored = [name for person in PEOPLE for name in person] + NOTE_WORDS + [hostile["category"].name_fa]
    stored += ["تعمیرکار فردا می‌آید", "هنوز خراب است", "مریم اکبری"]
    by_poppler, by_pypdf = "", ""
    for _request, out in _made(supervisor, hostile, tmp_path, "fa"):
        by_poppler += _pdftotext(out).translate(BIDI_MARKS)
        by_pypdf += "".join(page.extract_text() for page in PdfReader(str(out)).pages).translate(BIDI_MARKS)
    for reader, words in (("pdftotext", by_poppler), ("pypdf", by_pypdf)):
        assert not PRESENTATION_FORMS.search(words), (reader, PRESENTATION_FORMS.findall(words)[:10])
        found = [s for s in stored if s in words]
        missing = [s for s in stored if s not in words]
        assert len(found) >= 20 and not missing, (reader, missing)
    assert "\u200c" in by_poppler and "\u200c" in by_pypdf  # half-spaces kept (نیک‌نام)


def test_a_mixed_name_keeps_its_quotes_in_an_english_header(db):
    """«آسمان» in an English line: both guillemets stay with the Persian words they quote, drawn
    in one right-to-left run (mirrored together), and only " Sky Store" reads left to right.
    (Plain bidi leaves the closing one on the left-to-right side: it printed "»" twice, far apart.)"""
    from helpdesk.reports.layout import BOLD, _line, register_fonts

    register_fonts()
    name = "فروشگاه نمونهٔ «آسمان» Sky Store"
    runs = sorted(_line(name, BOLD, False).runs, key=lambda run: run.x)
    assert [run.start for run in runs] == [0, name.index(" Sky Store")]


def test_a_latin_value_keeps_its_leading_sign_in_a_persian_report(db, tmp_path):
    from reportlab.platypus import SimpleDocTemplate

    from helpdesk.reports.layout import register_fonts, text

    register_fonts()
    out = tmp_path / "value.pdf"
    SimpleDocTemplate(str(out), initialFontName="Vazirmatn").build([text("<Book> & Co فروشگاه", "fa")])
    assert "<Book> & Co فروشگاه" in PdfReader(str(out)).pages[0].extract_text()


def test_lines_never_run_past_their_width(db):
    """A long unbroken word is cut between characters; headers wrap between words only."""
    from helpdesk.reports.layout import BOLD, REGULAR, measure, register_fonts, table, wrap_lines

    register_fonts()
    for value, rtl in ((LATIN_TOKEN, False), (PERSIAN_TOKEN, True), (f"Thanks {NEWEST_EMOJI} " * 40, False)):
        lines = wrap_lines(value, REGULAR, 9, 120, rtl)
        assert len(lines) > 1 and all(measure(line, REGULAR, 9, rtl) <= 120 for line in lines), value[:20]
        assert "".join(lines).replace(" ", "") == value.replace(" ", "")
    made = table([["Customer", "Delighted", "Dissatisfied"], ["a", "1", "2"]], "en", [60, 40, 40])
    made.wrapOn(None, 140, 800)
    for cell in made._cellvalues[0]:
        block = cell[0]
        assert all(line in block.text.split() or " " in line for line in block.lines), block.lines
        assert all(measure(line, BOLD, block.size) <= 40 for line in block.lines)


def test_a_sign_stays_with_its_number_in_persian(db):
    """ "(+۶:۳۷)" after a step's time: the plus reads before the number, on its left, as a
    Persian reader expects (plain bidi put it on the right: "(۶:۳۷+)"); a range keeps its dash."""
    from helpdesk.reports.layout import REGULAR, _line, register_fonts

    register_fonts()
    for value, number in (("۱۰:۰۵ (+۶:۳۷)", "+۶:۳۷"), ("تغییر −۵ واحد", "−۵"), ("۱۲-۱۴ آذر", "۱۲-۱۴")):
        starts = {run.start for run in _line(value, REGULAR, True).runs}
        assert value.index(number) in starts, value
        assert value.index(number) + 1 not in starts, value


def test_a_long_row_goes_on_where_the_page_ends(db, tmp_path):
    """A note longer than a page starts under the rows above it and goes on to the next pages,
    each headed once by the table's header (ReportLab first moved it whole below a second header)."""
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from helpdesk.reports.layout import CONTENT_WIDTH, register_fonts, table

    register_fonts()
    rows = [["Field", "Value"]] + [[f"k{i}", "v"] for i in range(5)] + [["Notes", "word " * 3000], ["after", "x"]]
    out = tmp_path / "long.pdf"
    SimpleDocTemplate(str(out), initialFontName="Vazirmatn").build(
        [Spacer(1, 200), table(rows, "en", [CONTENT_WIDTH * 0.3, CONTENT_WIDTH * 0.7])]
    )
    pages = [page.extract_text() for page in PdfReader(str(out)).pages]
    assert len(pages) >= 3 and [page.count("Field") for page in pages] == [1] * len(pages)
    assert "Notes" in pages[0] and "word" in pages[0] and "after" in pages[-1]


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_rows_of_a_few_lines_go_whole_to_the_next_page_under_one_header(db, tmp_path, lang):
    """A row of a few lines that does not fit at the foot of a page goes whole to the next, and no
    page shows the header twice (it did: the rest of the table was tried in the space left, and its
    first row split there under a second header)."""
    from reportlab.platypus import SimpleDocTemplate

    from helpdesk.reports.layout import CONTENT_WIDTH, register_fonts, table

    register_fonts()
    note = ("یادداشت تماس دربارهٔ فاکتور " if lang == "fa" else "a note about the invoice ") * 12
    rows = [["Header", "Notes"]] + [[f"row{i:02d}", f"{note}end{i:02d}"] for i in range(60)]
    out = tmp_path / "rows.pdf"
    SimpleDocTemplate(str(out), initialFontName="Vazirmatn").build(
        [table(rows, lang, [CONTENT_WIDTH * 0.2, CONTENT_WIDTH * 0.8])]
    )
    pages = [page.extract_text() for page in PdfReader(str(out)).pages]
    assert len(pages) >= 3 and [page.count("Header") for page in pages] == [1] * len(pages)
    for i in range(60):  # each row whole on one page: its label and its last word together
        assert [f"row{i:02d}" in page for page in pages] == [f"end{i:02d}" in page for page in pages], i


def test_a_chart_s_heading_goes_to_the_next_page_with_it(db, tmp_path):
    """A heading at the foot of a page with no room for the chart below it goes over with the
    chart (the activity report's 'Contacts by day' stood alone at the foot of its first page)."""
    from reportlab.platypus import Spacer

    from helpdesk.reports import layout

    story = [
        Spacer(1, 560),
        layout.heading("Contacts by day", "en"),
        layout.bar_chart(["Mon 1", "Tue 2"], [[3, 4]], [("Contacts", "#1e88e5")], "en"),
        layout.heading("Afterwards", "en"),
        layout.text("The rest.", "en"),
    ]
    out = tmp_path / "chart.pdf"
    layout.write(out, layout.page_for("en", "Activity", "November", "Mina"), story)
    pages = [page.extract_text() for page in PdfReader(str(out)).pages]
    assert len(pages) == 2 and "Contacts by day" in pages[1] and "Mon 1" in pages[1]
    assert "Contacts by day" not in pages[0]


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_a_contact_s_long_notes_are_in_the_customer_history_whole(db, supervisor, staff, tmp_path, lang):
    """The history is the one report of what was said on a contact: its notes print whole, over as
    many pages as they need (they were cut at 1,500 characters with '…')."""
    from datetime import timedelta

    from helpdesk import contacts, customers
    from helpdesk.clock import utcnow

    who = customers.create(staff, customers.Draft(given_name="Maryam", family_name="Akbari"))
    words = [f"w{i:04d}" for i in range(1200)]  # 6,000 characters, the last words at the end
    when = utcnow() - timedelta(hours=2)
    contacts.create(
        staff,
        contacts.ContactDraft(
            customer_id=who.id,
            channel="walk_in",
            started_at=when,
            ended_at=when + timedelta(minutes=9),
            reason="Refund",
            notes=" ".join(words),
            outcome="resolved",
            satisfaction="satisfied",
        ),
    )
    out = tmp_path / "history.pdf"
    reports.generate(supervisor, Request("customer", lang, customer_id=who.id), out)
    text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert all(word in text for word in words[-5:] + words[:5]) and "…" not in text
