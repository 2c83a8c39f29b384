"""How the distribution papers fall on the page (issue 13, items 6 and 8, as rendered and looked
at): a signer's name never breaks inside itself and side-by-side names share one size; the BAST
fills its first page and never opens one with "Demikian"; a continued page says whose it is;
the roster's continuation heading is short, no desa's last page holds a lone row above the
signatures, and in portrait the name column, not the thumbprint, gets the room."""

import io
import re

import pypdf
import pytest
from reportlab.lib.units import cm

from desktop.core.io.pdf.aid_data import Party
from desktop.core.io.pdf.bast import bast_bytes
from desktop.core.io.pdf.layout import BOLD, PAPERS, register_fonts
from desktop.core.io.pdf.paging import name_and_titles, signer_markup, signer_size, unbroken
from desktop.core.io.pdf.roster import _Roster, roster_bytes
from desktop.core.io.pdf.roster_columns import Columns
from tests.io.test_aid_pdf import SIGNATURE, bast, desa_pages, pages, roster

NBSP = "\u00a0"
KADES = "H. Muhammad Yusuf Daeng Mattiro, S.Sos., M.A.P."
TKSK = "Siti Rahmawati, S.Sos."
NAME_80 = "Andi Muhammad Nur'aini Daeng Mappaseré Karaeng Lompo bin Abdul Rahman Syamsuddin"[:80]


def lines(content: bytes) -> list[list[str]]:
    """Each page's text lines, spaces normalised (no-break spaces read as spaces)."""
    return [[" ".join(line.replace(NBSP, " ").split()) for line in text.split("\n")] for text in pages(content)]


def sizes_of(content: bytes, words: tuple[str, ...]) -> dict[str, set[float]]:
    """The type sizes the given words are drawn in, on any page."""
    found: dict[str, set[float]] = {w: set() for w in words}
    for page in pypdf.PdfReader(io.BytesIO(content)).pages:
        def visit(text, cm_, tm, font, size):
            for w in words:
                if w in text.replace(NBSP, " "):
                    found[w].add(round(size * tm[0], 2))
        page.extract_text(visitor_text=visit)
    return found


# -- signers' names ---------------------------------------------------------------------------------------

def test_a_name_may_break_only_between_the_name_and_its_degrees():
    assert name_and_titles("Drs. H. Ahmad Rifani, M.Si.") == ("Drs. H. Ahmad Rifani,", "M.Si.")
    assert name_and_titles("Rudi Hartono") == ("Rudi Hartono", "")
    glued = unbroken("Muhammad Ridwan Syahputra, S.STP., M.Si.")
    assert glued == f"Muhammad{NBSP}Ridwan{NBSP}Syahputra, S.STP.,{NBSP}M.Si."
    assert glued.count(" ") == 1  # the one place a line may end
    register_fonts()
    # Side by side, two names get one size: the size at which the longer breaks only once.
    size = signer_size([KADES, TKSK], BOLD, 11, 220, 8.5)
    assert size == signer_size([TKSK, KADES], BOLD, 11, 220, 8.5) and 8.5 < size < 11
    assert signer_size([TKSK], BOLD, 11, 220, 8.5) == 11
    # A name proper wider than the line keeps its spaces rather than run off the paper.
    assert NBSP not in signer_markup(NAME_80 + ", S.Sos.", BOLD, 8, 100)
    assert "&lt;b&gt;" in signer_markup("<b>, S.H.", BOLD, 8, 100)


@pytest.mark.parametrize("paper", ["f4", "a4"])
def test_the_bast_parties_names_share_one_size_and_never_break_inside(paper):
    data = bast(44_100_000, 46_800_000)
    data.first = Party(TKSK, "TKSK Kecamatan", "", "Jl. Wolter Monginsidi No. 1")
    data.second = Party(KADES, "Kepala Desa Rapak Lambur", "", "Kantor Desa Rapak Lambur")
    content = bast_bytes(data, paper)
    text = [line for page in lines(content) for line in page]
    assert "H. Muhammad Yusuf Daeng Mattiro, S.Sos., M.A.P." in text or (
        "H. Muhammad Yusuf Daeng Mattiro," in text and "S.Sos., M.A.P." in text)
    assert not any(line.endswith("S.Sos.,") for line in text)
    found = sizes_of(content, ("Mattiro", "Rahmawati"))
    # The party rows above print the names at 11 pt too: the signatures' size is the smaller one.
    assert min(found["Mattiro"]) == min(found["Rahmawati"])


# -- the BAST's page flow --------------------------------------------------------------------------------

LAST_STATEMENT = "merupakan bagian yang tidak terpisahkan"


@pytest.mark.parametrize("words", range(0, 140, 12))
def test_the_bast_closing_stays_with_both_signatures_and_never_opens_a_page(words):
    data = bast(44_100_000, 46_800_000)
    data.basis = "Keputusan Kepala Desa Jahab Nomor 12 Tahun 2026 " + "tentang penetapan penerima " * (words // 3)
    texts = [" ".join(t.split()) for t in pages(bast_bytes(data))]
    closing = [i for i, t in enumerate(texts) if "Demikian berita acara" in t]
    assert len(closing) == 1, words
    page = texts[closing[0]]
    assert "SUPARMAN" in page and "RINA MARLINA, S.Sos" in page, words
    assert LAST_STATEMENT in page, words  # a statement comes along: the page does not open on "Demikian"
    camat = [t for t in texts if "AHMAD FAUZI" in t]
    assert len(camat) == 1 and "Saksi-saksi" in camat[0], words  # the Camat never stands alone
    for n, text in enumerate(texts[1:], 2):
        assert f"Berita acara Nomor 400.9/012/Kesos/XI/2026, halaman {n}" in text


def test_the_bast_uses_its_first_page_before_moving_the_witnesses_on():
    """The demo's event: the Camat and the witness do not fit under the parties; the closing and
    both parties' signatures stay on page 1 rather than leave a third of it empty."""
    data = bast(44_100_000, 46_800_000)
    data.first = Party(TKSK, "TKSK Kecamatan", "", "Jl. Wolter Monginsidi No. 1")
    data.second = Party(KADES, "Kepala Desa Rapak Lambur", "", "Kantor Desa Rapak Lambur")
    texts = pages(bast_bytes(data))
    assert len(texts) == 2
    assert "Demikian berita acara" in texts[0] and "Rahmawati" in texts[0]
    assert "Saksi-saksi" in texts[1] and "AHMAD FAUZI" in texts[1]
    provisional = bast(44_100_000, 46_800_000, final=False)
    assert "Berita acara sementara, halaman 2" in pages(bast_bytes(provisional))[-1]


# -- the roster --------------------------------------------------------------------------------------------

def test_the_rosters_continuation_heading_is_short():
    data = roster((("Jahab", 40),))
    for landscape in (True, False):
        texts = lines(roster_bytes(data, "a4", landscape=landscape))
        headings = [line for page in texts[1:] for line in page if "(lanjutan)" in line]
        assert len(headings) == len(texts) - 1
        assert all(h == "DAFTAR PENERIMA BANTUAN LANGSUNG TUNAI DANA DESA \u2013 DESA JAHAB (lanjutan)"
                   for h in headings), headings


@pytest.mark.parametrize(("paper", "landscape"), [("f4", True), ("a4", False)])
def test_no_lone_row_above_the_signatures(paper, landscape):
    size = PAPERS[paper][::-1] if landscape else PAPERS[paper]
    moved = 0
    for n in range(3, 45):
        data = roster((("Jahab", n),))
        plan = _Roster(data, size).plan(data.groups[0])
        last = plan[-1]
        assert last.last and len(last.rows) != 1, (n, [len(p.rows) for p in plan])
        assert all(p.rows for p in plan[:-1]), n
        moved += len(plan) > 1 and len(last.rows) == 2
    assert moved  # the rule was put to work: two rows went over with the signatures
    texts = pages(roster_bytes(data, paper, landscape=landscape))  # and the paper is as planned
    assert [len(SIGNATURE.findall(t)) for t in texts] == [len(p.rows) for p in plan]


def test_portrait_gives_the_name_the_room_not_the_thumbprint():
    register_fonts()
    data = roster((("Jahab", 3),), name=NAME_80)
    for paper in ("f4", "a4"):
        width = PAPERS[paper][0] - 2 * 1.3 * cm
        cols = Columns(data, width, portrait=True)
        widths = dict(zip(cols.keys, cols.widths))
        assert widths["name"] > 2 * widths["thumb"] and widths["thumb"] <= 1.6 * cm
        assert widths["sign_l"] + widths["sign_r"] >= 3 * cm - 0.01  # still room to sign
        assert len(cols.row(data.groups[0].rows[0])[0][cols.at["name"]].split("\n")) <= 4, paper
    texts = pages(roster_bytes(data, "a4", landscape=False))
    assert NAME_80 in re.sub(r"\s+", " ", texts[0])  # wrapped, all of it there
    assert desa_pages(data, texts)["Jahab"] == [0]
