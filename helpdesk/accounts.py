"""Staff accounts: the first supervisor, signing in with lock-out, and account management.

Passwords are hashed with argon2id. Five wrong passwords in a row lock an account
for five minutes. Supervisors manage accounts; an account that has records can only
be deactivated, never deleted.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

import peewee as pw

from . import audit, permissions
from .clock import utcnow
from .db import database
from .errors import (
    AccountInactive,
    AccountInUse,
    AccountLocked,
    AuthenticationFailed,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from .models import ROLE_STAFF, ROLE_SUPERVISOR, ROLES, AuditEntry, Staff
from .permissions import Standing, require_signed_in, require_supervisor
from .text import clean_line, unusable

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
USERNAME_RE = re.compile(r"^[\w.\-]{3,64}$")

_hasher = None


def _argon2():
    """The argon2id hasher, imported on first use so start-up does not wait for it."""
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher, Type

        _hasher = PasswordHasher(type=Type.ID)
    return _hasher


def hash_password(password: str) -> str:
    return _argon2().hash(password)


def _verify(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    if unusable(password) or len(password) > MAX_PASSWORD_LENGTH:
        return False  # no password can be that; it is simply wrong
    try:
        return _argon2().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_DUMMY_HASH = None


def _spend_equal_time(password: str) -> None:
    """Verify against a dummy hash so an unknown name takes as long as a wrong password."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("not a real password")
    _verify(_DUMMY_HASH, password)


# --- validation --------------------------------------------------------------


def normalise_username(username: str) -> str:
    return (username or "").strip().lower()


def validate_username(username: str) -> str:
    name = normalise_username(username)
    if not name:
        raise ValidationError("username", "required")
    if not USERNAME_RE.match(name):
        raise ValidationError("username", "username_format")
    return name


def validate_full_name(full_name: str) -> str:
    name = clean_line(full_name)
    if not name:
        raise ValidationError("full_name", "required")
    if unusable(name):
        raise ValidationError("full_name", "unusable_characters")
    if len(name) > 200:
        raise ValidationError("full_name", "too_long", limit=200)
    return name


def validate_password(password: str, field: str = "password") -> str:
    if not password:
        raise ValidationError(field, "required")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(field, "password_short", minimum=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(field, "too_long", limit=MAX_PASSWORD_LENGTH)
    if unusable(password):
        raise ValidationError(field, "unusable_characters")
    return password


def validate_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError("role", "invalid_choice")
    return role


def _ensure_unique(username: str) -> None:
    if Staff.select().where(Staff.username == username).exists():
        raise ValidationError("username", "username_taken")


# --- first run and signing in ------------------------------------------------


def has_accounts() -> bool:
    return Staff.select().exists()


def create_first_supervisor(username: str, full_name: str, password: str) -> Staff:
    """Only on an empty database: the account that manages all the others."""
    username = validate_username(username)
    full_name = validate_full_name(full_name)
    validate_password(password)
    with database.atomic():
        if has_accounts():
            raise PermissionDenied("accounts already exist")
        staff = audit.create(
            None,
            Staff,
            username=username,
            full_name=full_name,
            role=ROLE_SUPERVISOR,
            password_hash=hash_password(password),
        )
    return staff


def authenticate(username: str, password: str, now: datetime | None = None) -> Staff:
    """The signed-in account, or an error saying why not. Counts wrong passwords.

    Every try is counted before the password is checked, in one statement that also locks
    the account at the fifth (``_count_a_try``): desks guessing in parallel share the five
    tries of a lock window, however many they are. Every try, right or wrong, is audited.
    """
    now = now or utcnow()
    name = normalise_username(username)
    # A name no account can have (a broken character, too long) is not looked up at all.
    staff = Staff.get_or_none(Staff.username == name) if USERNAME_RE.match(name) else None
    if staff is None:
        _spend_equal_time(password)
        _audit_sign_in("sign_in_failed", None, name)
        raise AuthenticationFailed(name)
    tried = _count_a_try(staff, now)
    if tried is None:  # locked: the password is not even looked at
        _audit_sign_in("sign_in_locked", staff, name, locked_until=staff.locked_until)
        raise AccountLocked(name, until=staff.locked_until)
    count, locked_now = tried
    if not _verify(staff.password_hash, password):
        _audit_sign_in("sign_in_failed", staff, name, failed_attempts=count, locked_until=staff.locked_until)
        if locked_now:
            raise AccountLocked(name, until=staff.locked_until)
        raise AuthenticationFailed(name, remaining=MAX_FAILED_ATTEMPTS - count)
    # The right password: the count starts over (a lock this very try set is lifted).
    (Staff.update(failed_attempts=0, locked_until=None).where(Staff.id == staff.id).execute())
    staff.failed_attempts, staff.locked_until = 0, None
    if not staff.active:
        _audit_sign_in("sign_in_inactive", staff, name)
        raise AccountInactive(name)
    _audit_sign_in("sign_in", staff, name)
    return staff


def _count_a_try(staff: Staff, now: datetime) -> tuple[int, bool] | None:
    """Count one more try at ``staff``'s password, unless the account is locked (then None).

    One statement, so tries from several desks at the same moment each get their own number:
    the fifth locks the account for ``LOCK_DURATION`` and starts the count over. Returns the
    number of this try and whether it locked the account. The sign-in counters are not an
    edit of the account, so its version stays (a supervisor's open copy is still current).
    """
    fifth = Staff.failed_attempts + 1 >= MAX_FAILED_ATTEMPTS
    until = now + LOCK_DURATION
    row = (
        Staff.update(
            failed_attempts=pw.Case(None, [(fifth, 0)], Staff.failed_attempts + 1),
            locked_until=pw.Case(None, [(fifth, until)], Staff.locked_until),
        )
        .where((Staff.id == staff.id) & (Staff.locked_until.is_null() | (Staff.locked_until <= now)))
        .returning(Staff.failed_attempts, Staff.locked_until)
        .tuples()
        .execute()
    )
    row = next(iter(row), None)
    if row is None:
        staff.locked_until = Staff.select(Staff.locked_until).where(Staff.id == staff.id).scalar()
        return None
    count = row[0]
    locked_now = count == 0  # the CASE started the count over: this was the fifth
    staff.failed_attempts, staff.locked_until = count, (until if locked_now else staff.locked_until)
    return (MAX_FAILED_ATTEMPTS if locked_now else count), locked_now


def _audit_sign_in(action: str, staff: Staff | None, name: str, **details) -> None:
    """One line of the audit trail for a try at signing in: which name, which account (``record_id``),
    and what came of it. No actor: a sign-in changes nothing, and an account that only ever signed
    in may still be deleted (``has_records``)."""
    after = {"username": name[:64] if USERNAME_RE.match(name) else ascii(name[:64]), **details}
    after = {key: value.isoformat() if isinstance(value, datetime) else value for key, value in after.items()}
    AuditEntry.create(
        at=utcnow(),
        actor=None,
        action=action,
        table_name=Staff._meta.table_name,
        record_id=str(staff.id) if staff is not None else "",
        before=None,
        after=json.dumps(after, ensure_ascii=False, sort_keys=True),
    )


def standing(actor: Staff) -> Standing | None:
    """The signed-in person's role and state as stored now (None: the account is gone), for the
    window, when it hears that the account changed: a deactivated person is signed out, a
    demoted one loses the supervisors' screens."""
    return permissions.standing(actor)


# --- management (supervisors) ------------------------------------------------


def _get(staff_id: int) -> Staff:
    staff = Staff.get_or_none(Staff.id == staff_id)
    if staff is None:
        raise NotFound(f"staff {staff_id}")
    return staff


def list_accounts(actor: Staff) -> list[Staff]:
    require_supervisor(actor)
    return list(Staff.select().order_by(Staff.active.desc(), Staff.full_name))


def colleagues(actor: Staff) -> list[Staff]:
    """Everyone with an active account, for choosing who a follow-up or a filter is for."""
    require_signed_in(actor)
    return list(Staff.select().where(Staff.active == True).order_by(Staff.full_name))  # noqa: E712 - a peewee expression: "== True" builds the SQL


def create_account(actor: Staff, username: str, full_name: str, role: str, password: str) -> Staff:
    require_supervisor(actor)
    username = validate_username(username)
    full_name = validate_full_name(full_name)
    role = validate_role(role)
    validate_password(password)
    with database.atomic():
        _ensure_unique(username)
        return audit.create(
            actor, Staff, username=username, full_name=full_name, role=role, password_hash=hash_password(password)
        )


def _other_active_supervisors(staff: Staff) -> int:
    return (
        Staff.select()
        .where((Staff.role == ROLE_SUPERVISOR) & (Staff.active == True) & (Staff.id != staff.id))  # noqa: E712 - a peewee expression: "== True" builds the SQL
        .count()
    )


def _keep_a_supervisor(staff: Staff) -> None:
    """Nobody may remove the last active supervisor: then nobody could manage accounts."""
    if staff.is_supervisor and staff.active and _other_active_supervisors(staff) == 0:
        raise PermissionDenied("last active supervisor", reason="last_supervisor")


def set_active(actor: Staff, staff_id: int, active: bool, version: int | None = None) -> Staff:
    """``version``: the account's version the supervisor saw; if another supervisor changed the
    account since, ``Conflict`` says so and nothing is written (as for every account edit below)."""
    require_supervisor(actor)
    staff = _get(staff_id)
    audit.check_version(staff, version)
    if staff.active == active:
        return staff
    if not active:
        _keep_a_supervisor(staff)
    with audit.changing(actor, staff, action="activate" if active else "deactivate", version=version):
        staff.active = active
    return staff


def change_role(actor: Staff, staff_id: int, role: str, version: int | None = None) -> Staff:
    require_supervisor(actor)
    role = validate_role(role)
    staff = _get(staff_id)
    audit.check_version(staff, version)
    if staff.role == role:
        return staff
    if role == ROLE_STAFF:
        _keep_a_supervisor(staff)
    with audit.changing(actor, staff, version=version):
        staff.role = role
    return staff


def reset_password(actor: Staff, staff_id: int, new_password: str, version: int | None = None) -> Staff:
    require_supervisor(actor)
    validate_password(new_password)
    staff = _get(staff_id)
    with audit.changing(actor, staff, action="reset_password", version=version):
        staff.password_hash = hash_password(new_password)
        staff.failed_attempts = 0
        staff.locked_until = None
    return staff


def change_own_password(actor: Staff, current_password: str, new_password: str) -> Staff:
    require_signed_in(actor)
    own = _get(actor.id)  # as stored now: the copy from sign-in may be older than another supervisor's edit
    if not _verify(own.password_hash, current_password):
        raise ValidationError("current_password", "wrong_password")
    validate_password(new_password, field="new_password")
    with audit.changing(actor, own, action="change_password"):
        own.password_hash = hash_password(new_password)
    actor.password_hash, actor.version = own.password_hash, own.version
    return own


def has_records(staff: Staff) -> bool:
    """True when any record names this account as its author, editor or actor."""
    return any(backref.model.select().where(backref == staff.id).exists() for backref in Staff._meta.backrefs)


def delete_account(actor: Staff, staff_id: int, version: int | None = None) -> None:
    """Delete an account that never did anything; one with records can only be deactivated."""
    require_supervisor(actor)
    staff = _get(staff_id)
    audit.check_version(staff, version)
    if staff.id == actor.id:
        raise PermissionDenied("cannot delete yourself", reason="self")
    _keep_a_supervisor(staff)
    with database.atomic():
        if has_records(staff):
            raise AccountInUse(staff.username)
        audit.delete(actor, staff)
