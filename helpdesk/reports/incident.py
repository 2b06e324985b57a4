"""The incident report: one calm-down session or one complaint, with every step, time stamp
and note, to be filed or handed to a manager."""

from __future__ import annotations

from reportlab.platypus import Spacer

from .. import calm, complaints
from ..clock import as_datetime, to_local
from ..localization import digits, format_datetime, format_duration
from ..models import CalmSession, ComplaintCategory, Customer, FollowUp, Staff
from . import authorise
from .layout import CONTENT_WIDTH, embed, heading, page_for, register_fonts, table, text, words, write

LABELS = {
    "title": ("Incident report", "گزارش رویداد"),
    "session_subject": ("Calm-down session No. {0}", "جلسهٔ آرام کردن شمارهٔ {0}"),
    "complaint_subject": ("Complaint No. {0}", "شکایت شمارهٔ {0}"),
    "facts": ("What happened", "آنچه رخ داد"),
    "steps": ("Step by step", "مرحله به مرحله"),
    "field": ("Field", "مورد"),
    "value": ("Value", "مقدار"),
    "customer": ("Customer", "مشتری"),
    "staff": ("Staff member", "کارمند"),
    "started": ("Started", "آغاز"),
    "ended": ("Ended", "پایان"),
    "length": ("Length", "مدت"),
    "anger_start": ("Anger at the start (1-5)", "خشم در آغاز (۱ تا ۵)"),
    "anger_end": ("Anger at the end (1-5)", "خشم در پایان (۱ تا ۵)"),
    "outcome": ("Outcome", "نتیجه"),
    "complaint": ("Complaint", "شکایت"),
    "follow_up": ("Promised follow-up", "پیگیری وعده‌داده‌شده"),
    "checklist": ("Procedure version", "نسخهٔ روش"),
    "unfinished": ("Not finished", "تمام نشده"),
    "number_col": ("#", "#"),
    "step": ("Step", "مرحله"),
    "done": ("Done", "انجام"),
    "at": ("At", "زمان"),
    "note": ("Note", "یادداشت"),
    "yes": ("Done", "انجام شد"),
    "skipped": ("Skipped", "انجام نشد"),
    "number": ("No. {0}", "شمارهٔ {0}"),
    "raised": ("Raised", "ثبت"),
    "raised_by": ("Raised by", "ثبت‌کننده"),
    "category": ("Category", "دسته"),
    "priority": ("Priority", "اولویت"),
    "status": ("Status", "وضعیت"),
    "assignee": ("Who deals with it", "مسئول رسیدگی"),
    "escalated_to": ("Escalated to", "ارجاع به"),
    "escalation_reason": ("Reason for escalation", "دلیل ارجاع"),
    "first_response": ("First response", "نخستین پاسخ"),
    "resolved_at": ("Resolved", "رفع"),
    "closed_at": ("Closed", "بسته شد"),
    "due": ("due {0}", "موعد {0}"),
    "overdue": ("OVERDUE", "دیرکرد"),
    "description": ("What the customer told us", "آنچه مشتری گفت"),
    "wanted": ("What the customer wants", "خواستهٔ مشتری"),
    "resolution_notes": ("How it was resolved", "چگونگی رفع"),
    "resolution_satisfaction": ("Satisfaction with the resolution", "رضایت از رفع"),
    "will_return": ("Will come back", "باز می‌گردد"),
    "true": ("Yes", "بله"),
    "false": ("No", "خیر"),
    "history": ("History", "تاریخچه"),
    "when": ("When", "زمان"),
    "who": ("Who", "چه کسی"),
    "change": ("Change", "تغییر"),
    "discussion": ("Discussion", "گفت‌وگو"),
    "to_whom": ("Seen by", "دیده‌شده توسط"),
    "internal": ("Staff only", "تنها کارکنان"),
    "said": ("Said to the customer", "گفته‌شده به مشتری"),
    "sessions": ("Calm-down sessions", "جلسه‌های آرام کردن"),
    "ev_status": ("Status: from {0} to {1}", "وضعیت: از {0} به {1}"),
    "ev_category": ("Category: from {0} to {1}", "دسته: از {0} به {1}"),
    "ev_priority": ("Priority: from {0} to {1}", "اولویت: از {0} به {1}"),
    "ev_assignee": ("Handed from {0} to {1}", "واگذاری از {0} به {1}"),
    "ev_escalate": ("Escalated to {1}", "ارجاع به {1}"),
    "raised_event": ("Raised", "ثبت شد"),
}


def label(key: str, lang: str) -> str:
    return words(LABELS, key, lang)


def _when(value, lang: str) -> str:
    return format_datetime(to_local(as_datetime(value)), lang) if value else "—"


def _clock(value, lang: str) -> str:
    return digits(to_local(as_datetime(value)).strftime("%H:%M:%S"), lang) if value else "—"


def _customer(customer_id: int | None, lang: str) -> str:
    customer = Customer.get_or_none(Customer.id == customer_id) if customer_id else None
    if customer is None:
        return label("unnamed", lang)
    return f"{embed(customer.display_name, lang)} ({label('number', lang).format(digits(customer.id, lang))})"


def _session(actor: Staff, session_id: int, lang: str) -> tuple[str, list, dict]:
    session = calm.get(actor, session_id)
    state = calm.state_of(session)
    steps = {s["key"]: s for s in calm.steps_of(session.checklist)}
    staff = Staff.get_by_id(session.staff_id)
    facts = [
        [label("customer", lang), _customer(session.customer_id, lang)],
        [label("staff", lang), staff.full_name],
        [label("started", lang), _when(session.started_at, lang)],
        [label("ended", lang), _when(session.ended_at, lang) if session.ended_at else label("unfinished", lang)],
    ]
    if session.ended_at:
        seconds = (as_datetime(session.ended_at) - as_datetime(session.started_at)).total_seconds()
        facts.append([label("length", lang), format_duration(seconds, lang)])
    facts += [
        [label("anger_start", lang), digits(session.anger_start or "—", lang)],
        [label("anger_end", lang), digits(session.anger_end or "—", lang)],
        [label("outcome", lang), label(session.outcome, lang) if session.outcome else label("unfinished", lang)],
    ]
    if session.complaint_id:
        facts.append([label("complaint", lang), label("number", lang).format(digits(session.complaint_id, lang))])
    if session.follow_up_id:
        follow = FollowUp.get_by_id(session.follow_up_id)
        facts.append([label("follow_up", lang), f"{embed(follow.promise, lang)} ({_when(follow.due_at, lang)})"])
    facts.append([label("checklist", lang), digits(session.checklist.version, lang)])
    started = as_datetime(session.started_at)
    rows = [[label(k, lang) for k in ("number_col", "step", "done", "at", "note")]]
    for position, step in enumerate(state.steps, start=1):
        title = steps.get(step.key, {}).get("title", {}).get(lang) or step.key
        at = "—"
        if step.ticked_at:
            since = format_duration((as_datetime(step.ticked_at) - started).total_seconds(), lang)
            at = f"{_clock(step.ticked_at, lang)} (+{since})"
        rows.append([digits(position, lang), title, label("yes" if step.ticked else "skipped", lang), at, step.note])
    w = CONTENT_WIDTH
    sections = [(label("steps", lang), table(rows, lang, [w * 0.05, w * 0.3, w * 0.12, w * 0.2, w * 0.33]))]
    subject = label("session_subject", lang).format(digits(session.id, lang))
    return subject, facts, {"sections": sections, "session": session, "state": state}


def _complaint(complaint_id: int, lang: str) -> tuple[str, list, dict]:
    c = complaints.get(complaint_id)
    names = {s.id: s.full_name for s in Staff.select(Staff.id, Staff.full_name)}
    categories = {k.id: k.name(lang) for k in ComplaintCategory.select()}
    due = complaints.deadlines(as_datetime(c.created_at), c.priority)
    late = complaints.is_overdue(c)
    facts = [
        [label("customer", lang), _customer(c.customer_id, lang)],
        [label("raised", lang), _when(c.created_at, lang)],
        [label("raised_by", lang), names.get(c.created_by_id, "")],
        [label("category", lang), categories.get(c.category_id, "")],
        [label("priority", lang), label(c.priority, lang)],
        [label("status", lang), label(c.status, lang) + (f" — {label('overdue', lang)}" if late else "")],
        [label("assignee", lang), names.get(c.assignee_id, "")],
        [
            label("first_response", lang),
            (f"{_when(c.first_response_at, lang)} ({label('due', lang).format(_when(due.first_response, lang))})"),
        ],
        [
            label("resolved_at", lang),
            (f"{_when(c.resolved_at, lang)} ({label('due', lang).format(_when(due.resolution, lang))})"),
        ],
    ]
    if c.closed_at:
        facts.append([label("closed_at", lang), _when(c.closed_at, lang)])
    if c.escalated_at:
        # Escalated with no supervisor on file leaves escalated_to empty: no name then.
        boss = names.get(c.escalated_to_id, "") if c.escalated_to_id is not None else ""
        facts += [
            [
                label("escalated_to", lang),
                f"{embed(boss, lang)}{'، ' if lang == 'fa' else ', '}{_when(c.escalated_at, lang)}",
            ],
            [label("escalation_reason", lang), c.escalation_reason],
        ]
    facts += [[label("description", lang), c.description]]
    if c.wanted:
        facts.append([label("wanted", lang), c.wanted])
    if c.resolution_notes:
        facts.append([label("resolution_notes", lang), c.resolution_notes])
    if c.resolution_satisfaction:
        facts.append([label("resolution_satisfaction", lang), label(c.resolution_satisfaction, lang)])
    if c.will_return is not None:
        facts.append([label("will_return", lang), label(str(bool(c.will_return)).lower(), lang)])

    def value(kind: str, raw: str) -> str:
        if not raw:
            return "—"
        if kind in ("assignee", "escalate"):
            return embed(names.get(int(raw), raw), lang) if raw.isdigit() else raw
        if kind == "category":
            return categories.get(int(raw), raw) if raw.isdigit() else raw
        return label(raw, lang)

    w = CONTENT_WIDTH
    rows = [[label(k, lang) for k in ("when", "who", "change", "note")]]
    for e in complaints.history(c.id):
        change = (
            label("raised_event", lang)
            if e.kind == "status" and not e.old_value
            else label(f"ev_{e.kind}", lang).format(value(e.kind, e.old_value), value(e.kind, e.new_value))
        )
        rows.append([_when(e.at, lang), e.actor.full_name, change, e.note])
    sections = [(label("history", lang), table(rows, lang, [w * 0.22, w * 0.18, w * 0.28, w * 0.32]))]
    comments = complaints.thread(c.id)
    if comments:
        rows = [[label(k, lang) for k in ("when", "who", "to_whom", "note")]]
        rows += [
            [
                _when(m.at, lang),
                m.author.full_name,
                label("said" if m.visibility == "customer" else "internal", lang),
                m.body,
            ]
            for m in comments
        ]
        sections.append((label("discussion", lang), table(rows, lang, [w * 0.22, w * 0.18, w * 0.16, w * 0.44])))
    sessions = list(CalmSession.select().where(CalmSession.complaint == c.id).order_by(CalmSession.started_at))
    if sessions:
        rows = [[label(k, lang) for k in ("number_col", "started", "staff", "outcome")]]
        rows += [
            [
                digits(s.id, lang),
                _when(s.started_at, lang),
                names.get(s.staff_id, ""),
                label(s.outcome, lang) if s.outcome else label("unfinished", lang),
            ]
            for s in sessions
        ]
        sections.append((label("sessions", lang), table(rows, lang, [w * 0.1, w * 0.3, w * 0.3, w * 0.3])))
    return label("complaint_subject", lang).format(digits(c.id, lang)), facts, {"sections": sections, "complaint": c}


def build(out, request, actor: Staff, progress) -> dict:
    authorise(actor, request)
    register_fonts()
    lang = request.lang
    if request.session_id is not None:
        subject, facts, data = _session(actor, request.session_id, lang)
    else:
        subject, facts, data = _complaint(request.complaint_id, lang)
    progress(0.3)
    page = page_for(lang, label("title", lang), subject, actor.full_name)
    w = CONTENT_WIDTH
    story = [
        text(label("title", lang), lang, 16, bold=True),
        text(subject, lang, 13, bold=True),
        Spacer(1, 8),
        heading(label("facts", lang), lang),
        table([[label("field", lang), label("value", lang)]] + facts, lang, [w * 0.3, w * 0.7]),
        Spacer(1, 10),
    ]
    for title, flowable in data["sections"]:
        story += [heading(title, lang), flowable, Spacer(1, 10)]
    write(out, page, story, progress)
    data["facts"] = facts
    return data
