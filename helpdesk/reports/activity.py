"""The activity summary: contacts by channel and by day, calls and their average length and
hold, follow-ups done and overdue, for a period."""
from __future__ import annotations

from datetime import date, timedelta

import peewee as pw
from reportlab.platypus import Spacer

from ..clock import utcnow
from ..contacts import CHANNELS, local_day_bounds
from ..localization import format_duration, format_number, format_short_date
from ..models import Contact, FollowUp, Staff
from . import authorise
from .layout import (CONTENT_WIDTH, bar_chart, day_name, heading, month_name, page_for, percent, period_of,
                     register_fonts, table, text, words, write)

LABELS = {
    "title": ("Activity summary", "خلاصهٔ فعالیت"),
    "by_channel": ("Contacts by channel", "ارتباط‌ها بر پایهٔ نوع"),
    "by_day": ("Contacts by day", "ارتباط‌ها در هر روز"),
    "calls": ("Phone calls", "تماس‌های تلفنی"),
    "channel": ("Channel", "نوع"), "count": ("Contacts", "تعداد"), "share": ("Share", "سهم"),
    "day": ("Day", "روز"), "by_month": ("Contacts by month", "ارتباط‌ها در هر ماه"), "month": ("Month", "ماه"),
    "call_count": ("Calls", "تعداد تماس"), "avg_call": ("Average call", "میانگین مدت تماس"),
    "avg_hold": ("Average hold", "میانگین زمان انتظار"),
    "follow_ups": ("Follow-ups", "پیگیری‌ها"), "done": ("Done in the period", "انجام‌شده در این بازه"),
    "overdue": ("Overdue now", "سررسید گذشته"),
    "none": ("No contacts in this period.", "در این بازه ارتباطی ثبت نشده است."),
}


def label(key: str, lang: str) -> str:
    return words(LABELS, key, lang)


def figures(date_from: date, date_to: date, staff_id: int | None = None) -> dict:
    start, end = local_day_bounds(date_from)[0], local_day_bounds(date_to)[1]
    where = (Contact.started_at >= start) & (Contact.started_at < end)
    if staff_id is not None:
        where &= Contact.staff == staff_id
    by_channel = dict(Contact.select(Contact.channel, pw.fn.COUNT(Contact.id)).where(where)
                      .group_by(Contact.channel).tuples())
    # One count per local day, each on the started_at index alone (a day's range inside the
    # period's would make SQLite scan the whole period for every day).
    by_day: dict[date, int] = {}
    day = date_from
    while day <= date_to:
        low, high = local_day_bounds(day)
        day_where = (Contact.started_at >= low) & (Contact.started_at < high)
        if staff_id is not None:
            day_where &= Contact.staff == staff_id
        n = Contact.select(pw.fn.COUNT(Contact.id)).where(day_where).scalar()
        if n:
            by_day[day] = n
        day += timedelta(days=1)
    calls = Contact.select(pw.fn.COUNT(Contact.id), pw.fn.AVG(Contact.duration_seconds),
                           pw.fn.AVG(Contact.hold_seconds)).where(where & (Contact.channel == "phone")).tuples()[0]
    follow_where = FollowUp.status == "done"
    follow_where &= (FollowUp.done_at >= start) & (FollowUp.done_at < end)
    overdue_where = (FollowUp.status == "open") & (FollowUp.due_at < utcnow() - timedelta(minutes=15))
    if staff_id is not None:
        follow_where &= FollowUp.assignee == staff_id
        overdue_where &= FollowUp.assignee == staff_id
    return {"by_channel": {c: by_channel.get(c, 0) for c in CHANNELS}, "by_day": dict(sorted(by_day.items())),
            "calls": int(calls[0] or 0), "avg_call": float(calls[1] or 0), "avg_hold": float(calls[2] or 0),
            "done": FollowUp.select().where(follow_where).count(),
            "overdue": FollowUp.select().where(overdue_where).count()}


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
    story.append(bar_chart([short for short, _long, _n in buckets], [[n for *_names, n in buckets]],
                           [(label("count", lang), "#1e88e5")], lang))
    rows = [[column, label("count", lang)]] + [[long, format_number(n, lang)] for _short, long, n in buckets]
    return story + [table(rows, lang, [width * 0.6, width * 0.4])]


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
    story.append(table([[label("call_count", lang), label("avg_call", lang), label("avg_hold", lang)],
                         [format_number(data["calls"], lang), format_duration(round(data["avg_call"]), lang),
                          format_duration(round(data["avg_hold"]), lang)]], lang, [width / 3] * 3))
    story += [Spacer(1, 10), heading(label("follow_ups", lang), lang)]
    story.append(table([[label("done", lang), label("overdue", lang)],
                         [format_number(data["done"], lang), format_number(data["overdue"], lang)]],
                        lang, [width / 2] * 2))
    story += _over_time(data["by_day"], request, lang)
    write(out, page, story, progress)
    return data

