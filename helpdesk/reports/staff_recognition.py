"""Staff recognition: for each person, the contacts they handled, how many of the customers
asked left delighted, the complaints they resolved on time and how often a calm-down worked.
Seed 002 asks for staff who treat customers excellently to be seen and rewarded; the report
names the best of the period on each measure, with enough cases to mean something."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import peewee as pw
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.platypus import Spacer

from .. import calm, complaints
from ..clock import as_datetime
from ..contacts import local_day_bounds
from ..localization import format_number
from ..models import Complaint, Contact, Staff
from . import authorise
from .layout import (CONTENT_WIDTH, REGULAR, embed, heading, page_for, percent, period_of, register_fonts,
                     shown, table, text, words, write)

# Below these a rate says little: the highlights only name people with at least this many cases.
ENOUGH = {"delighted": 20, "on_time": 5, "calm": 3}

LABELS = {
    "title": ("Staff recognition", "قدردانی از کارکنان"),
    "intro": ("Who treated customers excellently in this period. A rate is only named as best when it rests on "
              "enough cases: {0} customers asked, {1} complaints resolved, {2} calm-down sessions.",
              "چه کسانی در این بازه با مشتریان به بهترین شکل رفتار کردند. نرخی تنها وقتی بهترین شمرده می‌شود "
              "که بر پایهٔ موارد کافی باشد: {0} مشتری پرسیده‌شده، {1} شکایت رفع‌شده، {2} جلسهٔ آرام کردن."),
    "highlights": ("Highlights", "برجسته‌ها"),
    "best_delighted": ("Most customers delighted: {0}, {1} of {2} asked",
                       "بیشترین مشتری خشنود: {0}، {1} از {2} پرسیده‌شده"),
    "best_on_time": ("Most complaints resolved on time: {0}, {1} of {2}",
                     "بیشترین شکایت رفع‌شده به‌موقع: {0}، {1} از {2}"),
    "best_calm": ("Most angry customers calmed: {0}, {1} of {2} sessions",
                  "بیشترین مشتری خشمگین آرام‌شده: {0}، {1} از {2} جلسه"),
    "best_contacts": ("Most contacts handled: {0}, {1}", "بیشترین ارتباط: {0}، {1}"),
    "no_highlight": ("Too few cases this period to name anyone on this measure.",
                     "موارد این بازه برای نام بردن از کسی در این سنجه کافی نیست."),
    "chart": ("Share of customers asked who left delighted", "سهم مشتریان پرسیده‌شده که خشنود رفتند"),
    "table": ("Each person", "هر نفر"),
    "person": ("Staff member", "کارمند"), "contacts": ("Contacts", "ارتباط‌ها"), "asked": ("Asked", "پرسیده‌شده"),
    "delighted_rate": ("Delighted", "خشنود"), "resolved": ("Complaints resolved", "شکایت رفع‌شده"),
    "on_time": ("On time", "به‌موقع"), "sessions": ("Calm-down sessions", "جلسهٔ آرام کردن"),
    "calmed_rate": ("Calmed", "آرام شد"),
    "nobody": ("Nobody handled a contact, a complaint or a calm-down session in this period.",
               "در این بازه کسی ارتباط، شکایت یا جلسهٔ آرام کردنی نداشته است."),
}


def label(key: str, lang: str) -> str:
    return words(LABELS, key, lang)


@dataclass
class Person:
    staff_id: int
    name: str
    contacts: int = 0
    asked: int = 0
    delighted: int = 0
    resolved: int = 0
    on_time: int = 0
    sessions: int = 0
    calmed: int = 0
    mix: dict = field(default_factory=dict)

    @property
    def delighted_rate(self) -> float | None:
        return self.delighted / self.asked if self.asked else None


def figures(date_from: date, date_to: date, staff_id: int | None = None) -> dict:
    start, end = local_day_bounds(date_from)[0], local_day_bounds(date_to)[1]
    people: dict[int, Person] = {}

    def person(sid: int) -> Person:
        return people.setdefault(sid, Person(sid, ""))

    where = (Contact.started_at >= start) & (Contact.started_at < end)
    if staff_id is not None:
        where &= Contact.staff == staff_id
    for sid, level, n in (Contact.select(Contact.staff, Contact.satisfaction, pw.fn.COUNT(Contact.id)).where(where)
                          .group_by(Contact.staff, Contact.satisfaction).tuples()):
        p = person(sid)
        p.contacts += n
        p.mix[level] = n
        if level != "not_asked":
            p.asked += n
        if level == "delighted":
            p.delighted += n
    # Complaints resolved in the period, by whoever was dealing with them, against the resolution target.
    targets = complaints.targets()
    resolved = Complaint.select(Complaint.assignee, Complaint.priority, Complaint.created_at, Complaint.resolved_at) \
        .where((Complaint.resolved_at >= start) & (Complaint.resolved_at < end) & Complaint.assignee.is_null(False))
    if staff_id is not None:
        resolved = resolved.where(Complaint.assignee == staff_id)
    for sid, priority, created, done in resolved.tuples():
        p = person(sid)
        p.resolved += 1
        p.on_time += (as_datetime(done) - as_datetime(created)).total_seconds() <= targets[priority][1] * 3600
    _overall, per_staff = calm.figures(date_from, date_to, staff_id)
    for sid, f in per_staff.items():
        p = person(sid)
        p.sessions = f.sessions
        p.calmed = round((f.success_rate or 0) * f.sessions)
    for s in Staff.select(Staff.id, Staff.full_name).where(Staff.id.in_(list(people) or [0])):
        people[s.id].name = s.full_name
    rows = sorted(people.values(), key=lambda p: (-(p.delighted_rate or 0), -p.contacts, p.name))
    return {"people": rows, "highlights": _highlights(rows)}


def _highlights(rows: list[Person]) -> dict:
    def best(key, enough_of, enough):
        fit = [p for p in rows if enough_of(p) >= enough]
        return max(fit, key=lambda p: (key(p), enough_of(p))) if fit else None

    return {
        "contacts": max(rows, key=lambda p: p.contacts) if rows and any(p.contacts for p in rows) else None,
        "delighted": best(lambda p: p.delighted / p.asked, lambda p: p.asked, ENOUGH["delighted"]),
        "on_time": best(lambda p: p.on_time / p.resolved, lambda p: p.resolved, ENOUGH["on_time"]),
        "calm": best(lambda p: p.calmed / p.sessions, lambda p: p.sessions, ENOUGH["calm"]),
    }


def _chart(rows: list[Person], lang: str) -> Drawing:
    """One bar per person, the share of those asked who left delighted. In Persian the names
    stand on the right and the bars grow to the left."""
    rows = [p for p in rows if p.asked][:15]
    rows = list(reversed(rows))  # the chart draws its first category at the bottom: best at the top
    height = 24 + 18 * len(rows)
    drawing = Drawing(CONTENT_WIDTH, height)
    chart = HorizontalBarChart()
    names_width = 120
    chart.y, chart.height = 16, height - 24
    chart.width = CONTENT_WIDTH - names_width - 10
    chart.x = 4 if lang == "fa" else names_width
    chart.data = [[round(100 * p.delighted_rate, 1) for p in rows]]
    chart.categoryAxis.categoryNames = [shown(p.name, lang) for p in rows]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: format_number(v, lang) + ("٪" if lang == "fa" else "%")
    chart.bars[0].fillColor = colors.HexColor("#2e7d32")
    chart.bars[0].strokeColor = None
    if lang == "fa":
        chart.valueAxis.reverseDirection = 1
        chart.categoryAxis.joinAxisMode = "right"
        chart.categoryAxis.labels.textAnchor = "start"
        chart.categoryAxis.labels.boxAnchor = "w"
        chart.categoryAxis.labels.dx = 6
    drawing.add(chart)
    return drawing


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
    story = [text(label("title", lang), lang, 16, bold=True), text(period, lang, 10), Spacer(1, 6),
             text(label("intro", lang).format(n(ENOUGH["delighted"]), n(ENOUGH["on_time"]), n(ENOUGH["calm"])),
                  lang, 9), Spacer(1, 8)]
    rows = data["people"]
    if not rows:
        story.append(text(label("nobody", lang), lang))
        write(out, page, story, progress)
        return data
    story.append(heading(label("highlights", lang), lang))
    best = data["highlights"]
    lines = [
        ("best_contacts", best["contacts"], lambda p: (n(p.contacts),)),
        ("best_delighted", best["delighted"], lambda p: (percent(p.delighted, p.asked, lang), n(p.asked))),
        ("best_on_time", best["on_time"], lambda p: (percent(p.on_time, p.resolved, lang), n(p.resolved))),
        ("best_calm", best["calm"], lambda p: (percent(p.calmed, p.sessions, lang), n(p.sessions))),
    ]
    for key, who, numbers in lines:
        line = label(key, lang).format(embed(who.name, lang), *numbers(who)) if who else \
            f"{label(key, lang).split(':')[0]}: {label('no_highlight', lang)}"
        story.append(text("• " + line, lang, 10))
    story += [Spacer(1, 10), heading(label("chart", lang), lang)]
    if any(p.asked for p in rows):
        story.append(_chart(rows, lang))
    story += [Spacer(1, 10), heading(label("table", lang), lang)]
    cells = [[label(k, lang) for k in ("person", "contacts", "asked", "delighted_rate", "resolved", "on_time",
                                       "sessions", "calmed_rate")]]
    for p in rows:
        cells.append([p.name, n(p.contacts), n(p.asked), percent(p.delighted, p.asked, lang), n(p.resolved),
                      percent(p.on_time, p.resolved, lang), n(p.sessions), percent(p.calmed, p.sessions, lang)])
    story.append(table(cells, lang, [w * 0.2, w * 0.1, w * 0.1, w * 0.1, w * 0.13, w * 0.1, w * 0.14, w * 0.13]))
    write(out, page, story, progress)
    return data
