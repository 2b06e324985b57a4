"""Languages: translators, right-to-left layout, the Persian font.

The Persian texts live in ``resources/translations/helpdesk_fa.ts`` (Qt Linguist
source, kept current with ``pyside6-lupdate``). An installed app carries them
compiled: ``packaging/build.py`` writes ``helpdesk_fa.qm`` next to the ``.ts``, and
that file is loaded as it is. Only a developer's checkout without one compiles the
``.ts`` at start, with the ``lrelease`` that ships inside PySide6, into the user
cache, again only when the source changed. Qt's own ``qtbase``
translations are loaded as well, so standard buttons and dialogs speak Persian.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from helpdesk.localization import LANGUAGES, is_rtl

from .paths import FONTS, TRANSLATIONS, cache_dir

if TYPE_CHECKING:
    # PySide6 types QT_TRANSLATE_NOOP as returning object; it returns ``text``. The same function,
    # typed: import it from here. (pyside6-lupdate finds the strings by the call's name.)
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SETTINGS_KEY = "ui/language"
PERSIAN_FONT = "Vazirmatn"

_installed: list[QTranslator] = []
_language = "en"
_base_font = None  # the system's font, kept when Persian first replaces it


def system_language() -> str:
    # By name, not by QLocale.Language: building that enum of every language costs milliseconds.
    return "fa" if QLocale.system().name().startswith("fa") else "en"


def chosen_language() -> str:
    """The language chosen in Settings, or "" to follow the system."""
    value = QSettings().value(SETTINGS_KEY, "", type=str)
    return value if value in LANGUAGES else ""


def saved_language() -> str:
    """The language this desk uses: the one chosen in Settings, or the system's."""
    return chosen_language() or system_language()


def save_language(language: str | None) -> None:
    """Remember ``language``; None means follow the system."""
    settings = QSettings()
    if language is None:
        settings.remove(SETTINGS_KEY)
    else:
        settings.setValue(SETTINGS_KEY, language)


def current_language() -> str:
    return _language


def _lrelease() -> Path | None:
    base = Path(PySide6.__file__).resolve().parent
    exe = ".exe" if sys.platform == "win32" else ""
    for candidate in (
        base / f"lrelease{exe}",
        base / "Qt" / "bin" / f"lrelease{exe}",
        base / "Qt" / "libexec" / f"lrelease{exe}",
        base / "lrelease.app" / "Contents" / "MacOS" / "lrelease",
    ):
        if candidate.is_file():
            return candidate
    return None


def compile_translation(source: Path, target: Path) -> bool:
    """Compile the Qt Linguist ``source`` into ``target`` with PySide6's ``lrelease``."""
    import subprocess

    tool = _lrelease()
    if tool is None:
        log.warning("lrelease not found; the interface stays in English")
        return False
    # A plain process call of Qt's own compiler (no shell), into a file only this user writes.
    result = subprocess.run(
        [str(tool), "-silent", str(source), "-qm", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not target.exists():
        log.warning("lrelease failed for %s: %s", source, result.stderr.strip())
        return False
    return True


def compiled_translation(language: str) -> Path | None:
    """The ``.qm`` for ``language``: the one built with the app (next to the ``.ts``, or alone
    in an installed app), else compiled from the ``.ts`` into the user cache when that changed."""
    import hashlib

    source = TRANSLATIONS / f"helpdesk_{language}.ts"
    prebuilt = source.with_suffix(".qm")
    if prebuilt.exists() and (not source.exists() or prebuilt.stat().st_mtime >= source.stat().st_mtime):
        return prebuilt
    if not source.exists():
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = cache_dir() / f"helpdesk_{language}-{digest}.qm"
    if target.exists():
        return target
    return target if compile_translation(source, target) else None


_fonts_loaded = False


def load_fonts() -> None:
    """Register the bundled Vazirmatn faces, once; only Persian needs them."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    _fonts_loaded = True
    from PySide6.QtGui import QFontDatabase

    for path in sorted(FONTS.glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("could not load font %s", path)


def apply_language(app: QApplication, language: str) -> None:
    """Install the translators, layout direction, locale and font for ``language``."""
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = language if language in LANGUAGES else "en"

    if _language != "en":
        from PySide6.QtCore import QLibraryInfo

        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_translator = QTranslator(app)
        if qt_translator.load(f"qtbase_{_language}", qt_dir):
            app.installTranslator(qt_translator)
            _installed.append(qt_translator)
        compiled = compiled_translation(_language)
        ours = QTranslator(app)
        if compiled is not None and ours.load(str(compiled)):
            app.installTranslator(ours)
            _installed.append(ours)

    rtl = is_rtl(_language)
    if rtl != app.isRightToLeft():
        # Touched only on a change: the first use of the Qt namespace costs tens of milliseconds.
        from PySide6.QtCore import Qt

        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(QLocale("fa_IR" if _language == "fa" else "en_GB"))
    # Qt shows the display name after every window title: it follows the language too.
    from PySide6.QtCore import QCoreApplication

    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Help desk"))
    global _base_font
    if _language == "fa" or _base_font is not None:
        from PySide6.QtGui import QFont

        if _base_font is None:
            _base_font = QFont(app.font())
        font = QFont(_base_font)
        if _language == "fa":
            load_fonts()
            font.setFamilies([PERSIAN_FONT, *_base_font.families()])
        app.setFont(font)
