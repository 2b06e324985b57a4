"""The base of the windows that keep what is typed as a draft on the disk (the call window and
the calm-down window): a crash or a power cut loses at most the last second or two, and a
draft left behind is offered again at the next sign-in.

The mechanism lives here once: the draft's id (a restored draft keeps its own), a timer that
writes the draft every second when something changed, discarding it when the work is saved
or thrown away, putting the window away without asking (sign-out, lock, language change),
and the window's remembered place on the screen. Each window supplies only what it stores
(``draft_content``), whether it keeps a draft at all (``keeps_draft``), and how it tells
the person the disk refused (``draft_failed``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from helpdesk import drafts
from helpdesk.clock import utcnow
from helpdesk.models import Staff

from ..widgets import place_window, remember_window

AUTOSAVE_MS = 1000  # the promise is "at most 2 seconds lost"; a second leaves room for a slow disk


class DraftWindow(QWidget):
    closed = Signal()

    DRAFT_KIND = ""  # the kind the draft store files it under: "call", "calm"
    GEOMETRY_KEY = ""  # where the window's place on the screen is remembered
    DEFAULT_SIZE = (980, 680)

    def __init__(
        self,
        actor: Staff,
        location: str,
        store: drafts.DraftStore,
        restored: dict | None = None,
        now=utcnow,
        parent=None,
    ):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.actor = actor
        self.location = location
        self.store = store
        self.now = now
        self.draft_id = (restored or {}).get("id") or drafts.new_id()
        self.finished_ok = False  # saved, discarded or put away: nothing more to keep or ask
        self._dirty = True

    # --- what each window supplies ----------------------------------------------------------
    def keeps_draft(self) -> bool:
        """False when there is nothing to keep on the disk (a saved record opened to read or correct)."""
        return True

    def draft_content(self) -> dict:  # pragma: no cover - each window defines it
        raise NotImplementedError

    def draft_failed(self, error: OSError) -> None:  # pragma: no cover - each window defines it
        raise NotImplementedError

    def draft_kept(self) -> None:
        """The draft is on the disk: a window that shows it says so here."""

    def keep_elsewhere(self) -> None:
        """Put away: anything the window also keeps outside the draft (the database) is written here."""

    # --- the mechanism -------------------------------------------------------------------
    def start_autosave(self) -> None:
        """Write the draft now and then every second while something changes."""
        self.autosaver = QTimer(self)
        self.autosaver.timeout.connect(self.autosave)
        self.autosaver.start(AUTOSAVE_MS)
        self.autosave()

    def mark_changed(self) -> None:
        self._dirty = True

    def autosave(self) -> None:
        """Write the draft when something changed since the last write."""
        if not self._dirty or self.finished_ok or not self.keeps_draft():
            return
        try:
            self.store.save(self.draft_id, self.DRAFT_KIND, self.location, self.actor.id, self.draft_content())
        except OSError as exc:
            self.draft_failed(exc)
            return
        self._dirty = False
        self.draft_kept()

    def discard_draft(self) -> None:
        """The work is saved or thrown away: its draft goes, and closing asks nothing more."""
        self.finished_ok = True
        self.store.discard(self.draft_id)

    def keep_now(self) -> None:
        """Write the draft (and whatever the window keeps elsewhere) at once, changed or not."""
        self._dirty = True
        self.autosave()
        self.keep_elsewhere()

    def put_away(self) -> None:
        """Close without asking and keep the draft, to be offered again at the next sign-in."""
        if not self.finished_ok and self.keeps_draft():
            self.keep_now()
        self.finished_ok = True
        self.close()

    def showEvent(self, event) -> None:
        place_window(self, self.GEOMETRY_KEY, *self.DEFAULT_SIZE)
        super().showEvent(event)

    def closeEvent(self, event) -> None:
        remember_window(self, self.GEOMETRY_KEY)
        self.closed.emit()
        super().closeEvent(event)
