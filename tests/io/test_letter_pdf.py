"""The referral letter PDF: real text, the right paper, a signature never orphaned, a QR that verifies."""

import datetime as dt
import io
import itertools

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


# ---- issue 13: long names, copies of sensitive letters, frozen text, literal text, fonts --------

LONG_NAME = ("Siti Nur'aini Ñoñó Öztürk Bintang Çahaya Dewi Kusumawardhani Purnamasari Élodie Andriyani "
             "Wulandari")[:80]
LONG_ADDRESS = ("Jalan Poros Tenggarong–Samarinda Kilometer 12, Gang Keluarga Sejahtera Nomor 45, di belakang "
                "Masjid Al-Ikhlas dekat pasar pagi")


_SERIAL = itertools.count(101)


def _referral(db, *, name: str = "Nenek Ijah", address: str | None = None, category_no: int | None = 8,
              summary: str | None = "Lansia tinggal sendiri.", need: str = "alat bantu jalan",
              sign: bool = True) -> int:
    from desktop.core.db.models import Region

    with db.transaction() as s:
        desa = s.scalars(select(Region).where(Region.kind.in_(["desa", "kelurahan"])).order_by(Region.code)).first()
        pid = create_person(s, PersonInput(name=name, sex="P", nik=f"640206410150{next(_SERIAL):04d}", address=address,
                                           rt="012", rw="004", desa_code=desa.code)).id
        dinsos = s.scalars(select(Institution).where(Institution.name.like("Dinas Sosial%"))).one()
        ref = create_referral(s, ReferralInput(dinsos.id, need, person_id=pid, category_no=category_no,
                                               documents=["Fotokopi KTP"], summary=summary)).id
        if sign:
            move(s, ref, "ditandatangani", letter_date=D)
    return ref


def _pdf(db, ref: int, paper: str = "a4") -> bytes:
    with db.read() as s:
        data = letter_data(s, ref)
    out = io.BytesIO()
    render_letter(data, out, paper)
    return out.getvalue()


def _pages(content: bytes) -> list[str]:
    return [p.extract_text().replace("\xa0", " ") for p in pypdf.PdfReader(io.BytesIO(content)).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def fonts_not_embedded(content: bytes) -> set[str]:
    """The fonts a PDF names without embedding them (what `pdffonts` lists with emb "no")."""
    missing = set()
    for page in pypdf.PdfReader(io.BytesIO(content)).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            inner = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = inner.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font["/BaseFont"]))
    return missing


def _text_past(content: bytes, right: float) -> list[str]:
    """Text drawn (at least partly) right of x = `right` points, on any page."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.core.io.pdf.layout import BOLD, FONT

    found: list[str] = []
    for page in pypdf.PdfReader(io.BytesIO(content)).pages:
        def visit(text, cm, tm, font, size):
            if text.strip() and font is not None:
                face = BOLD if "Bold" in str(font.get("/BaseFont")) else FONT
                if tm[4] * cm[0] + cm[4] + stringWidth(text.rstrip(), face, size) > right:
                    found.append(text)
        page.extract_text(visitor_text=visit)
    return found


def test_the_check_sees_what_it_looks_for():
    """The two probes above catch the faults they are for: Helvetica left in, text off the page."""
    from reportlab.platypus import SimpleDocTemplate, Table

    out = io.BytesIO()
    SimpleDocTemplate(out).build([Table([["Nama", ": " + LONG_NAME * 2]])])
    assert fonts_not_embedded(out.getvalue()) == {"/Helvetica"}
    assert _text_past(out.getvalue(), 595 - 2 * 28.35)


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_a_long_name_wraps_everywhere_and_nothing_runs_off_the_page(sqlite_db, paper):
    ref = _referral(sqlite_db, name=LONG_NAME, address=LONG_ADDRESS, category_no=19)
    content = _pdf(sqlite_db, ref, paper)
    width = 595.3 if paper == "a4" else 609.4
    assert _text_past(content, width - 2 * 28.35 + 1) == []  # the right margin is 2 cm
    slip = next(t for t in _pages(content) if "LEMBAR BALASAN" in t)
    flat = " ".join(slip.split())
    assert LONG_NAME in flat and LONG_NAME not in slip.splitlines()  # all of it, over two lines
    assert "RT 012/RW 004" in "".join(_pages(content))  # on one line, never split


def test_on_a4_the_tembusan_never_stands_alone(sqlite_db):
    import dataclasses

    sentence = "Keluarga ini tinggal di rumah tidak layak huni dan belum menerima bantuan apa pun."
    ref = _referral(sqlite_db, name=LONG_NAME, address=LONG_ADDRESS)
    with sqlite_db.read() as s:
        data = letter_data(s, ref)
    for n in range(0, 27, 3):  # the page break falls before, inside and after the ending block
        out = io.BytesIO()
        render_letter(dataclasses.replace(data, problem=" ".join([sentence] * n) or None), out, "a4")
        pages = _pages(out.getvalue())
        with_copies = [t for t in pages if "Tembusan:" in t]
        assert len(with_copies) == 1, n  # a non-sensitive letter prints no copies
        assert "NIP. 19750510" in with_copies[0] or "NIP." not in " ".join(pages), n
        assert "Demikian surat rujukan" in with_copies[0] and "Camat Tenggarong," in with_copies[0], n
    # An everyday letter stays on one A4 page (the tembusan moves beside the signature if need be).
    update_office(sqlite_db, {"address": "Jalan Wolter Monginsidi Nomor 12, Kelurahan Timbau, Tenggarong",
                              "phone": "(0541) 661234", "email": "kecamatan.tenggarong@kutaikartanegarakab.go.id",
                              "website": "kec-tenggarong.kutaikartanegarakab.go.id", "postal_code": "75511"})
    pages = _pages(_pdf(sqlite_db, _referral(sqlite_db, address="Jl. Mawar 3"), "a4"))
    assert len(pages) == 2 and "Tembusan:" in pages[0] and "LEMBAR BALASAN" in pages[1]


def test_a_signed_letter_reprints_exactly_as_signed(sqlite_db):
    from desktop.core.db.models import LetterNumber, Person, Referral

    update_office(sqlite_db, {"camat_name": "Drs. Ahmad Fauzi, M.Si", "camat_nip": "197505102001121016"})
    ref = _referral(sqlite_db, address="Jl. Mawar 3")
    with sqlite_db.read() as s:
        signed = letter_data(s, ref)
    before = _pages(_pdf(sqlite_db, ref))
    # Everything the letter shows changes afterwards: the person, the referral, the receiving
    # institution, the office's letterhead, signer, template and logo.
    with sqlite_db.transaction() as s:
        referral = s.get(Referral, ref)
        person = s.get(Person, referral.person_id)
        person.name, person.address = "Nama Lain Sekali", "Jl. Melati 9"
        referral.summary, referral.need, referral.category_no = "Permasalahan baru.", "layanan lain", 19
        referral.institution.addressee = "Kepala Dinas Lain"
    update_office(sqlite_db, {"camat_name": "Camat Baru", "letterhead_office": "KECAMATAN LAIN",
                              "referral_template": "Mohon {lembaga} menerima {nama}."})
    with sqlite_db.read() as s:
        again = letter_data(s, ref)
    assert again == signed
    assert _pages(_pdf(sqlite_db, ref)) == before
    assert "Nenek Ijah" in before[0] and "Drs. Ahmad Fauzi" in before[0] and "KECAMATAN TENGGARONG" in before[0]
    assert verify(sqlite_db, again.qr).authentic
    # A letter signed before letters were frozen has no snapshot: it is drawn from the records.
    with sqlite_db.transaction() as s:
        s.scalars(select(LetterNumber).where(LetterNumber.referral_id == ref)).one().snapshot = None
    with sqlite_db.read() as s:
        assert letter_data(s, ref).person_name == "Nama Lain Sekali"


def test_the_snapshot_round_trips_through_json(sqlite_db):
    import json

    from desktop.core.io.pdf.letter import from_snapshot, snapshot

    ref = _referral(sqlite_db, name=LONG_NAME, category_no=19, sign=False)
    with sqlite_db.read() as s:
        data = letter_data(s, ref)  # a draft: gathered from the records, not yet frozen
    frozen = json.loads(json.dumps(snapshot(data)))
    assert from_snapshot(frozen, data.logo) == data


def test_the_logo_is_frozen_with_the_letter(sqlite_db):
    from desktop.core.services.office import set_logo

    set_logo(sqlite_db, _png(40, 48), "image/png")
    ref = _referral(sqlite_db)
    set_logo(sqlite_db, _png(80, 20), "image/png")
    with sqlite_db.read() as s:
        assert letter_data(s, ref).logo == _png(40, 48)
    set_logo(sqlite_db, None, None)
    assert len(pypdf.PdfReader(io.BytesIO(_pdf(sqlite_db, ref))).pages[0].images) == 1


def test_a_sensitive_category_is_secret_and_its_copies_do_not_name_it(sqlite_db):
    update_office(sqlite_db, {"referral_template": "Dengan hormat,\n\nKami rujuk {nama} ({ppks}) ke {lembaga}."})
    ref = _referral(sqlite_db, category_no=19, summary="Korban kekerasan dalam rumah tangga.")  # KTK
    pages = [_flat(t) for t in _pages(_pdf(sqlite_db, ref))]
    original = [t for t in pages if "TEMBUSAN untuk" not in t]
    copies = [t for t in pages if "TEMBUSAN untuk" in t]
    assert "Sifat : Rahasia" in original[0]
    assert "Korban Tindak Kekerasan" in " ".join(original) and "Korban kekerasan dalam" in " ".join(original)
    # One copy for the Bupati and one for the Lurah/Kepala Desa (the archive keeps a photocopy).
    marks = sorted(t.split("TEMBUSAN untuk ")[1] for t in copies)
    assert len(marks) == 2 and marks[0].startswith("Yth. Bupati Kutai Kartanegara (sebagai laporan) Tenggarong, 22")
    assert marks[1].startswith(("Yth. Lurah ", "Yth. Kepala Desa "))
    for copy in copies:
        assert "Sifat : Rahasia" in copy
        assert "Korban Tindak Kekerasan" not in copy and "Kategori PPKS" not in copy
        assert "Korban kekerasan" not in copy and "(dirahasiakan)" in copy
        assert "LEMBAR BALASAN" not in copy
    # A category that is not sensitive: Sifat Biasa, no copies printed.
    plain = [_flat(t) for t in _pages(_pdf(sqlite_db, _referral(sqlite_db, category_no=8)))]
    assert "Sifat : Biasa" in plain[0] and not any("TEMBUSAN untuk" in t for t in plain)


def test_names_and_all_user_text_print_literally(sqlite_db):
    tricky = "Siti <b>&amp; O'Neil"
    update_office(sqlite_db, {"camat_name": "Drs. <i>A & B</i>", "address": "Jl. A&B <Blok 2>"})
    with sqlite_db.transaction() as s:
        s.scalars(select(Institution).where(Institution.name.like("Dinas Sosial%"))).one().addressee = "Kadis <&>"
    ref = _referral(sqlite_db, name=tricky, summary="Rumah <rusak> & bocor", need="bantuan <br/> darurat")
    text = _flat(" ".join(_pages(_pdf(sqlite_db, ref))))
    for literal in (tricky, "Drs. <i>A & B</i>", "Jl. A&B <Blok 2>", "Kadis <&>", "Rumah <rusak> & bocor",
                    "bantuan <br/> darurat", f"Rujukan Pelayanan Sosial a.n. {tricky}"):
        assert literal in text, literal


def test_official_letters_carry_no_simpul_footer(sqlite_db):
    draft = _pages(_pdf(sqlite_db, _referral(sqlite_db, sign=False)))
    assert all("dicetak dengan Simpul" in t for t in draft)
    signed = _pages(_pdf(sqlite_db, _referral(sqlite_db)))
    assert not any("Simpul ·" in t or "Dicetak dengan Simpul" in t for t in signed)


def test_the_kop_contact_line_wraps_between_items(sqlite_db):
    update_office(sqlite_db, {"address": "Jalan Wolter Monginsidi Nomor 12, Kelurahan Timbau, Tenggarong",
                              "phone": "(0541) 661234", "postal_code": "75511",
                              "email": "kecamatan.tenggarong@kutaikartanegarakab.go.id",
                              "website": "kec-tenggarong.kutaikartanegarakab.go.id"})
    lines = _pages(_pdf(sqlite_db, _referral(sqlite_db)))[0].splitlines()
    kop = lines[: next(i for i, line in enumerate(lines) if "22 November 2026" in line)]
    for item in ("Telepon (0541) 661234", "Kode Pos 75511", "Pos-el kecamatan.tenggarong@kutaikartanegarakab.go.id",
                 "Laman kec-tenggarong.kutaikartanegarakab.go.id"):
        assert any(item in line for line in kop), item  # whole, on one line
    assert not any(line.strip().startswith("·") or line.strip().endswith("·") for line in kop)


def test_contact_markup_breaks_only_between_items():
    from desktop.core.io.pdf.layout import contact_line, contact_markup, register_fonts, styles

    register_fonts()
    line = contact_line("Jl. A & B", "(0541) 1", "a@b.go.id", "b.go.id", "75511")
    assert line == "Jl. A & B · Kode Pos 75511 · Telepon (0541) 1 · Pos-el a@b.go.id · Laman b.go.id"
    markup = contact_markup(line, styles()["addr"], 120)
    assert "Jl.&nbsp;A&nbsp;&amp;&nbsp;B" in markup and "Telepon&nbsp;(0541)&nbsp;1" in markup
    assert all(not part.strip().endswith("·") for part in markup.split("<br/>"))


@pytest.mark.parametrize("signed", [True, False])
def test_every_font_in_a_letter_is_embedded(sqlite_db, signed):
    from desktop.core.services.office import set_logo

    set_logo(sqlite_db, _png(40, 48), "image/png")
    content = _pdf(sqlite_db, _referral(sqlite_db, category_no=19, sign=signed))
    assert fonts_not_embedded(content) == set()


def _png(w: int, h: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x20\x70\x50" * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
