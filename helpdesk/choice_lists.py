"""Lists supervisors keep in both languages: the reasons a customer was lost, the complaint categories.

Each is a table of ``name_en``, ``name_fa``, ``active``, ``position`` and ``version`` (models
``LostReason`` and ``ComplaintCategory``). One ``ChoiceList`` serves them all: it lists the rows,
adds one (both names checked at once, a name already in the list refused, whatever its case: by a
unique index too, so two supervisors adding it at once cannot both succeed), and stops or resumes
offering one. Only a supervisor changes a list; every change is audited and made from the version
the person saw. Rows are never deleted: old customers and complaints keep pointing at them.
"""

from __future__ import annotations

from typing import Generic, TypeVar

import peewee as pw

from . import audit
from .errors import NotFound, ValidationError
from .models import ComplaintCategory, LostReason
from .permissions import require_supervisor
from .text import clean_line, unusable

NAME_LIMIT = 100
FIELDS = ("name_en", "name_fa")

Row = TypeVar("Row", LostReason, ComplaintCategory)


class ChoiceList(Generic[Row]):
    def __init__(self, model: type[Row], what: str):
        self.model: type[Row] = model
        self.what = what  # for the log: "lost reason 7 not found"

    def rows(self, include_inactive: bool = False) -> list[Row]:
        """In the order supervisors added them; only those still offered unless ``include_inactive``."""
        query = self.model.select().order_by(self.model.position, self.model.id)
        return list(query if include_inactive else query.where(self.model.active == True))  # noqa: E712 - a peewee expression: "== True" builds the SQL

    def add(self, actor, name_en: str, name_fa: str) -> Row:
        """A new row at the end of the list. Raises ``FormErrors`` naming every field that is wrong."""
        # Imported here: customers imports this module (its wrappers keep their names).
        from .customers import FormErrors

        require_supervisor(actor)
        names = {"name_en": clean_line(name_en), "name_fa": clean_line(name_fa)}
        errors = {field: problem for field, value in names.items() if (problem := self._problem(field, value))}
        if errors:
            raise FormErrors(errors)
        position = (self.model.select(pw.fn.MAX(self.model.position)).scalar() or 0) + 1
        try:
            return audit.create(actor, self.model, position=position, **names)
        except pw.IntegrityError:  # another supervisor added the same name at the same moment (migration 14)
            errors = {field: problem for field, value in names.items() if (problem := self._problem(field, value))}
            raise FormErrors(errors or {"name_en": ValidationError("name_en", "name_taken")}) from None

    def _problem(self, field: str, value: str) -> ValidationError | None:
        if not value:
            return ValidationError(field, "required")
        if unusable(value):
            return ValidationError(field, "unusable_characters")
        if len(value) > NAME_LIMIT:
            return ValidationError(field, "too_long", limit=NAME_LIMIT)
        # The lists are a few dozen rows: compared here, so "price" and "Price" are one name on either database.
        column = getattr(self.model, field)
        if any(value.casefold() == (taken or "").casefold() for (taken,) in self.model.select(column).tuples()):
            return ValidationError(field, "name_taken")
        return None

    def set_active(self, actor, row_id: int, active: bool, version: int | None = None) -> Row:
        """Offer the row again, or stop offering it; ``version`` is the one the person saw."""
        require_supervisor(actor)
        row = self.model.get_or_none(self.model.id == row_id)
        if row is None:
            raise NotFound(f"{self.what} {row_id}")
        with audit.changing(actor, row, version=version):
            row.active = active
        return row


LOST_REASONS: ChoiceList[LostReason] = ChoiceList(LostReason, "lost reason")
COMPLAINT_CATEGORIES: ChoiceList[ComplaintCategory] = ChoiceList(ComplaintCategory, "category")
