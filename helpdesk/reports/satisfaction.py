"""The satisfaction report: the dissatisfied / satisfied / delighted mix of the period and its
trend by month, a satisfaction index, lost customers by reason, and the customer segments."""
from __future__ import annotations

from datetime import date

import peewee as pw
from reportlab.platypus import Spacer

from ..contacts import local_day_bounds
from ..customers import SEGMENTS, lost_counts
from ..localization import format_number
from ..models import STATUS_MERGED, Contact, Customer, Staff
from . import authorise
from .layout import (CONTENT_WIDTH, bar_chart, heading, month_name, page_for, percent, period_of, register_fonts,
                     table, text, words, write)

LEVELS = ("dissatisfied", "satisfied", "delighted")
COLOURS = {"dissatisfied": "#c62828", "satisfied": "#1e88e5", "delighted": "#2e7d32"}
LABELS = {
    "title": ("Satisfaction", "رضایت"),
    "mix": ("The mix of the period", "ترکیب رضایت در این بازه"),
    "trend": ("By month", "ماه به ماه"),
    "index": ("Satisfaction index", "شاخص رضایت"),
    "index_note": ("Index = 100 × (delighted + ½ satisfied) ÷ everyone asked; 100 means all delighted.",
                   "شاخص = ۱۰۰ × (خشنود + نیمی از راضی) ÷ همهٔ پاسخ‌دهندگان؛ ۱۰۰ یعنی همه خشنود."),
    "level": ("Satisfaction", "رضایت"), "count": ("Contacts", "تعداد"), "share": ("Share", "سهم"),
    "month": ("Month", "ماه"),
    "lost": ("Lost customers by reason", "مشتریان از دست رفته بر پایهٔ علت"), "reason": ("Reason", "علت"),
    "customers": ("Customers", "مشتریان"), "segments": ("Customer segments", "گروه‌بندی مشتریان"),
    "segment": ("Segment", "گروه"), "unset": ("Not set", "تعیین نشده"),
    "loyal_profitable": ("Loyal and profitable", "وفادار و سودآور"),
    "loyal_unprofitable": ("Loyal, not profitable", "وفادار، نه سودآور"),
    "profitable_not_loyal": ("Profitable, not loyal", "سودآور، نه وفادار"),
    "neither": ("Neither loyal nor profitable", "نه وفادار نه سودآور"),
}


def label(key: str, lang: str) -> str:
    return words(LABELS, key, lang)


def index_of(mix: dict) -> float | None:
    asked = sum(mix.get(k, 0) for k in LEVELS)
    return 100 * (mix.get("delighted", 0) + 0.5 * mix.get("satisfied", 0)) / asked if asked else None


def figures(date_from: date, date_to: date, staff_id: int | None = None, lang: str = "en") -> dict:
    """The mix, and the mix of each month (Jalali months in Persian): counted by the database,
    one grouped query per month, so a year of a busy office is read in a blink."""
    from . import month_spans

    def mix_between(first: date, last: date) -> dict:
        where = (Contact.started_at >= local_day_bounds(first)[0]) & (Contact.started_at < local_day_bounds(last)[1])
        if staff_id is not None:
            where &= Contact.staff == staff_id
        mix = {k: 0 for k in (*LEVELS, "not_asked")}
        for key, n in Contact.select(Contact.satisfaction, pw.fn.COUNT(Contact.id)).where(where) \
                .group_by(Contact.satisfaction).tuples():
            mix[key] = n
        return mix

    months = {key: mix_between(first, last) for key, first, last in month_spans(date_from, date_to, lang)}
    mix = {k: sum(m[k] for m in months.values()) for k in (*LEVELS, "not_asked")}
    segments = dict(Customer.select(Customer.segment, pw.fn.COUNT(Customer.id))
                    .where(Customer.status != STATUS_MERGED).group_by(Customer.segment).tuples())
    return {"mix": mix, "index": index_of(mix), "months": {k: m for k, m in months.items() if sum(m.values())},
            "lost": [(reason, n) for reason, n in lost_counts()], "segments": segments}


def _trend_chart(months: dict, lang: str):
    """Stacked bars of the three levels per month; in Persian the months run right to left."""
    return bar_chart([month_name(k, lang) for k in months], [[m[level] for m in months.values()] for level in LEVELS],
                     [(label(level, lang), COLOURS[level]) for level in LEVELS], lang, stacked=True)


def build(out, request, actor: Staff, progress) -> dict:
    authorise(actor, request)
    register_fonts()
    lang = request.lang
    data = figures(request.date_from, request.date_to, request.staff_id, lang)
    progress(0.3)
    period = period_of(request, lang)
    page = page_for(lang, label("title", lang), period, actor.full_name)
    w = CONTENT_WIDTH
    n = lambda value: format_number(value, lang)  # noqa: E731
    story = [text(label("title", lang), lang, 16, bold=True), text(period, lang, 10), Spacer(1, 8)]
    asked = sum(data["mix"][k] for k in LEVELS)
    story.append(heading(label("mix", lang), lang))
    rows = [[label("level", lang), label("count", lang), label("share", lang)]]
    for level in LEVELS:
        rows.append([label(level, lang), n(data["mix"][level]), percent(data["mix"][level], asked, lang)])
    rows.append([label("not_asked", lang), n(data["mix"]["not_asked"]), ""])
    story += [table(rows, lang, [w * 0.5, w * 0.25, w * 0.25]), Spacer(1, 8)]
    index = data["index"]
    story.append(text(f"{label('index', lang)}: {format_number(index, lang, 1) if index is not None else '—'}",
                      lang, 13, bold=True))
    story += [text(label("index_note", lang), lang, 8), Spacer(1, 10)]
    story.append(heading(label("trend", lang), lang))
    if data["months"]:
        story.append(_trend_chart(data["months"], lang))
        rows = [[label("month", lang), *[label(level, lang) for level in LEVELS], label("index", lang)]]
        for key, mix in data["months"].items():
            month_index = index_of(mix)
            rows.append([month_name(key, lang), *[n(mix[level]) for level in LEVELS],
                         format_number(month_index, lang, 1) if month_index is not None else "—"])
        story += [table(rows, lang, [w * 0.28, w * 0.18, w * 0.18, w * 0.18, w * 0.18]), Spacer(1, 10)]
    story.append(heading(label("lost", lang), lang))
    rows = [[label("reason", lang), label("customers", lang)]]
    rows += [[reason.name(lang), n(count)] for reason, count in data["lost"]]
    story += [table(rows, lang, [w * 0.7, w * 0.3]), Spacer(1, 10)]
    story.append(heading(label("segments", lang), lang))
    rows = [[label("segment", lang), label("customers", lang)]]
    rows += [[label(s, lang), n(data["segments"].get(s, 0))] for s in SEGMENTS]
    rows.append([label("unset", lang), n(data["segments"].get(None, 0))])
    story.append(table(rows, lang, [w * 0.7, w * 0.3]))
    write(out, page, story, progress)
    return data
