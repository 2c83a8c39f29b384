"""The Berita Acara Serah Terima (BAST) of a distribution: title and Nomor, the date spelled out,
PIHAK PERTAMA and PIHAK KEDUA, numbered statements of what was handed over (in figures and in
words), the closing sentence, and the signatures kept together on one page."""

from __future__ import annotations

import io
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.core.domain.money import amount_in_words, figures, spelled_date
from desktop.core.io.pdf.aid_data import BastData, Party, Signer
from desktop.core.io.dates import long_date
from desktop.core.io.pdf.letter import FONT, PAPERS, _kop, _styles, nip_groups, register_fonts
from desktop.core.io.pdf.roster import NumberedCanvas

# Bea meterai (UU 10/2020): a document stating an amount of money above Rp5.000.000.
METERAI_THRESHOLD = 5_000_000
SIGN_SPACE = 2.2 * cm


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


def _statements(d: BastData) -> list[str]:
    def amount(n: int) -> str:
        return f"<b>{figures(n, d.cash, d.unit)}</b> (<i>{amount_in_words(n, d.cash, d.unit)}</i>)"

    desa = ", ".join(d.desa)
    much = "sebesar" if d.cash else "sebanyak"
    out = [f"PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menerima dari PIHAK PERTAMA, "
           f"bantuan berupa <b>{escape(d.item)}</b> dari program <b>{escape(d.programme)}</b> "
           f"{escape(d.period)}, yang bersumber dari {escape(d.funding)}, untuk penerima di "
           f"{escape(desa)}."]
    out.append(f"Jumlah penerima menurut daftar sebanyak <b>{d.due_count} penerima</b> dengan jumlah bantuan "
               f"{amount(d.due_total)}.")
    out.append(f"Bantuan telah diterima oleh <b>{d.collected_count} penerima</b>, termasuk {d.proxy_count} penerima "
               f"yang diwakilkan dengan surat kuasa; {d.absent_count} penerima tidak hadir atau tidak mengambil.")
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
    doc = SimpleDocTemplate(buffer, pagesize=PAPERS[paper], leftMargin=3 * cm, rightMargin=2 * cm,
                            topMargin=1.2 * cm, bottomMargin=2 * cm, title=data.title, author=data.kop.office,
                            subject=f"Nomor {data.number}")
    width = doc.width - 12  # the frame pads 6 pt each side
    st = _styles()
    d = data
    story = _kop(d.kop, width, st)
    story += [Paragraph(f"<u>{escape(d.title)}</u>", st["title"]),
              Paragraph(f"Nomor: {escape(d.number)}", ParagraphStyle("no", parent=st["base"], alignment=TA_CENTER)),
              Spacer(1, 12)]
    story += [Paragraph(f"Pada hari ini {spelled_date(d.event_date)}, bertempat di {escape(d.event_place)}, "
                        f"kami yang bertanda tangan di bawah ini:", st["just"]), Spacer(1, 6)]
    for n, (party, role) in enumerate(((d.first, "PIHAK PERTAMA"), (d.second, "PIHAK KEDUA")), 1):
        story += _party(n, party, role, width, st)
    story += [Paragraph("Dengan ini menyatakan hal-hal sebagai berikut:", st["just"]), Spacer(1, 4)]
    numbered = ParagraphStyle("num", parent=st["just"], leftIndent=0.8 * cm, bulletIndent=0.1 * cm,
                              bulletFontName=FONT, bulletFontSize=11, spaceAfter=4)
    story += [Paragraph(text, numbered, bulletText=f"{n}.") for n, text in enumerate(_statements(d), 1)]
    closing = Paragraph("Demikian berita acara ini dibuat dengan sebenarnya untuk dapat dipergunakan "
                        "sebagaimana mestinya.", st["just"])
    # The closing sentence and the signatures travel together: never a signature alone on a page.
    story.append(KeepTogether([Spacer(1, 6), closing, Spacer(1, 12), *_signatures(d, width, st)]))
    footer = f"Dicetak dengan Simpul \u00b7 Berita acara serah terima {d.programme}"
    doc.build(story, canvasmaker=partial(NumberedCanvas, footer=footer, margin=doc.leftMargin, footer_y=1.2 * cm))
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
    return [table, Paragraph(f"selanjutnya disebut <b>{role}</b>.", tail), Spacer(1, 8)]


def _block(heading: list[str], name: str, nip: str, st: dict, pangkat: str = "", meterai: bool = False) -> list:
    """One signature: heading, signing space (with the meterai box if due), name, pangkat, NIP."""
    return [_heading(heading, st), _space(meterai), *_name(name, nip, st, pangkat)]


def _centre(st: dict) -> ParagraphStyle:
    return ParagraphStyle("sig", parent=st["base"], alignment=TA_CENTER)


def _heading(lines: list[str], st: dict) -> Paragraph:
    return Paragraph("<br/>".join(escape(line) for line in lines), _centre(st))


def _space(meterai: bool) -> Flowable:
    if not meterai:
        return Spacer(1, SIGN_SPACE)
    table = Table([[MeteraiBox()]], colWidths=[None], rowHeights=[SIGN_SPACE])
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "LEFT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0.4 * cm)]))
    return table


def _name(name: str, nip: str, st: dict, pangkat: str = "") -> list:
    centre = _centre(st)
    out = [Paragraph(f"<b><u>{escape(name)}</u></b>" if name else "(" + "." * 45 + ")", centre)]
    if pangkat:
        out.append(Paragraph(escape(pangkat), centre))
    if nip:
        out.append(Paragraph(f"NIP. {nip_groups(nip)}", centre))
    return out


def _signatures(d: BastData, width: float, st: dict) -> list:
    """PIHAK KEDUA left, PIHAK PERTAMA right, in rows so both names sit on one line however
    long either jabatan is; witnesses below, then the Camat in the middle."""
    half = width / 2
    date = Paragraph(f"{escape(d.place)}, {long_date(d.event_date)}", _centre(st))
    rows = [["", date],
            [_heading(["PIHAK KEDUA,", d.second.jabatan], st), _heading(["PIHAK PERTAMA,", d.first.jabatan], st)],
            [_space(needs_meterai(d)), _space(False)],
            [_name(d.second.name, d.second.nip, st), _name(d.first.name, d.first.nip, st)]]
    pair = Table(rows, colWidths=[half, half])
    pair.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    out: list = [pair]
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
    if d.camat:
        out += [Spacer(1, 12), *_camat(d.camat, width, st)]
    return out


def _camat(s: Signer, width: float, st: dict) -> list:
    block = _block(s.heading.split("\n"), s.name, s.nip, st, s.pangkat)
    table = Table([["", block, ""]], colWidths=[width / 4, width / 2, width / 4])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [table]
