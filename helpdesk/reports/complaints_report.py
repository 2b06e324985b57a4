"""The complaints report: counts by category, status and priority; time to first response and
to resolution against their targets; the overdue list and the escalations of the period."""
from __future__ import annotations

import statistics
from datetime import date

from reportlab.platypus import Spacer

from .. import complaints
from ..clock import to_local, utcnow
from ..contacts import local_day_bounds
from ..localization import format_number, format_short_date
from ..models import Complaint, ComplaintCategory, Customer, Staff
from . import authorise
from .layout import (CONTENT_WIDTH, heading, page_for, percent, period_of, register_fonts, table, text,
                     words, write)

LABELS = {
    "title": ("Complaints", "شکایت‌ها"),
    "by_category": ("By category", "بر پایهٔ دسته"), "by_status": ("By status", "بر پایهٔ وضعیت"),
    "by_priority": ("By priority and against the targets", "بر پایهٔ اولویت و در برابر هدف‌ها"),
    "category": ("Category", "دسته"), "status": ("Status", "وضعیت"), "priority": ("Priority", "اولویت"),
    "count": ("Complaints", "تعداد"), "target_first": ("First response target (h)", "هدف نخستین پاسخ (ساعت)"),
    "median_first": ("Median first response (h)", "میانهٔ نخستین پاسخ (ساعت)"),
    "first_on_time": ("Answered on time", "پاسخ به‌موقع"),
    "target_resolve": ("Resolution target (h)", "هدف رفع (ساعت)"),
    "median_resolve": ("Median resolution (h)", "میانهٔ رفع (ساعت)"),
    "resolved_on_time": ("Resolved on time", "رفع به‌موقع"),
    "overdue": ("Overdue now", "سررسید گذشته"), "escalations": ("Escalations", "ارجاع‌ها"),
    "number": ("No.", "شماره"), "raised": ("Raised", "ثبت"), "customer": ("Customer", "مشتری"),
    "assignee": ("Who deals with it", "مسئول رسیدگی"), "reason": ("Reason", "دلیل"), "to": ("To", "به"),
}


def label(key: str, lang: str) -> str:
    return words(LABELS, key, lang)


def _hours(start, end) -> float:
    return (end - start).total_seconds() / 3600


def figures(date_from: date, date_to: date, staff_id: int | None = None) -> dict:
    start, end = local_day_bounds(date_from)[0], local_day_bounds(date_to)[1]
    query = Complaint.select().where((Complaint.created_at >= start) & (Complaint.created_at < end))
    if staff_id is not None:
        query = query.where(Complaint.assignee == staff_id)
    rows = list(query.order_by(Complaint.created_at))
    table_ = complaints.targets()
    now = utcnow()
    out = {"total": len(rows), "by_category": {}, "by_status": {s: 0 for s in complaints.STATUSES},
           "by_priority": {}, "overdue": [], "escalations": []}
    for c in rows:
        out["by_category"][c.category_id] = out["by_category"].get(c.category_id, 0) + 1
        out["by_status"][c.status] += 1
        p = out["by_priority"].setdefault(c.priority, {"count": 0, "first": [], "first_ok": 0, "resolve": [],
                                                       "resolve_ok": 0})
        p["count"] += 1
        first, resolve = table_[c.priority]
        if c.first_response_at:
            hours = _hours(c.created_at, c.first_response_at)
            p["first"].append(hours)
            p["first_ok"] += hours <= first
        if c.resolved_at:
            hours = _hours(c.created_at, c.resolved_at)
            p["resolve"].append(hours)
            p["resolve_ok"] += hours <= resolve
        if complaints.is_overdue(c, now, table_):
            out["overdue"].append(c)
        if c.escalated_at:
            out["escalations"].append(c)
    return out


def build(out, request, actor: Staff, progress) -> dict:
    authorise(actor, request)
    register_fonts()
    lang = request.lang
    data = figures(request.date_from, request.date_to, request.staff_id)
    progress(0.3)
    period = period_of(request, lang)
    page = page_for(lang, label("title", lang), period, actor.full_name)
    w = CONTENT_WIDTH
    n = lambda value: format_number(value, lang)  # noqa: E731
    hours = lambda values: format_number(statistics.median(values), lang, 1) if values else "—"  # noqa: E731
    share = lambda ok, total: percent(ok, total, lang, 0)  # noqa: E731
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
    targets = complaints.targets()
    rows = [[label(k, lang) for k in ("priority", "count", "target_first", "median_first", "first_on_time",
                                       "target_resolve", "median_resolve", "resolved_on_time")]]
    for priority in complaints.PRIORITIES:
        p = data["by_priority"].get(priority)
        if not p:
            continue
        rows.append([label(priority, lang), n(p["count"]), n(targets[priority][0]), hours(p["first"]),
                     share(p["first_ok"], len(p["first"])), n(targets[priority][1]), hours(p["resolve"]),
                     share(p["resolve_ok"], len(p["resolve"]))])
    story += [table(rows, lang, [w * 0.11] + [w * 0.127] * 7), Spacer(1, 10)]
    listed = data["overdue"] + data["escalations"]
    people = {s.id: s.full_name for s in Staff.select(Staff.id, Staff.full_name)}
    customers = {c.id: c.display_name for c in Customer.select().where(
        Customer.id.in_({c.customer_id for c in listed if c.customer_id} or {0}))}
    for key, items in (("overdue", data["overdue"]), ("escalations", data["escalations"])):
        story.append(heading(f"{label(key, lang)} ({n(len(items))})", lang))
        if not items:
            story += [text(label("none", lang), lang), Spacer(1, 8)]
            continue
        if key == "overdue":
            rows = [[label(k, lang) for k in ("number", "raised", "customer", "priority", "status", "assignee")]]
            rows += [[n(c.id), format_short_date(to_local(c.created_at), lang),
                      customers.get(c.customer_id, label("unnamed", lang)), label(c.priority, lang),
                      label(c.status, lang), people.get(c.assignee_id, "")] for c in items]
            widths = [w * 0.08, w * 0.14, w * 0.24, w * 0.12, w * 0.16, w * 0.26]
        else:
            rows = [[label(k, lang) for k in ("number", "raised", "customer", "to", "reason")]]
            rows += [[n(c.id), format_short_date(to_local(c.escalated_at), lang),
                      customers.get(c.customer_id, label("unnamed", lang)), people.get(c.escalated_to_id, ""),
                      c.escalation_reason] for c in items]
            widths = [w * 0.08, w * 0.14, w * 0.22, w * 0.18, w * 0.38]
        story += [table(rows, lang, widths), Spacer(1, 10)]
    write(out, page, story, progress)
    return data
