"""The Asterisk Manager Interface source, against a fake Asterisk speaking AMI over TCP.

A real ``AmiSource`` runs in a real ``PhoneLink`` (its own thread and loop); the fake server runs
on another thread and sends the event sequences Asterisk 16 sends. What the source hears is fed
through ``CallTracker`` for the desk at extension 201, as the app does. No database."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

import pytest

from helpdesk.clock import utcnow
from helpdesk.telephony import events as ev
from helpdesk.telephony.ami import AmiSource, channel_extension, dial_form
from helpdesk.telephony.link import CannotDial, PhoneLink
from tests.helpers import fake_ami
from tests.helpers.fake_ami import FakeAmi, Recorder

SECRET = "s3cret-Kh4l"
WAIT = 5.0


@pytest.fixture
def asterisk():
    server = FakeAmi(secret=SECRET).start()
    yield server
    server.stop()


@pytest.fixture
def heard():
    return Recorder()


@pytest.fixture
def link(heard):
    link = PhoneLink(heard.on_event, heard.on_state)
    yield link
    link.stop()


def source(server: FakeAmi, password: str = SECRET, **options) -> AmiSource:
    options.setdefault("first_delay", 0.05)
    options.setdefault("longest_delay", 0.4)
    return AmiSource("127.0.0.1", server.port, "helpdesk", password, **options)


@pytest.fixture
def connected(asterisk, link, heard):
    link.start(source(asterisk))
    assert heard.wait(lambda h: h.state == "connected", WAIT), heard.states
    assert asterisk.wait(lambda s: s.connected == 1)
    return link


def send_and_wait(server, heard, events, call_id, kind):
    server.send(events)
    assert heard.wait(lambda h: kind in h.kinds(call_id), WAIT), heard.events


def desk(heard, call_id, extension="201"):
    tracker = ev.CallTracker(extension)
    return [out for event in heard.events if event.call_id == call_id for out in tracker.feed(event)]


def test_an_inbound_call_rings_the_desk_is_answered_there_and_ends_with_its_talk_time(
    asterisk, connected, heard, clock
):
    call = fake_ami.inbound(caller="09121234567", extension="201")
    before = utcnow()
    send_and_wait(asterisk, heard, call.ring, call.call_id, ev.RINGING)
    ringing = heard.events[0]
    assert (ringing.kind, ringing.number, ringing.extension, ringing.direction, ringing.source) == (
        ev.RINGING,
        "09121234567",
        "201",
        ev.INBOUND,
        "ami",
    )
    assert ringing.call_id == call.call_id  # Asterisk's Linkedid
    assert ev.caller_number(ringing.number, "IR") == "+989121234567"
    assert before <= ringing.at <= utcnow()  # when it arrived, by the one clock (naive UTC)

    send_and_wait(asterisk, heard, call.answer, call.call_id, ev.ANSWERED)
    clock.shift(timedelta(seconds=95))  # they talk
    send_and_wait(asterisk, heard, call.hang_up, call.call_id, ev.HUNG_UP)

    assert heard.kinds(call.call_id) == [ev.RINGING, ev.ANSWERED, ev.HUNG_UP]
    seen = desk(heard, call.call_id)
    assert [e.kind for e in seen] == [ev.RINGING, ev.ANSWERED, ev.ENDED]
    assert seen[1].extension == "201"
    assert {e.number for e in seen} == {"09121234567"}
    assert 95 <= seen[2].duration <= 97  # the clock ticks on while the events travel


def test_a_caller_who_gives_up_while_it_rings_is_a_missed_call(asterisk, connected, heard):
    call = fake_ami.inbound(caller="02144556677", extension="201")
    send_and_wait(asterisk, heard, call.missed_call, call.call_id, ev.HUNG_UP)  # DialEnd CANCEL, hang-ups
    assert heard.kinds(call.call_id) == [ev.RINGING, ev.HUNG_UP]
    seen = desk(heard, call.call_id)
    assert [(e.kind, e.number) for e in seen] == [(ev.RINGING, "02144556677"), (ev.MISSED, "02144556677")]


def test_a_call_to_another_extension_says_nothing_to_this_desk(asterisk, connected, heard):
    call = fake_ami.inbound(caller="09121234567", extension="202")
    send_and_wait(asterisk, heard, call.answered_call, call.call_id, ev.HUNG_UP)
    assert [(e.kind, e.extension) for e in heard.events] == [
        (ev.RINGING, "202"),
        (ev.ANSWERED, "202"),
        (ev.HUNG_UP, ""),
    ]
    assert desk(heard, call.call_id, "201") == []
    assert [e.kind for e in desk(heard, call.call_id, "202")] == [ev.RINGING, ev.ANSWERED, ev.ENDED]


def test_a_ring_group_rings_both_desks_and_the_one_that_did_not_answer_hears_it_was_taken(asterisk, connected, heard):
    call = fake_ami.ring_group(caller="09351112233", extensions=("201", "202"), answered_by="202")
    send_and_wait(asterisk, heard, call.answered_call, call.call_id, ev.HUNG_UP)
    # FreePBX's Local legs are looked through: one ring per phone, one answer, one hang-up.
    assert [(e.kind, e.extension) for e in heard.events] == [
        (ev.RINGING, "201"),
        (ev.RINGING, "202"),
        (ev.ANSWERED, "202"),
        (ev.HUNG_UP, ""),
    ]
    assert [e.kind for e in desk(heard, call.call_id, "201")] == [ev.RINGING, ev.ANSWERED_ELSEWHERE]
    assert [e.kind for e in desk(heard, call.call_id, "202")] == [ev.RINGING, ev.ANSWERED, ev.ENDED]
    assert {e.number for e in heard.events} == {"09351112233"}


def test_an_outbound_call_from_the_desk_is_logged_with_the_number_it_dialled(asterisk, connected, heard):
    call = fake_ami.outbound(extension="201", dialled="09121234567")
    send_and_wait(asterisk, heard, call.answered_call, call.call_id, ev.HUNG_UP)
    # No ring: the desk dialled it (a RINGING would read as a call that rang here, a missed one if
    # nobody answered).
    assert [(e.kind, e.direction, e.number, e.extension) for e in heard.events] == [
        (ev.ANSWERED, ev.OUTBOUND, "09121234567", "201"),
        (ev.HUNG_UP, ev.OUTBOUND, "09121234567", "201"),
    ]
    seen = desk(heard, call.call_id, "201")
    assert [(e.kind, e.direction) for e in seen] == [(ev.ANSWERED, ev.OUTBOUND), (ev.ENDED, ev.OUTBOUND)]
    assert desk(heard, call.call_id, "202") == []


def test_an_unanswered_outbound_call_is_not_a_missed_call(asterisk, connected, heard):
    call = fake_ami.outbound(extension="201", dialled="09121234567")
    marker = fake_ami.inbound(extension="202")
    send_and_wait(asterisk, heard, call.ring + call.hang_up + marker.ring, marker.call_id, ev.RINGING)
    assert heard.kinds(call.call_id) == []


def test_a_call_between_two_extensions_is_not_a_customer_call(asterisk, connected, heard):
    call = fake_ami.internal(caller_extension="202", extension="201")
    marker = fake_ami.inbound(extension="202")  # sent after it: once it is heard, the call was read
    send_and_wait(asterisk, heard, call.answered_call + marker.ring, marker.call_id, ev.RINGING)
    assert heard.kinds(call.call_id) == []


def test_asterisk_11_dial_events_are_read_too(asterisk, connected, heard):
    call = fake_ami.legacy_inbound(caller="09121234567", extension="201")
    send_and_wait(asterisk, heard, call.answered_call, call.call_id, ev.HUNG_UP)
    assert [e.kind for e in desk(heard, call.call_id, "201")] == [ev.RINGING, ev.ANSWERED, ev.ENDED]


def test_a_wrong_password_shows_the_link_lost_with_the_login_refused_and_it_keeps_trying(asterisk, link, heard, caplog):
    caplog.set_level(logging.DEBUG)
    wrong = "not-the-s3cret"
    link.start(source(asterisk, password=wrong))
    assert heard.wait(lambda h: h.state == "lost", WAIT), heard.states
    assert "login" in heard.states[-1].detail
    assert asterisk.wait(lambda s: s.refused >= 3), "it tries again"
    assert asterisk.logins == 0
    assert heard.state_names()[:3] == ["connecting", "lost", "connecting"]
    said = caplog.text + repr(link.source) + "".join(s.detail for s in heard.states)
    assert wrong not in said and SECRET not in said


def test_the_password_is_sent_only_to_log_in(asterisk, connected, heard, caplog):
    logins = [a for a in asterisk.actions if a["Action"] == "Login"]
    assert logins and logins[0]["Secret"] == "(right)" and logins[0]["Username"] == "helpdesk"
    assert logins[0]["Events"] == "call"
    assert SECRET not in repr(connected.source)


def test_panoramisk_logging_a_failed_login_action_does_not_log_the_secret(caplog):
    from panoramisk.actions import Action

    caplog.set_level(logging.DEBUG)
    action = Action({"Action": "Login", "Username": "helpdesk", "Secret": SECRET, "Events": "call"})
    logging.getLogger("panoramisk.manager").exception(f"Fail to send {action!r}")  # noqa: LOG004 - panoramisk's own call, as it makes it
    logging.getLogger("panoramisk.manager").info("login %s", {"secret": SECRET})
    assert "Fail to send" in caplog.text and "helpdesk" in caplog.text
    assert SECRET not in caplog.text


def test_when_the_phone_system_goes_away_the_link_is_lost_and_comes_back_by_itself(asterisk, link, heard, caplog):
    caplog.set_level(logging.INFO, logger="helpdesk.telephony.ami")
    link.start(source(asterisk, first_delay=0.05, longest_delay=0.4))
    assert heard.wait(lambda h: h.state == "connected", WAIT)

    asterisk.down()  # gone: connections closed, nothing listening
    assert heard.wait(lambda h: h.state_names().count("lost") >= 5, WAIT), heard.states
    assert "closed" in heard.states[heard.state_names().index("lost")].detail
    assert "refused" in heard.states[-1].detail or "refused" in heard.states[-2].detail
    waits = [r.getMessage().rsplit(" in ", 1)[1] for r in caplog.records if "trying again in" in r.getMessage()]
    assert waits[:5] == ["0.05 s", "0.1 s", "0.2 s", "0.4 s", "0.4 s"]  # back-off, capped

    asterisk.up()
    assert heard.wait(lambda h: h.states[-1].state == "connected", WAIT), heard.states
    assert asterisk.wait(lambda s: s.logins == 2)
    names = heard.state_names()
    assert names[:2] == ["connecting", "connected"] and names[2] == "lost" and names[-2:] == ["connecting", "connected"]

    caplog.clear()
    asterisk.drop()  # dropped once more, after a good login: it tries again at once, not after 0.4 s
    assert asterisk.wait(lambda s: s.logins == 3, WAIT)
    assert [r.getMessage().rsplit(" in ", 1)[1] for r in caplog.records if "trying again in" in r.getMessage()] == [
        "0.05 s"
    ]

    assert heard.wait(lambda h: h.state == "connected", WAIT)
    call = fake_ami.inbound(caller="09121234567", extension="201")
    send_and_wait(asterisk, heard, call.answered_call, call.call_id, ev.HUNG_UP)
    assert [e.kind for e in desk(heard, call.call_id)] == [ev.RINGING, ev.ANSWERED, ev.ENDED]


def test_click_to_dial_originates_a_call_from_the_desks_extension(asterisk, connected):
    assert connected.dial("+989121234567", "201").result(WAIT) is None
    assert asterisk.wait(lambda s: len(s.originates()) == 1)
    action = asterisk.originates()[0]
    assert {k: action[k] for k in ("Channel", "Exten", "Context", "Priority", "Async")} == {
        "Channel": "PJSIP/201",
        "Exten": "09121234567",
        "Context": "from-internal",
        "Priority": "1",
        "Async": "true",
    }
    assert action["CallerID"] == '"09121234567" <201>'  # the desk's phone shows whom it will call

    connected.dial("+442079460000", "201").result(WAIT)  # abroad: with Iran's international prefix
    assert asterisk.wait(lambda s: len(s.originates()) == 2)
    assert asterisk.originates()[1]["Exten"] == "00442079460000"


def test_click_to_dial_uses_the_desks_channel_and_context(asterisk, link, heard):
    link.start(source(asterisk, channel="SIP/{extension}", context="from-internal-custom"))
    assert heard.wait(lambda h: h.state == "connected", WAIT)
    link.dial("+989121234567", "305").result(WAIT)
    action = asterisk.originates()[0]
    assert (action["Channel"], action["Context"]) == ("SIP/305", "from-internal-custom")


def test_click_to_dial_refused_by_asterisk_says_so(link, heard):
    server = FakeAmi(secret=SECRET, originate="Error").start()
    try:
        link.start(source(server))
        assert heard.wait(lambda h: h.state == "connected", WAIT)
        with pytest.raises(CannotDial) as refused:
            link.dial("+989121234567", "201").result(WAIT)
        assert refused.value.code == "dial_refused" and "Originate failed" in refused.value.detail
    finally:
        link.stop()
        server.stop()


def test_click_to_dial_is_refused_when_not_connected(asterisk, connected, heard):
    asterisk.down()
    assert heard.wait(lambda h: h.state == "lost", WAIT)
    with pytest.raises(CannotDial) as refused:
        connected.dial("+989121234567", "201").result(WAIT)
    assert refused.value.code == "dial_not_connected"
    connected.stop()
    with pytest.raises(CannotDial) as stopped:
        connected.dial("+989121234567", "201").result(WAIT)
    assert stopped.value.code == "dial_not_connected"
    assert asterisk.originates() == []


def test_a_dial_cut_off_by_a_lost_connection_is_not_made_later(asterisk, connected, heard):
    asterisk.originate = "Silent"
    pending = connected.dial("+989121234567", "201")
    assert asterisk.wait(lambda s: len(s.originates()) == 1)
    asterisk.drop()
    with pytest.raises(CannotDial) as cut:
        pending.result(WAIT)
    assert cut.value.code == "dial_not_connected"
    assert asterisk.wait(lambda s: s.logins == 2, WAIT)
    marker = fake_ami.inbound(extension="202")  # heard after the new login's first replies
    send_and_wait(asterisk, heard, marker.ring, marker.call_id, ev.RINGING)
    asterisk.originate = "Success"
    connected.dial("+989121234567", "202").result(WAIT)
    assert [a["Channel"] for a in asterisk.originates()] == ["PJSIP/201", "PJSIP/202"]  # not sent again


def test_click_to_dial_without_an_extension_or_a_number_is_refused(asterisk, connected):
    with pytest.raises(CannotDial) as no_extension:
        connected.dial("+989121234567", "").result(WAIT)
    assert no_extension.value.code == "dial_bad_number"
    with pytest.raises(CannotDial) as no_number:
        connected.dial("09121234567", "201").result(WAIT)  # not E.164
    assert no_number.value.code == "dial_bad_number"
    assert asterisk.originates() == []


def test_stopping_the_link_closes_the_connection_and_the_thread(asterisk, connected, heard):
    connected.stop()
    assert asterisk.wait(lambda s: s.connected == 0 and s.closed_by_client == 1, WAIT)
    assert heard.state == "off" and connected.state.state == "off"
    assert not [t for t in threading.enumerate() if t.name.startswith("phone-link")]
    call = fake_ami.inbound()
    asterisk.send(call.ring)
    assert not heard.wait(lambda h: h.kinds(call.call_id), 0.2)


@pytest.mark.parametrize(
    "channel, extension",
    [
        ("PJSIP/201-0000000b", "201"),
        ("SIP/4021-00a3f1c2", "4021"),
        ("IAX2/305-1234", "305"),
        ("PJSIP/trunk_mci-00000001", ""),
        ("SIP/02188776655-00000001", ""),
        ("Local/201@from-internal-00000004;2", ""),
        ("DAHDI/1-1", ""),
        ("", ""),
        ("PJSIP/201", "201"),
    ],
)
def test_which_channels_are_the_offices_phones(channel, extension):
    assert channel_extension(channel) == extension


@pytest.mark.parametrize(
    "number, region, dialled",
    [
        ("+989121234567", "IR", "09121234567"),
        ("+982188776655", "IR", "02188776655"),
        ("+442079460000", "IR", "00442079460000"),
        ("+442079460000", "GB", "02079460000"),
        ("+989121234567", "US", "011989121234567"),
    ],
)
def test_a_number_is_dialled_as_a_phone_of_the_office_dials_it(number, region, dialled):
    assert dial_form(number, region) == dialled
