"""The Berita Acara Serah Terima (BAST) of a distribution: title and Nomor, the date spelled out,
PIHAK PERTAMA and PIHAK KEDUA, numbered statements of what was handed over (in figures and in
words), the closing sentence, and the signatures kept together on one page.

Only a closed event's BAST is final. Before that the counts can still change, so the paper says
SEMENTARA across every page and in its title, and has no number (the service takes the number
from the letter register only when it is first printed final). No paragraph ends on a lone word
("2026" alone on the title's second line): the last two words of every paragraph are bound."""

from __future__ import annotations

import io
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.core.domain.money import amount_in_words, figures, spelled_date, thousands
from desktop.core.io.pdf.aid_data import BastData, Party, Signer
from desktop.core.io.dates import long_date
from desktop.core.io.pdf.layout import continued
from desktop.core.io.pdf.letter import BOLD, FONT, PAPERS, _kop, _styles, nip_groups, register_fonts
from desktop.core.io.pdf.paging import PagedCanvas, signer_markup, signer_size

# Bea meterai (UU 10/2020): a document stating an amount of money above Rp5.000.000.
METERAI_THRESHOLD = 5_000_000
SIGN_SPACE = 2.2 * cm
NAME_READABLE = 8.5  # a signer's name shrinks no further on one line: past that its degrees take a line


class MeteraiBox(Flowable):
    """A dashed box where the Rp10.000 stamp goes, drawn in the signing space."""

    def __init__(self, width: float = 2.6 * cm, height: float = 1.6 * cm) -> None:
        super().__init__()
        self.width, self.height = width, height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setDash(2, 2)
        c.setLineWidth(0.5)
        c.setStrokeColor(colors.grey)
        c.rect(0, 0, self.width, self.height)
        c.setFillColor(colors.grey)
        c.setFont(FONT, 7)
        c.drawCentredString(self.width / 2, self.height / 2 + 1, "Meterai")
        c.drawCentredString(self.width / 2, self.height / 2 - 8, "Rp10.000")
        c.restoreState()


def needs_meterai(data: BastData) -> bool:
    """Cash above Rp5.000.000 in either amount the document states."""
    return data.cash and max(data.collected_total, data.due_total) > METERAI_THRESHOLD


def bound(markup: str) -> str:
    """The last space of a paragraph's text (outside its tags) made non-breaking, so the last
    line never holds a single word."""
    depth = 0
    for i in range(len(markup) - 1, -1, -1):
        ch = markup[i]
        if ch == ">":
            depth += 1
        elif ch == "<":
            depth -= 1
        elif ch == " " and depth == 0:
            return markup[:i] + "\u00a0" + markup[i + 1:]
    return markup


def _para(markup: str, style: ParagraphStyle, **kwargs) -> Paragraph:
    return Paragraph(bound(markup), style, **kwargs)


def _draft_mark(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(BOLD, 90)
    canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
    canvas.translate(doc.pagesize[0] / 2, doc.pagesize[1] / 2)
    canvas.rotate(55)
    canvas.drawCentredString(0, -30, "SEMENTARA")
    canvas.restoreState()


def _statements(d: BastData) -> list[str]:
    def amount(n: int) -> str:
        return f"<b>{figures(n, d.cash, d.unit)}</b> (<i>{amount_in_words(n, d.cash, d.unit)}</i>)"

    desa = ", ".join(d.desa)
    much = "sebesar" if d.cash else "sebanyak"
    out = [f"PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menerima dari PIHAK PERTAMA, "
           f"bantuan berupa <b>{escape(d.item)}</b> dari program <b>{escape(d.programme)}</b> "
           f"{escape(d.period)}, yang bersumber dari {escape(d.funding)}, untuk penerima di "
           f"{escape(desa)}."]
    out.append(f"Jumlah penerima menurut daftar sebanyak <b>{thousands(d.due_count)} penerima</b> dengan jumlah "
               f"bantuan {amount(d.due_total)}.")
    out.append(f"Bantuan telah diterima oleh <b>{thousands(d.collected_count)} penerima</b>, termasuk "
               f"{thousands(d.proxy_count)} penerima yang diwakilkan dengan surat kuasa; "
               f"{thousands(d.absent_count)} penerima tidak hadir atau tidak mengambil.")
    out.append(f"Jumlah bantuan yang diserahterimakan {much} {amount(d.collected_total)}.")
    if d.due_total > d.collected_total:
        out.append(f"Bantuan yang belum diserahkan {much} {amount(d.due_total - d.collected_total)} "
                   f"diselesaikan sesuai ketentuan yang berlaku.")
    if d.basis:
        out.append(f"Penyerahan ini dilaksanakan berdasarkan {escape(d.basis)}.")
    out.append("Daftar penerima yang telah ditandatangani atau dibubuhi cap jempol oleh para penerima terlampir "
               "dan merupakan bagian yang tidak terpisahkan dari berita acara ini.")
    return out


def bast_bytes(data: BastData, paper: str = "f4") -> bytes:
    """The BAST as a PDF on portrait A4 or F4."""
    register_fonts()
    buffer = io.BytesIO()
    d = data
    doc = SimpleDocTemplate(buffer, pagesize=PAPERS[paper], leftMargin=3 * cm, rightMargin=2 * cm,
                            topMargin=1.2 * cm, bottomMargin=2 * cm, initialFontName=FONT,
                            title=d.title + ("" if d.final else " (SEMENTARA)"), author=d.kop.office,
                            subject=f"Nomor {d.number}" if d.final else "Sementara, belum bernomor")
    width = doc.width - 12  # the frame pads 6 pt each side
    st = _styles()
    story = _kop(d.kop, width, st)
    title = escape(d.title) if d.final else f"{escape(d.title)} (SEMENTARA)"
    number = (f"Nomor: {escape(d.number)}" if d.final
              else "Nomor: ............ (diberikan setelah penyaluran ditutup)")
    story += [_para(f"<u>{title}</u>", st["title"]),
              _para(number, ParagraphStyle("no", parent=st["base"], alignment=TA_CENTER)), Spacer(1, 12)]
    story += [_para(f"Pada hari ini {spelled_date(d.event_date)}, bertempat di {escape(d.event_place)}, "
                    f"kami yang bertanda tangan di bawah ini:", st["just"]), Spacer(1, 6)]
    for n, (party, role) in enumerate(((d.first, "PIHAK PERTAMA"), (d.second, "PIHAK KEDUA")), 1):
        story += _party(n, party, role, width, st)
    story += [_para("Dengan ini menyatakan hal-hal sebagai berikut:", st["just"]), Spacer(1, 4)]
    numbered = ParagraphStyle("num", parent=st["just"], leftIndent=0.8 * cm, bulletIndent=0.1 * cm,
                              bulletFontName=FONT, bulletFontSize=11, spaceAfter=4)
    statements = [_para(text, numbered, bulletText=f"{n}.") for n, text in enumerate(_statements(d), 1)]
    closing = _para("Demikian berita acara ini dibuat dengan sebenarnya untuk dapat dipergunakan "
                    "sebagaimana mestinya.", st["just"])
    pair, witnesses, camat = _signatures(d, width, st)
    # The closing sentence and both parties' signatures travel together, and the last statement
    # with them, so a page never opens with "Demikian…" nor holds a signature alone. The witnesses
    # and the Camat's acknowledgement, kept together, may follow on the next page rather than
    # leave this one a third empty.
    story += [*statements[:-1], KeepTogether([statements[-1], Spacer(1, 6), closing, Spacer(1, 12), *pair])]
    if witnesses or camat:
        story.append(KeepTogether([*witnesses, *camat]))
    # An official paper carries no "Dicetak dengan Simpul"; a provisional one says what it is.
    footer = "" if d.final else "SEMENTARA: dicetak sebelum penyaluran ditutup, bukan berita acara yang sah"
    mark = (lambda canvas, doc: None) if d.final else _draft_mark
    label = f"Berita acara Nomor {d.number}" if d.final else "Berita acara sementara"

    def later(canvas, doc) -> None:  # a continued page says whose it is, as tata naskah dinas asks
        mark(canvas, doc)
        continued(canvas, doc, f"{label}, halaman {doc.page}")
    doc.build(story, onFirstPage=mark, onLaterPages=later,
              canvasmaker=partial(PagedCanvas, footer=footer, margin=doc.leftMargin, footer_y=1.2 * cm))
    return buffer.getvalue()


def _party(n: int, p: Party, role: str, width: float, st: dict) -> list:
    name = f"<b>{escape(p.name)}</b>" if p.name else "." * 50
    rows = [["Nama", ":", Paragraph(name, st["base"])]]
    if p.nip:
        rows.append(["NIP", ":", nip_groups(p.nip)])
    rows += [["Jabatan", ":", Paragraph(escape(p.jabatan), st["base"])],
             ["Alamat", ":", Paragraph(escape(p.address or "-"), st["base"])]]
    rows[0].insert(0, f"{n}.")
    for row in rows[1:]:
        row.insert(0, "")
    table = Table(rows, colWidths=[0.8 * cm, 2.4 * cm, 0.4 * cm, width - 3.6 * cm])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 11), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    tail = ParagraphStyle("tail", parent=st["just"], leftIndent=0.8 * cm)
    return [table, _para(f"selanjutnya disebut <b>{role}</b>.", tail), Spacer(1, 8)]


def _block(heading: list[str], name: str, nip: str, st: dict, pangkat: str = "", meterai: bool = False,
           width: float = 7 * cm) -> list:
    """One signature: heading, signing space (with the meterai box if due), name, pangkat, NIP."""
    return [_heading(heading, st), _space(meterai), *_name(name, nip, st, pangkat, width=width)]


def _centre(st: dict) -> ParagraphStyle:
    return ParagraphStyle("sig", parent=st["base"], alignment=TA_CENTER)


def _heading(lines: list[str], st: dict) -> Paragraph:
    return Paragraph("<br/>".join(bound(escape(line)) for line in lines), _centre(st))


def _space(meterai: bool) -> Flowable:
    if not meterai:
        return Spacer(1, SIGN_SPACE)
    table = Table([[MeteraiBox()]], colWidths=[None], rowHeights=[SIGN_SPACE])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 11), ("ALIGN", (0, 0), (-1, -1), "LEFT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0.4 * cm)]))
    return table


def _name(name: str, nip: str, st: dict, pangkat: str = "", width: float = 7 * cm, size: float | None = None) -> list:
    """The signer's name on one line (smaller type if it must), else the degrees as a whole on a
    line of their own, never a break inside the name; `size` is shared by names side by side."""
    centre = _centre(st)
    if name:
        size = size or signer_size([name], BOLD, centre.fontSize, width - 8, NAME_READABLE, 7)
        style = ParagraphStyle(f"sign{size}", parent=centre, fontSize=size, leading=max(size * 1.25, 11))
        out = [Paragraph(f"<b><u>{signer_markup(name, BOLD, size, width - 8)}</u></b>", style)]
    else:
        out = [Paragraph("(" + "." * 45 + ")", centre)]
    if pangkat:
        out.append(Paragraph(escape(pangkat), centre))
    if nip:
        out.append(Paragraph(f"NIP. {nip_groups(nip)}", centre))
    return out


def _signatures(d: BastData, width: float, st: dict) -> tuple[list, list, list]:
    """PIHAK KEDUA left, PIHAK PERTAMA right, in rows so both names sit on one line however
    long either jabatan is, in one type size; then the witnesses, then the Camat in the middle."""
    half = width / 2
    size = signer_size([d.second.name, d.first.name], BOLD, _centre(st).fontSize, half - 8, NAME_READABLE, 7)
    date = Paragraph(f"{escape(d.place)}, {long_date(d.event_date).replace(' ', chr(0xA0))}", _centre(st))
    rows = [["", date],
            [_heading(["PIHAK KEDUA,", d.second.jabatan], st), _heading(["PIHAK PERTAMA,", d.first.jabatan], st)],
            [_space(needs_meterai(d)), _space(False)],
            [_name(d.second.name, d.second.nip, st, width=half, size=size),
             _name(d.first.name, d.first.nip, st, width=half, size=size)]]
    pair = Table(rows, colWidths=[half, half])
    pair.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 11), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    out: list = []
    if d.witnesses:
        out += [Spacer(1, 12), Paragraph("Saksi-saksi:", st["base"]), Spacer(1, 2)]
        rows = []
        for n, w in enumerate(d.witnesses, 1):
            who = f"{n}. {escape(w.name)}" + (f"<br/><font size=9>{escape(w.jabatan)}</font>" if w.jabatan else "")
            rows.append([Paragraph(who, ParagraphStyle("w", parent=st["base"], leftIndent=12, firstLineIndent=-12)),
                         f"{n}. " + "." * 30])
        table = Table(rows, colWidths=[width * 0.55, width * 0.45], rowHeights=[1.3 * cm] * len(rows))
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 11), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        out.append(table)
    camat = [Spacer(1, 12), *_camat(d.camat, width, st)] if d.camat else []
    return [pair], out, camat


def _camat(s: Signer, width: float, st: dict) -> list:
    block = _block(s.heading.split("\n"), s.name, s.nip, st, s.pangkat, width=width / 2)
    table = Table([["", block, ""]], colWidths=[width / 4, width / 2, width / 4])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 11), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [table]
