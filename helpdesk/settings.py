"""Settings shared by every desk, kept in the database. Each is declared once, with its default.

(Settings of one desk, such as its language or window size, live in QSettings in the UI.)
"""

from __future__ import annotations

import json

import peewee as pw

from . import audit
from .db import database
from .errors import ValidationError
from .models import Setting, Staff
from .permissions import require_supervisor

DEFAULTS = {
    "phone_region": "IR",  # the country a number without +/00 belongs to
    "hold_reminder_seconds": 30,  # remind staff to go back to a caller on hold after this long
    # Hours to the first response and to the resolution of a complaint, per priority.
    "complaint_targets": {"urgent": [1, 8], "high": [4, 24], "normal": [8, 72], "low": [24, 168]},
    # At the head of every report: the business's name, and its logo (PNG or JPEG, base64) or "".
    "business_name": "",
    "business_logo": "",
    # Where the backups go (helpdesk/backups.py); "" is a "backups" folder in the user's data folder.
    "backup_folder": "",
    # Minutes without a key or a click before a desk locks itself (ui/lock.py). No "never": the lock
    # keeps customers' data from whoever stands at an unattended desk; Ctrl+L locks at once.
    "lock_minutes": 5,
}
# Limits of the whole-number settings.
RANGES = {"hold_reminder_seconds": (5, 600), "lock_minutes": (1, 120)}


# Every setting as stored (its JSON text and version), read in one statement the first time one is
# asked for and kept until this desk writes one (``set_value``) or is told another desk did
# (``forget``): a phone cell, a due time or a report header costs no round trip to the server.
_stored: dict[str, tuple[str, int]] | None = None
_stored_from: object = None  # the database they were read from; another one (a test's, a switch) reads again


def forget() -> None:
    """Read the settings again next time one is asked for: another desk has changed one."""
    global _stored, _stored_from
    _stored, _stored_from = None, None


def _row(key: str) -> tuple[str, int] | None:
    global _stored, _stored_from
    stored, source = _stored, database.obj
    if stored is None or _stored_from is not source:
        stored = {
            k: (value, number)
            for k, value, number in Setting.select(Setting.key, Setting.value, Setting.version).tuples()
        }
        # Not kept when read inside a transaction: what it saw may yet be rolled back.
        if not database.in_transaction():
            _stored, _stored_from = stored, source
    return stored.get(key)


def get(key: str):
    row = _row(key)
    return json.loads(row[0]) if row is not None else DEFAULTS[key]


def version(key: str) -> int:
    """The stored version of a setting, 0 while it still has its default: what a settings page
    remembers when it shows the value, and hands back when it saves."""
    row = _row(key)
    return row[1] if row is not None else 0


def set_value(actor: Staff, key: str, value, version: int | None = None) -> None:
    """Store a setting. ``version`` is the one the supervisor saw (see ``version``); when another
    supervisor saved the setting since, nothing is written and ``Conflict`` says what they chose."""
    require_supervisor(actor)
    if key not in DEFAULTS:
        raise ValidationError(key, "invalid_choice")
    if key in RANGES:
        low, high = RANGES[key]
        if not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(key, "out_of_range", minimum=low, maximum=high)
    try:
        row = Setting.get_or_none(Setting.key == key)
        encoded = json.dumps(value, ensure_ascii=False)
        if row is None:
            try:
                with database.atomic():  # a savepoint inside a caller's transaction
                    audit.create(actor, Setting, key=key, value=encoded)
            except pw.IntegrityError:  # another desk stored its first value at the same moment
                row = Setting.get(Setting.key == key)
                raise audit.conflict(row, {"key": key, "value": None, "version": 0}) from None
            return
        with audit.changing(actor, row, version=version):  # 0: they saw the default, someone stored one since
            row.value = encoded
    finally:
        forget()  # saved or refused (then what this desk kept was out of date): read them again


def phone_region() -> str:
    return get("phone_region")


def hold_reminder_seconds() -> int:
    return int(get("hold_reminder_seconds"))


def lock_minutes() -> int:
    return int(get("lock_minutes"))


BUSINESS_NAME_LIMIT = 120
LOGO_LIMIT = 1024 * 1024  # bytes


def business_name() -> str:
    return str(get("business_name") or "")


def business_logo() -> bytes | None:
    import base64

    encoded = get("business_logo")
    return base64.b64decode(encoded) if encoded else None


def set_business(actor: Staff, name: str, logo: bytes | None, versions: dict[str, int] | None = None) -> None:
    """The name and logo on every report. The logo must be a PNG or JPEG picture of at most 1 MB;
    ``None`` removes it. ``versions`` are the versions of the two settings the supervisor saw."""
    import base64
    from io import BytesIO

    from .text import clean_line, unusable

    require_supervisor(actor)
    name = clean_line(name or "")
    if unusable(name):
        raise ValidationError("business_name", "unusable_characters")
    if len(name) > BUSINESS_NAME_LIMIT:
        raise ValidationError("business_name", "too_long", limit=BUSINESS_NAME_LIMIT)
    if logo is not None:
        if len(logo) > LOGO_LIMIT:
            raise ValidationError("business_logo", "logo_too_big", limit=LOGO_LIMIT // 1024)
        try:
            from PIL import Image

            with Image.open(BytesIO(logo)) as picture:
                picture.verify()
                kind = picture.format
        except Exception:  # noqa: BLE001 - any failure to read it means it is not a picture we can print
            raise ValidationError("business_logo", "not_a_picture") from None
        if kind not in ("PNG", "JPEG"):
            raise ValidationError("business_logo", "not_a_picture")
    versions = versions or {}
    encoded = base64.b64encode(logo).decode("ascii") if logo else ""
    with database.atomic():
        if name != business_name():
            set_value(actor, "business_name", name, versions.get("business_name"))
        if encoded != get("business_logo"):
            set_value(actor, "business_logo", encoded, versions.get("business_logo"))
