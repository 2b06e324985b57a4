"""Where bundled resources and per-user files live, on every platform."""

from __future__ import annotations

from pathlib import Path

import resources
from helpdesk.config import APP_AUTHOR, APP_NAME

RESOURCES = Path(resources.__file__).resolve().parent
FONTS = RESOURCES / "fonts"
TRANSLATIONS = RESOURCES / "translations"
ICONS = RESOURCES / "icons"


def log_dir() -> Path:
    from platformdirs import user_log_path

    from helpdesk import private

    return private.folder(user_log_path(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    from platformdirs import user_cache_path

    path = user_cache_path(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def draft_dir() -> Path:
    """Unfinished calls and sessions, kept on this computer (see ``helpdesk.drafts``)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR) / "drafts"
