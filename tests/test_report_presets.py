"""The period presets of the reports (issue 15, reuse): the last 7 and 30 days, this quarter, this
year and last year; Jalali quarters and years in Persian, Gregorian ones in English. Each date is
worked out from the ``today`` given, never the real calendar: at year ends, at Nowruz and on leap days."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from helpdesk import reports

D = date
CASES = [
    # today, language, {preset: (first, last)}
    (
        D(2026, 12, 31),
        "en",
        {
            "last_7_days": (D(2026, 12, 25), D(2026, 12, 31)),
            "last_30_days": (D(2026, 12, 2), D(2026, 12, 31)),
            "this_quarter": (D(2026, 10, 1), D(2026, 12, 31)),
            "this_year": (D(2026, 1, 1), D(2026, 12, 31)),
            "last_year": (D(2025, 1, 1), D(2025, 12, 31)),
        },
    ),
    (
        D(2027, 1, 1),
        "en",
        {
            "last_7_days": (D(2026, 12, 26), D(2027, 1, 1)),  # across the year's end
            "last_30_days": (D(2026, 12, 3), D(2027, 1, 1)),
            "this_quarter": (D(2027, 1, 1), D(2027, 1, 1)),
            "this_year": (D(2027, 1, 1), D(2027, 1, 1)),
            "last_year": (D(2026, 1, 1), D(2026, 12, 31)),
        },
    ),
    (
        D(2028, 2, 29),
        "en",
        {
            "last_7_days": (D(2028, 2, 23), D(2028, 2, 29)),  # a leap day
            "last_30_days": (D(2028, 1, 31), D(2028, 2, 29)),
            "this_quarter": (D(2028, 1, 1), D(2028, 2, 29)),
            "this_year": (D(2028, 1, 1), D(2028, 2, 29)),
            "last_year": (D(2027, 1, 1), D(2027, 12, 31)),
        },
    ),
    (
        D(2028, 3, 1),
        "en",
        {
            "last_7_days": (D(2028, 2, 24), D(2028, 3, 1)),  # seven days counting the 29th
            "last_30_days": (D(2028, 2, 1), D(2028, 3, 1)),
        },
    ),
    (D(2026, 7, 1), "en", {"this_quarter": (D(2026, 7, 1), D(2026, 7, 1))}),
    # Jalali: 1 Farvardin 1406 (Nowruz) is 21 March 2027; 1405 ran from 21 March 2026 to 20 March 2027.
    (
        D(2027, 3, 21),
        "fa",
        {
            "last_7_days": (D(2027, 3, 15), D(2027, 3, 21)),
            "this_quarter": (D(2027, 3, 21), D(2027, 3, 21)),
            "this_year": (D(2027, 3, 21), D(2027, 3, 21)),
            "last_year": (D(2026, 3, 21), D(2027, 3, 20)),
        },
    ),
    (
        D(2027, 3, 20),
        "fa",
        {
            "this_quarter": (D(2026, 12, 22), D(2027, 3, 20)),  # 29 Esfand 1405: Dey–Esfand
            "this_year": (D(2026, 3, 21), D(2027, 3, 20)),
            "last_year": (D(2025, 3, 21), D(2026, 3, 20)),
        },
    ),
    # 1403 was a Jalali leap year: 30 Esfand 1403 is 20 March 2025, and 1403 began on 20 March 2024.
    (
        D(2025, 3, 20),
        "fa",
        {"this_year": (D(2024, 3, 20), D(2025, 3, 20)), "this_quarter": (D(2024, 12, 21), D(2025, 3, 20))},
    ),
    (
        D(2025, 3, 21),
        "fa",
        {
            "last_year": (D(2024, 3, 20), D(2025, 3, 20)),  # 366 days
            "this_year": (D(2025, 3, 21), D(2025, 3, 21)),
        },
    ),
    # The Gregorian year's end is the middle of a Jalali quarter (Dey began on 22 December 2026).
    (
        D(2026, 12, 31),
        "fa",
        {
            "this_quarter": (D(2026, 12, 22), D(2026, 12, 31)),
            "this_year": (D(2026, 3, 21), D(2026, 12, 31)),
            "last_year": (D(2025, 3, 21), D(2026, 3, 20)),
        },
    ),
    (D(2026, 12, 21), "fa", {"this_quarter": (D(2026, 9, 23), D(2026, 12, 21))}),  # 30 Azar: Mehr–Azar
    (D(2026, 6, 22), "fa", {"this_quarter": (D(2026, 6, 22), D(2026, 6, 22))}),  # 1 Tir: Tir–Shahrivar
    (
        D(2028, 2, 29),
        "fa",
        {
            "this_quarter": (D(2027, 12, 22), D(2028, 2, 29)),
            "this_year": (D(2027, 3, 21), D(2028, 2, 29)),
            "last_30_days": (D(2028, 1, 31), D(2028, 2, 29)),
        },
    ),
]


@pytest.mark.parametrize("today,lang,expected", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_preset_periods(today, lang, expected):
    for preset, period in expected.items():
        assert reports.preset_period(preset, lang, today) == period, preset


def test_the_jalali_quarters_and_years_are_whole_and_in_order():
    """Every day of 1402–1407 (two leap years among them) falls in the quarter and year the presets give,
    each starting on the first of Farvardin, Tir, Mehr or Dey; last year ends the day before this one."""
    import jdatetime

    from helpdesk.localization import to_jalali

    day = jdatetime.date(1402, 1, 1).togregorian()
    end = jdatetime.date(1408, 1, 1).togregorian()
    while day < end:
        j = to_jalali(day)
        first, last = reports.preset_period("this_quarter", "fa", day)
        assert last == day and (to_jalali(first).month, to_jalali(first).day) == ((j.month - 1) // 3 * 3 + 1, 1)
        first_of_year, _ = reports.preset_period("this_year", "fa", day)
        assert to_jalali(first_of_year) == jdatetime.date(j.year, 1, 1)
        before_first, before_last = reports.preset_period("last_year", "fa", day)
        assert (before_last - before_first).days + 1 == (366 if jdatetime.date(j.year - 1, 1, 1).isleap() else 365)
        assert before_last == first_of_year.fromordinal(first_of_year.toordinal() - 1)
        day = day.fromordinal(day.toordinal() + 5)  # every fifth day: every month and season boundary nearby


def test_every_preset_makes_a_period_a_report_accepts():
    for today in (D(2026, 1, 1), D(2027, 3, 21), D(2028, 2, 29), D(2026, 12, 31)):
        for lang in ("en", "fa"):
            for preset in reports.PRESETS:
                if preset == "custom":
                    continue
                first, last = reports.preset_period(preset, lang, today)
                assert first <= last <= today or preset in ("last_month", "last_year"), (preset, lang)
                reports.check(reports.Request("activity", lang, first, last))


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_report_centre_offers_the_new_presets_in_both_languages(request, lang, supervisor, qtbot, monkeypatch):
    from ui.pages import reports as reports_page
    from ui.pages.reports import ReportsPage

    request.getfixturevalue("persian" if lang == "fa" else "app")
    monkeypatch.setattr(reports_page, "today", lambda: D(2027, 3, 21))  # Nowruz 1406, a Sunday
    page = ReportsPage(supervisor)
    qtbot.addWidget(page)
    page.show()
    words = [page.preset.itemText(i) for i in range(page.preset.count())]
    assert [page.preset.itemData(i) for i in range(page.preset.count())] == list(reports.PRESETS)
    if lang == "fa":
        assert words == [
            "امروز",
            "این هفته",
            "۷ روز گذشته",
            "این ماه",
            "۳۰ روز گذشته",
            "ماه گذشته",
            "این فصل",
            "امسال",
            "سال گذشته",
            "دلخواه",
        ]
    else:
        assert words == [
            "Today",
            "This week",
            "Last 7 days",
            "This month",
            "Last 30 days",
            "Last month",
            "This quarter",
            "This year",
            "Last year",
            "Custom",
        ]
    page.preset.setFocus()
    page.preset.setCurrentIndex(page.preset.findData("this_week"))
    wanted = {
        "last_7_days": (D(2027, 3, 15), D(2027, 3, 21)),
        "last_30_days": (D(2027, 2, 20), D(2027, 3, 21)),
        "last_month": reports.preset_period("last_month", lang, D(2027, 3, 21)),
        "this_quarter": (D(2027, 3, 21), D(2027, 3, 21)) if lang == "fa" else (D(2027, 1, 1), D(2027, 3, 21)),
        "this_year": (D(2027, 3, 21), D(2027, 3, 21)) if lang == "fa" else (D(2027, 1, 1), D(2027, 3, 21)),
        "last_year": (D(2026, 3, 21), D(2027, 3, 20)) if lang == "fa" else (D(2026, 1, 1), D(2026, 12, 31)),
    }
    for preset in ("last_7_days", "last_30_days", "last_month", "this_quarter", "this_year", "last_year"):
        while page.preset.currentData() != preset:  # down the list with the keyboard, as a person would
            qtbot.keyClick(page.preset, Qt.Key.Key_Down)
        assert page.period() == wanted[preset], preset


@pytest.mark.parametrize(
    "lang, period, compared",
    [
        # whole months beside the months before them, the last day of a month kept (30 April -> 31 March)
        ("en", (D(2026, 4, 1), D(2026, 4, 30)), (D(2026, 3, 1), D(2026, 3, 31))),
        ("en", (D(2028, 3, 1), D(2028, 3, 31)), (D(2028, 2, 1), D(2028, 2, 29))),
        ("en", (D(2026, 11, 1), D(2026, 11, 23)), (D(2026, 10, 1), D(2026, 10, 23))),  # this month so far
        # this year so far beside the same days of last year, not the eleven months before it
        ("en", (D(2026, 1, 1), D(2026, 11, 30)), (D(2025, 1, 1), D(2025, 11, 30))),
        ("en", (D(2025, 1, 1), D(2025, 12, 31)), (D(2024, 1, 1), D(2024, 12, 31))),
        ("en", (D(2026, 10, 1), D(2026, 11, 30)), (D(2026, 7, 1), D(2026, 8, 31))),  # this quarter so far
        ("en", (D(2026, 11, 10), D(2026, 11, 16)), (D(2026, 11, 3), D(2026, 11, 9))),  # any days: the days before
        # Jalali: Azar 1-9 1405 beside Aban 1-9; Esfand 1403 (30 days, a leap year) beside Bahman;
        # this Jalali year so far beside the same days of 1404; Mehr-Azar beside Tir-Shahrivar
        ("fa", (D(2026, 11, 22), D(2026, 11, 30)), (D(2026, 10, 23), D(2026, 10, 31))),
        ("fa", (D(2025, 2, 19), D(2025, 3, 20)), (D(2025, 1, 20), D(2025, 2, 18))),
        ("fa", (D(2026, 3, 21), D(2026, 11, 30)), (D(2025, 3, 21), D(2025, 11, 30))),
        ("fa", (D(2026, 9, 23), D(2026, 12, 21)), (D(2026, 6, 22), D(2026, 9, 22))),
    ],
)
def test_a_period_is_compared_with_the_one_a_supervisor_expects(lang, period, compared):
    assert reports.previous_period(*period, lang) == compared
