"""Phone numbers: what people type, stored as E.164, and found by any fragment.

People type numbers in Persian, Arabic or Latin digits, with spaces, dashes,
brackets, a ``00`` or ``+`` prefix, or in the national form (``0912 …``). A number
is stored as E.164 (``+989121234567``). Search matches a fragment anywhere in
the digits, however the fragment was written.
"""

from __future__ import annotations

import re

from .errors import ValidationError
from .localization import latin_digits

DEFAULT_REGION = "IR"
MIN_FRAGMENT = 3
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015().\u200c\u200e\u200f/]+")


def _tidy(text: str) -> str:
    text = latin_digits(text or "").strip()
    text = _SEPARATORS.sub("", text)
    if text.startswith("00"):
        text = "+" + text[2:]
    return text


def parse(text: str, region: str = DEFAULT_REGION, field: str = "phone") -> str:
    """The E.164 form of a typed number, or a ``ValidationError`` for ``field``."""
    import phonenumbers

    tidy = _tidy(text)
    if not tidy:
        raise ValidationError(field, "required")
    if not re.fullmatch(r"\+?\d{3,17}", tidy):
        raise ValidationError(field, "phone_characters")
    try:
        number = phonenumbers.parse(tidy, region)
    except phonenumbers.NumberParseException:
        raise ValidationError(field, "phone_invalid") from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, "phone_invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display(e164: str, region: str = DEFAULT_REGION) -> str:
    """A stored number as people read it: national form at home, international abroad."""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    same_country = phonenumbers.region_code_for_number(number) == region
    style = phonenumbers.PhoneNumberFormat.NATIONAL if same_country else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)


def is_international(text: str) -> bool:
    """Whether ``text`` is typed with a ``+`` and a country code (``+98 …``): a phone number, nothing else.
    (``0098 …`` may be one too, but ``0042`` may be a unit or an order number.)"""
    return latin_digits(text or "").strip().startswith("+")


def digits_fragment(text: str) -> str | None:
    """The digits a typed fragment stands for inside a stored E.164 number.

    ``0912 34`` and ``۰۹۱۲۳۴`` mean ``91234`` (the national 0 is not stored); ``0098912``
    and ``+98912`` mean ``98912``. None when it is not a phone fragment.
    """
    tidy = _tidy(text)
    if not re.fullmatch(r"\+?\d+", tidy or ""):
        return None
    if tidy.startswith("+"):
        tidy = tidy[1:]
    elif tidy.startswith("0"):
        tidy = tidy.lstrip("0")
    return tidy if len(tidy) >= MIN_FRAGMENT else None


def index_tokens(e164: str) -> list[str]:
    """Every tail of the number's digits, so a prefix search on them finds any fragment."""
    digits = e164.lstrip("+")
    return [digits[i:] for i in range(len(digits) - MIN_FRAGMENT + 1)]
