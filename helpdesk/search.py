"""The customer search index: one document of words per customer.

On SQLite it is an FTS5 table (``customer_search``, rowid = customer id); on
PostgreSQL a ``tsvector`` column with a GIN index. Both hold the same words, made
by ``text.search_tokens`` and ``phones.index_tokens``, so both engines match the
same way: every word typed must begin some word of the customer's document.
"""
from __future__ import annotations

from typing import Iterable

import peewee as pw

from . import phones
from .text import query_tokens, search_tokens

COLUMNS = ("names", "phones", "emails", "organisation", "notes")
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


def document(names: Iterable[str], numbers: Iterable[str], emails: Iterable[str], organisation: Iterable[str],
             notes: str) -> dict[str, str]:
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
        values = ", ".join(["(%s, to_tsvector('simple', %s))"] * len(rows))
        params: list = []
        for customer_id, doc in rows:
            params += [customer_id, " ".join(doc[c] for c in COLUMNS)]
        database.execute_sql(f"INSERT INTO customer_search (customer_id, document) VALUES {values}", params)
    else:
        database.execute_sql(f"DELETE FROM customer_search WHERE rowid IN ({marks})", ids)
        database.cursor().executemany(
            "INSERT INTO customer_search (rowid, " + ", ".join(COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?)",
            [(customer_id, *(doc[c] for c in COLUMNS)) for customer_id, doc in rows],
        )


def remove(database: pw.Database, customer_id: int) -> None:
    column = "customer_id" if is_postgres(database) else "rowid"
    database.execute_sql(f"DELETE FROM customer_search WHERE {column} = {database.param}", (customer_id,))


def match_clause(database: pw.Database, query: str) -> tuple[str, list] | None:
    """SQL selecting the ids of customers matching ``query``, with its parameters; None for an empty query.

    A phone fragment (three digits or more, however written) is looked up among
    the tails of the stored numbers; other words must begin a word of the document.
    """
    fragment = phones.digits_fragment(query)
    # A number typed among words ("maryam 0912") is matched like a phone fragment too.
    words = [fragment] if fragment else [phones.digits_fragment(w) or w for w in query_tokens(query)]
    if not words:
        return None
    if is_postgres(database):
        tsquery = " & ".join(f"{w}:*" for w in words)
        return ("SELECT customer_id FROM customer_search WHERE document @@ to_tsquery('simple', %s)", [tsquery])
    if fragment:
        expression = f'phones : "{fragment}"*'
    else:
        expression = " AND ".join(f'"{w}"*' for w in words)
    return ("SELECT rowid FROM customer_search WHERE customer_search MATCH ?", [expression])
