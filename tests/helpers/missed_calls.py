"""Two desks hearing missed calls at the same moment, in two real processes (``test_missed_calls_race``).

Each worker has its own connection to the test's database and is signed in as its own desk. For each
trial the parent hands both a call (its id, the number as the phone system sent it, and the time);
both wait at a barrier, then record it. Each answers with the follow-up's id, or the error it got.
"""

from __future__ import annotations

import traceback
from datetime import datetime

from tests.helpers import races
from tests.helpers.races import TRIAL_TIMEOUT


def _desk(target: str, actor_id: int, desk: int, jobs, answers, barrier) -> None:
    from tests.helpers.typing_child import _travel_with_the_parent

    _travel_with_the_parent()
    from helpdesk import db as dbmod
    from helpdesk import phonecalls
    from helpdesk.models import Staff

    dbmod.bind(dbmod.open_database(target))
    actor = Staff.get_by_id(actor_id)
    while True:
        job = jobs.get()
        if job is None:
            break
        call_id, raw, at = job
        try:
            barrier.wait(TRIAL_TIMEOUT)
            row = phonecalls.record_missed(actor, call_id, raw, datetime.fromisoformat(at))
            answers.put((desk, "recorded", row.id if row is not None else None))
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails with it
            answers.put((desk, "error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    dbmod.close()


class Desks(races.Desks):
    def __init__(self, target: str, actor_ids: tuple[int, int]):
        super().__init__(target, actor_ids, worker=_desk)

    def hear(self, calls: tuple[tuple[str, str, datetime], tuple[str, str, datetime]]) -> list[tuple]:
        """Desk 0 records ``calls[0]`` and desk 1 ``calls[1]`` at the same moment: their answers, by desk."""
        return self.send([(call_id, raw, at.isoformat()) for call_id, raw, at in calls])
