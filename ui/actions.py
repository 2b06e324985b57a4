"""Every action of the main window in one place: its menu, text, key and the method it triggers.

The main window builds its menus from ``ACTIONS`` (in this order) and gives each key once, here;
a window of its own that needs one of these keys (the call window's F9) is given the same action
(``MainWindow.share_actions``), so no key is bound twice. Texts are translated in the context
"MainWindow" and set again by ``retranslate`` when the language changes.
"""

from __future__ import annotations

from enum import Enum, auto
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from .i18n import QT_TRANSLATE_NOOP

CONTEXT = "MainWindow"


class Act(Enum):
    SIGN_OUT = auto()
    QUIT = auto()
    GO_DASHBOARD = auto()
    GO_CUSTOMERS = auto()
    GO_CALLS = auto()
    GO_COMPLAINTS = auto()
    GO_REPORTS = auto()
    GO_SETTINGS = auto()
    GO_AUDIT_LOG = auto()
    NEW_CALL = auto()
    NEW_VISIT = auto()
    CALM_DOWN = auto()
    NEW_COMPLAINT = auto()
    SIMULATE_CALL = auto()
    OPEN_LOG_FOLDER = auto()
    ABOUT = auto()

    @property
    def object_name(self) -> str:
        """SIMULATE_CALL → "simulateCallAction"."""
        first, *rest = self.name.lower().split("_")
        return first + "".join(word.title() for word in rest) + "Action"


class Spec(NamedTuple):
    act: Act
    menu: str  # a key of MENUS
    text: str  # translated in CONTEXT
    key: str | None  # a key sequence, or the name of a QKeySequence.StandardKey ("Quit")
    method: str  # the main window's method it triggers
    args: tuple = ()
    signed_in: bool = True  # only while someone is signed in
    separator: bool = False  # a line above it in its menu
    tip: str = ""
    shared: bool = False  # given to the windows of their own that the main window opens (call windows)


MENUS = {
    "file": QT_TRANSLATE_NOOP("MainWindow", "&File"),
    "go": QT_TRANSLATE_NOOP("MainWindow", "&Go"),
    "calls": QT_TRANSLATE_NOOP("MainWindow", "&Calls"),
    "help": QT_TRANSLATE_NOOP("MainWindow", "&Help"),
}

_PAGES = (
    (Act.GO_DASHBOARD, QT_TRANSLATE_NOOP("MainWindow", "Dashboard")),
    (Act.GO_CUSTOMERS, QT_TRANSLATE_NOOP("MainWindow", "Customers")),
    (Act.GO_CALLS, QT_TRANSLATE_NOOP("MainWindow", "Calls")),
    (Act.GO_COMPLAINTS, QT_TRANSLATE_NOOP("MainWindow", "Complaints")),
    (Act.GO_REPORTS, QT_TRANSLATE_NOOP("MainWindow", "Reports")),
    (Act.GO_SETTINGS, QT_TRANSLATE_NOOP("MainWindow", "Settings")),
    (Act.GO_AUDIT_LOG, QT_TRANSLATE_NOOP("MainWindow", "Audit log")),
)

ACTIONS: tuple[Spec, ...] = (
    Spec(Act.SIGN_OUT, "file", QT_TRANSLATE_NOOP("MainWindow", "Sign &out"), "Ctrl+Shift+L", "request_sign_out"),
    Spec(Act.QUIT, "file", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "Quit", "close", signed_in=False, separator=True),
    *(Spec(act, "go", title, f"Ctrl+{index + 1}", "show_page", (index,)) for index, (act, title) in enumerate(_PAGES)),
    Spec(Act.NEW_CALL, "calls", QT_TRANSLATE_NOOP("MainWindow", "New &call"), "F2", "new_call"),
    Spec(Act.NEW_VISIT, "calls", QT_TRANSLATE_NOOP("MainWindow", "New &walk-in visit"), "Shift+F2", "new_visit"),
    Spec(
        Act.CALM_DOWN,
        "calls",
        QT_TRANSLATE_NOOP("MainWindow", "Calm an &angry customer"),
        "F9",
        "calm_down",
        separator=True,
        shared=True,
    ),
    Spec(Act.NEW_COMPLAINT, "calls", QT_TRANSLATE_NOOP("MainWindow", "New com&plaint…"), "F4", "new_complaint"),
    Spec(
        Act.SIMULATE_CALL,
        "help",
        QT_TRANSLATE_NOOP("MainWindow", "&Simulate a phone call"),
        None,
        "simulate_call",
        tip=QT_TRANSLATE_NOOP(
            "MainWindow",
            "Ring this desk with a demo customer's number, to see what happens when the phone system rings",
        ),
    ),
    Spec(
        Act.OPEN_LOG_FOLDER,
        "help",
        QT_TRANSLATE_NOOP("MainWindow", "Open the &log folder"),
        None,
        "open_log_folder",
        signed_in=False,
        separator=True,
    ),
    Spec(
        Act.ABOUT,
        "help",
        QT_TRANSLATE_NOOP("MainWindow", "&About the help desk"),
        "HelpContents",
        "show_about",
        signed_in=False,
    ),
)

BY_ACT = {spec.act: spec for spec in ACTIONS}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def create(window: QMainWindow) -> tuple[dict[Act, QAction], dict[str, QMenu]]:
    """The window's actions, in its menus and on the window itself (so their keys work with the
    menu bar hidden), each triggering its method of ``window``. Keys are given by ``apply_keys``."""
    menus = {name: window.menuBar().addMenu(_tr(title)) for name, title in MENUS.items()}
    actions: dict[Act, QAction] = {}
    for spec in ACTIONS:
        action = QAction(window)
        action.setObjectName(spec.act.object_name)
        method = getattr(window, spec.method)
        action.triggered.connect(lambda _checked=False, m=method, a=spec.args: m(*a))
        if spec.separator:
            menus[spec.menu].addSeparator()
        menus[spec.menu].addAction(action)
        window.addAction(action)
        actions[spec.act] = action
    retranslate(actions, menus)
    return actions, menus


def retranslate(actions: dict[Act, QAction], menus: dict[str, QMenu]) -> None:
    """New texts after a language change. A window on its way out (its menus already deleted by Qt)
    still hears the change: what is gone is left alone."""
    for name, menu in menus.items():
        if shiboken6.isValid(menu):
            menu.setTitle(_tr(MENUS[name]))
    for act, action in actions.items():
        if not shiboken6.isValid(action):
            continue
        spec = BY_ACT[act]
        action.setText(_tr(spec.text))
        if spec.tip:
            action.setToolTip(_tr(spec.tip))


def apply_keys(actions: dict[Act, QAction]) -> None:
    """Each action's key. Kept until the window is on the screen: the first key sequence builds all of
    Qt's key enums, which start-up need not wait for."""
    from PySide6.QtGui import QKeySequence

    for act, action in actions.items():
        key = BY_ACT[act].key
        if key is None:
            continue
        standard = getattr(QKeySequence.StandardKey, key, None) if key.isalpha() else None
        action.setShortcut(QKeySequence(standard) if standard is not None else QKeySequence(key))


def set_signed_in(actions: dict[Act, QAction], signed_in: bool) -> None:
    for act, action in actions.items():
        if BY_ACT[act].signed_in:
            action.setEnabled(signed_in)


def shared(actions: dict[Act, QAction]) -> list[QAction]:
    """The actions a window of its own opened from the main window answers too (its F9)."""
    return [actions[spec.act] for spec in ACTIONS if spec.shared]
