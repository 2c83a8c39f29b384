import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.core.db.models import AuditEntry, DesilHistory, Family, Person, PpksRecord
from desktop.core.errors import NotFoundError, ValidationError
from desktop.core.services.registry import (
    FamilyInput,
    PersonInput,
    create_family,
    create_person,
    delete_family,
    delete_person,
    find_person_by_nik,
    get_person,
    move_member,
    person_input,
    set_desil,
    update_family,
    update_person,
)
from desktop.core.services.welfare import PpksInput, PsksInput, add_ppks, add_psks, create_community

TODAY = dt.date(2026, 11, 22)
JAHAB, RAPAK = "64.02.06.1001", "64.02.06.2012"


def siti(**kw) -> PersonInput:
    base = dict(name="Siti Aminah", sex="P", nik="6402065505850001", birth_date=dt.date(1985, 5, 15),
                desa_code=JAHAB, rt="3", rw="01")
    return PersonInput(**(base | kw))


def codes(exc_info):
    return [f.code for f in exc_info.value.findings]


def test_create_person_normalises_and_flags_nothing_when_consistent(db):
    with db.transaction() as s:
        out = create_person(s, siti(name="  siti   aminah "), today=TODAY)
    assert out.warnings == []
    with db.read() as s:
        p = s.get(Person, out.id)
        assert (p.name, p.name_key, p.rt, p.rw, p.nik_mismatch) == ("siti aminah", "SITI AMINAH", "003", "001", False)


def test_nik_is_text_and_keeps_every_digit(db):
    with db.transaction() as s:
        out = create_person(s, siti(nik="'6402065505850001"), today=TODAY)
    with db.read() as s:
        assert s.get(Person, out.id).nik == "6402065505850001"


def test_one_nik_one_person(db):
    with db.transaction() as s:
        create_person(s, siti(), today=TODAY)
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        create_person(s, siti(name="Siti A."), today=TODAY)
    assert codes(info) == ["nik.duplicate"]
    assert "Siti Aminah" in info.value.message
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1


def test_all_errors_are_reported_at_once_and_nothing_is_saved(db):
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        create_person(s, siti(name=" ", sex="X", nik="6402063205850001", rt="RT3",
                              desa_code="64.02.01.2001"), today=TODAY)
    assert set(codes(info)) == {"person.name_required", "person.sex_invalid", "nik.birth_date",
                                "rt_rw.format", "region.not_in_kecamatan"}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.table_name == "person")) == 0


def test_mismatch_warns_and_is_flagged_not_blocked(db):
    with db.transaction() as s:
        out = create_person(s, siti(birth_date=dt.date(1985, 5, 16), sex="L"), today=TODAY)
    assert [w.code for w in out.warnings] == ["nik.mismatch_birth_date", "nik.mismatch_sex"]
    with db.read() as s:
        assert s.get(Person, out.id).nik_mismatch is True


def test_person_without_nik_is_allowed(db):
    with db.transaction() as s:
        out = create_person(s, PersonInput(name="Pak Udin", sex="L", desa_code=RAPAK,
                                           notes="Gelandangan, belum punya KTP"))
    with db.read() as s:
        assert s.get(Person, out.id).nik is None


def test_update_person_and_find_by_nik(db):
    with db.transaction() as s:
        pid = create_person(s, siti(), today=TODAY).id
    with db.transaction() as s:
        data = person_input(get_person(s, pid))
        data.phone = "081234567890"
        data.life_status = "pindah"
        update_person(s, pid, data, today=TODAY)
    with db.read() as s:
        p = find_person_by_nik(s, "6402 0655 0585 0001")
        assert p.id == pid and p.phone == "081234567890" and p.life_status == "pindah"


def test_family_members_follow_the_family_address(db):
    with db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code=JAHAB, rt="2", rw="1",
                                           address="Jl. Pesut No. 4"), today=TODAY).id
        pid = create_person(s, siti(family_id=fid, relationship_code=1, desa_code=None, rt=None, rw=None),
                            today=TODAY).id
        assert get_person(s, pid).desa_code == JAHAB
    with db.transaction() as s:
        update_family(s, fid, FamilyInput(no_kk="6402061203150007", desa_code=RAPAK, rt="5", rw="2",
                                          address="Jl. Baru"), today=TODAY)
    with db.read() as s:
        p = s.get(Person, pid)
        assert (p.desa_code, p.rt, p.rw, p.address) == (RAPAK, "005", "002", "Jl. Baru")


def test_kk_rules(db):
    with db.transaction() as s:
        create_family(s, FamilyInput(no_kk="6402061203150007", desa_code=JAHAB), today=TODAY)
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        create_family(s, FamilyInput(no_kk="6402061203150007"), today=TODAY)
    assert codes(info) == ["kk.duplicate"]
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        create_family(s, FamilyInput(no_kk="6402060112260007"), today=TODAY)
    assert codes(info) == ["kk.future"]


def test_desil_keeps_history_and_newest_wins(db):
    with db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code=JAHAB), today=TODAY).id
        set_desil(s, fid, 3, dt.date(2026, 7, 1), "DTSEN 07/2026")
        set_desil(s, fid, 2, dt.date(2026, 4, 1), "DTSEN 04/2026")  # an older extract arrives late
    with db.read() as s:
        fam = s.get(Family, fid)
        assert (fam.desil, fam.desil_as_of) == (3, dt.date(2026, 7, 1))
        assert s.scalar(select(func.count()).select_from(DesilHistory)) == 2
    with pytest.raises(ValidationError), db.transaction() as s:
        set_desil(s, fid, 11, dt.date(2026, 10, 1), None)


def test_move_member_between_families(db):
    with db.transaction() as s:
        a = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code=JAHAB), today=TODAY).id
        b = create_family(s, FamilyInput(no_kk="6402061203150008", desa_code=RAPAK, rt="9"), today=TODAY).id
        pid = create_person(s, siti(family_id=a, relationship_code=4), today=TODAY).id
        move_member(s, pid, b, 1)
    with db.read() as s:
        p = s.get(Person, pid)
        assert (p.family_id, p.relationship_code, p.desa_code, p.rt) == (b, 1, RAPAK, "009")


def test_ppks_rules_warn_and_duplicates_block(db):
    with db.transaction() as s:
        pid = create_person(s, siti(), today=TODAY).id
        out = add_ppks(s, PpksInput("LUT", TODAY, person_id=pid))
        assert [w.code for w in out.warnings] == ["ppks.age_below"]
        assert add_ppks(s, PpksInput("WRSE", TODAY, person_id=pid, source="psm")).warnings == []
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        add_ppks(s, PpksInput("lut", TODAY, person_id=pid))
    assert codes(info) == ["ppks.duplicate"]
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        add_ppks(s, PpksInput("RTLH", TODAY, person_id=pid))
    assert codes(info) == ["ppks.unknown"]


def test_family_and_community_hold_ppks(db):
    with db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code=JAHAB), today=TODAY).id
        assert add_ppks(s, PpksInput("KFM", TODAY, family_id=fid)).warnings == []
        cid = create_community(s, "Komunitas Adat Hulu", RAPAK, family_count=30).id
        assert add_ppks(s, PpksInput(26, TODAY, community_id=cid)).warnings == []
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(PpksRecord)) == 2


def test_psks_holder_must_fit_the_type(db):
    with db.transaction() as s:
        pid = create_person(s, siti(), today=TODAY).id
        assert add_psks(s, PsksInput("TKSK", person_id=pid, sk_number="400.9/12/Kesos/2025",
                                     coverage=[JAHAB, RAPAK])).id
        kt = add_psks(s, PsksInput("KT", org_name="Karang Taruna Jahab", desa_code=JAHAB,
                                   members=[("Siti Aminah", "Ketua", pid), ("Budi", "Anggota", None)]))
        assert kt.id
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        add_psks(s, PsksInput("KT", person_id=pid))
    assert codes(info) == ["psks.holder"]


def test_delete_person_takes_their_ppks_along_audited(db):
    with db.transaction() as s:
        pid = create_person(s, siti(), today=TODAY).id
        add_ppks(s, PpksInput("PRSE", TODAY, person_id=pid))
    with db.transaction(actor="kasi") as s:
        delete_person(s, pid)
    with db.read() as s:
        assert s.get(Person, pid) is None
        deleted = s.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).all()
        assert {(e.table_name, e.actor) for e in deleted} == {("person", "kasi"), ("ppks_record", "kasi")}
    with pytest.raises(NotFoundError), db.transaction() as s:
        delete_person(s, pid)


def test_psks_holder_cannot_be_deleted(db):
    with db.transaction() as s:
        pid = create_person(s, siti(), today=TODAY).id
        add_psks(s, PsksInput("PSM", person_id=pid))
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        delete_person(s, pid)
    assert codes(info) == ["person.is_psks_holder"]


def test_delete_family_keeps_members(db):
    with db.transaction() as s:
        fid = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code=JAHAB), today=TODAY).id
        pid = create_person(s, siti(family_id=fid, relationship_code=1), today=TODAY).id
        add_ppks(s, PpksInput("FM", TODAY, family_id=fid))
        delete_family(s, fid)
    with db.read() as s:
        assert s.get(Person, pid).family_id is None
        assert s.scalar(select(func.count()).select_from(PpksRecord)) == 0


def test_psks_update_replaces_coverage_and_roster(db):
    from desktop.core.services.lists import PsksFilter, psks_ids, psks_rows
    from desktop.core.services.welfare import delete_psks, psks_input, update_psks

    with db.transaction() as s:
        pid = create_person(s, siti(), today=TODAY).id
        kt = add_psks(s, PsksInput("KT", org_name="Karang Taruna Jahab", desa_code=JAHAB, coverage=[JAHAB],
                                   members=[("Siti Aminah", "Ketua", pid)])).id
    with db.transaction() as s:
        data = psks_input(s, kt)
        data.coverage = [JAHAB, RAPAK]
        data.members = [("Siti Aminah", "Ketua", pid), ("Budi", "Sekretaris", None)]
        data.sk_number = "400.9/12/Kesos/2026"
        update_psks(s, kt, data)
    with db.read() as s:
        again = psks_input(s, kt)
        assert sorted(again.coverage) == [JAHAB, RAPAK] and len(again.members) == 2
        assert psks_ids(s, PsksFilter(desa_code=RAPAK)) == [kt]
        assert psks_ids(s, PsksFilter(text="taruna jahab")) == [kt]
        row = psks_rows(s, [kt])[kt]
        assert (row.type_code, row.name, row.members, row.active) == ("KT", "Karang Taruna Jahab", 2, True)
    with db.transaction() as s:
        delete_psks(s, kt)
    with db.read() as s:
        assert psks_ids(s) == []


def test_writes_say_which_rows_they_changed(db):
    """Each write names the rows it touched, so a list re-reads just those (see desktop.core.changes)."""
    from desktop.core.changes import Kind
    from desktop.core.services.welfare import add_ppks_to_persons, delete_ppks, set_ppks_status

    with db.transaction() as s:
        a = create_family(s, FamilyInput(no_kk="6402061203150007", desa_code=JAHAB), today=TODAY).id
        b = create_family(s, FamilyInput(no_kk="6402061203150008", desa_code=RAPAK), today=TODAY)
        assert b.changes.ids(Kind.FAMILY) is None and b.changes.touches(Kind.FAMILY)  # a row added
        created = create_person(s, siti(family_id=a, relationship_code=1), today=TODAY)
        pid = created.id
        assert created.changes.ids(Kind.PERSON) is None and created.changes.ids(Kind.FAMILY) == {a}
        tono = create_person(s, PersonInput(name="Tono", sex="L"), today=TODAY).id

        data = person_input(get_person(s, pid))
        data.phone = "0812"
        edited = update_person(s, pid, data, today=TODAY).changes
        assert edited.ids(Kind.PERSON) == {pid} and edited.ids(Kind.FAMILY) == {a}  # the head's name shows there
        moved = move_member(s, pid, b.id, 1)
        assert moved.ids(Kind.PERSON) == {pid} and moved.ids(Kind.FAMILY) == {a, b.id}

        family_ppks = add_ppks(s, PpksInput("FM", TODAY, family_id=b.id)).changes
        assert family_ppks.ids(Kind.PPKS) is None  # a record added
        assert family_ppks.ids(Kind.FAMILY) == {b.id} and family_ppks.ids(Kind.PERSON) == {pid}  # the members
        record = add_ppks(s, PpksInput("PRSE", TODAY, person_id=pid)).id
        assert set_ppks_status(s, record, "tertangani").ids(Kind.PERSON) == {pid}
        assert delete_ppks(s, record).ids(Kind.PERSON) == {pid}

        bulk = add_ppks_to_persons(s, PpksInput("LUT", TODAY), [pid, tono])
        again = add_ppks_to_persons(s, PpksInput("LUT", TODAY), [pid, tono])
        assert (bulk.done, bulk.skipped, again.done, again.skipped) == (2, 0, 0, 2)
        assert bulk.changes.ids(Kind.PERSON) == {pid, tono} and not again.changes

        held = add_psks(s, PsksInput("PSM", person_id=tono)).changes
        assert held.ids(Kind.PERSON) == {tono}  # the role shows in the person's detail
        removed = delete_person(s, pid)
        assert removed.ids(Kind.PERSON) is None and removed.ids(Kind.FAMILY) == {b.id}


def test_categories_by_the_names_people_write_and_the_code_list_matches_the_reference_data(db):
    from desktop.core.db.models import PpksCategory
    from desktop.core.domain.categories import PPKS_NAMES
    from desktop.core.services.welfare import find_category

    with db.read() as s:
        reference = {(c.no, c.code, c.name) for c in s.query(PpksCategory)}
        assert reference == set(PPKS_NAMES)  # the lookup's copy is the registry's own list
        assert find_category(s, "Lanjut Usia Terlantar").code == "LUT"
        assert find_category(s, "lansia").code == "LUT"
        assert find_category(s, "Anak Telantar").code == "AT"
        assert find_category(s, "KFM").code == "FM"
        assert find_category(s, "rumah reyot") is None
