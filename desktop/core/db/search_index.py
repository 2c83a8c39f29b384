"""The persons search index: every word of a person's name and address, found as the user types.

What is searched is one text per person, "<space><name key><space><address>"; words in it start
after a space or one of the `SEPARATORS` ("Jl.Gunung", "RT.03/RW.01"). A word of three or more
letters is found anywhere in it (a substring: "hayati" finds "Nurhayati"); a shorter word only at
the start of a word ("jl" finds "Jl. Gunung Belah", not "Ijlal"), since one or two letters inside
words would match nearly everyone.

- SQLite: an FTS5 table with the trigram tokenizer, holding only rowids (contentless); triggers on
  `person` keep it in step with every write (services, bulk import, undo, demo), so no write path
  has to know about it. A two-letter word is the trigram " JL" or ".JL" and so on (the separator
  included); a one-letter word has no trigram and is checked on the rows the other words found.
- PostgreSQL: a pg_trgm GIN index on the same text; LIKE uses it for every word (pg_trgm knows word
  starts). Without the extension the same LIKE runs as a scan: slower, never wrong.

The text is built by one SQL expression (`search_text_sql`), used alike by the triggers, the
migration that fills the index and PostgreSQL's searches. Its DDL is frozen by the databases that
hold it: a change to the text or the separators needs a revision that rebuilds the index.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence

from sqlalchemy import Connection, ColumnElement, and_, case, exists, literal_column, select, table, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

TABLE = "person_search"  # SQLite's FTS5 table (and its shadow tables person_search_*)
PG_INDEX = "ix_person_search"
# Characters that separate words in an address ("Gg. Mawar (belakang)", "Tenggarong–Kota Bangun").
SEPARATORS = ".,/\\-()[]:;'\"#&+_*!?=<>|~@\t\n\u2013\u2014\u2018\u2019\u201c\u201d"
# The same characters and the space as a GLOB class: "]" first, "-" last, so that both are literal.
_GLOB_CLASS = "]" + "".join(c for c in " " + SEPARATORS if c not in "]-") + "-"
SHORT = 3  # words shorter than this match at the start of a word only


def search_text_sql(dialect: str, name_key: str = "name_key", address: str = "address") -> str:
    """The indexed text as an SQL expression over the two columns. SQLite indexes the address as it
    is (a chain of replace() would overflow its parser in a trigger) and looks for a short word
    after each separator instead; PostgreSQL turns the separators into spaces with translate()."""
    if dialect == "postgresql":
        spaces = " " * len(SEPARATORS)
        cleaned = f"translate(coalesce({address}, ''), {_quote(SEPARATORS)}, {_quote(spaces)})"
        return f"(' ' || {name_key} || ' ' || upper({cleaned}))"
    return f"(' ' || {name_key} || ' ' || coalesce({address}, ''))"


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# ---- creating and filling (migration 0007) ---------------------------------------------------------

def _sqlite_ddl() -> list[str]:
    new, old = search_text_sql("sqlite", "new.name_key", "new.address"), search_text_sql(
        "sqlite", "old.name_key", "old.address")
    # Contentless: the table holds the index only, not a second copy of every name and address.
    # Removing a row from it needs the text that was indexed, which the trigger rebuilds from old.*.
    return [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(text, tokenize='trigram', content='', detail='full')",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ai AFTER INSERT ON person BEGIN "
        f"INSERT INTO {TABLE}(rowid, text) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ad AFTER DELETE ON person BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_au AFTER UPDATE OF id, name_key, address ON person BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {TABLE}(rowid, text) VALUES (new.id, {new}); END",
    ]


def create(conn: Connection) -> None:
    """Create the index and fill it from the persons already recorded."""
    if conn.dialect.name == "sqlite":
        for statement in _sqlite_ddl():
            conn.exec_driver_sql(statement)
        rebuild(conn)
    elif conn.dialect.name == "postgresql":
        _create_pg(conn)


def install_triggers(conn: Connection) -> None:
    """SQLite's triggers again: a later migration that rebuilds `person` (batch mode copies it into
    a new table) drops them with the old table, and must call this and `rebuild` after."""
    for statement in _sqlite_ddl()[1:]:
        conn.exec_driver_sql(statement)


def rebuild(conn: Connection) -> None:
    """Fill SQLite's index again from `person` (after creating it; or to repair it)."""
    conn.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('delete-all')")
    conn.exec_driver_sql(f"INSERT INTO {TABLE}(rowid, text) SELECT id, {search_text_sql('sqlite')} FROM person")
    conn.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")


DEFER_MIN_ROWS = 200  # below this, the drop and re-creation of the trigger cost more than they save


@contextlib.contextmanager
def deferred(conn: Connection, incoming: int | None = None) -> Iterator[None]:
    """Around a bulk insert of persons (an import, the demo): index the new rows in one statement
    at the end instead of row by row. On SQLite the insert trigger makes every one-row INSERT
    statement flush a tiny FTS5 segment (about 50 us a row: 1.5x the CPU of a whole 40,000-row
    import); one INSERT ... SELECT afterwards costs a tenth of that. Only inserts may happen inside: an update
    or delete of a new row would reach the index before the row does. The trigger's drop and
    re-creation belong to the caller's transaction, so an error or a cancel undoes them too."""
    if conn.dialect.name != "sqlite" or (incoming is not None and incoming < DEFER_MIN_ROWS):
        yield
        return
    # Python's sqlite3 opens its transaction at the first write, not at DDL: without this no-op
    # write first, a DROP TRIGGER at the start of a transaction would commit at once, alone.
    conn.exec_driver_sql("UPDATE person SET id = id WHERE 0")
    before = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM person").scalar()
    conn.exec_driver_sql(f"DROP TRIGGER {TABLE}_ai")
    yield
    conn.exec_driver_sql(f"INSERT INTO {TABLE}(rowid, text) SELECT id, {search_text_sql('sqlite')} FROM person "
                         f"WHERE id > {int(before)}")
    conn.exec_driver_sql(_sqlite_ddl()[1])


def _create_pg(conn: Connection) -> None:
    schema = _pg_trgm_schema(conn)
    if schema is None:
        # A server without pg_trgm, or a role that may not add it: the search stays correct as a
        # scan of the table. The extension can be added later; migration 0007 does not run again,
        # so the index is then made with `ensure_pg_index`.
        log.warning("pg_trgm is not available: the persons search scans the table")
        return
    conn.exec_driver_sql(
        f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON person USING gin "
        f"({search_text_sql('postgresql')} {_pg_ident(schema)}.gin_trgm_ops)")


def ensure_pg_index(conn: Connection) -> bool:
    """Create PostgreSQL's index if pg_trgm can be had; True when the index exists."""
    _create_pg(conn)
    return pg_index_exists(conn)


def pg_index_exists(conn: Connection) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM pg_indexes WHERE indexname = :n AND schemaname = "
                                  "current_schema()"), {"n": PG_INDEX}).first())


def _pg_trgm_schema(conn: Connection) -> str | None:
    """The schema pg_trgm lives in, adding the extension if it is missing and we may."""
    found = conn.execute(text("SELECT extnamespace::regnamespace::text FROM pg_extension "
                              "WHERE extname = 'pg_trgm'")).scalar()
    if found is None:
        try:
            with conn.begin_nested():  # a refusal must not abort the migration's transaction
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception as exc:  # no such extension on the server, or no right to create it
            log.warning("cannot create pg_trgm: %s", str(exc).splitlines()[0])
            return None
        found = conn.execute(text("SELECT extnamespace::regnamespace::text FROM pg_extension "
                                  "WHERE extname = 'pg_trgm'")).scalar()
    return found


def _pg_ident(name: str) -> str:
    return name if name.startswith('"') else '"' + name.replace('"', '""') + '"'


# ---- searching ---------------------------------------------------------------------------------

def person_match(words: Sequence[str], dialect: str, looked_up: bool = False) -> ColumnElement[bool]:
    """A condition on `person` true when every word is in the name or the address.

    `words` are name keys (upper case letters and digits, as `name_key` makes them). `looked_up`
    (SQLite): the index's answer is gathered once and each row looked up in it, so that another
    index (the name order) drives the query, instead of SQLite reading every row found."""
    words = [w for w in words if w]
    if not words:
        raise ValueError("no words to search")
    if dialect != "sqlite":
        searched = literal_column(search_text_sql(dialect, "person.name_key", "person.address"))
        return and_(*(searched.like(_pattern(w)) for w in words))
    from desktop.core.db.models import Person

    conditions: list[ColumnElement[bool]] = []
    indexed = [w for w in words if len(w) > 1]
    if indexed:  # the index answers every word of two letters or more, all in one query
        fts = table(TABLE, literal_column("rowid"))
        query = " AND ".join(_phrase(w) for w in indexed)
        driver = (Person.id + 0) if looked_up else Person.id  # "+ 0": not a key to search by
        conditions.append(driver.in_(
            select(literal_column("rowid")).select_from(fts).where(literal_column(TABLE).op("MATCH")(query))))
    # A one-letter word has no trigram: it is checked on the rows the other words found (the
    # caller narrows a query of one-letter words to names starting with the first). GLOB with the
    # separators as a class judges word starts as the index does.
    raw = literal_column("upper" + search_text_sql(dialect, "person.name_key", "person.address"))
    conditions.extend(raw.op("GLOB")(_glob(w)) for w in words if len(w) == 1)
    return and_(*conditions)


def row_match(words: Sequence[str]) -> ColumnElement[bool]:
    """SQLite: the same answer as `person_match`, judged on one row's own text instead of through the
    index, for a walk along the name order that stops at the first screen (a common word is found in
    the first rows; the index would first gather every row that has it).

    Words are name keys, letters and digits only, so on a row whose text is plain ASCII a GLOB on
    the upper-cased text is what the trigram index answers (it folds ASCII case and nothing else
    there). A row with any other character in its address is asked of the index itself (its case
    folding is Unicode's), which is slow (about a millisecond) but rare."""
    from desktop.core.db.models import Person

    words = [w for w in words if w]
    if not words:
        raise ValueError("no words to search")
    raw = literal_column("upper" + search_text_sql("sqlite", "person.name_key", "person.address"))
    indexed = [w for w in words if len(w) > 1]
    conditions = [raw.op("GLOB")(_glob(w)) for w in words if len(w) == 1]
    if indexed:
        query = " AND ".join(_phrase(w) for w in indexed)
        probe = exists(select(literal_column("1")).select_from(table(TABLE)).where(
            literal_column("rowid") == Person.id, literal_column(TABLE).op("MATCH")(query)))
        conditions.insert(0, case((Person.address.op("GLOB")("*[^ -~]*"), probe),
                                  else_=and_(*(raw.op("GLOB")(_glob(w)) for w in indexed))))
    return and_(*conditions)


def match_count(conn: Connection, words: Sequence[str], limit: int | None = None) -> int | None:
    """SQLite: how many persons have every word of two letters or more, counting no further than
    `limit` (a cheap "more than this?"); None when there is no such word."""
    indexed = [w for w in words if len(w) > 1]
    if not indexed:
        return None
    query = " AND ".join(_phrase(w) for w in indexed)
    found = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?" + (f" LIMIT {int(limit)}" if limit else "")
    return conn.exec_driver_sql(f"SELECT count(*) FROM ({found})", (query,)).scalar()


class Interrupted(Exception):
    """A query given up by `interruptible` (a newer keystroke, or over its time)."""


@contextlib.contextmanager
def interruptible(conn: Connection, stop: Callable[[], bool] | None) -> Iterator[None]:
    """SQLite: give up the statements run inside as soon as `stop()` says so (asked every few
    thousand virtual machine steps); they raise `Interrupted`. Elsewhere `stop` is not asked."""
    raw = conn.connection.driver_connection if conn.dialect.name == "sqlite" and stop else None
    if raw is None:
        yield
        return
    raw.set_progress_handler(lambda: 1 if stop() else 0, 2000)
    try:
        yield
    except OperationalError as exc:
        if "interrupted" in str(exc.orig):
            raise Interrupted() from None
        raise
    finally:
        raw.set_progress_handler(None, 0)


def _glob(word: str) -> str:
    return f"*{word}*" if len(word) >= SHORT else f"*[{_GLOB_CLASS}]{word}*"


def _phrase(word: str) -> str:
    """FTS5 query text for one word. Name keys hold letters, digits and spaces only; a short word
    is any of its trigrams after a space or a separator (FTS5 doubles a quote inside quotes)."""
    if len(word) >= SHORT:
        return f'"{word}"'
    starts = (c + word for c in " " + SEPARATORS)
    return "(" + " OR ".join('"' + start.replace('"', '""') + '"' for start in starts) + ")"


def _pattern(word: str) -> str:
    return f"%{word}%" if len(word) >= SHORT else f"% {word}%"


def include_name(name: str | None, type_: str, parent_names: object = None) -> bool:
    """Alembic's `include_name` filter: the index is no model (SQLite's FTS5 table and its shadow
    tables, PostgreSQL's expression index), so autogenerate and the models test leave it alone."""
    if name is None:
        return True
    if type_ == "table":
        return not (name == TABLE or name.startswith(TABLE + "_"))
    return not (type_ == "index" and name == PG_INDEX)
