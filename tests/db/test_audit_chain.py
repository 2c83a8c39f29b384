"""The audit trail only grows, and each entry is tied to the one before by a keyed hash: an entry
edited or removed behind Simpul's back is named (issue 15, item 5)."""

import pytest
from sqlalchemy import select, text
from sqlalchemy import exc as sa_exc

from desktop.core.db.audit import verify_chain
from desktop.core.db.models import AuditEntry
from desktop.core.domain.enums import Sex
from desktop.core.services.registry import PersonInput, create_person


@pytest.fixture
def trail(db):
    for i in range(4):
        with db.transaction("operator") as s:
            create_person(s, PersonInput(name=f"Warga Uji {i}", sex=Sex.MALE))
    with db.read() as s:
        ids = list(s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))
    return db, ids


def report(db):
    with db.read() as s:
        return verify_chain(s)


def test_a_trail_written_by_simpul_verifies(trail):
    db, ids = trail
    result = report(db)
    assert result.ok and result.checked == len(ids) >= 4


def test_an_edit_or_a_delete_is_refused_by_the_database(trail):
    db, ids = trail
    for statement in ("UPDATE audit_log SET actor = 'orang lain' WHERE id = :i", "DELETE FROM audit_log WHERE id = :i"):
        with pytest.raises(sa_exc.DatabaseError), db.engine.begin() as conn:
            conn.execute(text(statement), {"i": ids[1]})
    assert report(db).ok


def _without_guard(db, statement, **params):
    with db.engine.begin() as conn:
        if db.is_sqlite:
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            conn.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))
        conn.execute(text(statement), params)


def test_an_edited_entry_is_named(trail):
    db, ids = trail
    _without_guard(db, "UPDATE audit_log SET actor = 'orang lain' WHERE id = :i", i=ids[2])
    assert report(db).first_broken == ids[2]


def test_a_removed_entry_breaks_the_next_link(trail):
    db, ids = trail
    _without_guard(db, "DELETE FROM audit_log WHERE id = :i", i=ids[1])
    assert report(db).first_broken == ids[2]


def test_check_names_the_broken_entry_and_exits_1(trail, capsys):
    from desktop.cli import main

    db, ids = trail
    if not db.is_sqlite:
        pytest.skip("the CLI test opens the SQLite file")
    assert main(["--db", str(db.file), "check"]) == 0
    assert "Jejak audit utuh" in capsys.readouterr().out
    _without_guard(db, "UPDATE audit_log SET actor = 'orang lain' WHERE id = :i", i=ids[2])
    assert main(["--db", str(db.file), "check"]) == 1
    assert f"entri nomor {ids[2]}" in capsys.readouterr().out


def test_removing_the_newest_entries_is_caught_by_the_anchor(trail):
    """What is left still links; the newest entry this computer saw written, kept outside the
    file (the key store), tells the trail was longer."""
    from desktop.core.services.check import run_check

    db, ids = trail
    assert run_check(db).ok
    _without_guard(db, "DELETE FROM audit_log WHERE id >= :i", i=ids[-2])
    assert report(db).ok  # the chain alone cannot tell
    found = [f for f in run_check(db).findings if f.code == "check.audit_tail"]
    assert [f.params["id"] for f in found] == [ids[-2]]
    assert f"entri nomor {ids[-2]}" in found[0].message


def test_a_restored_older_backup_is_not_taken_for_tampering(trail, tmp_path):
    from desktop.core.services import backup
    from desktop.core.services.check import run_check

    db, ids = trail
    if not db.is_sqlite:
        pytest.skip("PostgreSQL backups need pg_dump")
    made = backup.make_backup(db)
    with db.transaction("operator") as s:
        create_person(s, PersonInput(name="Warga Sesudah Cadangan", sex=Sex.MALE))
    backup.restore(db, made.path)
    assert run_check(db).ok


def test_check_exits_1_when_the_newest_entries_are_gone(trail, capsys):
    from desktop.cli import main

    db, ids = trail
    if not db.is_sqlite:
        pytest.skip("the CLI test opens the SQLite file")
    _without_guard(db, "DELETE FROM audit_log WHERE id = :i", i=ids[-1])
    assert main(["--db", str(db.file), "check"]) == 1
    out = capsys.readouterr().out
    assert f"entri nomor {ids[-1]}" in out and "lebih pendek" in out
