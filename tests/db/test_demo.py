import datetime as dt

from sqlalchemy import func, select

from desktop.core.db.models import AuditEntry, Family, Person, PpksRecord, PsksEntry, PsksType, Region
from desktop.core.domain.identity import check_kk, check_nik
from desktop.core.services import demo
from desktop.core.services.check import run_check

TODAY = dt.date(2026, 11, 22)


def test_demo_data_is_valid_and_consistent(db):
    result = demo.generate(db, 300, seed=7, today=TODAY)
    assert result.families == 300 and result.persons > 600
    with db.read() as s:
        persons = s.execute(select(Person.nik, Person.birth_date, Person.sex, Person.nik_mismatch)).all()
        with_nik = [p for p in persons if p.nik]
        assert len(with_nik) < len(persons)  # some people without a NIK, flagged
        for nik, birth, sex, mismatch in with_nik:
            c = check_nik(nik, today=TODAY)
            assert c.valid, nik
            assert ((c.date, c.sex) != (birth, sex)) == mismatch
        assert 0 < sum(p.nik_mismatch for p in persons) < len(persons) * 0.05
        for (kk,) in s.execute(select(Family.no_kk)):
            assert check_kk(kk, today=TODAY).valid
        desa_used = set(s.scalars(select(Family.desa_code).distinct()))
        desa_all = set(s.scalars(select(Region.code).where(Region.parent_code == "64.02.06")))
        assert desa_used == desa_all
        assert s.scalar(select(func.count()).select_from(PpksRecord)) > 50
        psks_types = set(s.scalars(select(PsksType.code).join(PsksEntry, PsksEntry.type_no == PsksType.no)))
        assert {"TKSK", "PSM", "KT", "LKS", "KP"} <= psks_types
        # Every demo row is in the audit trail as the work of "demo".
        audited = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.table_name == "person", AuditEntry.actor == "demo"))
        assert audited == len(persons)
    report = run_check(db)
    assert report.ok


def test_demo_twice_adds_more_without_collisions(db):
    demo.generate(db, 40, seed=1, today=TODAY)
    demo.generate(db, 40, seed=1, today=TODAY)  # same seed: same NIKs wanted, new serials given
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Family)) == 80


def test_demo_aid_events_before_during_and_after_the_day(db):
    from desktop.core.services.aid import programme_rows
    from desktop.core.services.distribution import event_rows, progress

    demo.generate(db, 300, seed=3, today=TODAY)
    with db.read() as s:
        programmes = programme_rows(s)
        events = event_rows(s)
        assert {p.list_status for p in programmes} == {"final"} and all(p.open_checks == 0 for p in programmes)
        assert {e.state for e in events} == {"direncanakan", "berlangsung", "selesai"}
        relief = max(events, key=lambda e: e.due)
        assert relief.due > 250 and relief.programme.startswith("Bantuan Logistik")  # the big one
        done = next(e for e in events if e.state == "selesai")
        p = progress(s, done.id)
        assert p.collected + p.absent == p.due and p.collected > 0
        planned = next(e for e in events if e.state == "direncanakan")
        assert planned.event_date > TODAY and planned.collected == 0 and planned.due > 0
    assert run_check(db).ok
