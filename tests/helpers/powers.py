"""Other desks, in real processes, for tests/test_powers.py: a supervisor at another desk who
changes an account, and several desks guessing one password at the same moment."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TIMEOUT = 120  # seconds for a whole other desk's work: argon2 is slow on a busy machine


def _travel_with_the_parent() -> None:
    """The parent test's clock (tests/conftest.py), so lock windows mean the same in every process."""
    from tests.helpers.typing_child import _travel_with_the_parent as travel

    travel()


def as_other_desk(target: str, code: str) -> str:
    """Run ``code`` in another process on ``target``, with ``accounts``, ``customers`` and ``Staff`` at
    hand (as a supervisor's desk elsewhere in the office would); what it printed."""
    prelude = (
        "import sys\n"
        "from tests.helpers.powers import _travel_with_the_parent\n"
        "_travel_with_the_parent()\n"
        "from helpdesk import accounts, customers, migrations\n"
        "from helpdesk.models import Staff\n"
        "migrations.open_and_migrate(sys.argv[1])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", prelude + code, target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _guess(target: str, username: str, tries: int, barrier, answers) -> None:
    """One desk: wait for the others, then try ``tries`` wrong passwords as fast as it can."""
    _travel_with_the_parent()
    from helpdesk import accounts, db, migrations
    from helpdesk.errors import AccountLocked, AuthenticationFailed

    migrations.open_and_migrate(target)
    accounts.hash_password("warm up")  # argon2 loaded before the start, so every desk starts together
    said = []
    barrier.wait(TIMEOUT)
    for attempt in range(tries):
        try:
            accounts.authenticate(username, f"guess {os.getpid()} {attempt}")
            said.append("signed in")
        except AuthenticationFailed:
            said.append("wrong")
        except AccountLocked:
            said.append("locked")
        except Exception as error:  # noqa: BLE001 - any other answer is what the test reports
            said.append(f"error: {type(error).__name__}: {error}")
    db.close()
    answers.put(said)


def guess_in_parallel(target: str, username: str, desks: int, tries: int) -> list[str]:
    """``desks`` processes each try ``tries`` wrong passwords for ``username``, all starting at once;
    every answer they got."""
    context = multiprocessing.get_context("spawn")
    barrier, answers = context.Barrier(desks), context.Queue()
    workers = [
        context.Process(target=_guess, args=(target, username, tries, barrier, answers), daemon=True)
        for _ in range(desks)
    ]
    for worker in workers:
        worker.start()
    said = [answer for _ in workers for answer in answers.get(timeout=TIMEOUT)]
    for worker in workers:
        worker.join(10)
    return said
