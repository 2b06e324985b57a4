"""Realistic bilingual demo data: staff accounts and customers with a year of history.

    python main.py demo --db PATH --customers N --seed S

Only an empty database is filled, so demo data never mixes with real records.
Rows are written in large batches inside one transaction, so 200,000 customers
take seconds, not minutes. Later features add their history here.

The customers look like a real office's: persons and organisations with their
contact persons, several phones (every one valid for ``phonenumbers``) and e-mails,
Persian and English addresses, tags, referral sources, notes, segments, some lost
customers with their reason, and about one in a hundred typed in twice, slightly
differently (Arabic ي/ك, a missing half-space, two digits swapped in the phone),
as happens at a busy desk. Every customer has its audit trail (a ``create`` entry
with the snapshot ``customers.Record.snapshot()`` gives, and a ``mark_lost`` entry
for a lost customer) and its search document, built as ``customers.reindex`` does.
"""
from __future__ import annotations

import json
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterator

from . import accounts, search
from .clock import utcnow
from .config import describe
from .db import database
from .errors import KnownError
from .migrations import open_and_migrate
from .models import Customer, LostReason, Staff, Tag
from .phones import index_tokens

BATCH = 1000
ZWNJ = "\u200c"

# (Persian, Latin transliteration for e-mail addresses)
PERSIAN_GIVEN = [
    ("مریم", "maryam"), ("زهرا", "zahra"), ("فاطمه", "fatemeh"), ("سارا", "sara"), ("نرگس", "narges"),
    ("لیلا", "leila"), ("الهام", "elham"), ("شیرین", "shirin"), ("مهسا", "mahsa"), ("نازنین", "nazanin"),
    ("پریسا", "parisa"), ("سمیرا", "samira"), ("آزاده", "azadeh"), ("کیمیا", "kimia"), ("نیلوفر", "niloufar"),
    ("یاسمن", "yasaman"), ("مینا", "mina"), ("ریحانه", "reyhaneh"), ("کتایون", "katayoun"), ("نیکی", "niki"),
    ("علی", "ali"), ("محمد", "mohammad"), ("رضا", "reza"), ("حسین", "hossein"), ("مهدی", "mahdi"),
    ("امیر", "amir"), ("کاوه", "kaveh"), ("بابک", "babak"), ("سعید", "saeed"), ("مجید", "majid"),
    ("پژمان", "pejman"), ("کوروش", "kourosh"), ("فرهاد", "farhad"), ("یاسر", "yaser"), ("آرش", "arash"),
    ("محمدرضا", "mohammadreza"), ("علیرضا", "alireza"), ("کامران", "kamran"), ("یوسف", "yousef"),
    ("مرتضی", "morteza"),
]
PERSIAN_FAMILY = [
    ("احمدی", "ahmadi"), ("محمدی", "mohammadi"), ("حسینی", "hosseini"), ("کریمی", "karimi"), ("رضایی", "rezaei"),
    ("موسوی", "mousavi"), ("جعفری", "jafari"), ("صادقی", "sadeghi"), ("کاظمی", "kazemi"), ("رحیمی", "rahimi"),
    ("نوری", "nouri"), ("قاسمی", "ghasemi"), ("طاهری", "taheri"), ("یزدانی", "yazdani"), ("شریفی", "sharifi"),
    ("امینی", "amini"), ("اکبری", "akbari"), ("زارعی", "zarei"), ("بهرامی", "bahrami"), ("فرهادی", "farhadi"),
    ("کیانی", "kiani"), ("عباسی", "abbasi"), ("سلیمانی", "soleimani"), ("مرادی", "moradi"), ("یوسفی", "yousefi"),
    ("نیک‌نام", "niknam"), ("پاک‌نژاد", "paknejad"), ("حسین‌زاده", "hosseinzadeh"), ("علی‌پور", "alipour"),
    ("کریم‌زاده", "karimzadeh"), ("تقی‌زاده", "taghizadeh"), ("امین‌پور", "aminpour"), ("رضایی‌نیا", "rezaeinia"),
    ("محمدی‌فر", "mohammadifar"), ("قلی‌زاده", "gholizadeh"),
]
ENGLISH_GIVEN = ["Emma", "Olivia", "Sophie", "Grace", "Hannah", "Lucy", "Anna", "Chloe", "James", "Oliver",
                 "Thomas", "Daniel", "Samuel", "Henry", "David", "Michael", "Peter", "Laura", "Rachel", "Kate",
                 "Alice", "Alan", "Albert", "Alexander", "Amelia", "George", "Isabel", "Jack", "Mark", "Ruth"]
ENGLISH_FAMILY = ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright", "Green", "Hall",
                  "Wood", "Clarke", "Baker", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King",
                  "Allen", "Adams", "Bell", "Carter", "Foster", "Harris", "Lewis", "Mitchell", "Palmer", "Young"]

# Organisations: a kind of business, a name and sometimes a branch; Latin forms make the web domains.
PERSIAN_ORG_KINDS = [("شرکت", ""), ("فروشگاه", "shop"), ("بازرگانی", "trading"), ("گروه صنعتی", "group"),
                     ("کلینیک", "clinic"), ("آموزشگاه", "academy"), ("هتل", "hotel"), ("داروخانهٔ", "pharmacy"),
                     ("فروشگاه‌های زنجیره‌ای", "stores"), ("رستوران", "restaurant")]
PERSIAN_ORG_NAMES = [("آرین", "arian"), ("نگین", "negin"), ("پارس", "pars"), ("سپهر", "sepehr"),
                     ("نوآوران سبز", "noavaran"), ("لبخند", "labkhand"), ("افق", "ofogh"), ("ستارهٔ شمال", "setareh"),
                     ("البرز", "alborz"), ("دماوند", "damavand"), ("مهرگان", "mehregan"), ("آسمان", "aseman"),
                     ("کوثر", "kowsar"), ("پیشگامان", "pishgaman"), ("نیک‌اندیش", "nikandish"), ("به‌آفرین", "beh"),
                     ("سیمرغ", "simorgh"), ("کیمیا", "kimia"), ("آفتاب", "aftab"), ("رویال", "royal")]
PERSIAN_BRANCHES = ["", "", "", " شعبهٔ ونک", " شعبهٔ اصفهان", " شعبهٔ مشهد", " شعبهٔ شیراز", " شعبهٔ تبریز"]
ENGLISH_ORG_FIRST = ["Northwind", "Blue Harbour", "Greenfield", "Atlas", "Maple", "Brightside", "Silverline",
                     "Redwood", "Summit", "Oakridge", "Crescent", "Kingfisher", "Harbourview", "Westbrook"]
ENGLISH_ORG_LAST = ["Traders", "Ltd", "Supplies", "Logistics", "Dental Clinic", "Language School", "Consulting",
                    "Foods", "Pharmacy", "Engineering"]

PERSIAN_TITLES = ["مدیر فروش", "کارشناس خرید", "مدیرعامل", "مسئول دفتر", "حسابدار", "مدیر بازرگانی",
                  "کارشناس پشتیبانی", "مدیر داخلی", "مدیر منابع انسانی", "کارپرداز"]
ENGLISH_TITLES = ["Purchasing Manager", "Office Manager", "Chief Executive", "Accountant", "Sales Director",
                  "Operations Manager", "Procurement Officer", "Customer Relations Lead"]

EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "chmail.ir", "mail.ir", "hotmail.com"]

PERSIAN_CITIES = [("تهران", "21"), ("تهران", "21"), ("تهران", "21"), ("اصفهان", "31"), ("مشهد", "51"),
                  ("شیراز", "71"), ("تبریز", "41"), ("کرج", "26"), ("رشت", "13"), ("اهواز", "61"), ("کرمان", "34")]
PERSIAN_STREETS = ["خیابان ولیعصر", "خیابان انقلاب", "بلوار کشاورز", "خیابان شریعتی", "خیابان آزادی",
                   "بلوار میرداماد", "خیابان چهارباغ", "بلوار وکیل‌آباد", "خیابان زند", "خیابان فردوسی",
                   "خیابان کریم‌خان زند", "بلوار فرهنگ", "خیابان بهار", "خیابان مطهری"]
PERSIAN_ALLEYS = ["گلستان", "نیلوفر", "یاس", "لاله", "سوم", "هفتم", "دوازدهم", "بهارستان", "صنوبر", "اقاقیا"]
ENGLISH_CITIES = ["London", "Manchester", "Dubai", "Toronto", "Berlin", "Istanbul", "New York"]
ENGLISH_STREETS = ["High Street", "Station Road", "Church Lane", "Park Avenue", "King Street", "Mill Road",
                   "Victoria Road", "Queen's Drive"]

PERSIAN_NOTES = [
    "مشتری قدیمی؛ ترجیح می‌دهد عصرها تماس گرفته شود.", "برای سفارش‌های عمده تخفیف خواسته است.",
    "نیاز به فاکتور رسمی دارد.", "فقط در ساعت اداری تماس گرفته شود.", "از طریق نمایشگاه با ما آشنا شد.",
    "در تماس قبلی از تأخیر ارسال گلایه داشت.", "پیگیری‌ها را با پیامک می‌خواهد.",
    "پیش از مراجعه تماس می‌گیرد.", "شماره‌های قبلی‌اش از کار افتاده است.",
]
ENGLISH_NOTES = [
    "Prefers e-mail over phone.", "Visits the branch on Saturdays.", "Asked for a quote on bulk orders.",
    "Call only during office hours.", "Met us at the trade fair.", "Needs an official invoice.",
]
TAGS = ["VIP", "Wholesale", "Partner", "Corporate", "عمده‌فروش", "مشتری ویژه", "همکار تجاری", "نیازمند پیگیری",
        "خرید اقساطی"]

REFERRALS = [("word_of_mouth", 30), ("social_media", 20), ("advertising", 12), ("website", 12), ("passing_by", 9),
             ("returning", 8), ("other", 3), ("", 6)]
SEGMENT_WEIGHTS = [("loyal_profitable", 25), ("loyal_unprofitable", 25), ("profitable_not_loyal", 20), ("neither", 30)]
# Why customers leave (seed 002): 68% staff indifference, 14% product, 9% competitors, 5% relationships, 3% moved.
LOST_WEIGHTS = {"Staff indifference": 68, "Product": 14, "Competitor": 9, "Relationship elsewhere": 5, "Moved": 3,
                "Other": 1}

ORGANISATION_UNITS = 0.10  # an organisation and its 1-4 contacts per unit: about 8% of customers
LOST_SHARE = 0.06
SEGMENT_SHARE = 0.40
DUPLICATE_EVERY = 100  # one near-duplicate in a hundred customers
FTS5_DEFAULTS = {"automerge": 4, "crisismerge": 16}  # SQLite's, for a search index that had not set them
PARALLEL_FROM = 20_000  # customers; below that a second process and rebuilt indexes cost more than they save

# Phone numbers by construction valid for ``phonenumbers`` (tests check a large sample).
IRAN_MOBILE = ["912", "912", "912", "935", "935", "919", "919", "936", "939", "901", "902", "910", "913", "917",
               "921", "922", "930", "933", "937", "938", "990"]
IRAN_AREAS = ["21", "21", "21", "31", "51", "71", "41", "26", "13", "61", "34"]
INTERNATIONAL = [  # (country code, a national prefix, digits after it)
    ("44", "7", 9),                                                  # UK mobile
    ("1", "212", 7), ("1", "415", 7), ("1", "617", 7), ("1", "416", 7),  # US and Canada
    ("49", "17", 9), ("49", "151", 8),                               # Germany mobile
    ("971", "50", 7), ("971", "55", 7),                              # UAE mobile
    ("90", "53", 8), ("90", "54", 8),                                # Turkey mobile
]

DEMO_STAFF = [
    ("supervisor", "مهناز صالحی", "supervisor"),
    ("manager2", "Daniel Walker", "supervisor"),
    ("desk1", "نگار رستمی", "staff"),
    ("desk2", "امید فراهانی", "staff"),
    ("desk3", "Laura Green", "staff"),
    ("desk4", "حمید توکلی", "staff"),
]

_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


class Dice(random.Random):
    """``random.Random`` whose ``choice``, ``randrange`` and ``randint`` take one float each:
    several times faster than the exact ones, and even enough for demo data."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))


def _weighted(pairs) -> tuple[list, list[int]]:
    values, weights = zip(*pairs)
    total, cumulative = 0, []
    for w in weights:
        total += w
        cumulative.append(total)
    return list(values), cumulative


def _pick(rng: random.Random, table: tuple[list, list[int]]):
    values, cumulative = table
    x = rng.random() * cumulative[-1]
    for value, edge in zip(values, cumulative):
        if x < edge:
            return value
    return values[-1]


def _subscriber(rng: random.Random, digits: int) -> str:
    return f"{rng.randrange(10 ** digits):0{digits}d}"


def iran_mobile(rng: random.Random) -> str:
    return f"+98{rng.choice(IRAN_MOBILE)}{_subscriber(rng, 7)}"


def iran_landline(rng: random.Random, area: str | None = None) -> str:
    # Eight digits after the area code; numbers begin with 2-8 as real exchanges do.
    return f"+98{area or rng.choice(IRAN_AREAS)}{rng.randint(2, 8)}{_subscriber(rng, 7)}"


def international(rng: random.Random) -> str:
    country, prefix, digits = rng.choice(INTERNATIONAL)
    if country == "1":  # North America: the exchange code never begins with 0 or 1
        return f"+1{prefix}{rng.randint(2, 9)}{_subscriber(rng, digits - 1)}"
    if country == "44":
        return f"+447{rng.randint(1, 5)}{_subscriber(rng, digits - 1)}"
    return f"+{country}{prefix}{_subscriber(rng, digits)}"


def swap_digits(number: str, rng: random.Random) -> str:
    """The number with two neighbouring digits of its last six swapped: a typing slip that keeps it valid."""
    digits = list(number)
    spots = [i for i in range(len(digits) - 6, len(digits) - 1) if digits[i] != digits[i + 1]]
    if not spots:
        i = len(digits) - 1
        digits[i] = str((int(digits[i]) + 1) % 10)
        return "".join(digits)
    i = rng.choice(spots)
    digits[i], digits[i + 1] = digits[i + 1], digits[i]
    return "".join(digits)


def arabic_letters(text: str) -> str:
    """Persian ی and ک typed as the Arabic ي and ك (an Arabic keyboard layout)."""
    return text.replace("ی", "ي").replace("ک", "ك")


def _password(rng: random.Random) -> str:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "demo-" + "".join(rng.choice(alphabet) for _ in range(8))


def create_staff(rng: random.Random) -> list[tuple[Staff, str]]:
    created = []
    first_user, first_name, _ = DEMO_STAFF[0]
    password = _password(rng)
    boss = accounts.create_first_supervisor(first_user, first_name, password)
    created.append((boss, password))
    for username, full_name, role in DEMO_STAFF[1:]:
        password = _password(rng)
        created.append((accounts.create_account(boss, username, full_name, role, password), password))
    return created


def _is_postgres() -> bool:
    import peewee

    return isinstance(database.obj, peewee.PostgresqlDatabase)


def bulk_insert(table: str, columns: list[str], rows: list[tuple]) -> None:
    """Insert many rows with the driver's fastest path; peewee's query builder is too slow here."""
    if not rows:
        return
    names = ", ".join(columns)
    cursor = database.cursor()
    if _is_postgres():
        from psycopg2.extras import execute_values

        execute_values(cursor, f"INSERT INTO {table} ({names}) VALUES %s", rows, page_size=BATCH)
    else:
        marks = ", ".join("?" * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


CUSTOMER_COLUMNS = ["id", "kind", "given_name", "family_name", "organisation", "organisation_id", "job_title",
                    "preferred_language", "address", "referral_source", "notes", "status", "lost_reason_id",
                    "lost_at", "segment", "segment_manual", "merged_into_id", "sort_name", "created_at",
                    "created_by_id", "updated_at", "updated_by_id", "version"]
# The keys of ``audit.snapshot(customer)``: a foreign key goes by its column name.
SNAPSHOT_KEYS = ["id", "kind", "given_name", "family_name", "organisation", "organisation_id", "job_title",
                 "preferred_language", "address", "referral_source", "notes", "status", "lost_reason_id", "lost_at",
                 "segment", "segment_manual", "merged_into_id", "sort_name", "created_at", "created_by_id",
                 "updated_at", "updated_by_id", "version"]
assert SNAPSHOT_KEYS == CUSTOMER_COLUMNS
STAMP_COLUMNS = [CUSTOMER_COLUMNS.index(k) for k in ("created_at", "updated_at", "lost_at")]
AUDIT_COLUMNS = ["at", "actor_id", "action", "table_name", "record_id", "before", "after"]


class Generator:
    """Makes customers one after another; the same seed makes the same people."""

    def __init__(self, rng: random.Random, now: datetime, staff_ids: list[int], lost_reasons: dict[str, int],
                 tag_order: dict[str, int], first_id: int):
        self.rng = rng
        self.now = now
        self.staff_ids = staff_ids
        self.next_id = first_id
        self.made = 0
        self.tag_order = tag_order
        self.referrals = _weighted(REFERRALS)
        self.segments = _weighted(SEGMENT_WEIGHTS)
        self.lost = _weighted([(lost_reasons[name], w) for name, w in LOST_WEIGHTS.items() if name in lost_reasons])
        self.recent: list[dict] = []  # people a near-duplicate can be made of
        self.next_duplicate = DUPLICATE_EVERY // 2
        self.duplicate_kind = 0
        self._sort_names: dict[tuple, str] = {}

    # -- pieces ---------------------------------------------------------------

    def _when(self) -> datetime:
        return self.now - timedelta(seconds=self.rng.randrange(365 * 24 * 3600))

    def _sort_name(self, kind: str, given: str, family: str, organisation: str) -> str:
        from .customers import sort_name

        key = (kind, given, family, organisation)
        value = self._sort_names.get(key)
        if value is None:
            value = self._sort_names[key] = sort_name(
                {"kind": kind, "given_name": given, "family_name": family, "organisation": organisation})
        return value

    def _person_phones(self, persian: bool) -> list[list[str]]:
        rng = self.rng
        first = iran_mobile(rng) if persian or rng.random() < 0.3 else international(rng)
        phones = [["mobile", first]]
        extra = rng.random()
        if extra < 0.35:
            phones.append(["home", iran_landline(rng) if persian else international(rng)])
        if extra < 0.10 or 0.85 < extra:
            phones.append(["work", iran_landline(rng) if persian and rng.random() < 0.7 else
                           (iran_mobile(rng) if persian else international(rng))])
        return phones

    def _emails(self, latin: list[str], persian: bool) -> list[str]:
        rng = self.rng
        roll = rng.random()
        count = 0 if roll < 0.35 else 1 if roll < 0.85 else 2
        out: list[str] = []
        for i in range(count):
            style = rng.random()
            if style < 0.5:
                local = ".".join(latin)
            elif style < 0.8:
                local = f"{latin[0]}{latin[-1]}{rng.randrange(10, 100)}"
            else:
                local = f"{latin[0][0]}.{latin[-1]}{rng.randrange(1000)}"
            domain = rng.choice(EMAIL_DOMAINS if persian or rng.random() < 0.5 else EMAIL_DOMAINS[:3] + ["hotmail.com"])
            address = f"{local}@{domain}"
            if address not in out:
                out.append(address)
        return out

    def _address(self, persian: bool) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            return ""
        if persian:
            city = rng.choice(PERSIAN_CITIES)[0]
            text = (f"{city}، {rng.choice(PERSIAN_STREETS)}، کوچهٔ {rng.choice(PERSIAN_ALLEYS)}، "
                    f"پلاک {str(rng.randint(1, 250)).translate(_FA_DIGITS)}")
            if rng.random() < 0.5:
                text += f"، واحد {str(rng.randint(1, 30)).translate(_FA_DIGITS)}"
            return text
        return f"{rng.randint(1, 300)} {rng.choice(ENGLISH_STREETS)}, {rng.choice(ENGLISH_CITIES)}"

    def _tags(self) -> list[str]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.7:
            return []
        chosen = {rng.choice(TAGS)}
        if roll > 0.95:
            chosen.add(rng.choice(TAGS))
        return sorted(chosen, key=self.tag_order.__getitem__)  # as customers.get() orders them

    def _notes(self, persian: bool) -> str:
        if self.rng.random() < 0.6:
            return ""
        return self.rng.choice(PERSIAN_NOTES if persian else ENGLISH_NOTES)

    # -- customers --------------------------------------------------------------

    def _base(self, kind: str, persian: bool) -> dict:
        rng = self.rng
        created = self._when()
        author = rng.choice(self.staff_ids)
        customer = {
            "id": self.next_id, "kind": kind, "given_name": "", "family_name": "", "organisation": "",
            "organisation_id": None, "job_title": "", "preferred_language": "fa" if persian else "en",
            "address": self._address(persian), "referral_source": _pick(rng, self.referrals),
            "notes": self._notes(persian), "status": "active", "lost_reason_id": None, "lost_at": None,
            "segment": None, "segment_manual": False, "merged_into_id": None, "sort_name": "",
            "created_at": created, "created_by_id": author, "updated_at": created, "updated_by_id": author,
            "version": 1,
        }
        if rng.random() < SEGMENT_SHARE:
            customer["segment"], customer["segment_manual"] = _pick(rng, self.segments), True
        self.next_id += 1
        self.made += 1
        return customer

    def _finish(self, customer: dict, phones, emails, tags, org_name: str = "") -> dict:
        customer["sort_name"] = self._sort_name(customer["kind"], customer["given_name"], customer["family_name"],
                                                customer["organisation"])
        record = {"customer": customer, "phones": phones, "emails": emails, "tags": tags, "org_name": org_name,
                  "lost": None}
        rng = self.rng
        if rng.random() < LOST_SHARE:
            span = int((self.now - customer["created_at"]).total_seconds())
            lost_at = customer["created_at"] + timedelta(seconds=rng.randrange(3600, span) if span > 3601 else span)
            record["lost"] = (_pick(rng, self.lost), lost_at, rng.choice(self.staff_ids))
        return record

    def person(self, persian: bool, organisation: dict | None = None) -> dict:
        rng = self.rng
        customer = self._base("person", persian)
        if persian:
            (given, given_latin), (family, family_latin) = rng.choice(PERSIAN_GIVEN), rng.choice(PERSIAN_FAMILY)
        else:
            given, family = rng.choice(ENGLISH_GIVEN), rng.choice(ENGLISH_FAMILY)
            given_latin, family_latin = given.lower(), family.lower()
        customer["given_name"], customer["family_name"] = given, family
        org_name = ""
        if organisation is not None:
            customer["organisation_id"] = organisation["id"]
            customer["job_title"] = rng.choice(PERSIAN_TITLES if persian else ENGLISH_TITLES)
            customer["referral_source"] = organisation["referral_source"]
            org_name = organisation["organisation"]
        phones = self._person_phones(persian)
        emails = self._emails([given_latin, family_latin], persian)
        if organisation is not None and organisation.get("domain") and rng.random() < 0.6:
            emails = [f"{given_latin[0]}.{family_latin}@{organisation['domain']}"] + emails[:1]
        record = self._finish(customer, phones, emails, self._tags(), org_name)
        if organisation is None:
            self.recent.append({"record": record})
            del self.recent[:-200]
        return record

    def organisation(self) -> dict:
        rng = self.rng
        persian = rng.random() < 0.75
        customer = self._base("organisation", persian)
        if persian:
            (kind, kind_latin), (name, name_latin) = rng.choice(PERSIAN_ORG_KINDS), rng.choice(PERSIAN_ORG_NAMES)
            customer["organisation"] = f"{kind} {name}{rng.choice(PERSIAN_BRANCHES)}"
            domain = f"{name_latin}{kind_latin}.ir"
            area = rng.choice(PERSIAN_CITIES)[1]
            phones = [["work", iran_landline(rng, area)]]
            if rng.random() < 0.5:
                phones.append(["work", iran_landline(rng, area)])
            if rng.random() < 0.3:
                phones.append(["mobile", iran_mobile(rng)])
        else:
            first, last = rng.choice(ENGLISH_ORG_FIRST), rng.choice(ENGLISH_ORG_LAST)
            customer["organisation"] = f"{first} {last}"
            domain = f"{first.replace(' ', '').lower()}.com"
            phones = [["work", international(rng) if rng.random() < 0.7 else iran_landline(rng)]]
            if rng.random() < 0.4:
                phones.append(["mobile", international(rng)])
        emails = [f"{rng.choice(['info', 'sales', 'office', 'contact'])}@{domain}"] if rng.random() < 0.8 else []
        record = self._finish(customer, phones, emails, self._tags())
        record["persian"] = persian
        record["domain"] = domain
        return record

    def near_duplicate(self) -> dict | None:
        """The same person typed in again, slightly differently, some weeks later."""
        rng = self.rng
        kinds = ("arabic", "half_space", "phone")
        kind = kinds[self.duplicate_kind % len(kinds)]
        self.duplicate_kind += 1
        people = [p for p in self.recent if p["record"]["customer"]["preferred_language"] == "fa"]
        if kind == "half_space":
            people = [p for p in people if ZWNJ in p["record"]["customer"]["family_name"]] or people
            if not any(ZWNJ in p["record"]["customer"]["family_name"] for p in people):
                kind = "arabic"
        if kind == "arabic":
            people = [p for p in people if re.search("[یک]", p["record"]["customer"]["given_name"]
                                                     + p["record"]["customer"]["family_name"])]
        if kind == "phone":
            people = self.recent
        if not people:
            return None
        source = rng.choice(people)
        original = source["record"]["customer"]
        persian = original["preferred_language"] == "fa"
        customer = self._base("person", persian)
        given, family = original["given_name"], original["family_name"]
        phones = [list(source["record"]["phones"][0])]
        emails = list(source["record"]["emails"][:1])
        if kind == "arabic":
            given, family = arabic_letters(given), arabic_letters(family)
        elif kind == "half_space":
            family = family.replace(ZWNJ, rng.choice(["", " "]))
        else:
            phones = [["mobile", swap_digits(phones[0][1], rng)]]
            emails = []
        customer["given_name"], customer["family_name"] = given, family
        created = original["created_at"] + timedelta(days=rng.randint(1, 60), seconds=rng.randrange(86400))
        customer["created_at"] = customer["updated_at"] = min(created, self.now)
        customer["address"] = original["address"] if rng.random() < 0.5 else ""
        customer["segment"], customer["segment_manual"] = None, False
        record = self._finish(customer, phones, emails, [])
        record["duplicate_of"] = original["id"]
        return record

    def customers(self, count: int) -> Iterator[dict]:
        """``count`` customers in id order: persons, organisations followed by their contacts, near-duplicates."""
        rng = self.rng
        while self.made < count:
            if self.made >= self.next_duplicate:
                self.next_duplicate += DUPLICATE_EVERY
                record = self.near_duplicate()
                if record is not None:
                    yield record
                    continue
            if rng.random() < ORGANISATION_UNITS and count - self.made >= 2:
                org = self.organisation()
                yield org
                contact = {**org["customer"], "domain": org["domain"]}
                for _ in range(min(rng.randint(1, 4), count - self.made)):
                    persian = org["persian"] if rng.random() < 0.9 else not org["persian"]
                    yield self.person(persian, contact)
            else:
                yield self.person(rng.random() < 0.75)


class Documents:
    """Search documents, as ``customers.reindex`` builds them from the stored record.

    Each column of ``search.document`` depends only on its own argument (e-mails one
    address after another), and names, organisations, notes and many addresses repeat
    across thousands of demo customers: each piece is made once by ``search.document``
    itself and reused.
    """

    def __init__(self):
        self.names: dict[tuple, str] = {}
        self.emails: dict[str, str] = {}
        self.domains: dict[str, tuple[str, str]] = {}
        self.organisations: dict[tuple, str] = {}
        self.notes: dict[str, str] = {}

    def __call__(self, record: dict) -> dict[str, str]:
        c = record["customer"]
        names = (c["given_name"], c["family_name"], c["job_title"])
        organisations = (c["organisation"], record["org_name"]) if c["organisation_id"] is not None \
            else (c["organisation"],)
        notes = c["notes"]
        doc = {"names": self.names.get(names)}
        if doc["names"] is None:
            doc["names"] = self.names[names] = search.document(names, (), (), (), "")["names"]
        # As search.document writes the phones column: every tail of every number.
        doc["phones"] = " ".join(t for _, number in record["phones"] for t in index_tokens(number))
        emails = []
        for address in record["emails"]:
            words = self.emails.get(address)
            if words is None:
                words = self.emails[address] = self._email_words(address)
            if words:
                emails.append(words)
        doc["emails"] = " ".join(emails)
        doc["organisation"] = self.organisations.get(organisations)
        if doc["organisation"] is None:
            doc["organisation"] = self.organisations[organisations] = \
                search.document((), (), (), organisations, "")["organisation"]
        doc["notes"] = self.notes.get(notes)
        if doc["notes"] is None:
            doc["notes"] = self.notes[notes] = search.document((), (), (), (), notes)["notes"]
        return doc


    _SIMPLE = re.compile(r"[a-z0-9]+(?:\.[a-z0-9]+)*")

    def _email_words(self, address: str) -> str:
        """``search.document``'s words of one address: those of the address, then those of it without dots.

        The words of ``local@domain`` are those of ``local`` and then of ``domain``; for the
        lower-case letters, digits and dots the demo writes, they are the parts between dots.
        """
        local, _, domain = address.partition("@")
        if not (self._SIMPLE.fullmatch(local) and self._SIMPLE.fullmatch(domain)):
            return search.document((), (), (address,), (), "")["emails"]
        words = self.domains.get(domain)
        if words is None:
            words = self.domains[domain] = (domain.replace(".", " "), domain.replace(".", ""))
        return f"{local.replace('.', ' ')} {words[0]} {local.replace('.', '')} {words[1]}"


def _snapshot(customer: dict, record: dict) -> dict:
    """What ``customers.get(id).snapshot()`` gives for this customer."""
    data = {key: customer[key] for key in SNAPSHOT_KEYS}
    for key in ("created_at", "updated_at", "lost_at"):
        if data[key] is not None:
            data[key] = data[key].isoformat()
    data["phones"] = [list(p) for p in record["phones"]]
    data["emails"] = list(record["emails"])
    data["tags"] = list(record["tags"])
    return data


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def rows_of(records: list[dict], tag_ids: dict[str, int], documents: Documents, postgres: bool) -> dict[str, list]:
    """The rows of some customers, by table, ready for ``bulk_insert``; ``"customer_search"`` holds the documents."""

    def stamp(value: datetime | None):
        # Text on SQLite (as peewee writes it), a timestamp on PostgreSQL.
        if value is None or postgres:
            return value
        return value.isoformat(" ")

    customers, phone_rows, email_rows, tag_rows, entries, docs = [], [], [], [], [], []
    for record in records:
        c = record["customer"]
        cid = c["id"]
        before = _snapshot(c, record)
        entries.append((stamp(c["created_at"]), c["created_by_id"], "create", "customer", str(cid), None,
                        _dumps(before)))
        if record["lost"] is not None:
            reason, at, actor = record["lost"]
            c.update(status="lost", lost_reason_id=reason, lost_at=at, updated_at=at, updated_by_id=actor,
                     version=2)
            after = _snapshot(c, record)
            entries.append((stamp(at), actor, "mark_lost", "customer", str(cid), _dumps(before), _dumps(after)))
        row = [c[k] for k in CUSTOMER_COLUMNS]
        for index in STAMP_COLUMNS:
            row[index] = stamp(row[index])
        customers.append(tuple(row))
        for position, (label, number) in enumerate(record["phones"]):
            phone_rows.append((cid, label, number, position))
        for position, address in enumerate(record["emails"]):
            email_rows.append((cid, address, position))
        for name in record["tags"]:
            tag_rows.append((cid, tag_ids[name]))
        docs.append((cid, documents(record)))
    return {"customer": customers, "phone_number": phone_rows, "email_address": email_rows,
            "customer_tag": tag_rows, "audit_entry": entries, "customer_search": docs}


TABLE_COLUMNS = {
    "customer": CUSTOMER_COLUMNS,
    "phone_number": ["customer_id", "label", "number", "position"],
    "email_address": ["customer_id", "address", "position"],
    "customer_tag": ["customer_id", "tag_id"],
    "audit_entry": AUDIT_COLUMNS,
}


def store(rows: dict[str, list]) -> None:
    """Write one batch from ``rows_of``: parents first, then what points at them."""
    for table, columns in TABLE_COLUMNS.items():
        bulk_insert(table, columns, rows[table])
    search.write(database.obj, rows["customer_search"])


@dataclass
class Plan:
    """Everything the customers are made from, so another process can make exactly the same ones."""

    rng_state: tuple
    count: int
    now: datetime
    staff_ids: list[int]
    lost_reasons: dict[str, int]
    tag_ids: dict[str, int]
    tag_order: dict[str, int]
    first_id: int
    postgres: bool


def batches(plan: Plan) -> Iterator[dict[str, list]]:
    """The rows of all the customers of ``plan``, a batch at a time."""
    rng = Dice()
    rng.setstate(plan.rng_state)
    generator = Generator(rng, plan.now, plan.staff_ids, plan.lost_reasons, plan.tag_order, plan.first_id)
    documents = Documents()
    batch: list[dict] = []
    for record in generator.customers(plan.count):
        batch.append(record)
        if len(batch) >= BATCH:
            yield rows_of(batch, plan.tag_ids, documents, plan.postgres)
            batch = []
    if batch:
        yield rows_of(batch, plan.tag_ids, documents, plan.postgres)


def _produce(plan: Plan, queue) -> None:
    """In a second process: make the rows while the first one writes them."""
    try:
        for rows in batches(plan):
            queue.put(("rows", rows))
        queue.put(("done", None))
    except BaseException:  # pragma: no cover - reported by the writing process
        import traceback

        queue.put(("error", traceback.format_exc()))


def _batches_from_a_second_process(plan: Plan) -> Iterator[dict[str, list]]:
    """``batches(plan)``, made by another process: making rows and writing them then overlap on two cores."""
    import multiprocessing
    import queue as queues

    context = multiprocessing.get_context("spawn")  # fork is unsafe in a process with threads (Qt, drivers)
    channel = context.Queue(maxsize=8)
    producer = context.Process(target=_produce, args=(plan, channel), name="demo-producer", daemon=True)
    producer.start()
    try:
        while True:
            try:
                kind, payload = channel.get(timeout=1.0)
            except queues.Empty:
                if not producer.is_alive():
                    raise RuntimeError(f"the demo producer stopped (exit code {producer.exitcode})") from None
                continue
            if kind == "done":
                break
            if kind == "error":
                raise RuntimeError(f"the demo producer failed:\n{payload}")
            yield payload
    finally:
        if producer.is_alive():
            producer.terminate()
        producer.join(timeout=10)
        channel.close()


def _tags() -> tuple[dict[str, int], dict[str, int]]:
    """The demo tags (created when missing), by name: their ids, and their place in the order ``get`` lists them."""
    existing = {t.name for t in Tag.select()}
    missing = [{"name": name} for name in TAGS if name not in existing]
    if missing:
        Tag.insert_many(missing).execute()
    ordered = list(Tag.select().order_by(Tag.name))
    return {t.name: t.id for t in ordered}, {t.name: i for i, t in enumerate(ordered)}


def _secondary_indexes(tables: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the plain indexes on these tables, as the migrations made them."""
    if _is_postgres():
        rows = database.execute_sql(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            "WHERE t.relname = ANY(%s) AND pg_table_is_visible(t.oid) "
            "AND NOT x.indisprimary AND NOT x.indisunique ORDER BY i.relname", (tables,)).fetchall()
    else:
        marks = ", ".join("?" * len(tables))
        rows = database.execute_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks}) ORDER BY name", tables).fetchall()
    return [(name, sql) for name, sql in rows]


def _fts5_config(name: str, value: int | None = None) -> int | None:
    """Read (or with ``value``, set) an option of the SQLite search index; None when it is at its default."""
    if value is None:
        row = database.execute_sql("SELECT v FROM customer_search_config WHERE k = ?", (name,)).fetchone()
        return None if row is None else int(row[0])
    database.execute_sql(f"INSERT INTO customer_search (customer_search, rank) VALUES ('{name}', {int(value)})")
    return value


def create_customers(rng: random.Random, count: int, staff_ids: list[int], now: datetime,
                     parallel: bool | None = None) -> None:
    """Insert ``count`` customers with their phones, e-mails, tags, audit trail and search documents.

    From ``PARALLEL_FROM`` customers on (or when ``parallel`` says so) a second process
    makes the rows while this one writes them, and the indexes are built after the rows
    are in; the customers are the same either way.
    """
    postgres = _is_postgres()
    tag_ids, tag_order = _tags()
    plan = Plan(
        rng_state=rng.getstate(), count=count, now=now, staff_ids=staff_ids,
        lost_reasons={r.name_en: r.id for r in LostReason.select()}, tag_ids=tag_ids, tag_order=tag_order,
        first_id=(Customer.select(Customer.id).order_by(Customer.id.desc()).scalar() or 0) + 1, postgres=postgres,
    )
    if parallel is None:
        parallel = count >= PARALLEL_FROM
    if not postgres:
        # A bigger page cache for the load, and no merging of search-index segments until the
        # end: one 'optimize' then merges them all at once, and searching reads one b-tree.
        cache_size = database.execute_sql("PRAGMA cache_size").fetchone()[0]
        merging = {name: _fts5_config(name) for name in ("automerge", "crisismerge")}
        database.execute_sql("PRAGMA cache_size = -262144")
        _fts5_config("automerge", 0)
        _fts5_config("crisismerge", 100_000)
    # Rows go in faster without the indexes, which are then built once, sorted, from the
    # very statements the migrations left in the catalogue.
    indexes = _secondary_indexes(list(TABLE_COLUMNS)) if parallel else []
    for name, _ in indexes:
        database.execute_sql(f'DROP INDEX "{name}"')
    for rows in (_batches_from_a_second_process(plan) if parallel else batches(plan)):
        store(rows)
    for _, sql in indexes:
        database.execute_sql(sql)
    if postgres:
        # Ids were given explicitly: move the sequence past them so new customers get fresh ones.
        database.execute_sql("SELECT setval(pg_get_serial_sequence('customer', 'id'), "
                             "(SELECT COALESCE(MAX(id), 0) + 1 FROM customer), false)")
        database.execute_sql("ANALYZE")
    else:
        database.execute_sql("INSERT INTO customer_search (customer_search) VALUES ('optimize')")
        for name, value in merging.items():
            _fts5_config(name, FTS5_DEFAULTS[name] if value is None else value)
        database.execute_sql(f"PRAGMA cache_size = {int(cache_size)}")


def generate(customers: int, seed: int, parallel: bool | None = None) -> list[tuple[Staff, str]]:
    """Fill the bound, empty database. Returns the demo accounts and their passwords."""
    if accounts.has_accounts():
        raise KnownError("the database already has accounts; demo data goes only into a new database")
    rng = random.Random(seed)
    now = utcnow()
    staff = create_staff(rng)
    staff_ids = [s.id for s, _ in staff]
    with database.atomic():
        create_customers(rng, customers, staff_ids, now, parallel)
    return staff


def main(target: str, customers: int, seed: int, parallel: bool | None = None) -> int:
    started = time.perf_counter()
    try:
        open_and_migrate(target)
        staff = generate(customers, seed, parallel)
    except KnownError as error:
        print(f"demo: {error.detail or error.code}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(f"Demo data written to {describe(target)} in {elapsed:.1f} s: {customers} customers.")
    print("Demo accounts (user name, password, role):")
    for member, password in staff:
        print(f"  {member.username:<12} {password:<16} {member.role}")
    return 0
