import datetime as dt
import subprocess
import sys
import threading

import pytest
from sqlalchemy import func, select

from desktop.core.db.engine import open_database
from desktop.core.db.models import AuditEntry, Institution, LetterNumber, ReferralEvent
from desktop.core.domain.enums import AuditAction, LetterStatus, ReferralStatus
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.services.letter_numbers import format_number
from desktop.core.services.office import update_office
from desktop.core.services.referrals import (
    ReferralInput,
    cancel_number,
    create_referral,
    issue_number,
    letter_of,
    letter_pdf,
    move,
    overdue,
    referral_counts,
    referral_rows,
    referrals_by_id,
)
from desktop.core.services.registry import PersonInput, create_person

D = dt.date(2026, 11, 22)


def test_number_patterns():
    assert format_number("{klasifikasi}/{nomor}/{unit}/{bulan_romawi}/{tahun}", 12, D, "400.9", "Kesos") == \
        "400.9/012/Kesos/XI/2026"
    assert format_number("{kode}/{urut}/{unit}", 7, D, "460", "Kec.Tgr") == "460/007/Kec.Tgr"
    assert format_number("{nomor}/{bulan}.{tahun}", 1, dt.date(2027, 1, 3), "x", "y") == "001/01.2027"
    with pytest.raises(SimpulError) as info:
        format_number("{nomer}/{tahun}", 1, D, "x", "y")
    assert "{nomor}" in info.value.message


def test_register_numbers_in_order_resets_yearly_and_keeps_cancelled(db):
    with db.transaction() as s:
        a = issue_number(s, D).number
        b = issue_number(s, D)
        cancel_number(s, b.id, "salah alamat")
        c = issue_number(s, D).number
        d = issue_number(s, dt.date(2027, 1, 2)).number
    assert (a, c, d) == ("400.9/001/Kesos/XI/2026", "400.9/003/Kesos/XI/2026", "400.9/001/Kesos/I/2027")
    with db.read() as s:
        cancelled = s.scalars(select(LetterNumber).where(LetterNumber.seq == 2, LetterNumber.year == 2026)).one()
        assert cancelled.status is LetterStatus.CANCELLED and cancelled.cancel_reason == "salah alamat"
    with pytest.raises(ValidationError), db.transaction() as s:
        cancel_number(s, cancelled.id, " ")


def test_office_pattern_is_used(db):
    with db.transaction() as s:
        from desktop.core.services.office import get_office

        office = get_office(s)
        office.letter_pattern, office.letter_unit = "{nomor}/{klasifikasi}/{unit}/{tahun}", "Kec.Tgr"
    with db.transaction() as s:
        assert issue_number(s, D).number == "001/400.9/Kec.Tgr/2026"


def test_no_number_twice_with_concurrent_operators(db_url, db):
    """Several operators (threads, each with its own connection) take numbers at once."""
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def operator() -> None:
        own = open_database(db_url, busy_timeout_ms=30000)
        try:
            for _ in range(10):
                with own.transaction() as s:
                    n = issue_number(s, D).number
                with lock:
                    numbers.append(n)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=operator) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(numbers) == 40 and len(set(numbers)) == 40
    seqs = sorted(int(n.split("/")[1]) for n in numbers)
    assert seqs == list(range(1, 41))


def test_referral_workflow_with_frozen_signer(db):
    with db.transaction() as s:
        pid = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001")).id
        dinsos = s.scalars(select(Institution).where(Institution.name.like("Dinas Sosial%"))).one()
        assert dinsos.addressee == "Kepala Dinas Sosial Kabupaten Kutai Kartanegara"
        ref = create_referral(s, ReferralInput(dinsos.id, "Pemeriksaan dan bantuan alat bantu jalan", person_id=pid,
                                               category_no=8, documents=["KTP", "KK"],
                                               follow_up_due=dt.date(2026, 11, 30))).id
    update_office(db, {"camat_name": "Drs. Ahmad", "camat_nip": "197505102001121016"})
    with db.transaction() as s:
        move(s, ref, "ditandatangani", letter_date=D)
        assert letter_of(s, ref).number == "400.9/001/Kesos/XI/2026"
    update_office(db, {"camat_name": "Camat Baru"})  # a later change does not rewrite the signed letter
    with db.transaction() as s:
        referral = move(s, ref, "dikirim", note="Dikirim lewat kurir")
        assert referral.signer["name"] == "Drs. Ahmad" and referral.signer["jabatan"] == "Camat Tenggarong"
        with pytest.raises(SimpulError) as info:
            move(s, ref, "ditindaklanjuti")  # must be received first
        assert "dikirim" in info.value.message
    with db.read() as s:
        assert [r.id for r in overdue(s, dt.date(2026, 12, 1))] == [ref]
        assert [r.id for r in overdue(s, dt.date(2026, 11, 29))] == []
        events = s.scalars(select(ReferralEvent).where(ReferralEvent.referral_id == ref)).all()
        assert [(e.from_status, e.to_status) for e in events] == [
            (None, "draft"), ("draft", "ditandatangani"), ("ditandatangani", "dikirim")]
    with db.transaction() as s:
        for status in ("diterima", "ditindaklanjuti", "selesai"):
            move(s, ref, status)
    with db.read() as s:
        assert overdue(s, dt.date(2026, 12, 1)) == []


def test_referral_needs_one_holder_and_a_need(db):
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        create_referral(s, ReferralInput(1, " "))
    assert {f.code for f in info.value.findings} == {"referral.holder", "referral.need"}


def test_list_shows_the_issued_number_not_a_cancelled_one(db):
    with db.transaction() as s:
        pid = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001")).id
        ref = create_referral(s, ReferralInput(1, "alat bantu jalan", person_id=pid)).id
        move(s, ref, "ditandatangani", letter_date=D)
        cancel_number(s, letter_of(s, ref).id, "salah tanggal")
    with db.read() as s:
        [row] = referral_rows(s)
    assert (row.person, row.status, row.number) == ("Nenek Ijah", ReferralStatus.SIGNED, None)


def test_overdue_is_one_rule_for_the_list_the_count_and_the_dashboard(db):
    """The list's red rows, its count and `overdue` (the dashboard's) agree on every day."""
    with db.transaction() as s:
        pid = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001")).id
        due = {n: create_referral(s, ReferralInput(1, f"kebutuhan {n}", person_id=pid,
                                                   follow_up_due=D + dt.timedelta(days=n))).id for n in (-2, 0, 3)}
        undated = create_referral(s, ReferralInput(1, "tanpa tanggal", person_id=pid)).id
        closed = create_referral(s, ReferralInput(1, "selesai", person_id=pid,
                                                  follow_up_due=D - dt.timedelta(days=9))).id
        move(s, closed, ReferralStatus.CLOSED)
    with db.read() as s:
        for today in (D - dt.timedelta(days=5), D, D + dt.timedelta(days=1), D + dt.timedelta(days=10)):
            late = {r.id for r in overdue(s, today)}
            assert {r.id for r in referral_rows(s, today) if r.overdue} == late
            rows = referrals_by_id(s, [*due.values(), undated, closed], today)
            assert {i for i, r in rows.items() if r.overdue} == late
            assert referral_counts(s, today) == (5, len(late))
        assert {r.id for r in overdue(s, D + dt.timedelta(days=1))} == {due[-2], due[0]}
        assert undated not in {r.id for r in overdue(s, D + dt.timedelta(days=99))}


def test_a_printed_letter_writes_one_audit_entry(db):
    with db.transaction() as s:
        pid = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001")).id
        ref = create_referral(s, ReferralInput(1, "alat bantu jalan", person_id=pid)).id
        move(s, ref, ReferralStatus.SIGNED, letter_date=D)
    with db.transaction() as s:
        made = letter_pdf(s, ref, "a4")
    assert made.content.startswith(b"%PDF") and made.number == "400.9/001/Kesos/XI/2026" and not made.draft
    with db.read() as s:
        prints = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.PRINT)).all()
    assert [(p.table_name, p.record_id, p.changes) for p in prints] == [
        ("referral", str(ref), {"dokumen": "surat rujukan", "nomor": "400.9/001/Kesos/XI/2026"})]


def test_office_referrals_and_signing_import_without_a_cycle():
    """Each imports alone, and they form a one-way chain: letter_numbers/institutions <- office
    <- signing <- letters <- referrals, with every import at the top of the module."""
    import ast
    from pathlib import Path

    import desktop.core.services as services

    for name in ("signing", "office", "referrals", "letters", "letter_numbers", "institutions"):
        proc = subprocess.run([sys.executable, "-c", f"import desktop.core.services.{name}"],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
    folder = Path(services.__file__).parent
    allowed = {"office": {"institutions", "letter_numbers", "common"},
               "signing": {"office", "common", "signing_keys"},
               "letters": {"office", "signing", "letter_numbers", "common"},
               "referrals": {"letters", "signing", "common"}}
    for name, may in allowed.items():
        tree = ast.parse((folder / f"{name}.py").read_text("utf-8"))
        top = {n for n in tree.body if isinstance(n, ast.ImportFrom)}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop.core.services."):
                assert node in top, f"{name} imports {node.module} inside a function"
                assert node.module.rsplit(".", 1)[1] in may, f"{name} imports {node.module}"


def test_signing_freezes_the_letter_on_its_register_line(db):
    """The letter's data is kept as JSON on its register line at signing (a reprint draws that);
    the kop logo is kept once, however many letters show it."""
    from desktop.core.db.models.referral import LetterLogo
    from desktop.core.services.office import save_logo

    with db.transaction() as s:
        save_logo(s, b"\x89PNG-not-drawn-here", "image/png")
        pid = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001")).id
        first = create_referral(s, ReferralInput(1, "alat bantu jalan", person_id=pid, category_no=16)).id
        second = create_referral(s, ReferralInput(1, "kursi roda", person_id=pid)).id
        draft = create_referral(s, ReferralInput(1, "sembako", person_id=pid)).id
        move(s, first, ReferralStatus.SIGNED, letter_date=D)
        move(s, second, ReferralStatus.SIGNED, letter_date=D)
    with db.read() as s:
        frozen = letter_of(s, first).snapshot
        assert frozen["number"] == "400.9/001/Kesos/XI/2026" and frozen["letter_date"] == "2026-11-22"
        assert frozen["person_name"] == "Nenek Ijah" and frozen["qr"].startswith("SIMPUL2|")
        assert frozen["sensitive"] and frozen["sifat"] == "Rahasia"  # ODHA
        assert "logo" not in frozen and frozen["logo_sha256"] == letter_of(s, second).snapshot["logo_sha256"]
        assert s.scalar(select(func.count()).select_from(LetterLogo)) == 1
        assert letter_of(s, draft) is None  # a draft is never frozen: it has no letter yet
