"""The distribution-day roster (daftar penerima / tanda terima) as a kecamatan office prints it:
one section per desa or kelurahan, each starting on a new page with the kop and a header block;
a table with a column-number row, a zig-zag signature column and a thumbprint box, repeated on
every page; page and carried-over totals; at the end of each desa the total in words and the
three signatures; a recapitulation page when there are several desa; "Halaman x dari y" on
every page, counted through the document or, when asked, within each desa.

Pages are planned here rather than left to platypus: every row's height is known from its
wrapped cells, so the rows that fit on a page follow from the frame, and each page gets its own
small Table drawn straight onto the canvas. That keeps the time linear in the number of rows,
makes the page totals exact (we know which rows share a page), and keeps memory flat: a page is
built, drawn and dropped, and the canvas keeps it compressed (see paging.py)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import landscape as landscape_of
from reportlab.lib.pagesizes import portrait as portrait_of
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Frame, Paragraph, Spacer, Table, TableStyle

from desktop.core.domain.money import amount_in_words, figures, thousands
from desktop.core.io.dates import day_and_date, long_date
from desktop.core.io.pdf.aid_data import DesaGroup, RosterData, RosterRow, Signer
from desktop.core.io.pdf.letter import BOLD, FONT, PAPERS, _kop, _styles, nip_groups, register_fonts
from desktop.core.io.pdf.paging import PagedCanvas, fitted_size, signer_markup, signer_size
from desktop.core.io.pdf.roster_columns import NUMBER_ROW_H, TOTAL_ROW_H, TOTAL_ROWS, Columns
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 1.3 * cm, 1.1 * cm, 1.5 * cm
FOOTER_Y = 0.7 * cm
NAME_READABLE = 8.0  # a signer's name shrinks no further on one line: past that its degrees take a line
WITH_CLOSING = 2  # rows at least above the totals and signatures on a desa's last page
SIGN_SPACE = 1.5 * cm  # between a signer's title and name: signature and office stamp
KIND = {"desa": "Desa", "kelurahan": "Kelurahan"}


def place_of(group: DesaGroup) -> str:
    """ "Desa Jahab" or "Kelurahan Melayu", as the region data says."""
    return f"{KIND.get(group.desa_kind, 'Desa')} {group.desa}"


@dataclass
class _Page:
    group: DesaGroup
    rows: list[RosterRow]
    cells: list[list[str]]
    heights: list[float]
    first: bool  # kop and header block
    last: bool  # totals in words and signatures
    carried: int  # total of the desa's rows on earlier pages


class _Roster:
    def __init__(self, data: RosterData, pagesize: tuple[float, float]) -> None:
        register_fonts()
        self.data = data
        self.pagesize = pagesize
        self.width = pagesize[0] - 2 * MARGIN_X
        self.height = pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM
        self.cols = Columns(data, self.width, portrait=pagesize[0] < pagesize[1])
        st = _styles()
        self.st = st
        self.small = ParagraphStyle("rs", parent=st["base"], fontSize=8.5, leading=10.5)
        self.sign = ParagraphStyle("rsg", parent=st["base"], fontSize=9.5, leading=11.5, alignment=TA_CENTER)
        self.title = ParagraphStyle("rt", parent=st["title"], fontSize=11.5, leading=14)

    # -- measuring -------------------------------------------------------------------------

    def _height(self, flowables: list) -> float:
        return sum(f.wrap(self.width, self.height)[1] for f in flowables)

    # -- pieces ------------------------------------------------------------------------------

    def _all_places(self) -> tuple[str, str]:
        kinds = {g.desa_kind for g in self.data.groups}
        if kinds == {"kelurahan"}:
            return "Kelurahan", "Semua kelurahan"
        if "kelurahan" in kinds:
            return "Desa/Kelurahan", "Semua desa dan kelurahan"
        return "Desa", "Semua desa"

    def _header_block(self, group: DesaGroup | None) -> list:
        d = self.data
        regency, label = d.regency, "Kabupaten/Kota"
        for prefix, name in (("kabupaten ", "Kabupaten"), ("kab. ", "Kabupaten"), ("kota ", "Kota")):
            if regency.lower().startswith(prefix):
                label, regency = name, regency[len(prefix):]
        nik = ("disamarkan (salinan untuk diumumkan)" if d.nik_masked
               else "ditulis lengkap (RAHASIA, untuk keperluan dinas)")
        left = [("Program", d.programme), ("Tahap/periode", d.period), ("Sumber dana", d.funding),
                ("Kegiatan", d.event_name)] + ([("NIK penerima", nik)] if group else [])
        place = (KIND.get(group.desa_kind, "Desa"), group.desa) if group else self._all_places()
        right = [place, ("Kecamatan", d.kecamatan), (label, regency),
                 ("Hari, tanggal", day_and_date(d.event_date)
                                   + (f", pukul {d.event_time}" if d.event_time else "")),
                 ("Tempat", d.event_place)]
        half = self.width / 2
        lab = 2.6 * cm

        def side(pair):
            if pair is None:
                return ["", "", ""]
            return [Paragraph(pair[0], self.small), Paragraph(":", self.small),
                    Paragraph(escape(pair[1] or "-"), self.small)]

        rows = [side(a) + side(b) for a, b in zip_longest(left, right)]
        table = Table(rows, colWidths=[lab, 0.3 * cm, half - lab - 0.3 * cm] * 2)
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8.5), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return [table, Spacer(1, 6)]

    def _first_heading(self, group: DesaGroup | None, title: str) -> list:
        kop = _kop(self.data.kop, self.width, self.st)
        kop[-1] = Spacer(1, 5)
        return kop + [Paragraph(escape(title), self.title), Spacer(1, 5), *self._header_block(group)]

    def _later_heading(self, group: DesaGroup) -> list:
        d = self.data
        text = f"{d.title} \u2013 {place_of(group).upper()} (lanjutan)"  # the kop and the programme are on page 1
        size = fitted_size(text, BOLD, 9.0, self.width, 6.5)
        style = ParagraphStyle(f"rl{size}", fontName=BOLD, fontSize=size, leading=size * 1.25)
        return [Paragraph(escape(text), style), Spacer(1, 4)]

    def _table(self, page: _Page) -> Table:
        c = self.cols
        amt = c.at["amount"]
        page_total = sum(r.amount for r in page.rows)

        def total_row(label: str, amount: int) -> list:
            return [label] + [""] * (amt - 1) + [thousands(amount)] + [""] * (len(c.keys) - amt - 1)

        rows = [c.titles, c.numbers, *page.cells,
                total_row("Jumlah halaman ini", page_total),
                total_row("Jumlah s.d. halaman ini", page.carried + page_total)]
        heights = [c.head_h, NUMBER_ROW_H, *page.heights] + [TOTAL_ROW_H] * TOTAL_ROWS
        table = Table(rows, colWidths=c.widths, rowHeights=heights)
        table.setStyle(c.style)
        return table

    def _signer(self, s: Signer, width: float, date_line: str = "", lines: int = 0, size: float = 0) -> list:
        """One signature block; `lines` pads the heading so the names of a row line up, and
        `size` is the type size the names of a row share. A name stays on one line (a smaller
        type if it must); failing that its degrees go down as a whole, never a break inside it."""
        heading = ([date_line] if date_line else []) + s.heading.split("\n")
        out: list = [Spacer(1, self.sign.leading * (lines - len(heading)))] if lines > len(heading) else []
        out += [Paragraph(escape(line), self.sign) for line in heading]
        out.append(Spacer(1, SIGN_SPACE))
        if s.name:
            size = size or self._name_size([s], width)
            style = ParagraphStyle(f"rsn{size}", parent=self.sign, fontSize=size, leading=size * 1.2)
            out.append(Paragraph(f"<b><u>{signer_markup(s.name, BOLD, size, width - 6)}</u></b>", style))
        else:
            out.append(Paragraph("(" + "." * 45 + ")", self.sign))
        if s.pangkat:
            out.append(Paragraph(escape(s.pangkat), self.sign))
        if s.nip:
            out.append(Paragraph(f"NIP. {nip_groups(s.nip)}", self.sign))
        return out

    def _name_size(self, signers: list[Signer], width: float) -> float:
        return signer_size([s.name for s in signers], BOLD, self.sign.fontSize, width - 6, NAME_READABLE, 6.5)

    def _signatures(self, left: Signer | None) -> Table:
        """Left the Kepala Desa or Lurah (on the recapitulation: the Camat), right the officer
        under the place and date, centre-bottom the Camat."""
        d, third = self.data, self.width / 3
        widths = [third * 1.1, third * 0.8, third * 1.1]
        date_line = f"{d.place}, {long_date(d.event_date)}"
        top_left = left or d.camat
        lines = max(len(top_left.heading.split("\n")), 1 + len(d.officer.heading.split("\n")))
        size = self._name_size([top_left, d.officer], widths[0])  # the outer columns are alike
        rows = [[self._signer(top_left, widths[0], lines=lines, size=size), "",
                 self._signer(d.officer, widths[2], date_line, lines, size)]]
        if left is not None:  # centred under both, with the whole width for a long name
            rows.append([self._signer(d.camat, self.width), "", ""])
        table = Table(rows, colWidths=widths)
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9.5), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), *([("SPAN", (0, 1), (-1, 1))] if left is not None else []),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 1), (-1, 1), 6)]))
        return table

    def _closing(self, group: DesaGroup) -> list:
        d = self.data
        total = sum(r.amount for r in group.rows)
        text = (f"Jumlah {escape(place_of(group))}: <b>{thousands(len(group.rows))} penerima</b>, "
                f"<b>{figures(total, d.cash, d.unit)}</b> "
                f"(<i>{amount_in_words(total, d.cash, d.unit)}</i>).")
        if d.annotated:
            taken = [r for r in group.rows if r.collected]
            left = [r for r in group.rows if r.collected is False]
            text += (f" Diambil: {thousands(len(taken))} penerima, "
                     f"{figures(sum(r.amount for r in taken), d.cash, d.unit)};"
                     f" tidak diambil: {thousands(len(left))} penerima, "
                     f"{figures(sum(r.amount for r in left), d.cash, d.unit)}.")
        return [Spacer(1, 5), Paragraph(text, self.small), Spacer(1, 4), self._signatures(group.head)]

    # -- planning ------------------------------------------------------------------------------

    def plan(self, group: DesaGroup) -> list[_Page]:
        """Split a desa's rows into pages: as many rows as fit, and on the last page room for the
        totals and the signatures, which never open a page without at least two rows above them
        (one lone row over the signatures reads as a left-over), unless not even one row can
        share a page with them."""
        c, pages = self.cols, []
        first_h = self._height(self._first_heading(group, self.data.title))
        later_h = self._height(self._later_heading(group))
        closing_h = self._height(self._closing(group))
        built = [c.row(r) for r in group.rows]
        rows, i, carried, first = group.rows, 0, 0, True
        last_room = self.height - later_h - c.fixed_h - 1 - closing_h  # rows beside the closing
        while True:
            room = self.height - (first_h if first else later_h) - c.fixed_h - 1
            j, used = i, 0.0
            while j < len(rows) and used + built[j][1] <= room:
                used += built[j][1]
                j += 1
            if j == i and i < len(rows):
                raise ValueError("kertas terlalu kecil untuk daftar penerima")
            if j == len(rows) and used + closing_h <= room:
                pages.append(self._page(group, built, i, j, first, True, carried))
                return pages
            # The rows that go on to the closing's page: at least WITH_CLOSING of them when this
            # page keeps one and they fit there; none when even one cannot (the closing then
            # stands on a page of its own with the totals).
            rest = len(rows) - j
            if rest < WITH_CLOSING:
                move, height = 0, sum(b[1] for b in built[j:])
                while j - move - i > 1 and rest + move < WITH_CLOSING and \
                        height + built[j - move - 1][1] <= last_room:
                    height += built[j - move - 1][1]
                    move += 1
                j -= move
            page = self._page(group, built, i, j, first, False, carried)
            pages.append(page)
            carried += sum(r.amount for r in page.rows)
            i, first = j, False
            if i == len(rows):
                pages.append(self._page(group, built, i, i, False, True, carried))
                return pages

    @staticmethod
    def _page(group: DesaGroup, built: list, i: int, j: int, first: bool, last: bool, carried: int) -> _Page:
        return _Page(group, group.rows[i:j], [b[0] for b in built[i:j]], [b[1] for b in built[i:j]], first, last,
                     carried)

    # -- drawing ---------------------------------------------------------------------------------

    def _frame(self) -> Frame:
        return Frame(MARGIN_X, MARGIN_BOTTOM, self.width, self.height, leftPadding=0, rightPadding=0,
                     topPadding=0, bottomPadding=0, id="roster")

    def _flow(self, canvas: PagedCanvas, items: list) -> None:
        """Draw flowables from the top of a new page on, over as many pages as they need; a
        nested list is kept together on one page."""
        frame, fresh = self._frame(), True
        while items:
            item = items.pop(0)
            if isinstance(item, list):
                if not fresh and self._height(item) > frame._y - frame._y1p:
                    canvas.showPage()
                    frame, fresh = self._frame(), True
                items[0:0] = item
                continue
            if frame.add(item, canvas):
                fresh = False
                continue
            parts = frame.split(item, canvas)
            if parts:
                frame.add(parts[0], canvas)
                items[0:0] = parts[1:]
            elif fresh:
                raise ValueError("kertas terlalu kecil untuk daftar penerima")
            else:
                items.insert(0, item)
            canvas.showPage()
            frame, fresh = self._frame(), True
        canvas.showPage()

    def draw(self, canvas: PagedCanvas, progress: Progress = NULL_PROGRESS) -> None:
        d = self.data
        progress.start(sum(len(g.rows) for g in d.groups), "Menyusun daftar penerima")
        for group in d.groups:
            check_cancelled(progress)
            canvas.start_section(group.desa)
            for page in self.plan(group):
                check_cancelled(progress)
                items = (self._first_heading(group, d.title) if page.first else self._later_heading(group))
                items.append(self._table(page))
                if page.last:
                    items += self._closing(group)
                self._flow(canvas, items)
                progress.advance(len(page.rows))
        if len(d.groups) > 1:
            canvas.start_section(None)
            self._flow(canvas, self._summary())

    def _summary(self) -> list:
        d = self.data
        unit = "Rp" if d.cash else d.unit
        head = ["No.", self._all_places()[0], "Jumlah penerima", f"Jumlah ({unit})"]
        if d.annotated:
            head += ["Diambil (penerima)", "Tidak diambil (penerima)", f"Jumlah diambil ({unit})"]
        bold = ParagraphStyle("sh", fontName=BOLD, fontSize=8.5, leading=10, alignment=TA_CENTER)
        rows: list[list] = [[Paragraph(h, bold) for h in head]]
        total = count = taken_n = left_n = taken_sum = 0
        for n, g in enumerate(d.groups, 1):
            amount = sum(r.amount for r in g.rows)
            row = [str(n), place_of(g), thousands(len(g.rows)), thousands(amount)]
            if d.annotated:
                taken = [r for r in g.rows if r.collected]
                left = sum(1 for r in g.rows if r.collected is False)
                taken_amount = sum(r.amount for r in taken)
                row += [thousands(len(taken)), thousands(left), thousands(taken_amount)]
                taken_n, left_n, taken_sum = taken_n + len(taken), left_n + left, taken_sum + taken_amount
            rows.append(row)
            total, count = total + amount, count + len(g.rows)
        last = ["", "JUMLAH", thousands(count), thousands(total)]
        if d.annotated:
            last += [thousands(taken_n), thousands(left_n), thousands(taken_sum)]
        rows.append(last)
        widths = [1.2 * cm, 6 * cm] + [3.4 * cm] * (len(head) - 2)
        scale = min(1.0, self.width / sum(widths))  # a portrait page
        widths = [w * scale for w in widths]
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 9), ("FONT", (0, -1), (-1, -1), BOLD, 9),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
            ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
        ]))
        words = (f"Jumlah seluruhnya: <b>{thousands(count)} penerima</b>, <b>{figures(total, d.cash, d.unit)}</b> "
                 f"(<i>{amount_in_words(total, d.cash, d.unit)}</i>).")
        # Many desa may push the table over a page: the grand total and the signatures stay together.
        return [*self._first_heading(None, f"REKAPITULASI {d.title}"), table,
                [Spacer(1, 6), Paragraph(words, self.small), Spacer(1, 4), self._signatures(None)]]


def render_roster(data: RosterData, target: Path | str | io.BytesIO, paper: str = "f4", landscape: bool = True,
                  progress: Progress = NULL_PROGRESS) -> None:
    """Write the roster PDF to a path or a binary stream. `paper` is a key of PAPERS."""
    size = PAPERS[paper]
    pagesize = landscape_of(size) if landscape else portrait_of(size)
    roster = _Roster(data, pagesize)
    footer = f"Dicetak dengan Simpul \u00b7 {data.programme}, {data.period}"
    canvas = PagedCanvas(str(target) if isinstance(target, Path) else target, pagesize=pagesize, footer=footer,
                         margin=MARGIN_X, footer_y=FOOTER_Y, per_section=data.pages_per_desa,
                         initialFontName=FONT, initialFontSize=8)
    canvas.setTitle(data.title)
    canvas.setAuthor(data.kop.office)
    canvas.setSubject(f"{data.programme} {data.period}")
    roster.draw(canvas, progress)
    canvas.save()


def roster_bytes(data: RosterData, paper: str = "f4", landscape: bool = True,
                 progress: Progress = NULL_PROGRESS) -> bytes:
    buffer = io.BytesIO()
    render_roster(data, buffer, paper, landscape, progress)
    return buffer.getvalue()

