"""The distribution papers, fit and finish (issue 13): desa or kelurahan named right, the
thousands separator, page numbers per desa, memory that does not keep every page, progress and
Cancel, coupons with one fast QR each, and a BAST that is final only for a closed event."""

import io
import shutil
import subprocess

import pypdf
import pytest
from reportlab.graphics.barcode import qrencoder

from desktop.core.io.pdf import paging
from desktop.core.io.pdf.aid_data import Signer
from desktop.core.io.pdf.bast import bast_bytes, bound
from desktop.core.io.pdf.coupons import coupons_bytes
from desktop.core.io.pdf.qr import LEVEL, MASK, qr_matrix
from desktop.core.io.pdf.roster import _Roster, roster_bytes
from desktop.core.progress import Cancelled
from tests.io.test_aid_pdf import bast, coupon_data, desa_pages, pages, roster


class Recorder:
    """A Progress that cancels after `stop_after` advances (never when None)."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.total, self.done, self.stop_after, self.labels = 0, 0, stop_after, []

    def start(self, total: int, label: str = "") -> None:
        self.total = total
        self.labels.append(label)

    def advance(self, n: int = 1) -> None:
        self.done += n

    @property
    def cancelled(self) -> bool:
        return self.stop_after is not None and self.done >= self.stop_after


def test_a_kelurahan_is_named_as_such_in_every_heading_and_the_recap():
    data = roster((("Jahab", 3), ("Melayu", 40)))
    data.groups[1].desa_kind = "kelurahan"
    data.groups[1].head = Signer("Mengetahui,\nLurah Melayu", "LURAH MELAYU")
    texts = pages(roster_bytes(data))
    where = desa_pages(data, texts)
    assert "Desa\n:\nJahab" in texts[0] and "Jumlah Desa Jahab" in texts[where["Jahab"][-1]]
    melayu = [texts[i] for i in where["Melayu"]]
    assert "Kelurahan\n:\nMelayu" in melayu[0]
    assert all("KELURAHAN MELAYU (lanjutan)" in t for t in melayu[1:])
    assert "Jumlah Kelurahan Melayu" in melayu[-1] and "Lurah Melayu" in melayu[-1]
    assert not any("Desa Melayu" in t for t in texts)
    recap = texts[-1]
    assert "Desa/Kelurahan\n:\nSemua desa dan kelurahan" in recap
    assert "Desa Jahab" in recap and "Kelurahan Melayu" in recap


def test_counts_carry_the_thousands_separator():
    data = roster((("Jahab", 3614), ("Loa Ipuh", 1000)))
    built = _Roster(data, (935, 609))
    closing = built._closing(data.groups[0])[1].text
    assert "3.614 penerima" in closing and "3614" not in closing
    summary = built._summary()
    table = summary[-2]
    assert ["", "JUMLAH", "4.614"] == table._cellvalues[-1][:3]
    assert "4.614 penerima" in summary[-1][1].text


def test_page_numbers_per_desa_when_asked():
    data = roster((("Jahab", 23), ("Loa Ipuh", 17)))
    whole = pages(roster_bytes(data))
    data.pages_per_desa = True
    texts = pages(roster_bytes(data))
    assert len(texts) == len(whole)
    where = desa_pages(data, texts)
    for part in ([texts[i] for i in where["Jahab"]], [texts[i] for i in where["Loa Ipuh"]]):
        assert len(part) > 1
        for i, text in enumerate(part, 1):
            assert f"Halaman {i} dari {len(part)}" in text
    assert "Halaman 1 dari 1" in texts[-1] and "REKAPITULASI" in texts[-1]


def test_pages_are_not_kept_in_memory_until_the_end(monkeypatch):
    """Each finished page is compressed at once and no copy of its state is kept (the old canvas
    kept every page's state to number them: 532 MB for 38,700 rows)."""
    seen = []
    real = paging._compress_last_page

    def spy(canvas):
        real(canvas)
        page = canvas._doc.Pages.pages[-1]
        seen.append((page.stream, type(page.Contents).__name__))

    monkeypatch.setattr(paging, "_compress_last_page", spy)
    content = roster_bytes(roster((("Jahab", 60),)))
    assert seen and all(stream is None and kind == "PDFStream" for stream, kind in seen)
    assert len(pypdf.PdfReader(io.BytesIO(content)).pages) == len(seen)


def test_only_embedded_fonts_are_listed():
    for content in (roster_bytes(roster((("Jahab", 3),))), coupons_bytes(coupon_data(3)),
                    bast_bytes(bast(1, 1))):
        reader = pypdf.PdfReader(io.BytesIO(content))
        for page in reader.pages:
            fonts = page["/Resources"].get_object().get("/Font", {})
            for ref in fonts.values():
                font = ref.get_object()
                descendant = font.get("/DescendantFonts")
                descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
                assert descriptor is not None, font.get("/BaseFont")


@pytest.mark.parametrize("make", ["roster", "coupons"])
def test_progress_is_reported_and_cancel_stops_the_job(make):
    draw = {"roster": lambda p: roster_bytes(roster((("Jahab", 60), ("Loa Ipuh", 30))), progress=p),
            "coupons": lambda p: coupons_bytes(coupon_data(40), progress=p)}[make]
    done = Recorder()
    draw(done)
    assert done.total == done.done == 90 if make == "roster" else 40
    stopped = Recorder(stop_after=1)
    with pytest.raises(Cancelled):
        draw(stopped)
    assert stopped.done < stopped.total


# -- coupons --------------------------------------------------------------------------------------


def test_coupon_says_desa_or_kelurahan_and_wraps_a_long_name():
    data = coupon_data(2)
    data.coupons[1].desa_kind = "kelurahan"
    data.coupons[0].name = "Muhammad Rizky Pratama Saputra bin Abdul Rahman Hakim Al-Banjari Wirawan Nugroho"
    text = pages(coupons_bytes(data))[0]
    first, second = text.split("No. 2")
    assert "Desa\n:\nJahab" in first and "Kelurahan\n:\nJahab" in second
    assert "\u2026" not in text
    assert " ".join(first.split()).count(data.coupons[0].name) == 1


def test_the_fast_qr_is_the_one_reportlabs_encoder_makes():
    for text in ("K12-7F3QX9", "K1-0", "K123-ABCDEFGH", "https://contoh.invalid/v?x=1&y=abc", "7" * 60):
        reference = qrencoder.QRCode(None, LEVEL)
        reference.addData(text)
        reference.version = reference.calculate_version()
        reference.makeImpl(False, MASK)
        assert qr_matrix(text) == [[bool(m) for m in row] for row in reference.modules], text


@pytest.mark.skipif(not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbarimg/pdftoppm missing")
def test_a_scanner_reads_the_coupon_code(tmp_path):
    (tmp_path / "k.pdf").write_bytes(coupons_bytes(coupon_data(1)))
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(tmp_path / "k.pdf"), str(tmp_path / "k")], check=True)
    png = next(tmp_path.glob("k*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    assert out.stdout.strip() == "K12-7F3Q01"


# -- berita acara ---------------------------------------------------------------------------------


def test_a_provisional_bast_says_sementara_and_has_no_number():
    text = " ".join(pages(bast_bytes(bast(33_300_000, 36_000_000, final=False))))
    assert "SEMENTARA" in text and "(diberikan setelah penyaluran ditutup)" in text
    assert "400.9/012" not in text
    final = " ".join(pages(bast_bytes(bast(33_300_000, 36_000_000))))
    assert "SEMENTARA" not in final and "Nomor: 400.9/012/Kesos/XI/2026" in final
    assert "Dicetak dengan Simpul" not in final  # an official paper


def test_no_paragraph_of_the_bast_ends_on_a_lone_word():
    data = bast(33_300_000, 36_000_000)
    data.title = "BERITA ACARA SERAH TERIMA BANTUAN LANGSUNG TUNAI DANA DESA TAHAP KEEMPAT TAHUN ANGGARAN 2026"
    lines = [line.strip() for t in pages(bast_bytes(data)) for line in t.split("\n")]
    assert "2026" not in lines
    assert any(line.endswith("ANGGARAN\u00a02026") or line.endswith("ANGGARAN 2026") for line in lines)
    assert bound("di <b>Desa Jahab</b>.") == "di <b>Desa\u00a0Jahab</b>."
