"""The complaints report: counts by category, status and priority; time to first response and
to resolution against their targets; the overdue list and the escalations of the period."""

from __future__ import annotations

import statistics
from datetime import date
from typing import Any

from reportlab.platypus import Spacer

from .. import complaints
from ..clock import to_local, utcnow
from ..contacts import local_day_bounds
from ..localization import format_date, format_number, format_short_date
from ..models import Complaint, ComplaintCategory, Customer, Staff
from . import authorise, previous_period
from .layout import CONTENT_WIDTH, heading, page_for, period_of, register_fonts, table, text, words, write
from .previous import COUNT, RATE, comparison
from .previous import label as previous_label
from .previous import value as value_of

LABELS = {
    "title": ("Complaints", "شکایت‌ها"),
    "by_category": ("By category", "بر پایهٔ دسته"),
    "by_status": ("By status", "بر پایهٔ وضعیت"),
    "by_priority": ("By priority and against the targets", "بر پایهٔ اولویت و در برابر هدف‌ها"),
    "category": ("Category", "دسته"),
    "status": ("Status", "وضعیت"),
    "priority": ("Priority", "اولویت"),
    "count": ("Complaints", "تعداد"),
    "target_first": ("First response target (h)", "هدف نخستین پاسخ (ساعت)"),
    "median_first": ("Median first response (h)", "میانهٔ نخستین پاسخ (ساعت)"),
    "first_on_time": ("Answered on time", "پاسخ به‌موقع"),
    "target_resolve": ("Resolution target (h)", "هدف رفع (ساعت)"),
    "median_resolve": ("Median resolution (h)", "میانهٔ رفع (ساعت)"),
    "resolved_on_time": ("Resolved on time", "رفع به‌موقع"),
    "unanswered_late": ("Not answered, past the target", "بی‌پاسخ، گذشته از هدف"),
    "unanswered_within": ("Not answered, within the target", "بی‌پاسخ، هنوز در هدف"),
    "open_overdue": ("Still open, past the target", "هنوز باز، گذشته از هدف"),
    "open_within": ("Still open, within the target", "هنوز باز، هنوز در هدف"),
    "first_response": ("First response", "نخستین پاسخ"),
    "resolution": ("Resolution", "رفع"),
    "on_time_rule": (
        (
            "On time: the share of complaints answered (resolved) within their target, out of those "
            "answered (resolved) and those still waiting past it; those still within their target are "
            "counted beside the rate, not in it."
        ),
        (
            "به‌موقع: سهم شکایت‌هایی که در زمان هدف پاسخ داده (رفع) شده‌اند، از میان شکایت‌های پاسخ‌داده "
            "(رفع‌شده) و آن‌هایی که از هدف گذشته‌اند و هنوز در انتظارند؛ شکایت‌هایی که هنوز در زمان هدف "
            "هستند کنار این نرخ شمرده می‌شوند، نه در آن."
        ),
    ),
    "raised_count": ("Complaints raised", "شکایت‌های ثبت‌شده"),
    "overdue": ("Overdue now", "سررسید گذشته"),
    "escalations": ("Escalations", "ارجاع‌ها"),
    "number": ("No.", "شماره"),
    "raised": ("Raised", "ثبت"),
    "customer": ("Customer", "مشتری"),
    "assignee": ("Who deals with it", "مسئول رسیدگی"),
    "reason": ("Reason", "دلیل"),
    "to": ("To", "به"),
}


def label(key: str, lang: str) -> str:
    return words(LABELS, key, lang)


def _hours(start, end) -> float:
    return (end - start).total_seconds() / 3600


def _rate(ok: int, counted: int) -> float | None:
    return 100 * ok / counted if counted else None


def figures(date_from: date, date_to: date, staff_id: int | None = None) -> dict:
    """The complaints raised in the period. Against the targets, a complaint still open (or not yet
    answered) whose target has passed counts as late: the rates are of those resolved (answered) and
    those open past their target; the ones open within their target are counted beside them."""
    start, end = local_day_bounds(date_from)[0], local_day_bounds(date_to)[1]
    # Only the columns counted or listed: the texts (up to 10,000 characters each) stay in the database.
    query = Complaint.select(
        Complaint.id,
        Complaint.created_at,
        Complaint.customer,
        Complaint.category,
        Complaint.priority,
        Complaint.status,
        Complaint.assignee,
        Complaint.first_response_at,
        Complaint.resolved_at,
        Complaint.escalated_at,
        Complaint.escalated_to,
        Complaint.escalation_reason,
    ).where((Complaint.created_at >= start) & (Complaint.created_at < end))
    if staff_id is not None:
        query = query.where(Complaint.assignee == staff_id)
    rows = list(query.order_by(Complaint.created_at))
    table_ = complaints.targets()
    now = utcnow()
    out: dict[str, Any] = {
        "total": len(rows),
        "by_category": {},
        "by_status": dict.fromkeys(complaints.STATUSES, 0),
        "by_priority": {},
        "overdue": [],
        "escalations": [],
    }
    for c in rows:
        out["by_category"][c.category_id] = out["by_category"].get(c.category_id, 0) + 1
        out["by_status"][c.status] += 1
        p = out["by_priority"].setdefault(
            c.priority,
            {
                "count": 0,
                "first": [],
                "first_ok": 0,
                "unanswered_late": 0,
                "unanswered_within": 0,
                "resolve": [],
                "resolve_ok": 0,
                "open_overdue": 0,
                "open_within": 0,
            },
        )
        p["count"] += 1
        due = complaints.deadlines(c.created_at, c.priority, table_)
        if c.first_response_at:
            hours = _hours(c.created_at, c.first_response_at)
            p["first"].append(hours)
            p["first_ok"] += c.first_response_at <= due.first_response
        elif now > due.first_response:
            p["unanswered_late"] += 1
        else:
            p["unanswered_within"] += 1
        if c.status in complaints.OPEN_STATUSES:
            if now > due.resolution:
                p["open_overdue"] += 1
            else:
                p["open_within"] += 1
        elif c.resolved_at:
            hours = _hours(c.created_at, c.resolved_at)
            p["resolve"].append(hours)
            p["resolve_ok"] += c.resolved_at <= due.resolution
        if complaints.is_overdue(c, now, table_):
            out["overdue"].append(c)
        if c.escalated_at:
            out["escalations"].append(c)
    for p in out["by_priority"].values():
        p["first_rate"] = _rate(p["first_ok"], len(p["first"]) + p["unanswered_late"])
        p["resolve_rate"] = _rate(p["resolve_ok"], len(p["resolve"]) + p["open_overdue"])
    every = out["by_priority"].values()
    out["first_rate"] = _rate(
        sum(p["first_ok"] for p in every), sum(len(p["first"]) + p["unanswered_late"] for p in every)
    )
    out["resolve_rate"] = _rate(
        sum(p["resolve_ok"] for p in every), sum(len(p["resolve"]) + p["open_overdue"] for p in every)
    )
    out["open_overdue"] = sum(p["open_overdue"] for p in every)
    out["open_within"] = sum(p["open_within"] for p in every)
    return out


def _comparison(data: dict, request, lang: str) -> list:
    """The main figures beside the previous period's."""
    first, last = previous_period(request.date_from, request.date_to, lang)
    before = figures(first, last, request.staff_id)
    span = format_date(first, lang) if first == last else f"{format_date(first, lang)} – {format_date(last, lang)}"
    rows = [
        (label("raised_count", lang), COUNT, data["total"], before["total"]),
        (label("first_on_time", lang), RATE, data["first_rate"], before["first_rate"]),
        (label("resolved_on_time", lang), RATE, data["resolve_rate"], before["resolve_rate"]),
        (label("open_overdue", lang), COUNT, data["open_overdue"], before["open_overdue"]),
        (label("open_within", lang), COUNT, data["open_within"], before["open_within"]),
        (label("escalations", lang), COUNT, len(data["escalations"]), len(before["escalations"])),
    ]
    data["previous"] = {"date_from": first, "date_to": last, **before}
    return [heading(previous_label("heading", lang).format(span), lang), comparison(rows, lang), Spacer(1, 10)]


def build(out, request, actor: Staff, progress) -> dict:
    authorise(actor, request)
    register_fonts()
    lang = request.lang
    data = figures(request.date_from, request.date_to, request.staff_id)
    progress(0.3)
    period = period_of(request, lang)
    page = page_for(lang, label("title", lang), period, actor.full_name)
    w = CONTENT_WIDTH

    def n(value):
        return format_number(value, lang)

    def hours(values):
        return format_number(statistics.median(values), lang, 1) if values else "—"

    story = [text(label("title", lang), lang, 16, bold=True), text(period, lang, 10), Spacer(1, 8)]
    names = {c.id: c.name(lang) for c in ComplaintCategory.select()}
    story.append(heading(label("by_category", lang), lang))
    rows = [[label("category", lang), label("count", lang)]]
    rows += [[names[cid], n(count)] for cid, count in sorted(data["by_category"].items(), key=lambda x: -x[1])]
    story += [table(rows, lang, [w * 0.7, w * 0.3]), Spacer(1, 10)]
    story.append(heading(label("by_status", lang), lang))
    rows = [[label("status", lang), label("count", lang)]]
    rows += [[label(s, lang), n(count)] for s, count in data["by_status"].items()]
    story += [table(rows, lang, [w * 0.7, w * 0.3]), Spacer(1, 10)]
    story.append(heading(label("by_priority", lang), lang))
    story += [text(label("on_time_rule", lang), lang, 8), Spacer(1, 4)]
    targets = complaints.targets()

    def rate(value):
        return value_of(RATE, value, lang)

    first_rows = [
        [
            label(k, lang)
            for k in (
                "priority",
                "count",
                "target_first",
                "median_first",
                "first_on_time",
                "unanswered_late",
                "unanswered_within",
            )
        ]
    ]
    resolve_rows = [
        [
            label(k, lang)
            for k in (
                "priority",
                "count",
                "target_resolve",
                "median_resolve",
                "resolved_on_time",
                "open_overdue",
                "open_within",
            )
        ]
    ]
    for priority in complaints.PRIORITIES:
        p = data["by_priority"].get(priority)
        if not p:
            continue
        first_rows.append(
            [
                label(priority, lang),
                n(p["count"]),
                n(targets[priority][0]),
                hours(p["first"]),
                rate(p["first_rate"]),
                n(p["unanswered_late"]),
                n(p["unanswered_within"]),
            ]
        )
        resolve_rows.append(
            [
                label(priority, lang),
                n(p["count"]),
                n(targets[priority][1]),
                hours(p["resolve"]),
                rate(p["resolve_rate"]),
                n(p["open_overdue"]),
                n(p["open_within"]),
            ]
        )
    widths = [w * 0.12, w * 0.12, w * 0.13, w * 0.13, w * 0.14, w * 0.18, w * 0.18]
    story += [
        heading(label("first_response", lang), lang, 10),
        table(first_rows, lang, widths),
        Spacer(1, 8),
        heading(label("resolution", lang), lang, 10),
        table(resolve_rows, lang, widths),
        Spacer(1, 10),
    ]
    story += _comparison(data, request, lang)
    listed = data["overdue"] + data["escalations"]
    people = {s.id: s.full_name for s in Staff.select(Staff.id, Staff.full_name)}
    customers = {
        c.id: c.display_name
        for c in Customer.select().where(Customer.id.in_({c.customer_id for c in listed if c.customer_id} or {0}))
    }
    for key, items in (("overdue", data["overdue"]), ("escalations", data["escalations"])):
        story.append(heading(f"{label(key, lang)} ({n(len(items))})", lang))
        if not items:
            story += [text(label("none", lang), lang), Spacer(1, 8)]
            continue
        if key == "overdue":
            rows = [[label(k, lang) for k in ("number", "raised", "customer", "priority", "status", "assignee")]]
            rows += [
                [
                    n(c.id),
                    format_short_date(to_local(c.created_at), lang),
                    customers.get(c.customer_id, label("unnamed", lang)),
                    label(c.priority, lang),
                    label(c.status, lang),
                    people.get(c.assignee_id, ""),
                ]
                for c in items
            ]
            widths = [w * 0.08, w * 0.14, w * 0.24, w * 0.12, w * 0.16, w * 0.26]
        else:
            rows = [[label(k, lang) for k in ("number", "raised", "customer", "to", "reason")]]
            rows += [
                [
                    n(c.id),
                    format_short_date(to_local(c.escalated_at), lang),
                    customers.get(c.customer_id, label("unnamed", lang)),
                    people.get(c.escalated_to_id, ""),
                    c.escalation_reason,
                ]
                for c in items
            ]
            widths = [w * 0.08, w * 0.14, w * 0.22, w * 0.18, w * 0.38]
        story += [table(rows, lang, widths), Spacer(1, 10)]
    write(out, page, story, progress)
    return data
