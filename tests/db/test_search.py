"""The persons search (issue 13 item 4): words anywhere in the name and address, through an index
that every write path keeps in step, on SQLite (FTS5) and PostgreSQL (pg_trgm, or a scan without)."""

import datetime as dt
import re

import pytest
from sqlalchemy import delete, select, text, update

from desktop.core.db import schema, search_index
from desktop.core.db.bulk import bulk_insert
from desktop.core.db.engine import open_database
from desktop.core.db.models import Person
from desktop.core.domain.people import name_key
from desktop.core.services import demo
from desktop.core.services.lists import PersonFilter, person_ids, person_rows
from desktop.core.services.office import init_office
from desktop.core.services.registry import PersonInput, create_person, delete_person, get_person, person_input, \
    update_person

TODAY = dt.date(2026, 11, 22)
DESA = "64.02.06.1001"


def add(db, name, address=None, desa=DESA, sex="P"):
    with db.transaction() as s:
        return create_person(s, PersonInput(name=name, sex=sex, desa_code=desa, address=address), today=TODAY).id


def found(db, words, **filters):
    with db.read() as s:
        ids = person_ids(s, PersonFilter(text=words, **filters), today=TODAY)
        rows = person_rows(s, ids, today=TODAY)
    return [rows[i].name for i in ids]


@pytest.fixture
def street(db):
    add(db, "Siti Aminah", "Jl. Gunung Belah No. 12")
    add(db, "Nurhayati", "Gg. Melati RT.03/RW.01")
    add(db, "Budi Santoso", "Jl.Pesut No.4", sex="L")
    add(db, "Ijlal Gunawan", "Dusun Sungai Mahakam", desa="64.02.06.2012", sex="L")
    add(db, "Rahmat", "Jl. Poros Tenggarong\u2013Kota Samarinda Km.12", sex="L")
    return db


def test_words_anywhere_in_name_and_address(street):
    db = street
    assert found(db, "jl. gunung") == ["Siti Aminah"]  # found nothing before the index
    assert found(db, "gunung") == ["Siti Aminah"]
    assert found(db, "jl") == ["Budi Santoso", "Rahmat", "Siti Aminah"]  # "Jl.Pesut": the dot parts words
    assert found(db, "ko sa km 12") == ["Rahmat"]  # "Tenggarong–Kota", "Km.12"
    assert found(db, "gg") == ["Nurhayati"]
    assert found(db, "rw 01") == ["Nurhayati"]
    assert found(db, "pesut 4") == ["Budi Santoso"]
    assert found(db, "no 12 siti") == ["Siti Aminah"]
    assert found(db, "MELATI nur") == ["Nurhayati"]


def test_long_words_inside_words_short_ones_at_the_start_of_a_word(street):
    db = street
    assert found(db, "hayati") == ["Nurhayati"]  # three letters or more: anywhere
    assert found(db, "gun") == ["Ijlal Gunawan", "Siti Aminah"]
    assert found(db, "ay") == []  # one or two: the start of a word ("Nurhayati" has no word "ay...")
    assert found(db, "ij") == ["Ijlal Gunawan"]
    assert found(db, "siti a") == ["Siti Aminah"]
    assert found(db, "siti b") == ["Siti Aminah"]  # "Belah" in the address
    assert found(db, "siti x") == []
    assert found(db, "s") == ["Siti Aminah"]  # the first keystroke: names starting with it
    assert found(db, "n m") == ["Nurhayati"]  # "Melati"
    assert found(db, "r k") == ["Rahmat"]  # one letter each: a name starting with R, a word with K
    everyone = ["Budi Santoso", "Ijlal Gunawan", "Nurhayati", "Rahmat", "Siti Aminah"]
    assert found(db, "") == everyone and found(db, "...") == everyone


def test_search_with_the_other_filters_order_and_count(street):
    db = street
    assert found(db, "gun", desa_code=DESA) == ["Siti Aminah"]
    assert found(db, "gun", sex="L") == ["Ijlal Gunawan"]
    assert found(db, "jl", desa_code="64.02.06.2012") == []
    with db.read() as s:
        for sort in ("name", "desa", "sex", "nik"):
            for desc in (False, True):
                everyone = person_ids(s, PersonFilter(), sort, desc, today=TODAY)
                some = person_ids(s, PersonFilter(text="jl"), sort, desc, today=TODAY)
                assert len(some) == 3  # the count the list shows
                assert some == [i for i in everyone if i in set(some)]  # in the list's order


def test_the_index_follows_every_write(db):
    pid = add(db, "Siti Aminah", "Jl. Gunung Belah No. 12")
    with db.transaction() as s:
        data = person_input(get_person(s, pid))
        data.name, data.address = "Siti Rahmawati", "Gg. Kenanga"
        update_person(s, pid, data)
    assert found(db, "aminah") == [] and found(db, "gunung") == []
    assert found(db, "rahma kenanga") == ["Siti Rahmawati"]
    with db.transaction() as s:  # an update of other columns leaves the index alone
        s.execute(update(Person).where(Person.id == pid).values(phone="0812", rt="004"))
    assert found(db, "gg rahma") == ["Siti Rahmawati"]
    with db.transaction() as s:
        delete_person(s, pid)
    assert found(db, "rahma") == []
    with db.transaction() as s:  # the bulk path (imports, demo) writes through Core
        ids = bulk_insert(s.connection(), Person, [
            {"name": f"Warga {n}", "name_key": name_key(f"Warga {n}"), "sex": "L", "address": f"Jl. Patin {n}",
             "desa_code": DESA} for n in ("Satu", "Dua")], "test")
    assert found(db, "patin warga") == ["Warga Dua", "Warga Satu"]
    with db.transaction() as s:
        s.execute(delete(Person).where(Person.id == ids[0]))
    assert found(db, "patin") == ["Warga Dua"]
    _index_is_sound(db)


def test_import_and_its_undo(db, tmp_path):
    from desktop.core.services.import_batches import undo_import
    from desktop.core.services.imports import run_import
    from tests.io.messy import write_messy

    result = run_import(db, write_messy(tmp_path / "dtks.xlsx"), today=TODAY)
    assert found(db, "jl pesut aminah") == ["Siti Aminah"]
    assert found(db, "hendra") == ["Hendra"]
    undo_import(db, result.batch_id)
    assert found(db, "jl pesut") == [] and found(db, "hendra") == []
    _index_is_sound(db)


SEPARATED = re.compile("[" + re.escape(search_index.SEPARATORS) + "]")


def reference(db, words: str) -> list[int]:
    """What the search must find, by the rules in search_index, judged in Python on every row."""
    keys = [w for w in name_key(words).split(" ") if w]
    with db.read() as s:
        people = s.execute(select(Person.id, Person.name_key, Person.address)).all()
    out = []
    for pid, key, address in people:
        hay = " " + key + " " + SEPARATED.sub(" ", address or "").upper()
        rest = keys
        if keys and all(len(w) == 1 for w in keys):
            if not key.startswith(keys[0]):
                continue
            rest = keys[1:]
        if all((w in hay) if len(w) >= 3 else (" " + w in hay) for w in rest):
            out.append(pid)
    return sorted(out)


QUERIES = ["jl. gunung", "gunung belah", "jl", "gg", "no 1", "siti", "siti r", "ahmad yani", "mawar 12",
           "a", "s r", "ar", "wati", "rt 00", "jl pesut no 4", "gang", "dusun 2", "x"]


def test_demo_registry_matches_the_rules_word_for_word(db):
    demo.generate(db, 40, seed=13, today=TODAY)
    for words in QUERIES:
        with db.read() as s:
            got = sorted(person_ids(s, PersonFilter(text=words), today=TODAY))
        assert got == reference(db, words), words
    _index_is_sound(db)


def test_existing_persons_are_indexed_by_the_migration(tmp_path):
    db = open_database(tmp_path / "lama.db")
    schema.upgrade(db, target="0006")
    with db.transaction() as s:
        s.execute(text("INSERT INTO person (name, name_key, sex, address, life_status, nik_mismatch, created_at, "
                       "updated_at) VALUES ('Siti Aminah', 'SITI AMINAH', 'P', 'Jl. Gunung Belah', 'hidup', 0, "
                       "'2026-01-01', '2026-01-01')"))
    schema.upgrade(db)
    assert found(db, "jl. gunung") == ["Siti Aminah"]
    _index_is_sound(db)
    db.dispose()


@pytest.mark.pg
def test_postgresql_without_pg_trgm_still_finds_everything(db_url, monkeypatch):
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    monkeypatch.setattr(search_index, "_pg_trgm_schema", lambda conn: None)
    db = open_database(db_url)
    schema.upgrade(db)
    init_office(db, "64.02.06")
    with db.read() as s:
        assert not search_index.pg_index_exists(s.connection())
    add(db, "Siti Aminah", "Jl. Gunung Belah No. 12")
    add(db, "Nurhayati", "Gg. Melati")
    assert found(db, "jl. gunung") == ["Siti Aminah"]
    assert found(db, "hayati gg") == ["Nurhayati"]
    monkeypatch.undo()  # pg_trgm arrives later: the index is made then, and the answers stay
    with db.transaction() as s:
        assert search_index.ensure_pg_index(s.connection())
    assert found(db, "jl. gunung") == ["Siti Aminah"]
    db.dispose()


def _index_is_sound(db) -> None:
    with db.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(f"INSERT INTO {search_index.TABLE}({search_index.TABLE}) VALUES ('integrity-check')")
            indexed = conn.exec_driver_sql(f"SELECT count(*) FROM {search_index.TABLE}_docsize").scalar()
            assert indexed == conn.exec_driver_sql("SELECT count(*) FROM person").scalar()
        else:
            assert search_index.pg_index_exists(conn)


def test_a_bulk_load_indexes_its_rows_at_the_end(db):
    add(db, "Siti Aminah", "Jl. Gunung Belah")
    with db.transaction() as s:
        conn = s.connection()
        with search_index.deferred(conn):
            bulk_insert(conn, Person, [{"name": f"Warga {n}", "name_key": name_key(f"Warga {n}"), "sex": "L",
                                        "address": "Gg. Mawar", "desa_code": DESA} for n in ("Satu", "Dua")], "t")
    assert found(db, "gg warga") == ["Warga Dua", "Warga Satu"]
    add(db, "Warga Tiga", "Gg. Mawar")  # the row-by-row trigger is back
    assert found(db, "mawar") == ["Warga Dua", "Warga Satu", "Warga Tiga"]
    with pytest.raises(RuntimeError), db.transaction() as s:  # a failed load leaves index and trigger
        with search_index.deferred(s.connection()):
            bulk_insert(s.connection(), Person, [{"name": "Warga Empat", "name_key": "WARGA EMPAT", "sex": "L"}], "t")
            raise RuntimeError("cancelled")
    add(db, "Warga Lima", "Gg. Mawar")
    assert found(db, "warga") == ["Warga Dua", "Warga Lima", "Warga Satu", "Warga Tiga"]
    _index_is_sound(db)
