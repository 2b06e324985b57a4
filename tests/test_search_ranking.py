"""Directory search ranks by relevance, then recency (issue 12, item 4): whole words and beginnings
of the name, phone and e-mail before anything found only in the notes, an exact phone number before
a fragment; and a customer is always found by any word of their own name or notes, digits and
leading zeros included."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpdesk import contacts
from helpdesk import customers as cs


def _add(actor, given="", family="", **fields):
    return cs.create(actor, cs.Draft(given_name=given, family_name=family, **fields), confirm_duplicates=True)


def _typing(query: str) -> list[int]:
    """The ids the directory lists while ``query`` is in its search box, in order."""
    return [r.id for r in cs.page(cs.DirectoryQuery(search=query, sort=cs.SORT_MATCH, descending=True), 0, 100)]


# --- found by their own words ------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "0123",
        "branch 0123",
        "0123 branch",
        "۰۱۲۳",
        "٠١٢٣",
        "Branch ۰۱۲",
        "012",
        "4512",
        "۴۵۱۲",
        "order 4512",
        "0042",
        "۰۰۴۲",
    ],
)
def test_digits_and_leading_zeros_of_a_name_or_the_notes_find_the_customer(staff, query):
    wanted = _add(staff, "Branch", "0123", notes="Order 4512 of unit 0042 came late")
    _add(staff, "Ali", "Rezaei", phones=[("mobile", "0935 000 1122")])
    assert wanted.id in _typing(query)
    assert wanted.id in [r.customer.id for r in cs.find(query)]
    assert wanted.id in [c.customer_id for c in contacts.find_caller(query)]


def test_a_number_in_the_notes_does_not_hide_the_phone_fragment(staff):
    by_phone = _add(staff, "Sara", "Ahmadi", phones=[("mobile", "0912 345 4512")])
    by_notes = _add(staff, "Reza", "Jafari", notes="Invoice 4512")
    assert set(_typing("4512")) == {by_phone.id, by_notes.id}
    assert _typing("4512")[0] == by_phone.id  # a phone is part of the record's identity, notes are not


# --- relevance, then recency ------------------------------------------------------------------------


def test_a_name_beats_notes_that_mention_it(staff):
    hannah = _add(staff, "Hannah", "Brown")
    _add(staff, "Hannah", "Smith", notes="Moved to the Shiraz branch in May")  # newer, "br" only in the notes
    listed = _typing("hannah br")
    assert listed[0] == hannah.id and len(listed) == 2


def test_a_whole_word_beats_the_beginning_of_one(staff):
    ali = _add(staff, "Ali", "Rezaei")
    alireza = _add(staff, "Alireza", "Karimi")  # newer
    assert _typing("ali") == [ali.id, alireza.id]
    assert _typing("ali rez")[0] == ali.id


def test_the_name_phone_and_e_mail_beat_the_notes(staff):
    by_email = _add(staff, "Sara", "Ahmadi", emails=["maryam.k@example.com"])
    by_name = _add(staff, "Maryam", "Karimi")
    _add(staff, "Reza", "Jafari", notes="Maryam's brother")  # newest, only the notes
    listed = _typing("maryam")
    assert set(listed[:2]) == {by_email.id, by_name.id} and len(listed) == 3
    assert listed == [by_name.id, by_email.id, listed[2]]  # equally good: the newest first


def test_an_exact_phone_number_beats_a_fragment(staff):
    exact = _add(staff, "Maryam", "Karimi", phones=[("mobile", "0912 345 6789")])
    fragment = _add(staff, "John", "Smith", phones=[("mobile", "+1 912 345 6789")])  # newer, the same digits
    notes = _add(staff, "Ali", "Rezaei", notes="Call back on 0912 345 6789")  # newest, only in the notes
    for typed in ("0912 345 6789", "۰۹۱۲ ۳۴۵ ۶۷۸۹", "۰۹۱۲۳۴۵۶۷۸۹", "+98 912 345 6789", "09123456789"):
        listed = _typing(typed)
        others = [fragment.id] if not typed.startswith("+98") else []  # +98 is not in +1 912 345 6789
        others += [notes.id] if typed in ("0912 345 6789", "۰۹۱۲ ۳۴۵ ۶۷۸۹") else []  # the notes' words as typed
        assert listed == [exact.id, *others], typed
        assert contacts.find_caller(typed)[0].customer_id == exact.id
        assert cs.find(typed)[0].customer.id == exact.id


def test_ranked_pages_follow_on_by_key_and_by_offset(staff):
    made = [_add(staff, f"Karim{i}", "Test") for i in range(4)]  # beginnings of a name
    made += [_add(staff, "Karim", f"Exact{i}") for i in range(3)]  # whole words
    made += [_add(staff, "Other", f"Person{i}", notes="karim called") for i in range(4)]  # the notes
    q = cs.DirectoryQuery(search="karim", sort=cs.SORT_MATCH, descending=True)
    everything = [r.id for r in cs.page(q, 0, 100)]
    assert cs.count(q) == len(everything) == 11
    assert everything[:3] == [c.id for c in reversed(made[4:7])]
    assert everything[3:7] == [c.id for c in reversed(made[:4])]
    for size in (2, 3, 4, 5):
        by_key, after = [], None
        while True:
            rows = cs.page(q, len(by_key), size, after=after)
            if not rows:
                break
            by_key += [r.id for r in rows]
            after = rows[-1].key
        assert by_key == everything, size
        by_offset = [r.id for start in range(0, 11, size) for r in cs.page(q, start, size)]
        assert by_offset == everything, size
    filtered = cs.DirectoryQuery(search="karim", sort=cs.SORT_MATCH, descending=True, status="active")
    assert [r.id for r in cs.page(filtered, 0, 100)] == everything
    assert [r.id for r in cs.page(filtered, 4, 3)] == everything[4:7]
    first = cs.page(filtered, 0, 5)
    assert [r.id for r in cs.page(filtered, 5, 100, after=first[-1].key)] == everything[5:]


def test_find_puts_the_best_first_even_among_many_newer(staff):
    best = _add(staff, "Maryam", "Karimi")
    for i in range(520):
        _add(staff, f"Person{i}", "Test", notes="Maryam called about Karimi's order")
    assert cs.find("maryam karimi")[0].customer.id == best.id
    assert _typing("maryam karimi")[0] == best.id


# --- hypothesis: every customer found by any word of their name and notes ---------------------------

LETTERS = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكÖÉéüß")
)
DIGITS = st.sampled_from(list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"))
WORD = st.one_of(
    st.text(LETTERS, min_size=1, max_size=8),
    st.text(DIGITS, min_size=1, max_size=6),  # leading zeros and mixed digits
    st.builds(lambda a, b: a + b, st.text(LETTERS, min_size=1, max_size=5), st.text(DIGITS, min_size=1, max_size=4)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    given=st.lists(WORD, min_size=1, max_size=3),
    family=st.lists(WORD, max_size=2),
    notes=st.lists(WORD, max_size=6),
    pick=st.integers(min_value=0),
)
@example(given=["0", "0000"], family=[], notes=[], pick=0)  # "0 0000" is not a number dialled abroad (00…)
@example(given=["PO"], family=[], notes=["۰08۶۵٣"], pick=1)  # nor is "008653" in the notes
@example(given=["Branch"], family=["0123"], notes=["4512"], pick=2)
def test_a_customer_is_found_by_any_word_of_their_name_or_notes(staff, given, family, notes, pick):
    from helpdesk.text import query_tokens

    customer = _add(staff, " ".join(given), " ".join(family), notes=" ".join(notes))
    words = given + family + notes
    word = words[pick % len(words)]
    if not query_tokens(word):
        return
    assert customer.id in _typing(word), word
    assert customer.id in [r.customer.id for r in cs.find(word)], word
    if word in given + family:
        assert customer.id in _typing(" ".join(given + family)), given + family


def test_an_older_database_ranks_once_upgraded(db_target):
    """On PostgreSQL the documents of version 8 weigh every word alike (as notes); migration 9
    writes them again with the column weights, so the names come first there too."""
    from helpdesk import accounts, migrations, search
    from helpdesk import db as dbmod

    # The records are written by today's services; their documents are then made as version 8
    # wrote them, and migration 9 runs over them again (later migrations changed the tables the
    # services write, so an older app cannot be replayed through today's models).
    database, _ = migrations.open_and_migrate(db_target)
    try:
        boss = accounts.create_first_supervisor("boss", "Sara Supervisor", "correct horse")
        hannah = _add(boss, "Hannah", "Brown", phones=[("mobile", "0912 345 6789")])
        _add(boss, "Hannah", "Smith", notes="Moved to the Shiraz branch")
        if search.is_postgres(database):
            database.execute_sql("UPDATE customer_search SET document = setweight(document, 'D')")  # as version 8 wrote
        with database.atomic():
            migrations._0009_search_weights(database, None)
        assert _typing("hannah br")[0] == hannah.id
        assert _typing("0912 345 6789") == [hannah.id]
    finally:
        dbmod.close()


def test_the_directory_model_lists_the_ranked_matches_page_after_page(app, staff, qtbot):
    """The directory's table model pages on by each page's last key; with the ranking that key is
    (group, id), and scrolling down and back up lists the matches in the same order."""
    from ui.pages.directory_model import DirectoryModel

    for i in range(7):
        _add(staff, "Karim", f"Whole{i}")
        _add(staff, f"Karimi{i}", "Start")
        _add(staff, "Other", f"Notes{i}", notes="ask for karim")
    q = cs.DirectoryQuery(search="karim", sort=cs.SORT_MATCH, descending=True)
    expected = [r.id for r in cs.page(q, 0, 100)]
    model = DirectoryModel()
    model.PAGE, model.KEEP_PAGES = 4, 2  # small pages, few kept: most rows come through a page's key
    with qtbot.waitSignal(model.counted, timeout=5000) as counted:
        model.set_query(q)
        assert model.rowCount() == 4 and model.is_counting()  # the first page at once, then the count
    assert counted.args == [21] and model.rowCount() == 21 and not model.is_counting()
    down = [model.data(model.index(row, 0), DirectoryModel.IdRole) for row in range(21)]
    up = [model.data(model.index(row, 0), DirectoryModel.IdRole) for row in reversed(range(21))]
    assert down == expected == list(reversed(up))
    assert model.data(model.index(0, 0)).strip("\u2068\u2069") == "Karim Whole6"


@pytest.mark.parametrize(
    "lang, best, other, typed",
    [
        ("en", ("Hannah", "Brown", ""), ("Hannah", "Smith", "Moved to the Shiraz branch"), "hannah br"),
        ("fa", ("مریم", "کریمی", ""), ("مریم", "احمدی", "از شعبهٔ کرج تماس گرفت"), "مريم كر"),
    ],
)
def test_typing_a_name_and_enter_opens_that_person_not_a_newer_note(
    app, staff, db_target, qtbot, lang, best, other, typed
):
    """The issue's case, by keyboard: the search preselects the person whose name was typed, not a
    newer customer whose notes hold the second word, and Enter opens them."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.helpers import signed_in_window
    from ui import i18n

    i18n.apply_language(app, lang)
    wanted = _add(staff, best[0], best[1], notes=best[2])
    _add(staff, other[0], other[1], notes=other[2])
    window = signed_in_window(staff, db_target, qtbot)
    window.show_page(1)
    page = window.customers_page
    QTest.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    for ch in typed:
        QTest.sendKeyEvent(QTest.KeyAction.Click, page.search, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
    assert page.search.text() == typed
    qtbot.waitUntil(lambda: page.model.query.search == typed and page.model.rowCount() == 2)
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.profile and page.profile.customer_id == wanted.id
