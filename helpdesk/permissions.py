"""Who may do what. Services call these; the UI only hides what would be refused."""
from __future__ import annotations

from .errors import PermissionDenied
from .models import Staff


def require_signed_in(actor: Staff | None) -> Staff:
    if actor is None or not actor.active:
        raise PermissionDenied("not signed in")
    return actor


def require_supervisor(actor: Staff | None) -> Staff:
    require_signed_in(actor)
    if not actor.is_supervisor:
        raise PermissionDenied(f"{actor.username} is not a supervisor")
    return actor
