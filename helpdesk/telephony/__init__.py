"""The office phone system: who is calling, and every call logged without typing.

No Qt here. The pieces, each small:

- ``events``: what a phone system tells a desk (``PhoneEvent``: ringing, answered, hung up), and
  ``CallTracker``, which follows each call by its id and says what it means for this desk (a call
  to ring here, answered here or elsewhere, ended, missed).
- ``ami``: the Asterisk Manager Interface (Asterisk, FreePBX, Issabel) through ``panoramisk``:
  login, the call events, reconnection with back-off, and click to dial (``Originate``).
- ``cti``: a local HTTP listener that speaks Zammad's generic CTI API (``newCall``, ``answer``,
  ``hangup``), for phone systems that already talk to Zammad.
- ``desk``: this desk's phone settings (a small file in the user's config folder) and their
  secrets (in the operating system's credential store, through ``keyring``).
- ``link``: runs the chosen source on an asyncio loop of its own thread and hands its events and
  its state (connected, lost, retrying) to whoever listens.

What a call means for the data (the screen pop's facts, a missed call's callback, the contact's
times) is in ``helpdesk.phonecalls``.
"""
