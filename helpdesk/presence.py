"""Who has a record open for editing, on which desk ("Mina is editing this complaint").

Presence is said, never stored in the database: a desk says it edits a record when the window opens,
again every ``HEARTBEAT`` seconds while it stays open, and that it stopped when it closes. What was
not said again within ``EXPIRES`` is forgotten (a desk that crashed or lost its network).

* PostgreSQL: said on the change bus's own channel (``pg_notify`` from the listening connection,
  outside any transaction), so it costs the server no table and no row.
* SQLite: the desks share the database file, so they share its folder: each desk keeps one small
  file per record it edits in ``<database>.presence/`` and reads the folder while it edits something.

No Qt here: ``ui/changes.py`` carries it on the change bus.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .clock import utcnow

log = logging.getLogger(__name__)

HEARTBEAT = timedelta(seconds=20)
EXPIRES = timedelta(seconds=50)
TAG = "presence"


@dataclass(frozen=True)
class Presence:
    kind: str  # "complaint", "customer"
    id: str
    staff_id: int
    name: str  # the person's full name, as the others show it
    desk: str
    editing: bool = True  # False: stopped editing
    at: datetime | None = None  # when it was said (naive UTC)
    hello: bool = False  # just opened: the others editing the same record say so at once

    @property
    def key(self) -> tuple[str, int, str, str]:
        return (self.desk, self.staff_id, self.kind, self.id)

    def is_of(self, desk: str, staff_id: int) -> bool:
        """Said by this person on this desk (two people may share a process in tests; one desk, one person)."""
        return self.desk == desk and self.staff_id == staff_id


def encode(p: Presence) -> str:
    return json.dumps(
        {
            TAG: {
                "k": p.kind,
                "i": p.id,
                "s": p.staff_id,
                "n": p.name,
                "d": p.desk,
                "e": p.editing,
                "t": (p.at or utcnow()).isoformat(),
                "h": p.hello,
            }
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode(payload: str) -> Presence | None:
    """A presence said by a desk, or None when ``payload`` is something else (a change)."""
    if not payload.startswith('{"' + TAG):
        return None
    try:
        d = json.loads(payload)[TAG]
        return Presence(
            str(d["k"]),
            str(d["i"]),
            int(d["s"]),
            str(d["n"]),
            str(d["d"]),
            bool(d["e"]),
            datetime.fromisoformat(d["t"]),
            bool(d.get("h")),
        )
    except (ValueError, KeyError, TypeError):
        log.warning("a presence that is not one: %.200r", payload)
        return None


class Roster:
    """What this desk heard: who edits what, until they stop or fall silent."""

    def __init__(self):
        self._heard: dict[tuple[str, int, str, str], Presence] = {}

    def heard(self, p: Presence) -> None:
        if p.editing:
            self._heard[p.key] = p
        else:
            self._heard.pop(p.key, None)

    def replace(self, present: list[Presence]) -> None:
        """Everything present now (a SQLite desk reads it all from the folder)."""
        self._heard = {p.key: p for p in present if p.editing}

    def editing(self, kind: str, record_id, desk: str, staff_id: int, now: datetime | None = None) -> list[Presence]:
        """Who else (not ``staff_id`` on ``desk``) edits ``kind`` ``record_id`` now, the first to open it
        first; one entry per person."""
        now = now or utcnow()
        out: dict[int, Presence] = {}
        for p in sorted(self._heard.values(), key=lambda p: p.at or now):
            if (
                (p.kind, p.id) == (kind, str(record_id))
                and not p.is_of(desk, staff_id)
                and now - (p.at or now) <= EXPIRES
            ):
                out.setdefault(p.staff_id, p)
        return list(out.values())


class FileBoard:
    """SQLite: presence as small files in a folder beside the database file, one per desk and record."""

    def __init__(self, database_path: str | Path):
        path = Path(database_path)
        self.folder = path.with_name(path.name + ".presence")

    def _file(self, p: Presence) -> Path:
        return self.folder / f"{p.desk}-{p.staff_id}-{p.kind}-{p.id}.json"

    def say(self, p: Presence) -> None:
        try:
            if p.editing:
                self.folder.mkdir(exist_ok=True)
                temporary = self._file(p).with_suffix(".tmp")
                temporary.write_text(encode(p), encoding="utf-8")
                os.replace(temporary, self._file(p))
            else:
                self._file(p).unlink(missing_ok=True)
        except OSError as exc:  # a read-only share: presence is a courtesy, never an error
            log.info("presence not said: %s", exc)

    def read(self, now: datetime | None = None) -> list[Presence]:
        now = now or utcnow()
        out: list[Presence] = []
        try:
            files = list(self.folder.glob("*.json"))
        except OSError:
            return out
        for file in files:
            try:
                p = decode(file.read_text(encoding="utf-8"))
            except OSError:
                continue
            if p is None:
                continue
            if p.at is not None and now - p.at > EXPIRES * 4:  # left behind by a desk that crashed long ago
                try:
                    file.unlink(missing_ok=True)
                except OSError:
                    pass
                continue
            out.append(p)
        return out
