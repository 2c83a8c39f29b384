import datetime as dt

import pytest
from sqlalchemy import select

from desktop.core.db.models import AuditEntry
from desktop.core.services.office import update_office
from desktop.core.services.registry import PersonInput, create_person, get_person, person_input, update_person


def entries(db, table=None):
    with db.read() as s:
        stmt = select(AuditEntry).order_by(AuditEntry.id)
        if table:
            stmt = stmt.where(AuditEntry.table_name == table)
        return s.scalars(stmt).all()


def test_insert_update_delete_are_recorded_with_who_and_values(db):
    with db.transaction(actor="tksk.siti") as s:
        pid = create_person(s, PersonInput(name="Budi", sex="L", nik="6402061505850003",
                                           birth_date=dt.date(1985, 5, 15), desa_code="64.02.06.1001")).id
    (ins,) = entries(db, "person")
    assert (ins.actor, ins.action, ins.record_id) == ("tksk.siti", "insert", str(pid))
    assert ins.changes["nik"] == [None, "6402********0003"]  # identifiers stay masked in the trail
    assert ins.changes["birth_date"] == [None, "1985-05-15"]
    assert "name_key" not in ins.changes and "created_at" not in ins.changes

    with db.transaction(actor="kasi.kesos") as s:
        data = person_input(get_person(s, pid))
        data.name, data.phone = "Budi Santoso", "0812"
        update_person(s, pid, data)
    upd = entries(db, "person")[-1]
    assert (upd.actor, upd.action) == ("kasi.kesos", "update")
    assert upd.changes == {"name": ["Budi", "Budi Santoso"], "phone": [None, "0812"]}
    assert upd.at >= ins.at

    with db.transaction(actor="kasi.kesos") as s:
        s.delete(get_person(s, pid))
    dele = entries(db, "person")[-1]
    assert dele.action == "delete" and dele.changes["name"] == ["Budi Santoso", None]


def test_saving_unchanged_values_writes_no_entry(db):
    with db.transaction() as s:
        pid = create_person(s, PersonInput(name="Budi", sex="L")).id
    before = len(entries(db))
    with db.transaction() as s:
        update_person(s, pid, person_input(get_person(s, pid)))
    assert len(entries(db)) == before


def test_rolled_back_change_leaves_no_audit_entry(db):
    before = len(entries(db))
    with pytest.raises(RuntimeError), db.transaction() as s:
        create_person(s, PersonInput(name="Budi", sex="L"))
        raise RuntimeError("listrik padam")
    assert len(entries(db)) == before


def test_office_changes_are_audited(db):
    update_office(db, {"camat_name": "Drs. Ahmad", "phone": "(0541) 661234"}, actor="admin")
    last = entries(db, "office_profile")[-1]
    assert last.actor == "admin"
    assert last.changes == {"camat_name": [None, "Drs. Ahmad"], "phone": [None, "(0541) 661234"]}


def test_default_actor_is_the_login(db, monkeypatch):
    monkeypatch.setenv("SIMPUL_USER", "operator.jahab")
    with db.transaction() as s:
        create_person(s, PersonInput(name="Budi", sex="L"))
    assert entries(db, "person")[-1].actor == "operator.jahab"
