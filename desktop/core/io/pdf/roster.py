"""The distribution-day roster (daftar penerima / tanda terima) as a kecamatan office prints it:
one section per desa, each starting on a new page with the kop and a header block; a table with
a column-number row, a zig-zag signature column and a thumbprint box, repeated on every page; page
and carried-over totals; at the end of each desa the total in words and the three signatures; a
recapitulation page when there are several desa; "Halaman x dari y" on every page.

Pages are planned here rather than left to platypus: every data row has the same fixed height,
so the rows that fit on a page follow from the frame, and each page gets its own small Table.
That keeps the time linear in the number of rows (one huge Table is re-split at every page break)
and makes the page totals exact, because we know which rows share a page."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial
from itertools import zip_longest
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import landscape as landscape_of
from reportlab.lib.pagesizes import portrait as portrait_of
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.domain.money import amount_in_words, figures, thousands
from desktop.core.io.pdf.aid_data import DesaGroup, RosterData, RosterRow, Signer
from desktop.core.io.dates import day_and_date, long_date
from desktop.core.io.pdf.letter import BOLD, FONT, PAPERS, _kop, _styles, nip_groups, register_fonts

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 1.3 * cm, 1.1 * cm, 1.5 * cm
FOOTER_Y = 0.7 * cm
ROW_H = 1.2 * cm  # room to sign
ROW_H_THUMB = 1.8 * cm  # with a cap jempol column the cell itself is the thumbprint box
THUMB_W = 2.0 * cm
SIGN_SPACE = 1.5 * cm  # between a signer's title and name: signature and office stamp
PAD = 2
TOTAL_ROWS = 2  # "Jumlah halaman ini" + "Jumlah s.d. halaman ini"
TOTAL_ROW_H = 0.55 * cm
NUMBER_ROW_H = 0.42 * cm
DOTS = "."
# Vera has no ✓ (U+2713); the square-root sign is its usual stand-in on Indonesian forms.
TICK = "\u221a"


def clip_lines(text: str, font: str, size: float, width: float, lines: int) -> str:
    """Wrap into at most `lines` lines of `width`; cut the rest with an ellipsis, so a long
    address can never grow a row beyond the height the page plan counts on."""
    out: list[str] = []
    for line in simpleSplit(text or "", font, size, width):
        while stringWidth(line, font, size) > width:  # one word wider than the cell
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut], font, size) > width:
                cut -= 1
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        last = out[-1]
        while last and stringWidth(last + "\u2026", font, size) > width:
            last = last[:-1]
        out[-1] = last.rstrip() + "\u2026"
    return "\n".join(out)


def _share(room: float, weights: dict[str, float], least: dict[str, float]) -> dict[str, float]:
    """Split `room` by weight, but give each column at least `least`, taken from the others."""
    fixed: dict[str, float] = {}
    while True:
        free = {k: v for k, v in weights.items() if k not in fixed}
        rest = room - sum(fixed.values())
        share = {k: rest * v / sum(free.values()) for k, v in free.items()}
        short = {k: least[k] for k, v in share.items() if v < least[k]}
        if not short or len(short) == len(free):
            return {**fixed, **share}
        fixed.update(short)


@dataclass
class _Page:
    group: DesaGroup
    rows: list[RosterRow]
    first: bool  # kop and header block
    last: bool  # totals in words and signatures
    carried: int  # total of the desa's rows on earlier pages


class _Columns:
    """Column widths, fonts and the shared table style for one paper size. On a portrait page
    NIK and No. KK share one column (two lines), or the signature halves would be too narrow."""

    def __init__(self, data: RosterData, width: float, portrait: bool) -> None:
        self.size = size = 7 if portrait else 8
        self.leading = size * 1.18
        self.row_h = ROW_H_THUMB if data.thumbprint else ROW_H
        self.lines = min(4, int((self.row_h - 2 * PAD) // self.leading))
        self.stacked = portrait

        def fit(texts: list[str], font: str = FONT, at_least: str = "") -> float:
            return max([stringWidth(t, font, size) for t in texts + [at_least]]) + 2 * PAD + 3

        unit = "Rp" if data.cash else data.unit
        titles = {"no": "No.", "name": "Nama penerima", "nik": "NIK", "kk": "No. KK", "address": "Alamat",
                  "item": "Jenis bantuan", "amount": f"Jumlah ({unit})", "sign_l": "Tanda tangan", "sign_r": "",
                  "thumb": "Cap jempol", "note": "Keterangan"}
        keys = ["no", "name", "nik", "kk", "address", "item", "amount", "sign_l", "sign_r", "thumb", "note"]
        if portrait:
            keys.remove("kk")
            titles["nik"] = "NIK / No. KK"
        if not data.thumbprint:
            keys.remove("thumb")
        rows = [r for g in data.groups for r in g.rows]
        amounts = [thousands(r.amount) for r in rows] + [thousands(sum(r.amount for r in g.rows))
                                                          for g in data.groups]
        w = {"no": fit([str(r.no) for r in rows], BOLD, "No."),
             "nik": fit([r.nik for r in rows] + ([r.no_kk for r in rows] if portrait else []), at_least="0" * 16),
             "kk": fit([r.no_kk for r in rows], at_least="0" * 16),
             "amount": max(fit(amounts, BOLD), fit(titles["amount"].split(), BOLD)),
             "thumb": THUMB_W}
        fixed = sum(w[k] for k in keys if k in w)
        # The other columns share what is left, none narrower than its heading's longest word (a
        # narrow page must not break "Keterangan" in two) and the signature halves wide enough to sign.
        weights = {"name": 3.2, "address": 4.0, "item": 1.9, "sign": 3.6, "note": 2.4}
        least = {k: fit(titles["sign_l" if k == "sign" else k].split(), BOLD) for k in weights}
        least["sign"] = max(least["sign"], 3.4 * cm)
        w.update(_share(width - fixed, weights, least))
        w["sign_l"] = w["sign_r"] = w["sign"] / 2
        self.keys = keys
        self.at = {k: i for i, k in enumerate(keys)}
        self.widths = [w[k] for k in keys]
        self.text_w = {k: w[k] - 2 * PAD for k in keys}
        head_style = ParagraphStyle("rh", fontName=BOLD, fontSize=size, leading=self.leading, alignment=TA_CENTER)
        width_of = dict(w, sign_l=w["sign"])
        lines = max(len(simpleSplit(titles[k], BOLD, size, width_of[k] - 2 * PAD)) for k in keys)
        self.head_h = max(lines, 2) * self.leading + 2 * PAD + 2
        self.titles = [Paragraph(titles[k], head_style) if titles[k] else "" for k in keys]
        numbers = []
        for k in keys:  # the column-number row: the two signature halves are one column
            numbers.append("" if k == "sign_r" else str(len([n for n in numbers if n]) + 1))
        self.numbers = numbers
        self.fixed_h = self.head_h + NUMBER_ROW_H + TOTAL_ROWS * TOTAL_ROW_H
        self.style = self._style()
        self._dot_w = stringWidth(DOTS, FONT, size)

    def _style(self) -> TableStyle:
        last, sl, sr, amt = len(self.keys) - 1, self.at["sign_l"], self.at["sign_r"], self.at["amount"]
        line, ink = 0.5, colors.black
        cmds = [
            ("FONT", (0, 0), (-1, -1), FONT, self.size, self.leading),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("SPAN", (sl, 0), (sr, 0)), ("SPAN", (sl, 1), (sr, 1)),
            ("BACKGROUND", (0, 0), (-1, 1), colors.Color(0.9, 0.9, 0.9)),
            ("FONT", (0, 1), (-1, 1), FONT, self.size - 1.5, self.size),
            ("ALIGN", (0, 1), (-1, 1), "CENTER"),
            ("ALIGN", (0, 2), (0, -3), "CENTER"),
            ("ALIGN", (amt, 2), (amt, -1), "RIGHT"),
            # Totals rows: the label spans the columns left of the amount, the blank the ones right of it.
            ("SPAN", (0, -2), (amt - 1, -2)), ("SPAN", (0, -1), (amt - 1, -1)),
            ("SPAN", (amt + 1, -2), (last, -2)), ("SPAN", (amt + 1, -1), (last, -1)),
            ("FONT", (0, -2), (-1, -1), BOLD, self.size, self.leading),
            ("ALIGN", (0, -2), (amt - 1, -1), "RIGHT"),
            # The grid, without the line between the two halves of the signature cell.
            ("LINEABOVE", (0, 0), (-1, 0), line, ink), ("LINEBELOW", (0, 0), (-1, -1), line, ink),
            ("LINEAFTER", (last, 0), (last, -1), line, ink),
        ]
        cmds += [("LINEBEFORE", (c, 0), (c, -1), line, ink) for c in range(len(self.keys)) if c != sr]
        return TableStyle(cmds)

    def signature(self, no: int) -> str:
        """ "7. ......" filling one half of the signature cell."""
        prefix = f"{no}. "
        room = self.text_w["sign_l"] - stringWidth(prefix, FONT, self.size)
        return prefix + DOTS * max(3, int(room / self._dot_w))


class NumberedCanvas(Canvas):
    """Holds every page until the end so each footer can say "Halaman x dari y"; the small
    "Dicetak dengan Simpul" line goes on the left."""

    def __init__(self, *args, footer: str = "", margin: float = MARGIN_X, footer_y: float = FOOTER_Y,
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._footer, self._margin, self._footer_y = footer, margin, footer_y
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self.saveState()
            self.setFont(FONT, 7)
            self.setFillColor(colors.grey)
            self.drawString(self._margin, self._footer_y, self._footer)
            self.setFont(FONT, 8)
            self.setFillColor(colors.black)
            self.drawRightString(self._pagesize[0] - self._margin, self._footer_y, f"Halaman {number} dari {total}")
            self.restoreState()
            super().showPage()
        super().save()


class _Roster:
    def __init__(self, data: RosterData, pagesize: tuple[float, float]) -> None:
        register_fonts()
        self.data = data
        self.pagesize = pagesize
        self.width = pagesize[0] - 2 * MARGIN_X
        self.height = pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM
        self.cols = _Columns(data, self.width, portrait=pagesize[0] < pagesize[1])
        st = _styles()
        self.st = st
        small = ParagraphStyle("rs", parent=st["base"], fontSize=8.5, leading=10.5)
        self.small = small
        self.sign = ParagraphStyle("rsg", parent=st["base"], fontSize=9.5, leading=11.5, alignment=TA_CENTER)
        self.title = ParagraphStyle("rt", parent=st["title"], fontSize=11.5, leading=14)
        self.kind = {"desa": "Desa", "kelurahan": "Kelurahan"}
        self._items: dict[str, str] = {}

    # -- measuring -------------------------------------------------------------------------

    def _height(self, flowables: list) -> float:
        return sum(f.wrap(self.width, self.height)[1] for f in flowables)

    # -- pieces ------------------------------------------------------------------------------

    def _place(self, group: DesaGroup) -> str:
        return f"{self.kind.get(group.desa_kind, 'Desa')} {group.desa}"

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
        right = [("Desa/Kelurahan", group.desa if group else "Semua desa/kelurahan"),
                 ("Kecamatan", d.kecamatan), (label, regency),
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
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return [table, Spacer(1, 6)]

    def _first_heading(self, group: DesaGroup | None, title: str) -> list:
        kop = _kop(self.data.kop, self.width, self.st)
        kop[-1] = Spacer(1, 5)
        return kop + [Paragraph(escape(title), self.title), Spacer(1, 5), *self._header_block(group)]

    def _later_heading(self, group: DesaGroup) -> list:
        d = self.data
        text = f"{d.title} \u2013 {self._place(group).upper()} (lanjutan) \u00b7 {d.programme}, {d.period}"
        size = 9.0
        while size > 6.5 and stringWidth(text, BOLD, size) > self.width:
            size -= 0.5
        style = ParagraphStyle(f"rl{size}", fontName=BOLD, fontSize=size, leading=size * 1.25)
        return [Paragraph(escape(text), style), Spacer(1, 4)]

    def _row(self, r: RosterRow) -> list:
        c, size, tw = self.cols, self.cols.size, self.cols.text_w
        sign = c.signature(r.no)
        odd = r.no % 2 == 1  # zig-zag: odd numbers sign left, even numbers right
        cell = {"no": str(r.no), "name": clip_lines(r.name, FONT, size, tw["name"], c.lines),
                "nik": f"{r.nik}\n{r.no_kk}" if c.stacked else r.nik, "kk": r.no_kk,
                "address": clip_lines(r.address, FONT, size, tw["address"], c.lines), "item": self._item(r.item),
                "amount": thousands(r.amount), "sign_l": sign if odd else "", "sign_r": "" if odd else sign,
                "thumb": "", "note": clip_lines(self._note(r), FONT, size, tw["note"], c.lines)}
        return [cell[k] for k in c.keys]

    def _item(self, item: str) -> str:
        # A programme has a handful of items: wrap each once, not once per row.
        if item not in self._items:
            self._items[item] = clip_lines(item, FONT, self.cols.size, self.cols.text_w["item"], self.cols.lines)
        return self._items[item]

    def _note(self, r: RosterRow) -> str:
        if not self.data.annotated or r.collected is None:
            return r.note
        if r.collected:  # the note already says how: "Diambil 09.15", "Diwakilkan: Siti (istri)"
            return f"{TICK} {r.note or 'Diambil'}"
        return r.note or "Tidak diambil"

    def _table(self, page: _Page) -> Table:
        c = self.cols
        amt = c.at["amount"]
        page_total = sum(r.amount for r in page.rows)

        def total_row(label: str, amount: int) -> list:
            return [label] + [""] * (amt - 1) + [thousands(amount)] + [""] * (len(c.keys) - amt - 1)

        rows = [c.titles, c.numbers, *(self._row(r) for r in page.rows),
                total_row("Jumlah halaman ini", page_total),
                total_row("Jumlah s.d. halaman ini", page.carried + page_total)]
        heights = [c.head_h, NUMBER_ROW_H] + [c.row_h] * len(page.rows) + [TOTAL_ROW_H] * TOTAL_ROWS
        table = Table(rows, colWidths=c.widths, rowHeights=heights)
        table.setStyle(c.style)
        return table

    def _signer(self, s: Signer, date_line: str = "", lines: int = 0) -> list:
        """One signature block; `lines` pads the heading so the names of a row line up."""
        heading = ([date_line] if date_line else []) + s.heading.split("\n")
        out: list = [Spacer(1, self.sign.leading * (lines - len(heading)))] if lines > len(heading) else []
        out += [Paragraph(escape(line), self.sign) for line in heading]
        out.append(Spacer(1, SIGN_SPACE))
        out.append(Paragraph(f"<b><u>{escape(s.name)}</u></b>" if s.name else "(" + "." * 45 + ")", self.sign))
        if s.pangkat:
            out.append(Paragraph(escape(s.pangkat), self.sign))
        if s.nip:
            out.append(Paragraph(f"NIP. {nip_groups(s.nip)}", self.sign))
        return out

    def _signatures(self, left: Signer | None) -> Table:
        """Left the Kepala Desa (on the recapitulation: the Camat), right the officer under the
        place and date, centre-bottom the Camat."""
        d, third = self.data, self.width / 3
        date_line = f"{d.place}, {long_date(d.event_date)}"
        top_left = left or d.camat
        lines = max(len(top_left.heading.split("\n")), 1 + len(d.officer.heading.split("\n")))
        rows = [[self._signer(top_left, lines=lines), "", self._signer(d.officer, date_line, lines)]]
        if left is not None:
            rows.append(["", self._signer(d.camat), ""])
        table = Table(rows, colWidths=[third * 1.1, third * 0.8, third * 1.1])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 1), (-1, 1), 6)]))
        return table

    def _closing(self, group: DesaGroup) -> list:
        d = self.data
        total = sum(r.amount for r in group.rows)
        text = (f"Jumlah {escape(self._place(group))}: <b>{len(group.rows)} penerima</b>, "
                f"<b>{figures(total, d.cash, d.unit)}</b> "
                f"(<i>{amount_in_words(total, d.cash, d.unit)}</i>).")
        if d.annotated:
            taken = [r for r in group.rows if r.collected]
            left = [r for r in group.rows if r.collected is False]
            text += (f" Diambil: {len(taken)} penerima, {figures(sum(r.amount for r in taken), d.cash, d.unit)};"
                     f" tidak diambil: {len(left)} penerima, "
                     f"{figures(sum(r.amount for r in left), d.cash, d.unit)}.")
        return [Spacer(1, 5), Paragraph(text, self.small), Spacer(1, 4), self._signatures(group.head)]

    # -- planning ------------------------------------------------------------------------------

    def plan(self, group: DesaGroup) -> list[_Page]:
        """Split a desa's rows into pages: as many rows as fit, and on the last page room for the
        totals and the signatures, which never open a page without at least one row above them."""
        c, pages = self.cols, []
        first_h = self._height(self._first_heading(group, self.data.title))
        later_h = self._height(self._later_heading(group))
        closing_h = self._height(self._closing(group))
        rows, i, carried, first = group.rows, 0, 0, True
        while True:
            room = self.height - (first_h if first else later_h) - c.fixed_h - 1
            cap = int(room // c.row_h)
            cap_last = int((room - closing_h) // c.row_h)
            if cap < 1 and not first:
                raise ValueError("kertas terlalu kecil untuk daftar penerima")
            left = len(rows) - i
            if left <= max(cap_last, 0):
                pages.append(_Page(group, rows[i:], first, True, carried))
                return pages
            take = min(cap, left - 1) if cap_last >= 1 else min(cap, left)
            page = _Page(group, rows[i:i + take], first, False, carried)
            pages.append(page)
            carried += sum(r.amount for r in page.rows)
            i, first = i + take, False

    # -- the document ----------------------------------------------------------------------------

    def story(self) -> list:
        story: list = []
        for group in self.data.groups:
            for page in self.plan(group):
                if story:
                    story.append(PageBreak())
                story += (self._first_heading(group, self.data.title) if page.first
                          else self._later_heading(group))
                story.append(self._table(page))
                if page.last:  # the plan left room; KeepTogether only guards the signatures against a split
                    story.append(KeepTogether(self._closing(group)))
        if len(self.data.groups) > 1:
            story.append(PageBreak())
            story += self._summary()
        return story

    def _summary(self) -> list:
        d = self.data
        unit = "Rp" if d.cash else d.unit
        head = ["No.", "Desa/Kelurahan", "Jumlah penerima", f"Jumlah ({unit})"]
        if d.annotated:
            head += ["Diambil (penerima)", "Tidak diambil (penerima)", f"Jumlah diambil ({unit})"]
        bold = ParagraphStyle("sh", fontName=BOLD, fontSize=8.5, leading=10, alignment=TA_CENTER)
        rows: list[list] = [[Paragraph(h, bold) for h in head]]
        total = count = taken_n = left_n = taken_sum = 0
        for n, g in enumerate(d.groups, 1):
            amount = sum(r.amount for r in g.rows)
            row = [str(n), self._place(g), str(len(g.rows)), thousands(amount)]
            if d.annotated:
                taken = [r for r in g.rows if r.collected]
                left = sum(1 for r in g.rows if r.collected is False)
                taken_amount = sum(r.amount for r in taken)
                row += [str(len(taken)), str(left), thousands(taken_amount)]
                taken_n, left_n, taken_sum = taken_n + len(taken), left_n + left, taken_sum + taken_amount
            rows.append(row)
            total, count = total + amount, count + len(g.rows)
        last = ["", "JUMLAH", str(count), thousands(total)]
        if d.annotated:
            last += [str(taken_n), str(left_n), thousands(taken_sum)]
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
        words = (f"Jumlah seluruhnya: <b>{count} penerima</b>, <b>{figures(total, d.cash, d.unit)}</b> "
                 f"(<i>{amount_in_words(total, d.cash, d.unit)}</i>).")
        # Many desa may push the table over a page: the grand total and the signatures stay together.
        return [*self._first_heading(None, f"REKAPITULASI {d.title}"), table,
                KeepTogether([Spacer(1, 6), Paragraph(words, self.small), Spacer(1, 4), self._signatures(None)])]


def render_roster(data: RosterData, target: Path | str | io.BytesIO, paper: str = "f4",
                  landscape: bool = True) -> None:
    """Write the roster PDF to a path or a binary stream. `paper` is a key of PAPERS."""
    size = PAPERS[paper]
    pagesize = landscape_of(size) if landscape else portrait_of(size)
    roster = _Roster(data, pagesize)
    doc = BaseDocTemplate(str(target) if isinstance(target, (Path, str)) else target, pagesize=pagesize,
                          leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                          bottomMargin=MARGIN_BOTTOM, title=data.title, author=data.kop.office,
                          subject=f"{data.programme} {data.period}")
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, roster.width, roster.height, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="roster")
    doc.addPageTemplates([PageTemplate(id="roster", frames=[frame])])
    footer = f"Dicetak dengan Simpul \u00b7 {data.programme}, {data.period}"
    doc.build(roster.story(), canvasmaker=partial(NumberedCanvas, footer=footer))


def roster_bytes(data: RosterData, paper: str = "f4", landscape: bool = True) -> bytes:
    buffer = io.BytesIO()
    render_roster(data, buffer, paper, landscape)
    return buffer.getvalue()

