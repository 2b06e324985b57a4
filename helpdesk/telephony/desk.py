"""This desk's phone settings, and their secrets.

The settings are one small JSON file in the user's config folder (``$HELPDESK_CONFIG_DIR`` names
another, for tests): which source the desk listens to, where it is, and the desk's extension. They
belong to this computer, not to the database: two desks sharing one database have two extensions.

The secrets (the Manager Interface password, the CTI listener's token) are kept in the operating
system's credential store through ``keyring`` (service ``helpdesk``), never in the file or the log.
A computer without a credential store (a bare Linux machine) cannot keep them: ``set_secret`` raises
``NoCredentialStore`` and nothing is written; ``secret`` answers None.

The file is written whole to a temporary file beside it and renamed over the old one, private to
its owner (``helpdesk.private``). A damaged or unreadable file is logged and read as the defaults.
"""

from __future__ import annotations

import json
import logging
import os
import secrets as _secrets
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .. import private
from ..config import APP_AUTHOR, APP_NAME
from ..errors import KnownError, ValidationError
from ..localization import latin_digits

log = logging.getLogger(__name__)

ENV_FOLDER = "HELPDESK_CONFIG_DIR"
FILE_NAME = "phone.json"
SERVICE = "helpdesk"
SECRET_NAMES = ("ami_password", "cti_token")
SOURCES = ("none", "ami", "cti")
EXTENSION_LIMIT = 20


class NoCredentialStore(KnownError):
    """The operating system has no credential store the app can use, or it refused (locked)."""

    code = "no_credential_store"

    def __init__(self, detail: str = "", locked: bool = False):
        super().__init__(detail)
        if locked:
            self.code = "credential_store_locked"


@dataclass
class DeskPhone:
    source: str = "none"  # "none" | "ami" | "cti"
    host: str = "127.0.0.1"
    port: int = 5038
    username: str = ""
    extension: str = ""
    channel: str = "PJSIP/{extension}"
    context: str = "from-internal"
    listen_host: str = "127.0.0.1"
    listen_port: int = 8791

    def listener_url(self, token: str) -> str:
        """What the phone system posts to: Zammad's generic CTI endpoint on this desk's listener."""
        host = self.listen_host if ":" not in self.listen_host else f"[{self.listen_host}]"
        return f"http://{host}:{self.listen_port}/api/v1/cti/{token}"


def folder() -> Path:
    given = os.environ.get(ENV_FOLDER, "").strip()
    if given:
        return Path(given)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, APP_AUTHOR)


def path() -> Path:
    return folder() / FILE_NAME


def _from_document(document) -> DeskPhone:
    """The settings in ``document``; a value of the wrong type or out of range is its default."""
    phone = DeskPhone()
    if not isinstance(document, dict):
        raise ValueError("not an object")
    for spec in fields(DeskPhone):
        value = document.get(spec.name)
        default = getattr(phone, spec.name)
        if isinstance(default, int):
            if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 65535:
                setattr(phone, spec.name, value)
        elif isinstance(value, str):
            setattr(phone, spec.name, value)
    if phone.source not in SOURCES:
        phone.source = "none"
    return phone


def load() -> DeskPhone:
    """This desk's phone settings; the defaults when there is no file, or it cannot be read."""
    where = path()
    try:
        text = where.read_text(encoding="utf-8")
    except FileNotFoundError:
        return DeskPhone()
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("phone settings %s unreadable, using the defaults: %s", where, exc)
        return DeskPhone()
    try:
        return _from_document(json.loads(text))
    except ValueError as exc:  # JSONDecodeError is a ValueError
        log.warning("phone settings %s damaged, using the defaults: %s", where, exc)
        return DeskPhone()


def save(phone: DeskPhone) -> None:
    """Write the settings whole (never half a file), readable by this user only. No secrets in it."""
    where = private.folder(folder()) / FILE_NAME
    temporary = where.with_name(FILE_NAME + ".tmp")
    with open(temporary, "w", encoding="utf-8", opener=private.opener) as handle:
        json.dump(asdict(phone), handle, ensure_ascii=True, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, where)


def problems(phone: DeskPhone) -> list[ValidationError]:
    """Every problem of the settings at once, each with the field it belongs to."""
    found = []
    if phone.source not in SOURCES:
        found.append(ValidationError("source", "invalid_choice"))
    if phone.source == "ami" and not phone.host.strip():
        found.append(ValidationError("host", "required"))
    for name in ("port", "listen_port"):
        value = getattr(phone, name)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 65535:
            found.append(ValidationError(name, "out_of_range", minimum=1, maximum=65535))
    extension = phone.extension.strip()
    if extension and (not extension.isascii() or not extension.isdigit()):
        found.append(ValidationError("extension", "extension_digits"))
    elif len(extension) > EXTENSION_LIMIT:
        found.append(ValidationError("extension", "too_long", limit=EXTENSION_LIMIT))
    if phone.source == "cti" and not phone.listen_host.strip():
        found.append(ValidationError("listen_host", "required"))
    return found


def port_number(text: str) -> int | None:
    """A port typed by a person (Persian digits too), or None when it is not a whole number."""
    text = latin_digits(text or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else None


# --- secrets ---------------------------------------------------------------
def _check_name(name: str) -> None:
    if name not in SECRET_NAMES:
        raise ValueError(f"unknown secret {name!r}")


def _usable_keyring():
    """The keyring backend, or NoCredentialStore when there is none (keyring's "fail" backend)."""
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        raise NoCredentialStore(f"no credential store ({type(backend).__module__})")
    return backend


def secret(name: str) -> str | None:
    """The stored secret, or None when it is not set or there is no credential store."""
    _check_name(name)
    from keyring.errors import KeyringError

    try:
        return _usable_keyring().get_password(SERVICE, name) or None
    except NoCredentialStore:
        return None
    except KeyringError as exc:
        log.warning("the credential store did not give the %s: %s", name, type(exc).__name__)
        return None


def set_secret(name: str, value: str) -> None:
    """Keep ``value`` in the credential store ("" forgets it). Raises NoCredentialStore when the
    system has none or refuses; then nothing is stored anywhere."""
    _check_name(name)
    from keyring.errors import KeyringError, KeyringLocked, NoKeyringError, PasswordDeleteError

    backend = _usable_keyring()
    try:
        if value:
            backend.set_password(SERVICE, name, value)
        else:
            try:
                backend.delete_password(SERVICE, name)
            except PasswordDeleteError:
                pass
    except NoKeyringError as exc:
        raise NoCredentialStore(type(exc).__name__) from None
    except KeyringLocked as exc:
        raise NoCredentialStore(type(exc).__name__, locked=True) from None
    except KeyringError as exc:
        raise NoCredentialStore(type(exc).__name__, locked=True) from None


def cti_token() -> str:
    """The listener's token: the stored one, or a new one made and stored now.
    Raises NoCredentialStore when it cannot be stored (a token the PBX cannot keep is no use)."""
    token = secret("cti_token")
    if not token:
        token = _secrets.token_urlsafe(24)
        set_secret("cti_token", token)
    return token


def source_for(phone: DeskPhone, region: str = "IR"):
    """The source this desk listens to (an object with ``run(emit, set_state)``), or None. ``region``:
    the office's (``settings.phone_region``), for the form a dialled number takes."""
    if phone.source == "ami":
        from .ami import AmiSource

        return AmiSource(
            host=phone.host.strip(),
            port=phone.port,
            username=phone.username,
            password=secret("ami_password") or "",
            channel=phone.channel,
            context=phone.context,
            region=region,
        )
    if phone.source == "cti":
        from .cti import CtiListener

        return CtiListener(host=phone.listen_host.strip() or "127.0.0.1", port=phone.listen_port, token=cti_token())
    return None
