"""A page whose feature has not landed yet says so plainly."""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingSoonPage(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        heading = QLabel(title)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        body = QLabel(text)
        body.setWordWrap(True)
        body.setObjectName("pageText")
        layout.addWidget(body)
        layout.addStretch(1)
