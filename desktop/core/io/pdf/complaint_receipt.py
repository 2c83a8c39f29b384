"""The tanda terima of a complaint: one A4 sheet with two identical halves, one for the
complainant and one for the office's file, cut along the dashed line. The number is what the
complainant quotes when asking how it goes; the NIK is masked (the slip travels)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table

from desktop.core.io.dates import long_date
from desktop.core.io.pdf.layout import BOLD, FONT, kop, register_fonts, styles, table_style
from desktop.core.io.pdf.verivali_data import ReceiptData

SUMMARY_LIMIT = 420  # characters: the slip keeps to its half page; the full text is in the register


class CutLine(Flowable):
    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, 14

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setDash(4, 3)
        c.setLineWidth(0.6)
        c.setStrokeColor(colors.grey)
        c.line(0, 7, self.width, 7)
        c.setFont(FONT, 7)
        c.setFillColor(colors.grey)
        c.drawCentredString(self.width / 2, 9, "gunting di sini")
        c.restoreState()


def _half(d: ReceiptData, width: float, st: dict, copy_for: str) -> list:
    small = ParagraphStyle("s", parent=st["base"], fontSize=9.5, leading=12)
    compact = dict(st)
    compact["office"] = ParagraphStyle("o", parent=st["office"], fontSize=13, leading=16)
    compact["gov"] = ParagraphStyle("g", parent=st["gov"], fontSize=11, leading=13)
    out = kop(d.kop, width, compact)[:-1] + [Spacer(1, 4)]
    out += [Paragraph("<u>TANDA TERIMA PENGADUAN</u>", st["title"]),
            Paragraph(f"Nomor: <b>{escape(d.number)}</b>",
                      ParagraphStyle("n", parent=st["base"], alignment=TA_CENTER)),
            Paragraph(f"<i>{escape(copy_for)}</i>", ParagraphStyle("c", parent=small, alignment=TA_CENTER,
                                                                   textColor=colors.grey)), Spacer(1, 6)]
    summary = d.summary if len(d.summary) <= SUMMARY_LIMIT else d.summary[:SUMMARY_LIMIT - 1] + "…"
    rows = [("Diterima", d.received), ("Melalui", d.channel), ("Nama pengadu", d.complainant),
            ("NIK", d.nik or "-"), ("No. HP", d.phone or "-"), ("Alamat", d.address or "-"),
            ("Jenis pengaduan", d.category)]
    if d.concerns:
        rows.append(("Mengenai", d.concerns))
    rows.append(("Isi pengaduan", summary))
    table = Table([[label, ":", Paragraph(escape(value), small)] for label, value in rows],
                  colWidths=[3.2 * cm, 0.4 * cm, width - 3.6 * cm])
    table.setStyle(table_style(("FONTSIZE", (0, 0), (-1, -1), 9.5), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)))
    out.append(table)
    due = f"paling lambat <b>{long_date(d.due_on)}</b>" if d.due_on else "secepatnya"
    ask = f" atau hubungi {escape(d.office_phone)}" if d.office_phone else ""
    out += [Spacer(1, 4), Paragraph(
        f"Pengaduan Anda telah kami catat dan akan ditindaklanjuti {due}. Untuk menanyakan perkembangannya, "
        f"sebutkan nomor di atas kepada petugas{ask}.", small), Spacer(1, 6)]
    centre = ParagraphStyle("sig", parent=small, alignment=TA_CENTER)
    sign = Table([[Paragraph("Pengadu,", centre),
                   Paragraph(f"{escape(d.place)}, {long_date(d.received_on)}<br/>Petugas penerima,", centre)],
                  ["", ""],
                  [Paragraph(f"<b>{escape(d.complainant)}</b>", centre),
                   Paragraph(f"<b>{escape(d.officer)}</b>", centre)]],
                 colWidths=[width / 2, width / 2], rowHeights=[None, 1.3 * cm, None])
    sign.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM")))
    return out + [sign]


def receipt_bytes(d: ReceiptData) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=0.9 * cm,
                            bottomMargin=0.8 * cm, initialFontName=FONT, title=f"Tanda terima {d.number}",
                            author=d.kop.office)
    width = doc.width - 12
    st = styles()
    story = _half(d, width, st, "Lembar untuk pengadu")
    story += [Spacer(1, 8), CutLine(width), Spacer(1, 6)]
    story += _half(d, width, st, "Lembar arsip kantor")
    doc.build(story)
    return buffer.getvalue()


__all__ = ["BOLD", "receipt_bytes"]
