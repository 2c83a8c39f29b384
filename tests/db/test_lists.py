import datetime as dt

import pytest

from desktop.core.services.lists import PersonFilter, person_ids, person_rows
from desktop.core.services.registry import FamilyInput, PersonInput, create_family, create_person, set_desil
from desktop.core.services.welfare import PpksInput, add_ppks

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def people(db):
    with db.transaction() as s:
        fam = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code="64.02.06.1001", rt="3", rw="1",
                                           address="Jl. Pesut No. 4"), today=TODAY).id
        set_desil(s, fam, 1, TODAY, "DTSEN")
        ids = {
            "siti": create_person(s, PersonInput(name="Siti Aminah", sex="P", nik="6402065505850001",
                                                 birth_date=dt.date(1985, 5, 15), family_id=fam, relationship_code=3),
                                  today=TODAY).id,
            "budi": create_person(s, PersonInput(name="Budi Santoso", sex="L", nik="6402061505800003",
                                                 birth_date=dt.date(1980, 5, 15), family_id=fam, relationship_code=1),
                                  today=TODAY).id,
            "ijah": create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001",
                                                 birth_date=dt.date(1950, 1, 1), desa_code="64.02.06.2012",
                                                 address="Jl. Poros Rapak"), today=TODAY).id,
            "udin": create_person(s, PersonInput(name="Pak Udin", sex="L", desa_code="64.02.06.2012"), today=TODAY).id,
        }
        add_ppks(s, PpksInput("LUT", TODAY, person_id=ids["ijah"]))
        add_ppks(s, PpksInput("FM", TODAY, family_id=fam))
        add_ppks(s, PpksInput("GLD", TODAY, person_id=ids["udin"], status="tertangani"))
    return ids


def names(db, f=PersonFilter(), sort="name", desc=False):
    with db.read() as s:
        ids = person_ids(s, f, sort, desc, today=TODAY)
        rows = person_rows(s, ids, today=TODAY)
    return [rows[i].name for i in ids]


def test_search_by_words_nik_kk_and_address(db, people):
    assert names(db, PersonFilter(text="aminah siti")) == ["Siti Aminah"]
    assert names(db, PersonFilter(text="6402 0655")) == ["Siti Aminah"]
    assert names(db, PersonFilter(text="640206120315")) == ["Budi Santoso", "Siti Aminah"]  # by No. KK
    assert names(db, PersonFilter(text="poros rapak")) == ["Nenek Ijah"]


def test_filters(db, people):
    assert names(db, PersonFilter(desa_code="64.02.06.2012")) == ["Nenek Ijah", "Pak Udin"]
    assert names(db, PersonFilter(sex="L")) == ["Budi Santoso", "Pak Udin"]
    assert names(db, PersonFilter(age_min=60)) == ["Nenek Ijah"]
    assert names(db, PersonFilter(age_min=18, age_max=59)) == ["Budi Santoso", "Siti Aminah"]
    assert names(db, PersonFilter(ppks_category=8)) == ["Nenek Ijah"]
    assert names(db, PersonFilter(ppks_category=24)) == ["Budi Santoso", "Siti Aminah"]  # FM through the family
    assert names(db, PersonFilter(ppks_status="tertangani")) == ["Pak Udin"]
    assert names(db, PersonFilter(desil_max=2)) == ["Budi Santoso", "Siti Aminah"]
    assert names(db, PersonFilter(without_nik=True)) == ["Pak Udin"]
    assert names(db, PersonFilter(rt="003", desa_code="64.02.06.1001")) == ["Budi Santoso", "Siti Aminah"]


def test_sorts(db, people):
    assert names(db, sort="birth_date") == ["Nenek Ijah", "Budi Santoso", "Siti Aminah", "Pak Udin"]
    assert names(db, sort="birth_date", desc=True) == ["Siti Aminah", "Budi Santoso", "Nenek Ijah", "Pak Udin"]
    assert names(db, sort="name", desc=True) == ["Siti Aminah", "Pak Udin", "Nenek Ijah", "Budi Santoso"]
    assert names(db, sort="desa")[:2] == ["Budi Santoso", "Siti Aminah"]  # Jahab before Rapak Lambur
    with pytest.raises(ValueError):
        names(db, sort="name; drop table person")


def test_rows_carry_age_and_categories(db, people):
    with db.read() as s:
        rows = person_rows(s, list(people.values()), today=TODAY)
    assert rows[people["ijah"]].age == 76 and rows[people["ijah"]].ppks == "LUT"
    assert rows[people["siti"]].ppks == "FM" and rows[people["siti"]].no_kk == "6402061203150007"
    assert rows[people["udin"]].nik is None and rows[people["udin"]].age is None


def test_family_list(db, people):
    from desktop.core.services.lists import FamilyFilter, family_ids, family_rows

    with db.read() as s:
        ids = family_ids(s)
        rows = family_rows(s, ids)
        assert [rows[i].head for i in ids] == ["Budi Santoso"]
        row = rows[ids[0]]
        assert (row.no_kk, row.members, row.desil, row.ppks) == ("6402061203150007", 2, 1, "FM")
        assert family_ids(s, FamilyFilter(text="aminah")) == ids
        assert family_ids(s, FamilyFilter(text="6402 0612")) == ids
        assert family_ids(s, FamilyFilter(desa_code="64.02.06.2012")) == []
        assert family_ids(s, FamilyFilter(without_head=True)) == []
        assert family_ids(s, sort="members", descending=True) == ids


def test_first_keystroke_finds_names_starting_with_it(db, people):
    assert names(db, PersonFilter(text="n")) == ["Nenek Ijah"]
    assert names(db, PersonFilter(text="s")) == ["Siti Aminah"]
