"""Bad input never crashes the core: what the fuzzing of the services and commands found (issue 12),
each as a test, and then hypothesis over every entry path that lives in ``helpdesk/`` and ``main.py``.

Every entry path either keeps what was typed (and finds it again) or refuses it with the
service's own ``ValidationError`` (or ``FormErrors``) naming the field, never anything else.
"""
from __future__ import annotations

import csv
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from helpdesk import calm, complaints, contacts, csv_io, customers as cs, reports
from helpdesk.complaints import ComplaintDraft
from helpdesk.contacts import ContactDraft, LogQuery
from helpdesk.errors import NotFound, ValidationError
from helpdesk.models import ComplaintCategory, Customer, CustomerTag, Tag

NOW = datetime(2026, 11, 23, 9, 30)
MANY_WORDS = " ".join(f"word{i}" for i in range(600))


def _customer(actor, given="Maryam", family="Karimi", **fields):
    return cs.create(actor, cs.Draft(given_name=given, family_name=family, **fields), confirm_duplicates=True)


def _call(actor, customer_id, notes="Asked about the November invoice."):
    return contacts.create(actor, ContactDraft(customer_id=customer_id, started_at=NOW,
                                               ended_at=NOW + timedelta(minutes=3), reason="Invoice", notes=notes,
                                               outcome="resolved", satisfaction="satisfied"))


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

@pytest.mark.parametrize("query", [MANY_WORDS, "maryam " * 3000, "x" * 100_000, "maryam\x00", "\ud800 maryam",
                                   "\x00\ud800", "۰۹۱۲\x00۳۴۵"], ids=lambda q: ascii(q)[:24])
def test_every_search_answers_any_query(staff, query):
    _customer(staff, phones=[("mobile", "0912 345 6789")])
    q = cs.DirectoryQuery(search=query, sort=cs.SORT_MATCH, descending=True)
    assert cs.count(q) >= 0
    cs.page(q, 0, 100)
    cs.find(query)
    contacts.find_caller(query)
    assert cs.count(cs.DirectoryQuery(search=query)) >= 0


# --- tags --------------------------------------------------------------------------------------

@pytest.mark.parametrize("first, second", [("ÖBB", "ÖBB"), ("ÖBB", "öbb"), ("Élite", "ÉLITE"), ("VIP", "vip"),
                                           ("مشتری ویژه", "مشتري ويژه")])
def test_a_tag_is_one_tag_however_it_is_capitalised(staff, first, second):
    a = _customer(staff, "Anna", "Berger", tags=[first])
    b = _customer(staff, "Bernd", "Huber", tags=[second])
    assert Tag.select().count() == 1
    assert cs.get(a.id).tags == cs.get(b.id).tags == [first]
    assert CustomerTag.select().count() == 2


def test_a_csv_import_with_a_non_ascii_capital_tag_imports_every_row(tmp_path, supervisor):
    path = tmp_path / "tags.csv"
    path.write_text("given_name,family_name,tags\nAnna,Berger,ÖBB\nBernd,Huber,ÖBB;Élite\nClara,Maier,öbb\n",
                    encoding="utf-8")
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
    values = dict(customer_id=_customer(actor).id,
                  category_id=ComplaintCategory.get(ComplaintCategory.name_en == "Price").id, priority="normal",
                  description="Charged twice", wanted="A refund", assignee_id=actor.id)
    values.update(changes)
    return complaints.create(actor, ComplaintDraft(**values))


@pytest.mark.parametrize("text, code", [("Too \ud800 bad", "unusable_characters"), ("x" * 100_000, "too_long")],
                         ids=["surrogate", "100KB"])
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


@pytest.mark.parametrize("text, code", [("Shouting \udfff", "unusable_characters"), ("y" * 100_000, "too_long")],
                         ids=["surrogate", "100KB"])
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
    assert calm.state_of(calm.get(session.id)).steps[0].note == "Calmer now"


# --- report requests -----------------------------------------------------------------------

@pytest.mark.parametrize("date_from, date_to, field, code", [
    (date(1, 1, 1), date(1, 1, 31), "date_from", "date_range"),
    (date(9999, 12, 1), date(9999, 12, 31), "date_from", "date_range"),
    (date(2026, 12, 1), date(9999, 12, 31), "date_to", "date_range"),
    (date(1, 1, 1), date(9999, 12, 31), "date_from", "date_range"),
    (date(2000, 1, 1), date(2600, 1, 1), "date_to", "date_range"),
    (date(2010, 1, 1), date(2026, 12, 31), "date_to", "period_too_long"),
])
def test_a_report_period_is_checked_naming_the_field(date_from, date_to, field, code):
    with pytest.raises(ValidationError) as refused:
        reports.check(reports.Request("activity", "en", date_from, date_to))
    assert (refused.value.field, refused.value.code) == (field, code)


def test_a_ten_year_period_is_a_report(db):
    reports.check(reports.Request("activity", "en", date(2016, 12, 1), date(2026, 11, 30)))


@pytest.mark.parametrize("field", ["staff_id", "customer_id", "session_id", "complaint_id"])
@pytest.mark.parametrize("value", [2 ** 63, 2 ** 64 + 5, -(2 ** 63) - 1, 10 ** 30])
def test_an_id_out_of_range_is_not_found(field, value):
    kind = {"staff_id": "staff", "customer_id": "customer"}.get(field, "incident")
    request = reports.Request(kind, "en", date(2026, 11, 1), date(2026, 11, 30), **{field: value})
    with pytest.raises(NotFound):
        reports.check(request)


@pytest.mark.parametrize("args, message", [
    (["activity", "--from", "0001-01-01", "--to", "0001-01-31"], "--from"),
    (["activity", "--from", "9999-12-01", "--to", "9999-12-31"], "--from"),
    (["activity", "--from", "2026-12-01", "--to", "9999-12-31"], "--to must be"),
    (["complaints", "--from", "1500-01-01", "--to", "2100-01-01"], "--from"),
    (["satisfaction", "--from", "2010-01-01", "--to", "2026-12-31"], "10 years"),
    (["staff", "--from", "2026-01-01", "--to", "2026-01-31", "--staff", str(2 ** 63)], "not found"),
    (["customer", "--customer", str(2 ** 63)], "not found"),
    (["customer", "--customer", str(2 ** 70)], "not found"),
    (["incident", "--session", str(2 ** 63)], "not found"),
    (["incident", "--complaint", "-9223372036854775809"], "not found"),
])
def test_the_report_command_refuses_a_bad_request_in_one_line(db_target, supervisor, tmp_path, capsys, args,
                                                               message):
    import main
    from helpdesk import db as dbmod

    dbmod.close()
    out = tmp_path / "r.pdf"
    assert main.main(["report", *args, "--db", db_target, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1
    assert not out.exists()
