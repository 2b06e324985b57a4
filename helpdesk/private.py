"""Files that hold customers' data are readable by their owner only.

The database and its ``-wal``/``-shm``, the call drafts, the log and the backups are 0600 files in
0700 folders on Linux and macOS: other accounts on the same computer cannot read them. Files are
created that way (``create_file``, ``opener``), and what an older version left readable is tightened
when the app starts (``tighten``). SQLite gives the ``-wal`` and ``-shm`` files the permissions of
the database file, so the database file is made private before SQLite opens it.

Folders are only tightened where they are the app's own (its data, log and drafts folders, or a
folder it created for a database): a database the person keeps in a folder of their own choosing
(their Documents, a shared office folder) leaves that folder's permissions as they are.

On Windows these files live under the user's profile, which other accounts cannot read already:
nothing is done there.

Tightening is a precaution, never an obstacle: where the file system refuses to change a mode (a
network share, a file of another account) it is logged and the app goes on.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

FILE_MODE = 0o600
FOLDER_MODE = 0o700
APPLIES = os.name != "nt"  # Linux, macOS and the other POSIX systems


def folder(path: Path) -> Path:
    """Make ``path`` (and any missing parents) and make it 0700. Returns it."""
    path = Path(path)
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    _chmod(path, FOLDER_MODE)  # mkdir's mode is narrowed by the umask, and an old folder is tightened
    return path


def _chmod(path, mode: int) -> None:
    if not APPLIES:
        return
    try:
        os.chmod(path, mode)
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("could not make %s private: %s", path, exc.strerror or exc)


def file(path: Path) -> None:
    """Make an existing file 0600; a missing one is left missing."""
    _chmod(path, FILE_MODE)


def opener(path, flags: int) -> int:
    """For ``open(..., opener=private.opener)``: a new file is created 0600 whatever the umask."""
    descriptor = os.open(path, flags, FILE_MODE)
    if APPLIES:
        try:
            os.fchmod(descriptor, FILE_MODE)  # a file that was already there is tightened too
        except OSError as exc:
            log.warning("could not make %s private: %s", path, exc.strerror or exc)
    return descriptor


def create_file(path: Path) -> bool:
    """Create ``path`` empty and 0600 if it is not there; an existing one is tightened.
    True when it was created. A folder that cannot be written is left for whoever writes next to
    report (SQLite says the database cannot be opened or is read-only)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        file(path)
        return False
    except OSError as exc:
        log.warning("could not create %s: %s", path, exc.strerror or exc)
        return False
    os.close(descriptor)
    file(path)
    return True


def database_files(path: Path) -> list[Path]:
    """A SQLite database and the files SQLite keeps beside it."""
    path = Path(path)
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def tighten(paths) -> None:
    """Make each existing file 0600 (what an older version created readable by everyone)."""
    for path in paths:
        file(path)


def tighten_folder(path: Path, pattern: str = "*") -> None:
    """Make an existing folder of the app's own 0700 and the files in it matching ``pattern`` 0600."""
    path = Path(path)
    if not APPLIES or not path.is_dir():
        return
    _chmod(path, FOLDER_MODE)
    tighten(p for p in path.glob(pattern) if p.is_file())
