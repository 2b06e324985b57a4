"""Phone numbers the demo gives its customers, every one valid for ``phonenumbers``,
and the typing slip that makes a near-duplicate of one."""

from __future__ import annotations

import random

# Phone numbers by construction valid for ``phonenumbers`` (tests check a large sample).
IRAN_MOBILE = [
    "912",
    "912",
    "912",
    "935",
    "935",
    "919",
    "919",
    "936",
    "939",
    "901",
    "902",
    "910",
    "913",
    "917",
    "921",
    "922",
    "930",
    "933",
    "937",
    "938",
    "990",
]
IRAN_AREAS = ["21", "21", "21", "31", "51", "71", "41", "26", "13", "61", "34"]
INTERNATIONAL = [  # (country code, a national prefix, digits after it)
    ("44", "7", 9),  # UK mobile
    ("1", "212", 7),
    ("1", "415", 7),
    ("1", "617", 7),
    ("1", "416", 7),  # US and Canada
    ("49", "17", 9),
    ("49", "151", 8),  # Germany mobile
    ("971", "50", 7),
    ("971", "55", 7),  # UAE mobile
    ("90", "53", 8),
    ("90", "54", 8),  # Turkey mobile
]


def _subscriber(rng: random.Random, digits: int) -> str:
    return f"{rng.randrange(10**digits):0{digits}d}"


def iran_mobile(rng: random.Random) -> str:
    return f"+98{rng.choice(IRAN_MOBILE)}{_subscriber(rng, 7)}"


def iran_landline(rng: random.Random, area: str | None = None) -> str:
    # Eight digits after the area code; numbers begin with 2-8 as real exchanges do.
    return f"+98{area or rng.choice(IRAN_AREAS)}{rng.randint(2, 8)}{_subscriber(rng, 7)}"


def international(rng: random.Random) -> str:
    country, prefix, digits = rng.choice(INTERNATIONAL)
    if country == "1":  # North America: the exchange code never begins with 0 or 1
        return f"+1{prefix}{rng.randint(2, 9)}{_subscriber(rng, digits - 1)}"
    if country == "44":
        return f"+447{rng.randint(1, 5)}{_subscriber(rng, digits - 1)}"
    return f"+{country}{prefix}{_subscriber(rng, digits)}"


def swap_digits(number: str, rng: random.Random) -> str:
    """The number with two neighbouring digits of its last six swapped: a typing slip that keeps it valid."""
    digits = list(number)
    spots = [i for i in range(len(digits) - 6, len(digits) - 1) if digits[i] != digits[i + 1]]
    if not spots:
        i = len(digits) - 1
        digits[i] = str((int(digits[i]) + 1) % 10)
        return "".join(digits)
    i = rng.choice(spots)
    digits[i], digits[i + 1] = digits[i + 1], digits[i]
    return "".join(digits)
