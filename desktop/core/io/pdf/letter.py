"""The referral letter (surat rujukan) as an Indonesian government office prints it: kop with the
regional emblem and a double rule, place and date, Nomor/Sifat/Lampiran/Hal, "Yth." addressee,
body with the person's identity, a signature block that never stands alone on a page, a QR code
that proves the letter, tembusan, and a reply slip on the second page. Fonts are embedded."""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.io.dates import long_date

F4 = (215 * mm, 330 * mm)
PAPERS = {"a4": A4, "f4": F4}
FONT, BOLD, ITALIC = "SimpulSans", "SimpulSans-Bold", "SimpulSans-Italic"


def register_fonts() -> None:
    """Bitstream Vera, shipped with reportlab on every platform, embedded in the PDF."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    import reportlab

    folder = Path(os.path.dirname(reportlab.__file__)) / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "VeraBd.ttf")))
    pdfmetrics.registerFont(TTFont(ITALIC, str(folder / "VeraIt.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


@dataclass
class LetterData:
    government: str
    office: str
    office_address: str
    logo: bytes | None
    place: str
    letter_date: dt.date
    number: str
    sifat: str
    lampiran: str
    hal: str
    addressee: str
    city: str | None
    opening: str
    identity: list[tuple[str, str]]
    problem: str | None
    need: str
    documents: list[str]
    closing: str
    signer: dict
    tembusan: list[str] = field(default_factory=list)
    qr: str | None = None
    person_name: str = ""
    draft: bool = False  # not signed yet: every page says KONSEP so it is never sent by mistake


def nip_groups(nip: str | None) -> str:
    """ "197505102001121016" -> "19750510 200112 1 016" (birth date, TMT, sex, serial)."""
    digits = "".join(c for c in (nip or "") if c.isdigit())
    if len(digits) != 18:
        return nip or ""
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


class DoubleRule(Flowable):
    """The thick-and-thin line under a kop surat."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, 5

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(2.2)
        c.line(0, 4, self.width, 4)
        c.setLineWidth(0.6)
        c.line(0, 0.5, self.width, 0.5)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=11, leading=14)
    return {
        "base": base,
        "just": ParagraphStyle("just", parent=base, alignment=TA_JUSTIFY),
        "gov": ParagraphStyle("gov", parent=base, fontName=BOLD, fontSize=12.5, leading=15, alignment=TA_CENTER),
        "office": ParagraphStyle("office", parent=base, fontName=BOLD, fontSize=16, leading=20, alignment=TA_CENTER),
        "addr": ParagraphStyle("addr", parent=base, fontSize=9, leading=11, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=11),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=12, alignment=TA_CENTER),
    }


def _fitted(text: str, style: ParagraphStyle, width: float, smallest: float = 10) -> ParagraphStyle:
    """A kop line stays on one line: long regency names get a slightly smaller type."""
    size = style.fontSize
    while size > smallest and pdfmetrics.stringWidth(text, style.fontName, size) > width - 4:
        size -= 0.5
    return ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.2)


def _kop(data: LetterData, width: float, st: dict) -> list:
    # With a logo the text is centred in the space right of it, as on printed government letterheads.
    side = 2.5 * cm if data.logo else 0
    text_width = width - side - (0.2 * cm if data.logo else 0)
    lines = [Paragraph(data.government, _fitted(data.government, st["gov"], text_width)),
             Paragraph(data.office, _fitted(data.office, st["office"], text_width))]
    if data.office_address:
        lines.append(Paragraph(data.office_address, st["addr"]))
    logo_cell: object = ""
    if data.logo:
        reader = ImageReader(io.BytesIO(data.logo))
        w, h = reader.getSize()
        size = 2.3 * cm
        logo_cell = Image(io.BytesIO(data.logo), width=size * w / max(w, h), height=size * h / max(w, h))
    table = Table([[logo_cell, lines, ""]], colWidths=[side, text_width, width - side - text_width])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [table, Spacer(1, 2), DoubleRule(width), Spacer(1, 10)]


def _qr(text: str, size: float = 2.6 * cm) -> Drawing:
    widget = QrCodeWidget(text, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def _signature(data: LetterData, width: float, st: dict) -> Table:
    s = data.signer
    lines = []
    if s.get("an"):
        lines.append(Paragraph(f"a.n. {s['an']},", st["base"]))
    lines.append(Paragraph(f"{s.get('jabatan') or ''},", st["base"]))
    lines.append(Spacer(1, 1.8 * cm))
    lines.append(Paragraph(f"<u><b>{s.get('name') or '.' * 40}</b></u>", st["base"]))
    if s.get("pangkat"):
        lines.append(Paragraph(s["pangkat"], st["base"]))
    if s.get("nip"):
        lines.append(Paragraph(f"NIP. {nip_groups(s['nip'])}", st["base"]))
    qr_cell: object = _qr(data.qr) if data.qr else ""
    caption = Paragraph("Keaslian surat dapat diperiksa dengan memindai kode ini di aplikasi Simpul kantor "
                        "pengirim.", st["small"]) if data.qr else ""
    left: object = [qr_cell, caption] if data.qr else ""  # a draft has no code yet
    table = Table([[left, lines]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _reply_slip(data: LetterData, width: float, st: dict) -> list:
    rows = [
        ["Nomor surat rujukan", f": {data.number}"],
        ["Nama yang dirujuk", f": {data.person_name}"],
        ["Diterima tanggal", ": ......................................................"],
        ["Diterima oleh (nama, jabatan)", ": ......................................................"],
        ["Layanan yang diberikan", ": ......................................................"],
        ["", "  ......................................................"],
        ["Saran tindak lanjut", ": ......................................................"],
    ]
    table = Table(rows, colWidths=[6.6 * cm, width - 6.6 * cm])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 11), ("BOTTOMPADDING", (0, 0), (-1, -1), 9)]))
    sign = Table([["", [Paragraph("......................., ........................", st["base"]),
                        Paragraph("Petugas penerima,", st["base"]), Spacer(1, 2 * cm),
                        Paragraph("(.......................................)", st["base"])]]],
                 colWidths=[width * 0.5, width * 0.5])
    return [Paragraph("LEMBAR BALASAN RUJUKAN", st["title"]), Spacer(1, 4),
            Paragraph(f"Mohon diisi oleh lembaga penerima dan dikembalikan kepada {data.office.title()}.",
                      st["small"]), Spacer(1, 12), table, Spacer(1, 20), sign]


def render_letter(data: LetterData, target: Path | io.BytesIO, paper: str = "f4") -> None:
    register_fonts()
    pagesize = PAPERS[paper]
    doc = SimpleDocTemplate(str(target) if isinstance(target, Path) else target, pagesize=pagesize,
                            leftMargin=3 * cm, rightMargin=2 * cm, topMargin=1.2 * cm, bottomMargin=2.2 * cm,
                            title=f"Surat rujukan {data.number}", author=data.office, subject=data.hal)
    width = doc.width - 12  # the frame pads 6 pt each side; wider tables would stick out to the left
    st = _styles()
    story = _kop(data, width, st)
    story.append(Paragraph(f"{data.place}, {long_date(data.letter_date)}", ParagraphStyle(
        "date", parent=st["base"], alignment=2)))
    story.append(Spacer(1, 6))
    meta = Table([["Nomor", ":", data.number], ["Sifat", ":", data.sifat], ["Lampiran", ":", data.lampiran],
                  ["Hal", ":", Paragraph(data.hal, st["base"])]], colWidths=[2.3 * cm, 0.4 * cm, width - 2.7 * cm])
    meta.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 11), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    story += [meta, Spacer(1, 12)]
    story.append(Paragraph(f"Yth. {data.addressee}", st["base"]))
    story.append(Paragraph("di –", st["base"]))
    story.append(Paragraph(f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;{data.city or ''}", st["base"]))
    story.append(Spacer(1, 12))
    for para in data.opening.split("\n\n"):
        story += [Paragraph(para.replace("\n", "<br/>"), st["just"]), Spacer(1, 6)]
    ident = Table([[label, ":", Paragraph(value or "-", st["base"])] for label, value in data.identity],
                  colWidths=[5.2 * cm, 0.4 * cm, width - 5.6 * cm])
    ident.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 11), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (0, -1), 1 * cm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    story += [ident, Spacer(1, 8)]
    if data.problem:
        story += [Paragraph(f"<b>Permasalahan:</b> {data.problem}", st["just"]), Spacer(1, 4)]
    story += [Paragraph(f"<b>Layanan yang dibutuhkan:</b> {data.need}", st["just"]), Spacer(1, 4)]
    if data.documents:
        story.append(Paragraph("<b>Dokumen terlampir:</b> " + ", ".join(data.documents) + ".", st["just"]))
        story.append(Spacer(1, 4))
    # The closing sentence and the signature travel together: a signature never opens a page alone.
    story.append(KeepTogether([Spacer(1, 4), Paragraph(data.closing, st["just"]), Spacer(1, 10),
                               _signature(data, width, st)]))
    if data.tembusan:
        items = [Paragraph("Tembusan:", st["small"])]
        items += [Paragraph(f"{i}. {t}", st["small"]) for i, t in enumerate(data.tembusan, 1)]
        story += [Spacer(1, 8), KeepTogether(items)]
    story += [PageBreak(), *_kop(data, width, st), *_reply_slip(data, width, st)]
    page = _draft_page if data.draft else _footer
    doc.build(story, onFirstPage=page, onLaterPages=page)


def _draft_page(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(BOLD, 110)
    canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
    canvas.translate(doc.pagesize[0] / 2, doc.pagesize[1] / 2)
    canvas.rotate(50)
    canvas.drawCentredString(0, -35, "KONSEP")
    canvas.restoreState()
    _footer(canvas, doc)


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 7)
    canvas.setFillColor(colors.grey)
    canvas.drawString(doc.leftMargin, 1.2 * cm, f"Dicetak dengan Simpul · halaman {doc.page}")
    canvas.restoreState()


def letter_bytes(data: LetterData, paper: str = "f4") -> bytes:
    buffer = io.BytesIO()
    render_letter(data, buffer, paper)
    return buffer.getvalue()


def write_pdf(content: bytes, path: Path | str) -> Path:
    """Write beside the target, then replace it in one step: a full disk or a PDF open in a viewer
    never leaves half a letter behind."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(content)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
