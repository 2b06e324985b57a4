import re

import pytest

import main as entry
from helpdesk import config, accounts, db as dbmod, migrations
from helpdesk.models import AuditEntry, Customer, Staff

PERSIAN = re.compile(r"[\u0600-\u06FF]")


def _run_demo(db_target, capsys, customers=300, seed=3):
    dbmod.close()
    code = entry.main(["demo", "--db", db_target, "--customers", str(customers), "--seed", str(seed)])
    out = capsys.readouterr().out
    dbmod.close()
    return code, out


def test_demo_fills_a_new_database_and_prints_working_accounts(db_target, capsys):
    code, out = _run_demo(db_target, capsys)
    assert code == 0
    printed = re.findall(r"^\s+(\S+)\s+(demo-\S+)\s+(staff|supervisor)$", out, re.MULTILINE)
    assert len(printed) == 6 and {role for _, _, role in printed} == {"staff", "supervisor"}

    migrations.open_and_migrate(db_target)
    try:
        for username, password, role in printed:
            assert accounts.authenticate(username, password).role == role
        assert Customer.select().count() == 300
        names = [c.display_name for c in Customer.select()]
        assert any(PERSIAN.search(n) for n in names) and any(re.search(r"[A-Za-z]", n) for n in names)
        phones = [c.phone for c in Customer.select()]
        assert all(re.fullmatch(r"\+[1-9]\d{7,14}", p) for p in phones)
        assert any(p.startswith("+989") for p in phones) and any(not p.startswith("+98") for p in phones)
        assert all("ي" not in n and "ك" not in n for n in names)  # Persian letters, not Arabic
        # A year of history, each customer created by a demo account and audited.
        created = sorted(c.created_at for c in Customer.select())
        assert (created[-1] - created[0]).days > 300
        assert AuditEntry.select().where(AuditEntry.table_name == "customer").count() == 300
        staff_ids = {s.id for s in Staff.select()}
        assert {c.created_by_id for c in Customer.select()} <= staff_ids
        # New customers can still be added after the bulk insert (the id sequence moved on).
        new = Customer.create(given_name="Test")
        assert new.id == 301
    finally:
        dbmod.close()


def test_same_seed_gives_the_same_people(tmp_path, capsys, db_target):
    _run_demo(db_target, capsys, customers=50, seed=11)
    migrations.open_and_migrate(db_target)
    first = [(c.display_name, c.phone) for c in Customer.select().order_by(Customer.id)]
    dbmod.close()
    other = str(tmp_path / "other.sqlite")
    _run_demo(other, capsys, customers=50, seed=11)
    migrations.open_and_migrate(other)
    assert [(c.display_name, c.phone) for c in Customer.select().order_by(Customer.id)] == first
    dbmod.close()


def test_demo_refuses_a_database_that_has_data(db_target, capsys):
    migrations.open_and_migrate(db_target)
    accounts.create_first_supervisor("boss", "Real Person", "correct horse")
    dbmod.close()
    code = entry.main(["demo", "--db", db_target, "--customers", "10"])
    assert code == 2
    assert "already has accounts" in capsys.readouterr().err
    migrations.open_and_migrate(db_target)
    assert Customer.select().count() == 0 and Staff.select().count() == 1
    dbmod.close()


def test_version_option(capsys):
    with pytest.raises(SystemExit) as info:
        entry.main(["--version"])
    assert info.value.code == 0
    import helpdesk

    assert capsys.readouterr().out.strip() == f"helpdesk {helpdesk.__version__}"


def test_database_is_chosen_by_option_then_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.delenv("HELPDESK_DATABASE", raising=False)
    assert config.resolve_target(None) == str(config.default_database_path())
    monkeypatch.setenv("HELPDESK_DATABASE", "postgresql://desk@server/helpdesk")
    assert config.resolve_target(None) == "postgresql://desk@server/helpdesk"
    assert config.resolve_target(str(tmp_path / "x.sqlite")) == str(tmp_path / "x.sqlite")
    assert config.describe("postgresql://desk:secret@server:5432/helpdesk") == "postgresql://desk@server:5432/helpdesk"
