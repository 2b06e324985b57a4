"""Which database to use: ``--db``, then ``HELPDESK_DATABASE``, then a file in the
user data folder. Plain functions, no database driver imported, so the app can
decide this before it loads anything heavy."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "helpdesk"
APP_AUTHOR = "helpdesk"
ENV_DATABASE = "HELPDESK_DATABASE"


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR) / "helpdesk.sqlite"


def resolve_target(cli_value: str | None = None) -> str:
    """The database the person asked for: ``--db``, then the environment, then the default."""
    value = cli_value or os.environ.get(ENV_DATABASE) or ""
    return value.strip() or str(default_database_path())


def is_url(target: str) -> bool:
    return "://" in target


def is_postgres(target: str) -> bool:
    return target.split("://", 1)[0].startswith(("postgres", "postgresql"))


def sqlite_path(target: str) -> Path | None:
    """The file behind a SQLite target, or None for a server URL."""
    if not is_url(target):
        return Path(target).expanduser()
    if target.startswith("sqlite:///"):
        return Path(target[len("sqlite:///") :]).expanduser()
    return None


def describe(target: str) -> str:
    """Where the database is, for the status bar: the file path, or the URL without a password."""
    path = sqlite_path(target)
    if path is not None:
        return str(path)
    scheme, rest = target.split("://", 1)
    if "@" in rest:
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        rest = f"{user}@{host}"
    return f"{scheme}://{rest}"
