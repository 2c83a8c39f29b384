"""The first screen of the persons list, quickly: the list shows it while the whole list of ids
(`lists.person_ids`, all of them in order, for the count and the scroll bar) is read on the worker.

At 200,000 persons a search that finds many rows spends most of its time fetching and sorting
every one of them (0.1-0.5 s for a two-letter word); the first 50 can be had in a few ms."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from sqlalchemy import and_, case, select
from sqlalchemy.orm import Session

from desktop.core.db.models import Person
from desktop.core.db.search_index import Interrupted, interruptible, match_count
from desktop.core.services.lists import (
    PersonFilter,
    Sight,
    filter_conditions,
    person_query,
    search_words,
    sight_of,
    text_conditions,
)

SCREEN = 50  # rows of a first screen
INDEX_FIRST = 8000  # up to this many rows with the words, sorting them all beats walking the name order
WALK = 2000  # rows along the name order judged one by one (2-6 us each) when more have the words
BLOCK = 250  # ... so many at a time
WALK_MS = 15  # ... in no more time than this (a row with a non-ASCII address costs ~1 ms)


@dataclass(frozen=True, slots=True)
class FirstScreen:
    """The first rows of a list, quickly, while the whole list is still being read."""

    ids: list[int]
    complete: bool  # `ids` is the whole answer
    count: int | None = None  # the whole answer's size when it is known already


def first_person_ids(session: Session, f: PersonFilter = PersonFilter(), sort: str = "name",
                     descending: bool = False, today: dt.date | None = None, n: int = SCREEN) -> FirstScreen:
    """The first `n` ids of `person_ids` (exactly those), in a time that does not grow with the
    number of rows found: the list shows them while the whole list is read on the worker.

    A word search in name order on SQLite picks its plan by how many rows have the words (see
    `_first_by_name`); elsewhere the database's planner does, told that `n + 1` rows will do."""
    today = today or dt.date.today()
    dialect = session.get_bind().dialect.name
    words = search_words(f.text)
    if dialect == "sqlite" and sort == "name" and words and any(len(w) > 1 for w in words):
        return _first_by_name(session, f, words, descending, today, n)
    stmt = person_query(f, sort, descending, today, dialect, sight=sight_of(session)).limit(n + 1)
    ids = list(session.connection().execute(stmt).scalars())
    return FirstScreen(ids[:n], len(ids) <= n, len(ids) if len(ids) <= n else None)


def _first_by_name(session: Session, f: PersonFilter, words: list[str], descending: bool, today: dt.date,
                   n: int) -> FirstScreen:
    conn = session.connection()
    sight = sight_of(session)
    alone = all(len(w) > 1 for w in words) and f == PersonFilter(text=f.text)  # the index counts it all
    # 1. Few rows have the words (counted no further than INDEX_FIRST, a few ms): find them through
    # the search index and sort them.
    found = match_count(conn, words, limit=INDEX_FIRST + 1)
    if found is not None and found <= INDEX_FIRST:
        ids = list(conn.execute(person_query(f, "name", descending, today, "sqlite", sight=sight)
                                .limit(n + 1)).scalars())
        return FirstScreen(ids[:n], len(ids) <= n, found if alone else (len(ids) if len(ids) <= n else None))
    # 2. Many do: walk the name order, judging each row on its own text, a block at a time (a word
    # in most addresses, "jl", has its 50 rows in the first hundred).
    ids = _walk(conn, f, descending, today, n, sight)
    if ids is not None:
        return FirstScreen(ids, False)
    # 3. Further on, or narrowed by another filter: walk the name order on, looking each row up in
    # the search index's answer, gathered once (SQLite would read and sort every row found).
    stmt = person_query(f, "name", descending, today, "sqlite", "lookup", sight).limit(n + 1)
    ids = list(conn.execute(stmt).scalars())
    return FirstScreen(ids[:n], len(ids) <= n, len(ids) if len(ids) <= n else None)


def _walk(conn, f: PersonFilter, descending: bool, today: dt.date, n: int, sight: Sight) -> list[int] | None:
    """The first `n` matching ids among the first WALK rows of the name order; None if fewer."""
    order = [Person.name_key.desc(), Person.id.desc()] if descending else [Person.name_key, Person.id]
    # In a CASE, so that SQLite takes the block's rows by id instead of searching them out through
    # another index (a desa's 14,000 rows for every block); the cheap filters first.
    judged = case((and_(*filter_conditions(f, today, sight), *text_conditions(f.text, "sqlite", "row", sight)), 1),
                  else_=0) == 1
    deadline = time.perf_counter() + WALK_MS / 1000
    found: list[int] = []
    names = conn.execute(select(Person.id).order_by(*order).limit(WALK))
    try:
        with interruptible(conn, lambda: time.perf_counter() > deadline):
            for block in names.scalars().partitions(BLOCK):
                hits = set(conn.execute(select(Person.id).where(Person.id.in_(block), judged)).scalars())
                found += [i for i in block if i in hits]
                if len(found) >= n:
                    return found[:n]
    except Interrupted:
        pass
    finally:
        names.close()
    return None
