"""The persons list's first screen (issue 13 item 4): exactly the first rows of the whole answer,
whichever plan finds them; and a whole-list query that a newer keystroke gives up."""

import datetime as dt
import random

import pytest
from sqlalchemy import select

from desktop.core.db import search_index
from desktop.core.db.bulk import bulk_insert
from desktop.core.db.models import Person
from desktop.core.domain.people import name_key
from desktop.core.services import first_screen
from desktop.core.services.first_screen import first_person_ids
from desktop.core.services.lists import PersonFilter, person_ids
from desktop.core.services.office import init_office

TODAY = dt.date(2026, 11, 22)
DESA = ["64.02.06.1001", "64.02.06.1002", "64.02.06.2012"]
FIRST = ["Siti", "Ahmad", "Budi", "Nur", "Rahmat", "Gunawan", "Ijlal", "Dewi", "Jlina", "Sri"]
LAST = ["Rahayu", "Santoso", "Hayati", "Gunung", "Aminah", "Wijaya", "Gg", "Kasim"]
# Addresses in the spellings offices type, a few with characters outside ASCII (a row the walk
# asks of the index itself) and in lower case.
STREETS = ["Jl. Gunung Belah No. {n}", "Gg. Melati RT.03/RW.01", "jl.pesut no.{n}", "Dusun Sungai {n}",
           "Jl. Poros Tenggarong\u2013Kota Km.{n}", "Gg.\u201cSiti\u201d No. {n}", "Jl. Ahmad\tYani {n}",
           "Jalan Müller {n}", "Jl. \u212aasim {n}", None]


@pytest.fixture
def registry(sqlite_db):
    init_office(sqlite_db, "64.02.06")
    rng = random.Random(3)
    rows = []
    for i in range(400):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        street = rng.choice(STREETS)
        rows.append({"name": name, "name_key": name_key(name), "sex": "P", "desa_code": rng.choice(DESA),
                     "address": street.format(n=rng.randint(1, 30)) if street else None,
                     "life_status": "hidup", "nik_mismatch": False})
    with sqlite_db.transaction("test") as s:
        bulk_insert(s.connection(), Person, rows, "test", audit=False)
    return sqlite_db


QUERIES = ["jl", "jl. gunung", "gg", "gg s", "siti r", "siti", "hayu", "s", "jl g", "kasim", "muller", "ta km",
           "zzq", "", "no 1", "si", "ahmad yani"]
FILTERS = [{}, {"desa_code": DESA[0]}, {"desa_code": DESA[2], "sex": "P"}, {"without_nik": True}]


@pytest.mark.parametrize("plan", ["index", "walk", "lookup"])
def test_the_first_screen_is_the_start_of_the_whole_list(registry, monkeypatch, plan):
    # Force each plan: "index" sorts what the index finds, "walk" judges rows one by one along the
    # name order, "lookup" walks the name order against the index's answer.
    monkeypatch.setattr(first_screen, "INDEX_FIRST", 10_000 if plan == "index" else 0)
    monkeypatch.setattr(first_screen, "WALK", 10_000 if plan == "walk" else 0)
    monkeypatch.setattr(first_screen, "WALK_MS", 60_000)
    with registry.read() as s:
        for text in QUERIES:
            for filters in FILTERS:
                f = PersonFilter(text=text, **filters)
                for descending in (False, True):
                    whole = person_ids(s, f, descending=descending, today=TODAY)
                    for n in (1, 7, 50):
                        screen = first_person_ids(s, f, descending=descending, today=TODAY, n=n)
                        case = (text, filters, descending, n)
                        assert screen.ids == whole[:n], case
                        assert screen.complete == (len(whole) <= n), case
                        assert screen.count in (None, len(whole)), case


def test_other_sorts_take_the_planner_s_first_rows(registry):
    with registry.read() as s:
        for sort in ("nik", "birth_date", "desa", "rt_rw", "no_kk"):
            f = PersonFilter(text="jl")
            assert first_person_ids(s, f, sort, today=TODAY, n=20).ids == person_ids(s, f, sort, today=TODAY)[:20]


def test_a_row_judged_on_its_own_text_as_the_index_judges_it(registry):
    """row_match (the walk) and person_match (the index) agree on every row, also on those with
    characters outside ASCII in the address (a Kelvin sign folds to "k" in the index)."""
    with registry.read() as s:
        for text in QUERIES:
            words = [w for w in name_key(text).split(" ") if w]
            if not any(len(w) > 1 for w in words):
                continue
            by_index = set(s.scalars(select(Person.id).where(search_index.person_match(words, "sqlite"))))
            by_row = set(s.scalars(select(Person.id).where(search_index.row_match(words))))
            assert by_row == by_index, text
        kelvin = set(s.scalars(select(Person.id).where(search_index.row_match(["KASIM"]))))
        assert any("\u212a" in (s.get(Person, i).address or "") for i in kelvin)


def test_a_newer_keystroke_gives_up_the_whole_list(registry):
    with registry.read() as s:
        assert person_ids(s, PersonFilter(text="jl"), stop=lambda: True) is None
        assert person_ids(s, PersonFilter(text="jl"), stop=lambda: False) == person_ids(s, PersonFilter(text="jl"))
        # the session reads on after a query was given up
        assert first_person_ids(s, PersonFilter(text="jl"), n=3).ids == person_ids(s, PersonFilter(text="jl"))[:3]


def test_the_count_comes_with_the_first_screen_when_the_index_knows_it(registry):
    with registry.read() as s:
        few = first_person_ids(s, PersonFilter(text="kasim"), n=2)
        assert few.count == len(person_ids(s, PersonFilter(text="kasim"))) and not few.complete
        assert first_person_ids(s, PersonFilter(text="kasim", desa_code=DESA[0]), n=2).count is None
