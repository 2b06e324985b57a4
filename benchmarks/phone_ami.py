"""How long a ring takes from Asterisk to the desk's code: from the fake Manager Interface server
writing a ``DialBegin`` on its socket to the ``PhoneEvent`` reaching ``PhoneLink``'s ``on_event``
(through TCP on 127.0.0.1, panoramisk's parser, ``AmiSource`` and the link's thread).

    python benchmarks/phone_ami.py [--calls 300]

Each call is the real sequence Asterisk 16 sends as it rings (Newchannel, Newstate, Newchannel,
DialBegin, Newstate) then its answer and hang-up, one call at a time, 10 ms apart. Prints p50, p95
and the slowest, in the benchmarks' JSON lines. No database.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import emit  # noqa: E402 - imported once sys.path holds the repository and this folder

from helpdesk.telephony import events as ev  # noqa: E402 - imported once sys.path holds the repository and this folder
from helpdesk.telephony.ami import AmiSource  # noqa: E402 - imported once sys.path holds the repository and this folder
from helpdesk.telephony.link import PhoneLink  # noqa: E402 - imported once sys.path holds the repository and this folder
from tests.helpers import fake_ami  # noqa: E402 - imported once sys.path holds the repository and this folder


def measure(calls: int) -> list[float]:
    server = fake_ami.FakeAmi().start()
    arrived: dict[str, float] = {}
    ready, rang = threading.Event(), threading.Condition()

    def on_event(event):
        if event.kind == ev.RINGING:
            with rang:
                arrived.setdefault(event.call_id, time.perf_counter())
                rang.notify_all()

    def on_state(state):
        if state.state == "connected":
            ready.set()

    link = PhoneLink(on_event, on_state)
    link.start(AmiSource("127.0.0.1", server.port, server.username, server.secret))
    try:
        if not ready.wait(10):
            raise SystemExit("the source did not connect")
        ids = []
        for number in range(calls):
            call = fake_ami.inbound(caller=f"0912{number:07d}", extension="201")
            ids.append(call.call_id)
            server.send(call.ring)
            with rang:
                rang.wait_for(lambda: call.call_id in arrived, 5)
            server.send(call.answer + call.hang_up)
            time.sleep(0.01)
    finally:
        link.stop()
        server.stop()
    return [(arrived[i] - server.written[i]) * 1000 for i in ids if i in arrived]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    times = sorted(measure(args.calls))
    if len(times) < args.calls:
        raise SystemExit(f"only {len(times)} of {args.calls} rings arrived")
    p95 = times[round(0.95 * (len(times) - 1))]
    emit("phone_ami_ring_to_event_p50", statistics.median(times), "ms", None, True)
    emit("phone_ami_ring_to_event_p95", p95, "ms", 20.0, p95 <= 20.0)
    emit("phone_ami_ring_to_event_max", times[-1], "ms", None, True)


if __name__ == "__main__":
    main()
