"""The page frame every report shares, and text that is right in Persian and in English, and
that can be searched and copied from the PDF.

All text is drawn by this module, one line at a time, the way a browser does it:
- the line is wrapped in logical order (as typed), at spaces, and a word wider than the line is
  cut between its characters; a paragraph and a table row go on to the next page;
- the bidirectional levels of the line's characters are found with python-bidi's pure-Python
  algorithm (it mirrors nothing itself and never sees a character newer than its tables: those
  are given to it as neutral ones), and the runs of one level and one font are put in visual order;
- each run is shaped by HarfBuzz (``uharfbuzz``) in its own direction: joined letters, marks in
  place, brackets mirrored;
- each glyph is written under a code whose ToUnicode entry is the text it stands for (the
  letters as typed: ``ب`` for every form of beh, ``لا`` for the lam-alef ligature, a half-space
  for the invisible one), so ``pdftotext`` and ``pypdf`` read the characters people typed,
  never presentation forms (U+FB50–U+FEFF). The runs of a line are written in logical order.
A character Vazirmatn lacks is drawn from Noto Emoji (OFL, ``resources/fonts``), and one neither
has is drawn as the replacement character (a visible box), its text still the character typed.
All text a person typed is cleaned first: markup prints as text, control characters and
direction overrides are dropped.
"""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import cast

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, ShapeData, ShapedStr, TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import Flowable, Table, TableStyle

from ..localization import digits, format_date, format_datetime, format_number, listed
from ..text import clean_text

FONTS = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"
REGULAR, BOLD, SYMBOLS = "Vazirmatn", "Vazirmatn-Bold", "NotoEmoji"
MARGIN = 18 * mm


class SearchableFont(TTFont):
    """A TrueType font whose glyphs are written under codes that say which text each stands for.

    ReportLab gives a glyph that no character maps to (a joined form of a letter) a private code,
    and writes that code into the text layer: unreadable. Here each (glyph, text) pair drawn gets
    a code of its own (from plane 15's private use area), and the font's ToUnicode map gives
    that code's text: the characters as typed."""

    _FIRST_KEY = 0xF0000
    _LAST_KEY = 0xFFFFD

    def __init__(self, name: str, path: Path):
        super().__init__(name, str(path), shapable=True)
        import uharfbuzz

        self.covers = frozenset(self.face.charToGlyph)  # before any key is added
        # The font file's bytes: TTFontFace keeps them privately, and its stub does not name them.
        self.hb = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(self.face._ttf_data)))  # type: ignore[attr-defined]
        self.spoken: dict[int, str] = {}  # code → the text its glyph stands for
        self._keys: dict[tuple[int, str], int] = {}
        self._next = self._FIRST_KEY
        self._lock = threading.Lock()
        self.replacement = self.face.charToGlyph.get(0xFFFD, 0)  # a visible box

    def key(self, glyph: int, said: str, advance: float) -> int:
        """The code under which ``glyph`` is drawn for the text ``said``."""
        if len(said) == 1 and self.face.charToGlyph.get(ord(said)) == glyph and ord(said) < self._FIRST_KEY:
            return ord(said)  # the font's own glyph for the character
        pair = (glyph, said)
        code = self._keys.get(pair)
        if code is None:
            with self._lock:
                code = self._keys.get(pair)
                if code is None:
                    if self._next > self._LAST_KEY:  # 65,000 different glyph texts: share the last one
                        return self._LAST_KEY
                    code = self._next
                    self._next += 1
                    self.face.charToGlyph[code] = glyph
                    self.face.charWidths[code] = advance
                    self.spoken[code] = said
                    self._keys[pair] = code
        return code

    def addObjects(self, doc):
        """As ReportLab's, with a ToUnicode map that gives each code its text."""
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(n, doc)[1:]
            base = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal
            font.BaseFont = base
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
            cmap = pdfdoc.PDFStream()
            cmap.content = self._to_unicode(base, subset)
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base)
            font.FontDescriptor = self.face.addSubsetObjects(doc, base, subset)
            doc.Reference(font, internal)
            doc.idToObject["BasicFonts"].dict[internal] = font
        del self.state[doc]

    def _to_unicode(self, name: str, subset: list[int]) -> str:
        def utf16(text: str) -> str:
            return text.encode("utf-16-be").hex().upper()

        entries = [f"<{i:02X}> <{utf16(self.spoken.get(code) or _char(code))}>" for i, code in enumerate(subset)]
        return "\n".join(
            [
                "/CIDInit /ProcSet findresource begin",
                "12 dict begin",
                "begincmap",
                "/CIDSystemInfo",
                f"<< /Registry ({name})",
                f"/Ordering ({name})",
                "/Supplement 0",
                ">> def",
                f"/CMapName /{name} def",
                "/CMapType 2 def",
                "1 begincodespacerange",
                "<00> <%02X>" % (len(subset) - 1),
                "endcodespacerange",
                f"{len(entries)} beginbfchar",
                *entries,
                "endbfchar",
                "endcmap",
                "CMapName currentdict /CMap defineresource pop",
                "end",
                "end",
            ]
        )


def _char(code: int) -> str:
    return chr(code) if code and not 0xD800 <= code <= 0xDFFF else "\ufffd"


_registered = threading.Lock()


def register_fonts() -> None:
    """Vazirmatn (Persian and Latin) and Noto Emoji, embedded as TrueType subsets in every PDF."""
    with _registered:
        if REGULAR not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(SearchableFont(SYMBOLS, FONTS / "NotoEmoji-Regular.ttf"))
            pdfmetrics.registerFont(SearchableFont(BOLD, FONTS / "Vazirmatn-Bold.ttf"))
            pdfmetrics.registerFont(SearchableFont(REGULAR, FONTS / "Vazirmatn-Regular.ttf"))
            from reportlab.graphics import shapes

            shapes.STATE_DEFAULTS["fontName"] = REGULAR  # charts would otherwise name an unembedded Helvetica


def _font(name: str) -> SearchableFont:
    return cast(SearchableFont, pdfmetrics.getFont(name))  # register_fonts registers only these


def plain(text: object) -> str:
    """What a person typed, safe to print: controls and direction overrides gone. The marks
    ``embed`` puts in are kept (stored text never has any: they are cleaned out when typed)."""
    return clean_text(str(text if text is not None else ""), keep_marks=True)


_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
MARKS = {"en": "\u200e", "fa": "\u200f"}  # left-to-right and right-to-left marks


def has_rtl(value: str) -> bool:
    """Whether the text has Persian (or other right-to-left) letters in it."""
    return bool(_RIGHT_TO_LEFT.search(value))


def _first_strong(value: str) -> str | None:
    for ch in value:
        kind = unicodedata.bidirectional(ch)
        if kind in ("L", "R", "AL"):
            return "L" if kind == "L" else "R"
    return None


def reads_rtl(value: str, lang: str) -> bool:
    """The direction a paragraph reads in. In a Persian report: right to left, unless it begins
    with Latin letters (a value such as ``<Book> & Co``, which keeps its leading ``<``). In an
    English one: left to right, unless it is all in a right-to-left script."""
    if lang == "fa":
        return _first_strong(value.replace(MARKS["en"], "").replace(MARKS["fa"], "")) != "L"
    return has_rtl(value) and not _LATIN.search(value)


def embed(value: object, lang: str) -> str:
    """A person's text inside one of the report's sentences: cleaned, and closed with a mark of
    the sentence's direction, so a number after a Persian name stays where it belongs."""
    return plain(value) + MARKS[lang]


def left_to_right(value: object) -> str:
    """Text that reads left to right even inside Persian (a phone number, say): between two
    left-to-right marks its digits and spaces keep their order."""
    return MARKS["en"] + plain(value) + MARKS["en"]


# --- bidirectional levels -------------------------------------------------------------------

_KNOWN_KINDS = frozenset({"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "WS", "ON"})
_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "‹": "›"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


_SIGNED = re.compile(r"(^|[^\d])[+\-\u2212](?=\d)")


def _levels(line: str, rtl: bool) -> list[int]:
    """The embedding level of each character of one line (python-bidi's pure-Python algorithm).
    A character whose class that algorithm does not take (one newer than Python's Unicode
    tables, an isolate, a zero-width joiner) is given to it as a neutral one, so it can never
    raise; were it to all the same, the line keeps the paragraph's level."""
    base = 1 if rtl else 0
    if not line:
        return []
    try:
        from bidi.algorithm import (
            explicit_embed_and_overrides,
            get_embedding_levels,
            get_empty_storage,
            resolve_implicit_levels,
            resolve_neutral_types,
            resolve_weak_types,
        )

        safe = "".join(ch if unicodedata.bidirectional(ch) in _KNOWN_KINDS else "\ufffd" for ch in line)
        # A sign before a number belongs to it ("+۶:۳۷", not "۶:۳۷+" in a Persian line).
        safe = _SIGNED.sub(lambda m: m.group(1) + "0", safe)
        storage = get_empty_storage()
        storage["base_level"], storage["base_dir"] = base, "LR"[base]
        get_embedding_levels(safe, storage)
        chars = list(storage["chars"])
        if len(chars) != len(line):
            return [base] * len(line)
        explicit_embed_and_overrides(storage)
        resolve_weak_types(storage, False)
        resolve_neutral_types(storage, False)
        resolve_implicit_levels(storage, False)
        levels = [c["level"] for c in chars]
    except Exception:  # noqa: BLE001 - a line must print whatever the library thinks of it
        return [base] * len(line)
    # L1: white space at the end of the line is at the paragraph's level.
    end = len(line)
    while end and line[end - 1] in " \u200e\u200f":
        end -= 1
        levels[end] = base
    # A quotation or bracket keeps both its ends on the side of what it holds
    # («آسمان» in an English line: its closing guillemet would go to the far end).
    opened: list[int] = []
    for i, ch in enumerate(line):
        if ch in _PAIRS:
            opened.append(i)
        elif ch in _CLOSERS:
            while opened and line[opened[-1]] != _CLOSERS[ch]:
                opened.pop()
            if opened:
                start = opened.pop()
                if levels[start] != levels[i] and start + 1 < i:
                    inner = levels[start + 1] if levels[start + 1] % 2 == levels[start] % 2 else levels[start]
                    levels[start] = levels[i] = (
                        min(levels[start], levels[i]) if inner % 2 == base else max(levels[start], levels[i])
                    )
    return levels


def _reorder(levels: list[int]) -> list[int]:
    """L2: the order in which the runs of these levels are drawn, left to right."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest, lowest_odd = max(levels), min((v for v in levels if v % 2), default=None)
    if lowest_odd is None:
        return order
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


# --- fonts, shaping ---------------------------------------------------------------------------


def _glued(ch: str) -> bool:
    """A character that belongs with the one before it (a mark, a joiner, a variation selector)."""
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Cf")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or 0x1F3FB <= code <= 0x1F3FF
    )


def _which_font(ch: str, primary: SearchableFont, fallback: bool) -> str | None:
    """The font that draws ``ch``: the report's, else Noto Emoji; None: the replacement box."""
    code = ord(ch)
    if code in primary.covers:
        return primary.fontName
    if fallback:
        symbols = _font(SYMBOLS)
        if code in symbols.covers:
            return SYMBOLS
    return None


# Characters pypdf reads as right-to-left (it turns such runs round): Persian digits are written
# last digit first, so that it reads them as typed.
_PYPDF_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@dataclass(frozen=True)
class _Run:
    x: float  # from the line's left end, in thousandths of the font size
    width: float
    font: str
    codes: str
    data: tuple  # ShapeData of each glyph
    outlines: tuple  # (glyph, x, y) of marks drawn as outlines, from the run's left end
    start: int  # where its text begins in the line: runs are written in this order
    backwards: bool  # written last glyph first (Persian digits in a left-to-right run)


@dataclass(frozen=True)
class _Line:
    width: float  # in thousandths of the font size
    runs: tuple

    def plain(self) -> str:
        """The codes in drawing order, for a single string (a chart's label)."""
        return "".join(run.codes for run in sorted(self.runs, key=lambda r: r.x))


def _shape(text: str, font_name: str, rtl: bool) -> tuple[str, tuple, tuple, float]:
    """One run in one font and direction: its glyphs' codes and their positions, the marks
    drawn as outlines, its width."""
    import uharfbuzz

    font = _font(font_name)
    if font_name is None:
        raise ValueError
    buf = uharfbuzz.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_GRAPHEMES  # a letter and its marks: one cluster
    uharfbuzz.shape(font.hb, buf, {"kern": True, "liga": True})
    infos, positions = buf.glyph_infos, buf.glyph_positions
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, starts[1:] + [len(text)]))
    groups: list[list[int]] = []  # the glyphs of each cluster, in drawing order
    for n, info in enumerate(infos):
        if groups and infos[groups[-1][0]].cluster == info.cluster:
            groups[-1].append(n)
        else:
            groups.append([n])
    blank = font.face.charToGlyph.get(32, 0)
    codes, data, outlines, width = [], [], [], 0.0

    def put(
        glyph: int, said: str, advance: float, x_offset: float, y_offset: float, cluster: int, extra: float = 0.0
    ) -> None:
        code = font.key(glyph, said, advance)
        codes.append(_char(code))
        data.append(
            ShapeData(cluster, advance + extra, 0, x_offset + extra, y_offset, font.face.charWidths.get(code, advance))
        )

    for group in groups:
        cluster = infos[group[0]].cluster
        said = text[cluster : ends[cluster]]
        advances = [font.pdfScale(positions[n].x_advance) for n in group]
        sayer = group[max(range(len(group)), key=lambda i: advances[i])]  # the letter, not its mark
        if rtl and len(said) > 1:
            # Letters drawn as one glyph (lam-alef), or a letter and its mark: the glyph says the
            # first letter, and each further character is said by an invisible glyph of its own
            # just left of the cluster, so readers that order by place (poppler) and by the
            # order written (pypdf) both read them as typed.
            for k in reversed(range(1, len(said))):
                put(blank, said[k], 0, -0.5 * k, 0, cluster)
            said = said[0]
        pending = 0.0  # the advance of an outline drawn before the glyph that says the text
        for n, advance in zip(group, advances):
            pos = positions[n]
            if n == sayer:
                put(
                    infos[n].codepoint,
                    said,
                    advance,
                    font.pdfScale(pos.x_offset),
                    font.pdfScale(pos.y_offset),
                    cluster,
                    pending,
                )
                pending = 0.0
            else:  # a mark (or another part of the cluster): drawn as an outline, outside the text
                outlines.append((infos[n].codepoint, width + font.pdfScale(pos.x_offset), font.pdfScale(pos.y_offset)))
                if n > sayer:
                    data[-1] = data[-1]._replace(x_advance=data[-1].x_advance + advance)
                else:
                    pending += advance
            width += advance
    return "".join(codes), tuple(data), tuple(outlines), width


def _boxes(text: str, primary: SearchableFont) -> tuple[str, tuple, tuple, float]:
    """Characters no font here has: one replacement box each, its text the character."""
    advance = primary.face.charWidths.get(0xFFFD, 600) if primary.replacement else 600
    codes, data, width, i = [], [], 0.0, 0
    while i < len(text):
        j = i + 1
        while j < len(text) and _glued(text[j]):
            j += 1
        code = primary.key(primary.replacement, text[i:j], advance)
        codes.append(_char(code))
        data.append(ShapeData(i, advance, 0, 0, 0, primary.face.charWidths.get(code, advance)))
        width += advance
        i = j
    return "".join(codes), tuple(data), (), width


_UNDRAWN = frozenset("\u200e\u200f")


@lru_cache(maxsize=4096)  # a table's cells are measured and drawn more than once
def _line(text: str, font_name: str, rtl: bool, fallback: bool = True) -> _Line:
    """One line, shaped and laid out: its runs (one level, one font each) left to right."""
    primary = _font(font_name)
    levels = _levels(text, rtl)
    pieces: list[tuple[int, int, int, str | None, bool]] = []  # start, end, level, font, backwards
    current = None
    for i, ch in enumerate(text):
        if ch in _UNDRAWN:
            current = None
            continue
        if current is not None and _glued(ch):
            font = pieces[-1][3]
        else:
            font = _which_font(ch, primary, fallback)
        key = (levels[i], font)
        if current == key:
            start, _end, level, f, b = pieces[-1]
            pieces[-1] = (start, i + 1, level, f, b)
        else:
            pieces.append((i, i + 1, levels[i], font, False))
            current = key
    for n, (start, end, level, font, _b) in enumerate(pieces):  # Persian digits (and their : / ٫)
        chunk = text[start:end]
        if level % 2 == 0 and _PYPDF_RTL.search(chunk) and not _LATIN.search(chunk):
            pieces[n] = (start, end, level, font, True)
    order = _reorder([p[2] for p in pieces])
    runs, x = [], 0.0
    for index in order:
        start, end, level, font, backwards = pieces[index]
        chunk = text[start:end]
        if font is None:
            codes, data, outlines, width = _boxes(chunk, primary)
            font = font_name
        else:
            codes, data, outlines, width = _shape(chunk, font, level % 2 == 1)
        runs.append(_Run(x, width, font, codes, data, outlines, start, backwards))
        x += width
    return _Line(x, tuple(runs))


def _draw(canv, x: float, y: float, line: _Line, size: float) -> None:
    """Draw a shaped line with its left end at ``x``; its runs are written in logical order."""
    if not line.runs:
        return
    out = canv.beginText(x, y)
    for run in sorted(line.runs, key=lambda r: r.start):
        out.setFont(run.font, size)
        left = x + run.x * size / 1000
        if run.backwards:
            at = left + run.width * size / 1000
            for code, data in reversed(list(zip(run.codes, run.data))):
                at -= data.x_advance * size / 1000
                out.setTextOrigin(at, y)
                out.textOut(ShapedStr(code, shapeData=[data]))  # type: ignore[arg-type]  # a list, one per glyph
        else:
            out.setTextOrigin(left, y)
            out.textOut(ShapedStr(run.codes, shapeData=list(run.data)))  # type: ignore[arg-type]  # as above
    canv.drawText(out)
    for run in line.runs:
        for glyph, at, rise in run.outlines:
            _outline(canv, run.font, glyph, x + (run.x + at) * size / 1000, y + rise * size / 1000, size)


class _Pen:
    """HarfBuzz's outline of a glyph, as a ReportLab path."""

    def __init__(self, path):
        self.path, self.at = path, (0, 0)

    def moveTo(self, p):
        self.path.moveTo(*p)
        self.at = p

    def lineTo(self, p):
        self.path.lineTo(*p)
        self.at = p

    def curveTo(self, a, b, p):
        self.path.curveTo(*a, *b, *p)
        self.at = p

    def qCurveTo(self, a, p):
        (x0, y0), (x1, y1) = self.at, a
        self.path.curveTo(
            x0 + 2 / 3 * (x1 - x0), y0 + 2 / 3 * (y1 - y0), p[0] + 2 / 3 * (x1 - p[0]), p[1] + 2 / 3 * (y1 - p[1]), *p
        )
        self.at = p

    def closePath(self):
        self.path.close()


def _outline(canv, font_name: str, glyph: int, x: float, y: float, size: float) -> None:
    """A mark, drawn as a filled outline: it is no text of its own (its character is said by
    the letter it sits on), and so it never comes first when a reader orders glyphs by place."""
    font = _font(font_name)
    path = canv.beginPath()
    try:
        font.hb.draw_glyph_with_pen(glyph, _Pen(path))
    except Exception:  # noqa: BLE001 - a mark not drawn is better than a report not made
        return
    scale = size / font.hb.face.upem
    canv.saveState()
    canv.translate(x, y)
    canv.scale(scale, scale)
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()


@lru_cache(maxsize=65536)
def _width(value: str, font: str, rtl: bool) -> float:
    """The width of a word or a line in thousandths of the font size (only the number is kept)."""
    return _line.__wrapped__(value, font, rtl).width


def measure(value: str, font: str, size: float, rtl: bool = False) -> float:
    """The width of one line of (clean) text as it is drawn."""
    return _width(value, font, rtl) * size / 1000


def draw_line(
    canv, x: float, y: float, value: object, lang: str, font: str = REGULAR, size: float = 10, anchor: str = "start"
) -> float:
    """One line of text drawn straight on a canvas (the page's header and foot): ``anchor``
    "start", "end" or "middle" says where ``x`` is (left, right, middle). Returns its width."""
    register_fonts()
    value = plain(value)
    line = _line(value, font, reads_rtl(value, lang))
    width = line.width * size / 1000
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    _draw(canv, left, y, line, size)
    return width


def shown(value: object, lang: str) -> str:
    """A one-line label (a header, a chart's axis) as it is drawn in a report in ``lang``, in
    Vazirmatn: the glyphs, shaped and in drawing order, under codes that read back as the text
    typed. (A chart draws a string in one font: a character Vazirmatn lacks is a box here.)"""
    register_fonts()
    value = plain(value)
    return _line(value, REGULAR, reads_rtl(value, lang), fallback=False).plain()


# --- paragraphs -------------------------------------------------------------------------------

_SPACE = " "


def _cut(word: str, font: str, size: float, width: float) -> list[str]:
    """A word wider than the line, cut between its characters (never inside one's marks)."""
    pieces, piece, used = [], "", 0.0
    i = 0
    while i < len(word):
        j = i + 1
        while j < len(word) and _glued(word[j]):
            j += 1
        glyph = word[i:j]
        w = _width(glyph, font, False) * size / 1000
        if piece and used + w > width * 0.97:
            pieces.append(piece)
            piece, used = "", 0.0
        piece += glyph
        used += w
        i = j
    if piece:
        pieces.append(piece)
    return pieces


def wrap_lines(value: str, font: str, size: float, width: float, rtl: bool) -> list[str]:
    """Lines in logical order, each no wider than ``width`` (a word wider is cut)."""
    space = _width(_SPACE, font, rtl) * size / 1000
    lines: list[str] = []
    for paragraph in value.split("\n"):
        line, used = "", 0.0
        for word in paragraph.split(" "):
            w = _width(word, font, rtl) * size / 1000 if word else 0.0
            if w > width:
                parts = _cut(word, font, size, width)
                for part in parts[:-1]:
                    if line:
                        lines.append(line)
                    lines.append(part)
                    line, used = "", 0.0
                word = parts[-1] if parts else ""
                w = _width(word, font, rtl) * size / 1000
            if line and used + space + w > width:
                lines.append(line)
                line, used = word, w
            elif line or used:
                line, used = f"{line} {word}", used + space + w
            else:
                line, used = word, w
        lines.append(line)
    return lines


class TextBlock(Flowable):
    """A paragraph: wrapped in logical order, each line shaped and laid out by itself; it goes
    on to the next page (or the next part of a table row) when it does not fit.
    ``rtl``: the direction it reads in; ``right``: right-aligned (a Persian report)."""

    def __init__(
        self,
        text: str,
        font: str = REGULAR,
        size: float = 10,
        leading: float | None = None,
        colour=colors.black,
        rtl: bool = True,
        right: bool = True,
        lines: list[str] | None = None,
    ):
        super().__init__()
        self.text = text
        self.right = right
        self.font, self.size = font, size
        self.leading = leading or size * 1.5
        self.colour = colour
        self.rtl = rtl
        self.lines: list[str] = lines or []
        self._wrapped_at = None if lines is None else -1.0
        self.width, self.height = 0, self.leading * len(self.lines)

    def wrap(self, available_width, available_height):
        self.width = available_width
        if self._wrapped_at != available_width and self._wrapped_at != -1.0:
            self.lines = wrap_lines(self.text, self.font, self.size, available_width, self.rtl)
            self._wrapped_at = available_width
        self.height = self.leading * len(self.lines)
        return self.width, self.height

    def _part(self, lines: list[str]) -> TextBlock:
        return TextBlock(
            "\n".join(lines), self.font, self.size, self.leading, self.colour, self.rtl, self.right, lines=lines
        )

    def split(self, available_width, available_height):
        if self._wrapped_at is None:  # a table cell splits with the lines it was laid out in
            self.wrap(available_width, available_height)
        fit = int((available_height + 1e-6) // self.leading)
        if fit < 1:
            return []
        return [self._part(self.lines[:fit]), self._part(self.lines[fit:])]

    def draw(self):
        c = self.canv
        c.setFillColor(self.colour)
        y = self.height - self.size
        for line in self.lines:
            shaped = _line(line, self.font, self.rtl)
            width = shaped.width * self.size / 1000
            _draw(c, self.width - width if self.right else 0, y, shaped, self.size)
            y -= self.leading


BidiParagraph = TextBlock  # the name the report modules' tests knew


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
    """A paragraph in the report's direction, with the person's text cleaned (markup prints as
    text: nothing here parses it)."""
    value = plain(value)
    return TextBlock(
        value,
        BOLD if bold else REGULAR,
        size,
        size * (1.5 if lang == "fa" else 1.4),
        colour,
        rtl=reads_rtl(value, lang),
        right=lang == "fa",
    )


class _Heading(Flowable):
    """A section heading that starts a new page rather than stand alone at the foot of one: it
    needs room below it for the start of what follows, or for all of it when that cannot be split
    (a chart: ``write`` tells each heading what follows it)."""

    ROOM_BELOW = 60  # points that must be left under it for what follows
    title: str  # the name of the table below it in a spreadsheet: set by ``heading``

    def __init__(self, inner: Flowable):
        super().__init__()
        self.inner = inner
        self.following: Flowable | None = None

    def _room_below(self, available_width, available_height) -> float:
        from reportlab.graphics.shapes import Drawing

        if isinstance(self.following, Drawing):  # a chart goes whole: its heading goes with it
            return min(self.following.wrap(available_width, available_height)[1], A4[1] / 2)
        return self.ROOM_BELOW

    def wrap(self, available_width, available_height):
        width, height = self.inner.wrap(available_width, available_height)
        if available_height < height + self._room_below(available_width, available_height):
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


def bar_chart(
    names: list[str],
    series: list[list[float]],
    legend: list[tuple[str, str]],
    lang: str,
    stacked: bool = False,
    height: float = 120,
):
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
    # Any number will do (reportlab checks isNumber); the stub says int.
    chart.x, chart.y, chart.width, chart.height = (10 if rtl else 30), 30, CONTENT_WIDTH - 40, height  # type: ignore[assignment]
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
            box = Rect(box_x, y, 8, 8)  # (types-reportlab mistypes Rect's keyword arguments)
            box.fillColor, box.strokeColor = colors.HexColor(colour), None
            drawing.add(box)
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
                draw_line(
                    self,
                    width - MARGIN if rtl else MARGIN,
                    y,
                    value,
                    page.language,
                    font,
                    size,
                    "end" if rtl else "start",
                )
                y -= size + 2
            if page.logo:
                self._logo(width, height, rtl)
            # Canvas keeps its page number privately; the stub does not name it.
            page_number = self._pageNumber  # type: ignore[attr-defined]
            foot = page.page_of.format(number(page_number, page.language), number(total, page.language))
            left, right = (foot, page.generated) if rtl else (page.generated, foot)
            draw_line(self, MARGIN, MARGIN - 11 * mm, left, page.language, REGULAR, 8)
            draw_line(self, width - MARGIN, MARGIN - 11 * mm, right, page.language, REGULAR, 8, "end")

        def _logo(self, width: float, height: float, rtl: bool) -> None:
            from io import BytesIO

            from reportlab.lib.utils import ImageReader

            assert page.logo is not None  # drawn only when there is one
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
    "total": ("Total", "جمع"),
    "only": ("{0} only", "تنها {0}"),
    "none": ("None.", "هیچ."),
    "unnamed": ("Not identified", "شناسایی نشده"),
    "dissatisfied": ("Dissatisfied", "ناراضی"),
    "satisfied": ("Satisfied", "راضی"),
    "delighted": ("Delighted", "خشنود"),
    "not_asked": ("Not asked", "پرسیده نشد"),
    "phone": ("Phone call", "تماس تلفنی"),
    "walk_in": ("Walk-in visit", "مراجعه حضوری"),
    "email": ("E-mail", "ایمیل"),
    "other": ("Other", "سایر"),
    "urgent": ("Urgent", "فوری"),
    "high": ("High", "زیاد"),
    "normal": ("Normal", "عادی"),
    "low": ("Low", "کم"),
    "new": ("New", "جدید"),
    "in_progress": ("In progress", "در حال رسیدگی"),
    "escalated": ("Escalated", "ارجاع‌شده"),
    "resolved": ("Resolved", "حل‌شده"),
    "closed": ("Closed", "بسته"),
    "calmed": ("Calmed", "آرام شد"),
    "partly_calmed": ("Partly calmed", "تا حدی آرام شد"),
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

    return Page(
        lang,
        title,
        settings.business_name() or words(COMMON, "business", lang),
        period,
        generated_line(lang, generated_by, to_local(utcnow())),
        words(COMMON, "page_of", lang),
        settings.business_logo(),
    )


def period_of(request, lang: str) -> str:
    """ "1 November 2026 – 30 November 2026" (one date for one day), and the staff member
    when the report is about one person's work only."""
    first, last = format_date(request.date_from, lang), format_date(request.date_to, lang)
    period = first if first == last else f"{first} – {last}"
    if request.staff_id is not None:
        from ..models import Staff

        person = Staff.get_or_none(Staff.id == request.staff_id)
        if person is not None:
            period = listed([period, words(COMMON, "only", lang).format(embed(person.full_name, lang))], lang)
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
    nothing is written. With ``DATA_OUT`` set, the story's tables are saved there too, once the
    PDF is whole (a report that fails leaves no spreadsheet either)."""
    import os

    data_out = DATA_OUT.get()
    tables = tables_of(story) if data_out is not None else None  # before the layout consumes the story
    from reportlab.platypus import Spacer

    following = [f for f in story if not isinstance(f, Spacer)]
    for flowable, after in itertools.pairwise(following):
        if isinstance(flowable, _Heading):
            flowable.following = after

    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    out = Path(out)
    partial = out.with_name(f".{out.name}.partial")
    doc = SimpleDocTemplate(
        str(partial),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 8,
        bottomMargin=MARGIN,
        title=page.title,
        author=page.business,
    )
    if progress is not None:
        total = max(1, len(story))

        def heard(kind: str, value: int) -> None:
            if kind == "PROGRESS":
                progress(start + (1 - start) * min(1.0, value / total))

        doc.setProgressCallBack(heard)
    try:
        doc.build(story, canvasmaker=make_canvas(page))
        if data_out is not None:
            from .spreadsheet import save

            assert tables is not None  # made whenever data_out is set
            save(data_out, page, tables)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


PADDING = 6  # a table cell's padding on each side (ReportLab's default)


def _header_size(values: list[str], widths: list[float], size: float = 9, smallest: float = 6) -> float:
    """The size at which every word of the header fits its column: a header is wrapped between
    words, never inside one ("Delighted", not "Delighte / d")."""
    while size > smallest:
        if all(
            measure(word, BOLD, size) <= width - 2 * PADDING
            for value, width in zip(values, widths)
            for word in plain(value).split()
        ):
            break
        size -= 0.5
    return size


def _widened(values: list[str], widths: list[float], size: float) -> list[float]:
    """Columns whose header has a word wider than the column even at the smallest size take
    the room they need from columns that have room to spare."""
    need = [max([measure(word, BOLD, size) + 2 * PADDING for word in plain(v).split()] or [0]) for v in values]
    short = sum(max(0.0, n - w) for n, w in zip(need, widths))
    spare = [max(0.0, w - n) for n, w in zip(need, widths)]
    if not short or not sum(spare):
        return widths
    share, given = min(1.0, short / sum(spare)), min(1.0, sum(spare) / short)  # the total stays the same
    return [w + (n - w) * given if n > w else w - s * share for n, w, s in zip(need, widths, spare)]


class _Table(Table):
    """A table whose tall row (a long note) is split where the page ends, rather than moved
    whole to below a repeated header; shorter rows go whole to the next page. (ReportLab's own
    split, with rows allowed to split, also split the first short row of the rest of a table in
    the space left at the foot of a page, under a second header.)"""

    TALL = 120  # points
    sheet_rows: list[list[str]]  # its rows as a spreadsheet holds them: set by ``table``

    def split(self, available_width, available_height):
        self._calc(available_width, available_height)
        try:
            n = self._getFirstPossibleSplitRowPosition(available_height, ignoreSpans=1)
            tall = n < len(self._rowHeights) and self._rowHeights[n] > self.TALL
        except Exception:  # noqa: BLE001 - a private ReportLab method: whole rows are always right
            tall = False
        if tall:
            parts = self._splitRows(available_height, doInRowSplit=1)
            if parts:
                return parts
        return self._splitRows(available_height, doInRowSplit=0) or []


def table(rows: list[list], lang: str, widths: list[float]) -> Table:
    """A table that reads in the report's direction, its header repeated on every page. A row
    taller than what is left of a page goes on to the next one (a long note). Its rows as given
    (reading order, first row the header) go with it for a spreadsheet."""
    register_fonts()
    sheet_rows = [[plain(v) for v in r] for r in rows]
    if lang == "fa":  # right to left: the first column on the right
        rows = [list(reversed(r)) for r in rows]
        widths = list(reversed(widths))
    head = _header_size([str(v) for v in rows[0]], widths) if rows else 9
    if rows:
        widths = _widened([str(v) for v in rows[0]], list(widths), head)
    cells = [[[text(str(v), lang, head if i == 0 else 9, bold=(i == 0))] for v in r] for i, r in enumerate(rows)]
    table = _Table(cells, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else the table names Helvetica, which is not embedded
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#9aa5b1")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f9fb")]),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),  # a row that goes on to the next page starts with its label
            ]
        )
    )
    table.sheet_rows = sheet_rows
    return table
