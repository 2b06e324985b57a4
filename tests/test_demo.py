import json
import random
import re
from collections import Counter, defaultdict
from datetime import datetime

import phonenumbers
import pytest

import main as entry
from helpdesk import accounts, config, customers, db as dbmod, demo, migrations, phones as phonesmod, search
from helpdesk.db import database
from helpdesk.models import AuditEntry, Customer, CustomerTag, EmailAddress, LostReason, PhoneNumber, Staff, Tag

PERSIAN = re.compile(r"[\u0600-\u06FF]")
ARABIC_LETTERS = re.compile("[يك]")
ZWNJ = "\u200c"
COUNT = 300


def _run_demo(db_target, capsys, customers=COUNT, seed=3):
    dbmod.close()
    code = entry.main(["demo", "--db", db_target, "--customers", str(customers), "--seed", str(seed)])
    out = capsys.readouterr().out
    dbmod.close()
    return code, out


@pytest.fixture
def demo_db(db_target, capsys):
    """A database filled by ``main.py demo`` with 300 customers; yields the printed accounts."""
    code, out = _run_demo(db_target, capsys)
    assert code == 0
    printed = re.findall(r"^\s+(\S+)\s+(demo-\S+)\s+(staff|supervisor)$", out, re.MULTILINE)
    migrations.open_and_migrate(db_target)
    yield printed
    dbmod.close()


def _phones_by_customer() -> dict[int, list[tuple[str, str]]]:
    out = defaultdict(list)
    for p in PhoneNumber.select().order_by(PhoneNumber.customer, PhoneNumber.position):
        out[p.customer_id].append((p.label, p.number))
    return out


def _documents() -> dict[int, object]:
    if search.is_postgres(database.obj):
        sql = "SELECT customer_id, document::text FROM customer_search"
    else:
        sql = "SELECT rowid, " + ", ".join(search.COLUMNS) + " FROM customer_search"
    return {row[0]: row[1:] for row in database.execute_sql(sql).fetchall()}


# --- the generator on its own ------------------------------------------------------

def test_every_generated_phone_number_is_valid_e164():
    rng = random.Random(7)
    makers = [demo.iran_mobile, demo.iran_landline, demo.international]
    for make in makers:
        for _ in range(3000):
            number = make(rng)
            parsed = phonenumbers.parse(number, None)
            assert phonenumbers.is_valid_number(parsed), number
            assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == number
            assert phonesmod.parse(number) == number  # what the customer form would store
            # A typing slip made by the near-duplicates is still a valid number, and a different one.
            slip = demo.swap_digits(number, rng)
            assert slip != number and phonenumbers.is_valid_number(phonenumbers.parse(slip, None)), slip
    assert demo.iran_mobile(rng).startswith("+989") and demo.iran_landline(rng, "21").startswith("+9821")


# --- what a demo database holds ------------------------------------------------------

def test_demo_fills_a_new_database_and_prints_working_accounts(demo_db):
    printed = demo_db
    assert len(printed) == 6 and {role for _, _, role in printed} == {"staff", "supervisor"}
    for username, password, role in printed:
        assert accounts.authenticate(username, password).role == role
    assert Customer.select().count() == COUNT
    names = [c.display_name for c in Customer.select()]
    assert any(PERSIAN.search(n) for n in names) and any(re.search(r"[A-Za-z]", n) for n in names)
    # A year of history, each customer created by a demo account and audited.
    created = sorted(c.created_at for c in Customer.select())
    assert (created[-1] - created[0]).days > 300
    staff_ids = {s.id for s in Staff.select()}
    assert {c.created_by_id for c in Customer.select()} <= staff_ids
    assert AuditEntry.select().where((AuditEntry.table_name == "customer") & (AuditEntry.action == "create")).count() \
        == COUNT
    # New customers can still be added after the bulk insert (the id sequence moved on).
    boss = Staff.get(Staff.username == "supervisor")
    new = customers.create(boss, customers.Draft(given_name="Test", family_name="Person",
                                                 phones=[("mobile", "0912 000 1122")]), confirm_duplicates=True)
    assert new.id == COUNT + 1
    assert Customer.create(given_name="Plain").id == COUNT + 2


def test_phones_are_valid_e164_with_labels(demo_db):
    by_customer = _phones_by_customer()
    assert set(by_customer) == {c.id for c in Customer.select()}  # everyone has a phone
    assert all(1 <= len(p) <= 3 for p in by_customer.values())
    assert max(len(p) for p in by_customer.values()) > 1
    numbers = [n for p in by_customer.values() for _, n in p]
    for number in numbers:
        assert re.fullmatch(r"\+[1-9]\d{7,14}", number)
        assert phonenumbers.is_valid_number(phonenumbers.parse(number, None)), number
    labels = Counter(label for p in by_customer.values() for label, _ in p)
    assert {"mobile", "home", "work"} <= set(labels) <= set(customers.PHONE_LABELS)
    assert any(n.startswith(("+98912", "+98935", "+98919")) for n in numbers)
    assert any(n.startswith("+9821") for n in numbers)  # Tehran landlines
    assert any(not n.startswith("+98") for n in numbers)  # and some abroad
    # Positions run 0, 1, 2 for each customer.
    for customer_id, positions in Counter(p.customer_id for p in PhoneNumber.select()).items():
        got = sorted(p.position for p in PhoneNumber.select().where(PhoneNumber.customer == customer_id))
        assert got == list(range(positions))


def test_emails_addresses_tags_referrals_notes(demo_db):
    emails = Counter(e.customer_id for e in EmailAddress.select())
    assert max(emails.values()) == 2 and len(emails) < COUNT  # 0-2 each
    for address in EmailAddress.select():
        assert customers.check_email(address.address) == address.address
    people = list(Customer.select())
    assert all(c.referral_source in customers.REFERRAL_SOURCES + ("",) for c in people)
    assert len({c.referral_source for c in people}) >= 5
    assert {c.preferred_language for c in people} == {"fa", "en"}
    persian_addresses = [c.address for c in people if c.preferred_language == "fa" and c.address]
    assert persian_addresses and all(PERSIAN.search(a) for a in persian_addresses)
    assert any(c.notes for c in people) and any(not c.notes for c in people)
    tags = {t.name for t in Tag.select().join(CustomerTag).distinct()}
    assert any(PERSIAN.search(t) for t in tags) and any(re.search("[A-Za-z]", t) for t in tags)
    assert "VIP" in {t.name for t in Tag.select()} and "عمده‌فروش" in {t.name for t in Tag.select()}


def test_organisations_have_contact_persons(demo_db):
    organisations = list(Customer.select().where(Customer.kind == "organisation"))
    assert 0.04 * COUNT <= len(organisations) <= 0.14 * COUNT  # about 8%
    titles = []
    for org in organisations:
        assert org.organisation and not org.given_name and not org.family_name
        contacts = customers.contact_persons(org.id)
        assert 1 <= len(contacts) <= 4
        for person in contacts:
            assert person.kind == "person" and person.job_title
            titles.append(person.job_title)
    assert any(PERSIAN.search(t) for t in titles) and any(re.search("[A-Za-z]", t) for t in titles)
    # A contact person appears in the directory with the organisation's name.
    person = customers.contact_persons(organisations[0].id)[0]
    rows = customers.page(customers.DirectoryQuery(search=person.given_name), 0, 1000)
    assert next(r for r in rows if r.id == person.id).organisation == organisations[0].organisation


def test_lost_customers_segments_and_sort_names(demo_db):
    people = list(Customer.select())
    lost = [c for c in people if c.status == "lost"]
    assert 0.02 * COUNT <= len(lost) <= 0.12 * COUNT  # about 6%
    assert {c.status for c in people} == {"active", "lost"}
    reasons = {r.id for r in LostReason.select()}
    for c in lost:
        assert c.lost_reason_id in reasons and c.created_at <= c.lost_at <= c.updated_at
    assert all(c.lost_reason_id is None and c.lost_at is None for c in people if c.status == "active")
    assert {r for r, n in customers.lost_counts() if n} and sum(n for _, n in customers.lost_counts()) == len(lost)
    segmented = [c for c in people if c.segment]
    assert 0.25 * COUNT <= len(segmented) <= 0.55 * COUNT  # about 40%
    assert all(c.segment in customers.SEGMENTS and c.segment_manual for c in segmented)
    assert not any(c.segment_manual for c in people if not c.segment)
    for c in people:
        assert c.sort_name == customers.sort_name(c.__data__)


def test_persian_is_written_with_persian_letters_and_half_spaces(demo_db):
    people = list(Customer.select())
    texts = [t for c in people if not ARABIC_LETTERS.search(c.given_name + c.family_name)
             for t in (c.given_name, c.family_name, c.organisation, c.job_title, c.address, c.notes)]
    assert not any(ARABIC_LETTERS.search(t) for t in texts)
    assert any(ZWNJ in t for t in texts)  # نیک‌نام، می‌دهد، سفارش‌های ...
    assert not any(re.search(f"^{ZWNJ}|{ZWNJ}$| {ZWNJ}|{ZWNJ} ", t) for t in texts)
    # Only the deliberate near-duplicates (about 1%) carry Arabic letters.
    arabic = [c for c in people if ARABIC_LETTERS.search(c.given_name + c.family_name)]
    assert 1 <= len(arabic) <= 0.02 * COUNT


def test_near_duplicates_are_found_as_duplicates(demo_db):
    people = {c.id: c for c in Customer.select()}
    by_customer = _phones_by_customer()
    owners = defaultdict(set)
    for customer_id, numbers in by_customer.items():
        for _, number in numbers:
            owners[number].add(customer_id)

    def values(c):
        return {"kind": c.kind, "given_name": c.given_name, "family_name": c.family_name,
                "organisation": c.organisation, "phones": by_customer[c.id], "emails": []}

    # Typed with Arabic letters, or without the half-space: same phone, same name once cleaned.
    arabic = [c for c in people.values() if ARABIC_LETTERS.search(c.given_name + c.family_name)]
    spaced = [c for c in people.values() if c.kind == "person" and PERSIAN.search(c.family_name)
              and any(o.family_name.replace(ZWNJ, "") == c.family_name.replace(" ", "") and ZWNJ in o.family_name
                      and o.id != c.id and owners[by_customer[c.id][0][1]] >= {o.id, c.id}
                      for o in people.values())]
    assert arabic and spaced
    for c in arabic + spaced:
        twins = owners[by_customer[c.id][0][1]] - {c.id}
        assert len(twins) == 1
        twin = people[twins.pop()]
        assert twin.sort_name == c.sort_name or twin.family_name.replace(ZWNJ, "") == c.family_name.replace(" ", "")
        found = customers.find_duplicates(values(c), exclude_id=c.id)
        assert twin.id in {d.customer_id for d in found}

    # Two digits swapped in the phone: same name, numbers one slip apart, found by the name.
    def one_slip(a, b):
        if len(a) != len(b):
            return False
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]

    slipped = []
    for c in people.values():
        for o in people.values():
            if o.id < c.id and o.display_name == c.display_name and c.kind == "person" and \
                    one_slip(by_customer[c.id][0][1], by_customer[o.id][0][1]):
                slipped.append((o, c))
    assert slipped
    for original, copy in slipped:
        found = customers.find_duplicates(values(copy), exclude_id=copy.id)
        assert original.id in {d.customer_id for d in found}


def test_audit_trail_holds_the_record_snapshot(demo_db):
    entries = defaultdict(list)
    for entry in AuditEntry.select().where(AuditEntry.table_name == "customer").order_by(AuditEntry.id):
        entries[int(entry.record_id)].append(entry)
    assert set(entries) == {c.id for c in Customer.select()}
    for customer_id, trail in entries.items():
        record = customers.get(customer_id)
        snapshot = record.snapshot()
        create = trail[0]
        assert create.action == "create" and create.before is None
        created = json.loads(create.after)
        assert set(created) == set(snapshot)
        assert created["phones"] == snapshot["phones"] and created["emails"] == snapshot["emails"]
        assert created["tags"] == snapshot["tags"]
        if record.customer.status == "lost":
            assert [e.action for e in trail] == ["create", "mark_lost"]
            assert json.loads(trail[1].before) == created
            assert json.loads(trail[1].after) == snapshot
            assert created["status"] == "active" and snapshot["version"] == 2
            assert trail[1].at == record.customer.lost_at
        else:
            assert [e.action for e in trail] == ["create"]
            assert created == snapshot
            assert create.at == record.customer.created_at
    # The timeline shows the change of status.
    lost = Customer.get(Customer.status == "lost")
    assert [e.kind for e in customers.timeline(lost.id)] == ["mark_lost", "create"]


def test_search_index_is_filled_as_reindex_fills_it(demo_db):
    stored = _documents()
    assert set(stored) == {c.id for c in Customer.select()}
    customers.reindex(sorted(stored))
    assert _documents() == stored


def test_directory_search_finds_demo_customers(demo_db):
    persian = next(c for c in Customer.select().order_by(Customer.id)
                   if c.kind == "person" and PERSIAN.search(c.given_name) and not ARABIC_LETTERS.search(c.given_name))
    for size in range(1, len(persian.given_name) + 1):
        q = customers.DirectoryQuery(search=persian.given_name[:size])
        assert customers.count(q) >= 1
    q = customers.DirectoryQuery(search=f"{persian.given_name[:2]} {persian.family_name[:3]}")
    assert persian.id in {r.id for r in customers.page(q, 0, 100)}
    english = next(c for c in Customer.select() if c.kind == "person" and re.match("[A-Z]", c.given_name))
    assert customers.count(customers.DirectoryQuery(search=english.given_name[:3].lower())) >= 1
    # A phone fragment, typed as people type it: national form, Persian digits, spaces.
    mobile = next(n for n in (p.number for p in PhoneNumber.select().order_by(PhoneNumber.id))
                  if n.startswith("+989"))
    national = "0" + mobile[3:]
    for typed in (national[:8], national[4:11], "۰" + national[1:4].translate(str.maketrans("0123456789",
                                                                                                "۰۱۲۳۴۵۶۷۸۹")),
                  f"{national[:4]} {national[4:7]} {national[7:]}", mobile[:9]):
        q = customers.DirectoryQuery(search=typed)
        assert customers.count(q) >= 1, typed
    by_customer = _phones_by_customer()
    q = customers.DirectoryQuery(search=f"{national[:4]} {national[4:7]} {national[7:]}")
    assert any(mobile in [n for _, n in by_customer[r.id]] for r in customers.page(q, 0, 100))


# --- same seed, same people -------------------------------------------------------------

def _people(target):
    migrations.open_and_migrate(target)
    try:
        by_customer = _phones_by_customer()
        return [(c.display_name, c.kind, c.status, c.segment, c.organisation_id_id, tuple(by_customer[c.id]),
                 tuple(e.address for e in c.emails.order_by(EmailAddress.position)))
                for c in Customer.select().order_by(Customer.id)]
    finally:
        dbmod.close()


def test_same_seed_gives_the_same_people(tmp_path, capsys, db_target):
    _run_demo(db_target, capsys, customers=50, seed=11)
    first = _people(db_target)
    other = str(tmp_path / "other.sqlite")
    _run_demo(other, capsys, customers=50, seed=11)
    assert _people(other) == first


def test_a_second_process_makes_the_same_customers(tmp_path, db_target, monkeypatch):
    """Large demos make their rows in a second process and build the indexes after the rows;
    the data, and the indexes, are the same as made in one."""
    moment = datetime(2026, 3, 1, 9, 30)
    monkeypatch.setattr(demo, "utcnow", lambda: moment)
    results, indexes = [], []
    for target, parallel in ((str(tmp_path / "serial.sqlite"), False), (db_target, True)):
        dbmod.close()
        migrations.open_and_migrate(target)
        try:
            before = demo._secondary_indexes(list(demo.TABLE_COLUMNS))
            demo.generate(260, seed=5, parallel=parallel)
            assert demo._secondary_indexes(list(demo.TABLE_COLUMNS)) == before
            indexes.append(before)
            results.append((
                [tuple(str(v) if isinstance(v, datetime) else int(v) if isinstance(v, bool) else v for v in r)
                 for r in database.execute_sql(
                    "SELECT " + ", ".join(demo.CUSTOMER_COLUMNS) + " FROM customer ORDER BY id").fetchall()],
                [(p.customer_id, p.label, p.number, p.position) for p in PhoneNumber.select().order_by(PhoneNumber.id)],
                [(e.customer_id, e.address) for e in EmailAddress.select().order_by(EmailAddress.id)],
                sorted((t.customer_id, t.tag.name) for t in CustomerTag.select()),
                [(a.action, a.record_id, a.before, a.after) for a in AuditEntry.select()
                 .where(AuditEntry.table_name == "customer").order_by(AuditEntry.id)],
                sorted(_documents()),
            ))
            if not search.is_postgres(database.obj):
                assert database.execute_sql("SELECT v FROM customer_search_config WHERE k = 'automerge'") \
                    .fetchone()[0] == 4
            boss = Staff.get(Staff.username == "supervisor")
            assert customers.create(boss, customers.Draft(given_name="New", family_name="One"),
                                    confirm_duplicates=True).id == 261
        finally:
            dbmod.close()
    serial, parallel = results
    assert serial == parallel
    assert len(indexes[1]) >= 10


def test_demo_refuses_a_database_that_has_data(db_target, capsys):
    migrations.open_and_migrate(db_target)
    accounts.create_first_supervisor("boss", "Real Person", "correct horse")
    dbmod.close()
    code = entry.main(["demo", "--db", db_target, "--customers", "10"])
    assert code == 2
    assert "already has accounts" in capsys.readouterr().err
    migrations.open_and_migrate(db_target)
    assert Customer.select().count() == 0 and Staff.select().count() == 1
    dbmod.close()


def test_version_option(capsys):
    with pytest.raises(SystemExit) as info:
        entry.main(["--version"])
    assert info.value.code == 0
    import helpdesk

    assert capsys.readouterr().out.strip() == f"helpdesk {helpdesk.__version__}"


def test_database_is_chosen_by_option_then_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.delenv("HELPDESK_DATABASE", raising=False)
    assert config.resolve_target(None) == str(config.default_database_path())
    monkeypatch.setenv("HELPDESK_DATABASE", "postgresql://desk@server/helpdesk")
    assert config.resolve_target(None) == "postgresql://desk@server/helpdesk"
    assert config.resolve_target(str(tmp_path / "x.sqlite")) == str(tmp_path / "x.sqlite")
    assert config.describe("postgresql://desk:secret@server:5432/helpdesk") == "postgresql://desk@server:5432/helpdesk"


def test_directory_answers_the_same_however_sqlite_finds_them(demo_db, monkeypatch):
    """On demo data: counting on the search index alone, and walking the index of the order,
    give exactly what the plain queries give."""
    texts = ["م", "مر", "a", "al", "ی", "0912", "۰۹۳۵", "+98 21", "info", "شرکت", "zz"]
    for text in texts:
        for sort in ("name", "created", "status", "segment"):
            for descending in (False, True):
                q = customers.DirectoryQuery(search=text, sort=sort, descending=descending)
                assert customers.count(q) == customers._filtered(q).count(), text
                monkeypatch.setattr(customers, "WALK_FROM", 10**9)
                plain = customers.page(q, 0, 40)
                plain_next = customers.page(q, 40, 40, after=plain[-1].key) if plain else []
                monkeypatch.setattr(customers, "WALK_FROM", 1)
                walked = customers.page(q, 0, 40)
                walked_next = customers.page(q, 40, 40, after=walked[-1].key) if walked else []
                assert walked == plain and walked_next == plain_next, (text, sort, descending)
    assert customers.count(customers.DirectoryQuery(search="م", status="lost")) == \
        customers._filtered(customers.DirectoryQuery(search="م", status="lost")).count()
