import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, or_, select

from desktop.core.db import schema
from desktop.core.db.engine import Database, open_database
from desktop.core.db.models import (
    Allocation,
    AuditEntry,
    DistributionEvent,
    Family,
    Person,
    PpksCategory,
    PpksRecord,
    Programme,
    PsksEntry,
    PsksType,
    Recipient,
    Referral,
    Region,
)
from desktop.core.domain.categories import category_warnings
from desktop.core.domain.clock import WITA, local
from desktop.core.domain.enums import AuditAction, Funding
from desktop.core.domain.identity import check_kk, check_nik
from desktop.core.progress import Cancelled
from desktop.core.services import demo
from desktop.core.services.check import run_check
from desktop.core.services.office import init_office
from desktop.core.services.referrals import letter_data, letter_of
from desktop.core.services.welfare import rule_of

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
        audited = s.scalar(select(func.count()).select_from(AuditEntry).where(  # its verivali close edits some
            AuditEntry.table_name == "person", AuditEntry.actor == "demo", AuditEntry.action == AuditAction.INSERT))
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
    from desktop.core.services.distribution import event_rows
    from desktop.core.services.distribution_desk import progress

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


# -- the demo exercises the papers (issue 13 item 14) --------------------------------------------
# One small demo, built once for the checks below that only read it.

@pytest.fixture(scope="module")
def small_demo(tmp_path_factory) -> Iterator[Database]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SIMPUL_HOME", str(tmp_path_factory.mktemp("demo-home")))
        db = open_database(tmp_path_factory.mktemp("demo") / "simpul.db")
        schema.upgrade(db)
        init_office(db, "64.02.06")
        demo.generate(db, 120, seed=2, today=TODAY)
    yield db
    db.dispose()


def test_every_demo_category_fits_its_holder_on_the_day_it_was_assessed(small_demo):
    with small_demo.read() as s:
        rules = {c.no: rule_of(c) for c in s.scalars(select(PpksCategory))}
        rows = s.execute(select(PpksRecord.category_no, PpksRecord.assessed_on, PpksRecord.person_id,
                                PpksRecord.family_id, Person.birth_date, Person.sex)
                         .outerjoin(Person, Person.id == PpksRecord.person_id)).all()
        assert len(rows) > 30
        for no, assessed, person_id, family_id, birth, sex in rows:
            holder = "orang" if person_id else "keluarga" if family_id else "komunitas"
            assert category_warnings(rules[no], holder=holder, birth_date=birth, sex=sex,
                                     assessed_on=assessed) == [], (rules[no].code, birth, assessed)
        # A referral's category fits its person on the letter's day too (LUT at 60 or more).
        for ref in s.scalars(select(Referral).where(Referral.category_no.is_not(None))):
            person = s.get(Person, ref.person_id)
            assert category_warnings(rules[ref.category_no], holder="orang", birth_date=person.birth_date,
                                     sex=person.sex, assessed_on=TODAY) == [], rules[ref.category_no].code
            holds = select(PpksRecord.id).where(PpksRecord.category_no == ref.category_no, or_(
                PpksRecord.person_id == person.id, PpksRecord.family_id == person.family_id))
            assert s.scalar(holds) is not None  # referred for a category the registry holds


def test_dana_desa_goes_only_to_desa_never_to_a_kelurahan(small_demo):
    with small_demo.read() as s:
        kind = dict(s.execute(select(Region.code, Region.kind).where(Region.parent_code == "64.02.06")).all())
        assert {"desa", "kelurahan"} <= set(kind.values())
        programmes = list(s.scalars(select(Programme)))
        dana_desa = [p for p in programmes if p.funding is Funding.DANA_DESA]
        assert dana_desa and len(programmes) > len(dana_desa)
        for programme in programmes:
            homes = set(s.scalars(select(Person.desa_code).join(Recipient, Recipient.person_id == Person.id)
                                  .where(Recipient.programme_id == programme.id)))
            places = {c for e in s.scalars(select(DistributionEvent).where(
                DistributionEvent.programme_id == programme.id)) for c in e.desa_codes}
            assert homes and places
            if programme.funding is Funding.DANA_DESA:
                assert {kind[c] for c in homes | places} == {"desa"}, programme.name
            else:  # the flood relief reaches the kelurahan by the river
                assert "kelurahan" in {kind[c] for c in homes}


def test_a_past_distribution_happened_in_office_hours_of_the_office_zone(small_demo):
    with small_demo.read() as s:
        events = list(s.scalars(select(DistributionEvent)))
        assert {e.time_text for e in events} == {"08.00 WITA"}
        closed = next(e for e in events if e.closed_at)
        assert closed.receiver["name"] and closed.receiver["jabatan"].startswith("Kepala Desa ")
        times = s.scalars(select(Allocation.collected_at).where(Allocation.event_id == closed.id,
                                                                Allocation.collected_at.is_not(None))).all()
        local_hours = {local(t, WITA).hour for t in times}
        assert times and local_hours <= {8, 9, 10, 11}
        assert {local(t, WITA).date() for t in times} == {closed.event_date}


def test_long_names_with_apostrophes_and_accents_reach_the_papers(small_demo):
    with small_demo.read() as s:
        names = set(s.scalars(select(Person.name)))
        assert max(map(len, names)) <= 80
        long = {n for n in names if len(n) >= 70 and "'" in n and any(ord(c) > 127 and c.isalpha() for c in n)}
        assert len(long) >= 2
        # on a letter, on the BLT Dana Desa roster of the closed event and on the flood relief roster
        referred = set(s.scalars(select(Person.name).join(Referral, Referral.person_id == Person.id)))
        assert len(long & referred) == 2
        on_rosters = set(s.scalars(select(Recipient.name).join(Allocation, Allocation.recipient_id == Recipient.id)))
        assert len(long & on_rosters) == 2
        assert any(len(a) > 100 for a in s.scalars(select(Person.address)))


def test_letters_signed_on_behalf_of_the_camat_and_a_sensitive_referral(small_demo):
    with small_demo.read() as s:
        signed = [r for r in s.scalars(select(Referral)) if r.signer]
        assert len(signed) == 5 and all(letter_of(s, r.id) for r in signed)
        behalf = [r for r in signed if r.signer.get("an")]
        assert len(behalf) == 2 and all(r.signer["an"] == "Camat Tenggarong" for r in behalf)
        assert {r.signer["jabatan"] for r in behalf} == {"Sekretaris Camat", "Kepala Seksi Kesejahteraan Sosial"}
        assert all(r.signer["name"] and r.signer["nip"] for r in behalf)
        assert letter_data(s, behalf[0].id).signer["an"] == "Camat Tenggarong"
        sensitive = s.scalars(select(PpksCategory.code).join(Referral, Referral.category_no == PpksCategory.no)
                              .where(PpksCategory.sensitive.is_(True), Referral.signer.is_not(None))).all()
        assert {"NAPZA", "KTK"} <= set(sensitive)


class Recorded:
    """A Progress that remembers what it heard; cancels after `stop_after` reports if given."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.total, self.values, self.labels, self.stop_after = None, [], [], stop_after

    def start(self, total: int, label: str = "") -> None:
        self.total, self.value = total, 0
        self.labels.append(label)

    def advance(self, n: int = 1) -> None:
        self.value += n
        self.values.append(self.value)

    @property
    def cancelled(self) -> bool:
        return self.stop_after is not None and len(self.values) >= self.stop_after


def test_progress_is_reported_through_every_phase_and_cancel_leaves_nothing(db):
    heard = Recorded()
    demo.generate(db, 40, seed=1, today=TODAY, progress=heard)
    assert heard.labels == ["Membuat data contoh"] and heard.values[-1] == heard.total
    assert heard.values == sorted(heard.values) and len(heard.values) >= 12
    steps = [b - a for a, b in zip([0, *heard.values[:-1]], heard.values, strict=True)]
    assert max(steps) <= heard.total / 4  # even in a tiny demo, no phase is one silent jump
    with pytest.raises(Cancelled):
        demo.generate(db, 40, seed=2, today=TODAY, progress=Recorded(stop_after=3))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Family)) == 40  # the cancelled run left nothing


def test_the_same_seed_gives_the_same_demo(tmp_path):
    def build(name: str) -> list:
        db = open_database(tmp_path / name)
        try:
            schema.upgrade(db)
            init_office(db, "64.02.06")
            demo.generate(db, 40, seed=5, today=TODAY)
            with db.read() as s:
                return [s.execute(select(Person.nik, Person.name, Person.birth_date, Person.desa_code)
                                  .order_by(Person.id)).all(),
                        s.execute(select(PpksRecord.category_no, PpksRecord.person_id, PpksRecord.assessed_on)
                                  .order_by(PpksRecord.id)).all(),
                        s.execute(select(Referral.person_id, Referral.category_no).order_by(Referral.id)).all(),
                        s.execute(select(Recipient.person_id).order_by(Recipient.id)).all()]
        finally:
            db.dispose()

    assert build("a.db") == build("b.db")
