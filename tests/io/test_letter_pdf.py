"""The referral letter PDF: real text, the right paper, a signature never orphaned, a QR that verifies."""

import datetime as dt
import io

import pypdf
import pytest
from sqlalchemy import select

from desktop.core.db.models import Institution
from desktop.core.io.pdf.letter import render_letter
from desktop.core.services.office import update_office
from desktop.core.services.referrals import ReferralInput, create_referral, letter_data, move
from desktop.core.services.registry import PersonInput, create_person
from desktop.core.services.signing import verify

D = dt.date(2026, 11, 22)


def _signed_referral(db, summary: str = "Lansia tinggal sendiri, membutuhkan alat bantu jalan.") -> int:
    update_office(db, {"camat_name": "Drs. Ahmad Fauzi, M.Si", "camat_nip": "197505102001121016"})
    with db.transaction() as s:
        pid = create_person(s, PersonInput(name="Nenek Ijah", sex="P", nik="6402064101500001")).id
        dinsos = s.scalars(select(Institution).where(Institution.name.like("Dinas Sosial%"))).one()
        ref = create_referral(s, ReferralInput(dinsos.id, "pemeriksaan dan bantuan alat bantu jalan", person_id=pid,
                                               category_no=8, documents=["Fotokopi KTP", "Fotokopi KK"],
                                               summary=summary)).id
        move(s, ref, "ditandatangani", letter_date=D)
    return ref


def _render(db, ref: int, paper: str = "f4") -> pypdf.PdfReader:
    with db.read() as s:
        data = letter_data(s, ref)
    out = io.BytesIO()
    render_letter(data, out, paper)
    return pypdf.PdfReader(io.BytesIO(out.getvalue()))


def test_letter_text_and_paper_sizes(sqlite_db):
    ref = _signed_referral(sqlite_db)
    pdf = _render(sqlite_db, ref, "a4")
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = " ".join(p.extract_text() for p in pdf.pages)
    for expected in ("400.9/001/Kesos/XI/2026", "Yth.", "Kepala Dinas Sosial Kabupaten Kutai Kartanegara",
                     "Nenek Ijah", "6402064101500001", "22 November 2026", "Drs. Ahmad Fauzi, M.Si",
                     "NIP. 19750510 200112 1 016", "Tembusan", "Fotokopi KTP"):
        assert expected in text, expected
    f4 = _render(sqlite_db, ref, "f4").pages[0].mediabox
    assert (round(float(f4.width)), round(float(f4.height))) == (609, 935)


def test_signature_block_never_stands_alone(sqlite_db):
    long_summary = " ".join(["Keluarga ini tinggal di rumah tidak layak huni dan belum menerima bantuan."] * 40)
    ref = _signed_referral(sqlite_db, long_summary)
    pdf = _render(sqlite_db, ref, "a4")
    pages = [p.extract_text() for p in pdf.pages]
    signed = [i for i, t in enumerate(pages) if "NIP. 19750510" in t]
    assert len(signed) == 1
    # the closing sentence travels with the signature
    assert "Demikian surat rujukan" in pages[signed[0]]


def test_qr_payload_verifies_and_detects_tampering(sqlite_db):
    ref = _signed_referral(sqlite_db)
    with sqlite_db.read() as s:
        payload = letter_data(s, ref).qr
    ok = verify(sqlite_db, payload)
    assert ok.authentic and ok.number == "400.9/001/Kesos/XI/2026"
    altered = payload.replace("400.9/001", "400.9/009")
    assert not verify(sqlite_db, altered).authentic
    assert verify(sqlite_db, "bukan kode surat").reason == "verify.not_simpul"
    from desktop.core.services.referrals import cancel_number, letter_of

    with sqlite_db.transaction() as s:
        cancel_number(s, letter_of(s, ref).id, "salah tulis nama")
    assert verify(sqlite_db, payload).reason == "verify.cancelled"


def test_qr_from_another_office_is_not_authentic(sqlite_db, tmp_path):
    from desktop.core.db import schema
    from desktop.core.db.engine import open_database
    from desktop.core.services.office import init_office

    ref = _signed_referral(sqlite_db)
    with sqlite_db.read() as s:
        payload = letter_data(s, ref).qr
    other = open_database(tmp_path / "lain.db")
    schema.upgrade(other)
    try:
        init_office(other, "64.02.06")
        assert not verify(other, payload).authentic
    finally:
        other.dispose()


def test_editable_template_is_checked_and_used(sqlite_db):
    from desktop.core.errors import SimpulError

    with pytest.raises(SimpulError) as info:
        update_office(sqlite_db, {"referral_template": "Mohon bantuan untuk {nm}."})
    assert "{nm}" in info.value.message and "{nama}" in info.value.message
    with pytest.raises(SimpulError):
        update_office(sqlite_db, {"letter_pattern": "{nomer}/{tahun}"})
    update_office(sqlite_db, {"referral_template": "Dengan hormat,\n\nMohon {lembaga} membantu Sdr. {nama} "
                                                   "(NIK {nik}) untuk {layanan}.",
                              "letter_pattern": "", "letter_unit": "Kec.Tgr"})
    ref = _signed_referral(sqlite_db)
    text = " ".join(p.extract_text() for p in _render(sqlite_db, ref).pages)
    assert "Mohon Dinas Sosial Kabupaten Kutai Kartanegara membantu Sdr. Nenek Ijah" in text.replace("\n", " ")
    assert "400.9/001/Kec.Tgr/XI/2026" in text  # an empty pattern went back to the built-in one


def test_a_draft_prints_without_number_or_code_and_says_konsep(sqlite_db):
    with sqlite_db.transaction() as s:
        pid = create_person(s, PersonInput(name="Pak Darto", sex="L", nik="6402061203600001")).id
        ref = create_referral(s, ReferralInput(1, "bantuan sembako", person_id=pid)).id
    with sqlite_db.read() as s:
        assert letter_data(s, ref).qr is None
    text = _render(sqlite_db, ref).pages[0].extract_text()
    assert "konsep" in text and "Pak Darto" in text
    # Every page of a draft carries the KONSEP watermark; a signed letter none.
    assert all("KONSEP" in page.extract_text().replace("\n", "") for page in _render(sqlite_db, ref).pages)
    with sqlite_db.transaction() as s:
        move(s, ref, "ditandatangani", letter_date=D)
    assert not any("KONSEP" in page.extract_text().replace("\n", "") for page in _render(sqlite_db, ref).pages)


def test_logo_in_the_kop_and_long_regency_names_stay_on_one_line(sqlite_db):
    import struct
    import zlib

    def png(w: int, h: int) -> bytes:
        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        raw = b"".join(b"\x00" + b"\x20\x70\x50" * w for _ in range(h))
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    from desktop.core.services.office import set_logo

    set_logo(sqlite_db, png(40, 48), "image/png")
    update_office(sqlite_db, {"letterhead_government": "PEMERINTAH KABUPATEN KEPULAUAN SIAU TAGULANDANG BIARO"})
    ref = _signed_referral(sqlite_db)
    page = _render(sqlite_db, ref).pages[0]
    assert len(page.images) == 1
    first_lines = [line.strip() for line in page.extract_text().splitlines()]
    assert "PEMERINTAH KABUPATEN KEPULAUAN SIAU TAGULANDANG BIARO" in first_lines
