import json
import random
import re
from collections import Counter, defaultdict
from datetime import datetime, timedelta

import phonenumbers
import pytest

import main as entry
from helpdesk import (
    accounts,
    audit,
    checklists,
    clock,
    config,
    contacts,
    customers,
    demo,
    followups,
    migrations,
    search,
)
from helpdesk import db as dbmod
from helpdesk import phones as phonesmod
from helpdesk.db import database
from helpdesk.demo import bulk, chance, fill
from helpdesk.demo import history as demo_history
from helpdesk.demo import numbers as demo_numbers
from helpdesk.demo.people import arabic_letters
from helpdesk.models import (
    AuditEntry,
    Contact,
    Customer,
    CustomerTag,
    EmailAddress,
    FollowUp,
    LostReason,
    PhoneNumber,
    Staff,
    Tag,
)
from helpdesk.text import clean_line, clean_text, fold

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
    makers = [demo_numbers.iran_mobile, demo_numbers.iran_landline, demo_numbers.international]
    for make in makers:
        for _ in range(3000):
            number = make(rng)
            parsed = phonenumbers.parse(number, None)
            assert phonenumbers.is_valid_number(parsed), number
            assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == number
            assert phonesmod.parse(number) == number  # what the customer form would store
            # A typing slip made by the near-duplicates is still a valid number, and a different one.
            slip = demo_numbers.swap_digits(number, rng)
            assert slip != number and phonenumbers.is_valid_number(phonenumbers.parse(slip, None)), slip
    assert demo_numbers.iran_mobile(rng).startswith("+989")
    assert demo_numbers.iran_landline(rng, "21").startswith("+9821")


def test_a_year_of_history_has_the_mix_of_a_real_office():
    """The generator on 20,000 customers, without a database: channels, satisfaction, follow-ups."""
    now = datetime(2026, 11, 23, 11, 30)
    rng = chance.Dice()
    rng.seed(4)
    people = [
        demo_history.Person(
            now - timedelta(seconds=rng.randrange(365 * 86400)),
            i + 1,
            rng.random() < 0.75,
            (demo_numbers.iran_mobile(rng),),
            None,
        )
        for i in range(20000)
    ]
    history = demo_history.History(
        rng, now, demo_history._local_days(now), followups.end_of_local_day(now), [1, 2, 3, 4, 5, 6], people
    )
    history.build()
    made = history.contacts
    assert 0.7 <= len(made) / len(people) <= 0.8

    def share(values, value):
        return sum(v == value for v in values) / len(values)

    channels = [c.channel for c in made]
    for channel, expected in (("phone", 0.60), ("walk_in", 0.25), ("email", 0.10), ("other", 0.05)):
        assert abs(share(channels, channel) - expected) <= 0.03, channel
    assert 0.65 <= share([c.direction for c in made if c.channel == "phone"], "inbound") <= 0.75
    satisfaction = [c.satisfaction for c in made]
    for value, expected in (("dissatisfied", 0.15), ("satisfied", 0.60), ("delighted", 0.20), ("not_asked", 0.05)):
        assert abs(share(satisfaction, value) - expected) <= 0.04, value
    assert 0.08 <= len(history.follow_ups) / len(made) <= 0.12
    states = Counter(followups.state(p.due, p.status, now) for p in history.follow_ups)
    assert states["done"] >= 0.9 * len(history.follow_ups)
    assert 0 < states["cancelled"] <= 0.05 * len(history.follow_ups)
    assert 4 <= states["overdue"] <= 0.01 * len(history.follow_ups) + 10
    assert states["due"] >= 2 and states["upcoming"] >= 2


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
    assert (
        AuditEntry.select().where((AuditEntry.table_name == "customer") & (AuditEntry.action == "create")).count()
        == COUNT
    )
    # New customers can still be added after the bulk insert (the id sequence moved on).
    boss = Staff.get(Staff.username == "supervisor")
    new = customers.create(
        boss,
        customers.Draft(given_name="Test", family_name="Person", phones=[("mobile", "0912 000 1122")]),
        confirm_duplicates=True,
    )
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
    texts = [
        t
        for c in people
        if not ARABIC_LETTERS.search(c.given_name + c.family_name)
        for t in (c.given_name, c.family_name, c.organisation, c.job_title, c.address, c.notes)
    ]
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
        return {
            "kind": c.kind,
            "given_name": c.given_name,
            "family_name": c.family_name,
            "organisation": c.organisation,
            "phones": by_customer[c.id],
            "emails": [],
        }

    # Typed with Arabic letters, or without the half-space: same phone, same name once cleaned.
    arabic = [c for c in people.values() if ARABIC_LETTERS.search(c.given_name + c.family_name)]
    spaced = [
        c
        for c in people.values()
        if c.kind == "person"
        and PERSIAN.search(c.family_name)
        and any(
            o.family_name.replace(ZWNJ, "") == c.family_name.replace(" ", "")
            and ZWNJ in o.family_name
            and o.id != c.id
            and owners[by_customer[c.id][0][1]] >= {o.id, c.id}
            for o in people.values()
        )
    ]
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
            if (
                o.id < c.id
                and o.display_name == c.display_name
                and c.kind == "person"
                and one_slip(by_customer[c.id][0][1], by_customer[o.id][0][1])
            ):
                slipped.append((o, c))
    assert slipped
    for original, copy in slipped:
        found = customers.find_duplicates(values(copy), exclude_id=copy.id)
        assert original.id in {d.customer_id for d in found}


def test_audit_trail_holds_the_record_snapshot(demo_db):
    entries = defaultdict(list)
    for audit_entry in AuditEntry.select().where(AuditEntry.table_name == "customer").order_by(AuditEntry.id):
        entries[int(audit_entry.record_id)].append(audit_entry)
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
    # The timeline shows the change of status, among the customer's contacts.
    lost = Customer.select().where(Customer.status == "lost").order_by(Customer.id).first()
    events = customers.timeline(lost.id)
    # (Calm-down sessions and complaints of that customer are on the timeline too.)
    assert [e.kind for e in events if e.kind in ("create", "update", "mark_lost")] == ["mark_lost", "create"]
    assert sorted(e.summary["contact_id"] for e in events if e.kind == "contact") == [
        c.id for c in Contact.select().where(Contact.customer == lost.id).order_by(Contact.id)
    ]


def test_search_index_is_filled_as_reindex_fills_it(demo_db):
    stored = _documents()
    assert set(stored) == {c.id for c in Customer.select()}
    customers.reindex(sorted(stored))
    assert _documents() == stored


def test_directory_search_finds_demo_customers(demo_db):
    persian = next(
        c
        for c in Customer.select().order_by(Customer.id)
        if c.kind == "person" and PERSIAN.search(c.given_name) and not ARABIC_LETTERS.search(c.given_name)
    )
    for size in range(1, len(persian.given_name) + 1):
        q = customers.DirectoryQuery(search=persian.given_name[:size])
        assert customers.count(q) >= 1
    q = customers.DirectoryQuery(search=f"{persian.given_name[:2]} {persian.family_name[:3]}")
    assert persian.id in {r.id for r in customers.page(q, 0, 100)}
    english = next(c for c in Customer.select() if c.kind == "person" and re.match("[A-Z]", c.given_name))
    assert customers.count(customers.DirectoryQuery(search=english.given_name[:3].lower())) >= 1
    # A phone fragment, typed as people type it: national form, Persian digits, spaces.
    mobile = next(n for n in (p.number for p in PhoneNumber.select().order_by(PhoneNumber.id)) if n.startswith("+989"))
    national = "0" + mobile[3:]
    for typed in (
        national[:8],
        national[4:11],
        "۰" + national[1:4].translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")),
        f"{national[:4]} {national[4:7]} {national[7:]}",
        mobile[:9],
    ):
        q = customers.DirectoryQuery(search=typed)
        assert customers.count(q) >= 1, typed
    by_customer = _phones_by_customer()
    q = customers.DirectoryQuery(search=f"{national[:4]} {national[4:7]} {national[7:]}")
    assert any(mobile in [n for _, n in by_customer[r.id]] for r in customers.page(q, 0, 100))


# --- contacts and follow-ups: a year of them ---------------------------------------------


def _contacts() -> list[Contact]:
    return list(Contact.select().order_by(Contact.id))


def _customers_by_id() -> dict[int, Customer]:
    return {c.id: c for c in Customer.select()}


def test_a_year_of_contacts_in_office_hours(demo_db):
    rows = _contacts()
    people = _customers_by_id()
    now = clock.utcnow()
    assert 0.6 * COUNT <= len(rows) <= 0.9 * COUNT  # about 0.75 a customer, callbacks included
    started = [c.started_at for c in rows]
    assert started == sorted(started)  # ids in the order the contacts happened
    assert now - timedelta(days=366) <= min(started) and max(started) <= now
    assert max(started) - min(started) >= timedelta(days=300)
    half_way = now - timedelta(days=183)
    assert sum(s >= half_way for s in started) > sum(s < half_way for s in started)  # recent months busier
    local = [clock.to_local(s) for s in started]
    assert all(8 <= t.hour < 18 for t in local)
    by_weekday = Counter(t.weekday() for t in local)
    assert by_weekday[4] < by_weekday[5] / 4  # Friday, the weekend, against Saturday
    assert {c.channel for c in rows} == set(contacts.CHANNELS)
    assert {c.direction for c in rows} == set(contacts.DIRECTIONS)
    assert {c.outcome for c in rows} == set(contacts.OUTCOMES)
    assert {c.satisfaction for c in rows} == set(contacts.SATISFACTION)
    channels = Counter(c.channel for c in rows)
    assert 0.45 <= channels["phone"] / len(rows) <= 0.75 and 0.12 <= channels["walk_in"] / len(rows) <= 0.38
    calls = [c for c in rows if c.channel == "phone"]
    assert 0.55 <= sum(c.direction == "inbound" for c in calls) / len(calls) <= 0.85
    staff = {s.id for s in Staff.select()}
    assert {c.staff_id for c in rows} <= staff and len({c.staff_id for c in rows}) == len(staff)
    unknown = [c for c in rows if c.customer_id is None]
    assert len(unknown) <= 0.05 * len(rows)
    assert all(c.channel == "phone" and c.direction == "inbound" and c.phone for c in unknown)
    for c in rows:
        if c.customer_id is not None:
            customer = people[c.customer_id]
            assert customer.status != "merged" and customer.created_at <= c.started_at


def test_durations_hold_times_phones_and_checklists(demo_db):
    rows = _contacts()
    numbers = defaultdict(set)
    for p in PhoneNumber.select():
        numbers[p.customer_id].add(p.number)
    checklist = checklists.phone_etiquette()
    items = [i.id for i in checklist.items]
    assert any(c.hold_count for c in rows) and any(c.channel == "phone" and not c.hold_count for c in rows)
    for c in rows:
        assert c.ended_at == c.started_at + timedelta(seconds=c.duration_seconds)
        assert c.ended_at <= c.created_at <= c.ended_at + timedelta(minutes=3)
        assert c.updated_at == c.created_at and c.updated_by_id == c.staff_id and c.version == 1
        assert 0 <= c.hold_seconds <= min(120, c.duration_seconds) and (c.hold_count == 0) == (c.hold_seconds == 0)
        if c.channel == "phone":
            if c.outcome == "no_answer":
                assert c.direction == "outbound" and 15 <= c.duration_seconds < 60 and not c.hold_count
            else:
                assert 60 <= c.duration_seconds <= 15 * 60
            assert phonesmod.parse(c.phone) == c.phone  # E.164
            if c.customer_id is not None:
                assert c.phone in numbers[c.customer_id]
            ticked = json.loads(c.checklist)
            assert c.checklist == json.dumps({"version": checklist.version, "ticked": ticked["ticked"]})
            assert ticked["ticked"] == [i for i in items if i in ticked["ticked"]]
            assert "hold" not in ticked["ticked"] or c.hold_count
        else:
            assert c.phone == "" and c.checklist == "" and c.hold_count == 0
        if c.channel == "walk_in":
            assert c.direction == "inbound" and 5 * 60 <= c.duration_seconds <= 30 * 60
        if c.channel == "email":
            assert c.duration_seconds <= 10 * 60


def test_contact_texts_are_in_the_customers_language_and_searchable(demo_db):
    rows = _contacts()
    people = _customers_by_id()
    persian = [c for c in rows if c.customer_id and people[c.customer_id].preferred_language == "fa"]
    english = [c for c in rows if c.customer_id and people[c.customer_id].preferred_language == "en"]
    assert persian and english
    for c in rows:
        assert c.search_text == fold(" ".join((c.reason, c.notes, c.next_step)))
        # As the contact form stores what was typed.
        assert c.reason == clean_line(c.reason) and c.reason
        assert c.notes == clean_text(c.notes) and c.notes
        assert c.next_step == clean_line(c.next_step)
    for c in persian:
        assert PERSIAN.search(c.reason) and PERSIAN.search(c.notes)
        assert not re.search("[A-Za-z0-9]", c.reason + c.notes + c.next_step)  # Persian digits too
    assert not any(ARABIC_LETTERS.search(c.reason + c.notes + c.next_step) for c in rows)
    assert any(ZWNJ in c.notes for c in persian) and any(re.search("[۰-۹]", c.notes) for c in persian)
    assert not any(PERSIAN.search(c.reason + c.notes + c.next_step) for c in english)
    assert len({c.reason for c in rows}) >= 20 and len({c.notes for c in rows}) >= 0.4 * len(rows)
    assert any(c.next_step for c in rows) and any(not c.next_step for c in rows)


def test_satisfaction_follows_the_outcome(demo_db):
    rows = _contacts()
    share = Counter(c.satisfaction for c in rows)
    assert 0.4 <= share["satisfied"] / len(rows) <= 0.75
    assert 0.07 <= share["dissatisfied"] / len(rows) <= 0.25
    assert 0.1 <= share["delighted"] / len(rows) <= 0.35
    assert share["not_asked"] <= 0.12 * len(rows)

    def unhappy(outcomes):
        chosen = [c for c in rows if c.outcome in outcomes]
        return sum(c.satisfaction == "dissatisfied" for c in chosen) / len(chosen)

    assert unhappy({"complaint", "follow_up_needed"}) > 3 * unhappy({"resolved", "information_given"})
    assert all(c.satisfaction == "not_asked" for c in rows if c.outcome == "no_answer")


def test_follow_ups_are_promised_kept_cancelled_and_some_overdue(demo_db):
    rows = {c.id: c for c in _contacts()}
    people = _customers_by_id()
    promises = list(FollowUp.select().order_by(FollowUp.id))
    now = clock.utcnow()
    assert 0.05 * len(rows) <= len(promises) <= 0.2 * len(rows)
    states = Counter(followups.state(f.due_at, f.status, now) for f in promises)
    assert states["overdue"] >= 3 and states["done"] > states["overdue"] and states["cancelled"] >= 1
    assert states["due"] + states["upcoming"] >= 2
    assert {f.kind for f in promises} == set(followups.KINDS)
    assert [f.contact.created_at for f in promises] == sorted(f.contact.created_at for f in promises)
    staff = {s.id for s in Staff.select()}
    for f in promises:
        made_in = rows[f.contact_id]
        assert f.customer_id == made_in.customer_id and made_in.follow_ups.count() == 1
        assert timedelta(hours=1) <= f.due_at - made_in.ended_at <= timedelta(days=5)
        assert f.created_at == made_in.created_at and (f.updated_at == f.created_at or f.status != "open")
        assert f.created_by_id == made_in.staff_id and f.assignee_id in staff
        language = people[f.customer_id].preferred_language
        assert f.promise == f.promise.strip() and bool(PERSIAN.search(f.promise)) == (language == "fa")
        if f.status == "done":
            done = rows[f.done_contact_id]
            assert done.customer_id == f.customer_id and done.direction == "outbound"
            assert done.channel == "phone" if f.kind == "callback" else done.channel in ("phone", "email")
            assert done.started_at > made_in.created_at and done.outcome in ("resolved", "information_given")
            assert f.done_at == done.created_at == f.updated_at <= now and f.done_by_id == done.staff_id
            assert done.reason.startswith(("تماس برگشتی: ", "Callback: ", "پیگیری: ", "Follow-up: "))
        else:
            assert f.done_at is None and f.done_by_id is None and f.done_contact_id is None
    promised_in = Counter(rows[f.contact_id].outcome for f in promises)
    assert promised_in.most_common(1)[0][0] == "follow_up_needed"
    # The follow-up queue shows the overdue ones first.
    queue = followups.queue(now=now)
    assert queue and queue[0].state == "overdue"
    assert followups.counts(now=now)["overdue"] == states["overdue"]


def test_contacts_and_follow_ups_have_their_audit_trail(demo_db):
    trails = defaultdict(list)
    for entry_ in (
        AuditEntry.select().where(AuditEntry.table_name.in_(["contact", "follow_up"])).order_by(AuditEntry.id)
    ):
        trails[(entry_.table_name, int(entry_.record_id))].append(entry_)
    rows = _contacts()
    assert {k for k in trails if k[0] == "contact"} == {("contact", c.id) for c in rows}
    for c in rows:
        [create] = trails[("contact", c.id)]
        assert (create.action, create.before, create.at, create.actor_id) == ("create", None, c.created_at, c.staff_id)
        assert json.loads(create.after) == audit.snapshot(c)
    promises = list(FollowUp.select())
    assert {k for k in trails if k[0] == "follow_up"} == {("follow_up", f.id) for f in promises}
    for f in promises:
        trail = trails[("follow_up", f.id)]
        made = json.loads(trail[0].after)
        assert trail[0].action == "create" and trail[0].before is None and trail[0].at == f.created_at
        assert made["status"] == "open" and made["done_contact_id"] is None
        assert made == {
            **audit.snapshot(f),
            "status": "open",
            "done_at": None,
            "done_by_id": None,
            "done_contact_id": None,
            "updated_at": made["created_at"],
            "version": 1,
        }
        if f.status == "open":
            assert len(trail) == 1
        else:
            (action,) = [e.action for e in trail[1:]]
            assert action == {"done": "complete", "cancelled": "cancel"}[f.status]
            assert json.loads(trail[1].before) == made and json.loads(trail[1].after) == audit.snapshot(f)
            assert trail[1].at == f.updated_at
            if f.status == "done":
                assert trail[1].actor_id == f.done_by_id


def test_the_call_log_counts_and_finds_demo_contacts(demo_db):
    rows = _contacts()
    assert contacts.log_count(contacts.LogQuery()) == len(rows) == Contact.select().count()
    assert contacts.log_count(contacts.LogQuery(channel="walk_in")) == sum(c.channel == "walk_in" for c in rows)
    persian = next(c for c in reversed(rows) if PERSIAN.search(c.notes) and ZWNJ in c.notes)
    word = next(w.strip(".،؛") for w in persian.notes.split() if ZWNJ in w)
    for typed in (word, arabic_letters(word)):  # typed on an Arabic keyboard, found all the same
        found = contacts.log_page(contacts.LogQuery(search=typed), 0, len(rows))
        assert persian.id in {r.id for r in found}, typed
        assert contacts.log_count(contacts.LogQuery(search=typed)) == len(found)
    english = next(c for c in rows if re.match("[A-Z]", c.notes))
    word = max(re.findall("[A-Za-z]+", english.notes), key=len)
    assert english.id in {r.id for r in contacts.log_page(contacts.LogQuery(search=word.upper()), 0, len(rows))}
    # A customer's contacts: in the log filtered by customer, and on the customer's timeline.
    busiest, calls = Counter(c.customer_id for c in rows if c.customer_id).most_common(1)[0]
    theirs = {c.id for c in rows if c.customer_id == busiest}
    assert calls >= 2 and contacts.log_count(contacts.LogQuery(customer_id=busiest)) == calls
    assert {e.summary["contact_id"] for e in customers.timeline(busiest) if e.kind == "contact"} == theirs
    newest = contacts.log_page(contacts.LogQuery(), 0, 5)
    assert [r.id for r in newest] == [c.id for c in sorted(rows, key=lambda c: (c.started_at, c.id))[-5:][::-1]]


# --- same seed, same people -------------------------------------------------------------


def _people(target):
    migrations.open_and_migrate(target)
    try:
        by_customer = _phones_by_customer()
        return [
            (
                c.display_name,
                c.kind,
                c.status,
                c.segment,
                c.organisation_id_id,
                tuple(by_customer[c.id]),
                tuple(e.address for e in c.emails.order_by(EmailAddress.position)),
            )
            for c in Customer.select().order_by(Customer.id)
        ]
    finally:
        dbmod.close()


def test_same_seed_gives_the_same_people(tmp_path, capsys, db_target):
    _run_demo(db_target, capsys, customers=50, seed=11)
    first = _people(db_target)
    other = str(tmp_path / "other.sqlite")
    _run_demo(other, capsys, customers=50, seed=11)
    assert _people(other) == first


def _history(target):
    migrations.open_and_migrate(target)
    try:
        return (
            list(Contact.select().order_by(Contact.id).tuples()),
            list(FollowUp.select().order_by(FollowUp.id).tuples()),
            [
                (a.action, a.table_name, a.record_id, a.at, a.actor_id, a.before, a.after)
                for a in AuditEntry.select()
                .where(AuditEntry.table_name.in_(["contact", "follow_up"]))
                .order_by(AuditEntry.id)
            ],
        )
    finally:
        dbmod.close()


def test_same_seed_gives_the_same_contacts_and_follow_ups(tmp_path, capsys, db_target, monkeypatch):
    moment = datetime(2026, 3, 1, 9, 30)
    monkeypatch.setattr(fill, "utcnow", lambda: moment)
    _run_demo(db_target, capsys, customers=120, seed=11)
    first = _history(db_target)
    assert first[0] and first[1] and first[2]
    assert max(c[bulk.CONTACT_COLUMNS.index("started_at")] for c in first[0]) <= moment
    _run_demo(str(tmp_path / "other.sqlite"), capsys, customers=120, seed=11)
    assert _history(str(tmp_path / "other.sqlite")) == first
    _run_demo(str(tmp_path / "third.sqlite"), capsys, customers=120, seed=12)
    assert _history(str(tmp_path / "third.sqlite"))[0] != first[0]


def test_a_second_process_makes_the_same_customers(tmp_path, db_target, monkeypatch):
    """Large demos make their rows in a second process and build the indexes after the rows;
    the data, and the indexes, are the same as made in one."""
    moment = datetime(2026, 3, 1, 9, 30)
    monkeypatch.setattr(fill, "utcnow", lambda: moment)
    results, indexes = [], []
    for target, parallel in ((str(tmp_path / "serial.sqlite"), False), (db_target, True)):
        dbmod.close()
        migrations.open_and_migrate(target)
        try:
            before = bulk._secondary_indexes(list(bulk.TABLE_COLUMNS))
            demo.generate(260, seed=5, parallel=parallel)
            assert bulk._secondary_indexes(list(bulk.TABLE_COLUMNS)) == before
            indexes.append(before)
            results.append(
                (
                    [
                        tuple(str(v) if isinstance(v, datetime) else int(v) if isinstance(v, bool) else v for v in r)
                        for r in database.execute_sql(
                            "SELECT " + ", ".join(bulk.CUSTOMER_COLUMNS) + " FROM customer ORDER BY id"
                        ).fetchall()
                    ],
                    [
                        (p.customer_id, p.label, p.number, p.position)
                        for p in PhoneNumber.select().order_by(PhoneNumber.id)
                    ],
                    [(e.customer_id, e.address) for e in EmailAddress.select().order_by(EmailAddress.id)],
                    sorted((t.customer_id, t.tag.name) for t in CustomerTag.select()),
                    [
                        (a.action, a.table_name, a.record_id, a.before, a.after)
                        for a in AuditEntry.select().where(AuditEntry.table_name != "staff").order_by(AuditEntry.id)
                    ],
                    sorted(_documents()),
                    list(Contact.select().order_by(Contact.id).tuples()),
                    list(FollowUp.select().order_by(FollowUp.id).tuples()),
                )
            )
            if not search.is_postgres(database.obj):
                assert (
                    database.execute_sql("SELECT v FROM customer_search_config WHERE k = 'automerge'").fetchone()[0]
                    == 4
                )
            boss = Staff.get(Staff.username == "supervisor")
            assert (
                customers.create(boss, customers.Draft(given_name="New", family_name="One"), confirm_duplicates=True).id
                == 261
            )
            # New contacts and follow-ups get fresh ids (on PostgreSQL: the sequences were moved on).
            call = contacts.create(
                boss,
                contacts.ContactDraft(
                    customer_id=261,
                    started_at=moment,
                    ended_at=moment + timedelta(minutes=3),
                    reason="New",
                    outcome="follow_up_needed",
                    satisfaction="satisfied",
                    follow_up=contacts.FollowUpDraft(
                        due_at=moment + timedelta(days=1), assignee_id=boss.id, promise="Call back"
                    ),
                ),
            )
            assert (
                call.id == Contact.select().count()
                and FollowUp.select().count() == FollowUp.get(FollowUp.contact == call.id).id
            )
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


def test_a_failed_demo_leaves_no_half_written_data(db_target, monkeypatch):
    """The load is one transaction (on SQLite with a rollback journal while it runs): all or nothing."""

    def broken(self):
        raise RuntimeError("the history could not be made")

    monkeypatch.setattr(demo_history.History, "build", broken)
    migrations.open_and_migrate(db_target)
    try:
        with pytest.raises(RuntimeError):
            demo.generate(50, seed=1, parallel=False)
        assert Customer.select().count() == 0 and Contact.select().count() == 0
        assert AuditEntry.select().where(AuditEntry.table_name != "staff").count() == 0
        if not search.is_postgres(database.obj):
            assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
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
    assert (
        customers.count(customers.DirectoryQuery(search="م", status="lost"))
        == customers._filtered(customers.DirectoryQuery(search="م", status="lost")).count()
    )
