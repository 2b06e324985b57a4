"""Staff accounts: the first supervisor, signing in with lock-out, and account management.

Passwords are hashed with argon2id. Five wrong passwords in a row lock an account
for five minutes. Supervisors manage accounts; an account that has records can only
be deactivated, never deleted.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from . import audit
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
from .models import ROLE_STAFF, ROLE_SUPERVISOR, ROLES, Staff
from .permissions import require_signed_in, require_supervisor
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
            None, Staff, username=username, full_name=full_name, role=ROLE_SUPERVISOR,
            password_hash=hash_password(password),
        )
    return staff


def authenticate(username: str, password: str, now: datetime | None = None) -> Staff:
    """The signed-in account, or an error saying why not. Counts wrong passwords."""
    now = now or utcnow()
    name = normalise_username(username)
    # A name no account can have (a broken character, too long) is not looked up at all.
    staff = Staff.get_or_none(Staff.username == name) if USERNAME_RE.match(name) else None
    if staff is None:
        _spend_equal_time(password)
        raise AuthenticationFailed(name)
    if staff.locked_until is not None and staff.locked_until > now:
        raise AccountLocked(name, until=staff.locked_until)
    if not _verify(staff.password_hash, password):
        with audit.changing(None, staff, action="sign_in_failed"):
            staff.failed_attempts += 1
            if staff.failed_attempts >= MAX_FAILED_ATTEMPTS:
                staff.failed_attempts = 0
                staff.locked_until = now + LOCK_DURATION
        if staff.locked_until is not None and staff.locked_until > now:
            raise AccountLocked(name, until=staff.locked_until)
        raise AuthenticationFailed(name, remaining=MAX_FAILED_ATTEMPTS - staff.failed_attempts)
    if not staff.active:
        raise AccountInactive(name)
    if staff.failed_attempts or staff.locked_until is not None:
        with audit.changing(None, staff, action="sign_in"):
            staff.failed_attempts = 0
            staff.locked_until = None
    return staff


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
    return list(Staff.select().where(Staff.active == True).order_by(Staff.full_name))  # noqa: E712


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
        .where((Staff.role == ROLE_SUPERVISOR) & (Staff.active == True) & (Staff.id != staff.id))  # noqa: E712
        .count()
    )


def _keep_a_supervisor(staff: Staff) -> None:
    """Nobody may remove the last active supervisor: then nobody could manage accounts."""
    if staff.is_supervisor and staff.active and _other_active_supervisors(staff) == 0:
        raise PermissionDenied("last active supervisor", reason="last_supervisor")


def set_active(actor: Staff, staff_id: int, active: bool) -> Staff:
    require_supervisor(actor)
    staff = _get(staff_id)
    if staff.active == active:
        return staff
    if not active:
        _keep_a_supervisor(staff)
    with audit.changing(actor, staff, action="activate" if active else "deactivate"):
        staff.active = active
    return staff


def change_role(actor: Staff, staff_id: int, role: str) -> Staff:
    require_supervisor(actor)
    role = validate_role(role)
    staff = _get(staff_id)
    if staff.role == role:
        return staff
    if role == ROLE_STAFF:
        _keep_a_supervisor(staff)
    with audit.changing(actor, staff):
        staff.role = role
    return staff


def reset_password(actor: Staff, staff_id: int, new_password: str) -> Staff:
    require_supervisor(actor)
    validate_password(new_password)
    staff = _get(staff_id)
    with audit.changing(actor, staff, action="reset_password"):
        staff.password_hash = hash_password(new_password)
        staff.failed_attempts = 0
        staff.locked_until = None
    return staff


def change_own_password(actor: Staff, current_password: str, new_password: str) -> Staff:
    require_signed_in(actor)
    if not _verify(actor.password_hash, current_password):
        raise ValidationError("current_password", "wrong_password")
    validate_password(new_password, field="new_password")
    with audit.changing(actor, actor, action="change_password"):
        actor.password_hash = hash_password(new_password)
    return actor


def has_records(staff: Staff) -> bool:
    """True when any record names this account as its author, editor or actor."""
    return any(backref.model.select().where(backref == staff.id).exists() for backref in Staff._meta.backrefs)


def delete_account(actor: Staff, staff_id: int) -> None:
    """Delete an account that never did anything; one with records can only be deactivated."""
    require_supervisor(actor)
    staff = _get(staff_id)
    if staff.id == actor.id:
        raise PermissionDenied("cannot delete yourself", reason="self")
    _keep_a_supervisor(staff)
    with database.atomic():
        if has_records(staff):
            raise AccountInUse(staff.username)
        audit.delete(actor, staff)
