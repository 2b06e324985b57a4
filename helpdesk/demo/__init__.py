"""Realistic bilingual demo data, kept out of the core: staff accounts, customers, a year of their
contacts and follow-ups, complaints and calm-down sessions.

    python main.py demo --db PATH --customers N --seed S

Only an empty database is filled, so demo data never mixes with real records.
Rows are written in large batches inside one transaction, so 200,000 customers
and their history take well under a minute, not hours. The same seed makes the
same people; their times, and so their history, count back from the moment the demo
is made (in this machine's time zone), so the same seed at the same moment makes
exactly the same data.

The customers look like a real office's: persons and organisations with their
contact persons, several phones (every one valid for ``phonenumbers``) and e-mails,
Persian and English addresses, tags, referral sources, notes, segments, some lost
customers with their reason, and about one in a hundred typed in twice, slightly
differently (Arabic ي/ك, a missing half-space, two digits swapped in the phone),
as happens at a busy desk. Every customer has its audit trail (a ``create`` entry
with the snapshot ``customers.Record.snapshot()`` gives, and a ``mark_lost`` entry
for a lost customer) and its search document, built as ``customers.reindex`` does.

Their history (``History``): about 0.75 contacts per customer over the last 365 days,
in local office hours (Saturday to Wednesday 08-18, Thursday to 13, hardly anything
on Friday, a quiet Nowruz), busier in recent months, each taken by one of the
demo staff, for a customer already on file (a few calls from callers who gave no name).
Phone about 60% (70% of it inbound), walk-in 25%, e-mail 10%, other 5%; durations,
hold times and the phone-call checklist as real calls have them. Reason, notes and
next step are written in the customer's language on a range of front-desk topics, and
the outcome and satisfaction mixes are an office's (about 15% dissatisfied, mostly in
complaints and unfinished business; 60% satisfied; 20% delighted; 5% not asked).
About one contact in ten promises a follow-up, due an hour to five days later; the
promises that came due were mostly kept (a callback by an outbound call, itself a
contact), a few were cancelled, and some are still open: a few dozen overdue in a large
demo and at least a few in a small one, some due today and some later. Every contact
and follow-up is stored as ``contacts.create`` and ``followups`` store it, with the same
audit entries (``create``; ``complete`` or ``cancel``) and the same folded search text.

Modules, named for what they make: ``staff`` (the accounts), ``numbers`` (phone numbers),
``people`` (customers), ``history`` (contacts and follow-ups), ``complaints``, ``calm``
(calm-down sessions), ``calls`` (calls to try the screen pop with, ``main.py demo-calls``),
``chance`` (dice), ``bulk`` (the bulk path) and ``fill`` (the whole of it: ``generate``, ``main``).

The bulk path
-------------
The staff accounts are made through ``accounts``, as a supervisor makes them. Everything
else is written by ``bulk.bulk_insert``: plain multi-row INSERTs (``executemany`` on SQLite,
``execute_values`` on PostgreSQL) with explicit ids, inside the one transaction that fills
the new database, with the secondary indexes dropped and rebuilt around a large load. The
services (``customers.create``, ``contacts.create``, ``followups``, ``complaints``,
``calm``) check permissions, read back, write one audit entry and reindex per record: at
200,000 customers and their year of history that is hours instead of well under a minute.

So the bulk path has to write by hand what those services write, and keep in step with them:
  - every column of each table it fills, with the value the service would store: defaults
    (``version`` 1, ``status``, empty strings rather than NULL), derived fields (a customer's
    ``sort_name``, a contact's folded ``search_text``) and times
    stored as peewee stores them (text on SQLite, ``timestamp`` on PostgreSQL);
  - the audit trail: the same ``audit_entry`` rows (action, table, record, and the
    ``before``/``after`` snapshots ``audit.snapshot`` gives) as the service writes;
  - the search index rows (``search.write``), built as ``customers.reindex`` builds them;
  - the id sequences on PostgreSQL, moved past the explicit ids afterwards.
``tests/test_demo_bulk_path.py`` keeps it in step, on SQLite and on PostgreSQL:
  - customers (a person with phones, e-mails and tags, an organisation, a contact person, a
    lost customer), contacts (one alone, one from a caller who gave no name, one promising a
    follow-up, a callback keeping one) and follow-ups (open, kept, cancelled) are made again
    through ``customers.create``/``mark_lost``, ``contacts.create`` and ``followups`` by the
    same staff member from the same values, and the stored rows, audit entries and search
    documents are compared column by column (ids, and times only by their stored form);
  - complaints and calm-down sessions are not made again (each is a story of several service
    calls): their columns and the keys of their audit snapshots are checked;
  - every column of every table the bulk path fills must be one it writes (or one the test
    lists as left to the table's default, with why), so a new column fails the test until
    the bulk path writes it.
Known difference: a demo calm-down session's trail is ``create`` then ``finish`` (version 2);
``calm.finish`` also writes a ``progress`` entry first, so a session run on a desk ends at 3.
"""

from .fill import generate, main

__all__ = ["generate", "main"]
