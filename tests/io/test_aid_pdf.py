"""Distribution-day PDFs built from hand-made data: the roster (paper, repeated header, zig-zag
signatures, page totals, one desa per section, page numbers, masked NIK, annotations, wrapping),
the coupons and the Berita Acara Serah Terima. More in test_aid_papers.py."""

import datetime as dt
import io
import re

import pypdf
import pytest

from desktop.core.io.pdf import coupons as coupons_module
from desktop.core.io.pdf.aid_data import (
    BastData,
    Coupon,
    CouponData,
    DesaGroup,
    Kop,
    Party,
    RosterData,
    RosterRow,
    Signer,
)
from desktop.core.io.pdf.bast import bast_bytes
from desktop.core.io.pdf.coupons import coupons_bytes
from desktop.core.io.pdf.roster import roster_bytes

D = dt.date(2026, 11, 22)
KOP = Kop("PEMERINTAH KABUPATEN KUTAI KARTANEGARA", "KECAMATAN TENGGARONG", "Jl. Jenderal Sudirman No. 1")
CAMAT = Signer("Mengetahui,\nCamat Tenggarong", "Drs. AHMAD FAUZI, M.Si", "197505102001121016")
SIGNATURE = re.compile(r"^(\d+)\. \.{3,}$", re.M)


def nik(desa_no: int, i: int) -> str:
    return f"64020{desa_no}{4101500000 + i:010d}"


def masked(full: str) -> str:
    return f"{full[:4]} {full[4:6]}\u2022\u2022 \u2022\u2022\u2022\u2022 \u2022\u2022{full[-2:]}"


def roster(sizes=(("Jahab", 23), ("Loa Ipuh", 17)), *, mask=False, annotated=False, thumbprint=True,
           name="Siti Aminah", address="Jl. Mawar 3, RT 001/RW 002, Dusun Karya") -> RosterData:
    groups = []
    for k, (desa, n) in enumerate(sizes):
        rows = []
        for i in range(1, n + 1):
            full = nik(k, i)
            collected = (i % 7 != 0) if annotated else None
            note = "Tidak hadir: sakit" if collected is False else ""
            rows.append(RosterRow(i, f"{name} {i}", masked(full) if mask else full, f"6402{k}{i:011d}", address,
                                  desa, "Uang tunai", 600_000 + 1_000 * i, note, collected))
        groups.append(DesaGroup(desa, "desa", Signer(f"Mengetahui,\nKepala Desa {desa}", f"KADES {desa.upper()}"),
                                rows))
    return RosterData(KOP, "DAFTAR PENERIMA BANTUAN LANGSUNG TUNAI DANA DESA", "BLT Dana Desa 2026",
                      "Tahap IV (Oktober–Desember 2026)", "Dana Desa", "Tenggarong", "Kabupaten Kutai Kartanegara",
                      "Penyaluran BLT Dana Desa Tahap IV", D, "08.00 WITA", "Balai Desa Jahab", True, "Rp", groups,
                      CAMAT, Signer("Petugas Penyalur", "RINA MARLINA"), "Tenggarong", nik_masked=mask,
                      thumbprint=thumbprint, annotated=annotated)


def pages(content: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(content)).pages]


def amount(text: str, label: str) -> int:
    match = re.search(rf"^{re.escape(label)}\n([\d.]+)$", text, re.M)
    assert match, label
    return int(match.group(1).replace(".", ""))


@pytest.fixture(scope="module")
def f4() -> tuple[RosterData, list[str], bytes]:
    data = roster()
    content = roster_bytes(data)
    return data, pages(content), content


def desa_pages(data: RosterData, texts: list[str]) -> dict[str, list[int]]:
    """Which pages show rows of which desa (by NIK, which is unique per desa)."""
    out: dict[str, list[int]] = {}
    for g in data.groups:
        niks = {r.nik for r in g.rows}
        out[g.desa] = [i for i, t in enumerate(texts) if niks & set(t.split("\n"))]
    return out


@pytest.mark.parametrize(("paper", "landscape", "size"), [
    ("f4", True, (935, 609)), ("a4", True, (842, 595)), ("a4", False, (595, 842)), ("f4", False, (609, 935)),
])
def test_roster_paper_sizes(paper, landscape, size):
    reader = pypdf.PdfReader(io.BytesIO(roster_bytes(roster((("Jahab", 12),)), paper, landscape)))
    for page in reader.pages:
        box = page.mediabox
        assert abs(float(box.width) - size[0]) <= 1 and abs(float(box.height) - size[1]) <= 1


def test_header_and_column_numbers_on_every_roster_page(f4):
    data, texts, _ = f4
    columns = 10  # No, Nama, NIK, No. KK, Alamat, Jenis, Jumlah, Tanda tangan, Cap jempol, Keterangan
    numbers = "\n".join(str(n) for n in range(1, columns + 1))
    for text in texts[:-1]:  # the last page is the recapitulation
        for title in ("Nama penerima", "NIK", "No. KK", "Alamat", "Jenis bantuan", "Jumlah (Rp)",
                      "Tanda tangan", "Cap jempol", "Keterangan"):
            assert title in text
        assert f"Keterangan\n{numbers}\n" in text
    assert len(texts) > 4  # the header really had to be repeated


def test_zig_zag_odd_numbers_sign_left_even_right(f4):
    data, texts, content = f4
    seen: dict[int, float] = {}

    def visit(text, cm, tm, font, size):
        match = SIGNATURE.match(text.strip())
        if match:
            seen[int(match.group(1))] = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]

    page = pypdf.PdfReader(io.BytesIO(content)).pages[1]
    page.extract_text(visitor_text=visit)
    odd = [x for n, x in seen.items() if n % 2]
    even = [x for n, x in seen.items() if not n % 2]
    assert odd and even
    assert max(odd) < min(even)  # two halves, never mixed
    assert len(set(round(x) for x in odd)) == 1 and len(set(round(x) for x in even)) == 1
    # Every row of the page has its numbered place to sign, and no other number appears.
    lines = set(texts[1].split("\n"))
    rows = {r.no for g in data.groups for r in g.rows if r.nik in lines}
    assert set(seen) == rows and len(rows) >= 5


def test_page_totals_add_up_to_each_desa_total(f4):
    data, texts, _ = f4
    where = desa_pages(data, texts)
    for g in data.groups:
        running = 0
        for i in where[g.desa]:
            page_total = amount(texts[i], "Jumlah halaman ini")
            shown = {r.no for r in g.rows if r.nik in texts[i].split("\n")}
            assert page_total == sum(r.amount for r in g.rows if r.no in shown)
            running += page_total
            assert amount(texts[i], "Jumlah s.d. halaman ini") == running
        assert running == sum(r.amount for r in g.rows)
        assert f"Rp{running:,}".replace(",", ".") in texts[where[g.desa][-1]]


def test_each_desa_starts_on_a_new_page_with_the_kop(f4):
    data, texts, _ = f4
    where = desa_pages(data, texts)
    assert set(where["Jahab"]).isdisjoint(where["Loa Ipuh"])
    for g in data.groups:
        first = texts[where[g.desa][0]]
        assert "KECAMATAN TENGGARONG" in first and f"Desa\n:\n{g.desa}" in first
        assert where[g.desa] == list(range(where[g.desa][0], where[g.desa][-1] + 1))
        assert all("(lanjutan)" in texts[i] for i in where[g.desa][1:])


def test_signatures_close_each_desa_with_rows_and_totals_above(f4):
    data, texts, _ = f4
    where = desa_pages(data, texts)
    for g in data.groups:
        signed = [i for i, t in enumerate(texts) if g.head.name in t]
        assert signed == [where[g.desa][-1]]
        text = texts[signed[0]]
        assert SIGNATURE.search(text)  # at least one row above the totals and signatures
        assert "Jumlah s.d. halaman ini" in text and "NIP. 19750510 200112 1 016" in text
        assert "RINA MARLINA" in text and "Tenggarong, 22 November 2026" in text


def test_page_numbers_and_the_recapitulation(f4):
    data, texts, _ = f4
    n = len(texts)
    for i, text in enumerate(texts, 1):
        assert f"Halaman {i} dari {n}" in text
        assert "Dicetak dengan Simpul" in text
    recap = texts[-1]
    assert "REKAPITULASI" in recap
    assert "Jumlah seluruhnya: 40 penerima" in recap
    assert sum(r.amount for g in data.groups for r in g.rows) == 24_429_000
    assert ("Rp24.429.000 (dua puluh empat juta empat ratus dua puluh sembilan ribu rupiah)"
            in recap.replace("\n", " "))


def test_a_single_desa_has_no_recapitulation():
    texts = pages(roster_bytes(roster((("Jahab", 2),))))
    assert not any("REKAPITULASI" in t for t in texts)
    assert "Halaman 1 dari 1" in texts[0] and "KADES JAHAB" in texts[0]


def test_masked_nik_is_printed_and_the_heading_says_so():
    data = roster((("Jahab", 6),), mask=True)
    text = pages(roster_bytes(data))[0]
    assert masked(nik(0, 1)) in text and nik(0, 1) not in text
    assert "disamarkan" in text
    full = pages(roster_bytes(roster((("Jahab", 6),))))[0]
    assert nik(0, 1) in full and "RAHASIA" in full


def test_annotated_roster_marks_collected_and_absent():
    data = roster((("Jahab", 9),), annotated=True)
    text = "\n".join(pages(roster_bytes(data, "a4")))
    assert text.count("\u221a Diambil") == 8  # rows 1-6, 8, 9
    assert "Tidak hadir: sakit" in text
    assert "Diambil: 8 penerima" in text and "tidak diambil: 1 penerima" in text


LONG_NAME = "Muhammad Rizky Pratama Saputra bin Abdul Rahman Hakim Al-Banjari Nugroho"
LONG_ADDRESS = "Jl. Poros Tenggarong–Samarinda Km 12 Gg. Keluarga Sejahtera No. 45 Blok C, RT 014/RW 007, Dusun Karya"


@pytest.mark.parametrize("landscape", [True, False])
def test_long_names_addresses_and_notes_wrap_in_full(landscape):
    """Nothing is cut with an ellipsis: the RT/RW at the end of a long address is printed, a long
    name wraps in portrait, the rows grow and the page totals still add up."""
    data = roster((("Jahab", 30),), annotated=True, name=LONG_NAME, address=LONG_ADDRESS)
    note = "Diwakilkan: Siti Nurhaliza binti Abdul Wahab Hasibuan (anak kandung, membawa surat kuasa desa)"
    for r in data.groups[0].rows:
        r.note = note if r.collected else r.note
    texts = pages(roster_bytes(data, "a4", landscape=landscape))
    joined = " ".join(" ".join(texts).split())
    assert "\u2026" not in joined
    assert joined.count("RT 014/RW 007, Dusun Karya") == 30
    assert joined.count(f"{LONG_NAME} 30") == 1
    assert joined.count("surat kuasa desa)") == data.groups[0].rows.__len__() - 4  # rows 7, 14, 21, 28 absent
    running = 0
    for text in texts:
        if "Jumlah halaman ini" in text:
            running += amount(text, "Jumlah halaman ini")
            assert amount(text, "Jumlah s.d. halaman ini") == running
    assert running == sum(r.amount for r in data.groups[0].rows)
    short = pages(roster_bytes(roster((("Jahab", 30),), annotated=True), "a4", landscape=landscape))
    assert len(texts) > len(short)  # the rows really grew


def test_a_signers_name_never_breaks_inside_the_name():
    data = roster((("Jahab", 2),))
    data.camat = Signer("Mengetahui,\nCamat Tenggarong", "Drs. H. Ahmad Rifani Wicaksono Abdurrahman, M.Si.",
                        "197505102001121016")
    data.officer = Signer("Petugas Penyalur", "Hj. Rina Marlina Kusumawardhani Setyaningrum, S.Sos.")
    for landscape in (True, False):
        lines = [" ".join(line.replace("\u00a0", " ").split())
                 for text in pages(roster_bytes(data, "a4", landscape=landscape)) for line in text.split("\n")]
        for name in (data.camat.name, data.officer.name):
            head = name.split(", ")[0]
            assert any(head in line for line in lines), (landscape, name)


def test_portrait_roster_stacks_nik_and_kk():
    data = roster((("Jahab", 4),))
    text = pages(roster_bytes(data, "a4", landscape=False))[0]
    assert "NIK / No. KK" in text and "\n No. KK\n" not in text
    for r in data.groups[0].rows:
        assert f"\n{r.nik}\n{r.no_kk}\n" in text


def test_goods_roster_shows_the_unit():
    data = roster((("Jahab", 3),), thumbprint=False)
    data.cash, data.unit = False, "paket"
    for r in data.groups[0].rows:
        r.amount = 2
    text = pages(roster_bytes(data))[0].replace("\n", " ")
    assert "Jumlah (paket)" in text and "Cap jempol" not in text
    assert "6 paket (enam paket)" in text


# -- coupons -------------------------------------------------------------------------------------------


def coupon_data(n: int) -> CouponData:
    items = [Coupon(i, f"Penerima {i}", masked(nik(0, i)), "Jl. Mawar 3, RT 001/RW 002", "Jahab",
                    f"K12-7F3Q{i:02d}", "Beras 10 kg", 1) for i in range(1, n + 1)]
    return CouponData(KOP, "Bantuan Pangan Beras 2026", "Alokasi Oktober–Desember 2026", D, "08.00 WITA",
                      "Balai Desa Jahab", False, "karung", items)


@pytest.mark.parametrize(("paper", "per_page", "size"), [("a4", 8, (595, 842)), ("f4", 10, (609, 935))])
def test_coupons_per_page_and_codes(paper, per_page, size):
    data = coupon_data(per_page + 3)
    reader = pypdf.PdfReader(io.BytesIO(coupons_bytes(data, paper)))
    assert len(reader.pages) == 2
    texts = [p.extract_text() for p in reader.pages]
    codes = [re.findall(r"K12-7F3Q\d\d", t) for t in texts]
    assert [len(c) for c in codes] == [per_page, 3]
    assert codes[0] + codes[1] == [k.code for k in data.coupons]
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    first = texts[0]
    for expected in ("KUPON PENGAMBILAN BANTUAN", "Penerima 1", masked(nik(0, 1)), "Minggu, 22 November 2026",
                     "08.00 WITA", "Beras 10 kg", "1 karung", "Bawa kupon ini", "Halaman 1 dari 2"):
        assert expected in first, expected
    assert nik(0, 1) not in first


def test_each_qr_holds_exactly_its_code_and_is_drawn_once(monkeypatch):
    held = []
    real = coupons_module.qr_ops

    def spy(text):
        held.append(text)
        return real(text)

    monkeypatch.setattr(coupons_module, "qr_ops", spy)
    data = coupon_data(5)
    coupons_bytes(data)
    assert held == [k.code for k in data.coupons]


# -- berita acara ------------------------------------------------------------------------------------------


def bast(collected_total: int, due_total: int, cash: bool = True, final: bool = True) -> BastData:
    data = BastData(
        KOP, "400.9/012/Kesos/XI/2026", "BERITA ACARA SERAH TERIMA BANTUAN LANGSUNG TUNAI DANA DESA", D,
        "Tenggarong", "Balai Desa Jahab",
        Party("RINA MARLINA, S.Sos", "Kepala Seksi Kesejahteraan Sosial", "198203152006042011", "Tenggarong"),
        Party("SUPARMAN", "Kepala Desa Jahab", "", "Desa Jahab"),
        "BLT Dana Desa 2026", "Tahap IV (Oktober–Desember 2026)", "Dana Desa",
        "Keputusan Kepala Desa Jahab Nomor 12 Tahun 2026", "uang tunai" if cash else "beras 10 kg", cash,
        "Rp" if cash else "karung", 40, 37, 3, 3, collected_total, due_total, ["Desa Jahab"],
        [Party("H. Abdul Karim", "Ketua BPD Jahab")], CAMAT)
    if not final:
        data.number, data.final = "", False
    return data


def test_bast_text_spelled_date_and_totals():
    texts = pages(bast_bytes(bast(33_300_000, 36_000_000)))
    text = " ".join(texts).replace("\n", " ")
    for expected in (
        "BERITA ACARA SERAH TERIMA", "Nomor: 400.9/012/Kesos/XI/2026",
        "Pada hari ini Minggu tanggal dua puluh dua bulan November tahun dua ribu dua puluh enam "
        "(22-11-2026), bertempat di Balai Desa Jahab, kami yang bertanda tangan di bawah ini:",
        "selanjutnya disebut PIHAK PERTAMA", "selanjutnya disebut PIHAK KEDUA",
        "NIP : 19820315 200604 2 011",
        "Rp33.300.000 (tiga puluh tiga juta tiga ratus ribu rupiah)",
        "Rp36.000.000 (tiga puluh enam juta rupiah)",
        "37 penerima", "3 penerima yang diwakilkan", "3 penerima tidak hadir",
        "Keputusan Kepala Desa Jahab Nomor 12 Tahun 2026",
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.",
        "Saksi-saksi", "H. Abdul Karim", "Camat Tenggarong", "NIP. 19750510 200112 1 016",
    ):
        assert re.sub(r"\s+", " ", expected) in re.sub(r"\s+", " ", text), expected
    # The closing and both parties' signatures share one page, PIHAK KEDUA printed left of PIHAK
    # PERTAMA; the witnesses and the Camat share one too (the next, when the first is full).
    signed = [t for t in texts if "Demikian berita acara" in t]
    assert len(signed) == 1 and all(s in signed[0] for s in ("SUPARMAN", "RINA MARLINA, S.Sos"))
    assert len([t for t in texts if "AHMAD FAUZI" in t and "H. Abdul Karim" in t]) == 1
    assert f"Halaman {len(texts)} dari {len(texts)}" in texts[-1]


def test_meterai_only_above_five_million_cash():
    assert "Meterai" in " ".join(pages(bast_bytes(bast(5_000_001, 5_000_001))))
    assert "Meterai" not in " ".join(pages(bast_bytes(bast(5_000_000, 5_000_000))))
    goods = " ".join(pages(bast_bytes(bast(37, 40, cash=False)))).replace("\n", " ")
    assert "Meterai" not in goods
    assert "sebanyak 37 karung (tiga puluh tujuh karung)" in goods
