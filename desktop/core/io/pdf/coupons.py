"""Coupons (kupon / undangan pengambilan bantuan): 8 on an A4 page, 10 on F4, with dashed cut
lines. Each carries the event, the recipient with a masked NIK, the item and a QR code that
holds exactly the coupon code, so a USB scanner at the desk types the code into Simpul.

Drawn straight on the canvas: every coupon has the same fixed box, and platypus would only add
cost and the risk of a coupon split over two pages. What every coupon shares (the kop, the title,
the note at the foot, the cut lines) is drawn once into a form and placed by reference; per
coupon only its own words and its QR code are drawn, the QR as one filled path (see qr.py). A
coupon costs about as much as a roster row."""

from __future__ import annotations

import io
import math

from reportlab.lib import colors
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.core.domain.money import figures
from desktop.core.io.dates import day_and_date
from desktop.core.io.pdf.aid_data import Coupon, CouponData
from desktop.core.io.pdf.letter import BOLD, FONT, ITALIC, PAPERS, register_fonts
from desktop.core.io.pdf.paging import PagedCanvas, fitted_size, wrap_lines
from desktop.core.io.pdf.qr import qr_ops
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled

LAYOUT = {"a4": (2, 4), "f4": (2, 5)}  # columns x rows per page
MARGIN = 8 * mm
FOOTER = 6 * mm
PAD = 3.5 * mm
QR_SIZE = 2.5 * cm
CODE_W = 3.3 * cm  # the code in large type under the QR
KIND = {"desa": "Desa", "kelurahan": "Kelurahan"}
FIELD_GAP = 9.5  # from one field's last line to the next field
NAME_LINES = 4  # an 80-character name wraps in full on an A4 coupon


class _Sheet:
    def __init__(self, data: CouponData, paper: str) -> None:
        self.data = data
        self.page_w, self.page_h = PAPERS[paper]
        self.cols, self.rows = LAYOUT.get(paper, (2, 4))
        self.w = (self.page_w - 2 * MARGIN) / self.cols
        self.h = (self.page_h - 2 * MARGIN - FOOTER) / self.rows
        d = data
        self.when = day_and_date(d.event_date)
        # A4 coupons are taller than F4 ones: a larger QR reads more easily from a worn coupon.
        self.qr_size = QR_SIZE if self.h < 6.5 * cm else 2.9 * cm
        self.logo = ImageReader(io.BytesIO(d.kop.logo)) if d.kop.logo else None
        self.inner = self.w - 2 * PAD
        self.column = self.inner - CODE_W  # x of the QR column, from the coupon's left padding
        self.label_w = 1.45 * cm
        self.value_w = self.column - self.label_w - 2 * mm
        self.rule = -PAD - 38  # y of the rule under the heading, from the coupon's top
        self.note_lines = wrap_lines(d.note, ITALIC, 6.5, self.inner, 2) if d.note else []
        self.fields_top = self.rule - 10
        self.fields_bottom = -self.h + PAD + 7.5 * len(self.note_lines) + 2
        self._wrapped: dict[tuple, list[str]] = {}

    # -- what every coupon shares, drawn once -------------------------------------------------

    def shared_form(self, c: Canvas) -> None:
        """The kop, title, programme, rule and note of a coupon, relative to its top-left corner."""
        d = self.data
        c.beginForm("coupon", lowerx=0, lowery=-self.h, upperx=self.w, uppery=0)
        left, right, top = PAD, self.w - PAD, -PAD
        text_x = left
        if self.logo:
            c.drawImage(self.logo, left, top - 9 * mm, width=9 * mm, height=9 * mm, preserveAspectRatio=True,
                        mask="auto")
            text_x = left + 10.5 * mm
        head_w = right - text_x - 45  # room for "No. 12345" on the right
        c.setFont(FONT, fitted_size(d.kop.government, FONT, 6.5, head_w, 5))
        c.drawString(text_x, top - 7, d.kop.government)
        c.setFont(BOLD, fitted_size(d.kop.office, BOLD, 8.5, head_w, 6))
        c.drawString(text_x, top - 16, d.kop.office)
        c.setFont(BOLD, 8)
        c.drawString(text_x, top - 25, "KUPON PENGAMBILAN BANTUAN")
        programme = f"{d.programme} \u00b7 {d.period}"
        c.setFont(FONT, 7)
        c.drawString(text_x, top - 33.5, wrap_lines(programme, FONT, 7, right - text_x, 1)[0])
        c.setLineWidth(0.6)
        c.line(left, self.rule, right, self.rule)
        c.setFont(ITALIC, 6.5)
        for i, line in enumerate(reversed(self.note_lines)):
            c.drawString(left, -self.h + PAD + i * 7.5, line)
        c.endForm()

    def cut_lines(self, c: Canvas) -> None:
        """Dashed lines on every coupon edge: cut along them, nothing is lost between two coupons."""
        c.saveState()
        c.setDash(3, 2)
        c.setLineWidth(0.4)
        c.setStrokeColor(colors.grey)
        top, bottom = self.page_h - MARGIN, self.page_h - MARGIN - self.rows * self.h
        for i in range(self.cols + 1):
            x = MARGIN + i * self.w
            c.line(x, bottom, x, top)
        for j in range(self.rows + 1):
            y = top - j * self.h
            c.line(MARGIN, y, MARGIN + self.cols * self.w, y)
        c.restoreState()

    # -- one coupon -------------------------------------------------------------------------------

    def _wrap(self, text: str, font: str, size: float, lines: int) -> list[str]:
        key = (text, font, size, lines)
        out = self._wrapped.get(key)
        if out is None:
            out = wrap_lines(text or "-", font, size, self.value_w, lines)
            if len(self._wrapped) < 2000:  # place, item, desa repeat on every coupon
                self._wrapped[key] = out
        return out

    def fields(self, k: Coupon) -> list[tuple[str, str, float, list[str]]]:
        """(label, font, size, lines) per field. The name wraps in full, in a smaller type when it
        would take more than three lines; when the fields would run into the note, place, item
        and address give up their second line first."""
        d = self.data
        name_size = 8.5
        name = wrap_lines(k.name or "-", BOLD, name_size, self.value_w)
        if len(name) > 3:
            name_size = 7.5
            name = wrap_lines(k.name, BOLD, name_size, self.value_w, NAME_LINES)
        amount = figures(k.amount, d.cash, d.unit)
        out = [("Nama", BOLD, name_size, name), ("NIK", FONT, 8, [k.nik or "-"]),
               ("Alamat", FONT, 7.5, wrap_lines(k.address or "-", FONT, 7.5, self.value_w, 2)),
               (KIND.get(k.desa_kind, "Desa"), FONT, 7.5, self._wrap(k.desa, FONT, 7.5, 1)),
               ("Hari/tgl", FONT, 7.5, self._wrap(self.when, FONT, 7.5, 1)),
               ("Pukul", FONT, 7.5, self._wrap(d.event_time, FONT, 7.5, 1)),
               ("Tempat", FONT, 7.5, self._wrap(d.event_place, FONT, 7.5, 2)),
               ("Bantuan", BOLD, 7.5, self._wrap(f"{k.item} \u2013 {amount}", BOLD, 7.5, 2))]
        room = self.fields_top - self.fields_bottom
        for i in (6, 7, 2):  # Tempat, Bantuan, Alamat
            if sum(FIELD_GAP + (len(f[3]) - 1) * (f[2] + 1) for f in out) <= room:
                break
            label, font, size, lines = out[i]
            if len(lines) > 1:
                out[i] = (label, font, size, wrap_lines(" ".join(lines), font, size, self.value_w, 1))
        return out

    def coupon(self, c: Canvas, k: Coupon, x: float, y: float) -> None:
        """Draw one coupon with its top-left corner at (x, y)."""
        c.saveState()
        c.translate(x, y)
        c.doForm("coupon")
        left, right = PAD, self.w - PAD
        c.setFont(BOLD, 9)
        c.drawRightString(right, -PAD - 8, f"No. {k.no}")
        # QR code and the code in large type in a column of their own on the right.
        column = left + self.column
        qr_top = self.rule - 3
        side, ops = qr_ops(k.code)
        scale = self.qr_size / side
        qx, qy = column + (CODE_W - self.qr_size) / 2, qr_top - self.qr_size
        c.addLiteral(f"q {scale:.4f} 0 0 {scale:.4f} {qx:.2f} {qy:.2f} cm 0 g {ops} f Q")
        code_size = fitted_size(k.code, BOLD, 12, CODE_W, 7)
        c.setFont(BOLD, code_size)
        c.drawCentredString(column + CODE_W / 2, qr_top - self.qr_size - code_size - 1, k.code)
        # The fields on the left, each wrapped.
        line_y = self.fields_top
        value_x = left + self.label_w
        for label, font, size, lines in self.fields(k):
            c.setFont(FONT, 6.5)
            c.drawString(left, line_y, label)
            c.drawString(value_x - 6, line_y, ":")
            c.setFont(font, size)
            for i, line in enumerate(lines):
                if i:
                    line_y -= size + 1
                c.drawString(value_x, line_y, line)
            line_y -= FIELD_GAP
        c.restoreState()

    def draw(self, target, progress: Progress = NULL_PROGRESS) -> None:
        d = self.data
        per_page = self.cols * self.rows
        pages = max(1, math.ceil(len(d.coupons) / per_page))
        c = PagedCanvas(target, pagesize=(self.page_w, self.page_h), margin=MARGIN, footer_y=MARGIN - 2,
                        footer=f"Dicetak dengan Simpul \u00b7 {d.programme}, {d.period}",
                        initialFontName=FONT, initialFontSize=8)
        c.setTitle(f"Kupon {d.programme} {d.period}")
        c.setAuthor(d.kop.office)
        self.shared_form(c)
        progress.start(len(d.coupons), "Menyusun kupon")
        for page in range(pages):
            check_cancelled(progress)
            chunk = d.coupons[page * per_page:(page + 1) * per_page]
            self.cut_lines(c)
            for n, k in enumerate(chunk):
                col, row = n % self.cols, n // self.cols
                self.coupon(c, k, MARGIN + col * self.w, self.page_h - MARGIN - row * self.h)
            c.showPage()
            progress.advance(len(chunk))
        c.save()


def coupons_bytes(data: CouponData, paper: str = "a4", progress: Progress = NULL_PROGRESS) -> bytes:
    """The coupons as a PDF: 2 x 4 per A4 page, 2 x 5 per F4 page, in the order given."""
    register_fonts()
    buffer = io.BytesIO()
    _Sheet(data, paper).draw(buffer, progress)
    return buffer.getvalue()
