"""The customer service: validation, duplicates, merging, conflicts, status and search."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpdesk import audit
from helpdesk import customers as cs
from helpdesk.errors import NotFound, PermissionDenied
from helpdesk.models import STATUS_LOST, STATUS_MERGED, AuditEntry, Customer, PhoneNumber


def person(**fields) -> cs.Draft:
    base = dict(given_name="Maryam", family_name="Karimi", phones=[("mobile", "09123456789")])
    base.update(fields)
    return cs.Draft(**base)


# --- validation ---------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "۰۹۱۲۳۴۵۶۷۸۹",
        "٠٩١٢٣٤٥٦٧٨٩",
        "0912-345-6789",
        "0912 345 6789",
        "+98 912 345 6789",
        "00989123456789",
        "(0912) 345 6789",
        "9123456789",
    ],
)
def test_phone_forms_are_stored_as_e164(db, staff, typed):
    customer = cs.create(staff, person(phones=[("mobile", typed)]))
    assert [p.number for p in cs.get(customer.id).phones] == ["+989123456789"]


def test_each_problem_is_reported_against_its_field(db, staff):
    draft = cs.Draft(
        given_name="",
        family_name="",
        phones=[("mobile", "12"), ("work", "09123456789")],
        emails=["not an email", "ok@example.com"],
    )
    with pytest.raises(cs.FormErrors) as info:
        cs.create(staff, draft)
    errors = info.value.errors
    assert errors["family_name"].code == "name_required"
    assert errors["phones.0"].code in {"phone_invalid", "phone_characters"}
    assert errors["emails.0"].code == "email_invalid"
    assert "phones.1" not in errors and "emails.1" not in errors
    assert Customer.select().count() == 0


def test_organisation_needs_its_name(db, staff):
    with pytest.raises(cs.FormErrors) as info:
        cs.create(staff, cs.Draft(kind="organisation", organisation="  "))
    assert info.value.errors["organisation"].code == "required"
    org = cs.create(staff, cs.Draft(kind="organisation", organisation="شرکت آرین پخش"))
    contact = cs.create(staff, person(organisation_id=org.id, job_title="مدیر خرید", phones=[]))
    assert [c.id for c in cs.contact_persons(org.id)] == [contact.id]
    assert cs.count(cs.DirectoryQuery(search="آرین")) == 2  # the organisation and its contact person


def test_typed_text_is_cleaned_before_it_is_stored(db, staff):
    customer = cs.create(
        staff,
        person(given_name="\u202eمريم\u202c\x07", family_name="  كريمي  ", phones=[], notes="خط اول\r\nخط دوم\x00"),
    )
    stored = Customer.get_by_id(customer.id)
    assert stored.given_name == "مریم" and stored.family_name == "کریمی"
    assert stored.notes == "خط اول\nخط دوم"


# Text as people paste it: Persian and Arabic digits, half-spaces, controls, direction overrides.
typed_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩\u200c\u202e\u202d\u202c\u2066\u2069\x00\x07\r\n\tيكیک ")),
    ),
    max_size=120,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(given_name=typed_text, family_name=typed_text, phone=typed_text, email=typed_text, notes=typed_text)
def test_any_input_saves_or_is_refused_with_a_reason(db, staff, given_name, family_name, phone, email, notes):
    draft = cs.Draft(
        given_name=given_name, family_name=family_name, phones=[("mobile", phone)], emails=[email], notes=notes
    )
    try:
        customer = cs.create(staff, draft, confirm_duplicates=True)
    except cs.FormErrors as error:
        assert error.errors and all(e.code for e in error.errors.values())
        return
    stored = cs.get(customer.id)
    for text in (stored.customer.given_name, stored.customer.family_name, stored.customer.notes):
        assert "\u202e" not in text and "\x00" not in text and "ي" not in text
    assert all(p.number.startswith("+") for p in stored.phones)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(min_value=0, max_value=99_999_999),
    st.sampled_from(["fa", "ar", "latin"]),
    st.sampled_from(["", " ", "-"]),
    st.sampled_from(["0", "+98", "0098", "+98 "]),
)
def test_any_way_of_typing_a_mobile_number_stores_the_same_e164(db, staff, n, script, separator, prefix):
    digits = f"912{n:08d}"[:10]
    typed = separator.join([digits[:3], digits[3:6], digits[6:]])
    if script == "fa":
        typed = typed.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    elif script == "ar":
        typed = typed.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    values, errors = cs.clean(cs.Draft(given_name="A", phones=[("mobile", prefix + typed)]), "IR")
    assert not errors
    assert values["phones"] == [("mobile", "+98" + digits)]


@settings(max_examples=40, deadline=None)
@given(st.emails())
def test_valid_email_addresses_are_accepted(address):
    values, errors = cs.clean(cs.Draft(given_name="A", emails=[address]), "IR")
    assert "emails.0" not in errors
    assert values["emails"][0].split("@")[0] == address.split("@")[0]


def test_ten_thousand_character_notes_are_kept_whole(db, staff):
    notes = ("یادداشت بلند با نیم‌فاصله و ارقام ۱۲۳ " * 300)[:10_000]
    customer = cs.create(staff, person(notes=notes))
    assert Customer.get_by_id(customer.id).notes == notes.strip()
    with pytest.raises(cs.FormErrors) as info:
        cs.create(staff, person(notes="x" * (cs.NOTES_LIMIT + 1), phones=[]))
    assert info.value.errors["notes"].code == "too_long"


# --- duplicates --------------------------------------------------------------------


def test_shared_phone_email_or_similar_name_is_a_possible_duplicate(db, staff):
    first = cs.create(staff, person(emails=["maryam@example.com"]))
    with pytest.raises(cs.DuplicateWarning) as info:
        cs.create(staff, cs.Draft(given_name="Someone", family_name="Else", phones=[("work", "+98 912 345 6789")]))
    assert [(d.customer_id, d.reason) for d in info.value.duplicates] == [(first.id, "phone")]
    with pytest.raises(cs.DuplicateWarning) as info:
        cs.create(staff, cs.Draft(given_name="Other", family_name="Person", emails=["MARYAM@example.com"]))
    assert info.value.duplicates[0].reason == "email"
    with pytest.raises(cs.DuplicateWarning) as info:
        cs.create(staff, cs.Draft(given_name="Maryan", family_name="Karimi"))
    assert info.value.duplicates[0].reason == "name"
    # Saving anyway is a choice the person makes.
    cs.create(staff, cs.Draft(given_name="Maryan", family_name="Karimi"), confirm_duplicates=True)
    assert Customer.select().count() == 2


def test_arabic_letters_do_not_hide_a_duplicate(db, staff):
    cs.create(staff, cs.Draft(given_name="مریم", family_name="کریمی"))
    with pytest.raises(cs.DuplicateWarning):
        cs.create(staff, cs.Draft(given_name="مريم", family_name="كريمي"))


# --- conflicts -----------------------------------------------------------------------


def test_second_save_of_the_same_version_is_a_conflict_that_says_what_changed(db, staff, supervisor):
    customer = cs.create(staff, person())
    base = cs.get(customer.id).snapshot()  # both desks open the same record
    cs.update(supervisor, customer.id, person(notes="Called about the invoice"), base)
    with pytest.raises(cs.ConflictError) as info:
        cs.update(staff, customer.id, person(family_name="Karimi-Rad"), base)
    changes = {name: (mine, theirs) for name, mine, theirs in info.value.changes}
    assert changes == {"notes": ("", "Called about the invoice")}
    stored = Customer.get_by_id(customer.id)
    assert stored.family_name == "Karimi" and stored.notes == "Called about the invoice"
    # Saving again over what the other desk saved is an explicit choice.
    cs.update(
        staff, customer.id, person(family_name="Karimi-Rad", notes="Called about the invoice"), info.value.current
    )
    assert Customer.get_by_id(customer.id).family_name == "Karimi-Rad"
    assert Customer.get_by_id(customer.id).version == 3


def test_updates_are_audited_with_phones_before_and_after(db, staff):
    customer = cs.create(staff, person())
    cs.update(
        staff,
        customer.id,
        person(phones=[("mobile", "09121111111"), ("home", "02122334455")]),
        cs.get(customer.id).snapshot(),
    )
    entry = audit.history(customer)[-1]
    assert entry.action == "update"
    assert json.loads(entry.before)["phones"] == [["mobile", "+989123456789"]]
    assert json.loads(entry.after)["phones"] == [["mobile", "+989121111111"], ["home", "+982122334455"]]


# --- merge -----------------------------------------------------------------------------


def test_supervisor_merges_two_customers_and_history_follows(db, staff, supervisor):
    keep = cs.create(staff, person(emails=["maryam@example.com"], tags=["VIP"]))
    other = cs.create(
        staff,
        cs.Draft(
            given_name="مریم",
            family_name="کریمی",
            phones=[("home", "02122334455")],
            emails=["m.karimi@example.com"],
            tags=["عمده‌فروش"],
            notes="از شعبه ۲",
        ),
        confirm_duplicates=True,
    )
    with pytest.raises(PermissionDenied):
        cs.merge(staff, keep.id, other.id)
    cs.merge(supervisor, keep.id, other.id)
    merged = cs.get(keep.id)
    assert [p.number for p in merged.phones] == ["+989123456789", "+982122334455"]
    assert [e.address for e in merged.emails] == ["maryam@example.com", "m.karimi@example.com"]
    assert merged.tags == ["VIP", "عمده‌فروش"] or sorted(merged.tags) == sorted(["VIP", "عمده‌فروش"])
    assert "از شعبه ۲" in merged.customer.notes
    gone = Customer.get_by_id(other.id)
    assert gone.status == STATUS_MERGED and gone.merged_into_id == keep.id
    assert PhoneNumber.select().where(PhoneNumber.customer == other.id).count() == 0
    # The merged customer leaves the directory and the search; the survivor is found by its details.
    assert cs.count(cs.DirectoryQuery()) == 1
    assert cs.count(cs.DirectoryQuery(search="02122334455")) == 1
    # The timeline of the survivor shows the merge and the other customer's own history.
    kinds = [e.kind for e in cs.timeline(keep.id)]
    assert kinds[0] in {"merge", "merged_into"} and "create" in kinds and kinds.count("create") == 2
    assert AuditEntry.select().where(AuditEntry.action == "merge").count() == 1
    with pytest.raises(NotFound):
        cs.merge(supervisor, keep.id, other.id)


# --- status -------------------------------------------------------------------------------


def test_lost_customer_keeps_its_reason_and_is_counted(db, staff, supervisor):
    customer = cs.create(staff, person())
    reasons = cs.lost_reasons()
    assert [r.name_en for r in reasons][:5] == [
        "Staff indifference",
        "Product",
        "Competitor",
        "Relationship elsewhere",
        "Moved",
    ]
    assert reasons[0].name_fa == "بی‌توجهی کارکنان"
    with pytest.raises(cs.FormErrors):
        cs.mark_lost(staff, customer.id, 9999)
    cs.mark_lost(staff, customer.id, reasons[2].id)
    stored = Customer.get_by_id(customer.id)
    assert stored.status == STATUS_LOST and stored.lost_reason_id == reasons[2].id and stored.lost_at
    assert {r.name_en: n for r, n in cs.lost_counts()}["Competitor"] == 1
    assert cs.count(cs.DirectoryQuery(status=STATUS_LOST)) == 1
    with pytest.raises(PermissionDenied):
        cs.add_lost_reason(staff, "Price", "قیمت")
    added = cs.add_lost_reason(supervisor, "Price", "قیمت")
    assert added in cs.lost_reasons()
    cs.set_lost_reason_active(supervisor, added.id, False)
    assert added not in cs.lost_reasons()


# --- search ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "كريمي",
        "کریمی",
        "کری",
        "مريم",
        "۰۹۱۲۳۴۵۶۷۸۹",
        "09123456789",
        "+989123456789",
        "912 345",
        "٩١٢٣٤",
        "6789",
        "maryam.k",
        "EXAMPLE",
        "نیکنام",
        "نیک نام",
        "نیک‌نام",
        "بازرگانی",
        "invoice",
        "مریم ۰۹۱۲",
    ],
)
def test_search_finds_across_scripts_and_formats(db, staff, query):
    org = cs.create(staff, cs.Draft(kind="organisation", organisation="بازرگانی پارس"))
    found = cs.create(
        staff,
        cs.Draft(
            given_name="مریم",
            family_name="کریمی نیک‌نام",
            organisation_id=org.id,
            phones=[("mobile", "+989123456789")],
            emails=["maryam.k@example.com"],
            notes="Asked about the invoice",
        ),
    )
    cs.create(staff, cs.Draft(given_name="Ali", family_name="Rezaei", phones=[("mobile", "09350001122")]))
    ids = [r.id for r in cs.page(cs.DirectoryQuery(search=query), 0, 50)]
    assert found.id in ids
    assert all(r.customer.id != 3 for r in cs.find(query))


def test_find_puts_the_best_match_first(db, staff):
    cs.create(staff, cs.Draft(given_name="Karim", family_name="Ahmadi"), confirm_duplicates=True)
    best = cs.create(staff, cs.Draft(given_name="Maryam", family_name="Karimi"))
    cs.create(staff, cs.Draft(given_name="Reza", family_name="Jafari", notes="friend of Karimi"))
    assert next(r.customer.id for r in cs.find("maryam karimi")) == best.id
    assert len(cs.find("karim")) == 3


def test_directory_pages_in_the_chosen_order_with_filters(db, staff):
    for i, name in enumerate(["Zahra", "Ali", "Mina", "Babak"]):
        cs.create(
            staff,
            cs.Draft(
                given_name=name,
                family_name="Test",
                tags=["VIP"] if i % 2 else [],
                segment="loyal_profitable" if i == 0 else None,
            ),
            confirm_duplicates=True,
        )
    names = [r.name for r in cs.page(cs.DirectoryQuery(), 0, 10)]
    assert names == ["Ali Test", "Babak Test", "Mina Test", "Zahra Test"]
    assert [r.name for r in cs.page(cs.DirectoryQuery(descending=True), 1, 2)] == ["Mina Test", "Babak Test"]
    assert {r.name for r in cs.page(cs.DirectoryQuery(tag="VIP"), 0, 10)} == {"Ali Test", "Babak Test"}
    assert [r.name for r in cs.page(cs.DirectoryQuery(segment="loyal_profitable"), 0, 10)] == ["Zahra Test"]
    assert cs.count(cs.DirectoryQuery(tag="VIP")) == 2


@pytest.mark.parametrize("sort", ["name", "created", "status"])
@pytest.mark.parametrize("descending", [False, True])
def test_paging_on_from_a_row_gives_the_same_rows_as_counting(db, staff, sort, descending):
    for i in range(30):
        cs.create(staff, cs.Draft(given_name=f"P{i % 7}", family_name="Same"), confirm_duplicates=True)
    q = cs.DirectoryQuery(sort=sort, descending=descending)
    first = cs.page(q, 0, 12)
    by_offset = cs.page(q, 12, 12)
    by_key = cs.page(q, 12, 12, after=first[-1].key)
    assert [r.id for r in by_key] == [r.id for r in by_offset]
    assert len({r.id for r in first + by_key}) == 24


def test_find_command_prints_json_best_first(db, db_target, staff, capsys, monkeypatch):
    import main as entry
    from helpdesk import db as dbmod

    best = cs.create(
        staff,
        cs.Draft(
            given_name="مریم", family_name="کریمی", phones=[("mobile", "09123456789")], emails=["maryam@example.com"]
        ),
    )
    cs.create(staff, cs.Draft(given_name="Reza", family_name="Jafari", notes="friend of کریمی"))
    for i in range(60):
        cs.create(staff, cs.Draft(given_name=f"کریم{i}", family_name="Test"), confirm_duplicates=True)
    dbmod.close()
    monkeypatch.setenv("HELPDESK_PASSWORD", "desk password")
    as_desk1 = ["--db", db_target, "--user", "desk1"]
    assert entry.main(["find", "كريمي", *as_desk1, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0] == {
        "id": best.id,
        "name": "مریم کریمی",
        "phones": ["+989123456789"],
        "emails": ["maryam@example.com"],
    }
    assert len(found) == 2
    assert entry.main(["find", "کریم", *as_desk1, "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 50
    assert entry.main(["find", "۰۹۱۲ ۳۴۵", *as_desk1, "--json"]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [best.id]


def test_while_typing_the_newest_matches_come_first_and_page_on(db, staff):
    made = [
        cs.create(staff, cs.Draft(given_name=f"Maryam{i}", family_name="Karimi"), confirm_duplicates=True)
        for i in range(25)
    ]
    cs.create(staff, cs.Draft(given_name="Ali", family_name="Rezaei"))
    q = cs.DirectoryQuery(search="karimi", sort=cs.SORT_MATCH, descending=True)
    assert cs.count(q) == 25
    first = cs.page(q, 0, 10)
    assert [r.id for r in first] == [c.id for c in reversed(made)][:10]
    assert [r.id for r in cs.page(q, 10, 10, after=first[-1].key)] == [r.id for r in cs.page(q, 10, 10)]
    assert {r.id for r in cs.page(q, 0, 100)} == {c.id for c in made}
    tagged = cs.DirectoryQuery(search="karimi", sort=cs.SORT_MATCH, status="active")
    assert [r.id for r in cs.page(tagged, 0, 5)] == [r.id for r in first[:5]]
