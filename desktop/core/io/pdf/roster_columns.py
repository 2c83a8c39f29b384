"""The roster's table: column widths for a paper size, the cells of one row wrapped to their
columns, and the shared table style."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, TableStyle

from desktop.core.domain.money import thousands
from desktop.core.io.pdf.aid_data import RosterData, RosterRow
from desktop.core.io.pdf.letter import BOLD, FONT
from desktop.core.io.pdf.paging import wrap_lines

ROW_H = 1.2 * cm  # room to sign
ROW_H_THUMB = 1.8 * cm  # with a cap jempol column the cell itself is the thumbprint box
THUMB_W = 2.0 * cm
THUMB_W_PORTRAIT = 1.5 * cm  # a thumbprint is about 1.5 cm wide; the row gives it the height
PAD = 2
CELL_V = 2  # top + bottom padding of a cell
TOTAL_ROWS = 2  # "Jumlah halaman ini" + "Jumlah s.d. halaman ini"
TOTAL_ROW_H = 0.55 * cm
NUMBER_ROW_H = 0.42 * cm
MAX_LINES = 14  # a guard only: a row never grows taller than a page
DOTS = "."
# Vera has no ✓ (U+2713); the square-root sign is its usual stand-in on Indonesian forms.
TICK = "\u221a"
WRAPPED = ("name", "address", "item", "note")


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


class Columns:
    """Column widths, fonts and the shared table style for one paper size. On a portrait page
    NIK and No. KK share one column (two lines), or the signature halves would be too narrow.
    Long names, addresses and notes wrap in full and the row grows to hold them (the RT/RW at
    the end of an address is what an officer looks for)."""

    def __init__(self, data: RosterData, width: float, portrait: bool) -> None:
        self.data = data
        self.size = size = 7 if portrait else 8
        self.leading = size * 1.18
        self.row_h = ROW_H_THUMB if data.thumbprint else ROW_H
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
        longest_no = max((r.no for r in rows), default=1)
        most = max([sum(r.amount for r in g.rows) for g in data.groups] + [1])
        w = {"no": fit([str(longest_no)], BOLD, "No."),
             "nik": fit([max((r.nik for r in rows), key=len, default="")], at_least="0" * 16),
             "kk": fit([max((r.no_kk for r in rows), key=len, default="")], at_least="0" * 16),
             # the widest figure is a desa's total ("Jumlah s.d. halaman ini" reaches it)
             "amount": max(fit([thousands(most), thousands(max((r.amount for r in rows), default=0))], BOLD),
                           fit(titles["amount"].split(), BOLD)),
             "thumb": THUMB_W_PORTRAIT if portrait else THUMB_W}
        fixed = sum(w[k] for k in keys if k in w)
        # The other columns share what is left, none narrower than its heading's longest word (a
        # narrow page must not break "Keterangan" in two) and the signature halves wide enough to sign.
        weights = {"name": 3.2, "address": 4.0, "item": 1.9, "sign": 3.6, "note": 2.4}
        if portrait:  # the name first: an 80-letter name in four lines, the thumbprint no wider than a thumb
            weights = {"name": 6.0, "address": 3.6, "item": 0.6, "sign": 3.0, "note": 1.0}
        least = {k: fit(titles["sign_l" if k == "sign" else k].split(), BOLD) for k in weights}
        # In portrait a signature may overrun the empty half of its zig-zag cell.
        least["sign"] = max(least["sign"], (3.0 if portrait else 3.4) * cm)
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
        self._wrapped: dict[tuple[str, str], list[str]] = {}

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

    def _wrap(self, key: str, text: str) -> list[str]:
        return wrap_lines(text, FONT, self.size, self.text_w[key], MAX_LINES)

    def _repeated(self, key: str, text: str) -> list[str]:
        # An event has a handful of items and notes such as "Belum mengambil": wrap each once.
        lines = self._wrapped.get((key, text))
        if lines is None:
            lines = self._wrapped[(key, text)] = self._wrap(key, text)
        return lines

    def note(self, r: RosterRow) -> str:
        if not self.data.annotated or r.collected is None:
            return r.note
        if r.collected:  # the note already says how: "Diambil 09.15", "Diwakilkan: Siti (istri)"
            return f"{TICK} {r.note or 'Diambil'}"
        return r.note or "Tidak diambil"

    def row(self, r: RosterRow) -> tuple[list[str], float]:
        """The row's cells and the height it needs: at least the room to sign, more when a name,
        an address or a note takes more lines."""
        sign = self.signature(r.no)
        odd = r.no % 2 == 1  # zig-zag: odd numbers sign left, even numbers right
        wrapped = {"name": self._wrap("name", r.name), "address": self._wrap("address", r.address),
                   "item": self._repeated("item", r.item), "note": self._repeated("note", self.note(r))}
        cell = {"no": str(r.no), "nik": f"{r.nik}\n{r.no_kk}" if self.stacked else r.nik, "kk": r.no_kk,
                "amount": thousands(r.amount), "sign_l": sign if odd else "", "sign_r": "" if odd else sign,
                "thumb": ""}
        cell.update((k, "\n".join(v)) for k, v in wrapped.items())
        lines = max(len(v) for v in wrapped.values())
        height = max(self.row_h, lines * self.leading + CELL_V + 2)
        return [cell[k] for k in self.keys], height
