"""Who sees what of a person (issue 15, items 2 and 3): each role walks the registry's screens and
outputs through the core, the way the window and the command line reach it. A Tamu never meets an
ODHA person; a role without "data sensitif" never meets the category; NIKs show masked unless the
role may and the user said why."""

import dataclasses
import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from desktop.core import access
from desktop.core.access import AccessDenied, Right
from desktop.core.db.models import AuditEntry, Institution, Person, PpksCategory, PpksRecord
from desktop.core.domain.enums import Role
from desktop.core.errors import SimpulError
from desktop.core.services import dashboard, detail, exports, lists, privacy, queries, referrals
from desktop.core.services.first_screen import first_person_ids
from desktop.core.services.welfare import PpksInput, add_ppks
from tests.conftest import filled_db

TODAY = dt.date(2026, 11, 22)
ROLES = {role: access.actor_for(f"uji-{role.value}", role) for role in Role}


@pytest.fixture
def office(request, db_url):
    """The demo registry plus one person made ODHA, referred to a hospital for that."""
    db = filled_db(request, db_url, 120, seed=11, today=TODAY)
    with db.transaction() as s:
        odha = s.scalar(select(PpksCategory.no).where(PpksCategory.code == "ODHA"))
        has = select(PpksRecord.person_id).where(PpksRecord.person_id.is_not(None))
        person = s.scalars(select(Person).where(Person.nik.is_not(None), Person.id.not_in(has))
                           .order_by(Person.id)).first()
        add_ppks(s, PpksInput(odha, TODAY, person_id=person.id))
        hospital = s.scalars(select(Institution).order_by(Institution.id)).first()
        referral = referrals.create_referral(s, referrals.ReferralInput(
            hospital.id, "Pemeriksaan dan obat ARV", person_id=person.id, category_no=odha))
        db.odha = (person.id, person.nik, person.name, odha, referral.id)
    return db


def as_(db, role: Role, **changes):
    db.principal = dataclasses.replace(ROLES[role], **changes)
    return db


def sensitive_codes(db) -> set[str]:
    with db.read() as s:
        return set(s.scalars(select(PpksCategory.code).where(PpksCategory.sensitive.is_(True))))


@pytest.mark.parametrize("role", [Role.ADMIN, Role.OPERATOR])
def test_a_role_without_the_right_never_meets_a_sensitive_category(office, role, tmp_path):
    pid, nik, name, odha, referral_id = office.odha
    hidden = sensitive_codes(office)
    db = as_(office, role)
    with db.read() as s:
        # the filter offers no such category, and asking for it anyway finds nobody
        assert not {code for _, code, _ in queries.ppks_choices(s)} & hidden
        assert lists.person_ids(s, lists.PersonFilter(ppks_category=odha)) == []
        assert first_person_ids(s, lists.PersonFilter(ppks_category=odha)).ids == []
        # the person is a resident like any other: found by name, no category on the row or detail
        found = lists.person_ids(s, lists.PersonFilter(text=name))
        assert pid in found
        row = lists.person_rows(s, [pid])[pid]
        assert not set(row.ppks.replace(" ", "").split(",")) & hidden
        shown = detail.person_detail(s, pid)
        assert not {line.code for line in shown.ppks} & hidden
        assert not any("ODHA" in item.text or str(odha) in item.text for item in shown.history
                       if item.table == "ppks_record")
        # the Beranda: no ODHA column, the sensitive categories counted together for the kecamatan
        board = dashboard.dashboard(s)
        assert odha not in {no for no, _, _ in board.categories}
        assert board.sensitive_total is not None
        assert all(no not in {n for _, n in board.ppks} for no in privacy.sensitive_nos(s))
        # the referral and its letter
        assert referral_id not in referrals.referral_ids(s)
        with pytest.raises(AccessDenied):
            referrals.letter_pdf(s, referral_id)
    if role is Role.OPERATOR:  # the Admin may not export at all
        out = tmp_path / "penduduk.xlsx"
        exports.export(db, "persons", out, purpose="pemadanan DTSEN")
        cells = {str(c) for row in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)
                 for c in row if c}
        assert not any(code in hidden for cell in cells for code in cell.split("; "))
        assert nik not in cells


def test_the_camat_sees_the_category_and_the_letter(office):
    pid, _nik, _name, odha, referral_id = office.odha
    db = as_(office, Role.CAMAT)
    with db.read() as s:
        assert pid in lists.person_ids(s, lists.PersonFilter(ppks_category=odha))
        assert "ODHA" in lists.person_rows(s, [pid])[pid].ppks
        assert "ODHA" in {line.code for line in detail.person_detail(s, pid).ppks}
        assert referral_id in referrals.referral_ids(s)
        assert dashboard.dashboard(s).sensitive_total is None


@pytest.mark.parametrize("role", [Role.GUEST, Role.DESK])
def test_a_guest_and_the_desk_see_no_person_at_all(office, role, tmp_path):
    pid, *_ = office.odha
    db = as_(office, role)
    with db.read() as s:
        for look in (lambda: lists.person_ids(s), lambda: lists.person_rows(s, [pid]),
                     lambda: first_person_ids(s), lambda: detail.person_detail(s, pid),
                     lambda: lists.family_ids(s), lambda: referrals.letter_pdf(s, office.odha[4])):
            with pytest.raises(AccessDenied):
                look()
    with pytest.raises(AccessDenied):
        exports.export(db, "persons", tmp_path / "p.xlsx", purpose="ingin tahu")
    assert not (tmp_path / "p.xlsx").exists()
    if role is Role.GUEST:  # counts only, the sensitive ones folded and small ones hidden
        with db.read() as s:
            board = dashboard.dashboard(s)
        assert board.sensitive_total == "<5" or board.sensitive_total >= privacy.SMALL
        assert "ODHA" not in {code for _, code, _ in board.categories}


def test_niks_are_masked_until_a_user_with_the_right_says_why(office):
    pid, nik, *_ = office.odha
    db = as_(office, Role.OPERATOR)  # the right, not yet used
    with db.read() as s:
        row = lists.person_rows(s, [pid])[pid]
        assert row.nik == nik[:4] + "*" * 8 + nik[-4:]
        assert row.no_kk is None or "*" in row.no_kk
        assert detail.person_detail(s, pid).nik == row.nik
        # a masked search needs the whole NIK: no reading it out one digit at a time
        assert lists.person_ids(s, lists.PersonFilter(text=nik[:10])) == []
        assert lists.person_ids(s, lists.PersonFilter(text=nik)) == [pid]
    with db.transaction() as s:
        with pytest.raises(SimpulError):
            privacy.record_reveal(s, " ")
        privacy.record_reveal(s, "pencocokan KTP di loket")
    db = as_(office, Role.OPERATOR, nik_shown=True)
    with db.read() as s:
        assert lists.person_rows(s, [pid])[pid].nik == nik
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry.changes["tujuan"] == "pencocokan KTP di loket"
    admin = as_(office, Role.ADMIN)  # no right: asking is refused, and the screen stays masked
    with admin.transaction() as s, pytest.raises(AccessDenied):
        privacy.record_reveal(s, "penasaran")


def test_an_export_asks_why_and_masks_unless_the_role_may(office, tmp_path):
    _pid, nik, *_ = office.odha
    db = as_(office, Role.OPERATOR)
    with pytest.raises(SimpulError, match="tujuan"):
        exports.export(db, "persons", tmp_path / "a.xlsx")
    assert not (tmp_path / "a.xlsx").exists()
    exports.export(db, "persons", tmp_path / "b.xlsx", purpose="usulan PKH")
    exports.export(db, "persons", tmp_path / "c.xlsx", purpose="pemadanan DTSEN", full_nik=True)
    with db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "export").order_by(AuditEntry.id)).all()
    assert [(e.changes["tujuan"], e.changes["nik"]) for e in entries[-2:]] == [
        ("usulan PKH", "disamarkan"), ("pemadanan DTSEN", "lengkap")]

    def niks(path):
        return {str(c) for row in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True)
                for c in row[1:2] if c}
    assert nik not in niks(tmp_path / "b.xlsx") and nik[:4] + "*" * 8 + nik[-4:] in niks(tmp_path / "b.xlsx")
    assert nik in niks(tmp_path / "c.xlsx")
    camat_without = as_(office, Role.CAMAT)
    camat_without.principal = dataclasses.replace(
        camat_without.principal, rights=camat_without.principal.rights - {Right.FULL_NIK})
    with pytest.raises(AccessDenied):
        exports.export(camat_without, "persons", tmp_path / "d.xlsx", purpose="x y z", full_nik=True)


def test_a_masked_edit_form_keeps_the_stored_nik(office):
    from desktop.core.services.registry import person_form, update_person

    pid, nik, *_ = office.odha
    db = as_(office, Role.OPERATOR)
    db.principal = dataclasses.replace(db.principal, rights=db.principal.rights - {Right.FULL_NIK})
    with db.transaction() as s:
        form = person_form(s, pid)
        assert "*" in form.nik
        update_person(s, pid, dataclasses.replace(form, occupation="Petani"), today=TODAY)
    with db.read() as s:
        assert s.get(Person, pid).nik == nik and s.get(Person, pid).occupation == "Petani"


def test_a_small_count_of_the_sensitive_categories_shows_as_under_five(sqlite_db):
    from desktop.core.services.registry import PersonInput, create_person

    with sqlite_db.transaction() as s:
        odha = s.scalar(select(PpksCategory.no).where(PpksCategory.code == "ODHA"))
        for i in range(3):
            person = create_person(s, PersonInput(name=f"Warga Uji {i}", sex="L"), today=TODAY)
            add_ppks(s, PpksInput(odha, TODAY, person_id=person.id))
    with as_(sqlite_db, Role.GUEST).read() as s:
        assert dashboard.dashboard(s).sensitive_total == "<5"
    with as_(sqlite_db, Role.CAMAT).read() as s:
        board = dashboard.dashboard(s)
        assert board.sensitive_total is None and board.category_total(odha) == 3


def test_the_desk_sees_masked_niks_and_finds_by_the_whole_one(office):
    from desktop.core.db.models import DistributionEvent
    from desktop.core.services import distribution_desk

    with office.read() as s:
        event_id = s.scalar(select(DistributionEvent.id).order_by(DistributionEvent.id))
        whole = next(r.nik for r in distribution_desk.desk_rows(s, event_id) if r.nik)
    assert "*" not in whole  # the unmanaged registry (no users) shows them whole, as before
    db = as_(office, Role.DESK)
    with db.read() as s:
        rows = distribution_desk.desk_rows(s, event_id)
        assert rows and all(r.nik is None or "********" in r.nik for r in rows)
        found = distribution_desk.lookup(s, event_id, whole)
        assert [r.nik for r in found] == [whole[:4] + "*" * 8 + whole[-4:]]


@pytest.mark.parametrize("role", [Role.ADMIN, Role.GUEST, Role.DESK])
def test_a_role_that_does_not_edit_cannot_change_a_person_by_any_path(office, role):
    """The core's last check (desktop.core.db.write_guard), under any screen that forgot a button."""
    from desktop.core.services.welfare import set_ppks_status

    pid, *_ = office.odha
    db = as_(office, role)
    with pytest.raises(AccessDenied), db.transaction() as s:
        s.get(Person, pid).occupation = "Diubah diam-diam"
    with pytest.raises(AccessDenied), db.transaction() as s:
        record = s.scalar(select(PpksRecord.id).where(PpksRecord.person_id.is_not(None),
                                                       PpksRecord.category_no.not_in(privacy.sensitive_nos(s))))
        set_ppks_status(s, record, "tertangani")
    with office.read() as s:
        assert s.get(Person, pid).occupation != "Diubah diam-diam"


def test_the_recap_of_a_role_without_the_right_leaves_the_sensitive_columns_out(office, tmp_path):
    """The desa x 26 recap is an export too: per-desa counts of ODHA would point at people."""
    db = as_(office, Role.OPERATOR)
    out = tmp_path / "rekap.xlsx"
    exports.export(db, "recap", out)
    cells = [str(c) for row in openpyxl.load_workbook(out)["Rekap PPKS"].iter_rows(values_only=True)
             for c in row if c is not None]
    assert not any(c.endswith(". ODHA") or c.endswith(". NAPZA") for c in cells)
    assert any("Tanpa 10 kategori sensitif" in c for c in cells)
    full = tmp_path / "lengkap.xlsx"
    exports.export(as_(office, Role.CAMAT), "recap", full)
    cells = [str(c) for row in openpyxl.load_workbook(full)["Rekap PPKS"].iter_rows(values_only=True)
             for c in row if c is not None]
    assert any(c.endswith(". ODHA") for c in cells) and not any("Tanpa 10 kategori" in c for c in cells)


def test_the_monthly_report_of_a_role_without_the_right_leaves_the_sensitive_categories_out(office):
    import io

    import pypdf

    from desktop.core.services import report_papers

    def text(role):
        with as_(office, role).read() as s:
            pdf = report_papers.month_pdf(s, 2026, 11)
        return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)

    cut, whole = text(Role.OPERATOR), text(Role.CAMAT)
    assert "ODHA" not in cut and "Tanpa 10 kategori sensitif" in cut
    assert "ODHA" in whole and "Tanpa 10 kategori" not in whole
