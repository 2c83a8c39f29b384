"""The kunjungan rumah form the officer takes to the house: kop, who is visited (the household and
its members), why, by whom and by when, then the house-and-assets checklist after the DTSEN ground
check with boxes to tick, lines for what was found and what to do next, and the signatures of the
officer and the head of household. A4 portrait, one sheet where the household is small.
A visit already recorded prints with its answers ticked (the office's copy)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from functools import partial

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from desktop.core.domain import house
from desktop.core.io.dates import long_date
from desktop.core.io.pdf.layout import A4, BOLD, FONT, kop, register_fonts, table_style, text
from desktop.core.io.pdf.paging import PagedCanvas
from desktop.core.io.pdf.work_common import GRID, Kop, grid, small_styles

PER_ROW = 4  # options on one line of the checklist


class Box(Flowable):
    """A square to tick (the embedded font has no ☐), crossed when the answer is recorded."""

    def __init__(self, ticked: bool = False, size: float = 0.32 * cm) -> None:
        super().__init__()
        self.ticked, self.width, self.height = ticked, size, size

    def draw(self) -> None:
        c, s = self.canv, self.width
        c.setLineWidth(0.7)
        c.rect(0, 0, s, s)
        if self.ticked:
            c.setLineWidth(1.2)
            c.line(1.5, 1.5, s - 1.5, s - 1.5)
            c.line(1.5, s - 1.5, s - 1.5, 1.5)


@dataclass
class Member:
    name: str
    nik: str
    relation: str  # "Kepala Keluarga", "Istri", …
    sex: str  # "L" / "P"
    age: str  # "54" or ""


@dataclass
class VisitForm:
    kop: Kop
    number: str  # "KR-2026-000123": the visit's id, to find it again when the form comes back
    purpose: str  # in words
    due_date: dt.date
    officer: str
    officer_role: str  # "TKSK", "PSM", "" when unknown
    reason: str
    visited: str  # the person (or family head) visited
    nik: str
    no_kk: str
    address: str  # street, RT/RW, dusun
    desa: str
    kecamatan: str
    ppks: list[str] = field(default_factory=list)  # the household's PPKS categories, in words
    referral: str = ""  # the referral's letter number it follows up
    members: list[Member] = field(default_factory=list)
    checklist: dict | None = None  # the recorded answers of a done visit
    result: str = ""
    recommendation: str = ""
    visited_on: dt.date | None = None
    place: str = ""  # where the office is (the date line)


def visit_form_pdf(form: VisitForm) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2 * cm, rightMargin=1.8 * cm, topMargin=1.0 * cm,
                            bottomMargin=1.3 * cm, initialFontName=FONT, author=form.kop.office,
                            title=f"Formulir kunjungan rumah {form.number}")
    width = doc.width - 6
    st = small_styles(9)
    st["h1"] = ParagraphStyle("vh1", parent=st["h1"], fontSize=10, leading=12, spaceBefore=6, spaceAfter=3)
    centre = ParagraphStyle("vc", parent=st["title"], fontSize=12.5, leading=15, alignment=TA_CENTER)
    story = kop(form.kop, width, st)
    story += [Paragraph("FORMULIR KUNJUNGAN RUMAH", centre),
              Paragraph(f"Nomor: {text(form.number)}", ParagraphStyle("vn", parent=st["base"], fontSize=9.5,
                                                                     alignment=TA_CENTER)), Spacer(1, 2)]
    story += _identity(form, st, width)
    story += _members(form, st, width)
    story += _checklist(form, st, width)
    story += _notes(form, st, width, _signatures(form, st, width))
    doc.build(story, canvasmaker=partial(PagedCanvas, footer=f"Formulir kunjungan rumah {form.number} · "
                                                            f"{form.visited}", margin=doc.leftMargin,
                                         footer_y=0.7 * cm))
    return buffer.getvalue()


def _pairs(rows: list[tuple[str, str]], st: dict, width: float) -> Table:
    label = ParagraphStyle("vl", parent=st["base"], fontSize=9.5, leading=12)
    table = Table([[Paragraph(text(a), label), ":", Paragraph(text(b) or "-", label)] for a, b in rows],
                  colWidths=[3.6 * cm, 0.3 * cm, width - 3.9 * cm])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("FONT", (0, 0), (-1, -1), FONT, 9.5),
                               ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)))
    return table


def _identity(form: VisitForm, st: dict, width: float) -> list:
    half = width / 2 - 4
    who = [("Yang dikunjungi", form.visited), ("NIK", form.nik), ("Nomor KK", form.no_kk),
           ("Alamat", form.address), ("Desa/Kelurahan", form.desa), ("Kecamatan", form.kecamatan)]
    why = [("Tujuan kunjungan", form.purpose), ("Alasan", form.reason), ("Petugas", form.officer),
           ("Jatuh tempo", long_date(form.due_date)), ("Kategori PPKS", ", ".join(form.ppks))]
    if form.referral:
        why.append(("Tindak lanjut rujukan", form.referral))
    both = Table([[_pairs(who, st, half), _pairs(why, st, half)]], colWidths=[half + 8, half])
    both.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("BOX", (0, 0), (-1, -1), 0.4, GRID),
                              ("LINEAFTER", (0, 0), (0, 0), 0.4, GRID), ("TOPPADDING", (0, 0), (-1, -1), 3),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 3)))
    return [Paragraph("A. IDENTITAS DAN TUJUAN KUNJUNGAN", st["h1"]), both]


def _members(form: VisitForm, st: dict, width: float) -> list:
    if not form.members:
        return []
    rows = [["No", "Nama anggota keluarga", "NIK", "Hubungan", "L/P", "Umur", "Ada di rumah"]]
    rows += [[str(i), Paragraph(text(m.name), st["cell"]), m.nik or "-", Paragraph(text(m.relation), st["cell"]),
              m.sex, m.age, Box()] for i, m in enumerate(form.members, 1)]
    table = grid(rows, [0.8 * cm, 5.6 * cm, 3.4 * cm, 3.0 * cm, 0.9 * cm, 1.1 * cm, width - 14.8 * cm], size=8.5,
                 align_from=99)
    table.setStyle(table_style(("FONT", (0, 0), (-1, 0), BOLD, 8.5), ("ALIGN", (4, 1), (-1, -1), "CENTER")))
    return [Paragraph("B. ANGGOTA KELUARGA (periksa dan beri tanda pada yang ada di rumah)", st["h1"]), table]


def _options(q: house.Question, chosen: set, cell: ParagraphStyle, width: float) -> Table:
    """The answers of one question as boxes with their words, PER_ROW to a line."""
    word = width / PER_ROW - 0.5 * cm

    def fitted(w: str) -> str:  # a long "Bambu/anyaman" breaks after its slash, not inside a word
        return text(w).replace("/", "/ ") if stringWidth(w, FONT, cell.fontSize) > word - 2 else text(w)

    pairs = [[Box(code in chosen), Paragraph(fitted(w), cell)] for code, w in q.options]
    pairs += [["", ""]] * (-len(pairs) % PER_ROW)
    rows = [sum(pairs[i:i + PER_ROW], []) for i in range(0, len(pairs), PER_ROW)]
    table = Table(rows, colWidths=[0.5 * cm, word] * PER_ROW)
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)))
    return table


def _checklist(form: VisitForm, st: dict, width: float) -> list:
    answers = form.checklist or {}
    cell = ParagraphStyle("vk", parent=st["base"], fontSize=8, leading=9.5)
    head = ParagraphStyle("vh", parent=st["base"], fontSize=9, leading=11)
    inner = width - 4.2 * cm - 12
    rows = []
    for q in house.CHECKLIST:
        picked = answers.get(q.key) or ([] if q.many else None)
        chosen = set(picked) if q.many else {picked}
        hint = "<br/>(boleh lebih dari satu)" if q.many else ""
        rows.append([Paragraph(f"<b>{text(q.label)}</b>{hint}", head), _options(q, chosen, cell, inner)])
    numbers = "&nbsp;&nbsp;&nbsp;&nbsp; ".join(
        f"{text(label)}: " + (f"<b>{answers[key]}</b>" if key in answers else "." * 16)
        for key, label in house.NUMBERS)
    rows.append([Paragraph("<b>Ukuran rumah</b>", head), Paragraph(numbers, head)])
    table = Table(rows, colWidths=[4.2 * cm, width - 4.2 * cm])
    table.setStyle(table_style(("GRID", (0, 0), (-1, -1), 0.4, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)))
    return [Paragraph("C. KONDISI RUMAH DAN ASET (beri tanda silang pada kotak yang sesuai)", st["h1"]), table]


def _lines(filled: str, count: int, st: dict, width: float) -> list:
    """Ruled lines to write on, or the recorded text when the visit is done."""
    if filled:
        return [Paragraph(text(filled), ParagraphStyle("vf", parent=st["base"], fontSize=9.5, leading=13))]
    table = Table([[""] for _ in range(count)], colWidths=[width], rowHeights=[0.58 * cm] * count)
    table.setStyle(table_style(("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID, None, (1, 2))))
    return [table]


def _notes(form: VisitForm, st: dict, width: float, signed: Table) -> list:
    """What was found and what next; the signatures never stand alone on a page."""
    return [KeepTogether([Paragraph("D. HASIL KUNJUNGAN", st["h1"]), *_lines(form.result, 3, st, width)]),
            KeepTogether([Paragraph("E. REKOMENDASI / TINDAK LANJUT", st["h1"]),
                          *_lines(form.recommendation, 2, st, width), Spacer(1, 6), signed])]


def _signatures(form: VisitForm, st: dict, width: float) -> Table:
    """The officer's and the household's signatures, compact so a small household's form stays one sheet."""
    centre = ParagraphStyle("vs", parent=st["base"], fontSize=9.5, leading=12, alignment=TA_CENTER)
    when = (f"{form.place}, {long_date(form.visited_on)}" if form.visited_on
            else f"{form.place or '.' * 20}, {'.' * 30}")
    role = f" ({form.officer_role})" if form.officer_role else ""
    rows = [["", Paragraph(text(when), centre)],
            [Paragraph(f"Petugas yang berkunjung{text(role)},", centre),
             Paragraph("Kepala keluarga / yang dikunjungi,", centre)],
            ["", ""],
            [Paragraph(f"<b><u>{text(form.officer)}</u></b>", centre), Paragraph("." * 45, centre)]]
    table = Table(rows, colWidths=[width / 2, width / 2], rowHeights=[None, None, 1.3 * cm, None])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)))
    return table
