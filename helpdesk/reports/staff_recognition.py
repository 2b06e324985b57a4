"""Staff recognition: for each person, the contacts they handled, how many of the customers
asked left delighted, the complaints they resolved on time and how often a calm-down worked.
Seed 002 asks for staff who treat customers excellently to be seen and rewarded; the report
names the best of the period on each measure, with enough cases to mean something, and orders
everyone by the same rule: those with enough customers asked first, best rate first; those with
too few after them, marked so. The main figures stand beside the previous period's."""

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
from ..localization import format_date, format_number
from ..models import Complaint, Contact, Staff
from . import authorise, previous, previous_period
from .layout import (
    CONTENT_WIDTH,
    REGULAR,
    embed,
    heading,
    page_for,
    percent,
    period_of,
    register_fonts,
    shown,
    table,
    text,
    words,
    write,
)
from .previous import COUNT, RATE

# Below these a rate says little: the highlights only name people with at least this many cases.
ENOUGH = {"delighted": 20, "on_time": 5, "calm": 3}

LABELS = {
    "title": ("Staff recognition", "قدردانی از کارکنان"),
    "intro": (
        (
            "Who treated customers excellently in this period. A rate is only named as best when it rests on "
            "enough cases: {0} customers asked, {1} complaints resolved, {2} calm-down sessions."
        ),
        (
            "چه کسانی در این بازه با مشتریان به بهترین شکل رفتار کردند. نرخی تنها وقتی بهترین شمرده می‌شود "
            "که بر پایهٔ موارد کافی باشد: {0} مشتری پرسیده‌شده، {1} شکایت رفع‌شده، {2} جلسهٔ آرام کردن."
        ),
    ),
    "highlights": ("Highlights", "برجسته‌ها"),
    "best_delighted": (
        "Most customers delighted: {0}, {1} of {2} asked",
        "بیشترین مشتری خشنود: {0}، {1} از {2} پرسیده‌شده",
    ),
    "best_on_time": (
        "Most complaints resolved on time: {0}, {1} of {2}",
        "بیشترین شکایت رفع‌شده به‌موقع: {0}، {1} از {2}",
    ),
    "best_calm": (
        "Most angry customers calmed: {0}, {1} of {2} sessions",
        "بیشترین مشتری خشمگین آرام‌شده: {0}، {1} از {2} جلسه",
    ),
    "best_contacts": ("Most contacts handled: {0}, {1}", "بیشترین ارتباط: {0}، {1}"),
    "no_highlight": (
        "Too few cases this period to name anyone on this measure.",
        "موارد این بازه برای نام بردن از کسی در این سنجه کافی نیست.",
    ),
    "chart": ("Share of customers asked who left delighted", "سهم مشتریان پرسیده‌شده که خشنود رفتند"),
    "few_note": (
        (
            "Grey bars, and the rows after “{0}” in the table: fewer than {1} customers asked, so not "
            "ranked; they come after everyone with enough."
        ),
        (
            "میله‌های خاکستری، و ردیف‌های پس از «{0}» در جدول: کمتر از {1} مشتری پرسیده‌شده، پس رتبه‌بندی "
            "نشده‌اند و پس از همهٔ کسانی می‌آیند که موارد کافی دارند."
        ),
    ),
    "few": ("Fewer than {0} asked: not ranked", "کمتر از {0} پرسیده‌شده: بدون رتبه"),
    "table": ("Each person", "هر نفر"),
    "person": ("Staff member", "کارمند"),
    "contacts": ("Contacts", "ارتباط‌ها"),
    "asked": ("Asked", "پرسیده‌شده"),
    "delighted_rate": ("Delighted", "خشنود"),
    "resolved": ("Complaints resolved", "شکایت رفع‌شده"),
    "on_time": ("On time", "به‌موقع"),
    "sessions": ("Calm-down sessions", "جلسهٔ آرام کردن"),
    "calmed_rate": ("Calmed", "آرام شد"),
    "nobody": (
        "Nobody handled a contact, a complaint or a calm-down session in this period.",
        "در این بازه کسی ارتباط، شکایت یا جلسهٔ آرام کردنی نداشته است.",
    ),
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
    for sid, level, n in (
        Contact.select(Contact.staff, Contact.satisfaction, pw.fn.COUNT(Contact.id))
        .where(where)
        .group_by(Contact.staff, Contact.satisfaction)
        .tuples()
    ):
        p = person(sid)
        p.contacts += n
        p.mix[level] = n
        if level != "not_asked":
            p.asked += n
        if level == "delighted":
            p.delighted += n
    # Complaints resolved in the period, by whoever was dealing with them, against the resolution target.
    targets = complaints.targets()
    resolved = Complaint.select(
        Complaint.assignee, Complaint.priority, Complaint.created_at, Complaint.resolved_at
    ).where((Complaint.resolved_at >= start) & (Complaint.resolved_at < end) & Complaint.assignee.is_null(False))
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
    rows = sorted(people.values(), key=ranking)
    return {"people": rows, "highlights": _highlights(rows)}


def ranked(p: Person) -> bool:
    """Whether the person's delighted rate rests on enough customers asked to be ranked."""
    return p.asked >= ENOUGH["delighted"]


def ranking(p: Person) -> tuple:
    """The order of the chart and the table, the rule that names the best: enough customers asked
    first, then the higher rate, the more asked, the more contacts."""
    return (not ranked(p), -(p.delighted_rate or 0), -p.asked, -p.contacts, p.name)


def totals(rows: list[Person]) -> dict:
    """The office's main figures (everyone's, or the one person's) for the comparison."""

    def add(name):
        return sum(getattr(p, name) for p in rows)

    def share(part, whole):
        return 100 * part / whole if whole else None

    return {
        "contacts": add("contacts"),
        "asked": add("asked"),
        "delighted": share(add("delighted"), add("asked")),
        "resolved": add("resolved"),
        "on_time": share(add("on_time"), add("resolved")),
        "sessions": add("sessions"),
        "calmed": share(add("calmed"), add("sessions")),
    }


def _highlights(rows: list[Person]) -> dict:
    def best(key, enough_of, enough):
        fit = [p for p in rows if enough_of(p) >= enough]
        return max(fit, key=lambda p: (key(p), enough_of(p))) if fit else None

    ordered = [p for p in rows if ranked(p)]  # the best on delight is the first of the ranking

    return {
        "contacts": max(rows, key=lambda p: p.contacts) if rows and any(p.contacts for p in rows) else None,
        "delighted": ordered[0] if ordered else None,
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
    chart.width = CONTENT_WIDTH - names_width - 10  # type: ignore[assignment]  # any number (isNumber); the stub says int
    chart.x = 4 if lang == "fa" else names_width
    chart.data = [[round(100 * (p.delighted_rate or 0), 1) for p in rows]]  # everyone here was asked
    chart.categoryAxis.categoryNames = [shown(p.name, lang) for p in rows]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: format_number(v, lang) + ("٪" if lang == "fa" else "%")
    chart.bars[0].fillColor = colors.HexColor("#2e7d32")
    chart.bars[0].strokeColor = None
    for i, p in enumerate(rows):
        if not ranked(p):  # too few asked to be ranked: grey, after the others
            chart.bars[(0, i)].fillColor = colors.HexColor("#9e9e9e")
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
    before_from, before_to = previous_period(request.date_from, request.date_to, lang)
    data["previous"] = {
        "date_from": before_from,
        "date_to": before_to,
        "totals": totals(figures(before_from, before_to, request.staff_id)["people"]),
    }
    data["totals"] = totals(data["people"])
    progress(0.3)
    period = period_of(request, lang)
    page = page_for(lang, label("title", lang), period, actor.full_name)
    w = CONTENT_WIDTH

    def n(value):
        return format_number(value, lang)

    story = [
        text(label("title", lang), lang, 16, bold=True),
        text(period, lang, 10),
        Spacer(1, 6),
        text(label("intro", lang).format(n(ENOUGH["delighted"]), n(ENOUGH["on_time"]), n(ENOUGH["calm"])), lang, 9),
        Spacer(1, 8),
    ]
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
        line = (
            label(key, lang).format(embed(who.name, lang), *numbers(who))
            if who
            else f"{label(key, lang).split(':')[0]}: {label('no_highlight', lang)}"
        )
        story.append(text("• " + line, lang, 10))
    before, now = data["previous"], data["totals"]
    story += [
        Spacer(1, 10),
        heading(
            previous.label("heading", lang).format(
                f"{format_date(before['date_from'], lang)} – {format_date(before['date_to'], lang)}"
            ),
            lang,
        ),
    ]
    kinds = {
        "contacts": COUNT,
        "asked": COUNT,
        "delighted": RATE,
        "resolved": COUNT,
        "on_time": RATE,
        "sessions": COUNT,
        "calmed": RATE,
    }
    names = {"delighted": "delighted_rate", "calmed": "calmed_rate"}
    body = [[previous.label(k, lang) for k in ("figure", "this", "previous", "change")]]
    then = before["totals"]
    body += [
        [
            label(names.get(key, key), lang),
            previous.value(kind, now[key], lang),
            previous.value(kind, then[key], lang),
            previous.change(kind, now[key], then[key], lang),
        ]
        for key, kind in kinds.items()
    ]
    story.append(table(body, lang, [w * 0.4, w * 0.18, w * 0.18, w * 0.24]))
    few = label("few", lang).format(n(ENOUGH["delighted"]))
    story += [Spacer(1, 10), heading(label("chart", lang), lang)]
    if any(p.asked for p in rows):
        story.append(_chart(rows, lang))
        if any(p.asked and not ranked(p) for p in rows):
            story.append(text(label("few_note", lang).format(few, n(ENOUGH["delighted"])), lang, 8))
    story += [Spacer(1, 10), heading(label("table", lang), lang)]
    cells = [
        [
            label(k, lang)
            for k in ("person", "contacts", "asked", "delighted_rate", "resolved", "on_time", "sessions", "calmed_rate")
        ]
    ]
    for i, p in enumerate(rows):
        if not ranked(p) and (i == 0 or ranked(rows[i - 1])):
            cells.append([few, "", "", "", "", "", "", ""])
        cells.append(
            [
                p.name,
                n(p.contacts),
                n(p.asked),
                percent(p.delighted, p.asked, lang),
                n(p.resolved),
                percent(p.on_time, p.resolved, lang),
                n(p.sessions),
                percent(p.calmed, p.sessions, lang),
            ]
        )
    grid = table(cells, lang, [w * 0.2, w * 0.1, w * 0.1, w * 0.1, w * 0.13, w * 0.1, w * 0.14, w * 0.13])
    for i, row in enumerate(cells):
        if row[0] == few:  # the line that parts the ranked from the rest
            grid.setStyle([("BACKGROUND", (0, i), (-1, i), colors.HexColor("#e0e0e0"))])
    story.append(grid)
    write(out, page, story, progress)
    return data
