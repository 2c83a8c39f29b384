"""Coupons (kupon / undangan pengambilan bantuan): 8 on an A4 page, 10 on F4, with dashed cut
lines. Each carries the event, the recipient with a masked NIK, the item and a QR code that
holds exactly the coupon code, so a USB scanner at the desk types the code into Simpul.

Drawn straight on the canvas: every coupon has the same fixed box, and platypus would only add
cost and the risk of a coupon split over two pages."""

from __future__ import annotations

import io
import math

from reportlab.graphics import renderPDF
from reportlab.lib import colors
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.core.domain.money import figures
from desktop.core.io.pdf.aid_data import Coupon, CouponData
from desktop.core.io.dates import day_and_date
from desktop.core.io.pdf.letter import BOLD, FONT, ITALIC, PAPERS, _qr, register_fonts
from desktop.core.io.pdf.roster import clip_lines

LAYOUT = {"a4": (2, 4), "f4": (2, 5)}  # columns x rows per page
MARGIN = 8 * mm
FOOTER = 6 * mm
PAD = 3.5 * mm
QR_SIZE = 2.5 * cm
CODE_W = 3.3 * cm  # the code in large type under the QR


def _fit(text: str, font: str, size: float, width: float, smallest: float = 6) -> float:
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


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

    def coupon(self, c: Canvas, k: Coupon, x: float, y: float) -> None:
        """Draw one coupon with its top-left corner at (x, y)."""
        d = self.data
        left, right, top = x + PAD, x + self.w - PAD, y - PAD
        inner = right - left
        # Heading: emblem, government, office, what the coupon is for, and the number.
        text_x = left
        if self.logo:
            c.drawImage(self.logo, left, top - 9 * mm, width=9 * mm, height=9 * mm, preserveAspectRatio=True,
                        mask="auto")
            text_x = left + 10.5 * mm
        number = f"No. {k.no}"
        number_w = stringWidth(number, BOLD, 9) + 2
        c.setFont(BOLD, 9)
        c.drawRightString(right, top - 8, number)
        head_w = right - number_w - text_x - 2
        c.setFont(FONT, _fit(d.kop.government, FONT, 6.5, head_w, 5))
        c.drawString(text_x, top - 7, d.kop.government)
        c.setFont(BOLD, _fit(d.kop.office, BOLD, 8.5, head_w, 6))
        c.drawString(text_x, top - 16, d.kop.office)
        title = "KUPON PENGAMBILAN BANTUAN"
        c.setFont(BOLD, 8)
        c.drawString(text_x, top - 25, title)
        programme = f"{d.programme} \u00b7 {d.period}"
        c.setFont(FONT, 7)
        for i, line in enumerate(clip_lines(programme, FONT, 7, right - text_x, 1).split("\n")):
            c.drawString(text_x, top - 33.5 - 8 * i, line)
        rule = top - 38
        c.setLineWidth(0.6)
        c.line(left, rule, right, rule)

        # QR code and the code in large type in a column of their own on the right.
        qr_size = self.qr_size
        column = right - CODE_W
        qr_top = rule - 3
        renderPDF.draw(_qr(k.code, qr_size), c, column + (CODE_W - qr_size) / 2, qr_top - qr_size)
        code_size = _fit(k.code, BOLD, 12, CODE_W, 7)
        c.setFont(BOLD, code_size)
        c.drawCentredString(column + CODE_W / 2, qr_top - qr_size - code_size - 1, k.code)

        # The note at the foot of the coupon, as wide as the coupon.
        bottom = y - self.h + PAD
        note_lines = clip_lines(d.note, ITALIC, 6.5, inner, 2).split("\n") if d.note else []
        c.setFont(ITALIC, 6.5)
        for i, line in enumerate(reversed(note_lines)):
            c.drawString(left, bottom + i * 7.5, line)

        # The fields on the left, each wrapped; when they would run into the note, the longest
        # values give up their second line first.
        label_w = 1.45 * cm
        value_w = column - left - label_w - 2 * mm
        amount = figures(k.amount, d.cash, d.unit)
        fields = [("Nama", k.name, BOLD, 8.5, 2), ("NIK", k.nik, FONT, 8, 1), ("Alamat", k.address, FONT, 7.5, 2),
                  ("Desa", k.desa, FONT, 7.5, 1), ("Hari/tgl", self.when, FONT, 7.5, 1),
                  ("Pukul", d.event_time, FONT, 7.5, 1), ("Tempat", d.event_place, FONT, 7.5, 2),
                  ("Bantuan", f"{k.item} \u2013 {amount}", BOLD, 7.5, 2)]
        wrapped = [clip_lines(value or "-", font, size, value_w, lines).split("\n")
                   for _, value, font, size, lines in fields]
        room = rule - 10 - (bottom + 7.5 * len(note_lines) + 2)
        for i in (6, 7, 2, 0):  # Tempat, Bantuan, Alamat, Nama
            if sum(9.5 + (len(w) - 1) * (f[3] + 1) for w, f in zip(wrapped, fields)) <= room:
                break
            _, value, font, size, _ = fields[i]
            wrapped[i] = clip_lines(value or "-", font, size, value_w, 1).split("\n")
        line_y = rule - 10
        for (label, _, font, size, _), lines in zip(fields, wrapped):
            c.setFont(FONT, 6.5)
            c.drawString(left, line_y, label)
            c.drawString(left + label_w - 6, line_y, ":")
            c.setFont(font, size)
            for i, line in enumerate(lines):
                if i:
                    line_y -= size + 1
                c.drawString(left + label_w, line_y, line)
            line_y -= 9.5

    def draw(self, target) -> None:
        d = self.data
        per_page = self.cols * self.rows
        pages = max(1, math.ceil(len(d.coupons) / per_page))
        c = Canvas(target, pagesize=(self.page_w, self.page_h))
        c.setTitle(f"Kupon {d.programme} {d.period}")
        c.setAuthor(d.kop.office)
        for page in range(pages):
            chunk = d.coupons[page * per_page:(page + 1) * per_page]
            self.cut_lines(c)
            for n, k in enumerate(chunk):
                col, row = n % self.cols, n // self.cols
                self.coupon(c, k, MARGIN + col * self.w, self.page_h - MARGIN - row * self.h)
            c.setFont(FONT, 6.5)
            c.setFillColor(colors.grey)
            c.drawString(MARGIN, MARGIN - 2, f"Dicetak dengan Simpul \u00b7 {d.programme}, {d.period}")
            c.drawRightString(self.page_w - MARGIN, MARGIN - 2, f"Halaman {page + 1} dari {pages}")
            c.setFillColor(colors.black)
            c.showPage()
        c.save()


def coupons_bytes(data: CouponData, paper: str = "a4") -> bytes:
    """The coupons as a PDF: 2 x 4 per A4 page, 2 x 5 per F4 page, in the order given."""
    register_fonts()
    buffer = io.BytesIO()
    _Sheet(data, paper).draw(buffer)
    return buffer.getvalue()
