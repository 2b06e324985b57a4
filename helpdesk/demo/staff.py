"""The demo's staff accounts, made through ``accounts`` as a supervisor would make them."""

from __future__ import annotations

import random

from .. import accounts
from ..models import Staff

DEMO_STAFF = [
    ("supervisor", "مهناز صالحی", "supervisor"),
    ("manager2", "Daniel Walker", "supervisor"),
    ("desk1", "نگار رستمی", "staff"),
    ("desk2", "امید فراهانی", "staff"),
    ("desk3", "Laura Green", "staff"),
    ("desk4", "حمید توکلی", "staff"),
]


def _password(rng: random.Random) -> str:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "demo-" + "".join(rng.choice(alphabet) for _ in range(8))


def create_staff(rng: random.Random) -> list[tuple[Staff, str]]:
    created = []
    first_user, first_name, _ = DEMO_STAFF[0]
    password = _password(rng)
    boss = accounts.create_first_supervisor(first_user, first_name, password)
    created.append((boss, password))
    for username, full_name, role in DEMO_STAFF[1:]:
        password = _password(rng)
        created.append((accounts.create_account(boss, username, full_name, role, password), password))
    return created
