"""What every paper Simpul prints shares: the embedded fonts, the paper sizes, the paragraph styles,
the kop surat (letterhead with a double rule), the verification QR, and a canvas that starts in the
embedded font. Letters, rosters, coupons and the BAST all draw with these."""

from __future__ import annotations

import functools
import io
import itertools
import os
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

F4 = (215 * mm, 330 * mm)
PAPERS = {"a4": A4, "f4": F4}
FONT, BOLD, ITALIC = "SimpulSans", "SimpulSans-Bold", "SimpulSans-Italic"
SEPARATOR = " · "  # between the items of the kop's contact line


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


class SimpulCanvas(Canvas):
    """A canvas that starts every page in the embedded font. reportlab otherwise opens each page
    with Helvetica, which is never drawn but makes the PDF list a font it does not embed.
    Platypus passes initialFontName=None explicitly, so a plain default would not do."""

    def __init__(self, *args, **kwargs) -> None:
        register_fonts()
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)


def text(value: object) -> str:
    """Plain text made safe for reportlab's Paragraph markup: "Siti <b>&amp; O'Neil" prints as typed."""
    return escape("" if value is None else str(value))


def nip_groups(nip: str | None) -> str:
    """ "197505102001121016" -> "19750510 200112 1 016" (birth date, TMT, sex, serial)."""
    digits = "".join(c for c in (nip or "") if c.isdigit())
    if len(digits) != 18:
        return nip or ""
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def contact_line(address: str | None, phone: str | None = None, email: str | None = None,
                 website: str | None = None, postal_code: str | None = None) -> str:
    """The kop's contact line as tata naskah dinas writes it; the kop wraps it between items."""
    items = (address, f"Kode Pos {postal_code}" if postal_code else None, f"Telepon {phone}" if phone else None,
             f"Pos-el {email}" if email else None, f"Laman {website}" if website else None)
    return SEPARATOR.join(i.strip() for i in items if i and i.strip())


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


def styles() -> dict[str, ParagraphStyle]:
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


def fitted(line: str, style: ParagraphStyle, width: float, smallest: float = 10) -> ParagraphStyle:
    """A kop line stays on one line: long regency names get a slightly smaller type."""
    size = style.fontSize
    while size > smallest and pdfmetrics.stringWidth(line, style.fontName, size) > width - 4:
        size -= 0.5
    return ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.2)


def contact_markup(line: str, style: ParagraphStyle, width: float) -> str:
    """The contact line broken only between its items (never inside a phone number, an e-mail or a
    web address), with no separator left dangling at a line's end. An item wider than the line
    (a long street address) keeps its own spaces and wraps inside."""
    def width_of(s: str) -> float:
        return pdfmetrics.stringWidth(s, style.fontName, style.fontSize)

    lines: list[list[str]] = []
    for item in (i.strip() for i in line.split(SEPARATOR.strip())):
        if not item:
            continue
        if lines and width_of(SEPARATOR.join([*lines[-1], item])) <= width - 4:
            lines[-1].append(item)
        else:
            lines.append([item])

    def glued(item: str) -> str:
        return text(item) if width_of(item) > width - 4 else text(item).replace(" ", "&nbsp;")
    return "<br/>".join(SEPARATOR.join(glued(i) for i in items) for items in lines)


def continued(canvas: Canvas, doc, label: str) -> None:
    """The line at the top of a continued page of an official paper, in the top margin: which
    paper it continues and the page ("Surat rujukan Nomor 400.9/004/Kesos/XI/2026, halaman 2")."""
    canvas.saveState()
    canvas.setFont(FONT, 8)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawCentredString(doc.leftMargin + doc.width / 2, doc.pagesize[1] - 1 * cm, label)
    canvas.restoreState()


def table_style(*commands: tuple) -> TableStyle:
    """A table style that sets the embedded font first: reportlab otherwise sets Helvetica for
    every cell, even an empty one, and the PDF then lists a font it does not embed."""
    return TableStyle([("FONT", (0, 0), (-1, -1), FONT), *commands])


def kop(data, width: float, st: dict) -> list:
    """The letterhead from anything with government, office, office_address and logo."""
    # With a logo the text is centred in the space right of it, as on printed government letterheads.
    side = 2.5 * cm if data.logo else 0
    text_width = width - side - (0.2 * cm if data.logo else 0)
    lines = [Paragraph(text(data.government), fitted(data.government, st["gov"], text_width)),
             Paragraph(text(data.office), fitted(data.office, st["office"], text_width))]
    if data.office_address:
        lines.append(Paragraph(contact_markup(data.office_address, st["addr"], text_width), st["addr"]))
    logo_cell: object = ""
    if data.logo:
        reader = ImageReader(io.BytesIO(data.logo))
        w, h = reader.getSize()
        size = 2.3 * cm
        logo_cell = Image(io.BytesIO(data.logo), width=size * w / max(w, h), height=size * h / max(w, h))
    table = Table([[logo_cell, lines, ""]], colWidths=[side, text_width, width - side - text_width])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)))
    return [table, Spacer(1, 2), DoubleRule(width), Spacer(1, 10)]


@functools.lru_cache(maxsize=64)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules (error correction M), computed once per text: a letter and its
    copies show the same code."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


class QrCode(Flowable):
    """A QR code drawn straight on the canvas as one path, a rectangle per run of dark modules,
    with the usual four-module quiet zone. reportlab's widget builds a shape per run and encodes
    the text twice (once for its bounds): a few hundred milliseconds per code on a letter."""

    QUIET = 4

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload, self.width, self.height = payload, size, size

    def draw(self) -> None:
        rows = qr_modules(self.payload)
        box = self.width / (len(rows) + 2 * self.QUIET)
        path = self.canv.beginPath()
        for r, row in enumerate(rows):
            col = 0
            for dark, run in itertools.groupby(row):
                n = len(list(run))
                if dark:
                    path.rect((col + self.QUIET) * box, self.height - (r + self.QUIET + 1) * box, n * box, box)
                col += n
        self.canv.saveState()
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()


MIN_MODULE = 0.38 * mm  # smaller, and a phone camera misreads a code printed on an office inkjet


def qr_drawing(payload: str, size: float = 2.6 * cm) -> QrCode:
    """`size`, or larger when a long text (a signed letter's) would make modules under MIN_MODULE."""
    return QrCode(payload, max(size, (len(qr_modules(payload)) + 2 * QrCode.QUIET) * MIN_MODULE))
