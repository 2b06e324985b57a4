"""PDF reports for supervisors (no Qt). ``generate(actor, request, out)`` writes one to a file.

Every kind has a ``build(out, request, actor, progress)`` in its own module. The
report centre (``ui/pages/reports.py``) and ``main.py report`` both come through here, so
the checks of the request and the period presets have one home. Who may make which report
is ``authorise``: supervisors every report; anyone else only a period report of their own
work (``staff_id`` their own id). ``generate`` asks it first, and every ``build`` asks it
again, so a builder called on its own refuses just the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import NotFound, PermissionDenied, ValidationError
from ..models import Staff
from ..permissions import require_signed_in

KINDS = ("activity", "complaints", "satisfaction", "staff", "customer", "incident")
PERIOD_KINDS = ("activity", "complaints", "satisfaction", "staff")  # the others are about one record
PRESETS = (
    "today",
    "this_week",
    "last_7_days",
    "this_month",
    "last_30_days",
    "last_month",
    "this_quarter",
    "this_year",
    "last_year",
    "custom",
)
# A period lies within these days and spans at most MAX_YEARS: a report of six centuries would
# take minutes to count nothing, and dates at the ends of the calendar cannot be computed with.
FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2199, 12, 31)
MAX_YEARS = 10
ID_FIELDS = ("staff_id", "customer_id", "session_id", "complaint_id")
MAX_ID = 2**63 - 1  # the largest id either database can hold

Progress = Callable[[float], None]  # 0..1; it may raise ``Cancelled`` to stop the report


class Cancelled(Exception):
    """The person cancelled the report; no file is left behind."""


@dataclass
class Request:
    kind: str
    lang: str = "en"
    date_from: date | None = None
    date_to: date | None = None
    staff_id: int | None = None  # only this person's work (period reports)
    customer_id: int | None = None  # the customer history
    session_id: int | None = None  # the incident report: a calm-down session ...
    complaint_id: int | None = None  # ... or a complaint


def check(request: Request) -> None:
    """Refuse a request that cannot make a report, naming the field at fault (``ValidationError``),
    or an id no record can have (``NotFound``)."""
    if request.kind not in KINDS:
        raise ValidationError("kind", "invalid_choice")
    if request.lang not in ("en", "fa"):
        raise ValidationError("lang", "invalid_choice")
    if request.kind in PERIOD_KINDS:
        if request.date_from is None or request.date_to is None:
            raise ValidationError("date_from" if request.date_from is None else "date_to", "required")
        for name in ("date_from", "date_to"):
            if not FIRST_DAY <= getattr(request, name) <= LAST_DAY:
                raise ValidationError(name, "date_range", f"{name}: from {FIRST_DAY} to {LAST_DAY}")
        if request.date_to < request.date_from:
            raise ValidationError("date_to", "before_start")
        if request.date_to >= _years_later(request.date_from, MAX_YEARS):
            raise ValidationError("date_to", "period_too_long", f"at most {MAX_YEARS} years", years=MAX_YEARS)
    for name in ID_FIELDS:  # no such record can exist; asking the database would only overflow
        value = getattr(request, name)
        if value is not None and not 0 < value <= MAX_ID:
            raise NotFound(f"{name.removesuffix('_id')} {value}")
    if request.kind == "customer" and request.customer_id is None:
        raise ValidationError("customer_id", "required")
    if request.kind == "incident" and (request.session_id is None) == (request.complaint_id is None):
        raise ValidationError("session_id", "required", "one calm-down session or one complaint")


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def module_for(kind: str):
    from . import activity, complaints_report, customer_history, incident, satisfaction, staff_recognition

    return {
        "activity": activity,
        "complaints": complaints_report,
        "satisfaction": satisfaction,
        "staff": staff_recognition,
        "customer": customer_history,
        "incident": incident,
    }[kind]


def authorise(actor: Staff, request: Request) -> Staff:
    """Refuse (``PermissionDenied``) a report ``actor`` may not make: supervisors make every report;
    anyone else a period report of their own work only (activity, complaints, satisfaction, staff
    with ``staff_id`` their own), never a customer's history or an incident."""
    require_signed_in(actor)
    if actor.is_supervisor or (request.kind in PERIOD_KINDS and request.staff_id == actor.id):
        return actor
    raise PermissionDenied(f"{actor.username} may only make reports of their own work", reason="own_reports_only")


def generate(actor: Staff, request: Request, out, progress: Progress | None = None, data=None) -> dict:
    """Write the report to ``out`` (a path), signed by ``actor``; with ``data`` (a path), its tables
    are saved there too as a spreadsheet. Returns the figures printed."""
    from pathlib import Path

    from .layout import DATA_OUT

    authorise(actor, request)
    check(request)
    if request.staff_id is not None and Staff.get_or_none(Staff.id == request.staff_id) is None:
        raise NotFound(f"staff {request.staff_id}")  # a report of nobody's work would look like an idle one
    token = DATA_OUT.set(Path(data) if data is not None else None)
    try:
        return module_for(request.kind).build(out, request, actor, progress or (lambda _fraction: None))
    finally:
        DATA_OUT.reset(token)


def previous_period(date_from: date, date_to: date, lang: str) -> tuple[date, date]:
    """The period a period report is compared with, in the language's calendar. A period from the
    first of a month is moved back by whole months: a year (from its first month, over a quarter
    long) by a year, so this year so far is set beside the same days of last year; a quarter by a
    quarter; else by as many months as it touches (last month beside the month before; this month
    so far beside the same days of last month). Any other period: as many days just before it."""
    year, month = _year_and_month(date_from, lang)
    if _first_of(year, month, lang) != date_from:
        days = (date_to - date_from).days + 1
        return date_from - timedelta(days=days), date_from - timedelta(days=1)
    months = len(month_spans(date_from, date_to, lang))
    if month == 1 and months > 3:
        back = 12
    elif (month - 1) % 3 == 0 and months in (2, 3):
        back = 3
    else:
        back = months
    first = _months_back(date_from, back, lang)
    last = _months_back(date_to, back, lang)
    end_year, end_month = _year_and_month(date_to, lang)
    if date_to + timedelta(days=1) == _first_of(*_next_month(end_year, end_month), lang):
        # the period ends with a whole month: so does the one it is set beside (April 30 -> March 31)
        last_year, last_month = _year_and_month(last, lang)
        last = _first_of(*_next_month(last_year, last_month), lang) - timedelta(days=1)
    return first, min(last, date_from - timedelta(days=1))


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _months_back(day: date, months: int, lang: str) -> date:
    """The same day ``months`` calendar months earlier (the month's last day where it is shorter)."""
    year, month = _year_and_month(day, lang)
    number = day.day if lang != "fa" else _year_and_month_day(day)[2]
    index = year * 12 + month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = _first_of(*_next_month(year, month), lang)
    length = (following - _first_of(year, month, lang)).days
    return _first_of(year, month, lang) + timedelta(days=min(number, length) - 1)


def _year_and_month_day(day: date) -> tuple[int, int, int]:
    from ..localization import to_jalali

    j = to_jalali(day)
    return j.year, j.month, j.day


def preset_period(preset: str, lang: str, today: date) -> tuple[date, date]:
    """The first and last day of a preset period. In Persian, weeks start on Saturday and
    months, quarters (Farvardin–Khordad, Tir–Shahrivar, Mehr–Azar, Dey–Esfand) and years are
    Jalali ones; in English, weeks start on Monday and the rest are Gregorian. "This" periods end
    today; the last 7 and 30 days end today too; last month and last year are whole."""
    if preset == "today":
        return today, today
    if preset == "this_week":
        back = (today.weekday() - 5) % 7 if lang == "fa" else today.weekday()
        return today - timedelta(days=back), today
    if preset in ("last_7_days", "last_30_days"):
        return today - timedelta(days=int(preset.split("_")[1]) - 1), today
    first = _month_start(today, lang)
    if preset == "this_month":
        return first, today
    if preset == "last_month":
        end = first - timedelta(days=1)
        return _month_start(end, lang), end
    year, month = _year_and_month(today, lang)
    if preset == "this_quarter":
        return _first_of(year, month - (month - 1) % 3, lang), today
    if preset == "this_year":
        return _first_of(year, 1, lang), today
    if preset == "last_year":
        return _first_of(year - 1, 1, lang), _first_of(year, 1, lang) - timedelta(days=1)
    raise ValueError(preset)


def _year_and_month(day: date, lang: str) -> tuple[int, int]:
    """The year and month ``day`` falls in: Jalali in Persian, Gregorian in English."""
    if lang == "fa":
        from ..localization import to_jalali

        j = to_jalali(day)
        return j.year, j.month
    return day.year, day.month


def _first_of(year: int, month: int, lang: str) -> date:
    """The first day of a month of the language's calendar, as a (Gregorian) date."""
    if lang == "fa":
        import jdatetime

        return jdatetime.date(year, month, 1).togregorian()
    return date(year, month, 1)


def month_spans(date_from: date, date_to: date, lang: str) -> list[tuple[tuple[int, int], date, date]]:
    """The calendar months the period touches, each clipped to the period: ((year, month), first
    day, last day). Jalali months in Persian, Gregorian ones in English."""
    spans, day = [], date_from
    while day <= date_to:
        first = _month_start(day, lang)
        following = _month_start(first + timedelta(days=32), lang)
        if lang == "fa":
            from ..localization import to_jalali

            j = to_jalali(first)
            key = (j.year, j.month)
        else:
            key = (first.year, first.month)
        spans.append((key, max(first, date_from), min(following - timedelta(days=1), date_to)))
        day = following
    return spans


def _month_start(day: date, lang: str) -> date:
    if lang == "fa":
        from ..localization import to_jalali

        return to_jalali(day).replace(day=1).togregorian()
    return day.replace(day=1)
