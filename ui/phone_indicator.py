"""The status bar's word on this desk's phone system: "Phone system: connected", or since when it
is not. Apart from ``ui.phone`` so the main window shows it without loading the phone machinery."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from helpdesk.clock import to_local, utcnow
from helpdesk.localization import digits

from . import i18n


class PhoneIndicator(QLabel):
    """ "Phone system: connected", or "Phone system not connected since 10:42 — retrying"; hidden
    when this desk has no phone system set up."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("phoneIndicator")
        self.state: str = "off"
        self.hide()

    def show_state(self, state) -> None:
        self.state = state.state
        lang = i18n.current_language()
        if state.state == "off":
            self.hide()
            return
        if state.state == "connected":
            self.setText(self.tr("Phone system: connected"))
            self.setStyleSheet("#phoneIndicator { color: #2d6a2d; padding: 0 6px; }")
        elif state.state == "connecting" and state.since is None:
            self.setText(self.tr("Phone system: connecting…"))
            self.setStyleSheet("#phoneIndicator { padding: 0 6px; }")
        else:
            since = digits(to_local(state.since or utcnow()).strftime("%H:%M"), lang)
            self.setText(self.tr("Phone system not connected since {0} — retrying").format(since))
            self.setStyleSheet("#phoneIndicator { color: #8a5a00; padding: 0 6px; }")
        self.setToolTip(state.detail or "")
        self.show()
