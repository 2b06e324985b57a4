"""The satisfaction report: the dissatisfied / satisfied / delighted mix of the period beside the
previous period's and its trend by month, a satisfaction index, what some dissatisfied customers
said, the customers lost in the period by reason, and the customer segments as they stand today."""

from __future__ import annotations

from datetime import date

import peewee as pw
from reportlab.lib import colors
from reportlab.platypus import Spacer

from ..clock import to_local, utcnow
from ..contacts import local_day_bounds
from ..customers import SEGMENTS
from ..localization import format_date, format_number, format_short_datetime
from ..models import STATUS_MERGED, AuditEntry, Contact, Customer, LostReason, Staff
from . import authorise, previous, previous_period
from .layout import (
    CONTENT_WIDTH,
    bar_chart,
    embed,
    heading,
    left_to_right,
    month_name,
    page_for,
    percent,
    period_of,
    register_fonts,
    table,
    text,
    words,
    write,
)
from .previous import COUNT, RATE

QUOTES = 5  # how many of the dissatisfied customers' words the report quotes
QUOTE_LENGTH = 400  # characters of each: a sample, not the whole note

LEVELS = ("dissatisfied", "satisfied", "delighted")
COLOURS = {"dissatisfied": "#c62828", "satisfied": "#1e88e5", "delighted": "#2e7d32"}
LABELS = {
    "title": ("Satisfaction", "رضایت"),
    "mix": ("The mix of the period", "ترکیب رضایت در این بازه"),
    "trend": ("By month", "ماه به ماه"),
    "index": ("Satisfaction index", "شاخص رضایت"),
    "index_note": (
        "Index = 100 × (delighted + ½ satisfied) ÷ everyone asked; 100 means all delighted.",
        "شاخص = ۱۰۰ × (خشنود + نیمی از راضی) ÷ همهٔ پاسخ‌دهندگان؛ ۱۰۰ یعنی همه خشنود.",
    ),
    "level": ("Satisfaction", "رضایت"),
    "count": ("Contacts", "تعداد"),
    "share": ("Share", "سهم"),
    "month": ("Month", "ماه"),
    "lost": ("Customers lost in the period, by reason", "مشتریان از دست رفته در این بازه، بر پایهٔ علت"),
    "lost_by": (
        "Customers {0} marked lost in the period, by reason",
        "مشتریانی که {0} در این بازه از دست رفته ثبت کرد، بر پایهٔ علت",
    ),
    "reason": ("Reason", "علت"),
    "customers": ("Customers", "مشتریان"),
    "segments": ("Customer segments as of {0}", "گروه‌بندی مشتریان به تاریخ {0}"),
    "segments_note": (
        "Segments are how customers stand on this day, not during the period.",
        "گروه‌ها وضعیت مشتریان در این روز است، نه در طول بازه.",
    ),
    "asked": ("Customers asked", "پرسیده‌شده‌ها"),
    "said": ("What dissatisfied customers said", "آنچه مشتریان ناراضی گفتند"),
    "said_note": (
        "Newest first: {0} of the {1} contacts marked dissatisfied in the period with notes.",
        "تازه‌ترین‌ها نخست: {0} از {1} ارتباط ناراضی این بازه که یادداشت دارند.",
    ),
    "said_by": ("{0} · {1}, taken by {2}", "{0} · {1}، ثبت‌شده توسط {2}"),
    "nothing_said": (
        "No dissatisfied contact in the period has notes.",
        "هیچ ارتباط ناراضی در این بازه یادداشتی ندارد.",
    ),
    "segment": ("Segment", "گروه"),
    "unset": ("Not set", "تعیین نشده"),
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
        mix = dict.fromkeys((*LEVELS, "not_asked"), 0)
        for key, n in (
            Contact.select(Contact.satisfaction, pw.fn.COUNT(Contact.id))
            .where(where)
            .group_by(Contact.satisfaction)
            .tuples()
        ):
            mix[key] = n
        return mix

    months = {key: mix_between(first, last) for key, first, last in month_spans(date_from, date_to, lang)}
    mix = {k: sum(m[k] for m in months.values()) for k in (*LEVELS, "not_asked")}
    before_from, before_to = previous_period(date_from, date_to, lang)
    before = mix_between(before_from, before_to)
    segments = dict(
        Customer.select(Customer.segment, pw.fn.COUNT(Customer.id))
        .where(Customer.status != STATUS_MERGED)
        .group_by(Customer.segment)
        .tuples()
    )
    return {
        "mix": mix,
        "index": index_of(mix),
        "months": {k: m for k, m in months.items() if sum(m.values())},
        "previous": {"date_from": before_from, "date_to": before_to, "mix": before, "index": index_of(before)},
        "lost": lost_by_reason(date_from, date_to, staff_id),
        "segments": segments,
        "segments_as_of": to_local(utcnow()).date(),
        "said": dissatisfied_said(date_from, date_to, staff_id),
        "said_of": dissatisfied_said(date_from, date_to, staff_id, limit=None),
    }


def lost_by_reason(date_from: date, date_to: date, staff_id: int | None = None) -> list[tuple[LostReason, int]]:
    """Customers lost within the period, by reason, from the audit trail's ``mark_lost`` entries: each
    customer once, as last marked lost in the period (by that person, with ``staff_id``). A customer
    won back since still counts for the period they were lost in, so an old report's figure does not
    change afterwards (``lost_at`` is the present state only). Every active reason is listed, with 0
    when nobody was lost for it; a retired one when someone was."""
    import json

    start, end = local_day_bounds(date_from)[0], local_day_bounds(date_to)[1]
    marked = (
        AuditEntry.select(AuditEntry.record_id, AuditEntry.actor, AuditEntry.after)
        .where(
            (AuditEntry.at >= start)
            & (AuditEntry.at < end)
            & (AuditEntry.table_name == "customer")
            & (AuditEntry.action == "mark_lost")
        )
        .order_by(AuditEntry.at, AuditEntry.id)
        .tuples()
    )
    last = {record: (actor, after) for record, actor, after in marked}  # each customer's last in the period
    counts: dict[int, int] = {}
    for actor, after in last.values():
        if staff_id is not None and actor != staff_id:
            continue
        reason = json.loads(after or "{}").get("lost_reason_id")
        if reason is not None:
            counts[reason] = counts.get(reason, 0) + 1
    reasons = LostReason.select().order_by(LostReason.position, LostReason.id)
    return [(r, counts.get(r.id, 0)) for r in reasons if r.active or counts.get(r.id)]


def dissatisfied_said(date_from: date, date_to: date, staff_id: int | None = None, limit: int | None = QUOTES):
    """The notes of the newest contacts marked dissatisfied in the period (with notes), newest first:
    (started at, customer's name or None, who took it, the notes); with ``limit`` None, how many there are."""
    start, end = local_day_bounds(date_from)[0], local_day_bounds(date_to)[1]
    where = (
        (Contact.satisfaction == "dissatisfied")
        & (Contact.started_at >= start)
        & (Contact.started_at < end)
        & (Contact.notes != "")
    )
    if staff_id is not None:
        where &= Contact.staff == staff_id
    if limit is None:
        return Contact.select(Contact.id).where(where).count()
    rows = (
        Contact.select(Contact.id, Contact.started_at, Contact.notes, Contact.customer, Staff.full_name)
        .join_from(Contact, Staff, on=(Contact.staff == Staff.id))
        .where(where)
        .order_by(Contact.started_at.desc(), Contact.id.desc())
        .limit(limit)
        .tuples()
    )
    rows = list(rows)
    ids = {r[3] for r in rows if r[3]}
    names = (
        {
            c.id: c.display_name
            for c in Customer.select(
                Customer.id, Customer.kind, Customer.given_name, Customer.family_name, Customer.organisation
            ).where(Customer.id.in_(ids))
        }
        if ids
        else {}
    )
    return [(started, names.get(customer), who, notes) for _id, started, notes, customer, who in rows]


def _quote(notes: str) -> str:
    """A note cut to a sample at a word's end, with an ellipsis when cut."""
    notes = " ".join(notes.split())
    if len(notes) <= QUOTE_LENGTH:
        return notes
    cut = notes[:QUOTE_LENGTH]
    return (cut.rsplit(" ", 1)[0] if " " in cut[QUOTE_LENGTH // 2 :] else cut) + "…"


def _trend_chart(months: dict, lang: str):
    """Stacked bars of the three levels per month; in Persian the months run right to left."""
    return bar_chart(
        [month_name(k, lang) for k in months],
        [[m[level] for m in months.values()] for level in LEVELS],
        [(label(level, lang), COLOURS[level]) for level in LEVELS],
        lang,
        stacked=True,
    )


def build(out, request, actor: Staff, progress) -> dict:
    authorise(actor, request)
    register_fonts()
    lang = request.lang
    data = figures(request.date_from, request.date_to, request.staff_id, lang)
    progress(0.3)
    period = period_of(request, lang)
    page = page_for(lang, label("title", lang), period, actor.full_name)
    w = CONTENT_WIDTH

    def n(value):
        return format_number(value, lang)

    story = [text(label("title", lang), lang, 16, bold=True), text(period, lang, 10), Spacer(1, 8)]
    asked = sum(data["mix"][k] for k in LEVELS)
    story.append(heading(label("mix", lang), lang))
    rows = [[label("level", lang), label("count", lang), label("share", lang)]]
    for level in LEVELS:
        rows.append([label(level, lang), n(data["mix"][level]), percent(data["mix"][level], asked, lang)])
    rows.append([label("not_asked", lang), n(data["mix"]["not_asked"]), ""])
    story += [table(rows, lang, [w * 0.5, w * 0.25, w * 0.25]), Spacer(1, 8)]
    before = data["previous"]
    asked_before = sum(before["mix"][k] for k in LEVELS)
    story.append(
        heading(
            previous.label("heading", lang).format(
                f"{format_date(before['date_from'], lang)} – {format_date(before['date_to'], lang)}"
            ),
            lang,
        )
    )

    def share(mix, whole, level):
        return 100 * mix[level] / whole if whole else None

    lines = [
        (label(level, lang), RATE, share(data["mix"], asked, level), share(before["mix"], asked_before, level))
        for level in LEVELS
    ]
    lines.append((label("asked", lang), COUNT, asked, asked_before))
    body = [[previous.label(k, lang) for k in ("figure", "this", "previous", "change")]]
    body += [
        [
            word,
            previous.value(kind, now, lang),
            previous.value(kind, then, lang),
            previous.change(kind, now, then, lang),
        ]
        for word, kind, now, then in lines
    ]

    def index_shown(value):
        return format_number(value, lang, 1) if value is not None else "—"

    body.append(
        [
            label("index", lang),
            index_shown(data["index"]),
            index_shown(before["index"]),
            previous.change(RATE, data["index"], before["index"], lang),
        ]
    )  # index points
    story += [table(body, lang, [w * 0.4, w * 0.18, w * 0.18, w * 0.24]), Spacer(1, 8)]
    index = data["index"]
    story.append(
        text(
            f"{label('index', lang)}: {format_number(index, lang, 1) if index is not None else '—'}",
            lang,
            13,
            bold=True,
        )
    )
    story += [text(label("index_note", lang), lang, 8), Spacer(1, 10)]
    story.append(heading(label("trend", lang), lang))
    if data["months"]:
        story.append(_trend_chart(data["months"], lang))
        rows = [[label("month", lang), *[label(level, lang) for level in LEVELS], label("index", lang)]]
        for key, mix in data["months"].items():
            month_index = index_of(mix)
            rows.append(
                [
                    month_name(key, lang),
                    *[n(mix[level]) for level in LEVELS],
                    format_number(month_index, lang, 1) if month_index is not None else "—",
                ]
            )
        story += [table(rows, lang, [w * 0.28, w * 0.18, w * 0.18, w * 0.18, w * 0.18]), Spacer(1, 10)]
    story.append(heading(label("said", lang), lang))
    if data["said"]:
        story.append(text(label("said_note", lang).format(n(len(data["said"])), n(data["said_of"])), lang, 8))
        for started, customer, who, notes in data["said"]:
            story += [
                Spacer(1, 4),
                text(
                    label("said_by", lang).format(
                        left_to_right(format_short_datetime(to_local(started), lang)),
                        embed(customer, lang) if customer else words({}, "unnamed", lang),
                        embed(who, lang),
                    ),
                    lang,
                    8,
                    colour=colors.HexColor("#555555"),
                ),
                text(_quote(notes), lang, 10),
            ]
    else:
        story.append(text(label("nothing_said", lang), lang, 9))
    story.append(Spacer(1, 10))
    if request.staff_id is not None:
        person = Staff.get_or_none(Staff.id == request.staff_id)
        story.append(heading(label("lost_by", lang).format(embed(person.full_name if person else "", lang)), lang))
    else:
        story.append(heading(label("lost", lang), lang))
    rows = [[label("reason", lang), label("customers", lang)]]
    rows += [[reason.name(lang), n(count)] for reason, count in data["lost"]]
    story += [table(rows, lang, [w * 0.7, w * 0.3]), Spacer(1, 10)]
    story.append(heading(label("segments", lang).format(format_date(data["segments_as_of"], lang)), lang))
    story.append(text(label("segments_note", lang), lang, 8))
    rows = [[label("segment", lang), label("customers", lang)]]
    rows += [[label(s, lang), n(data["segments"].get(s, 0))] for s in SEGMENTS]
    rows.append([label("unset", lang), n(data["segments"].get(None, 0))])
    story.append(table(rows, lang, [w * 0.7, w * 0.3]))
    write(out, page, story, progress)
    return data
