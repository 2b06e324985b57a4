"""Realistic bilingual demo data: staff accounts and customers with a year of history.

    python main.py demo --db PATH --customers N --seed S

Only an empty database is filled, so demo data never mixes with real records.
Rows are written in large batches inside one transaction, so 200,000 customers
take seconds, not minutes. Later features add their history here.
"""
from __future__ import annotations

import json
import random
import sys
import time
from datetime import datetime, timedelta

from . import accounts, audit
from .clock import utcnow
from .config import describe
from .db import database
from .errors import KnownError
from .migrations import open_and_migrate
from .models import Customer, Staff

BATCH = 1000

# (Persian, Latin transliteration for e-mail addresses)
PERSIAN_GIVEN = [
    ("مریم", "maryam"), ("زهرا", "zahra"), ("فاطمه", "fatemeh"), ("سارا", "sara"), ("نرگس", "narges"),
    ("لیلا", "leila"), ("الهام", "elham"), ("شیرین", "shirin"), ("مهسا", "mahsa"), ("نازنین", "nazanin"),
    ("پریسا", "parisa"), ("سمیرا", "samira"), ("آزاده", "azadeh"), ("کیمیا", "kimia"), ("نیلوفر", "niloufar"),
    ("علی", "ali"), ("محمد", "mohammad"), ("رضا", "reza"), ("حسین", "hossein"), ("مهدی", "mahdi"),
    ("امیر", "amir"), ("کاوه", "kaveh"), ("بابک", "babak"), ("سعید", "saeed"), ("مجید", "majid"),
    ("پژمان", "pejman"), ("کوروش", "kourosh"), ("فرهاد", "farhad"), ("یاسر", "yaser"), ("آرش", "arash"),
]
PERSIAN_FAMILY = [
    ("احمدی", "ahmadi"), ("محمدی", "mohammadi"), ("حسینی", "hosseini"), ("کریمی", "karimi"), ("رضایی", "rezaei"),
    ("موسوی", "mousavi"), ("جعفری", "jafari"), ("صادقی", "sadeghi"), ("کاظمی", "kazemi"), ("رحیمی", "rahimi"),
    ("نوری", "nouri"), ("قاسمی", "ghasemi"), ("طاهری", "taheri"), ("یزدانی", "yazdani"), ("شریفی", "sharifi"),
    ("امینی", "amini"), ("اکبری", "akbari"), ("زارعی", "zarei"), ("بهرامی", "bahrami"), ("فرهادی", "farhadi"),
    ("کیانی", "kiani"), ("عباسی", "abbasi"), ("سلیمانی", "soleimani"), ("نیک‌نام", "niknam"), ("پاک‌نژاد", "paknejad"),
]
ENGLISH_GIVEN = ["Emma", "Olivia", "Sophie", "Grace", "Hannah", "Lucy", "Anna", "Chloe", "James", "Oliver",
                 "Thomas", "Daniel", "Samuel", "Henry", "David", "Michael", "Peter", "Laura", "Rachel", "Kate"]
ENGLISH_FAMILY = ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright", "Green", "Hall",
                  "Wood", "Clarke", "Baker", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King"]
PERSIAN_ORGS = ["شرکت آرین پخش", "فروشگاه‌های زنجیره‌ای نگین", "بازرگانی پارس", "گروه صنعتی سپهر",
                "شرکت نوآوران سبز", "کلینیک دندان‌پزشکی لبخند", "آموزشگاه زبان افق", "هتل ستاره شمال"]
ENGLISH_ORGS = ["Northwind Traders", "Blue Harbour Ltd", "Greenfield Supplies", "Atlas Logistics",
                "Maple Dental Clinic", "Brightside Language School"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "chmail.ir", "mail.ir"]
NOTE_SNIPPETS = [
    "", "", "", "مشتری قدیمی؛ ترجیح می‌دهد عصرها تماس گرفته شود.", "Prefers e-mail over phone.",
    "برای سفارش‌های عمده تخفیف خواسته است.", "Visits the branch on Saturdays.", "نیاز به فاکتور رسمی دارد.",
]

DEMO_STAFF = [
    ("supervisor", "مهناز صالحی", "supervisor"),
    ("manager2", "Daniel Walker", "supervisor"),
    ("desk1", "نگار رستمی", "staff"),
    ("desk2", "امید فراهانی", "staff"),
    ("desk3", "Laura Green", "staff"),
    ("desk4", "حمید توکلی", "staff"),
]


def _phone(rng: random.Random) -> str:
    """An E.164 number: mostly Iranian mobiles and landlines, some international."""
    roll = rng.random()
    if roll < 0.70:
        return f"+989{rng.choice('0123')}{rng.randrange(10**8):08d}"
    if roll < 0.90:
        area = rng.choice(["21", "31", "51", "71", "41", "61"])
        return f"+98{area}{rng.randrange(10**8):08d}"
    country, digits = rng.choice([("44", 10), ("1", 10), ("49", 10), ("971", 9), ("90", 10)])
    first = str(rng.randint(2, 9))
    return f"+{country}{first}{rng.randrange(10 ** (digits - 1)):0{digits - 1}d}"


def _customer(rng: random.Random, now: datetime, staff_ids: list[int]) -> dict:
    persian = rng.random() < 0.75
    organisation = rng.random() < 0.1
    if persian:
        (given, given_latin), (family, family_latin) = rng.choice(PERSIAN_GIVEN), rng.choice(PERSIAN_FAMILY)
    else:
        given, family = rng.choice(ENGLISH_GIVEN), rng.choice(ENGLISH_FAMILY)
        given_latin, family_latin = given.lower(), family.lower()
    created = now - timedelta(seconds=rng.randrange(365 * 24 * 3600))
    updated = created + timedelta(seconds=rng.randrange(max(1, int((now - created).total_seconds()))))
    author = rng.choice(staff_ids)
    email = ""
    if rng.random() < 0.6:
        email = f"{given_latin}.{family_latin}{rng.randrange(1000)}@{rng.choice(EMAIL_DOMAINS)}"
    return {
        "kind": "organisation" if organisation else "person",
        "given_name": given,
        "family_name": family,
        "organisation": rng.choice(PERSIAN_ORGS if persian else ENGLISH_ORGS) if organisation else "",
        "phone": _phone(rng),
        "email": email,
        "preferred_language": "fa" if persian else "en",
        "notes": rng.choice(NOTE_SNIPPETS),
        "created_at": created.replace(microsecond=0),
        "created_by": author,
        "updated_at": updated.replace(microsecond=0),
        "updated_by": rng.choice(staff_ids) if updated > created else author,
        "version": 1,
    }


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
    names = ", ".join(columns)
    cursor = database.cursor()
    if _is_postgres():
        from psycopg2.extras import execute_values

        execute_values(cursor, f"INSERT INTO {table} ({names}) VALUES %s", rows, page_size=BATCH)
    else:
        marks = ", ".join("?" * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _stamp(value: datetime):
    """A time as the database stores it: text on SQLite (as peewee writes it), a timestamp on PostgreSQL."""
    return value if _is_postgres() else value.strftime("%Y-%m-%d %H:%M:%S")


CUSTOMER_COLUMNS = ["id", "kind", "given_name", "family_name", "organisation", "phone", "email",
                    "preferred_language", "notes", "created_at", "created_by_id", "updated_at", "updated_by_id",
                    "version"]
AUDIT_COLUMNS = ["at", "actor_id", "action", "table_name", "record_id", "before", "after"]


def create_customers(rng: random.Random, count: int, staff_ids: list[int], now: datetime) -> None:
    """Insert ``count`` customers and the audit entry of each, in batches."""
    next_id = (Customer.select(Customer.id).order_by(Customer.id.desc()).scalar() or 0) + 1
    done = 0
    while done < count:
        size = min(BATCH, count - done)
        customers, entries = [], []
        for offset in range(size):
            row = _customer(rng, now, staff_ids)
            row["id"] = next_id + offset
            created, updated = row["created_at"], row["updated_at"]
            customers.append((row["id"], row["kind"], row["given_name"], row["family_name"], row["organisation"],
                              row["phone"], row["email"], row["preferred_language"], row["notes"], _stamp(created),
                              row["created_by"], _stamp(updated), row["updated_by"], 1))
            after = {**row, "created_at": created.isoformat(), "updated_at": created.isoformat(),
                     "updated_by": row["created_by"]}
            entries.append((_stamp(created), row["created_by"], "create", "customer", str(row["id"]), None,
                            json.dumps(after, ensure_ascii=False, sort_keys=True)))
        bulk_insert("customer", CUSTOMER_COLUMNS, customers)
        bulk_insert("audit_entry", AUDIT_COLUMNS, entries)
        next_id += size
        done += size
    if _is_postgres():
        database.execute_sql("SELECT setval(pg_get_serial_sequence('customer', 'id'), (SELECT MAX(id) FROM customer))")


def generate(customers: int, seed: int) -> list[tuple[Staff, str]]:
    """Fill the bound, empty database. Returns the demo accounts and their passwords."""
    if accounts.has_accounts():
        raise KnownError("the database already has accounts; demo data goes only into a new database")
    rng = random.Random(seed)
    now = utcnow()
    staff = create_staff(rng)
    staff_ids = [s.id for s, _ in staff]
    with database.atomic():
        create_customers(rng, customers, staff_ids, now)
    return staff


def main(target: str, customers: int, seed: int) -> int:
    started = time.perf_counter()
    try:
        open_and_migrate(target)
        staff = generate(customers, seed)
    except KnownError as error:
        print(f"demo: {error.detail or error.code}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(f"Demo data written to {describe(target)} in {elapsed:.1f} s: {customers} customers.")
    print("Demo accounts (user name, password, role):")
    for member, password in staff:
        print(f"  {member.username:<12} {password:<16} {member.role}")
    return 0
