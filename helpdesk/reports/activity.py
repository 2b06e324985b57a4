"""The activity summary: contacts by channel and by day, calls and their average length and
hold, follow-ups done and overdue, for a period."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import peewee as pw
from reportlab.platypus import Spacer

from ..clock import to_local, utcnow
from ..contacts import CHANNELS, local_day_bounds
from ..followups import CANCELLED, DONE, GRACE, OPEN
from ..localization import digits, format_date, format_duration, format_number, format_short_date
from ..models import Contact, FollowUp, Staff
from . import authorise, previous_period
from .layout import (
    CONTENT_WIDTH,
    REGULAR,
    bar_chart,
    day_name,
    heading,
    month_name,
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
from .previous import COUNT, DURATION, comparison
from .previous import label as previous_label

LABELS = {
    "title": ("Activity summary", "خلاصهٔ فعالیت"),
    "by_channel": ("Contacts by channel", "ارتباط‌ها بر پایهٔ نوع"),
    "by_day": ("Contacts by day", "ارتباط‌ها در هر روز"),
    "calls": ("Phone calls", "تماس‌های تلفنی"),
    "channel": ("Channel", "نوع"),
    "count": ("Contacts", "تعداد"),
    "share": ("Share", "سهم"),
    "day": ("Day", "روز"),
    "by_month": ("Contacts by month", "ارتباط‌ها در هر ماه"),
    "month": ("Month", "ماه"),
    "call_count": ("Calls", "تعداد تماس"),
    "avg_call": ("Average call", "میانگین مدت تماس"),
    "avg_hold": ("Average hold", "میانگین زمان انتظار"),
    "follow_ups": ("Follow-ups", "پیگیری‌ها"),
    "done": ("Done in the period", "انجام‌شده در این بازه"),
    "due": ("Due in the period", "سررسید در این بازه"),
    "overdue": ("Overdue: due in the period, not done by {0}", "سررسید گذشته: سررسید در این بازه، انجام‌نشده تا {0}"),
    "now": ("now", "اکنون"),
    "overdue_short": (
        "Overdue (due in the period, not done by its end or now)",
        "سررسید گذشته (سررسید در بازه، انجام‌نشده تا پایان آن یا اکنون)",
    ),
    "none": ("No contacts in this period.", "در این بازه ارتباطی ثبت نشده است."),
    "contacts": ("Contacts", "ارتباط‌ها"),
    "by_hour": ("Contacts by hour and day of the week (local time)", "ارتباط‌ها بر پایهٔ ساعت و روز هفته (به وقت محلی)"),
    "hour": ("Hour", "ساعت"),
}
# Weekdays as Python counts them (Monday = 0), in the order a week is read: from Monday in English,
# from Saturday in Persian.
WEEKDAYS = {"en": (0, 1, 2, 3, 4, 5, 6), "fa": (5, 6, 0, 1, 2, 3, 4)}
WEEKDAY_NAMES = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fa": ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"),
}
BUCKET = 900  # seconds: contacts are counted by quarter-hour in SQL, then put in local hours (Tehran is +3:30)


def label(key: str, lang: str) -> str:
    return words(LABELS, key, lang)


def _quarter_hour():
    """The SQL for the quarter-hour (since 1970, UTC) a contact started in."""
    from ..db import database

    if isinstance(database.obj, pw.PostgresqlDatabase):
        return pw.fn.FLOOR(pw.fn.date_part("epoch", Contact.started_at) / BUCKET).cast("bigint")
    return pw.Cast(pw.fn.strftime("%s", Contact.started_at), "INTEGER") / BUCKET


def by_quarter_hour(where) -> dict[datetime, int]:
    """Contacts by the local quarter-hour they started in: counted per quarter-hour (UTC) in the
    database, each then moved to local time with ``clock.to_local``. Every time zone's offset is
    a whole number of quarter-hours, so local hours and days are exact (Tehran is +3:30)."""
    bucket = _quarter_hour()
    epoch = datetime(1970, 1, 1)
    return {
        to_local(epoch + timedelta(seconds=int(quarter) * BUCKET)): n
        for quarter, n in Contact.select(bucket, pw.fn.COUNT(Contact.id)).where(where).group_by(bucket).tuples()
    }


def by_hour(quarters: dict[datetime, int]) -> dict[tuple[int, int], int]:
    """Contacts by (local weekday, local hour)."""
    out: dict[tuple[int, int], int] = {}
    for local, n in quarters.items():
        out[(local.weekday(), local.hour)] = out.get((local.weekday(), local.hour), 0) + n
    return out


def by_day(quarters: dict[datetime, int]) -> dict[date, int]:
    """Contacts by local day, the days without any left out."""
    out: dict[date, int] = {}
    for local, n in quarters.items():
        out[local.date()] = out.get(local.date(), 0) + n
    return dict(sorted(out.items()))


def _cutoff(date_to: date) -> datetime:
    """The moment the overdue follow-ups are counted at: the end of the period, or now if it has
    not ended yet."""
    return min(local_day_bounds(date_to)[1], utcnow())


def figures(date_from: date, date_to: date, staff_id: int | None = None, whole: bool = True) -> dict:
    """The figures of the period; ``whole=False`` leaves out those by day and by hour (the
    previous period's figures)."""
    start, end = local_day_bounds(date_from)[0], local_day_bounds(date_to)[1]
    where = (Contact.started_at >= start) & (Contact.started_at < end)
    if staff_id is not None:
        where &= Contact.staff == staff_id
    by_channel = dict(
        Contact.select(Contact.channel, pw.fn.COUNT(Contact.id)).where(where).group_by(Contact.channel).tuples()
    )
    quarters = by_quarter_hour(where) if whole else {}
    calls = (
        Contact.select(pw.fn.COUNT(Contact.id), pw.fn.AVG(Contact.duration_seconds), pw.fn.AVG(Contact.hold_seconds))
        .where(where & (Contact.channel == "phone"))
        .tuples()[0]
    )
    # Follow-ups: done in the period; due in it; and overdue at its end (or now, while it lasts):
    # due in the period, more than the grace past their time then, and not done by then (still
    # open, or done only later). Cancelled promises are not overdue.
    cutoff = _cutoff(date_to)
    done_where = (FollowUp.status == DONE) & (FollowUp.done_at >= start) & (FollowUp.done_at < end)
    due_where = (FollowUp.due_at >= start) & (FollowUp.due_at < end)
    overdue_where = (
        due_where
        & (FollowUp.due_at < cutoff - GRACE)
        & ((FollowUp.status == OPEN) | ((FollowUp.status == DONE) & (FollowUp.done_at > cutoff)))
    )
    if staff_id is not None:
        done_where &= FollowUp.assignee == staff_id
        due_where &= FollowUp.assignee == staff_id
        overdue_where &= FollowUp.assignee == staff_id
    return {
        "by_channel": {c: by_channel.get(c, 0) for c in CHANNELS},
        "by_day": by_day(quarters),
        "calls": int(calls[0] or 0),
        "avg_call": float(calls[1] or 0),
        "avg_hold": float(calls[2] or 0),
        "done": FollowUp.select().where(done_where).count(),
        "due": FollowUp.select().where(due_where & (FollowUp.status != CANCELLED)).count(),
        "overdue": FollowUp.select().where(overdue_where).count(),
        "overdue_at": cutoff,
        "by_hour": by_hour(quarters),
    }


def _heat_map(counts: dict[tuple[int, int], int], lang: str) -> list:
    """Contacts by day of the week (rows) and hour (columns), shaded by count with the number in
    each cell: a drawing, and the same figures as a table (an hour a row) for the spreadsheet. The hours shown run
    from the first to the last with any contact. In Persian the week starts on Saturday and the
    hours run from right to left."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors

    story = [Spacer(1, 10), heading(label("by_hour", lang), lang)]
    if not counts:
        return story + [text(label("none", lang), lang)]
    hours = list(range(min(h for _d, h in counts), max(h for _d, h in counts) + 1))
    days = WEEKDAYS[lang]
    names = WEEKDAY_NAMES[lang]
    rtl = lang == "fa"
    name_width, cell_h, head_h = 62, 16, 14
    cell_w = min(34.0, (CONTENT_WIDTH - name_width) / len(hours))
    grid_w = cell_w * len(hours)
    drawing = Drawing(CONTENT_WIDTH, head_h + cell_h * len(days) + 2)
    top = max(counts.values())
    light, dark = colors.HexColor("#eef4fb"), colors.HexColor("#1565c0")
    # Persian: the names on the right, the grid to their left, its first hour on the right.
    grid_x = CONTENT_WIDTH - name_width - grid_w if rtl else name_width

    def column_x(i: int) -> float:
        return grid_x + (len(hours) - 1 - i) * cell_w if rtl else grid_x + i * cell_w

    y_top = head_h + cell_h * len(days)
    for i, hour in enumerate(hours):
        drawing.add(
            String(
                column_x(i) + cell_w / 2,
                y_top - head_h + 4,
                shown(digits(f"{hour:02d}", lang), lang),
                fontName=REGULAR,
                fontSize=7,
                textAnchor="middle",
            )
        )
    for row, weekday in enumerate(days):
        y = y_top - head_h - (row + 1) * cell_h
        name = shown(names[weekday], lang)
        if rtl:
            drawing.add(String(CONTENT_WIDTH, y + 5, name, fontName=REGULAR, fontSize=8, textAnchor="end"))
        else:
            drawing.add(String(0, y + 5, name, fontName=REGULAR, fontSize=8))
        for i, hour in enumerate(hours):
            n = counts.get((weekday, hour), 0)
            share = n / top if top else 0
            fill = colors.linearlyInterpolatedColor(light, dark, 0, 1, share) if n else colors.white
            cell = Rect(column_x(i), y, cell_w, cell_h)  # (types-reportlab mistypes Rect's keyword arguments)
            cell.fillColor, cell.strokeColor, cell.strokeWidth = fill, colors.HexColor("#d0d7de"), 0.4
            drawing.add(cell)
            if n:
                drawing.add(
                    String(
                        column_x(i) + cell_w / 2,
                        y + 5,
                        shown(format_number(n, lang), lang),
                        fontName=REGULAR,
                        fontSize=6 if cell_w < 24 else 7,
                        textAnchor="middle",
                        fillColor=colors.white if share > 0.55 else colors.black,
                    )
                )
    story.append(drawing)
    # The table turns the grid: an hour a row, a day a column, so that 24 hours fit the page too.
    rows = [[label("hour", lang)] + [names[d] for d in days]]
    rows += [[digits(f"{h:02d}", lang)] + [format_number(counts.get((d, h), 0), lang) for d in days] for h in hours]
    story += [Spacer(1, 6), table(rows, lang, [CONTENT_WIDTH * 0.16] + [CONTENT_WIDTH * 0.12] * len(days))]
    return story


def _over_time(by_day: dict, request, lang: str) -> list:
    """Contacts by day for up to two months, by month (Jalali in Persian) for longer: a chart
    and its table, which goes on over the pages with its header repeated."""
    from . import month_spans

    width = CONTENT_WIDTH
    days = (request.date_to - request.date_from).days + 1
    if days <= 62:
        every = [request.date_from + timedelta(days=i) for i in range(days)]
        buckets = [(day_name(d, lang), format_short_date(d, lang), by_day.get(d, 0)) for d in every]
        title, column = label("by_day", lang), label("day", lang)
    else:
        buckets = []
        for key, first, last in month_spans(request.date_from, request.date_to, lang):
            n = sum(count for day, count in by_day.items() if first <= day <= last)
            buckets.append((month_name(key, lang), month_name(key, lang), n))
        title, column = label("by_month", lang), label("month", lang)
    story = [Spacer(1, 10), heading(title, lang)]
    if not any(n for *_names, n in buckets):
        return story + [text(label("none", lang), lang)]
    story.append(
        bar_chart(
            [short for short, _long, _n in buckets],
            [[n for *_names, n in buckets]],
            [(label("count", lang), "#1e88e5")],
            lang,
        )
    )
    rows = [[column, label("count", lang)]] + [[long, format_number(n, lang)] for _short, long, n in buckets]
    return story + [table(rows, lang, [width * 0.6, width * 0.4])]


def _overdue_label(cutoff: datetime, lang: str) -> str:
    """Says what is counted: due in the period and not done by its end (a date), or by now."""
    if cutoff >= utcnow():
        return label("overdue", lang).format(label("now", lang))
    return label("overdue", lang).format(format_date(to_local(cutoff - timedelta(seconds=1)), lang))


def _comparison(data: dict, request, lang: str) -> list:
    """The main figures beside the previous period's."""
    first, last = previous_period(request.date_from, request.date_to, lang)
    before = figures(first, last, request.staff_id, whole=False)
    span = format_date(first, lang) if first == last else f"{format_date(first, lang)} – {format_date(last, lang)}"
    rows = [(label("contacts", lang), COUNT, sum(data["by_channel"].values()), sum(before["by_channel"].values()))]
    rows += [(label(c, lang), COUNT, data["by_channel"][c], before["by_channel"][c]) for c in CHANNELS]
    rows += [
        (label("call_count", lang), COUNT, data["calls"], before["calls"]),
        (
            label("avg_call", lang),
            DURATION,
            data["avg_call"] if data["calls"] else None,
            before["avg_call"] if before["calls"] else None,
        ),
        (
            label("avg_hold", lang),
            DURATION,
            data["avg_hold"] if data["calls"] else None,
            before["avg_hold"] if before["calls"] else None,
        ),
        (label("done", lang), COUNT, data["done"], before["done"]),
        (label("due", lang), COUNT, data["due"], before["due"]),
        (label("overdue_short", lang), COUNT, data["overdue"], before["overdue"]),
    ]
    data["previous"] = {"date_from": first, "date_to": last, **before}
    return [Spacer(1, 10), heading(previous_label("heading", lang).format(span), lang), comparison(rows, lang)]


def build(out, request, actor: Staff, progress) -> dict:
    authorise(actor, request)
    register_fonts()
    lang = request.lang
    data = figures(request.date_from, request.date_to, request.staff_id)
    progress(0.3)
    period = period_of(request, lang)
    page = page_for(lang, label("title", lang), period, actor.full_name)
    width = CONTENT_WIDTH
    story = [text(label("title", lang), lang, 16, bold=True), text(period, lang, 10), Spacer(1, 8)]
    total = sum(data["by_channel"].values())
    story.append(heading(label("by_channel", lang), lang))
    rows = [[label("channel", lang), label("count", lang), label("share", lang)]]
    for channel, n in data["by_channel"].items():
        rows.append([label(channel, lang), format_number(n, lang), percent(n, total, lang)])
    rows.append([label("total", lang), format_number(total, lang), ""])
    story += [table(rows, lang, [width * 0.5, width * 0.25, width * 0.25]), Spacer(1, 10)]
    story.append(heading(label("calls", lang), lang))
    story.append(
        table(
            [
                [label("call_count", lang), label("avg_call", lang), label("avg_hold", lang)],
                [
                    format_number(data["calls"], lang),
                    format_duration(round(data["avg_call"]), lang),
                    format_duration(round(data["avg_hold"]), lang),
                ],
            ],
            lang,
            [width / 3] * 3,
        )
    )
    story += [Spacer(1, 10), heading(label("follow_ups", lang), lang)]
    story.append(
        table(
            [
                [label("done", lang), label("due", lang), _overdue_label(data["overdue_at"], lang)],
                [
                    format_number(data["done"], lang),
                    format_number(data["due"], lang),
                    format_number(data["overdue"], lang),
                ],
            ],
            lang,
            [width / 3] * 3,
        )
    )
    story += _comparison(data, request, lang)
    story += _over_time(data["by_day"], request, lang)
    story += _heat_map(data["by_hour"], lang)
    write(out, page, story, progress)
    return data
