"""Demo complaints: a year of them, raised from the demo contacts that ended in a complaint
(and a few on their own), across every category, priority and state, with their history,
discussion, escalations, resolutions and audit trail. Some of the open ones are overdue.

Rows are written in bulk, as the rest of the demo is; each complaint's events, comments
and audit entries are what the services would have written for the same story.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from ..clock import as_datetime
from ..db import database
from .bulk import AUDIT_COLUMNS, _dumps, _is_postgres

COMPLAINT_COLUMNS = [
    "id",
    "customer_id",
    "contact_id",
    "category_id",
    "priority",
    "description",
    "wanted",
    "assignee_id",
    "status",
    "escalated_to_id",
    "escalated_at",
    "escalation_reason",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "resolution_notes",
    "resolution_satisfaction",
    "will_return",
    "created_at",
    "created_by_id",
    "updated_at",
    "updated_by_id",
    "version",
]
EVENT_COLUMNS = ["complaint_id", "at", "actor_id", "kind", "old_value", "new_value", "note"]
COMMENT_COLUMNS = ["complaint_id", "at", "author_id", "visibility", "body"]
NOTIFICATION_COLUMNS = ["recipient_id", "at", "kind", "complaint_id", "actor_id", "text", "read_at"]

# Seed 002's factors, weighted as a typical office sees them.
CATEGORY_WEIGHTS = {
    "Staff behaviour and appearance": 26,
    "Product and packaging": 18,
    "Delivery quality and speed": 16,
    "After-sales service": 13,
    "Price": 11,
    "Office materials": 5,
    "Advertising": 4,
    "Reputation in the media": 2,
    "Other": 5,
}
PRIORITY_WEIGHTS = {"urgent": 8, "high": 22, "normal": 50, "low": 20}

# (English, Persian) pairs: what happened, what the customer wants.
STORIES = {
    "Staff behaviour and appearance": [
        (
            (
                "Staff at the counter were dismissive and kept the customer waiting without a word.",
                "کارمند پیشخوان بی‌اعتنا بود و مشتری را بی‌هیچ توضیحی منتظر گذاشت.",
            ),
            ("An apology from the office", "عذرخواهی مجموعه"),
        ),
        (
            (
                "The courier was rude at the door and refused to carry the parcel upstairs.",
                "پیک دم در بی‌ادبی کرد و بسته را بالا نیاورد.",
            ),
            ("A word with the courier company", "تذکر به شرکت پیک"),
        ),
    ],
    "Product and packaging": [
        (
            ("The box arrived torn and two items inside were broken.", "جعبه پاره رسید و دو قلم از داخلش شکسته بود."),
            ("Replacement of the broken items", "تعویض اقلام شکسته"),
        ),
        (
            ("The colour does not match the catalogue.", "رنگ کالا با کاتالوگ یکی نیست."),
            ("An exchange for the right colour", "تعویض با رنگ درست"),
        ),
    ],
    "Delivery quality and speed": [
        (
            ("The order came nine days after the promised date.", "سفارش نه روز پس از تاریخ قول‌داده‌شده رسید."),
            ("A refund of the delivery fee", "بازپرداخت هزینهٔ ارسال"),
        ),
        (
            ("Half of the order was delivered to the wrong branch.", "نیمی از سفارش به شعبهٔ اشتباه تحویل شد."),
            ("The rest of the order this week", "رسیدن باقی سفارش در همین هفته"),
        ),
    ],
    "After-sales service": [
        (
            (
                "The repair took three weeks instead of one and nobody called.",
                "تعمیر به‌جای یک هفته سه هفته طول کشید و کسی خبر نداد.",
            ),
            ("A discount on the next service", "تخفیف در سرویس بعدی"),
        ),
        (
            ("The warranty claim was turned down without a reason.", "درخواست گارانتی بی‌دلیل رد شد."),
            ("A written reason, or the repair under warranty", "دلیل کتبی یا تعمیر رایگان"),
        ),
    ],
    "Price": [
        (
            ("Charged twice for the same invoice.", "برای یک فاکتور دو بار مبلغ کسر شد."),
            ("The second payment back", "بازگشت مبلغ اضافه"),
        ),
        (
            (
                "The price at the till was higher than the one advertised.",
                "قیمت هنگام پرداخت بیشتر از قیمت اعلام‌شده بود.",
            ),
            ("The advertised price", "همان قیمت اعلام‌شده"),
        ),
    ],
    "Office materials": [
        (
            ("The forms at the desk are out of date and confusing.", "فرم‌های روی میز قدیمی و گیج‌کننده‌اند."),
            ("Clear, current forms", "فرم‌های روشن و به‌روز"),
        ),
    ],
    "Advertising": [
        (
            ("The offer in the brochure was not honoured.", "پیشنهاد بروشور اجرا نشد."),
            ("The offer as printed", "اجرای پیشنهاد همان‌طور که چاپ شده"),
        ),
    ],
    "Reputation in the media": [
        (
            (
                "Read a news story about late deliveries and wants reassurance.",
                "خبری دربارهٔ تأخیر در تحویل خوانده و می‌خواهد مطمئن شود.",
            ),
            ("A call from a manager", "تماس یکی از مدیران"),
        ),
    ],
    "Other": [
        (
            ("No parking near the office for customers.", "نزدیک دفتر جای پارکی برای مشتریان نیست."),
            ("A parking arrangement", "فکری برای پارکینگ"),
        ),
    ],
}
ESCALATION_REASONS = [
    ("The customer asks for a manager.", "مشتری می‌خواهد با مدیر صحبت کند."),
    ("The refund is above my limit.", "مبلغ بازپرداخت بیش از اختیار من است."),
    ("Second complaint this month; needs a decision.", "دومین شکایت در این ماه است؛ تصمیم لازم است."),
]
RESOLUTIONS = [
    ("Apologised, refunded the fee and confirmed in writing.", "عذرخواهی شد، هزینه بازپرداخت و کتبی تأیید شد."),
    ("Replaced the items; delivered the next day.", "اقلام تعویض و روز بعد تحویل شد."),
    (
        "Explained the policy and offered a discount on the next order.",
        "سیاست مجموعه توضیح داده شد و برای سفارش بعدی تخفیف داده شد.",
    ),
    (
        "Spoke to the team concerned; the customer accepted the apology.",
        "با گروه مربوط صحبت شد؛ مشتری عذرخواهی را پذیرفت.",
    ),
]
COMMENTS = [
    ("internal", ("Checked the order history; the complaint holds.", "سابقهٔ سفارش بررسی شد؛ شکایت بجاست.")),
    ("customer", ("We are on it and will call you back today.", "پیگیر هستیم و امروز با شما تماس می‌گیریم.")),
    ("internal", ("Asked the warehouse for photos.", "از انبار عکس خواستیم.")),
    (
        "customer",
        (
            "Thank you for your patience; here is what we will do.",
            "از شکیبایی شما سپاسگزاریم؛ کاری که انجام می‌دهیم این است.",
        ),
    ),
]
TARGETS = {"urgent": (1, 8), "high": (4, 24), "normal": (8, 72), "low": (24, 168)}


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def create_complaints(rng: random.Random, now: datetime, insert) -> int:
    """Write the complaints with ``insert(table, columns, rows)``. Returns how many."""
    categories = {name: cid for cid, name in database.execute_sql("SELECT id, name_en FROM complaint_category")}
    staff = database.execute_sql("SELECT id, role FROM staff ORDER BY id").fetchall()
    supervisors = [sid for sid, role in staff if role == "supervisor"]
    desks = [sid for sid, role in staff if role != "supervisor"] or supervisors
    raised_from = database.execute_sql(
        "SELECT contact.id, contact.customer_id, contact.staff_id, contact.ended_at, customer.preferred_language "
        "FROM contact JOIN customer ON customer.id = contact.customer_id "
        "WHERE contact.outcome = 'complaint' ORDER BY contact.id"
    ).fetchall()
    stories = []
    for contact_id, customer_id, staff_id, ended, language in raised_from:
        if rng.random() < 0.7:  # the rest were put right there and then
            stories.append((contact_id, customer_id, staff_id, as_datetime(ended), language))
    for _ in range(max(3, len(stories) // 20)):  # raised on their own, some by unnamed customers
        stories.append(
            (
                None,
                None,
                rng.choice(desks),
                (now - timedelta(minutes=rng.randint(30, 365 * 24 * 60))).replace(microsecond=0),
                "fa",
            )
        )
    stories.sort(key=lambda s: s[3])
    if not stories:
        return 0

    complaints, comments, notifications = [], [], []
    events: list[tuple[int, datetime, int, str, str, str, str]] = []
    audits: list[tuple[datetime, int, str, str, str, dict | None, dict]] = []
    must_show = ["new", "in_progress", "escalated", "resolved", "closed"]  # every state at least once
    for number, (contact_id, customer_id, staff_id, created, language) in enumerate(stories, start=1):
        fa = language == "fa"

        def text(pair):
            return pair[1] if fa else pair[0]

        # Every category at least once, then as often as offices see them.
        category = (
            list(CATEGORY_WEIGHTS)[number - 1] if number <= len(CATEGORY_WEIGHTS) else _pick(rng, CATEGORY_WEIGHTS)
        )
        priority = _pick(rng, PRIORITY_WEIGHTS)
        story, wanted = rng.choice(STORIES[category])
        first_target, resolve_target = TARGETS[priority]
        age_hours = (now - created).total_seconds() / 3600
        assignee = staff_id if rng.random() < 0.8 else rng.choice(desks)
        # How far it has got: old complaints are mostly done; a few are left open (and so overdue).
        if must_show and number > len(stories) - 5 * len(must_show) and rng.random() < 0.5:
            final = must_show.pop(0)
        elif age_hours > resolve_target * 1.2:
            final = rng.choices(["closed", "resolved", "in_progress", "escalated"], [78, 14, 5, 3])[0]
        else:
            final = rng.choices(["new", "in_progress", "escalated", "resolved", "closed"], [25, 35, 12, 18, 10])[0]
        escalate = final == "escalated" or (final in ("resolved", "closed") and rng.random() < 0.15)
        row: dict[str, Any] = dict.fromkeys(COMPLAINT_COLUMNS)
        row.update(
            id=number,
            customer_id=customer_id,
            contact_id=contact_id,
            category_id=categories[category],
            priority=priority,
            description=text(story),
            wanted=text(wanted),
            assignee_id=assignee,
            status="new",
            escalation_reason="",
            resolution_notes="",
            created_at=created,
            created_by_id=staff_id,
            updated_at=created,
            updated_by_id=staff_id,
            version=1,
        )
        audits.append((created, staff_id, "create", "complaint", str(number), None, _snapshot(row)))
        events.append((number, created, staff_id, "status", "", "new", ""))
        moment = created

        def step(status: str, at: datetime, actor: int, note: str = "", **changes) -> None:
            before = _snapshot(row)
            old = row["status"]
            row.update(status=status, updated_at=at, updated_by_id=actor, version=row["version"] + 1, **changes)
            if row["first_response_at"] is None and status != "new":
                row["first_response_at"] = at
            audits.append((at, actor, "status", "complaint", str(number), before, _snapshot(row)))
            events.append((number, at, actor, "status", old, status, note))

        def later(hours: float) -> datetime:
            return min(now - timedelta(minutes=1), moment + timedelta(hours=hours)).replace(microsecond=0)

        if final != "new":
            # Usually answered within the target; one in five late.
            moment = later(first_target * rng.uniform(0.1, 0.9 if rng.random() < 0.8 else 2.0))
            step("in_progress", moment, assignee)
            if rng.random() < 0.6:
                said = later(rng.uniform(0.1, 2))
                comments.append((number, said, assignee, "customer", text(COMMENTS[1][1])))
        if escalate:
            moment = later(rng.uniform(0.5, resolve_target * 0.4))
            boss = rng.choice(supervisors)
            reason = text(rng.choice(ESCALATION_REASONS))
            step(
                "escalated",
                moment,
                assignee,
                reason,
                escalated_to_id=boss,
                escalated_at=moment,
                escalation_reason=reason,
            )
            events.append((number, moment, assignee, "escalate", "", str(boss), reason))
            for sup in supervisors:
                read = (
                    None if final == "escalated" and now - moment < timedelta(days=2) else moment + timedelta(hours=1)
                )
                notifications.append((sup, moment, "escalation", number, assignee, reason, read))
            if final != "escalated":
                moment = later(rng.uniform(0.2, 4))
                step("in_progress", moment, boss)
        if rng.random() < 0.5:
            kind, pair = rng.choice(COMMENTS)
            comments.append((number, later(rng.uniform(0.1, 3)), assignee, kind, text(pair)))
        if final in ("resolved", "closed"):
            hours = resolve_target * (rng.uniform(0.2, 0.95) if rng.random() < 0.75 else rng.uniform(1.05, 2.5))
            moment = max(moment, later(hours))
            satisfaction = rng.choices(["delighted", "satisfied", "dissatisfied", "not_asked"], [28, 47, 20, 5])[0]
            will_return = (satisfaction != "dissatisfied" and rng.random() < 0.85) if rng.random() < 0.9 else None
            step(
                "resolved",
                moment,
                row["escalated_to_id"] or assignee,
                "",
                resolved_at=moment,
                resolution_notes=text(rng.choice(RESOLUTIONS)),
                resolution_satisfaction=satisfaction,
                will_return=will_return,
            )
            if final == "closed":
                moment = later(rng.uniform(2, 72))
                step("closed", moment, row["escalated_to_id"] or assignee, "", closed_at=moment)
        complaints.append(tuple(row[k] for k in COMPLAINT_COLUMNS))

    insert("complaint", COMPLAINT_COLUMNS, complaints)
    insert("complaint_event", EVENT_COLUMNS, events)
    insert("complaint_comment", COMMENT_COLUMNS, comments)
    insert("notification", NOTIFICATION_COLUMNS, notifications)
    insert(
        "audit_entry",
        AUDIT_COLUMNS,
        [
            (at, actor, action, table, record, _dumps(before) if before is not None else None, _dumps(after))
            for at, actor, action, table, record, before, after in audits
        ],
    )
    if _is_postgres():
        database.execute_sql(
            "SELECT setval(pg_get_serial_sequence('complaint', 'id'), (SELECT MAX(id) FROM complaint))"
        )
    return len(complaints)


def _snapshot(row: dict) -> dict:
    return {k: (_iso(v) if isinstance(v, datetime) else v) for k, v in row.items()}
