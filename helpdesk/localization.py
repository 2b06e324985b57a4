"""Language-aware formatting shared by the UI and the PDF reports: digits and dates.

English shows Gregorian dates and Latin digits; Persian shows Jalali (Shamsi)
dates and Persian digits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the app's window is up before anything needs a date
    from datetime import date, datetime

LANGUAGES = ("en", "fa")
RTL_LANGUAGES = {"fa"}

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_TO_PERSIAN = str.maketrans("0123456789", _PERSIAN_DIGITS)
_TO_LATIN = str.maketrans(_PERSIAN_DIGITS + "٠١٢٣٤٥٦٧٨٩", "0123456789" * 2)

JALALI_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
GREGORIAN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def is_rtl(language: str) -> bool:
    return language in RTL_LANGUAGES


def digits(text: object, language: str) -> str:
    """``text`` with its digits in the language's script."""
    text = str(text)
    return text.translate(_TO_PERSIAN) if language == "fa" else text


def latin_digits(text: str) -> str:
    """Persian and Arabic-Indic digits turned into 0-9, for parsing what people type."""
    return text.translate(_TO_LATIN)


def listed(items, language: str) -> str:
    """Words one after another as the language lists them: "a, b", «الف، ب» (the Persian comma)."""
    return ("، " if language == "fa" else ", ").join(items)


def format_number(value: int | float, language: str, decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}"
    if language == "fa":
        text = text.replace(",", "٬").replace(".", "٫")
    return digits(text, language)


def to_jalali(value: date):
    import jdatetime  # only Persian needs it

    return jdatetime.date.fromgregorian(date=value)


def _day(value: date | datetime) -> date:
    from datetime import datetime  # here, not at the top: see TYPE_CHECKING above

    return value.date() if isinstance(value, datetime) else value


def format_date(value: date | datetime, language: str) -> str:
    """A long date: ``23 November 2026`` or ``۲ آذر ۱۴۰۵``."""
    value = _day(value)
    if language == "fa":
        j = to_jalali(value)
        return digits(f"{j.day} {JALALI_MONTHS[j.month - 1]} {j.year}", language)
    return f"{value.day} {GREGORIAN_MONTHS[value.month - 1]} {value.year}"


def format_short_date(value: date | datetime, language: str) -> str:
    """A numeric date that sorts as text: ``2026-11-23`` or ``۱۴۰۵/۰۹/۰۲``."""
    value = _day(value)
    if language == "fa":
        j = to_jalali(value)
        return digits(f"{j.year:04d}/{j.month:02d}/{j.day:02d}", language)
    return value.isoformat()


def format_datetime(value: datetime, language: str) -> str:
    return f"{format_date(value, language)} {digits(value.strftime('%H:%M'), language)}"


def format_short_datetime(value: datetime, language: str) -> str:
    """A moment in a list: ``2026-11-26 10:45`` or ``۱۴۰۵/۰۹/۰۵ ۱۰:۴۵``."""
    return f"{format_short_date(value, language)} {digits(value.strftime('%H:%M'), language)}"


def left_to_right(text: str) -> str:
    """``text`` isolated as left-to-right, so a path, URL or code keeps its order inside Persian."""
    return f"\u2066{text}\u2069"


def text_direction(text: str) -> str | None:
    """ "rtl" or "ltr" by the first letter that has a direction (as Unicode's first-strong rule); None if none."""
    import unicodedata

    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def isolate(text: str, language: str) -> str:
    """People's own words (a name, a note, a reason) shown inside the interface: a sentence in the
    other script is isolated in its own direction (first-strong isolate), so an English note keeps its
    full stop at its end in Persian, and a Persian one in English. Text of the interface's own
    direction is returned as it is."""
    direction = text_direction(text)
    if direction is None or direction == ("rtl" if is_rtl(language) else "ltr"):
        return text
    return f"\u2068{text}\u2069"


def format_duration(seconds: float, language: str) -> str:
    """A length of time as a clock shows it: ``4:07``, ``1:02:03``."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return digits(text, language)


def parse_duration(text: str) -> int | None:
    """Seconds from ``m:ss``, ``h:mm:ss`` or a number of minutes, in any digits; None when unreadable."""
    parts = latin_digits(text or "").strip().replace("٫", ":").split(":")
    if not all(p.strip().isdigit() for p in parts) or not 1 <= len(parts) <= 3:
        return None
    numbers = [int(p) for p in parts]
    if len(numbers) == 1:
        return numbers[0] * 60
    if any(n >= 60 for n in numbers[1:]):
        return None
    total = 0
    for n in numbers:
        total = total * 60 + n
    return total
