"""The referral letter as rendered and looked at (issue 13, item 5): the signer's name never
breaks inside itself, the copies of a sensitive letter do not tell the service asked for, a long
letter on A4 keeps its ending on page 1 when the compact ending fits, and a continued page says
whose letter it is and which page."""

import dataclasses
import io
import re

from desktop.core.io.pdf.letter import render_letter
from desktop.core.services.office import update_office
from desktop.core.services.referrals import letter_data
from tests.io.test_letter_pdf import LONG_ADDRESS, LONG_NAME, _flat, _pages, _pdf, _referral

SIGNER = "Muhammad Ridwan Syahputra, S.STP., M.Si."
SENTENCE = "Keluarga ini tinggal di rumah tidak layak huni dan belum menerima bantuan apa pun."


def _lines(content: bytes) -> list[str]:
    return [" ".join(line.split()) for text in _pages(content) for line in text.split("\n")]


def test_the_signers_name_breaks_only_before_its_degrees(sqlite_db):
    update_office(sqlite_db, {"camat_name": SIGNER})
    ref = _referral(sqlite_db)
    for paper in ("f4", "a4"):
        lines = _lines(_pdf(sqlite_db, ref, paper))
        assert SIGNER in lines or ("Muhammad Ridwan Syahputra," in lines and "S.STP., M.Si." in lines), paper
        assert not any(line.endswith("S.STP.,") for line in lines), paper


def test_copies_of_a_sensitive_letter_do_not_tell_the_service_asked_for(sqlite_db):
    need = "visum et repertum dan pendampingan psikologis"
    ref = _referral(sqlite_db, category_no=19, summary="Korban kekerasan dalam rumah tangga.", need=need)
    pages = [_flat(t) for t in _pages(_pdf(sqlite_db, ref))]
    copies = [t for t in pages if "TEMBUSAN untuk" in t]
    assert copies and need in pages[0]
    for copy in copies:
        assert "visum" not in copy and "psikologis" not in copy  # neither in the opening nor below it
        assert "Layanan yang dibutuhkan: (dirahasiakan)" in copy


def test_a_long_name_and_address_keep_the_ending_on_the_first_a4_page(sqlite_db):
    """The demo's long-name letter: closing, signature and tembusan fit page 1 in the compact
    ending rather than leave a third of it empty."""
    ref = _referral(sqlite_db, name=LONG_NAME, address=LONG_ADDRESS, summary=None)
    pages = _pages(_pdf(sqlite_db, ref, "a4"))
    assert len(pages) == 2 and "LEMBAR BALASAN" in pages[1]
    for part in ("Demikian surat rujukan", "Camat Tenggarong,", "Tembusan:", "3. Arsip"):
        assert part in pages[0], part


def test_a_continued_page_says_whose_letter_and_which_page(sqlite_db):
    ref = _referral(sqlite_db, name=LONG_NAME, address=LONG_ADDRESS, category_no=19)
    with sqlite_db.read() as s:
        data = letter_data(s, ref)
    for n in (6, 40):  # the ending moves whole; the body itself runs over
        out = io.BytesIO()
        render_letter(dataclasses.replace(data, problem=" ".join([SENTENCE] * n)), out, "a4")
        pages = _pages(out.getvalue())
        marks = [re.findall(r"(Surat rujukan|Lembar balasan surat rujukan|Tembusan surat rujukan) Nomor "
                            r"(\S+), halaman (\d+)", t) for t in pages]
        assert marks[0] == [], n  # never on a first page
        part, page_in_part = "", 0
        for text, found in zip(pages, marks):
            page_in_part = 1 if "KECAMATAN TENGGARONG" in text else page_in_part + 1  # a kop opens each part
            if found:
                (kind, number, page), = found
                assert number == data.number and int(page) == page_in_part, (n, kind, page)
                part = kind
        assert part, n  # at least one continued page was marked
        # The closing line always travels with the signature, the tembusan with both.
        signed = [t for t in pages if "Camat Tenggarong," in t]
        assert len(signed) == 3 and all("Demikian surat rujukan" in t and "Tembusan:" in t for t in signed), n
