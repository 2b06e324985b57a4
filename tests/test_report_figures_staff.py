"""Staff recognition orders people by the rule that names the best (issue 15: 8 asked came before
1,100 asked): enough customers asked first, then the rate; the others after them, marked as not
ranked. Its main figures stand beside the previous period's. Known data made through the
services, the figures checked against a query written here."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from helpdesk import accounts, contacts, customers, reports
from helpdesk.contacts import ContactDraft, local_day_bounds
from helpdesk.customers import Draft
from helpdesk.localization import format_number
from helpdesk.models import Contact, Staff
from helpdesk.reports import Request, staff_recognition
from tests.conftest import TEST_TIMEZONE

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
TZ = ZoneInfo(TEST_TIMEZONE)
# (name, delighted, satisfied) in October: Asa has a perfect rate on 8 asked, Bahram 80% on 25,
# Dara 50% on 22, Elham 0% on 3.
OCTOBER_WORK = {"Asa Few": (8, 0), "Bahram Many": (20, 5), "Dara Middle": (11, 11), "Elham Fewer": (0, 3)}


def _utc(day: int, month: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=TZ).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


@pytest.fixture
def office(clock, supervisor):
    clock.move_to(datetime(2026, 9, 1, 9, 0, tzinfo=TZ))
    people = {
        name: accounts.create_account(supervisor, name.split()[0].lower(), name, "staff", "desk password")
        for name in OCTOBER_WORK
    }
    who = customers.create(supervisor, Draft(given_name="Maryam", family_name="Karimi")).id

    def contact(person, level, day, month, hour):
        started = _utc(day, month, hour)
        contacts.create(
            person,
            ContactDraft(
                customer_id=who,
                started_at=started,
                ended_at=started + timedelta(minutes=2),
                reason="Question",
                outcome="resolved",
                satisfaction=level,
            ),
        )

    for i in range(6):  # September: Bahram and Dara, a little less delighted
        contact(people["Bahram Many"], "delighted" if i < 3 else "satisfied", 10 + i, 9, 10)
        contact(people["Dara Middle"], "dissatisfied", 10 + i, 9, 11)
    clock.move_to(datetime(2026, 11, 3, 9, 0, tzinfo=TZ))
    for name, (delighted, satisfied) in OCTOBER_WORK.items():
        for i in range(delighted + satisfied):
            contact(people[name], "delighted" if i < delighted else "satisfied", 1 + i % 28, 10, 9 + i % 8)
    contact(people["Asa Few"], "not_asked", 30, 10, 12)
    return people


def _per_person_query(first: date, last: date) -> dict[str, tuple[int, int]]:
    """(asked, delighted) by name, counted row by row apart from the report."""
    start, end = local_day_bounds(first)[0], local_day_bounds(last)[1]
    found: dict[str, list[int]] = {}
    for c in Contact.select().where((Contact.started_at >= start) & (Contact.started_at < end)):
        name = Staff.get_by_id(c.staff_id).full_name
        counts = found.setdefault(name, [0, 0])
        counts[0] += c.satisfaction != "not_asked"
        counts[1] += c.satisfaction == "delighted"
    return {name: tuple(v) for name, v in found.items()}


def _words(path) -> str:
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in PdfReader(str(path)).pages))
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_staff_chart_and_table_follow_the_minimum_cases_rule(office, supervisor, tmp_path, lang):
    out = tmp_path / f"staff-{lang}.pdf"
    data = reports.generate(supervisor, Request("staff", lang, *OCTOBER), out)
    counted = _per_person_query(*OCTOBER)
    assert counted == {"Asa Few": (8, 8), "Bahram Many": (25, 20), "Dara Middle": (22, 11), "Elham Fewer": (3, 0)}
    enough = staff_recognition.ENOUGH["delighted"]
    # Those with enough asked by their rate, then the others by theirs: the best named is the first.
    expected = sorted(
        (n for n, (a, _d) in counted.items() if a >= enough), key=lambda n: -counted[n][1] / counted[n][0]
    ) + sorted((n for n, (a, _d) in counted.items() if a < enough), key=lambda n: -counted[n][1] / counted[n][0])
    assert expected == ["Bahram Many", "Dara Middle", "Asa Few", "Elham Fewer"]
    assert [p.name for p in data["people"]] == expected
    assert data["highlights"]["delighted"].name == "Bahram Many"
    assert [(p.asked, p.delighted) for p in data["people"]] == [counted[n] for n in expected]
    words = _words(out)
    if lang == "en":
        table = words[words.rindex("Each person") :]
        positions = [table.index(name) for name in expected]
        assert positions == sorted(positions)
        # The line that parts them stands between the ranked and the others, and the chart says so.
        assert table.index("Dara Middle") < table.index("Fewer than 20 asked: not ranked") < table.index("Asa Few")
        assert "Grey bars, and the rows after “Fewer than 20 asked: not ranked” in the table" in words
        chart = words[words.index("Share of customers asked who left delighted") : words.index("Grey bars")]
        # The chart draws its categories from the bottom up: the best at the top, drawn last.
        positions = [chart.index(name) for name in reversed(expected)]
        assert positions == sorted(positions)
    else:
        assert format_number(20, "fa") in words or format_number(20, "fa")[::-1] in words


def test_the_main_figures_beside_the_previous_period(office, supervisor, tmp_path):
    out = tmp_path / "staff.pdf"
    data = reports.generate(supervisor, Request("staff", "en", *OCTOBER), out)
    assert (data["previous"]["date_from"], data["previous"]["date_to"]) == (date(2026, 9, 1), date(2026, 9, 30))
    september, october = _per_person_query(date(2026, 9, 1), date(2026, 9, 30)), _per_person_query(*OCTOBER)
    asked_before, delighted_before = (sum(v[i] for v in september.values()) for i in (0, 1))
    asked_now, delighted_now = (sum(v[i] for v in october.values()) for i in (0, 1))
    assert (asked_before, delighted_before, asked_now, delighted_now) == (12, 3, 58, 39)
    assert data["previous"]["totals"]["asked"] == asked_before and data["totals"]["asked"] == asked_now
    assert data["totals"]["contacts"] == asked_now + 1  # Asa's one not asked
    assert data["previous"]["totals"]["delighted"] == pytest.approx(100 * delighted_before / asked_before)
    words = _words(out)
    assert "Compared with 1 September 2026 – 30 September 2026" in words
    assert "Asked 58 12 +46 (+383.3%)" in words
    assert "Delighted 67.2% 25.0% +42.2 points" in words
