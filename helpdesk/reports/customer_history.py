"""The customer history: one customer's whole record, a summary of their dealings with us and
their timeline (contacts, complaints, calm-down sessions and changes to the record), newest first."""

from __future__ import annotations

from reportlab.platypus import Spacer

from .. import customers, followups, phones, settings
from ..clock import to_local, utcnow
from ..complaints import OPEN_STATUSES
from ..localization import (
    digits,
    format_date,
    format_duration,
    format_number,
    format_short_date,
    format_short_datetime,
    listed,
)
from ..models import Contact, FollowUp, Staff
from . import authorise
from .layout import (
    CONTENT_WIDTH,
    embed,
    heading,
    left_to_right,
    page_for,
    percent,
    register_fonts,
    table,
    text,
    words,
    write,
)

LABELS = {
    "title": ("Customer history", "پیشینهٔ مشتری"),
    "subject": ("Customer No. {0}: everything to {1}", "مشتری شمارهٔ {0}: همه چیز تا {1}"),
    "record": ("The record", "پرونده"),
    "summary": ("In short", "به‌طور خلاصه"),
    "timeline": ("Timeline, newest first", "رویدادها، از تازه‌ترین"),
    "field": ("Field", "مورد"),
    "value": ("Value", "مقدار"),
    "kind": ("Kind", "نوع"),
    "name": ("Name", "نام"),
    "organisation": ("Organisation", "سازمان"),
    "job_title": ("Job title", "سمت"),
    "phones": ("Phones", "تلفن‌ها"),
    "emails": ("E-mails", "ایمیل‌ها"),
    "preferred_language": ("Preferred language", "زبان ترجیحی"),
    "address": ("Address", "نشانی"),
    "referral_source": ("How they found us", "آشنایی از راه"),
    "tags": ("Tags", "برچسب‌ها"),
    "segment": ("Segment", "گروه مشتری"),
    "status": ("Status", "وضعیت"),
    "since": ("Customer since", "مشتری از"),
    "notes": ("Notes", "یادداشت‌ها"),
    "given_name": ("Given name", "نام"),
    "family_name": ("Family name", "نام خانوادگی"),
    "organisation_id": ("Organisation", "سازمان"),
    "lost_reason": ("Reason lost", "علت از دست رفتن"),
    "person": ("Person", "شخص"),
    "organisation_kind": ("Organisation", "سازمان"),
    "fa": ("Persian", "فارسی"),
    "en": ("English", "انگلیسی"),
    "active": ("Active", "فعال"),
    "lost": ("Lost: {0}", "از دست رفته: {0}"),
    "merged": ("Merged", "ادغام‌شده"),
    "mobile": ("Mobile", "همراه"),
    "home": ("Home", "منزل"),
    "work": ("Work", "محل کار"),
    "word_of_mouth": ("Word of mouth", "توصیهٔ دیگران"),
    "advertising": ("Advertising", "تبلیغات"),
    "social_media": ("Social media", "شبکه‌های اجتماعی"),
    "website": ("Website", "وب‌سایت"),
    "passing_by": ("Passing by", "عبور از جلوی فروشگاه"),
    "returning": ("Returning customer", "مشتری قبلی"),
    "loyal_profitable": ("Loyal and profitable", "وفادار و سودآور"),
    "loyal_unprofitable": ("Loyal, not profitable", "وفادار، نه سودآور"),
    "profitable_not_loyal": ("Profitable, not loyal", "سودآور، نه وفادار"),
    "neither": ("Neither loyal nor profitable", "نه وفادار نه سودآور"),
    "contacts": ("Contacts", "ارتباط‌ها"),
    "complaints": ("Complaints", "شکایت‌ها"),
    "open_complaints": ("Still open", "هنوز باز"),
    "calm_sessions": ("Calm-down sessions", "جلسه‌های آرام کردن"),
    "when": ("When", "زمان"),
    "what": ("What", "چه"),
    "by": ("By", "توسط"),
    "details": ("Details", "جزئیات"),
    "contact": ("Contact", "ارتباط"),
    "complaint": ("Complaint", "شکایت"),
    "calm_session": ("Calm-down", "آرام کردن"),
    "create": ("Record created", "ایجاد پرونده"),
    "update": ("Record changed", "تغییر پرونده"),
    "mark_lost": ("Marked lost", "از دست رفته ثبت شد"),
    "reactivate": ("Active again", "دوباره فعال"),
    "merge": ("Merged with another record", "ادغام با پروندهٔ دیگر"),
    "merged_into": ("Merged into another record", "ادغام در پروندهٔ دیگر"),
    "inbound": ("inbound", "ورودی"),
    "outbound": ("outbound", "خروجی"),
    "resolved_outcome": ("resolved", "حل شد"),
    "information_given": ("information given", "اطلاعات داده شد"),
    "follow_up_needed": ("follow-up needed", "نیاز به پیگیری"),
    "complaint_outcome": ("complaint", "شکایت"),
    "no_answer": ("no answer", "پاسخ نداد"),
    "other_outcome": ("other", "سایر"),
    "anger": ("anger from {0} to {1}", "خشم از {0} به {1}"),
    "changed": ("changed: {0}", "تغییر: {0}"),
    "contact_notes": ("Notes: {0}", "یادداشت: {0}"),
    "next_step": ("Next step: {0}", "گام بعدی: {0}"),
    "promises": (
        "Promises made to the customer (follow-ups), newest first",
        "قول‌های داده‌شده به مشتری (پیگیری‌ها)، از تازه‌ترین",
    ),
    "promised": ("Promised", "زمان قول"),
    "due": ("Due", "سررسید"),
    "promise": ("Promise", "قول"),
    "assignee": ("Who keeps it", "مسئول"),
    "kept": ("Kept?", "عمل شد؟"),
    "done_on_time": ("Done on time, {0}", "به‌موقع انجام شد، {0}"),
    "done_late": ("Done late, {0}", "با تأخیر انجام شد، {0}"),
    "still_open": ("Still open", "هنوز باز"),
    "overdue": ("Overdue", "سررسید گذشته"),
    "cancelled": ("Cancelled", "لغو شد"),
    "no_promises": ("No promises were made.", "قولی داده نشده است."),
    "number": ("No. {0}", "شمارهٔ {0}"),
    "empty": ("Nothing has happened with this customer yet.", "هنوز رویدادی برای این مشتری ثبت نشده است."),
}
OUTCOME_KEYS = {"resolved": "resolved_outcome", "complaint": "complaint_outcome", "other": "other_outcome"}


def label(key: str, lang: str) -> str:
    return words(LABELS, key, lang)


def kept(due_at, status: str, done_at, now) -> str:
    """Whether a promise was kept: done_on_time, done_late, still_open, overdue or cancelled
    (on time and overdue with the follow-ups' grace)."""
    if status == followups.DONE:
        return "done_on_time" if done_at is not None and done_at <= due_at + followups.GRACE else "done_late"
    if status == followups.CANCELLED:
        return "cancelled"
    return "overdue" if followups.state(due_at, status, now) == followups.OVERDUE else "still_open"


def promises(customer_id: int) -> list[dict]:
    """Every follow-up promised to the customer (and to those merged into them), newest first."""
    now = utcnow()
    rows = (
        FollowUp.select(
            FollowUp.id,
            FollowUp.created_at,
            FollowUp.due_at,
            FollowUp.promise,
            FollowUp.status,
            FollowUp.done_at,
            Staff.full_name,
        )
        .join(Staff, on=(FollowUp.assignee == Staff.id))
        .where(FollowUp.customer.in_(customers.merged_ids(customer_id)))
        .order_by(FollowUp.created_at.desc(), FollowUp.id.desc())
        .tuples()
    )
    return [
        {
            "id": fid,
            "made": made,
            "due": due,
            "promise": promise,
            "assignee": who,
            "done_at": done_at,
            "kept": kept(due, status, done_at, now),
        }
        for fid, made, due, promise, status, done_at, who in rows
    ]


def figures(customer_id: int) -> dict:
    record = customers.get(customer_id)
    entries = customers.timeline(customer_id)
    # Only the audit trail's own entries lack a summary: contacts and complaints always carry one.
    contact_ids = [e.summary["contact_id"] for e in entries if e.kind == "contact" and e.summary is not None]
    said = (
        {
            cid: (notes, next_step)
            for cid, notes, next_step in Contact.select(Contact.id, Contact.notes, Contact.next_step)
            .where(Contact.id.in_(contact_ids))
            .tuples()
        }
        if contact_ids
        else {}
    )
    for e in entries:
        if e.kind == "contact":
            assert e.summary is not None
            e.summary["notes"], e.summary["next_step"] = said.get(e.summary["contact_id"], ("", ""))
    mix: dict[str, int] = {}
    for e in entries:
        if e.kind == "contact":
            assert e.summary is not None
            mix[e.summary["satisfaction"]] = mix.get(e.summary["satisfaction"], 0) + 1
    states = [e.summary["status"] for e in entries if e.kind == "complaint" and e.summary is not None]
    return {
        "record": record,
        "timeline": entries,
        "mix": mix,
        "contacts": sum(mix.values()),
        "complaints": len(states),
        "open_complaints": sum(1 for s in states if s in OPEN_STATUSES),
        "calm_sessions": sum(1 for e in entries if e.kind == "calm_session"),
        "promises": promises(customer_id),
    }


def _record_rows(record, lang: str) -> list[list[str]]:
    c = record.customer
    rows = [
        [label("kind", lang), label("organisation_kind" if c.kind == "organisation" else "person", lang)],
        [label("name", lang), c.display_name],
    ]
    if c.kind != "organisation" and c.organisation:
        rows.append([label("organisation", lang), c.organisation])
    if c.job_title:
        rows.append([label("job_title", lang), c.job_title])
    if record.phones:
        region = settings.phone_region()
        rows.append(
            [
                label("phones", lang),
                "\n".join(
                    f"{label(p.label, lang)}: {left_to_right(digits(phones.display(p.number, region), lang))}"
                    for p in record.phones
                ),
            ]
        )
    if record.emails:
        rows.append([label("emails", lang), "\n".join(e.address for e in record.emails)])
    rows.append([label("preferred_language", lang), label(c.preferred_language, lang)])
    if c.address:
        rows.append([label("address", lang), c.address])
    if c.referral_source:
        rows.append([label("referral_source", lang), label(c.referral_source, lang)])
    if record.tags:
        rows.append([label("tags", lang), listed(record.tags, lang)])
    if c.segment:
        rows.append([label("segment", lang), label(c.segment, lang)])
    status = label("active", lang) if c.status == "active" else label("merged", lang)
    if c.status == "lost":
        status = label("lost", lang).format(c.lost_reason.name(lang) if c.lost_reason_id else "")
    rows.append([label("status", lang), status])
    rows.append([label("since", lang), format_date(to_local(c.created_at), lang)])
    if c.notes:
        rows.append([label("notes", lang), c.notes])
    return rows


def _details(entry, lang: str) -> str:
    s = entry.summary or {}
    if entry.kind == "contact":
        parts = [label(s["channel"], lang)]
        if s["channel"] == "phone":
            parts[0] += f" ({listed([label(s['direction'], lang), format_duration(s['duration'] or 0, lang)], lang)})"
        if s["reason"]:
            parts.append(s["reason"])
        parts.append(label(OUTCOME_KEYS.get(s["outcome"], s["outcome"]), lang))
        parts.append(label(s["satisfaction"], lang))
        lines = [" · ".join(parts)]
        notes = s.get("notes") or ""
        if notes:
            lines.append(label("contact_notes", lang).format(embed(notes, lang)))
        if s.get("next_step"):
            lines.append(label("next_step", lang).format(embed(s["next_step"], lang)))
        return "\n".join(lines)
    if entry.kind == "complaint":
        category = s["category_fa"] if lang == "fa" else s["category_en"]
        head = " · ".join(
            [
                label("number", lang).format(digits(s["complaint_id"], lang)),
                category,
                label(s["status"], lang),
                label(s["priority"], lang),
            ]
        )
        description = s["description"] if len(s["description"]) <= 300 else s["description"][:299] + "…"
        return f"{head}\n{description}"
    if entry.kind == "calm_session":
        anger = label("anger", lang).format(digits(s["anger_start"] or "?", lang), digits(s["anger_end"] or "?", lang))
        return " · ".join(
            [label("number", lang).format(digits(s["session_id"], lang)), label(s["outcome"] or "", lang), anger]
        )
    if entry.changed:
        return label("changed", lang).format(listed((label(f, lang) for f in entry.changed), lang))
    return ""


def build(out, request, actor: Staff, progress) -> dict:
    authorise(actor, request)
    register_fonts()
    lang = request.lang
    data = figures(request.customer_id)
    progress(0.3)
    record = data["record"]
    period = label("subject", lang).format(digits(record.customer.id, lang), format_date(to_local(utcnow()), lang))
    page = page_for(lang, label("title", lang), period, actor.full_name)
    w = CONTENT_WIDTH

    def n(value):
        return format_number(value, lang)

    story = [
        text(label("title", lang), lang, 16, bold=True),
        text(record.customer.display_name, lang, 13, bold=True),
        text(period, lang, 9),
        Spacer(1, 8),
        heading(label("record", lang), lang),
        table([[label("field", lang), label("value", lang)]] + _record_rows(record, lang), lang, [w * 0.25, w * 0.75]),
        Spacer(1, 10),
        heading(label("summary", lang), lang),
    ]
    mix = data["mix"]
    asked = sum(mix.get(k, 0) for k in ("dissatisfied", "satisfied", "delighted"))
    head = [
        label(k, lang)
        for k in (
            "contacts",
            "dissatisfied",
            "satisfied",
            "delighted",
            "complaints",
            "open_complaints",
            "calm_sessions",
        )
    ]
    row = [n(data["contacts"])] + [
        f"{n(mix.get(k, 0))} ({percent(mix.get(k, 0), asked, lang, 0)})"
        for k in ("dissatisfied", "satisfied", "delighted")
    ]
    row += [n(data["complaints"]), n(data["open_complaints"]), n(data["calm_sessions"])]
    story += [table([head, row], lang, [w / 7] * 7), Spacer(1, 10), heading(label("timeline", lang), lang)]
    if data["timeline"]:
        rows = [[label(k, lang) for k in ("when", "what", "by", "details")]]
        for e in data["timeline"]:
            when = f"{format_short_date(to_local(e.at), lang)} {digits(to_local(e.at).strftime('%H:%M'), lang)}"
            rows.append([when, label(e.kind, lang), e.actor, _details(e, lang)])
        story.append(table(rows, lang, [w * 0.17, w * 0.14, w * 0.17, w * 0.52]))
    else:
        story.append(text(label("empty", lang), lang))
    story += [Spacer(1, 10), heading(label("promises", lang), lang)]
    if data["promises"]:

        def at(value):
            return format_short_datetime(to_local(value), lang)

        rows = [[label(k, lang) for k in ("promised", "due", "promise", "assignee", "kept")]]
        for p in data["promises"]:
            state = label(p["kept"], lang)
            if p["kept"] in ("done_on_time", "done_late"):
                state = state.format(at(p["done_at"]))
            rows.append([at(p["made"]), at(p["due"]), p["promise"], p["assignee"], state])
        story.append(table(rows, lang, [w * 0.15, w * 0.15, w * 0.34, w * 0.15, w * 0.21]))
    else:
        story.append(text(label("no_promises", lang), lang))
    write(out, page, story, progress)
    return data
