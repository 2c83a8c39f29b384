"""The verivali worksheet (lembar kerja) an officer takes to the field: F4 landscape, the code
legend on top, the families grouped by RT with name, NIK, KK and address, an empty box for the
result code and room for a remark (or the right NIK/KK), and the signatures at the end."""

from __future__ import annotations

import io
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from desktop.core.io.dates import long_date
from desktop.core.io.pdf.layout import BOLD, FONT, PAPERS, kop, register_fonts, styles, table_style
from desktop.core.io.pdf.paging import PagedCanvas
from desktop.core.io.pdf.verivali_data import WorksheetData

GRID = colors.Color(0.35, 0.35, 0.35)
SHADE = colors.Color(0.9, 0.9, 0.9)


def _info(d: WorksheetData, width: float, st: dict) -> Table:
    rows = [["Desa/Kelurahan", ":", d.desa, "Putaran", ":", d.round_name],
            ["Kecamatan", ":", d.kecamatan, "Batas waktu", ":", long_date(d.deadline) if d.deadline else "-"],
            ["Petugas", ":", d.officer or "." * 40, "Jumlah keluarga", ":",
             str(sum(1 for g in d.groups for ln in g.lines if not ln.member))]]
    table = Table(rows, colWidths=[3.2 * cm, 0.4 * cm, width / 2 - 3.6 * cm, 3.2 * cm, 0.4 * cm, width / 2 - 3.6 * cm])
    table.setStyle(table_style(("FONTSIZE", (0, 0), (-1, -1), 10), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)))
    return table


def _legend(d: WorksheetData, width: float) -> Table:
    cells = [f"{key} = {text}" for key, text in d.codes]
    half = (len(cells) + 1) // 2
    rows = [["Kode hasil:", *cells[:half]], ["", *cells[half:], *[""] * (2 * half - len(cells))]]
    first = 2.2 * cm
    table = Table(rows, colWidths=[first] + [(width - first) / half] * half)
    table.setStyle(table_style(("FONTSIZE", (0, 0), (-1, -1), 9), ("FONT", (0, 0), (0, 0), BOLD, 9),
                               ("BOX", (0, 0), (-1, -1), 0.6, GRID), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                               ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)))
    return table


def _table(d: WorksheetData, width: float) -> Table:
    small = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=10.5)
    note = ParagraphStyle("note", parent=small, fontSize=7.5, leading=9, textColor=colors.Color(0.5, 0.1, 0.1))
    widths = [1.0 * cm, 5.6 * cm, 3.5 * cm, 3.5 * cm, 5.4 * cm, 1.2 * cm, 1.5 * cm]
    widths.append(width - sum(widths))
    rows: list[list] = [["No", "Nama kepala keluarga / anggota", "NIK", "No. KK", "Alamat", "Jml\nART",
                         "Kode\nhasil", "Keterangan / NIK-KK yang benar"]]
    commands = [("FONT", (0, 0), (-1, 0), BOLD, 8.5), ("FONTSIZE", (0, 1), (-1, -1), 9),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("ALIGN", (0, 1), (0, -1), "RIGHT"), ("ALIGN", (5, 1), (5, -1), "CENTER")]
    for group in d.groups:
        r = len(rows)
        heading = f"RT {group.rt}" + (f" / RW {group.rw}" if group.rw else "") if group.rt else "RT tidak tercatat"
        families = sum(1 for ln in group.lines if not ln.member)
        rows.append([f"{heading}  ·  {families} keluarga", "", "", "", "", "", "", ""])
        commands += [("SPAN", (0, r), (-1, r)), ("FONT", (0, r), (-1, r), BOLD, 9),
                     ("BACKGROUND", (0, r), (-1, r), colors.Color(0.96, 0.96, 0.96)), ("ALIGN", (0, r), (-1, r), "LEFT")]
        for ln in group.lines:
            name = ("\u2003– anggota: " if ln.member else "") + escape(ln.name)
            cell = [Paragraph(name, small)]
            if ln.silang:
                cell.append(Paragraph(f"Silang data: {escape(ln.silang)}", note))
            rows.append([str(ln.no) if not ln.member else "", cell, ln.nik or "-", ln.no_kk or "-",
                         Paragraph(escape(ln.address), small), str(ln.members) if not ln.member else "", "", ""])
            commands.append(("BOX", (6, len(rows) - 1), (6, len(rows) - 1), 1.2, colors.black))
    table = Table(rows, colWidths=widths, repeatRows=1, minRowHeights=[0] + [0.95 * cm] * (len(rows) - 1))
    table.setStyle(table_style(*commands))
    return table


def _signatures(d: WorksheetData, width: float, st: dict) -> Table:
    centre = ParagraphStyle("c", parent=st["base"], alignment=1, fontSize=10, leading=13)
    left = [Paragraph("Petugas Verifikasi,", centre), Spacer(1, 1.8 * cm),
            Paragraph(f"<b><u>{escape(d.officer)}</u></b>" if d.officer else "(" + "." * 40 + ")", centre)]
    head_lines = escape(d.head.heading).replace("\n", "<br/>")
    right = [Paragraph(f"{escape(d.place)}, " + "." * 24, centre), Paragraph(head_lines, centre),
             Spacer(1, 1.8 * cm - 13),
             Paragraph(f"<b><u>{escape(d.head.name)}</u></b>" if d.head.name else "(" + "." * 40 + ")", centre)]
    table = Table([[left, "", right]], colWidths=[width * 0.35, width * 0.3, width * 0.35])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM")))
    return table


def worksheet_bytes(data: WorksheetData, paper: str = "f4") -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(PAPERS[paper]), leftMargin=1.5 * cm, rightMargin=1.5 * cm,
                            topMargin=1.2 * cm, bottomMargin=1.6 * cm, initialFontName=FONT,
                            title=f"Lembar kerja verivali {data.desa} {data.round_name}", author=data.kop.office)
    width = doc.width - 12
    st = styles()
    story = kop(data.kop, width, st)
    story += [Paragraph("LEMBAR KERJA VERIFIKASI DAN VALIDASI DATA TERPADU KESEJAHTERAAN SOSIAL", st["title"]),
              Spacer(1, 8), _info(data, width, st), Spacer(1, 6), _legend(data, width), Spacer(1, 6),
              _table(data, width), Spacer(1, 6),
              Paragraph("Isi kotak <b>Kode hasil</b> dengan satu angka. Untuk kode 7 tulis NIK/No. KK yang benar; "
                        "untuk kode 2–6 tulis alasannya di kolom keterangan.",
                        ParagraphStyle("hint", parent=st["small"], fontSize=8.5)),
              Spacer(1, 10), KeepTogether([_signatures(data, width, st)])]
    footer = f"Lembar kerja verivali · {data.desa} · {data.round_name}" + (f" · {data.officer}" if data.officer else "")
    doc.build(story, canvasmaker=partial(PagedCanvas, footer=footer, margin=doc.leftMargin, footer_y=0.8 * cm))
    return buffer.getvalue()
