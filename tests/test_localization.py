from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from helpdesk.localization import (
    digits,
    format_date,
    format_datetime,
    format_number,
    format_short_date,
    latin_digits,
)


def test_persian_dates_are_jalali_with_persian_digits():
    assert format_date(date(2026, 11, 23), "fa") == "۲ آذر ۱۴۰۵"
    assert format_short_date(date(2026, 3, 21), "fa") == "۱۴۰۵/۰۱/۰۱"
    assert format_datetime(datetime(2026, 11, 23, 9, 5), "fa") == "۲ آذر ۱۴۰۵ ۰۹:۰۵"


def test_english_dates_are_gregorian():
    assert format_date(date(2026, 11, 23), "en") == "23 November 2026"
    assert format_short_date(date(2026, 11, 23), "en") == "2026-11-23"


def test_numbers():
    assert format_number(200000, "fa") == "۲۰۰٬۰۰۰"
    assert format_number(1234.5, "en", 1) == "1,234.5"
    assert digits("Page 3 of 12", "en") == "Page 3 of 12"


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_round_trip(n):
    assert latin_digits(digits(n, "fa")) == str(n)
    assert latin_digits("".join("٠١٢٣٤٥٦٧٨٩"[int(c)] for c in str(n))) == str(n)


def test_a_list_is_joined_with_the_comma_of_its_language():
    from helpdesk.localization import listed

    assert listed(["Phone", "VIP"], "en") == "Phone, VIP"
    assert listed(iter(["تلفن", "ویژه"]), "fa") == "تلفن، ویژه"
