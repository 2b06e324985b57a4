"""A year of demo contacts and follow-ups for the demo customers, with their audit trail."""

from __future__ import annotations

import json
import random
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from ..checklists import phone_etiquette
from ..contacts import CHANNEL_EMAIL, CHANNEL_OTHER, CHANNEL_PHONE, CHANNEL_WALK_IN, INBOUND, OUTBOUND, SATISFACTION
from ..followups import CANCELLED as FOLLOW_UP_CANCELLED
from ..followups import DONE as FOLLOW_UP_DONE
from ..followups import DUE as FOLLOW_UP_DUE
from ..followups import GRACE, KIND_CALLBACK, KIND_FOLLOW_UP
from ..followups import OPEN as FOLLOW_UP_OPEN
from ..followups import UPCOMING as FOLLOW_UP_UPCOMING
from ..text import fold
from .bulk import BATCH, CONTACT_COLUMNS, FOLLOW_UP_COLUMNS, _dumps
from .chance import _pick, _weighted
from .numbers import iran_mobile
from .people import _FA_DIGITS

# --- contacts and follow-ups ----------------------------------------------------------------
#
# Texts come as (Persian, English) pairs and are written in the customer's preferred language;
# "{ref}" stands for an invoice or order number (Persian digits in Persian text).


@dataclass(frozen=True)
class Topic:
    """What a contact is about, with what staff write about it."""

    key: str
    reason: tuple[str, str]
    notes: tuple[tuple[str, str], ...]
    step: tuple[str, str]  # the next step when something is still to be done
    promise: tuple[str, str]  # what the follow-up promises the customer
    done: tuple[str, str]  # the notes of the contact that kept the promise
    supervisor: bool = False  # a supervisor takes the follow-up


TOPICS = [  # (topic, weight): what people call or come in about
    (
        Topic(
            "invoice",
            ("سؤال دربارهٔ فاکتور", "Invoice question"),
            (
                (
                    "مبلغ فاکتور شمارهٔ {ref} را ردیف به ردیف با مشتری مرور کردیم.",
                    "Went through invoice {ref} line by line with the customer.",
                ),
                (
                    "پرسید چرا مالیات بر ارزش افزوده در فاکتور جداگانه آمده است.",
                    "Asked why VAT appears as a separate line on the invoice.",
                ),
                (
                    "نسخهٔ رسمی فاکتور {ref} با مهر شرکت را برای حسابداری‌شان می‌خواهد.",
                    "Needs a stamped official copy of invoice {ref} for their accounts.",
                ),
            ),
            ("نسخهٔ اصلاح‌شدهٔ فاکتور از حسابداری گرفته شود.", "Get the corrected invoice from accounts."),
            ("ارسال فاکتور اصلاح‌شده و اطمینان از رسیدن آن", "Send the corrected invoice and check it arrived"),
            (
                "فاکتور اصلاح‌شده فرستاده شد و مشتری رسیدن آن را تأیید کرد.",
                "Sent the corrected invoice; the customer confirmed it arrived.",
            ),
        ),
        14,
    ),
    (
        Topic(
            "delivery",
            ("پیگیری ارسال سفارش", "Delivery status"),
            (
                (
                    "سفارش {ref} هنوز نرسیده است؛ وضعیت آن را در سامانه دیدیم.",
                    "Order {ref} has not arrived yet; we checked its status in the system.",
                ),
                ("پرسید بسته دقیقاً چه روزی تحویل می‌شود.", "Asked which day exactly the parcel will be delivered."),
                ("پیک دیروز آمده ولی کسی در محل نبوده است.", "The courier came yesterday but nobody was in."),
            ),
            ("تاریخ دقیق ارسال از انبار پرسیده شود.", "Ask the warehouse for the exact dispatch date."),
            ("اعلام تاریخ دقیق تحویل", "Call back with the exact delivery date"),
            (
                "تاریخ تحویل را از انبار گرفتیم و به مشتری اطلاع دادیم.",
                "Got the delivery date from the warehouse and passed it on.",
            ),
        ),
        16,
    ),
    (
        Topic(
            "fault",
            ("خرابی کالا", "Product fault"),
            (
                (
                    "دستگاه بعد از دو هفته روشن نمی‌شود؛ شمارهٔ سریال ثبت شد.",
                    "The unit stopped switching on after two weeks; serial number noted.",
                ),
                ("می‌گوید یکی از قطعه‌ها در جعبه نبوده است.", "Says one of the parts was missing from the box."),
                (
                    "مراحل راه‌اندازی دوباره را همراه مشتری انجام دادیم.",
                    "Went through a reset together with the customer.",
                ),
            ),
            ("هماهنگی با واحد فنی برای بررسی دستگاه", "Book the unit in with the service team."),
            ("اعلام نتیجهٔ بررسی واحد فنی", "Call back with the service team's findings"),
            (
                "نتیجهٔ بررسی فنی را گفتیم؛ قطعه با ضمانت تعویض می‌شود.",
                "Gave the service team's findings; the part will be replaced under warranty.",
            ),
        ),
        10,
    ),
    (
        Topic(
            "price",
            ("استعلام قیمت", "Price enquiry"),
            (
                ("قیمت روز و شرایط پرداخت اقساطی را پرسید.", "Asked for today's price and the instalment terms."),
                ("برای خرید عمده پیش‌فاکتور می‌خواهد.", "Wants a quotation for a bulk order."),
                (
                    "قیمت‌ها را با فهرست ماه گذشته مقایسه کرد و علت تفاوت را پرسید.",
                    "Compared our prices with last month's list and asked why they changed.",
                ),
            ),
            ("پیش‌فاکتور از واحد فروش گرفته و فرستاده شود.", "Get a quotation from sales and send it."),
            ("ارسال پیش‌فاکتور", "Send the quotation"),
            (
                "پیش‌فاکتور فرستاده شد و ردیف‌هایش را با مشتری مرور کردیم.",
                "Sent the quotation and went through it with the customer.",
            ),
        ),
        14,
    ),
    (
        Topic(
            "appointment",
            ("گرفتن وقت ملاقات", "Appointment"),
            (
                ("برای هفتهٔ آینده وقت مشاوره می‌خواهد.", "Wants an advice appointment next week."),
                ("وقت قبلی را به روز دیگری منتقل کردیم.", "Moved the existing appointment to another day."),
                ("پرسید برای جلسه چه مدارکی همراه بیاورد.", "Asked which documents to bring to the meeting."),
            ),
            ("وقت خالی در برنامهٔ کارشناس پیدا شود.", "Find a free slot in the adviser's diary."),
            ("تأیید ساعت ملاقات", "Confirm the appointment time"),
            ("ساعت ملاقات هماهنگ و تأیید شد.", "Appointment arranged and confirmed."),
        ),
        9,
    ),
    (
        Topic(
            "warranty",
            ("ضمانت و خدمات پس از فروش", "Warranty and after-sales"),
            (
                ("پرسید ضمانت دستگاه تا چه تاریخی اعتبار دارد.", "Asked when the warranty runs out."),
                (
                    "کارت ضمانت گم شده بود؛ با شمارهٔ فاکتور {ref} سابقه را پیدا کردیم.",
                    "The warranty card was lost; found the record by invoice {ref}.",
                ),
            ),
            ("سابقهٔ ضمانت از خدمات پس از فروش استعلام شود.", "Check the warranty record with after-sales."),
            ("اعلام وضعیت ضمانت", "Confirm the warranty status"),
            (
                "وضعیت ضمانت را از خدمات پس از فروش گرفتیم و به مشتری گفتیم.",
                "Confirmed the warranty status with after-sales and told the customer.",
            ),
        ),
        6,
    ),
    (
        Topic(
            "return",
            ("مرجوعی یا تعویض کالا", "Return or exchange"),
            (
                ("می‌خواهد سایز را عوض کند؛ کالا باز نشده است.", "Wants a different size; the item is still sealed."),
                ("شرایط بازگرداندن وجه را توضیح دادیم.", "Explained how refunds work."),
                (
                    "رنگ کالا با عکس سایت فرق دارد و می‌خواهد آن را پس بدهد.",
                    "The colour differs from the website photo; wants to return it.",
                ),
            ),
            ("درخواست مرجوعی در انبار ثبت و پیگیری شود.", "Log the return with the warehouse and track it."),
            ("اعلام زمان تعویض یا بازگشت وجه", "Confirm when the exchange or refund will happen"),
            ("تعویض انجام شد و مشتری کالای جدید را تحویل گرفت.", "Exchange done; the customer has the new item."),
        ),
        8,
    ),
    (
        Topic(
            "details",
            ("تغییر نشانی یا شمارهٔ تماس", "Change of address or phone"),
            (
                ("نشانی جدید برای ارسال‌های بعدی ثبت شد.", "Recorded the new delivery address."),
                (
                    "شمارهٔ همراه قبلی دیگر در دسترس نیست؛ شمارهٔ تازه را داد.",
                    "The old mobile number is no longer in use; gave a new one.",
                ),
            ),
            ("اطلاعات تازه در سفارش‌های باز هم اصلاح شود.", "Update the open orders with the new details."),
            ("اطمینان از اصلاح نشانی در سفارش‌های باز", "Make sure the open orders have the new address"),
            (
                "نشانی در سفارش‌های باز اصلاح شد و به مشتری اطلاع دادیم.",
                "Open orders updated with the new address; customer told.",
            ),
        ),
        5,
    ),
    (
        Topic(
            "order",
            ("ثبت سفارش", "New order"),
            (
                ("سفارش {ref} ثبت شد.", "Took order {ref}."),
                (
                    "موجودی دو کالا را پرسید؛ یکی فعلاً موجود نیست.",
                    "Asked about stock of two items; one is out of stock for now.",
                ),
                (
                    "می‌خواهد سفارش قبلی را با چند قلم بیشتر تکرار کند.",
                    "Wants to repeat the last order with a few more items.",
                ),
            ),
            ("زمان رسیدن کالای ناموجود از انبار پرسیده شود.", "Ask the warehouse when the missing item is due in."),
            ("خبر دادن هنگام موجود شدن کالا", "Let them know when the item is back in stock"),
            ("کالا موجود شد؛ سفارش را نهایی کردیم.", "The item is back in stock; the order is confirmed."),
        ),
        10,
    ),
    (
        Topic(
            "payment",
            ("پرداخت و اقساط", "Payment and instalments"),
            (
                ("رسید واریز {ref} را فرستاد تا ثبت شود.", "Sent bank receipt {ref} to be recorded."),
                ("برای قسط این ماه چند روز مهلت خواست.", "Asked for a few more days on this month's instalment."),
                (
                    "پرسید چطور می‌تواند با کارت‌خوان شعبه پرداخت کند.",
                    "Asked how to pay with the card reader at the branch.",
                ),
            ),
            ("ثبت واریز با حسابداری بررسی شود.", "Ask accounts to check the payment was recorded."),
            ("تأیید ثبت پرداخت", "Confirm the payment has been recorded"),
            (
                "حسابداری ثبت واریز را تأیید کرد و به مشتری اطلاع دادیم.",
                "Accounts confirmed the payment; told the customer.",
            ),
        ),
        7,
    ),
    (
        Topic(
            "hours",
            ("ساعت کاری و نشانی شعبه", "Opening hours and directions"),
            (
                ("پرسید پنجشنبه‌ها تا چه ساعتی باز هستیم.", "Asked how late we are open on Thursdays."),
                ("نشانی شعبه و جای پارک را توضیح دادیم.", "Gave directions to the branch and where to park."),
            ),
            ("نقشهٔ مسیر برای مشتری پیامک شود.", "Text the customer a map link."),
            ("ارسال نشانی و نقشهٔ مسیر", "Send the address and a map"),
            ("نشانی و نقشهٔ مسیر فرستاده شد.", "Sent the address and a map."),
        ),
        5,
    ),
    (
        Topic(
            "catalogue",
            ("درخواست کاتالوگ", "Catalogue request"),
            (
                ("کاتالوگ محصولات تازه را خواست.", "Asked for the new product catalogue."),
                ("دنبال مشخصات فنی یک مدل خاص بود.", "Looking for the technical details of one model."),
            ),
            ("کاتالوگ به نشانی ایمیل مشتری فرستاده شود.", "E-mail the catalogue to the customer."),
            ("ارسال کاتالوگ و مشخصات فنی", "Send the catalogue and specifications"),
            ("کاتالوگ و مشخصات فنی فرستاده شد.", "Catalogue and specifications sent."),
        ),
        4,
    ),
    (
        Topic(
            "installation",
            ("نصب و راه‌اندازی", "Installation help"),
            (
                (
                    "در نصب نرم‌افزار همراه دستگاه مشکل داشت.",
                    "Had trouble installing the software that came with the unit.",
                ),
                ("پرسید نصاب چه روزی می‌آید.", "Asked which day the installer will come."),
            ),
            ("با نصاب برای روز مراجعه هماهنگ شود.", "Agree a visit day with the installer."),
            ("اعلام روز مراجعهٔ نصاب", "Confirm the installer's visit day"),
            (
                "روز مراجعهٔ نصاب هماهنگ و به مشتری اعلام شد.",
                "Installer's visit booked and confirmed with the customer.",
            ),
        ),
        6,
    ),
    (
        Topic(
            "loyalty",
            ("کارت باشگاه مشتریان", "Loyalty card"),
            (
                ("پرسید چند امتیاز روی کارت باشگاه دارد.", "Asked how many points are on the loyalty card."),
                (
                    "تخفیف عضویت روی خرید قبلی اعمال نشده بود.",
                    "The member discount was not applied to the last purchase.",
                ),
            ),
            ("امتیازهای جاافتاده بررسی و اضافه شود.", "Check and add the missing points."),
            ("اصلاح امتیازهای کارت و خبر دادن به مشتری", "Correct the card points and let the customer know"),
            ("امتیازهای جاافتاده به کارت اضافه شد.", "The missing points were added to the card."),
        ),
        4,
    ),
]
COMPLAINT_TOPICS = [  # what customers complain about (seed 002's list, roughly)
    (
        Topic(
            "staff",
            ("شکایت از رفتار کارکنان", "Complaint about a staff member"),
            (
                (
                    "از برخورد سرد یکی از همکاران در شعبه گلایه داشت.",
                    "Unhappy with the way a colleague at the branch spoke to them.",
                ),
                ("می‌گوید دفعهٔ قبل کسی به حرفش گوش نداده است.", "Says nobody listened to them last time."),
            ),
            (
                "ارجاع به سرپرست؛ سرپرست خودش با مشتری تماس بگیرد.",
                "Refer to the supervisor, who will call the customer personally.",
            ),
            ("تماس سرپرست با مشتری", "Supervisor to call the customer"),
            (
                "سرپرست تماس گرفت، عذرخواهی کرد و موضوع را با همکار مربوط در میان گذاشت.",
                "The supervisor called, apologised and has spoken to the colleague concerned.",
            ),
            True,
        ),
        18,
    ),
    (
        Topic(
            "waiting",
            ("معطلی طولانی", "Kept waiting too long"),
            (
                ("بیش از ده دقیقه پشت خط منتظر مانده بود.", "Had been on hold for more than ten minutes."),
                ("در شعبه مدت زیادی در صف مانده بود.", "Waited a long time in the queue at the branch."),
            ),
            ("موضوع به سرپرست گزارش شود.", "Report it to the supervisor."),
            ("پاسخ سرپرست دربارهٔ زمان انتظار", "Supervisor to reply about the waiting time"),
            ("سرپرست تماس گرفت و از مشتری عذرخواهی کرد.", "The supervisor called and apologised."),
            True,
        ),
        14,
    ),
    (
        Topic(
            "late",
            ("تأخیر در تحویل", "Late delivery"),
            (
                ("سفارش {ref} یک هفته دیرتر از وعده رسیده است.", "Order {ref} arrived a week later than promised."),
                (
                    "سه بار برای زمان ارسال قول گرفته و هر بار عقب افتاده است.",
                    "Was promised a delivery date three times and it slipped each time.",
                ),
            ),
            ("علت تأخیر از واحد ارسال پرسیده شود.", "Find out from dispatch why it was late."),
            ("توضیح علت تأخیر و جبران آن", "Explain the delay and what we will do about it"),
            (
                "علت تأخیر توضیح داده شد و هزینهٔ ارسال برگشت داده شد.",
                "Explained the delay and refunded the delivery charge.",
            ),
        ),
        22,
    ),
    (
        Topic(
            "faulty",
            ("کالای معیوب", "Faulty goods"),
            (
                ("کالای تعویضی هم همان ایراد قبلی را دارد.", "The replacement has the same fault as the first one."),
                ("کالا از روز اول درست کار نکرده است.", "It has not worked properly since day one."),
            ),
            ("بررسی فوری توسط واحد فنی و تماس با مشتری", "Urgent check by the service team, then call the customer."),
            ("اعلام راه‌حل واحد فنی", "Call back with the service team's solution"),
            ("کالا با یک دستگاه سالم تعویض شد.", "Replaced the item with a working one."),
        ),
        18,
    ),
    (
        Topic(
            "billing",
            ("اشتباه در صورت‌حساب", "Billing error"),
            (
                ("مبلغ سفارش {ref} دو بار از حسابش کسر شده است.", "Was charged twice for order {ref}."),
                (
                    "تخفیفی که قول داده بودیم در صورت‌حساب نیامده است.",
                    "The discount we promised is missing from the bill.",
                ),
            ),
            ("حسابداری مبلغ اضافه را بررسی کند و برگرداند.", "Accounts to check and refund the extra amount."),
            ("برگرداندن مبلغ اضافه و خبر دادن به مشتری", "Refund the overcharge and let the customer know"),
            ("مبلغ اضافه برگشت داده شد و رسید آن را فرستادیم.", "Refunded the overcharge and sent the receipt."),
        ),
        12,
    ),
    (
        Topic(
            "courier",
            ("برخورد نامناسب پیک", "Courier's behaviour"),
            (
                (
                    "پیک بدون زنگ زدن بسته را جلوی در گذاشته و رفته است.",
                    "The courier left the parcel at the door without ringing.",
                ),
                ("پیک با مشتری تند صحبت کرده است.", "The courier was rude to the customer."),
            ),
            ("موضوع به شرکت پیک گزارش شود.", "Report it to the courier company."),
            ("اعلام نتیجهٔ پیگیری از شرکت پیک", "Tell the customer what the courier company says"),
            (
                "شرکت پیک عذرخواهی کرد و نتیجه را به مشتری گفتیم.",
                "The courier company apologised; passed it on to the customer.",
            ),
        ),
        8,
    ),
    (
        Topic(
            "packaging",
            ("آسیب‌دیدگی در بسته‌بندی", "Damaged on arrival"),
            (
                ("جعبه هنگام تحویل له شده بود.", "The box was crushed when it arrived."),
                ("شیشهٔ دستگاه در راه شکسته است.", "The glass front broke in transit."),
            ),
            ("ارسال کالای جایگزین هماهنگ شود.", "Arrange a replacement."),
            ("ارسال کالای جایگزین", "Send a replacement"),
            ("کالای جایگزین فرستاده شد و سالم رسید.", "Replacement sent and arrived safely."),
        ),
        8,
    ),
]
OUTCOME_CLOSINGS = {  # a last sentence of the notes, by outcome ("" for none)
    "resolved": (
        ("", ""),
        ("مشکل همان‌جا حل شد.", "Sorted out there and then."),
        ("مشتری تأیید کرد که مشکل برطرف شده است.", "The customer confirmed it is sorted."),
    ),
    "information_given": (
        ("", ""),
        ("توضیحات لازم داده شد.", "Gave the information needed."),
        ("مشتری گفت فکر می‌کند و خبر می‌دهد.", "The customer will think it over and let us know."),
    ),
    "follow_up_needed": (
        ("", ""),
        ("پاسخ به بررسی واحد دیگری نیاز دارد.", "The answer needs another department."),
        ("قرار شد خودمان با مشتری تماس بگیریم.", "We agreed to get back to the customer."),
    ),
    "complaint": (
        ("عذرخواهی کردیم و شکایت ثبت شد.", "Apologised and logged the complaint."),
        (
            "مشتری ناراحت بود؛ بدون قطع کردن حرفش تا آخر گوش دادیم.",
            "The customer was upset; listened to the end without interrupting.",
        ),
        ("از مشتری برای گفتن مشکل تشکر کردیم.", "Thanked the customer for telling us."),
    ),
    "other": (
        ("", ""),
        ("مشتری گفت بعداً خودش تماس می‌گیرد.", "The customer said they would get in touch again."),
        ("موضوع به واحد مربوط منتقل شد.", "Passed on to the right department."),
    ),
}
NO_ANSWER_NOTES = (
    ("پاسخی نداد؛ پیام صوتی گذاشتیم.", "No answer; left a voicemail."),
    ("خط اشغال بود.", "The line was busy."),
    ("تلفن همراه مشتری خاموش بود.", "The customer's mobile was switched off."),
)
NO_ANSWER_STEPS = (
    ("فردا صبح دوباره تماس گرفته شود.", "Try again tomorrow morning."),
    ("عصر دوباره تماس گرفته شود.", "Try again later in the afternoon."),
)
RETRY_PROMISE = ("تماس دوباره با مشتری", "Try the customer again")
RETRY_DONE = (
    "این بار مشتری پاسخ داد و موضوع را با او در میان گذاشتیم.",
    "Reached the customer this time and went through it.",
)
QUIET_STEPS = (
    ("نیاز به اقدام دیگری نیست.", "No further action needed."),
    ("در تماس بعدی از نتیجه بپرسیم.", "Ask how it went next time they get in touch."),
)
SATISFACTION_TAILS = {
    "dissatisfied": ("مشتری هنوز راضی نبود.", "The customer was still not happy."),
    "delighted": ("مشتری از رسیدگی سریع تشکر کرد.", "The customer thanked us for the quick help."),
}
EMAIL_TAIL = ("پاسخ با ایمیل فرستاده شد.", "Replied by e-mail.")
UNKNOWN_CALLER = ("تماس‌گیرنده نامش را نگفت.", "The caller did not give a name.")
DONE_PREFIX = {"callback": ("تماس برگشتی: ", "Callback: "), "follow_up": ("پیگیری: ", "Follow-up: ")}

CONTACTS_PER_CUSTOMER = 0.68  # and about 0.07 more: the calls that kept a promised callback
UNKNOWN_CALLERS = 0.02  # of inbound calls: the caller gave no name and was not found
# With the callbacks that kept a promise (outbound calls) the mix becomes about phone 60% (70% of it
# inbound), walk-in 25%, e-mail 10%, other 5%.
CHANNEL_WEIGHTS = [(CHANNEL_PHONE, 57), (CHANNEL_WALK_IN, 27), (CHANNEL_EMAIL, 10), (CHANNEL_OTHER, 6)]
INBOUND_SHARE = {CHANNEL_PHONE: 0.80, CHANNEL_WALK_IN: 1.0, CHANNEL_EMAIL: 0.75, CHANNEL_OTHER: 0.6}
OUTCOME_WEIGHTS = {  # by channel and direction; no one answers only a call we made
    (CHANNEL_PHONE, INBOUND): [
        ("resolved", 38),
        ("information_given", 36),
        ("follow_up_needed", 9),
        ("complaint", 9),
        ("other", 8),
    ],
    (CHANNEL_PHONE, OUTBOUND): [
        ("resolved", 34),
        ("information_given", 26),
        ("follow_up_needed", 9),
        ("complaint", 2),
        ("no_answer", 22),
        ("other", 7),
    ],
    (CHANNEL_WALK_IN, INBOUND): [
        ("resolved", 44),
        ("information_given", 30),
        ("follow_up_needed", 9),
        ("complaint", 10),
        ("other", 7),
    ],
    (CHANNEL_EMAIL, INBOUND): [
        ("resolved", 30),
        ("information_given", 45),
        ("follow_up_needed", 12),
        ("complaint", 8),
        ("other", 5),
    ],
    (CHANNEL_EMAIL, OUTBOUND): [("resolved", 40), ("information_given", 45), ("follow_up_needed", 8), ("other", 7)],
    (CHANNEL_OTHER, INBOUND): [
        ("resolved", 35),
        ("information_given", 40),
        ("follow_up_needed", 8),
        ("complaint", 5),
        ("other", 12),
    ],
    (CHANNEL_OTHER, OUTBOUND): [("resolved", 35), ("information_given", 45), ("follow_up_needed", 8), ("other", 12)],
}
SATISFACTION_WEIGHTS = {  # (dissatisfied, satisfied, delighted, not asked) by outcome
    "resolved": (5, 68, 26, 1),
    "information_given": (9, 74, 15, 2),
    "follow_up_needed": (36, 56, 4, 4),
    "complaint": (74, 20, 2, 4),
    "other": (15, 70, 10, 5),
    "no_answer": (0, 0, 0, 1),
}
# Some staff leave customers happier than others (the staff recognition report shows it).
STAFF_WEIGHTS = [5, 5, 22, 22, 24, 22]  # in the order of DEMO_STAFF; supervisors take fewer contacts
ENGLISH_DESK = 4  # Laura Green takes many of the English-speaking customers
DELIGHTS = {0: 0.1, 2: 0.12, 4: 0.18}  # a satisfied customer of these was delighted
DISAPPOINTS = {5: 0.1}  # ... or of this one, dissatisfied
FOLLOW_UP_RATE = {
    "follow_up_needed": 0.85,
    "complaint": 0.2,
    "no_answer": 0.25,
    "information_given": 0.01,
    "other": 0.03,
    "resolved": 0.0,
}
CALLBACK_SHARE = {CHANNEL_PHONE: 0.85, CHANNEL_WALK_IN: 0.5, CHANNEL_EMAIL: 0.2, CHANNEL_OTHER: 0.5}
CANCELLED_SHARE = 0.03
OVERDUE_AT_LEAST, DUE_TODAY_AT_LEAST, UPCOMING_AT_LEAST = 4, 2, 2  # open follow-ups, even in a small demo
# (and one cancelled)

# Office hours in local time: Saturday to Wednesday 08-18, Thursday 08-13, Friday (the weekend) closed,
# with a few calls and e-mails answered by whoever is on duty. Hours weighted by how busy the desk is.
SATURDAY, THURSDAY, FRIDAY = 5, 3, 4  # date.weekday()
OPENING = {THURSDAY: (8, 13), FRIDAY: None}  # every other day (8, 18)
WEEKDAY_WEIGHT = {THURSDAY: 0.5, FRIDAY: 0.06}  # every other day 1
HOUR_WEIGHTS = [(8, 5), (9, 9), (10, 12), (11, 12), (12, 9), (13, 5), (14, 8), (15, 10), (16, 9), (17, 6)]
THURSDAY_HOURS = [(8, 6), (9, 10), (10, 12), (11, 11), (12, 8)]
FRIDAY_HOURS = [(9, 4), (10, 6), (11, 6), (12, 4)]
DAYS_BACK, DAYS_AHEAD = 365, 8

CHECKLIST_POOL = 64  # ticked-item sets drawn from, for each kind of call
MINUTE = timedelta(minutes=1)
EPOCH = datetime(1970, 1, 1)
HOUR = timedelta(hours=1)


def _local_days(now: datetime) -> list[tuple[datetime, int, int, int]]:
    """(naive-UTC start, weekday, month, day) of each local day from a year ago to a week ahead."""
    today = now.replace(tzinfo=timezone.utc).astimezone().date()
    out = []
    for offset in range(-DAYS_BACK, DAYS_AHEAD + 1):
        day = today + timedelta(days=offset)
        start = datetime.combine(day, datetime.min.time()).astimezone().astimezone(timezone.utc)
        out.append((start.replace(tzinfo=None), day.weekday(), day.month, day.day))
    return out


class Talk:
    """One contact while it is being made; its id is given once all are made, in the order they happened."""

    __slots__ = (
        "channel",
        "completes",
        "created",
        "direction",
        "duration",
        "ended",
        "fa",
        "follow_up",
        "hold",
        "holds",
        "id",
        "outcome",
        "person",
        "phone",
        "row",
        "satisfaction",
        "seq",
        "staff",
        "started",
        "topic",
        "unknown",
    )
    created: datetime  # when it was saved: set by History._talk
    row: list | None  # its contact row: set by History.build, dropped once batches has written it

    def __init__(self, seq, started, duration, person, staff, channel, direction, outcome, topic, fa):
        self.seq = seq
        self.started = started
        self.duration = duration
        self.ended = started + timedelta(seconds=duration)
        self.person = person
        self.staff = staff
        self.channel = channel
        self.direction = direction
        self.outcome = outcome
        self.topic = topic
        self.fa = fa
        self.unknown = person is None
        self.hold = self.holds = 0
        self.phone = ""
        self.satisfaction = ""
        self.follow_up = None
        self.completes = None
        self.id = None


class Promise:
    """One follow-up while it is being made."""

    __slots__ = ("assignee", "closed_at", "closed_by", "contact", "done", "due", "id", "kind", "promise", "status")

    def __init__(self, contact: Talk, kind: str, due: datetime, assignee: int, promise: str):
        self.contact = contact
        self.kind = kind
        self.due = due
        self.assignee = assignee
        self.promise = promise
        self.status = FOLLOW_UP_OPEN
        self.done: Talk | None = None  # the contact that kept the promise
        self.closed_at: datetime | None = None
        self.closed_by: int | None = None
        self.id: int | None = None


class Person:
    __slots__ = ("created", "fa", "id", "lost_at", "phones")

    def __init__(self, created, id, fa, phones, lost_at):
        self.created, self.id, self.fa, self.phones, self.lost_at = created, id, fa, phones, lost_at


class History:
    """A year of contacts and follow-ups for customers already made: the same seed makes the same ones.

    Contacts fall in office hours, fewer on Thursdays and hardly any on Fridays, more in
    recent months, and only after the customer's record was made. About one in ten
    promises a follow-up; the promises that came due were mostly kept (a callback is
    kept by an outbound call, itself a contact), a few cancelled, and some are still open:
    overdue, due today, or later.
    """

    def __init__(
        self,
        rng: random.Random,
        now: datetime,
        days: list,
        end_of_today: datetime,
        staff_ids: list[int],
        people: list[Person],
        first_contact_id: int = 1,
        first_follow_up_id: int = 1,
    ):
        self.rng = rng
        self.now = now
        self.day_starts = [d[0] for d in days]
        self.weekdays = [d[1] for d in days]
        self.today = DAYS_BACK
        self.end_of_today = end_of_today
        self.staff_ids = staff_ids
        self.people = sorted(people, key=lambda p: (p.created, p.id))
        self.created = [(p.created - EPOCH).total_seconds() for p in self.people]  # numbers bisect faster
        self.first_contact_id = first_contact_id
        self.first_follow_up_id = first_follow_up_id
        self.contacts: list[Talk] = []
        self.follow_ups: list[Promise] = []
        self.seq = 0
        # Busier in recent months, a quiet Nowruz holiday, and the Iranian week.
        weights = []
        for i, (_, weekday, month, day) in enumerate(days[: self.today + 1]):
            weight = WEEKDAY_WEIGHT.get(weekday, 1.0) * (0.7 + 0.6 * i / self.today)
            if (month, day) >= (3, 20) and (month, day) <= (4, 3):
                weight *= 0.15 if (month, day) <= (3, 24) else 0.5
            weights.append((i, weight))
        self.day_table = _weighted(weights)
        self.hour_tables = {THURSDAY: _weighted(THURSDAY_HOURS), FRIDAY: _weighted(FRIDAY_HOURS)}
        self.hours = _weighted(HOUR_WEIGHTS)
        self.channels = _weighted(CHANNEL_WEIGHTS)
        self.outcomes = {key: _weighted(pairs) for key, pairs in OUTCOME_WEIGHTS.items()}
        self.satisfaction = {key: _weighted(zip(SATISFACTION, w)) for key, w in SATISFACTION_WEIGHTS.items()}
        self.topics = _weighted(TOPICS)
        self.complaints = _weighted(COMPLAINT_TOPICS)
        self.staff_table = _weighted(zip(range(len(staff_ids)), STAFF_WEIGHTS[: len(staff_ids)]))
        checklist = phone_etiquette()
        self.checklist_version = checklist.version
        self.checklist_items = [item.id for item in checklist.items]
        self.folded: dict[str, str] = {}
        self.checklists: dict[tuple, list[str]] = {}
        self.checklists_no_answer = json.dumps(
            {"version": self.checklist_version, "ticked": [i for i in self.checklist_items if i == "log"]}
        )

    # -- time ---------------------------------------------------------------------

    def _day(self, moment: datetime) -> int:
        return min(max(bisect_right(self.day_starts, moment) - 1, 0), len(self.day_starts) - 1)

    def _opening(self, day: int) -> tuple[int, int] | None:
        weekday = self.weekdays[day]
        return OPENING.get(weekday, (8, 18))

    def _office(self, moment: datetime, quarter: bool = False) -> datetime:
        """``moment`` if the office is open then, or soon after the next opening."""
        day = self._day(moment)
        hours = self._opening(day)
        offset = (moment - self.day_starts[day]).total_seconds()
        if hours is not None and hours[0] * 3600 <= offset < hours[1] * 3600:
            return moment
        if hours is None or offset >= hours[1] * 3600:
            day += 1
            while day < len(self.day_starts) and self._opening(day) is None:
                day += 1
            if day >= len(self.day_starts):
                return moment + timedelta(days=2)  # beyond the demo's horizon: after now anyway
            hours = self._opening(day)
        assert hours is not None  # open, or the loop above found a working day
        start = self.day_starts[day] + timedelta(hours=hours[0] + 1)  # the first hour goes on the new day's work
        if quarter:
            return start + timedelta(minutes=15 * self.rng.randrange(8))
        return start + timedelta(seconds=self.rng.randrange(2 * 3600))

    def _quarter(self, moment: datetime) -> datetime:
        """``moment`` rounded up to a quarter of an hour (of local time, in every time zone people live in)."""
        day_start = self.day_starts[self._day(moment)]
        seconds = int((moment - day_start).total_seconds())
        return day_start + timedelta(seconds=-(-seconds // 900) * 900)

    def _when(self) -> datetime:
        rng = self.rng
        day = _pick(rng, self.day_table)
        table = self.hour_tables.get(self.weekdays[day], self.hours)
        hour = _pick(rng, table)
        return self.day_starts[day] + timedelta(seconds=hour * 3600 + rng.randrange(3600))

    def _duration(self, channel: str, outcome: str) -> int:
        rng = self.rng
        if channel == CHANNEL_PHONE:
            if outcome == "no_answer":
                return rng.randint(15, 59)
            return min(max(int(rng.lognormvariate(5.3, 0.65)), 60), 900)  # median about 3.3 min
        if channel == CHANNEL_WALK_IN:
            return min(max(int(rng.lognormvariate(6.55, 0.45)), 300), 1800)  # about 12 min
        if channel == CHANNEL_EMAIL:
            return min(max(int(rng.lognormvariate(5.1, 0.6)), 30), 600)  # reading and answering, about 3 min
        return min(max(int(rng.lognormvariate(5.7, 0.6)), 60), 1200)

    def _saved(self, contact: Talk) -> datetime:
        """When the contact was saved: a little after it ended."""
        return contact.ended + timedelta(seconds=self.rng.randint(5, 120))

    # -- contacts -------------------------------------------------------------------

    def _staff(self, person: Person | None) -> int:
        if person is not None and not person.fa and len(self.staff_ids) > ENGLISH_DESK and self.rng.random() < 0.35:
            return self.staff_ids[ENGLISH_DESK]
        return self.staff_ids[_pick(self.rng, self.staff_table)]

    def _desk(self) -> int:
        """Any front-desk member (not a supervisor)."""
        return (
            self.staff_ids[self.rng.randint(2, len(self.staff_ids) - 1)]
            if len(self.staff_ids) > 2
            else self.staff_ids[-1]
        )

    def _number(self, person: Person) -> str:
        phones = person.phones
        if not phones:
            return ""
        return phones[0] if len(phones) == 1 or self.rng.random() < 0.8 else self.rng.choice(phones)

    def _hold(self, contact: Talk) -> None:
        rng = self.rng
        if contact.channel != CHANNEL_PHONE or contact.outcome == "no_answer" or rng.random() >= 0.3:
            return
        roll = rng.random()
        contact.holds = 1 if roll < 0.75 else 2 if roll < 0.95 else 3
        contact.hold = min(sum(rng.randint(10, 60) for _ in range(contact.holds)), 120, contact.duration // 2)

    def _talk(self, started, duration, person, staff, channel, direction, outcome, topic) -> Talk:
        self.seq += 1
        fa = person.fa if person is not None else self.rng.random() < 0.75
        contact = Talk(self.seq, started, duration, person, staff, channel, direction, outcome, topic, fa)
        contact.created = self._saved(contact)
        if channel == CHANNEL_PHONE:
            contact.phone = self._number(person) if person is not None else iran_mobile(self.rng)
        self._hold(contact)
        return contact

    def _contact(self) -> Talk | None:
        """One contact someone came to the desk with, or the desk made; None when it could not have happened."""
        rng = self.rng
        channel = _pick(rng, self.channels)
        direction = INBOUND if rng.random() < INBOUND_SHARE[channel] else OUTBOUND
        outcome = _pick(rng, self.outcomes[(channel, direction)])
        started = self._when()
        duration = self._duration(channel, outcome)
        if started + timedelta(seconds=duration + 120) > self.now:
            return None
        known = bisect_right(self.created, (started - EPOCH).total_seconds())  # only customers already on file
        person = None
        if known and not (channel == CHANNEL_PHONE and direction == INBOUND and rng.random() < UNKNOWN_CALLERS):
            person = self.people[rng.randrange(known)]
            if person.lost_at is not None and person.lost_at < started and rng.random() < 0.8:
                person = self.people[rng.randrange(known)]  # a lost customer seldom comes back
        elif not (channel == CHANNEL_PHONE and direction == INBOUND):
            return None
        if person is None and outcome in ("follow_up_needed", "complaint"):
            outcome = "information_given"  # nothing to follow up without knowing who called
        topic = _pick(rng, self.complaints if outcome == "complaint" else self.topics)
        return self._talk(started, duration, person, self._staff(person), channel, direction, outcome, topic)

    # -- follow-ups -------------------------------------------------------------------

    def _due(self, contact: Talk) -> datetime:
        """When a follow-up promised in ``contact`` is due: later that day, or on one of the next working days."""
        rng = self.rng
        ended = contact.ended
        if rng.random() < 0.35:
            due = self._office(self._quarter(ended + HOUR + timedelta(seconds=rng.randrange(3 * 3600))), quarter=True)
        else:
            roll = rng.random()
            ahead = 1 if roll < 0.45 else 2 if roll < 0.7 else 3 if roll < 0.85 else 4 if roll < 0.95 else 5
            day = min(self._day(ended) + ahead, len(self.day_starts) - 1)
            if self._opening(day) is None:
                day += 1 if ahead < 5 else -1
            hours = self._opening(day) or (8, 18)
            due = self.day_starts[day] + timedelta(
                hours=hours[0] + 1, minutes=15 * rng.randrange(4 * (hours[1] - hours[0] - 2))
            )
        if not HOUR <= due - ended <= timedelta(days=5):
            due = self._quarter(ended + HOUR)
        return due

    def _promise(self, contact: Talk, due: datetime | None = None) -> Promise:
        rng = self.rng
        retry = contact.outcome == "no_answer"
        kind = KIND_CALLBACK if retry or rng.random() < CALLBACK_SHARE[contact.channel] else KIND_FOLLOW_UP
        if contact.topic.supervisor and not retry and len(self.staff_ids) > 1:
            assignee = self.staff_ids[rng.randrange(2)]
        elif rng.random() < 0.8:
            assignee = contact.staff
        else:
            assignee = self._desk()
        text = (RETRY_PROMISE if retry else contact.topic.promise)[0 if contact.fa else 1]
        promise = Promise(contact, kind, due or self._due(contact), assignee, text)
        contact.follow_up = promise
        self.follow_ups.append(promise)
        return promise

    def _keep(self, promise: Promise) -> None:
        """Close the promise as it happened by now: kept by a contact, cancelled, or still open."""
        rng = self.rng
        now = self.now
        if promise.due + GRACE < now and rng.random() < CANCELLED_SHARE:
            self._cancel(promise)
            return
        roll = rng.random()  # how late the promise is kept
        if roll < 0.15:
            late = -rng.randrange(2 * 3600)
        elif roll < 0.65:
            late = rng.randrange(30 * 60)
        elif roll < 0.85:
            late = rng.randrange(30 * 60, 6 * 3600)
        elif roll < 0.95:
            late = rng.randrange(6 * 3600, 3 * 86400)
        else:
            late = rng.randrange(3 * 86400, 15 * 86400)
        started = max(promise.due + timedelta(seconds=late), promise.contact.created + 10 * MINUTE)
        started = self._office(started)
        source = promise.contact
        if promise.kind == KIND_CALLBACK or rng.random() < 0.7:
            channel = CHANNEL_PHONE
        else:
            channel = CHANNEL_EMAIL
        outcome = "resolved" if rng.random() < 0.65 else "information_given"
        staff = promise.assignee if rng.random() < 0.9 else self._desk()
        duration = self._duration(channel, outcome)
        if started + timedelta(seconds=duration + 120) > now:
            return  # not yet: still open
        done = self._talk(started, duration, source.person, staff, channel, OUTBOUND, outcome, source.topic)
        if done.created > now:
            return
        done.completes = promise
        promise.status = FOLLOW_UP_DONE
        promise.done = done
        promise.closed_at = done.created
        promise.closed_by = staff

    def _reopen(self, promise: Promise) -> None:
        promise.status = FOLLOW_UP_OPEN
        promise.done = None
        promise.closed_at = promise.closed_by = None

    def _cancel(self, promise: Promise) -> None:
        """The promise was called off, between its making and a day after it was due."""
        rng = self.rng
        start = promise.contact.created + MINUTE
        span = int((min(promise.due + timedelta(days=1), self.now) - start).total_seconds())
        promise.status = FOLLOW_UP_CANCELLED
        promise.done = None
        promise.closed_at = start + timedelta(seconds=rng.randrange(max(span, 1)))
        promise.closed_by = promise.assignee if rng.random() < 0.7 else self.staff_ids[0]

    def _leave_some_open(self, primary: list[Talk]) -> None:
        """However small the demo, some follow-ups are overdue, some due today and some due later,
        and one was cancelled."""
        now = self.now
        if not any(p.status == FOLLOW_UP_CANCELLED for p in self.follow_ups):
            kept = [p for p in self.follow_ups if p.status == FOLLOW_UP_DONE]
            if len(kept) > 1:
                self._cancel(kept[len(kept) // 2])
        open_ = [p for p in self.follow_ups if p.status == FOLLOW_UP_OPEN]
        overdue = sum(1 for p in open_ if p.due + GRACE < now)
        for promise in sorted(
            (p for p in self.follow_ups if p.status != FOLLOW_UP_OPEN and p.due + GRACE + MINUTE < now),
            key=lambda p: (p.due, p.contact.seq),
            reverse=True,
        ):
            if overdue >= OVERDUE_AT_LEAST:
                break
            self._reopen(promise)
            overdue += 1
        wanted = {
            FOLLOW_UP_DUE: DUE_TODAY_AT_LEAST - sum(1 for p in open_ if now - GRACE <= p.due < self.end_of_today),
            FOLLOW_UP_UPCOMING: UPCOMING_AT_LEAST - sum(1 for p in open_ if p.due >= self.end_of_today),
        }
        recent = (
            c
            for c in reversed(primary)
            if c.person is not None and c.follow_up is None and c.ended > now - timedelta(days=5)
        )
        for contact in recent:
            if max(wanted.values()) <= 0:
                break
            self._promise_soon(contact, wanted)
        extra = 0
        while max(wanted.values()) > 0 and extra < DUE_TODAY_AT_LEAST + UPCOMING_AT_LEAST:
            extra += 1  # too few recent contacts (a small demo): one more on the last working day
            last = self._last_working_day_contact()
            if last is None or not self._promise_soon(last, wanted):
                break
            primary.append(last)

    def _promise_soon(self, contact: Talk, wanted: dict[str, int]) -> bool:
        """A follow-up promised in ``contact`` due later today or on a coming day, if one is still wanted."""
        now = self.now
        latest = min(contact.ended + timedelta(days=5), self.end_of_today - MINUTE)
        soon = max(contact.ended + HOUR, now + timedelta(minutes=self.rng.randint(10, 120)))
        if wanted[FOLLOW_UP_DUE] > 0 and soon <= latest:
            rounded = self._quarter(soon)
            due = rounded if rounded <= latest else soon
            wanted[FOLLOW_UP_DUE] -= 1
        elif wanted[FOLLOW_UP_UPCOMING] > 0:
            day = self.today + 1
            while self._opening(day) is None:
                day += 1
            due = self.day_starts[day] + timedelta(hours=10, minutes=15 * self.rng.randrange(20))
            if due > contact.ended + timedelta(days=5):
                return False
            wanted[FOLLOW_UP_UPCOMING] -= 1
        else:
            return False
        if contact.outcome not in ("complaint", "no_answer"):
            contact.outcome = "follow_up_needed"
        self._promise(contact, due)
        return True

    def _last_working_day_contact(self) -> Talk | None:
        """An inbound call on the last working day before today, from a customer already on file."""
        rng = self.rng
        day = self.today - 1
        while day > 0 and self._opening(day) is None:
            day -= 1
        hours = self._opening(day)
        assert hours is not None  # today is DAYS_BACK days on: the loop stops on a working day
        opens, closes = hours
        started = self.day_starts[day] + timedelta(seconds=opens * 3600 + rng.randrange((closes - opens - 1) * 3600))
        known = bisect_right(self.created, (started - EPOCH).total_seconds())
        if not known:
            return None
        person = self.people[rng.randrange(known)]
        channel = CHANNEL_PHONE
        return self._talk(
            started,
            self._duration(channel, "follow_up_needed"),
            person,
            self._staff(person),
            channel,
            INBOUND,
            "follow_up_needed",
            _pick(rng, self.topics),
        )

    # -- what staff wrote ------------------------------------------------------------

    def _satisfaction(self, contact: Talk) -> str:
        rng = self.rng
        value = _pick(rng, self.satisfaction[contact.outcome])
        if value == "satisfied" and contact.outcome != "complaint":
            desk = self.staff_ids.index(contact.staff)
            if rng.random() < DELIGHTS.get(desk, 0.0):
                value = "delighted"
            elif rng.random() < DISAPPOINTS.get(desk, 0.0):
                value = "dissatisfied"
        return value

    def _write(self, contact: Talk) -> tuple[str, list[str], str]:
        """Reason, the sentences of the notes and the next step, in the customer's language; "{ref}" left in."""
        rng = self.rng
        lang = 0 if contact.fa else 1
        topic = contact.topic
        if contact.completes is not None:
            source = contact.completes.contact
            reason = DONE_PREFIX[contact.completes.kind][lang] + topic.reason[lang]
            return reason, [(RETRY_DONE if source.outcome == "no_answer" else topic.done)[lang]], ""
        if contact.outcome == "no_answer":
            return topic.reason[lang], [rng.choice(NO_ANSWER_NOTES)[lang]], rng.choice(NO_ANSWER_STEPS)[lang]
        parts = [UNKNOWN_CALLER[lang]] if contact.unknown else []
        parts.append(rng.choice(topic.notes)[lang])
        parts.append(rng.choice(OUTCOME_CLOSINGS[contact.outcome])[lang])
        tail = SATISFACTION_TAILS.get(contact.satisfaction)
        if tail is not None and contact.outcome != "complaint" and rng.random() < 0.5:
            parts.append(tail[lang])
        if contact.channel == CHANNEL_EMAIL and contact.direction == INBOUND and rng.random() < 0.5:
            parts.append(EMAIL_TAIL[lang])
        if contact.follow_up is not None or contact.outcome in ("follow_up_needed", "complaint"):
            step = topic.step[lang]
        elif contact.outcome in ("resolved", "information_given") and rng.random() < 0.25:
            step = rng.choice(QUIET_STEPS)[lang]
        else:
            step = ""
        return topic.reason[lang], [p for p in parts if p], step

    def _checklist(self, contact: Talk, next_step: str) -> str:
        """The phone-call checklist as ``contacts.clean`` stores it: the items ticked during the call."""
        if contact.channel != CHANNEL_PHONE:
            return ""
        if contact.outcome == "no_answer":
            return self.checklists_no_answer
        key = (contact.direction == INBOUND, contact.unknown, contact.holds > 0, bool(next_step))
        pool = self.checklists.get(key)
        if pool is None:  # how often each item is ticked in calls of this kind: made once, drawn from after
            inbound, unknown, held, step = key
            chance = {
                "answer": 0.9 if inbound else 0.0,
                "identify": 0.0 if unknown else 0.9,
                "listen": 0.85,
                "hold": 0.9 if held else 0.0,
                "repeat": 0.7,
                "next_step": 0.85 if step else 0.1,
                "close": 0.92,
                "log": 0.88,
            }
            pool = self.checklists[key] = [
                json.dumps(
                    {
                        "version": self.checklist_version,
                        "ticked": [i for i in self.checklist_items if self.rng.random() < chance.get(i, 0.5)],
                    }
                )
                for _ in range(CHECKLIST_POOL)
            ]
        return self.rng.choice(pool)

    def _fold(self, text: str) -> str:
        folded = self.folded.get(text)
        if folded is None:
            folded = self.folded[text] = fold(text)
        return folded

    def _texts(self, contact: Talk) -> tuple[str, str, str, str, str]:
        """reason, notes, next step, checklist and search text, as ``contacts.clean`` stores them.

        ``fold`` works character by character and never across a space, so the search text,
        ``fold(" ".join((reason, notes, next_step)))``, is made of the folded sentences, each folded once.
        """
        reason, sentences, step = self._write(contact)
        notes = " ".join(sentences)
        folded = " ".join((self._fold(reason), " ".join(self._fold(s) for s in sentences), self._fold(step)))
        if "{ref}" in notes:
            ref = str(self.rng.randrange(1000, 100000))
            notes = notes.replace("{ref}", ref.translate(_FA_DIGITS) if contact.fa else ref)
            folded = folded.replace("{ref}", ref)
        return reason, notes, step, self._checklist(contact, step), folded

    # -- all of it --------------------------------------------------------------------

    def build(self) -> None:
        """Make the contacts and follow-ups, and give them their ids in the order they happened."""
        rng = self.rng
        wanted = int(len(self.people) * CONTACTS_PER_CUSTOMER)
        primary: list[Talk] = []
        tries = 0
        while len(primary) < wanted and tries < 20 * wanted + 100:
            tries += 1
            contact = self._contact()
            if contact is not None:
                primary.append(contact)
        primary.sort(key=lambda c: (c.started, c.seq))
        for contact in primary:
            if contact.person is not None and rng.random() < FOLLOW_UP_RATE[contact.outcome]:
                self._keep(self._promise(contact))
        self._leave_some_open(primary)
        done = [p.done for p in self.follow_ups if p.done is not None]
        contacts = sorted(primary + done, key=lambda c: (c.started, c.seq))
        for number, contact in enumerate(contacts, self.first_contact_id):
            contact.id = number
            contact.satisfaction = self._satisfaction(contact)
        self.contacts = contacts
        self.follow_ups.sort(key=lambda p: (p.contact.created, p.contact.id))
        for number, promise in enumerate(self.follow_ups, self.first_follow_up_id):
            promise.id = number
        for contact in contacts:  # texts last: they follow the outcome, the satisfaction and the follow-up
            reason, notes, step, checklist, folded = self._texts(contact)
            customer_id = contact.person.id if contact.person is not None else None
            contact.row = [
                contact.id,
                customer_id,
                contact.staff,
                contact.channel,
                contact.direction,
                contact.phone,
                contact.started,
                contact.ended,
                contact.duration,
                contact.hold,
                contact.holds,
                reason,
                notes,
                contact.outcome,
                contact.satisfaction,
                step,
                checklist,
                folded,
                contact.created,
                contact.created,
                contact.staff,
                1,
                None,
                None,
                "",
            ]

    def follow_up_row(self, promise: Promise, closed: bool) -> list:
        """The follow-up as stored when it was made, or (``closed``) as it is now."""
        contact = promise.contact
        row = [
            promise.id,
            contact.person.id,
            contact.id,
            promise.kind,
            promise.due,
            promise.assignee,
            promise.promise,
            FOLLOW_UP_OPEN,
            None,
            None,
            None,
            contact.created,
            contact.staff,
            contact.created,
            1,
            "",
            0,
            None,
        ]
        if closed and promise.status != FOLLOW_UP_OPEN:
            row[7] = promise.status
            row[13] = promise.closed_at
            row[14] = 2  # kept or cancelled: one change since it was made
            if promise.status == FOLLOW_UP_DONE:
                assert promise.done is not None  # _keep sets both
                row[8], row[9], row[10] = promise.closed_at, promise.closed_by, promise.done.id
        return row

    def batches(self, postgres: bool) -> Iterator[dict[str, list]]:
        """The rows of the contacts, then of the follow-ups, with their audit entries, a batch at a time."""

        def stamp(value: datetime | None):
            # Text on SQLite (as peewee writes it), a timestamp on PostgreSQL.
            return value if value is None or postgres else value.isoformat(" ")

        def stamped(row: list, columns: tuple[int, ...]) -> tuple:
            if not postgres:
                row = list(row)
                for i in columns:
                    row[i] = stamp(row[i])
            return tuple(row)

        def snapshot(columns: list[str], row: list, stamps: tuple[int, ...]) -> str:
            data = dict(zip(columns, row))
            for i in stamps:
                if row[i] is not None:
                    data[columns[i]] = row[i].isoformat()
            return _dumps(data)

        contact_stamps = tuple(CONTACT_COLUMNS.index(k) for k in ("started_at", "ended_at", "created_at", "updated_at"))
        follow_stamps = tuple(FOLLOW_UP_COLUMNS.index(k) for k in ("due_at", "done_at", "created_at", "updated_at"))
        entries: list[tuple[Any, int | None, str, str, str, str | None, str]]
        for first in range(0, len(self.contacts), BATCH):
            rows, entries = [], []
            for contact in self.contacts[first : first + BATCH]:
                row = contact.row
                assert row is not None  # build made every row; each is written once
                rows.append(stamped(row, contact_stamps))
                entries.append(
                    (
                        stamp(contact.created),
                        contact.staff,
                        "create",
                        "contact",
                        str(contact.id),
                        None,
                        snapshot(CONTACT_COLUMNS, row, contact_stamps),
                    )
                )
                contact.row = None
            yield {"contact": rows, "audit_entry": entries}
        for first in range(0, len(self.follow_ups), BATCH):
            rows, entries = [], []
            for promise in self.follow_ups[first : first + BATCH]:
                made = self.follow_up_row(promise, False)
                made_text = snapshot(FOLLOW_UP_COLUMNS, made, follow_stamps)
                entries.append(
                    (
                        stamp(promise.contact.created),
                        promise.contact.staff,
                        "create",
                        "follow_up",
                        str(promise.id),
                        None,
                        made_text,
                    )
                )
                current = self.follow_up_row(promise, True)
                if promise.status != FOLLOW_UP_OPEN:  # as followups.mark_done (or cancel) audits it
                    action = "complete" if promise.status == FOLLOW_UP_DONE else "cancel"
                    entries.append(
                        (
                            stamp(promise.closed_at),
                            promise.closed_by,
                            action,
                            "follow_up",
                            str(promise.id),
                            made_text,
                            snapshot(FOLLOW_UP_COLUMNS, current, follow_stamps),
                        )
                    )
                rows.append(stamped(current, follow_stamps))
            yield {"follow_up": rows, "audit_entry": entries}
