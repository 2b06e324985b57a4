"""The customer search index: one document of words per customer.

On SQLite it is an FTS5 table (``customer_search``, rowid = customer id); on
PostgreSQL a ``tsvector`` column with a GIN index. Both hold the same words, made
by ``text.search_tokens`` and ``phones.index_tokens``, so both engines match the
same way: every word typed must begin some word of the customer's document.
"""

from __future__ import annotations

from collections.abc import Iterable

import peewee as pw

from . import phones
from .text import query_tokens, search_tokens

COLUMNS = ("names", "phones", "emails", "organisation", "notes")
# The columns that say who a customer is; a word found only elsewhere (the notes) counts less.
KEY_COLUMNS = ("names", "phones", "emails", "organisation")
# On PostgreSQL the document is one tsvector; its weights stand for the columns: names and
# organisation A, e-mails B, notes C, phone tails D (the default, so documents written before
# there were weights still find every phone fragment).
WEIGHTS = {"names": "A", "organisation": "A", "emails": "B", "notes": "C", "phones": "D"}
# A search uses at most this many words, each at most this long: a pasted paragraph still finds
# what it is about, and no engine meets a query deeper or longer than it can parse.
MAX_WORDS = 16
MAX_WORD = 100


def fewest_words(words: Iterable[str], covers=str.startswith, limit: int = MAX_WORDS) -> list[str]:
    """The words a search needs to look for: each once, none that another already ``covers`` (a
    customer with "karimi" has "kar"), and at most ``limit``, the longest. With more words than
    that, the search finds a few more than every word would, never fewer."""
    kept: list[str] = []
    for word in sorted({w[:MAX_WORD] for w in words if w}, key=lambda w: (-len(w), w)):
        if not any(covers(longer, word) for longer in kept):
            kept.append(word)
            if len(kept) == limit:
                break
    return kept


# PostgreSQL: the first one and two letters of every word of a document, as an array with a GIN
# index on it (migration 11), as FTS5's prefix index does on SQLite. "Some word begins with m" is
# then one exact key of that index, where the document's own index merges the entries of every
# word beginning with m (a third of 200,000 customers for one Persian letter).
PREFIX_LETTERS = 2
PREFIXES = "search_prefixes(document)"
PREFIXES_FUNCTION = (
    "CREATE OR REPLACE FUNCTION search_prefixes(tsvector) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT "
    "PARALLEL SAFE AS $$ SELECT coalesce(array_agg(DISTINCT left(w.lexeme, n)), '{}') "
    f"FROM unnest($1) AS w, generate_series(1, {PREFIX_LETTERS}) AS n $$"
)
RANKED_WINDOW = 1000  # the newest customers search_ranked tries one by one before the index
RANKED_WALK = 30_000  # and at most this many, where the words are common enough (0.5-1 ms a thousand)
# (No percent sign in these: the driver would take it for a parameter.)
# PostgreSQL: the groups of ``ranked_clauses`` read one after the other, as ``customers._ranked_ids``
# does, but on the server, in one round trip (each group planned with its own words, as a statement
# of its own would be). ``tiers`` are the groups' tsquery texts; ``wanted`` ids in all, ``skip`` of
# them first (a window further down); from group ``first_tier`` on, below id ``below`` in that group.
RANKED_FUNCTION = """
CREATE OR REPLACE FUNCTION search_ranked(tiers text[], wanted integer, skip integer, first_tier integer,
                                         below integer) RETURNS TABLE (tier integer, found_id integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    i integer;
    need integer := wanted;
    size bigint;
    got bigint;
    beneath text;
    upto bigint;
    stretch bigint;
    walked bigint;
    found bigint;
BEGIN
    FOR i IN 1 .. coalesce(array_length(tiers, 1), 0) LOOP
        EXIT WHEN need <= 0;
        CONTINUE WHEN i - 1 < first_tier;
        beneath := CASE WHEN i - 1 = first_tier AND below IS NOT NULL
                        THEN ' AND customer_id < ' || below ELSE '' END;
        IF skip > 0 THEN
            EXECUTE 'SELECT count(*) FROM customer_search WHERE document @@ to_tsquery(''simple'', $1)' || beneath
                INTO size USING tiers[i];
            IF skip >= size THEN
                skip := skip - size;
                CONTINUE;
            END IF;
        ELSE
            -- First the newest WINDOW customers one by one (by id: the ids are handed out in turn, so
            -- a range of them is that many customers, give or take the merged): where the words are
            -- common (a letter, the first digits of a thousand numbers) the window is filled there,
            -- whatever the planner guesses. Then on, newest first, where the rest lies near at the rate
            -- found so far (within WALK customers): the index would check thousands of matches, and for
            -- a prefix merge the entries of thousands of words (every stored number beginning 98919 is
            -- a word of its own). The rest through the index. ("OFFSET 0" keeps each range walked, not planned together with
            -- the words.)
            EXECUTE 'SELECT max(customer_id) + 1 FROM customer_search WHERE true' || beneath INTO upto;
            CONTINUE WHEN upto IS NULL;
            stretch := WINDOW;
            walked := 0;
            found := 0;
            LOOP
                RETURN QUERY EXECUTE 'SELECT ' || (i - 1) || ', customer_id FROM (SELECT customer_id, document '
                                     'FROM customer_search WHERE customer_id < ' || upto || ' AND customer_id >= '
                                     || (upto - stretch) || ' ORDER BY customer_id DESC OFFSET 0) AS recent '
                                     'WHERE document @@ to_tsquery(''simple'', $1) ORDER BY customer_id DESC LIMIT ' || need
                    USING tiers[i];
                GET DIAGNOSTICS got = ROW_COUNT;
                need := need - got;
                found := found + got;
                walked := walked + stretch;
                upto := upto - stretch;
                -- On while the rest, at the rate found, lies nearer than the index would find all the
                -- matches left (it checks each in about the time it takes to walk four customers):
                -- need * walked / found customers to walk against found / walked * upto matches.
                EXIT WHEN need <= 0 OR upto <= 1 OR found = 0 OR walked + need * walked / found > WALK
                          OR need * walked * walked > 4 * found * found * upto;
                -- on as far as the rest lies at that rate, but at most as far again as walked so far:
                -- four matches among a thousand say little, so the rate is checked on the way
                stretch := least(walked * 2, need * walked / found * 5 / 4 + 100);
            END LOOP;
            CONTINUE WHEN need <= 0 OR upto <= 1;
            beneath := ' AND customer_id < ' || upto;
        END IF;
        -- Rare words here (or a window further down): through the index. "+ 0" keeps the planner from
        -- walking the primary key newest first in the hope of meeting them soon (12 ms for "j").
        RETURN QUERY EXECUTE 'SELECT ' || (i - 1) || ', customer_id FROM customer_search '
                             'WHERE document @@ to_tsquery(''simple'', $1)' || beneath
                             || ' ORDER BY customer_id + 0 DESC LIMIT ' || need || ' OFFSET ' || skip
            USING tiers[i];
        GET DIAGNOSTICS got = ROW_COUNT;
        need := need - got;
        skip := 0;
    END LOOP;
END $$""".replace("WINDOW", str(RANKED_WINDOW)).replace("WALK", str(RANKED_WALK))


def ranked_call(
    ranked: list[tuple[str, list]], limit: int, offset: int = 0, first: int = 0, below: int | None = None
) -> tuple[str, list]:
    """PostgreSQL: one statement selecting (group, id) of a window of ``ranked_clauses``' matches,
    the best group first, the newest first within each (see RANKED_FUNCTION)."""
    tiers = [params[0] for _, params in ranked]  # each group is _select's: one tsquery text
    return (
        "SELECT tier, found_id FROM search_ranked(%s::text[], %s, %s, %s, %s)",
        [tiers, int(limit), int(offset), int(first), None if below is None else int(below)],
    )


# Word statistics the planner keeps (ten times as many words as this): enough to know a whole
# phone number or a rare name is rare.
STATISTICS = 1000


def is_postgres(database: pw.Database) -> bool:
    return isinstance(database, pw.PostgresqlDatabase)


def create_index(database: pw.Database) -> None:
    if is_postgres(database):
        database.execute_sql(
            "CREATE TABLE customer_search (customer_id INTEGER PRIMARY KEY REFERENCES customer (id) "
            "ON DELETE CASCADE, document TSVECTOR NOT NULL)"
        )
        database.execute_sql("CREATE INDEX customer_search_document ON customer_search USING GIN (document)")
    else:
        database.execute_sql(
            "CREATE VIRTUAL TABLE customer_search USING fts5("
            + ", ".join(COLUMNS)
            + ", prefix='1 2 3', tokenize='unicode61 remove_diacritics 0')"
        )


def document(
    names: Iterable[str], numbers: Iterable[str], emails: Iterable[str], organisation: Iterable[str], notes: str
) -> dict[str, str]:
    """The words of one customer, by column."""
    return {
        "names": " ".join(t for name in names for t in search_tokens(name)),
        "phones": " ".join(t for number in numbers for t in phones.index_tokens(number)),
        "emails": " ".join(t for email in emails for t in search_tokens(email) + search_tokens(email.replace(".", ""))),
        "organisation": " ".join(t for org in organisation for t in search_tokens(org)),
        "notes": " ".join(search_tokens(notes)),
    }


def write(database: pw.Database, rows: list[tuple[int, dict[str, str]]]) -> None:
    """Replace the documents of these customers."""
    if not rows:
        return
    ids = [customer_id for customer_id, _ in rows]
    marks = ", ".join([database.param] * len(ids))
    if is_postgres(database):
        database.execute_sql(f"DELETE FROM customer_search WHERE customer_id IN ({marks})", ids)
        # One tsvector, its words weighted by the column they come from (see WEIGHTS).
        weighted = " || ".join(
            f"setweight(to_tsvector('simple', %s), '{weight}')" for weight in sorted(set(WEIGHTS.values()))
        )
        values = ", ".join([f"(%s, {weighted})"] * len(rows))
        params: list = []
        for customer_id, doc in rows:
            params.append(customer_id)
            for weight in sorted(set(WEIGHTS.values())):
                params.append(" ".join(doc[c] for c in COLUMNS if WEIGHTS[c] == weight))
        database.execute_sql(f"INSERT INTO customer_search (customer_id, document) VALUES {values}", params)
    else:
        database.execute_sql(f"DELETE FROM customer_search WHERE rowid IN ({marks})", ids)
        database.cursor().executemany(
            "INSERT INTO customer_search (rowid, " + ", ".join(COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?)",
            [(customer_id, *(doc[c] for c in COLUMNS)) for customer_id, doc in rows],
        )


def documents(database: pw.Database, ids: list[int]) -> list[tuple[int, dict[str, str]]]:
    """The search documents of these customers, from what ``database`` stores: their names and job
    title, phones and e-mails in their order, their own and their organisation's name, and the notes.
    Read for a whole batch in three statements (``customers.reindex``, ``copying``)."""
    if not ids:
        return []
    marks = ", ".join([database.param] * len(ids))
    rows = database.execute_sql(
        "SELECT c.id, c.given_name, c.family_name, c.job_title, c.organisation, o.organisation, c.notes"
        f" FROM customer c LEFT JOIN customer o ON o.id = c.organisation_id WHERE c.id IN ({marks})",
        ids,
    ).fetchall()
    numbers: dict[int, list[str]] = {}
    for customer_id, number in database.execute_sql(
        f"SELECT customer_id, number FROM phone_number WHERE customer_id IN ({marks}) ORDER BY position, id", ids
    ):
        numbers.setdefault(customer_id, []).append(number)
    emails: dict[int, list[str]] = {}
    for customer_id, address in database.execute_sql(
        f"SELECT customer_id, address FROM email_address WHERE customer_id IN ({marks}) ORDER BY position, id", ids
    ):
        emails.setdefault(customer_id, []).append(address)
    return [
        (
            cid,
            document(
                [given, family, title],
                numbers.get(cid, []),
                emails.get(cid, []),
                [own] + ([employer] if employer is not None else []),
                notes,
            ),
        )
        for cid, given, family, title, own, employer, notes in rows
    ]


def remove(database: pw.Database, customer_id: int) -> None:
    column = "customer_id" if is_postgres(database) else "rowid"
    database.execute_sql(f"DELETE FROM customer_search WHERE {column} = {database.param}", (customer_id,))


def _plan(query: str, region: str | None) -> tuple[str | None, str | None, list[list[str]]] | None:
    """What a typed query looks for: a phone fragment (and the whole number it may be), and its
    words, each with the forms it may take. None when there is nothing to look for.

    Typed as a phone number ("0912 345", "+98 912", "۰۱۲۳"), the digits are looked for among the
    tails of the stored numbers, and the words as typed (leading zeros kept) everywhere else, so
    "0123" also finds "Branch 0123". Among other words, a number ("maryam 0912", "branch 0123")
    may be either: a phone fragment (``912``) or the word itself (``0123``).
    """
    fragment = phones.digits_fragment(query[:200])
    words = fewest_words(query_tokens(query))
    if fragment and phones.is_international(query[:200]):
        groups = []  # "+98 912", "0098 912": a phone number and nothing else
    elif fragment:
        groups = [[w] for w in words]
    else:
        groups = [list(dict.fromkeys([w, phones.digits_fragment(w) or w])) for w in words]
    if not fragment and not groups:
        return None
    exact = None
    if fragment and len(fragment) >= 6:
        try:
            exact = phones.parse(query[:200], region or phones.DEFAULT_REGION).lstrip("+")
        except Exception:  # noqa: BLE001 - a fragment, not a whole number
            exact = None
    return fragment, exact, groups


def _fts(word: str, columns: tuple[str, ...] | None, prefix: bool) -> str:
    where = "{" + " ".join(columns) + "} : " if columns else ""
    return f'{where}"{word}"' + ("*" if prefix else "")


def _fts_words(groups: list[list[str]], columns: tuple[str, ...] | None, prefix: bool) -> str:
    return " AND ".join("(" + " OR ".join(_fts(w, columns, prefix) for w in group) + ")" for group in groups)


def _ts(word: str, columns: tuple[str, ...] | None, prefix: bool) -> str:
    weights = "".join(sorted({WEIGHTS[c] for c in columns})) if columns else ""
    return word + (":" if prefix or weights else "") + ("*" if prefix else "") + weights


def _ts_words(groups: list[list[str]], columns: tuple[str, ...] | None, prefix: bool) -> str:
    return " & ".join("(" + " | ".join(_ts(w, columns, prefix) for w in group) + ")" for group in groups)


def _expressions(database: pw.Database, plan) -> tuple[str, str, str]:
    """Three nested match expressions: the best matches (whole words of the name, phone or e-mail,
    the exact number), the good ones (their beginnings, any fragment of the number) and all."""
    fragment, exact, groups = plan
    postgres = is_postgres(database)
    term, joined, either = (_ts, _ts_words, " | ") if postgres else (_fts, _fts_words, " OR ")
    if fragment and groups == [[fragment]]:  # one number as typed ("4512"): the same word everywhere
        return (
            either.join(
                f"({e})"
                for e in (
                    term(exact or fragment, ("phones",), False),
                    term(fragment, tuple(c for c in KEY_COLUMNS if c != "phones"), False),
                )
            ),
            term(fragment, KEY_COLUMNS, True),
            term(fragment, None, True),
        )
    if fragment:
        others = tuple(c for c in KEY_COLUMNS if c != "phones")
        rest = tuple(c for c in COLUMNS if c != "phones")
        best = [term(exact or fragment, ("phones",), False)]
        good = [term(fragment, ("phones",), True)]
        every = list(good)
        if groups:
            best.append(joined(groups, others, False))
            good.append(joined(groups, others, True))
            every.append(joined(groups, rest, True))
        best_sql, good_sql, every_sql = (either.join(f"({e})" for e in parts) for parts in (best, good, every))
        return best_sql, good_sql, every_sql
    return joined(groups, KEY_COLUMNS, False), joined(groups, KEY_COLUMNS, True), joined(groups, None, True)


def _select(database: pw.Database, expression: str) -> tuple[str, list]:
    if is_postgres(database):
        return ("SELECT customer_id FROM customer_search WHERE document @@ to_tsquery('simple', %s)", [expression])
    return ("SELECT rowid FROM customer_search WHERE customer_search MATCH ?", [expression])


def match_clause(database: pw.Database, query: str, region: str | None = None) -> tuple[str, list] | None:
    """SQL selecting the ids of customers matching ``query``, with its parameters; None for an empty query.

    Every word typed must begin a word of the customer's document; a phone fragment (three
    digits or more, however written) is looked for inside the stored numbers.
    """
    plan = _plan(query, region)
    if plan is None:
        return None
    fragment, _, groups = plan
    short = [group[0] for group in groups if len(group) == 1 and len(group[0]) <= PREFIX_LETTERS]
    if is_postgres(database) and not fragment and short:
        # Words of one or two letters are looked for among the words' first letters (see PREFIXES),
        # the longer ones in the document; a customer must have them all, as "(m:*) & (ali:*)" says.
        rest = [group for group in groups if not (len(group) == 1 and group[0] in short)]
        sql = f"SELECT customer_id FROM customer_search WHERE {PREFIXES} @> %s::text[]"
        if not rest:
            return sql, [short]
        return f"{sql} AND document @@ to_tsquery('simple', %s)", [short, _ts_words(rest, None, True)]
    return _select(database, _expressions(database, plan)[2])


def ranked_clauses(database: pw.Database, query: str, region: str | None = None) -> list[tuple[str, list]] | None:
    """The matches of ``query`` in three groups that do not overlap, best first, each as SQL
    selecting ids with its parameters; None for an empty query. Together they are
    ``match_clause``'s matches:

    0. every word is a whole word of the name, phone or e-mail, or the number typed is the
       customer's exact number;
    1. every word begins a word of the name, phone or e-mail, or the digits are part of a number;
    2. the rest: some word is found only in the notes (or typed among words, as a phone fragment).
    """
    plan = _plan(query, region)
    if plan is None:
        return None
    best, good, every = _expressions(database, plan)
    but = "& !" if is_postgres(database) else "NOT"
    tiers = [best, f"({good}) {but} ({best})"]
    if every != good:  # a number typed with its country code is looked for in the phones only
        tiers.append(f"({every}) {but} ({good})")
    return [_select(database, t) for t in tiers]
