"""The page frame every report shares, and text that is right in Persian and in English.

Persian in ReportLab: the text is wrapped in logical order (measured as it will be drawn),
then each line is shaped (``arabic_reshaper``) and put in visual order
(``bidi.get_display`` with a right-to-left base), and drawn right-aligned. Shaping before
wrapping would put the lines in reverse order. English text goes through ReportLab's own
Paragraph, unless it holds Persian (a customer's name, say): then it is wrapped the same way,
with a left-to-right base, and drawn left-aligned. All text a person typed is escaped and cleaned first, so markup, control
characters and direction overrides print as text and never break a report.
"""
from __future__ import annotations

import html
import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ..localization import digits, format_date, format_datetime, format_number
from ..text import clean_text

FONTS = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"
REGULAR, BOLD = "Vazirmatn", "Vazirmatn-Bold"
MARGIN = 18 * mm


def register_fonts() -> None:
    """Vazirmatn has Persian and Latin letters; embedded as a TrueType subset in every PDF."""
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "Vazirmatn-Regular.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "Vazirmatn-Bold.ttf")))
        from reportlab.graphics import shapes

        shapes.STATE_DEFAULTS["fontName"] = REGULAR  # charts would otherwise name an unembedded Helvetica


def plain(text: object) -> str:
    """What a person typed, safe to print: controls and direction overrides gone. The marks
    ``embed`` puts in are kept (stored text never has any: they are cleaned out when typed)."""
    return clean_text(str(text if text is not None else ""), keep_marks=True)


_reshaper = None
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
MARKS = {"en": "\u200e", "fa": "\u200f"}  # left-to-right and right-to-left marks


def has_rtl(value: str) -> bool:
    """Whether the text has Persian (or other right-to-left) letters in it."""
    return bool(_RIGHT_TO_LEFT.search(value))


def reads_rtl(value: str, lang: str) -> bool:
    """The direction a paragraph reads in: the report's, unless the text is all in the other
    script (a Persian note in an English report, an English name in a Persian one)."""
    if lang == "fa":
        return has_rtl(value) or not _LATIN.search(value)
    return has_rtl(value) and not _LATIN.search(value)


def embed(value: object, lang: str) -> str:
    """A person's text inside one of the report's sentences: cleaned, and closed with a mark of
    the sentence's direction, so a number after a Persian name stays where it belongs."""
    return plain(value) + MARKS[lang]


def left_to_right(value: object) -> str:
    """Text that reads left to right even inside Persian (a phone number, say): between two
    left-to-right marks its digits and spaces keep their order. (The screens use
    ``localization.left_to_right``, an isolate; the pure-Python bidi algorithm used here does
    not know isolates, and marks do the same work.)"""
    return MARKS["en"] + plain(value) + MARKS["en"]


@lru_cache(maxsize=65536)  # ReportLab measures and draws a cell's lines many times over
def visual(line: str, rtl: bool = True) -> str:
    """One logical line, shaped and in the order it is drawn, in a right-to-left (Persian report)
    or left-to-right (English report, say with a Persian name in it) paragraph.
    Marks such as the hamza of «خلاصهٔ» are kept (the reshaper drops them by default). The
    pure-Python algorithm of python-bidi is used: it mirrors brackets, so "(۳)" does not come
    out as ")۳(" as it does from the package's default (Rust) one."""
    global _reshaper
    from bidi.algorithm import get_display

    if _reshaper is None:
        import arabic_reshaper

        _reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
    return _unmarked(get_display(_reshaper.reshape(line), base_dir="R" if rtl else "L"))


def _unmarked(value: str) -> str:
    """The marks steer the order of the letters; they are not drawn."""
    return value.replace(MARKS["en"], "").replace(MARKS["fa"], "")


def shown(value: object, lang: str) -> str:
    """A one-line label (a header, a chart's axis) as it is drawn in a report in ``lang``."""
    value = plain(value)
    if lang == "fa" or has_rtl(value):
        return visual(value, reads_rtl(value, lang))
    return _unmarked(value)


class BidiParagraph(Flowable):
    """A paragraph with Persian in it: wrapped in logical order, then each line shaped and put in
    drawing order (``rtl``: the direction it reads in); right-aligned in a Persian report
    (``right``), left-aligned in an English one. ``text`` is already clean."""

    def __init__(self, text: str, font: str = REGULAR, size: float = 10, leading: float | None = None,
                 colour=colors.black, rtl: bool = True, right: bool = True):
        super().__init__()
        self.text = text
        self.right = right
        self.font, self.size = font, size
        self.leading = leading or size * 1.5
        self.colour = colour
        self.rtl = rtl
        self.lines: list[str] = []

    def _width(self, line: str) -> float:
        return pdfmetrics.stringWidth(visual(line, self.rtl), self.font, self.size)

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.lines = []
        for paragraph in self.text.split("\n"):
            words, line = paragraph.split(" "), ""
            for word in words:
                candidate = f"{line} {word}" if line else word
                if line and self._width(candidate) > available_width:
                    self.lines.append(line)
                    line = word
                else:
                    line = candidate
            self.lines.append(line)
        self.height = self.leading * len(self.lines)
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setFont(self.font, self.size)
        c.setFillColor(self.colour)
        y = self.height - self.size
        for line in self.lines:
            if self.right:
                c.drawRightString(self.width, y, visual(line, self.rtl))
            else:
                c.drawString(0, y, visual(line, self.rtl))
            y -= self.leading


@dataclass
class Page:
    """Who the report is for and by: drawn on every page."""

    language: str
    title: str
    business: str
    period: str
    generated: str  # "Generated by … on …", already in the report's language
    page_of: str  # "Page {0} of {1}", in the report's language
    logo: bytes | None = None  # PNG or JPEG from Settings, drawn at the far end of the header


def text(value: str, lang: str, size: float = 10, bold: bool = False, colour=colors.black) -> Flowable:
    """A paragraph in the report's direction, with the person's text cleaned and escaped."""
    font = BOLD if bold else REGULAR
    value = plain(value)
    if lang == "fa" or has_rtl(value):
        return BidiParagraph(value, font, size, colour=colour, rtl=reads_rtl(value, lang), right=lang == "fa")
    style = ParagraphStyle("p", fontName=font, fontSize=size, leading=size * 1.4, alignment=TA_LEFT,
                           textColor=colour)
    return Paragraph(html.escape(_unmarked(value)).replace("\n", "<br/>"), style)


class _Heading(Flowable):
    """A section heading that starts a new page rather than stand alone at the foot of one."""

    ROOM_BELOW = 60  # points that must be left under it for what follows

    def __init__(self, inner: Flowable):
        super().__init__()
        self.inner = inner

    def wrap(self, available_width, available_height):
        width, height = self.inner.wrap(available_width, available_height)
        if available_height < height + self.ROOM_BELOW:
            return width, available_height + 1  # does not fit: the frame moves it to the next page
        return width, height

    def split(self, available_width, available_height):
        return []

    def draw(self):
        self.inner.drawOn(self.canv, 0, 0)


def heading(value: str, lang: str, size: float = 12) -> Flowable:
    """A section heading: never the last line of a page."""
    made = _Heading(text(value, lang, size, bold=True))
    made.title = plain(value)  # the name of the table below it in a spreadsheet
    return made


def month_name(key: tuple[int, int], lang: str) -> str:
    """A month of ``reports.month_spans``: "Nov 2026", or «آبان ۱۴۰۵» (a Jalali month)."""
    from ..localization import GREGORIAN_MONTHS, JALALI_MONTHS

    year, month = key
    if lang == "fa":
        return digits(f"{JALALI_MONTHS[month - 1]} {year}", lang)
    return f"{GREGORIAN_MONTHS[month - 1][:3]} {year}"


def day_name(day, lang: str) -> str:
    """A day without its year, for a chart: "23 Nov", «۲ آذر»."""
    from ..localization import GREGORIAN_MONTHS, JALALI_MONTHS, to_jalali

    if lang == "fa":
        j = to_jalali(day)
        return digits(f"{j.day} {JALALI_MONTHS[j.month - 1]}", lang)
    return f"{day.day} {GREGORIAN_MONTHS[day.month - 1][:3]}"


def bar_chart(names: list[str], series: list[list[float]], legend: list[tuple[str, str]], lang: str,
              stacked: bool = False, height: float = 120):
    """Vertical bars, one colour per series (``legend``: (word, colour) each; no legend for one
    series). In Persian the categories run right to left and the value axis stands on the right."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, Rect, String

    rtl = lang == "fa"
    if rtl:
        names, series = list(reversed(names)), [list(reversed(s)) for s in series]
    top = 26 if len(series) > 1 else 10
    drawing = Drawing(CONTENT_WIDTH, height + 30 + top)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = (10 if rtl else 30), 30, CONTENT_WIDTH - 40, height
    chart.data = series
    chart.categoryAxis.style = "stacked" if stacked else "parallel"
    chart.categoryAxis.categoryNames = [shown(n, lang) for n in names]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 6 if len(names) <= 16 else 5
    if len(names) > 16:  # many days: upright so they do not run into each other
        chart.categoryAxis.labels.angle = 90
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dy = -2
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: format_number(v, lang)
    if rtl:  # the value axis on the right, its numbers outside it
        chart.valueAxis.joinAxisMode = "right"
        chart.valueAxis.labels.boxAnchor = "w"
        chart.valueAxis.labels.dx = 6
    for i, (_word, colour) in enumerate(legend):
        chart.bars[i].fillColor = colors.HexColor(colour)
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:  # a coloured square and its word for each series, in reading order
        x, y = (CONTENT_WIDTH if rtl else 30), height + 42
        for word, colour in legend:
            word = shown(word, lang)
            width = pdfmetrics.stringWidth(word, REGULAR, 8)
            box_x = x - 8 if rtl else x
            drawing.add(Rect(box_x, y, 8, 8, fillColor=colors.HexColor(colour), strokeColor=None))
            if rtl:
                drawing.add(String(x - 12, y + 1, word, fontName=REGULAR, fontSize=8, textAnchor="end"))
                x -= width + 30
            else:
                drawing.add(String(x + 12, y + 1, word, fontName=REGULAR, fontSize=8))
                x += width + 30
    return drawing


def number(value, lang: str) -> str:
    return digits(value, lang)


def make_canvas(page: Page):
    """A canvas that knows the page count at the end, for "page X of Y"."""

    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR  # no unembedded Helvetica
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []
            self.setTitle(page.title)
            self.setAuthor(page.business)

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._frame(total)
                super().showPage()
            super().save()

        def _frame(self, total: int) -> None:
            width, height = A4
            rtl = page.language == "fa"
            self.setStrokeColor(colors.HexColor("#9aa5b1"))
            self.line(MARGIN, height - MARGIN + 4 * mm, width - MARGIN, height - MARGIN + 4 * mm)
            self.line(MARGIN, MARGIN - 6 * mm, width - MARGIN, MARGIN - 6 * mm)
            self.setFillColor(colors.HexColor("#1f2a36"))
            head = [(page.business, BOLD, 11), (f"{page.title} — {page.period}", REGULAR, 9)]
            y = height - MARGIN + 12 * mm
            for value, font, size in head:
                self.setFont(font, size)
                drawn = shown(value, page.language)
                (self.drawRightString(width - MARGIN, y, drawn) if rtl else self.drawString(MARGIN, y, drawn))
                y -= size + 2
            if page.logo:
                self._logo(width, height, rtl)
            self.setFont(REGULAR, 8)
            foot = page.page_of.format(number(self._pageNumber, page.language), number(total, page.language))
            left, right = (foot, page.generated) if rtl else (page.generated, foot)
            self.drawString(MARGIN, MARGIN - 11 * mm, shown(left, page.language))
            self.drawRightString(width - MARGIN, MARGIN - 11 * mm, shown(right, page.language))

        def _logo(self, width: float, height: float, rtl: bool) -> None:
            from io import BytesIO

            from reportlab.lib.utils import ImageReader

            image = ImageReader(BytesIO(page.logo))
            w, h = image.getSize()
            tall = 11 * mm
            wide = min(45 * mm, tall * w / h)
            x = MARGIN if rtl else width - MARGIN - wide  # opposite the business name
            self.drawImage(image, x, height - MARGIN + 5 * mm, wide, tall, preserveAspectRatio=True, mask="auto")

    return NumberedCanvas


COMMON = {  # words more than one report uses
    "business": ("Help desk", "میز خدمت مشتریان"),
    "page_of": ("Page {0} of {1}", "صفحهٔ {0} از {1}"),
    "total": ("Total", "جمع"), "only": ("{0} only", "تنها {0}"), "none": ("None.", "هیچ."), "unnamed": ("Not identified", "شناسایی نشده"),
    "dissatisfied": ("Dissatisfied", "ناراضی"), "satisfied": ("Satisfied", "راضی"), "delighted": ("Delighted", "خشنود"),
    "not_asked": ("Not asked", "پرسیده نشد"),
    "phone": ("Phone call", "تماس تلفنی"), "walk_in": ("Walk-in visit", "مراجعه حضوری"),
    "email": ("E-mail", "ایمیل"), "other": ("Other", "سایر"),
    "urgent": ("Urgent", "فوری"), "high": ("High", "زیاد"), "normal": ("Normal", "عادی"), "low": ("Low", "کم"),
    "new": ("New", "جدید"), "in_progress": ("In progress", "در حال رسیدگی"), "escalated": ("Escalated", "ارجاع‌شده"),
    "resolved": ("Resolved", "حل‌شده"), "closed": ("Closed", "بسته"),
    "calmed": ("Calmed", "آرام شد"), "partly_calmed": ("Partly calmed", "تا حدی آرام شد"),
    "not_calmed": ("Not calmed", "آرام نشد"),
}


def words(table: dict, key: str, lang: str) -> str:
    """The report's own words (the core has no Qt): each key has its English and Persian."""
    pair = table.get(key) or COMMON.get(key)
    if pair is None:  # a stored code the report has no word for is printed as it is
        return key
    return pair[1] if lang == "fa" else pair[0]


def percent(part: float, whole: float, lang: str, decimals: int = 1) -> str:
    """``part`` as a share of ``whole``: "38.2%" / "۳۸٫۲٪", or "—" when there is nothing to share."""
    if not whole:
        return "—"
    return format_number(100 * part / whole, lang, decimals) + ("٪" if lang == "fa" else "%")


def page_for(lang: str, title: str, period: str, generated_by: str) -> Page:
    """The frame of a report: the business's name and logo come from Settings."""
    from .. import settings
    from ..clock import to_local, utcnow

    return Page(lang, title, settings.business_name() or words(COMMON, "business", lang), period,
                generated_line(lang, generated_by, to_local(utcnow())), words(COMMON, "page_of", lang),
                settings.business_logo())


def period_of(request, lang: str) -> str:
    """"1 November 2026 – 30 November 2026" (one date for one day), and the staff member
    when the report is about one person's work only."""
    first, last = format_date(request.date_from, lang), format_date(request.date_to, lang)
    period = first if first == last else f"{first} – {last}"
    if request.staff_id is not None:
        from ..models import Staff

        person = Staff.get_or_none(Staff.id == request.staff_id)
        if person is not None:
            period += ("، " if lang == "fa" else ", ") + words(COMMON, "only", lang).format(embed(person.full_name, lang))
    return period


def generated_line(lang: str, who: str, when: datetime) -> str:
    template = "تهیه‌شده توسط {0} در {1}" if lang == "fa" else "Generated by {0} on {1}"
    return template.format(embed(who, lang), format_datetime(when, lang))



CONTENT_WIDTH = A4[0] - 2 * MARGIN


# Where the tables of the report being made are also saved as a spreadsheet (``reports.generate``
# sets it for one report: ``data=`` there, ``--data FILE`` on the command line).
DATA_OUT: ContextVar[Path | None] = ContextVar("DATA_OUT", default=None)


def tables_of(story: list) -> list[tuple[str, list[list[str]]]]:
    """The tables of a story, each with the heading above it (its title), rows in reading order
    as made by ``table``: what a spreadsheet of the report holds."""
    found, title = [], ""
    for flowable in story:
        if isinstance(flowable, _Heading):
            title = getattr(flowable, "title", "")
        rows = getattr(flowable, "sheet_rows", None)
        if rows is not None:
            found.append((title, rows))
    return found


def write(out, page: Page, story: list, progress=None, start: float = 0.3) -> None:
    """Lay ``story`` out on A4 pages in the shared frame and write the PDF to ``out``.
    The file appears whole or not at all: it is written beside ``out`` and renamed.
    ``progress`` hears how far the layout is, from ``start`` to 1; if it raises (Cancelled),
    nothing is written. With ``DATA_OUT`` set, the story's tables are saved there too."""
    import os

    data_out = DATA_OUT.get()
    if data_out is not None:
        from .spreadsheet import save

        save(data_out, page, tables_of(story))

    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    out = Path(out)
    partial = out.with_name(f".{out.name}.partial")
    doc = SimpleDocTemplate(str(partial), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN + 8, bottomMargin=MARGIN, title=page.title, author=page.business)
    if progress is not None:
        total = max(1, len(story))

        def heard(kind: str, value: int) -> None:
            if kind == "PROGRESS":
                progress(start + (1 - start) * min(1.0, value / total))

        doc.setProgressCallBack(heard)
    try:
        doc.build(story, canvasmaker=make_canvas(page))
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def table(rows: list[list], lang: str, widths: list[float]) -> Table:
    """A table that reads in the report's direction, its header repeated on every page.
    Its rows as given (reading order, first row the header) go with it for a spreadsheet."""
    sheet_rows = [[plain(v) for v in r] for r in rows]
    if lang == "fa":  # right to left: the first column on the right
        rows = [list(reversed(r)) for r in rows]
        widths = list(reversed(widths))
    cells = [[text(str(v), lang, 9, bold=(i == 0)) for v in r] for i, r in enumerate(rows)]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else the table names Helvetica, which is not embedded
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#9aa5b1")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f9fb")]),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    table.sheet_rows = sheet_rows
    return table
