"""Demo customers: persons, organisations with their contact persons, near-duplicates, and the
rows the bulk path writes for them (the customer, phones, e-mails, tags, audit trail, search document)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from .. import search
from ..phones import index_tokens
from .bulk import CUSTOMER_COLUMNS, SNAPSHOT_KEYS, STAMP_COLUMNS, _dumps
from .chance import _pick, _weighted
from .numbers import international, iran_landline, iran_mobile, swap_digits

ZWNJ = "\u200c"

# (Persian, Latin transliteration for e-mail addresses)
PERSIAN_GIVEN = [
    ("مریم", "maryam"),
    ("زهرا", "zahra"),
    ("فاطمه", "fatemeh"),
    ("سارا", "sara"),
    ("نرگس", "narges"),
    ("لیلا", "leila"),
    ("الهام", "elham"),
    ("شیرین", "shirin"),
    ("مهسا", "mahsa"),
    ("نازنین", "nazanin"),
    ("پریسا", "parisa"),
    ("سمیرا", "samira"),
    ("آزاده", "azadeh"),
    ("کیمیا", "kimia"),
    ("نیلوفر", "niloufar"),
    ("یاسمن", "yasaman"),
    ("مینا", "mina"),
    ("ریحانه", "reyhaneh"),
    ("کتایون", "katayoun"),
    ("نیکی", "niki"),
    ("علی", "ali"),
    ("محمد", "mohammad"),
    ("رضا", "reza"),
    ("حسین", "hossein"),
    ("مهدی", "mahdi"),
    ("امیر", "amir"),
    ("کاوه", "kaveh"),
    ("بابک", "babak"),
    ("سعید", "saeed"),
    ("مجید", "majid"),
    ("پژمان", "pejman"),
    ("کوروش", "kourosh"),
    ("فرهاد", "farhad"),
    ("یاسر", "yaser"),
    ("آرش", "arash"),
    ("محمدرضا", "mohammadreza"),
    ("علیرضا", "alireza"),
    ("کامران", "kamran"),
    ("یوسف", "yousef"),
    ("مرتضی", "morteza"),
]
PERSIAN_FAMILY = [
    ("احمدی", "ahmadi"),
    ("محمدی", "mohammadi"),
    ("حسینی", "hosseini"),
    ("کریمی", "karimi"),
    ("رضایی", "rezaei"),
    ("موسوی", "mousavi"),
    ("جعفری", "jafari"),
    ("صادقی", "sadeghi"),
    ("کاظمی", "kazemi"),
    ("رحیمی", "rahimi"),
    ("نوری", "nouri"),
    ("قاسمی", "ghasemi"),
    ("طاهری", "taheri"),
    ("یزدانی", "yazdani"),
    ("شریفی", "sharifi"),
    ("امینی", "amini"),
    ("اکبری", "akbari"),
    ("زارعی", "zarei"),
    ("بهرامی", "bahrami"),
    ("فرهادی", "farhadi"),
    ("کیانی", "kiani"),
    ("عباسی", "abbasi"),
    ("سلیمانی", "soleimani"),
    ("مرادی", "moradi"),
    ("یوسفی", "yousefi"),
    ("نیک‌نام", "niknam"),
    ("پاک‌نژاد", "paknejad"),
    ("حسین‌زاده", "hosseinzadeh"),
    ("علی‌پور", "alipour"),
    ("کریم‌زاده", "karimzadeh"),
    ("تقی‌زاده", "taghizadeh"),
    ("امین‌پور", "aminpour"),
    ("رضایی‌نیا", "rezaeinia"),
    ("محمدی‌فر", "mohammadifar"),
    ("قلی‌زاده", "gholizadeh"),
]
ENGLISH_GIVEN = [
    "Emma",
    "Olivia",
    "Sophie",
    "Grace",
    "Hannah",
    "Lucy",
    "Anna",
    "Chloe",
    "James",
    "Oliver",
    "Thomas",
    "Daniel",
    "Samuel",
    "Henry",
    "David",
    "Michael",
    "Peter",
    "Laura",
    "Rachel",
    "Kate",
    "Alice",
    "Alan",
    "Albert",
    "Alexander",
    "Amelia",
    "George",
    "Isabel",
    "Jack",
    "Mark",
    "Ruth",
]
ENGLISH_FAMILY = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Wilson",
    "Evans",
    "Walker",
    "Wright",
    "Green",
    "Hall",
    "Wood",
    "Clarke",
    "Baker",
    "Turner",
    "Hill",
    "Moore",
    "Cooper",
    "Ward",
    "Morris",
    "King",
    "Allen",
    "Adams",
    "Bell",
    "Carter",
    "Foster",
    "Harris",
    "Lewis",
    "Mitchell",
    "Palmer",
    "Young",
]

# Organisations: a kind of business, a name and sometimes a branch; Latin forms make the web domains.
PERSIAN_ORG_KINDS = [
    ("شرکت", ""),
    ("فروشگاه", "shop"),
    ("بازرگانی", "trading"),
    ("گروه صنعتی", "group"),
    ("کلینیک", "clinic"),
    ("آموزشگاه", "academy"),
    ("هتل", "hotel"),
    ("داروخانهٔ", "pharmacy"),
    ("فروشگاه‌های زنجیره‌ای", "stores"),
    ("رستوران", "restaurant"),
]
PERSIAN_ORG_NAMES = [
    ("آرین", "arian"),
    ("نگین", "negin"),
    ("پارس", "pars"),
    ("سپهر", "sepehr"),
    ("نوآوران سبز", "noavaran"),
    ("لبخند", "labkhand"),
    ("افق", "ofogh"),
    ("ستارهٔ شمال", "setareh"),
    ("البرز", "alborz"),
    ("دماوند", "damavand"),
    ("مهرگان", "mehregan"),
    ("آسمان", "aseman"),
    ("کوثر", "kowsar"),
    ("پیشگامان", "pishgaman"),
    ("نیک‌اندیش", "nikandish"),
    ("به‌آفرین", "beh"),
    ("سیمرغ", "simorgh"),
    ("کیمیا", "kimia"),
    ("آفتاب", "aftab"),
    ("رویال", "royal"),
]
PERSIAN_BRANCHES = ["", "", "", " شعبهٔ ونک", " شعبهٔ اصفهان", " شعبهٔ مشهد", " شعبهٔ شیراز", " شعبهٔ تبریز"]
ENGLISH_ORG_FIRST = [
    "Northwind",
    "Blue Harbour",
    "Greenfield",
    "Atlas",
    "Maple",
    "Brightside",
    "Silverline",
    "Redwood",
    "Summit",
    "Oakridge",
    "Crescent",
    "Kingfisher",
    "Harbourview",
    "Westbrook",
]
ENGLISH_ORG_LAST = [
    "Traders",
    "Ltd",
    "Supplies",
    "Logistics",
    "Dental Clinic",
    "Language School",
    "Consulting",
    "Foods",
    "Pharmacy",
    "Engineering",
]

PERSIAN_TITLES = [
    "مدیر فروش",
    "کارشناس خرید",
    "مدیرعامل",
    "مسئول دفتر",
    "حسابدار",
    "مدیر بازرگانی",
    "کارشناس پشتیبانی",
    "مدیر داخلی",
    "مدیر منابع انسانی",
    "کارپرداز",
]
ENGLISH_TITLES = [
    "Purchasing Manager",
    "Office Manager",
    "Chief Executive",
    "Accountant",
    "Sales Director",
    "Operations Manager",
    "Procurement Officer",
    "Customer Relations Lead",
]

EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "chmail.ir", "mail.ir", "hotmail.com"]

PERSIAN_CITIES = [
    ("تهران", "21"),
    ("تهران", "21"),
    ("تهران", "21"),
    ("اصفهان", "31"),
    ("مشهد", "51"),
    ("شیراز", "71"),
    ("تبریز", "41"),
    ("کرج", "26"),
    ("رشت", "13"),
    ("اهواز", "61"),
    ("کرمان", "34"),
]
PERSIAN_STREETS = [
    "خیابان ولیعصر",
    "خیابان انقلاب",
    "بلوار کشاورز",
    "خیابان شریعتی",
    "خیابان آزادی",
    "بلوار میرداماد",
    "خیابان چهارباغ",
    "بلوار وکیل‌آباد",
    "خیابان زند",
    "خیابان فردوسی",
    "خیابان کریم‌خان زند",
    "بلوار فرهنگ",
    "خیابان بهار",
    "خیابان مطهری",
]
PERSIAN_ALLEYS = ["گلستان", "نیلوفر", "یاس", "لاله", "سوم", "هفتم", "دوازدهم", "بهارستان", "صنوبر", "اقاقیا"]
ENGLISH_CITIES = ["London", "Manchester", "Dubai", "Toronto", "Berlin", "Istanbul", "New York"]
ENGLISH_STREETS = [
    "High Street",
    "Station Road",
    "Church Lane",
    "Park Avenue",
    "King Street",
    "Mill Road",
    "Victoria Road",
    "Queen's Drive",
]

PERSIAN_NOTES = [
    "مشتری قدیمی؛ ترجیح می‌دهد عصرها تماس گرفته شود.",
    "برای سفارش‌های عمده تخفیف خواسته است.",
    "نیاز به فاکتور رسمی دارد.",
    "فقط در ساعت اداری تماس گرفته شود.",
    "از طریق نمایشگاه با ما آشنا شد.",
    "در تماس قبلی از تأخیر ارسال گلایه داشت.",
    "پیگیری‌ها را با پیامک می‌خواهد.",
    "پیش از مراجعه تماس می‌گیرد.",
    "شماره‌های قبلی‌اش از کار افتاده است.",
]
ENGLISH_NOTES = [
    "Prefers e-mail over phone.",
    "Visits the branch on Saturdays.",
    "Asked for a quote on bulk orders.",
    "Call only during office hours.",
    "Met us at the trade fair.",
    "Needs an official invoice.",
]
TAGS = [
    "VIP",
    "Wholesale",
    "Partner",
    "Corporate",
    "عمده‌فروش",
    "مشتری ویژه",
    "همکار تجاری",
    "نیازمند پیگیری",
    "خرید اقساطی",
]

REFERRALS = [
    ("word_of_mouth", 30),
    ("social_media", 20),
    ("advertising", 12),
    ("website", 12),
    ("passing_by", 9),
    ("returning", 8),
    ("other", 3),
    ("", 6),
]
SEGMENT_WEIGHTS = [("loyal_profitable", 25), ("loyal_unprofitable", 25), ("profitable_not_loyal", 20), ("neither", 30)]
# Why customers leave (seed 002): 68% staff indifference, 14% product, 9% competitors, 5% relationships, 3% moved.
LOST_WEIGHTS = {
    "Staff indifference": 68,
    "Product": 14,
    "Competitor": 9,
    "Relationship elsewhere": 5,
    "Moved": 3,
    "Other": 1,
}

ORGANISATION_UNITS = 0.10  # an organisation and its 1-4 contacts per unit: about 8% of customers
LOST_SHARE = 0.06
SEGMENT_SHARE = 0.40
DUPLICATE_EVERY = 100  # one near-duplicate in a hundred customers

_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def arabic_letters(text: str) -> str:
    """Persian ی and ک typed as the Arabic ي and ك (an Arabic keyboard layout)."""
    return text.replace("ی", "ي").replace("ک", "ك")


class Generator:
    """Makes customers one after another; the same seed makes the same people."""

    def __init__(
        self,
        rng: random.Random,
        now: datetime,
        staff_ids: list[int],
        lost_reasons: dict[str, int],
        tag_order: dict[str, int],
        first_id: int,
    ):
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
        from ..customers import sort_name

        key = (kind, given, family, organisation)
        value = self._sort_names.get(key)
        if value is None:
            value = self._sort_names[key] = sort_name(
                {"kind": kind, "given_name": given, "family_name": family, "organisation": organisation}
            )
        return value

    def _person_phones(self, persian: bool) -> list[list[str]]:
        rng = self.rng
        first = iran_mobile(rng) if persian or rng.random() < 0.3 else international(rng)
        phones = [["mobile", first]]
        extra = rng.random()
        if extra < 0.35:
            phones.append(["home", iran_landline(rng) if persian else international(rng)])
        if extra < 0.10 or extra > 0.85:
            phones.append(
                [
                    "work",
                    iran_landline(rng)
                    if persian and rng.random() < 0.7
                    else (iran_mobile(rng) if persian else international(rng)),
                ]
            )
        return phones

    def _emails(self, latin: list[str], persian: bool) -> list[str]:
        rng = self.rng
        roll = rng.random()
        count = 0 if roll < 0.35 else 1 if roll < 0.85 else 2
        out: list[str] = []
        for _ in range(count):
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
            text = (
                f"{city}، {rng.choice(PERSIAN_STREETS)}، کوچهٔ {rng.choice(PERSIAN_ALLEYS)}، "
                f"پلاک {str(rng.randint(1, 250)).translate(_FA_DIGITS)}"
            )
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
            "id": self.next_id,
            "kind": kind,
            "given_name": "",
            "family_name": "",
            "organisation": "",
            "organisation_id": None,
            "job_title": "",
            "preferred_language": "fa" if persian else "en",
            "address": self._address(persian),
            "referral_source": _pick(rng, self.referrals),
            "notes": self._notes(persian),
            "status": "active",
            "lost_reason_id": None,
            "lost_at": None,
            "segment": None,
            "segment_manual": False,
            "merged_into_id": None,
            "sort_name": "",
            "created_at": created,
            "created_by_id": author,
            "updated_at": created,
            "updated_by_id": author,
            "version": 1,
        }
        if rng.random() < SEGMENT_SHARE:
            customer["segment"], customer["segment_manual"] = _pick(rng, self.segments), True
        self.next_id += 1
        self.made += 1
        return customer

    def _finish(self, customer: dict, phones, emails, tags, org_name: str = "") -> dict:
        customer["sort_name"] = self._sort_name(
            customer["kind"], customer["given_name"], customer["family_name"], customer["organisation"]
        )
        record = {
            "customer": customer,
            "phones": phones,
            "emails": emails,
            "tags": tags,
            "org_name": org_name,
            "lost": None,
        }
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
            people = [
                p
                for p in people
                if re.search("[یک]", p["record"]["customer"]["given_name"] + p["record"]["customer"]["family_name"])
            ]
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
        organisations = (
            (c["organisation"], record["org_name"]) if c["organisation_id"] is not None else (c["organisation"],)
        )
        notes = c["notes"]
        name_words = self.names.get(names)
        if name_words is None:
            name_words = self.names[names] = search.document(names, (), (), (), "")["names"]
        doc = {"names": name_words}
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
        organisation_words = self.organisations.get(organisations)
        if organisation_words is None:
            organisation_words = self.organisations[organisations] = search.document((), (), (), organisations, "")[
                "organisation"
            ]
        doc["organisation"] = organisation_words
        note_words = self.notes.get(notes)
        if note_words is None:
            note_words = self.notes[notes] = search.document((), (), (), (), notes)["notes"]
        doc["notes"] = note_words
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


def rows_of(records: list[dict], tag_ids: dict[str, int], documents: Documents, postgres: bool) -> dict[str, list]:
    """The rows of some customers, by table, ready for ``bulk_insert``; ``"customer_search"`` holds the documents."""

    def stamp(value: datetime | None):
        # Text on SQLite (as peewee writes it), a timestamp on PostgreSQL.
        if value is None or postgres:
            return value
        return value.isoformat(" ")

    customers, phone_rows, email_rows, tag_rows, docs = [], [], [], [], []
    entries: list[tuple[Any, Any, str, str, str, str | None, str]] = []
    for record in records:
        c = record["customer"]
        cid = c["id"]
        before = _snapshot(c, record)
        entries.append(
            (stamp(c["created_at"]), c["created_by_id"], "create", "customer", str(cid), None, _dumps(before))
        )
        if record["lost"] is not None:
            reason, at, actor = record["lost"]
            c.update(status="lost", lost_reason_id=reason, lost_at=at, updated_at=at, updated_by_id=actor, version=2)
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
    return {
        "customer": customers,
        "phone_number": phone_rows,
        "email_address": email_rows,
        "customer_tag": tag_rows,
        "audit_entry": entries,
        "customer_search": docs,
    }
