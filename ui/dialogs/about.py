"""Help > About: the app's name and version, what it runs on, and the licences of what it bundles.

The bundled components are data (``resources/licenses/bundled.json``, which packaging/helpdesk.spec
reads too). A library's version, licence and licence text are read from its installed metadata
(``importlib.metadata``; the installers copy it in); a text the package does not carry (Qt, Python,
the fonts) is shipped under ``resources/``.
"""

from __future__ import annotations

import email.message
import json
import platform
from dataclasses import dataclass
from importlib import metadata
from typing import cast

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import helpdesk
from helpdesk.localization import digits

from ..i18n import current_language
from ..paths import ICONS, RESOURCES


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    text: str


def _metadata_licence(dist: metadata.Distribution) -> str | None:
    meta = cast(email.message.Message, dist.metadata)  # typeshed's PackageMetadata protocol has no get()
    expression = meta.get("License-Expression")
    if expression:
        return expression
    stated = (meta.get("License") or "").strip()
    return stated if stated and "\n" not in stated and len(stated) <= 60 else None


def _metadata_text(dist: metadata.Distribution) -> str | None:
    named = [
        n
        for n in dist.metadata.get_all("License-File") or []
        if n.upper().startswith(("LICEN", "COPYING")) and not n.endswith((".yml", ".yaml"))
    ]
    # The licence itself before a notice (COPYING.LESSER before COPYING); older wheels do not name their file.
    named.sort(key=lambda n: "LESSER" not in n.upper())
    for name in named or ["LICENSE", "LICENSE.txt", "LICENCE", "COPYING"]:
        for candidate in (f"licenses/{name}", name):
            text = dist.read_text(candidate)
            if text:
                return text
    return None


def bundled_components() -> list[Component]:
    """Each bundled component with its version, licence and licence text, as installed here."""
    listed = json.loads((RESOURCES / "licenses" / "bundled.json").read_text(encoding="utf-8"))["components"]
    found = []
    for entry in listed:
        version, licence, text = "", entry["licence"], None
        if entry.get("dist"):
            try:
                dist = metadata.distribution(entry["dist"])
            except metadata.PackageNotFoundError:
                dist = None
            if dist is not None:
                version = dist.version
                # Where the terms are a choice (Qt: LGPL, GPL or commercial), the ones the app uses are listed.
                if not entry.get("file"):
                    licence = _metadata_licence(dist) or licence
                text = _metadata_text(dist)
        elif entry["name"] == "Python":
            version = platform.python_version()
        if text is None and entry.get("file"):
            text = (RESOURCES / entry["file"]).read_text(encoding="utf-8")
        found.append(Component(entry["name"], version, licence, text or ""))
    return found


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        language = current_language()
        self.setWindowTitle(self.tr("About Help desk"))
        icon = QLabel()
        icon.setPixmap(QPixmap(str(ICONS / "helpdesk-64.png")))
        self.title = QLabel(self.tr("Help desk"))
        self.title.setObjectName("aboutTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.version = QLabel(self.tr("Version %1").replace("%1", digits(helpdesk.__version__, language)))
        self.version.setObjectName("aboutVersion")
        # What it runs on, one name and version a line (a Latin run in a Persian sentence would be reordered).
        self.built_with = QLabel(
            "\n".join(
                f"{name} {digits(version, language)}"
                for name, version in (
                    ("Qt", qVersion()),
                    ("PySide6", PySide6.__version__),
                    ("Python", platform.python_version()),
                )
            )
        )
        self.built_with.setObjectName("aboutBuiltWith")
        # Latin lines, but on the reading side of the dialog (Qt would align them by their own direction).
        self.built_with.setAlignment(
            Qt.AlignmentFlag.AlignAbsolute
            | (Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft)
        )
        heading = QVBoxLayout()
        for label in (self.title, self.version, self.built_with):
            heading.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        intro = QLabel(self.tr("This app includes the following software. Choose one to read its licence."))
        intro.setWordWrap(True)
        self.components = bundled_components()
        self.table = QTableWidget(len(self.components), 3)
        self.table.setObjectName("aboutLicences")
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, component in enumerate(self.components):
            for column, value in enumerate(
                (component.name, digits(component.version, language) or "—", component.licence)
            ):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.text = QPlainTextEdit()
        self.text.setObjectName("aboutLicenceText")
        self.text.setReadOnly(True)
        self.text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # the licences are in English
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_licence(row))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 640)
        self.table.selectRow(0)

    def show_licence(self, row: int) -> None:
        if 0 <= row < len(self.components):
            component = self.components[row]
            self.text.setPlainText(
                component.text or self.tr("The licence text of %1 is not included.").replace("%1", component.name)
            )


def show_about(parent: QWidget | None) -> QDialog:
    """Open Help > About over ``parent`` (not modal for the test's sake: ``open()``, never ``exec()``)."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
