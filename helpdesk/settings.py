"""Settings shared by every desk, kept in the database. Each is declared once, with its default.

(Settings of one desk, such as its language or window size, live in QSettings in the UI.)
"""
from __future__ import annotations

import json

from . import audit
from .errors import ValidationError
from .models import Setting, Staff
from .permissions import require_supervisor

DEFAULTS = {
    "phone_region": "IR",  # the country a number without +/00 belongs to
    "hold_reminder_seconds": 30,  # remind staff to go back to a caller on hold after this long
    # Hours to the first response and to the resolution of a complaint, per priority.
    "complaint_targets": {"urgent": [1, 8], "high": [4, 24], "normal": [8, 72], "low": [24, 168]},
}
# Limits of the whole-number settings.
RANGES = {"hold_reminder_seconds": (5, 600)}


def get(key: str):
    row = Setting.get_or_none(Setting.key == key)
    return json.loads(row.value) if row is not None else DEFAULTS[key]


def set_value(actor: Staff, key: str, value) -> None:
    require_supervisor(actor)
    if key not in DEFAULTS:
        raise ValidationError(key, "invalid_choice")
    if key in RANGES:
        low, high = RANGES[key]
        if not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(key, "out_of_range", minimum=low, maximum=high)
    row = Setting.get_or_none(Setting.key == key)
    encoded = json.dumps(value, ensure_ascii=False)
    if row is None:
        audit.create(actor, Setting, key=key, value=encoded)
    else:
        with audit.changing(actor, row):
            row.value = encoded


def phone_region() -> str:
    return get("phone_region")


def hold_reminder_seconds() -> int:
    return int(get("hold_reminder_seconds"))
