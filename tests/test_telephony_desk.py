"""This desk's phone settings: a small private file, with the secrets in the credential store."""

from __future__ import annotations

import json
import logging
import os

import keyring
import pytest
from keyring.backends import fail

from helpdesk.telephony import desk
from helpdesk.telephony.desk import DeskPhone, NoCredentialStore


def test_settings_come_back_as_saved_and_the_file_is_private():
    assert desk.load() == DeskPhone()  # nothing saved yet: the defaults
    phone = DeskPhone(
        source="ami",
        host="pbx.office.lan",
        port=5039,
        username="helpdesk",
        extension="201",
        channel="SIP/{extension}",
        context="office",
        listen_port=8800,
    )
    desk.save(phone)
    assert desk.load() == phone
    where = desk.path()
    assert str(where.parent) == os.environ["HELPDESK_CONFIG_DIR"]  # the test's own folder
    assert json.loads(where.read_text(encoding="utf-8"))["extension"] == "201"
    assert [p.name for p in where.parent.iterdir()] == ["phone.json"]  # no temporary file left behind
    if os.name != "nt":
        assert where.stat().st_mode & 0o777 == 0o600


def test_secrets_go_to_the_credential_store_never_to_the_file(credential_store, caplog):
    caplog.set_level(logging.DEBUG)
    desk.save(DeskPhone(source="ami", username="helpdesk"))
    desk.set_secret("ami_password", "s3cret-Ami-pass")
    token = desk.cti_token()
    assert len(token) >= 30 and desk.cti_token() == token  # made once, then kept
    assert credential_store.passwords[("helpdesk", "ami_password")] == "s3cret-Ami-pass"
    assert credential_store.passwords[("helpdesk", "cti_token")] == token
    assert desk.secret("ami_password") == "s3cret-Ami-pass"
    desk.save(desk.load())
    stored = desk.path().read_bytes()
    assert b"s3cret" not in stored and token.encode() not in stored
    assert "s3cret" not in caplog.text and token not in caplog.text
    desk.set_secret("ami_password", "")  # forgotten
    assert desk.secret("ami_password") is None


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2]",
        b"",
        b'{"source": "fax", "port": "5038", "listen_port": 99999, "host": 7}',
    ],
)
def test_a_damaged_file_reads_as_the_defaults_and_is_logged(content, caplog):
    desk.path().parent.mkdir(parents=True, exist_ok=True)
    desk.path().write_bytes(content)
    caplog.set_level(logging.WARNING)
    assert desk.load() == DeskPhone()
    if content.startswith(b'{"source"'):
        return  # well-formed: each wrong value is its default, nothing to warn about
    assert "phone settings" in caplog.text


def test_a_partly_wrong_file_keeps_what_is_right():
    desk.path().parent.mkdir(parents=True, exist_ok=True)
    desk.path().write_text('{"source": "cti", "listen_port": 0, "extension": "305", "new_field": 1}', encoding="utf-8")
    assert desk.load() == DeskPhone(source="cti", extension="305")


def test_without_a_credential_store_nothing_is_stored_anywhere(tmp_path):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(NoCredentialStore) as raised:
            desk.set_secret("ami_password", "s3cret-Ami-pass")
        assert raised.value.code == "no_credential_store"
        assert desk.secret("ami_password") is None
        with pytest.raises(NoCredentialStore):
            desk.cti_token()
    finally:
        keyring.set_keyring(before)
    assert not desk.path().parent.exists() or not any(desk.path().parent.iterdir())


def test_problems_are_told_per_field():
    found = {
        p.field: p.code
        for p in desk.problems(DeskPhone(source="ami", host=" ", port=0, extension="2O1", listen_port=70000))
    }
    assert found == {
        "host": "required",
        "port": "out_of_range",
        "extension": "extension_digits",
        "listen_port": "out_of_range",
    }
    assert desk.problems(DeskPhone(source="cti", extension="201")) == []
    assert desk.port_number("۵۰۳۸") == 5038 and desk.port_number("50 38") is None


def test_the_source_follows_the_settings(monkeypatch):
    from helpdesk.telephony.cti import CtiListener

    assert desk.source_for(DeskPhone()) is None
    listener = desk.source_for(DeskPhone(source="cti", listen_port=8801))
    assert isinstance(listener, CtiListener)
    assert (listener.host, listener.port, listener.token) == ("127.0.0.1", 8801, desk.secret("cti_token"))
    desk.set_secret("ami_password", "pw")
    source = desk.source_for(
        DeskPhone(
            source="ami", host="pbx", port=5038, username="u", channel="SIP/{extension}", context="from-internal"
        ),
        region="DE",
    )
    assert (
        source.host,
        source.port,
        source.username,
        source._password,
        source.channel,
        source.context,
        source.region,
    ) == ("pbx", 5038, "u", "pw", "SIP/{extension}", "from-internal", "DE")
