"""Drafts of unfinished work that must survive a crash or a power cut.

Each draft is one small JSON file, written whole to a temporary file, flushed
to the disk and then renamed over the old one, so a file on disk is always a
complete earlier or later version, never half of one. Drafts live on this
computer, not in the database, so they are kept even when a shared database
server is out of reach. A draft names the database and the person it belongs to.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from pathlib import Path

from . import private
from .clock import utcnow

log = logging.getLogger(__name__)


def new_id() -> str:
    return uuid.uuid4().hex


class DraftStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _path(self, draft_id: str) -> Path:
        if not draft_id.isalnum():
            raise ValueError(f"bad draft id {draft_id!r}")
        return self.folder / f"{draft_id}.json"

    def save(self, draft_id: str, kind: str, database: str, staff_id: int, content: dict) -> None:
        private.folder(self.folder)  # typed notes about customers: the owner's only
        document = {
            "id": draft_id,
            "kind": kind,
            "database": database,
            "staff_id": staff_id,
            "saved_at": utcnow().isoformat(),
            "content": content,
        }
        path = self._path(draft_id)
        temporary = path.with_suffix(".tmp")
        with open(temporary, "w", encoding="utf-8", opener=private.opener) as handle:
            # Escaped, so even a broken character that was typed (half of a pair) is kept as typed.
            json.dump(document, handle, ensure_ascii=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        self._sync_folder()

    def _sync_folder(self) -> None:
        """Make the rename itself durable where the system allows opening a folder (not on Windows)."""
        if os.name == "nt":
            return
        try:
            descriptor = os.open(self.folder, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(descriptor)
        except OSError:
            pass
        finally:
            os.close(descriptor)

    def discard(self, draft_id: str) -> None:
        try:
            self._path(draft_id).unlink()
        except FileNotFoundError:
            pass

    def unfinished(self, kind: str, database: str, staff_id: int) -> list[dict]:
        """The drafts of ``kind`` left by ``staff_id`` on ``database``, newest first. Unreadable files are skipped."""
        if not self.folder.is_dir():
            return []
        private.tighten_folder(self.folder)  # drafts an older version left readable by everyone
        found = []
        for path in self.folder.glob("*.json"):
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                log.warning("skipping unreadable draft %s: %s", path, exc)
                continue
            if (
                isinstance(document, dict)
                and document.get("kind") == kind
                and document.get("database") == database
                and document.get("staff_id") == staff_id
            ):
                found.append(document)
        return sorted(found, key=lambda d: d.get("saved_at", ""), reverse=True)
