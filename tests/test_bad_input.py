"""Bad input never crashes the core: what the fuzzing of the services and commands found (issue 12),
each as a test, and then hypothesis over every entry path that lives in ``helpdesk/`` and ``main.py``.

Every entry path either keeps what was typed (and finds it again) or refuses it with the
service's own ``ValidationError`` (or ``FormErrors``) naming the field, never anything else.
"""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from helpdesk import calm, complaints, contacts, csv_io, reports
from helpdesk import customers as cs
from helpdesk.complaints import ComplaintDraft
from helpdesk.contacts import ContactDraft, LogQuery
from helpdesk.errors import NotFound, ValidationError
from helpdesk.models import ComplaintCategory, Customer, CustomerTag, Tag

NOW = datetime(2026, 11, 23, 9, 30)
MANY_WORDS = " ".join(f"word{i}" for i in range(600))


def _customer(actor, given="Maryam", family="Karimi", **fields):
    return cs.create(actor, cs.Draft(given_name=given, family_name=family, **fields), confirm_duplicates=True)


def _call(actor, customer_id, notes="Asked about the November invoice."):
    return contacts.create(
        actor,
        ContactDraft(
            customer_id=customer_id,
            started_at=NOW,
            ended_at=NOW + timedelta(minutes=3),
            reason="Invoice",
            notes=notes,
            outcome="resolved",
            satisfaction="satisfied",
        ),
    )


# --- the call log's search -------------------------------------------------------------


@pytest.mark.parametrize("words", [90, 600, 5000])
def test_a_call_log_search_of_many_words_answers(staff, words):
    customer = _customer(staff)
    _call(staff, customer.id, notes="word0 word1 word2 word3 and the rest")
    query = " ".join(f"word{i % 4}" for i in range(words))  # the same few words, over and over
    assert contacts.log_count(LogQuery(search=query)) == 1
    assert contacts.log_count(LogQuery(search=" ".join(f"word{i}" for i in range(words)))) == 0
    assert len(contacts.log_page(LogQuery(search=" ".join(f"w{i}" for i in range(words))), 0, 50)) == 0


@pytest.mark.parametrize("query", ["parcel\x00", "\x00", "par\x00cel", "parcel \ud800", "\udfff", "\ud800parcel"])
def test_a_call_log_search_with_nul_or_lone_surrogates_answers(staff, query):
    customer = _customer(staff)
    _call(staff, customer.id, notes="The parcel came late")
    assert contacts.log_count(LogQuery(search=query)) in (0, 1)
    contacts.log_page(LogQuery(search=query), 0, 10)


def test_the_call_log_still_finds_every_word_typed(staff):
    customer = _customer(staff)
    _call(staff, customer.id, notes="The parcel came late; the courier apologised")
    _call(staff, customer.id, notes="Parcel arrived on time")
    assert contacts.log_count(LogQuery(search="parcel late")) == 1
    assert contacts.log_count(LogQuery(search="parcel parcel PARCEL par")) == 2
    assert contacts.log_count(LogQuery(search="parcel courier arrived")) == 0


# --- every other search ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [MANY_WORDS, "maryam " * 3000, "x" * 100_000, "maryam\x00", "\ud800 maryam", "\x00\ud800", "۰۹۱۲\x00۳۴۵"],
    ids=lambda q: ascii(q)[:24],
)
def test_every_search_answers_any_query(staff, query):
    _customer(staff, phones=[("mobile", "0912 345 6789")])
    q = cs.DirectoryQuery(search=query, sort=cs.SORT_MATCH, descending=True)
    assert cs.count(q) >= 0
    cs.page(q, 0, 100)
    cs.find(query)
    contacts.find_caller(query)
    assert cs.count(cs.DirectoryQuery(search=query)) >= 0


# --- tags --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first, second", [("ÖBB", "ÖBB"), ("ÖBB", "öbb"), ("Élite", "ÉLITE"), ("VIP", "vip"), ("مشتری ویژه", "مشتري ويژه")]
)
def test_a_tag_is_one_tag_however_it_is_capitalised(staff, first, second):
    a = _customer(staff, "Anna", "Berger", tags=[first])
    b = _customer(staff, "Bernd", "Huber", tags=[second])
    assert Tag.select().count() == 1
    assert cs.get(a.id).tags == cs.get(b.id).tags == [first]
    assert CustomerTag.select().count() == 2


def test_a_csv_import_with_a_non_ascii_capital_tag_imports_every_row(tmp_path, supervisor):
    path = tmp_path / "tags.csv"
    path.write_text(
        "given_name,family_name,tags\nAnna,Berger,ÖBB\nBernd,Huber,ÖBB;Élite\nClara,Maier,öbb\n", encoding="utf-8"
    )
    result = csv_io.import_rows(supervisor, path)
    assert (result.imported, result.rejected) == (3, 0)
    assert sorted(cs.all_tags()) == ["Élite", "ÖBB"]


# --- lone surrogates -------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["given_name", "family_name", "job_title", "address", "notes"])
def test_lone_surrogates_are_refused_naming_the_field(staff, field):
    draft = cs.Draft(**{"given_name": "Maryam", "family_name": "Karimi", field: "Mar\ud800yam"})
    with pytest.raises(cs.FormErrors) as caught:
        cs.create(staff, draft)
    assert caught.value.errors[field].code == "unusable_characters"
    assert Customer.select().count() == 0


def test_lone_surrogates_in_an_organisation_or_a_tag_are_refused(staff):
    with pytest.raises(cs.FormErrors) as caught:
        cs.create(staff, cs.Draft(kind="organisation", organisation="Arian\udfff Co"))
    assert caught.value.errors["organisation"].code == "unusable_characters"
    with pytest.raises(cs.FormErrors) as caught:
        cs.create(staff, cs.Draft(given_name="Maryam", tags=["VIP\ud83d"]))
    assert caught.value.errors["tags"].code == "unusable_characters"


def test_lone_surrogates_in_an_update_are_refused_and_the_record_kept(staff):
    customer = _customer(staff, notes="Old notes")
    record = cs.get(customer.id)
    draft = record.draft()
    draft.notes = "New \ud800 notes"
    with pytest.raises(cs.FormErrors) as caught:
        cs.update(staff, customer.id, draft, record.snapshot())
    assert caught.value.errors["notes"].code == "unusable_characters"
    assert cs.get(customer.id).customer.notes == "Old notes"


# --- complaint and calm-down texts ------------------------------------------------------------


def _complaint(actor, **changes):
    values = dict(
        customer_id=_customer(actor).id,
        category_id=ComplaintCategory.get(ComplaintCategory.name_en == "Price").id,
        priority="normal",
        description="Charged twice",
        wanted="A refund",
        assignee_id=actor.id,
    )
    values.update(changes)
    return complaints.create(actor, ComplaintDraft(**values))


@pytest.mark.parametrize(
    "text, code", [("Too \ud800 bad", "unusable_characters"), ("x" * 100_000, "too_long")], ids=["surrogate", "100KB"]
)
def test_complaint_texts_are_refused_not_cut_or_crashed(staff, supervisor, text, code):
    with pytest.raises(cs.FormErrors) as caught:
        _complaint(staff, description=text)
    assert caught.value.errors["description"].code == code
    c = _complaint(staff)
    with pytest.raises(ValidationError) as refused:
        complaints.comment(staff, c.id, text)
    assert (refused.value.field, refused.value.code) == ("comment", code)
    with pytest.raises(ValidationError) as refused:
        complaints.escalate(staff, c.id, text)
    assert (refused.value.field, refused.value.code) == ("reason", code)
    with pytest.raises(ValidationError) as refused:
        complaints.move(staff, c.id, "in_progress", text)
    assert (refused.value.field, refused.value.code) == ("note", code)
    with pytest.raises(cs.FormErrors) as caught:
        complaints.resolve(staff, c.id, text, "satisfied", True)
    assert caught.value.errors["resolution_notes"].code == code
    assert complaints.get(c.id).status == "new"


@pytest.mark.parametrize(
    "text, code", [("Shouting \udfff", "unusable_characters"), ("y" * 100_000, "too_long")], ids=["surrogate", "100KB"]
)
def test_calm_down_texts_are_refused_not_cut_or_crashed(staff, supervisor, text, code):
    session = calm.start(staff, _customer(staff).id)
    state = calm.state_of(session)
    state.anger_start = 4
    state.steps[0].note = text
    with pytest.raises(ValidationError) as refused:
        calm.save_progress(staff, session.id, state)
    assert (refused.value.field, refused.value.code) == ("steps.0.note", code)
    state.steps[0].note = "Calmer now"
    calm.save_progress(staff, session.id, state)
    with pytest.raises(ValidationError) as refused:
        calm.escalate(staff, session.id, state, text)
    assert (refused.value.field, refused.value.code) == ("reason", code)
    assert calm.state_of(calm.get(staff, session.id)).steps[0].note == "Calmer now"


def test_a_calm_down_follow_up_promise_and_a_category_name_are_checked_too(staff, supervisor):
    from helpdesk.contacts import FollowUpDraft

    session = calm.start(staff, _customer(staff).id)
    state = calm.state_of(session)
    state.anger_start = 4
    promise = FollowUpDraft(due_at=NOW + timedelta(days=1), assignee_id=staff.id, promise="Ring \ud800 back")
    with pytest.raises(cs.FormErrors) as caught:
        calm.finish(staff, session.id, state, 2, "calmed", promise)
    assert caught.value.errors["promise"].code == "unusable_characters"
    with pytest.raises(cs.FormErrors) as refused:
        complaints.add_category(supervisor, "Parking\udfff", "پارکینگ")
    assert {field: e.code for field, e in refused.value.errors.items()} == {"name_en": "unusable_characters"}
    with pytest.raises(cs.FormErrors) as refused:
        complaints.add_category(supervisor, "Parking", "پ" * 101)
    assert {field: e.code for field, e in refused.value.errors.items()} == {"name_fa": "too_long"}


# --- report requests -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "date_from, date_to, field, code",
    [
        (date(1, 1, 1), date(1, 1, 31), "date_from", "date_range"),
        (date(9999, 12, 1), date(9999, 12, 31), "date_from", "date_range"),
        (date(2026, 12, 1), date(9999, 12, 31), "date_to", "date_range"),
        (date(1, 1, 1), date(9999, 12, 31), "date_from", "date_range"),
        (date(2000, 1, 1), date(2600, 1, 1), "date_to", "date_range"),
        (date(2010, 1, 1), date(2026, 12, 31), "date_to", "period_too_long"),
    ],
)
def test_a_report_period_is_checked_naming_the_field(date_from, date_to, field, code):
    with pytest.raises(ValidationError) as refused:
        reports.check(reports.Request("activity", "en", date_from, date_to))
    assert (refused.value.field, refused.value.code) == (field, code)


def test_a_ten_year_period_is_a_report(db):
    reports.check(reports.Request("activity", "en", date(2016, 12, 1), date(2026, 11, 30)))


@pytest.mark.parametrize("field", ["staff_id", "customer_id", "session_id", "complaint_id"])
@pytest.mark.parametrize("value", [2**63, 2**64 + 5, -(2**63) - 1, 10**30])
def test_an_id_out_of_range_is_not_found(field, value):
    kind = {"staff_id": "staff", "customer_id": "customer"}.get(field, "incident")
    request = reports.Request(kind, "en", date(2026, 11, 1), date(2026, 11, 30), **{field: value})
    with pytest.raises(NotFound):
        reports.check(request)


@pytest.mark.parametrize(
    "args, message",
    [
        (["activity", "--from", "0001-01-01", "--to", "0001-01-31"], "--from"),
        (["activity", "--from", "9999-12-01", "--to", "9999-12-31"], "--from"),
        (["activity", "--from", "2026-12-01", "--to", "9999-12-31"], "--to must be"),
        (["complaints", "--from", "1500-01-01", "--to", "2100-01-01"], "--from"),
        (["satisfaction", "--from", "2010-01-01", "--to", "2026-12-31"], "10 years"),
        (["staff", "--from", "2026-01-01", "--to", "2026-01-31", "--staff", str(2**63)], "not found"),
        (["activity", "--from", "2026-01-01", "--to", "2026-01-31", "--staff", "99"], "not found: staff 99"),
        (["customer", "--customer", str(2**63)], "not found"),
        (["customer", "--customer", str(2**70)], "not found"),
        (["incident", "--session", str(2**63)], "not found"),
        (["incident", "--complaint", "-9223372036854775809"], "not found"),
    ],
)
def test_the_report_command_refuses_a_bad_request_in_one_line(
    db_target, supervisor, tmp_path, capsys, args, message, monkeypatch
):
    import main
    from helpdesk import db as dbmod

    dbmod.close()
    out = tmp_path / "r.pdf"
    monkeypatch.setenv("HELPDESK_PASSWORD", "correct horse")
    assert main.main(["report", *args, "--db", db_target, "--user", "boss", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1
    assert not out.exists()


# --- hypothesis: any input, on every entry path ----------------------------------------------------

# Every Unicode category, lone surrogates (Cs) included.
EVERY_CATEGORY = st.characters(
    codec=None,
    categories=[
        "Lu",
        "Ll",
        "Lt",
        "Lm",
        "Lo",
        "Mn",
        "Mc",
        "Me",
        "Nd",
        "Nl",
        "No",
        "Pc",
        "Pd",
        "Ps",
        "Pe",
        "Pi",
        "Pf",
        "Po",
        "Sm",
        "Sc",
        "Sk",
        "So",
        "Zs",
        "Zl",
        "Zp",
        "Cc",
        "Cf",
        "Cs",
        "Co",
        "Cn",
    ],
)
DIGIT = st.sampled_from(list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"))
WORD = st.one_of(
    st.text(st.sampled_from(list("abcxyzABCÖÉßمریمكيکی\u200c")), min_size=1, max_size=8),
    st.text(DIGIT, min_size=1, max_size=6),
)  # leading zeros, mixed Persian/Arabic/Latin digits
TEXT = st.one_of(
    st.text(EVERY_CATEGORY, max_size=60),
    st.lists(WORD, max_size=6).map(" ".join),
    st.sampled_from(
        [
            "\x00",
            "a\x00b",
            "\ud800",
            "Mar\udfffyam",
            "\ud83d\ude00",
            "0123",
            "۰۱۲۳",
            "0۱2٣4",
            "Branch 0123",
            "\u202eمريم\u202c",
            "نیک\u200cنام",
            " ",
            "",
        ]
    ),
    st.builds(lambda w, n: " ".join([w] * n), WORD, st.integers(1000, 4000)),  # thousands of words
    st.builds(
        lambda c, n: c * n, st.sampled_from(["x", "م", "۱", "0", "\x00", "\ud800", " ", "ab "]), st.just(100_000)
    ),  # 100 KB
)
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
KNOWN_CODES = {
    "required",
    "name_required",
    "too_long",
    "too_many",
    "unusable_characters",
    "phone_characters",
    "phone_invalid",
    "phone_repeated",
    "email_invalid",
    "email_repeated",
    "invalid_choice",
    "escalation_reason",
}


def _refused_well(error: Exception, fields: set[str]) -> None:
    """A refusal names its field(s), each with a code the UI has words for."""
    problems = error.errors.values() if isinstance(error, cs.FormErrors) else [error]
    assert problems
    for problem in problems:
        assert isinstance(problem, ValidationError)
        assert problem.field.split(".")[0] in fields, problem.field
        assert problem.code in KNOWN_CODES, problem.code


def _finds(customer_id: int, text: str) -> None:
    """What was stored is found again by its first word, in the directory and by find."""
    from helpdesk.text import query_tokens

    words = query_tokens(text)
    if words:
        q = cs.DirectoryQuery(search=words[0], sort=cs.SORT_MATCH, descending=True)
        assert customer_id in [r.id for r in cs.page(q, 0, 500)], words[0]
        assert customer_id in [r.customer.id for r in cs.find(words[0], limit=500)], words[0]


CUSTOMER_FIELDS = {
    "given_name",
    "family_name",
    "organisation",
    "job_title",
    "address",
    "notes",
    "tags",
    "phones",
    "emails",
    "kind",
}


NAME = st.one_of(WORD, st.lists(WORD, min_size=1, max_size=3).map(" ".join), st.text(EVERY_CATEGORY, max_size=60), TEXT)
PHONE = st.one_of(
    st.just(""),
    st.just(""),
    st.sampled_from(["0912 345 6789", "۰۹۱۲۳۴۵۶۷۸۹", "+98 21 8877 6655", "٠٩٣٥١١١٢٢٢٢", "0912-3۴5-67٨9"]),
    TEXT,
)
EMAIL = st.one_of(st.just(""), st.just(""), st.sampled_from(["maryam.k@example.com", "ali.rezaei@example.co.uk"]), TEXT)


@settings(FUZZ, max_examples=50)
@given(
    given_name=NAME,
    family_name=NAME,
    job_title=st.one_of(st.just(""), WORD, TEXT),
    address=st.one_of(st.just(""), WORD, TEXT),
    notes=st.one_of(NAME, TEXT),
    tags=st.lists(st.one_of(WORD, TEXT), max_size=3),
    phone=PHONE,
    email=EMAIL,
    organisation=st.booleans(),
)
def test_any_customer_is_saved_and_found_or_refused_naming_the_field(
    staff, given_name, family_name, job_title, address, notes, tags, phone, email, organisation
):
    draft = cs.Draft(
        kind="organisation" if organisation else "person",
        given_name=given_name,
        family_name=family_name,
        organisation=given_name,
        job_title=job_title,
        address=address,
        notes=notes,
        tags=tags,
        phones=[("mobile", phone)],
        emails=[email],
    )
    try:
        customer = cs.create(staff, draft, confirm_duplicates=True)
    except cs.FormErrors as error:
        _refused_well(error, CUSTOMER_FIELDS)
        event("refused: " + ", ".join(sorted({f"{k.split('.')[0]} {e.code}" for k, e in error.errors.items()})))
        return
    event("saved")
    values, _ = cs.clean(draft)
    stored = cs.get(customer.id)
    for name in ("given_name", "family_name", "organisation", "job_title", "address", "notes"):
        assert getattr(stored.customer, name) == values[name], name
    assert stored.tags == sorted(values["tags"]) or sorted(stored.tags) == sorted(values["tags"])
    _finds(customer.id, stored.customer.display_name)
    _finds(customer.id, stored.customer.notes)
    # The same text once more, as an update of the record just saved.
    draft.notes, draft.tags = given_name, [t.upper() for t in tags]
    try:
        cs.update(staff, customer.id, draft, stored.snapshot(), confirm_duplicates=True)
    except cs.FormErrors as error:
        _refused_well(error, CUSTOMER_FIELDS)
        return
    _finds(customer.id, cs.get(customer.id).customer.notes)


@FUZZ
@given(
    tags=st.lists(
        st.one_of(
            TEXT, st.sampled_from(["ÖBB", "öbb", "ÉLITE", "élite", "VIP", "vip", "İstanbul", "ǅ", "ﬀ", "ß", "SS"])
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_tags_on_two_customers_are_one_set_of_tags(staff, tags):
    try:
        first = cs.create(staff, cs.Draft(given_name="Anna", tags=tags), confirm_duplicates=True)
    except cs.FormErrors as error:
        _refused_well(error, {"tags"})
        return
    second = cs.create(staff, cs.Draft(given_name="Bernd", tags=[t.swapcase() for t in tags]), confirm_duplicates=True)
    keys = [t.casefold() for t in cs.all_tags()]
    assert len(keys) == len(set(keys))  # never the same tag twice, in any case
    assert {t.casefold() for t in cs.get(first.id).tags} <= set(keys)
    assert len(cs.get(second.id).tags) == len(cs.get(first.id).tags)


@FUZZ
@given(query=TEXT)
def test_every_search_answers_any_text(staff, query):
    if Customer.select().count() == 0:
        customer = _customer(staff, phones=[("mobile", "0912 345 6789")], notes="Order 4512")
        _call(staff, customer.id)
    q = cs.DirectoryQuery(search=query, sort=cs.SORT_MATCH, descending=True)
    assert len(cs.page(q, 0, 100)) <= cs.count(q)
    assert cs.count(cs.DirectoryQuery(search=query, status="active")) >= 0
    cs.page(cs.DirectoryQuery(search=query), 0, 100)
    cs.find(query)
    contacts.find_caller(query)
    assert contacts.log_count(LogQuery(search=query)) >= len(contacts.log_page(LogQuery(search=query), 0, 10))


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(query=TEXT.filter(lambda t: "\x00" not in t and not any("\ud800" <= c <= "\udfff" for c in t)))
def test_the_find_command_answers_any_text(db_target, staff, capsys, query, monkeypatch):
    """``main.py find`` as typed on a command line (which cannot carry NUL or half characters)."""
    import json

    import main
    from helpdesk import db as dbmod

    dbmod.close()
    monkeypatch.setenv("HELPDESK_PASSWORD", "desk password")
    assert main.main(["find", query, "--db", db_target, "--user", "desk1", "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)


COMPLAINT_FIELDS = {"description", "wanted", "comment", "reason", "note", "resolution_notes"}


@FUZZ
@given(description=TEXT, wanted=TEXT, comment=TEXT, reason=TEXT, note=TEXT, resolution=TEXT)
def test_any_complaint_text_is_kept_or_refused_naming_the_field(
    staff, supervisor, description, wanted, comment, reason, note, resolution
):
    from helpdesk.models import Complaint, ComplaintComment
    from helpdesk.text import clean_text

    try:
        c = _complaint(staff, description=description, wanted=wanted)
    except cs.FormErrors as error:
        _refused_well(error, COMPLAINT_FIELDS)
        c = _complaint(staff)
    else:
        stored = Complaint.get_by_id(c.id)
        assert (stored.description, stored.wanted) == (clean_text(description), clean_text(wanted))
    for action, field in (
        (lambda: complaints.comment(staff, c.id, comment), "comment"),
        (lambda: complaints.move(staff, c.id, "in_progress", note), "note"),
        (lambda: complaints.escalate(staff, c.id, reason), "reason"),
        (lambda: complaints.resolve(staff, c.id, resolution, "satisfied", True), "resolution_notes"),
    ):
        try:
            action()
        except (ValidationError, cs.FormErrors) as error:
            _refused_well(error, {field})
        except complaints.WrongState:
            pass  # an earlier step was refused, so this move is not possible yet
    kept = [row.body for row in ComplaintComment.select().where(ComplaintComment.complaint == c.id)]
    assert kept in ([], [clean_text(comment)])


@FUZZ
@given(notes=st.lists(TEXT, min_size=1, max_size=3), reason=TEXT)
def test_any_calm_down_text_is_kept_or_refused_naming_the_field(staff, supervisor, notes, reason):
    from helpdesk.text import clean_text

    session = calm.start(staff)
    state = calm.state_of(session)
    state.anger_start = 4
    for step, note in zip(state.steps, notes):
        step.note = note
    try:
        calm.save_progress(staff, session.id, state)
    except ValidationError as error:
        assert error.field.startswith("steps.") and error.field.endswith(".note")
        assert error.code in KNOWN_CODES
    else:
        kept = calm.state_of(calm.get(staff, session.id))
        assert [s.note for s in kept.steps[: len(notes)]] == [clean_text(n) for n in notes]
        try:
            calm.escalate(staff, session.id, state, reason)
        except ValidationError as error:
            _refused_well(error, {"reason"})


@FUZZ
@given(rows=st.lists(st.tuples(TEXT, TEXT, TEXT, TEXT, TEXT), min_size=1, max_size=4))
def test_any_csv_file_imports_its_good_rows_and_explains_the_rest(tmp_path_factory, supervisor, rows):
    folder = tmp_path_factory.mktemp("csv")
    path = folder / "customers.csv"
    with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["given_name", "family_name", "phone", "tags", "notes"])
        writer.writerows(rows)
    before = Customer.select().count()
    try:
        result = csv_io.import_rows(supervisor, path)
    except csv_io.CsvError as error:
        assert error.code in {"csv_not_utf8", "csv_unreadable", "csv_empty"}
        assert Customer.select().count() == before
        return
    assert Customer.select().count() == before + result.imported
    if result.rejected:
        with open(result.rejected_path, encoding="utf-8-sig", newline="") as handle:
            assert all(line["reason"] for line in csv.DictReader(handle))
    for customer in Customer.select().where(Customer.id > 0).order_by(Customer.id.desc()).limit(result.imported):
        _finds(customer.id, customer.display_name)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(reports.KINDS + ("nonsense",)),
    lang=st.sampled_from(["en", "fa", "en", "fa", "de"]),
    period=st.one_of(
        st.tuples(st.one_of(st.none(), st.dates()), st.one_of(st.none(), st.dates())),
        st.builds(
            lambda day, days: (day, day + timedelta(days=days)),
            st.dates(date(2016, 1, 1), date(2027, 12, 31)),
            st.integers(-3, 4000),
        ),
    ),
    ids=st.lists(
        st.one_of(st.none(), st.none(), st.integers(-(2**70), 2**70), st.integers(1, 3)), min_size=4, max_size=4
    ),
)
def test_any_report_request_is_made_or_refused_naming_the_field(tmp_path_factory, supervisor, kind, lang, period, ids):
    date_from, date_to = period
    request = reports.Request(kind, lang, date_from, date_to, *ids)
    try:
        reports.check(request)
    except ValidationError as error:
        assert error.field in {"kind", "lang", "date_from", "date_to", "customer_id", "session_id"}
        assert error.code in {"invalid_choice", "required", "before_start", "date_range", "period_too_long"}
        event(f"refused: {error.code}")
        return
    except NotFound:
        assert any(i is not None and not 0 < i < 2**63 for i in ids)
        event("refused: an id no record can have")
        return
    event(f"checked: {kind}")
    if kind in reports.PERIOD_KINDS:
        assert (date_to - date_from).days < 366 * 10
    out = tmp_path_factory.mktemp("report") / "r.pdf"
    try:
        reports.generate(supervisor, request, out)
    except NotFound:  # no such customer, session or complaint in a tiny database
        assert not out.exists()
        event("not found")
    else:
        assert out.read_bytes().startswith(b"%PDF")
        event("made")


# --- the remaining entry paths: accounts, sign-in, the business name, follow-ups, drafts ------------

ACCOUNT_CODES = KNOWN_CODES | {
    "username_format",
    "username_taken",
    "password_short",
    "wrong_password",
    "bad_credentials",
}


@FUZZ
@given(full_name=TEXT, password=TEXT, username=st.one_of(TEXT, st.just("newdesk")))
def test_any_account_is_made_or_refused_naming_the_field(supervisor, full_name, username, password):
    from helpdesk import accounts
    from helpdesk.models import Staff

    try:
        made = accounts.create_account(supervisor, username, full_name, "staff", password)
    except ValidationError as error:
        assert error.field in {"username", "full_name", "password"} and error.code in ACCOUNT_CODES, error
        return
    stored = Staff.get_by_id(made.id)
    assert stored.full_name == made.full_name and stored.full_name.strip()
    assert accounts.authenticate(made.username, password).id == made.id
    accounts.delete_account(supervisor, made.id)


@FUZZ
@given(username=TEXT, password=TEXT)
def test_any_sign_in_is_refused_without_a_crash(supervisor, username, password):
    from helpdesk import accounts
    from helpdesk.errors import KnownError

    with pytest.raises(KnownError):
        accounts.authenticate(username, password)


@pytest.mark.parametrize("password", ["long enough \ud800", "x" * 100_000], ids=["half-character", "100-KB"])
def test_a_password_of_broken_characters_is_refused_not_crashed(supervisor, password):
    from helpdesk import accounts

    with pytest.raises(ValidationError) as refused:
        accounts.create_account(supervisor, "newdesk", "New Desk", "staff", password)
    assert refused.value.field == "password"
    with pytest.raises(ValidationError) as refused:
        accounts.change_own_password(supervisor, "correct horse", password)
    assert refused.value.field == "new_password"


@FUZZ
@given(name=TEXT)
def test_any_business_name_is_kept_or_refused_naming_the_field(supervisor, name):
    from helpdesk import settings as office

    try:
        office.set_business(supervisor, name, None)
    except ValidationError as error:
        assert error.field == "business_name" and error.code in KNOWN_CODES
        return
    assert office.business_name() == office.business_name().strip()


@FUZZ
@given(promise=TEXT)
def test_any_follow_up_promise_is_kept_or_refused_naming_the_field(staff, promise):
    from helpdesk import followups
    from helpdesk.clock import utcnow
    from helpdesk.models import FollowUp

    customer = _customer(staff)
    try:
        made = followups.create(staff, customer.id, utcnow() + timedelta(hours=2), staff.id, promise)
    except ValidationError as error:
        assert error.field == "promise" and error.code in KNOWN_CODES, error
        return
    assert FollowUp.get_by_id(made.id).promise == made.promise and made.promise.strip()


@FUZZ
@given(notes=TEXT)
def test_a_draft_keeps_whatever_was_typed(tmp_path_factory, notes):
    """Typed text is kept on disk exactly, broken characters included; the save refuses those later."""
    from helpdesk.drafts import DraftStore, new_id

    store = DraftStore(tmp_path_factory.mktemp("drafts"))
    draft_id = new_id()
    store.save(draft_id, "call", "office.sqlite", 1, {"notes": notes})
    [kept] = store.unfinished("call", "office.sqlite", 1)
    # (Two halves that make a pair come back as the one character they make.)
    assert kept["content"]["notes"] == notes.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
