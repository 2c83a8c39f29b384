"""Page furniture shared by the PSKS-work papers (monthly report, TKSK report, visit form): the
kop data, grid tables with a heading row, section headings and signature blocks. Built on
desktop.core.io.pdf.layout; no database here."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table

from desktop.core.i18n import number
from desktop.core.io.pdf.layout import BOLD, FONT, nip_groups, styles, table_style, text
from desktop.core.io.pdf.paging import unbroken

GRID = colors.Color(0.35, 0.35, 0.35)
HEAD = colors.Color(0.88, 0.92, 0.90)
TOTAL = colors.Color(0.95, 0.95, 0.95)


@dataclass
class Kop:
    government: str
    office: str
    office_address: str
    logo: bytes | None = None


@dataclass
class Sign:
    heading: list[str]  # ["Mengetahui,", "Camat Tenggarong"]
    name: str = ""
    nip: str = ""
    pangkat: str = ""


def small_styles(size: float = 8) -> dict[str, ParagraphStyle]:
    st = styles()
    cell = ParagraphStyle("cell", parent=st["base"], fontSize=size, leading=size * 1.2)
    return {**st, "cell": cell,
            "cellc": ParagraphStyle("cellc", parent=cell, alignment=TA_CENTER),
            "cellr": ParagraphStyle("cellr", parent=cell, alignment=TA_RIGHT),
            "head": ParagraphStyle("headc", parent=cell, fontName=BOLD, alignment=TA_CENTER),
            "h1": ParagraphStyle("h1", parent=st["base"], fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=8,
                                 spaceAfter=4, keepWithNext=1),
            "note": ParagraphStyle("note", parent=st["base"], fontSize=7.5, leading=9)}


def n(value: int | float) -> str:
    """A count as the papers print it: 1.250; a zero as "-" so a sparse table stays readable."""
    return number(value) if value else "-"


def grid(rows: list[list], widths: list[float], *, header_rows: int = 1, total_rows: int = 0, size: float = 8,
         align_from: int = 1, spans: list[tuple] | None = None) -> Table:
    """A ruled table: shaded heading rows (repeated on each page), numbers right-aligned from
    column `align_from`, shaded total rows at the bottom."""
    head = ParagraphStyle(f"grid-head-{size}", fontName=BOLD, fontSize=size - 0.5, leading=size * 1.1,
                          alignment=TA_CENTER)
    rows = [[Paragraph(text(c), head) if isinstance(c, str) and c else c for c in row] for row in rows[:header_rows]] \
        + rows[header_rows:]  # headings wrap inside their column
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    commands = [("FONT", (0, 0), (-1, -1), FONT, size), ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD),
                ("FONT", (0, 0), (-1, header_rows - 1), BOLD, size),
                ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
                ("ALIGN", (align_from, header_rows), (-1, -1), "RIGHT")]
    if total_rows:
        commands += [("BACKGROUND", (0, -total_rows), (-1, -1), TOTAL),
                     ("FONT", (0, -total_rows), (-1, -1), BOLD, size)]
    for span in spans or []:
        commands.append(("SPAN", *span))
    table.setStyle(table_style(*commands))
    return table


def sign_block(s: Sign, st: dict, width: float) -> list:
    centre = ParagraphStyle("sc", parent=st["base"], alignment=TA_CENTER, fontSize=10.5, leading=13)
    out: list = [Paragraph(text(line), centre) for line in s.heading]
    out.append(Spacer(1, 1.9 * cm))
    name = unbroken(s.name) if s.name else "." * 45
    out.append(Paragraph(f"<b><u>{text(name)}</u></b>", centre))
    if s.pangkat:
        out.append(Paragraph(text(s.pangkat), centre))
    if s.nip:
        out.append(Paragraph(f"NIP. {text(nip_groups(s.nip))}", centre))
    return out


def signatures(left: Sign | None, right: Sign, st: dict, width: float, date_line: str = "") -> Table:
    """Two signature blocks side by side, the place and date above the right one."""
    half = width / 2
    right_cells = ([Paragraph(text(date_line), ParagraphStyle("d", parent=st["base"], alignment=TA_CENTER,
                                                               fontSize=10.5))] if date_line else [])
    right_cells += sign_block(right, st, half)
    left_cells = ([Spacer(1, 13)] if date_line else []) + (sign_block(left, st, half) if left else [])
    table = Table([[left_cells, right_cells]], colWidths=[half, half])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)))
    return table


def rupiah(value: int) -> str:
    return f"Rp{number(value)}" if value else "-"


def summary_rows(content: dict) -> list[tuple[str, int]]:
    """The summary the papers print: domain.monthly's lines, each extra block (complaints,
    verivali…) as one line with its total instead of one line per row."""
    from desktop.core.domain.monthly import summary_lines

    lines = summary_lines(content)
    blocks = content.get("extra", [])
    own = len(lines) - sum(len(b["rows"]) for b in blocks)
    return [(label, value) for label, value, _ in lines[:own]] + \
        [(b["title"], sum(sum(r[1:]) for r in b["rows"])) for b in blocks]
