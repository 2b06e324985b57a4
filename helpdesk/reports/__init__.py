"""PDF reports for supervisors (no Qt). ``generate(actor, request, out)`` writes one to a file.

Every kind has a ``build(out, request, generated_by, progress)`` in its own module. The
report centre (``ui/pages/reports.py``) and ``main.py report`` both come through here, so
the permission check, the checks of the request and the period presets have one home.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from ..errors import ValidationError
from ..models import Staff
from ..permissions import require_supervisor

KINDS = ("activity", "complaints", "satisfaction", "staff", "customer", "incident")
PERIOD_KINDS = ("activity", "complaints", "satisfaction", "staff")  # the others are about one record
PRESETS = ("today", "this_week", "this_month", "last_month", "custom")

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
    """Refuse a request that cannot make a report, naming the field at fault."""
    if request.kind not in KINDS:
        raise ValidationError("kind", "invalid_choice")
    if request.lang not in ("en", "fa"):
        raise ValidationError("lang", "invalid_choice")
    if request.kind in PERIOD_KINDS:
        if request.date_from is None or request.date_to is None:
            raise ValidationError("date_from" if request.date_from is None else "date_to", "required")
        if request.date_to < request.date_from:
            raise ValidationError("date_to", "before_start")
    if request.kind == "customer" and request.customer_id is None:
        raise ValidationError("customer_id", "required")
    if request.kind == "incident" and (request.session_id is None) == (request.complaint_id is None):
        raise ValidationError("session_id", "required", "one calm-down session or one complaint")


def module_for(kind: str):
    from . import activity, complaints_report, customer_history, incident, satisfaction, staff_recognition

    return {"activity": activity, "complaints": complaints_report, "satisfaction": satisfaction,
            "staff": staff_recognition, "customer": customer_history, "incident": incident}[kind]


def generate(actor: Staff, request: Request, out, progress: Progress | None = None) -> dict:
    """Write the report to ``out`` (a path). Supervisors only. Returns the figures printed."""
    require_supervisor(actor)
    check(request)
    return module_for(request.kind).build(out, request, actor.full_name, progress or (lambda _fraction: None))


def preset_period(preset: str, lang: str, today: date) -> tuple[date, date]:
    """The first and last day of a preset period. In Persian, weeks start on Saturday and
    months are Jalali months; in English, weeks start on Monday and months are Gregorian."""
    if preset == "today":
        return today, today
    if preset == "this_week":
        back = (today.weekday() - 5) % 7 if lang == "fa" else today.weekday()
        return today - timedelta(days=back), today
    first = _month_start(today, lang)
    if preset == "this_month":
        return first, today
    if preset == "last_month":
        end = first - timedelta(days=1)
        return _month_start(end, lang), end
    raise ValueError(preset)


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
