"""Time, in one place, so tests can move it. Stored times are naive UTC."""

from __future__ import annotations

from datetime import date, datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def to_local(value: datetime) -> datetime:
    """A stored naive-UTC time as the machine's local time (naive)."""
    return value.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def today() -> date:
    """Today's date where the desk is."""
    return to_local(utcnow()).date()


def from_local(value: datetime) -> datetime:
    """A naive local time of this machine as stored time (naive UTC): the inverse of ``to_local``."""
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def as_datetime(value) -> datetime:
    """A stored time as a datetime: SQLite hands back text from grouped or raw queries."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
