"""The referral letter (surat rujukan) as an Indonesian government office prints it: kop with the
regional emblem and a double rule, place and date, Nomor/Sifat/Lampiran/Hal, "Yth." addressee,
body with the person's identity, a signature block that never stands alone on a page and keeps the
tembusan with it, a QR code that proves the letter, and a reply slip on a page of its own. A letter
in a sensitive PPKS category also prints one copy per tembusan addressee, without the category.
A continued page carries "Surat rujukan Nomor …, halaman 2" at the top, as tata naskah dinas
numbers every page after the first. Every text is printed as typed (escaped for reportlab's
markup); fonts are embedded."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

from desktop.core.io.dates import long_date
from desktop.core.io.pdf.layout import (  # noqa: F401 (F4, DoubleRule, ITALIC: imported from here by others)
    BOLD,
    F4,
    FONT,
    ITALIC,
    PAPERS,
    DoubleRule,
    SimpulCanvas,
    continued,
    fitted,
    kop,
    nip_groups,
    qr_drawing,
    register_fonts,
    styles,
    table_style,
    text,
)
from desktop.core.io.pdf.paging import signer_markup, signer_size

# The page furniture moved to layout.py; the other papers may still import it from here by these names.
_kop, _styles, _qr, _fitted = kop, styles, qr_drawing, fitted

PADDINGS = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
CATEGORY_LABEL = "Kategori PPKS"  # the identity row that copies of a sensitive letter leave out
HIDDEN = "(dirahasiakan)"  # what a copy of a sensitive letter prints for the category, problem and service
SNAPSHOT_VERSION = 1


@dataclass
class LetterData:
    government: str
    office: str
    office_address: str
    logo: bytes | None
    place: str
    letter_date: dt.date
    number: str
    sifat: str
    lampiran: str
    hal: str
    addressee: str
    city: str | None
    opening: str
    identity: list[tuple[str, str]]
    problem: str | None
    need: str
    documents: list[str]
    closing: str
    signer: dict
    tembusan: list[str] = field(default_factory=list)
    qr: str | None = None
    person_name: str = ""
    draft: bool = False  # not signed yet: every page says KONSEP so it is never sent by mistake
    sensitive: bool = False  # a sensitive PPKS category: the copies leave it (and the problem) out
    copies: list[str] = field(default_factory=list)  # tembusan addressees whose copy is printed here
    copy_opening: str | None = None  # the opening as the copies print it (None: as the original)


def snapshot(data: LetterData) -> dict:
    """The letter as JSON, frozen when it is signed so that a reprint is the letter as signed.
    The logo is left out: the service keeps each logo once, however many letters show it."""
    frozen = dataclasses.asdict(data)
    del frozen["logo"]
    frozen["letter_date"] = data.letter_date.isoformat()
    frozen["identity"] = [list(row) for row in data.identity]
    return {"v": SNAPSHOT_VERSION, **frozen}


def from_snapshot(frozen: dict, logo: bytes | None) -> LetterData:
    """The letter back from `snapshot` (keys it does not know, such as the logo's hash, are skipped)."""
    known = {f.name for f in dataclasses.fields(LetterData)}
    values = {k: v for k, v in frozen.items() if k in known}
    values["letter_date"] = dt.date.fromisoformat(frozen["letter_date"])
    values["identity"] = [(label, value) for label, value in frozen["identity"]]
    return LetterData(logo=logo, **values)


def _signature(data: LetterData, width: float, st: dict, tembusan: list | None = None) -> Table:
    """The QR code (left) beside the signature (right). `tembusan` goes under the code, with the
    caption beside a smaller code, and the signature's column only as wide as its lines: the
    compact ending for a page that has no room for the usual one."""
    s = data.signer
    heading = ([f"a.n. {s['an']},"] if s.get("an") else []) + [f"{s.get('jabatan') or ''},"]
    right = width * 0.55
    if tembusan is not None:  # as narrow as its longest line, so a tembusan line fits beside it
        widest = max([stringWidth(t, FONT, 11) for t in [*heading, s.get("pangkat") or "",
                                                        f"NIP. {nip_groups(s.get('nip'))}"]]
                     + [stringWidth(s.get("name") or "." * 40, BOLD, 11)])
        right = min(max(widest + 8, width * 0.4), right)
    lines: list = [Paragraph(text(line), st["base"]) for line in heading]
    lines.append(Spacer(1, 1.8 * cm))
    lines.append(_signer_name(s.get("name"), right - 6, st))
    if s.get("pangkat"):
        lines.append(Paragraph(text(s["pangkat"]), st["base"]))
    if s.get("nip"):
        lines.append(Paragraph(f"NIP. {text(nip_groups(s['nip']))}", st["base"]))
    caption = Paragraph("Keaslian surat dapat diperiksa dengan memindai kode ini di aplikasi Simpul kantor "
                        "pengirim.", st["small"])
    left: list = []
    if data.qr and tembusan is None:
        left = [qr_drawing(data.qr), caption]
    elif data.qr:  # a draft has no code yet
        code = qr_drawing(data.qr, 2.0 * cm)  # beside the caption, as small as a phone still reads
        left = [Table([[code, caption]], colWidths=[code.width + 6, width - right - code.width - 18],
                      style=table_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                        *[(side, (0, 0), (-1, -1), 0) for side in PADDINGS]), hAlign="LEFT")]
    left += tembusan or []
    table = Table([[left or "", lines]], colWidths=[width - right, right])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)))
    return table


def _signer_name(name: str | None, width: float, st: dict) -> Paragraph:
    """The signer's name on one line, a little smaller if it must; failing that the degrees go
    down to the next line as a whole: never "Muhammad Ridwan Syahputra, S.STP., / M.Si."."""
    if not name:
        return Paragraph("." * 40, st["base"])
    size = signer_size([name], BOLD, st["base"].fontSize, width, 9.5, 8)
    style = ParagraphStyle(f"signer{size}", parent=st["base"], fontSize=size, leading=max(size * 1.25, 12))
    return Paragraph(f"<u><b>{signer_markup(name, BOLD, size, width)}</b></u>", style)


class FirstThatFits(Flowable):
    """The first of several layouts of one block that fits in the room left on the page; when
    none does, the first, which then moves whole to the next page (it never splits)."""

    def __init__(self, *options: Flowable) -> None:
        super().__init__()
        self.options, self.chosen = options, options[0]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        for option in (*self.options, self.options[0]):
            self.chosen = option
            self.width, self.height = option.wrap(avail_width, avail_height)
            if self.height <= avail_height:
                break
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list:
        return []

    def draw(self) -> None:
        self.chosen.drawOn(self.canv, 0, 0)


def _ending(data: LetterData, width: float, st: dict) -> Flowable:
    """The closing sentence, the signature and the tembusan, kept together: neither the signature
    nor the tembusan ever opens a page alone. The tembusan goes under the signature, or, where
    that leaves no room on the page (a long name and address on A4), beside it under a smaller
    QR code, before the whole block would move to the next page (where the page's continuation
    header says whose letter it is)."""
    def closing(before: float, after: float) -> list:
        return [Spacer(1, before), Paragraph(text(data.closing), st["just"]), Spacer(1, after)]
    tembusan: list = []
    if data.tembusan:
        item = ParagraphStyle("tembusan", parent=st["small"], leftIndent=10, firstLineIndent=-10)  # hanging
        tembusan = [Paragraph("Tembusan:", st["small"])]
        tembusan += [Paragraph(f"{i}. {text(t)}", item) for i, t in enumerate(data.tembusan, 1)]

    def block(flowables: list) -> Table:
        return Table([[flowables]], colWidths=[width], style=table_style(*[
            (side, (0, 0), (-1, -1), 0) for side in PADDINGS]))
    usual = block([*closing(4, 10), _signature(data, width, st), *([Spacer(1, 8), *tembusan] if tembusan else [])])
    if not tembusan:
        return usual
    return FirstThatFits(usual, block([*closing(2, 6), _signature(data, width, st, [Spacer(1, 4), *tembusan])]))


def _two_columns(rows: list[tuple[str, str | None]], label_width: float, width: float, st: dict,
                 indent: float = 0, gap: float = 1) -> Table:
    """Label : value rows; a long value wraps under itself, never under the label or off the page."""
    table = Table([[label, ":" if label else "", Paragraph(text(value) or "-", st["base"])]
                   for label, value in rows],
                  colWidths=[label_width, 0.4 * cm, width - label_width - 0.4 * cm])
    table.setStyle(table_style(("FONTSIZE", (0, 0), (-1, -1), 11), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("LEFTPADDING", (0, 0), (0, -1), indent),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), gap)))
    return table


def _letter(data: LetterData, width: float, st: dict, copy_for: str | None = None) -> list:
    """The letter's pages: the original, or (copy_for) the copy for one tembusan addressee."""
    # A copy of a sensitive letter names neither the category nor the problem that would tell it.
    hide_category = copy_for is not None and data.sensitive
    story = kop(data, width, st)
    if copy_for is not None:
        story += [Paragraph(f"<b>TEMBUSAN</b> untuk {text(copy_for)}", ParagraphStyle(
            "copy", parent=st["small"], alignment=TA_RIGHT)), Spacer(1, 4)]
    story.append(Paragraph(f"{text(data.place)}, {long_date(data.letter_date)}", ParagraphStyle(
        "date", parent=st["base"], alignment=TA_RIGHT)))
    story.append(Spacer(1, 6))
    story += [_two_columns([("Nomor", data.number), ("Sifat", data.sifat), ("Lampiran", data.lampiran),
                            ("Hal", data.hal)], 2.3 * cm, width, st), Spacer(1, 12)]
    story.append(Paragraph(f"Yth. {text(data.addressee)}", st["base"]))
    story.append(Paragraph("di –", st["base"]))
    story.append(Paragraph(f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;{text(data.city)}", st["base"]))
    story.append(Spacer(1, 12))
    opening = data.copy_opening if hide_category and data.copy_opening is not None else data.opening
    for para in opening.split("\n\n"):
        story += [Paragraph(text(para).replace("\n", "<br/>"), st["just"]), Spacer(1, 6)]
    identity = [(k, v) for k, v in data.identity if not (hide_category and k == CATEGORY_LABEL)]
    story += [_two_columns(identity, 5.6 * cm, width, st, indent=1 * cm), Spacer(1, 8)]
    if data.problem and not hide_category:
        story += [Paragraph(f"<b>Permasalahan:</b> {text(data.problem)}", st["just"]), Spacer(1, 4)]
    # The service asked for tells the category as plainly as the problem does ("visum et repertum").
    need = HIDDEN if hide_category else text(data.need)
    story += [Paragraph(f"<b>Layanan yang dibutuhkan:</b> {need}", st["just"]), Spacer(1, 4)]
    if data.documents:
        story.append(Paragraph("<b>Dokumen terlampir:</b> " + text(", ".join(data.documents)) + ".", st["just"]))
        story.append(Spacer(1, 4))
    story.append(_ending(data, width, st))
    return story


def _reply_slip(data: LetterData, width: float, st: dict) -> list:
    dots = "." * 54
    table = _two_columns([("Nomor surat rujukan", data.number), ("Nama yang dirujuk", data.person_name),
                          ("Diterima tanggal", dots), ("Diterima oleh (nama, jabatan)", dots),
                          ("Layanan yang diberikan", dots), ("", dots), ("Saran tindak lanjut", dots)],
                         6.2 * cm, width, st, gap=9)
    sign = Table([["", [Paragraph("......................., ........................", st["base"]),
                        Paragraph("Petugas penerima,", st["base"]), Spacer(1, 2 * cm),
                        Paragraph("(.......................................)", st["base"])]]],
                 colWidths=[width * 0.5, width * 0.5], style=table_style())
    return [Paragraph("LEMBAR BALASAN RUJUKAN", st["title"]), Spacer(1, 4),
            Paragraph(f"Mohon diisi oleh lembaga penerima dan dikembalikan kepada {text(data.office.title())}.",
                      st["small"]), Spacer(1, 12), table, Spacer(1, 20), sign]


class _PartStart(Flowable):
    """Where one paper of the file begins (the letter, its reply slip, a copy), and what its
    continued pages say at the top."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label, self.width, self.height = label, 0, 0

    def draw(self) -> None:
        self.canv.simpul_part = (self.label, self.canv.getPageNumber())


class _LetterDoc(SimpleDocTemplate):
    """A letter file whose continued pages carry "Nomor …, halaman 2" at the top, as tata naskah
    dinas numbers every page after the first; each paper of the file counts its own pages."""

    def afterPage(self) -> None:  # noqa: N802 (reportlab's name)
        label, first = getattr(self.canv, "simpul_part", ("", self.page))
        if label and self.page > first:
            continued(self.canv, self, f"{label}, halaman {self.page - first + 1}")


def render_letter(data: LetterData, target: Path | io.BytesIO, paper: str = "f4") -> None:
    register_fonts()
    doc = _LetterDoc(str(target) if isinstance(target, Path) else target, pagesize=PAPERS[paper],
                     leftMargin=3 * cm, rightMargin=2 * cm, topMargin=1.2 * cm, bottomMargin=2.2 * cm,
                     title=f"Surat rujukan {data.number}", author=data.office, subject=data.hal,
                     initialFontName=FONT)
    width = doc.width - 12  # the frame pads 6 pt each side; wider tables would stick out to the left
    st = styles()
    label = "Konsep surat rujukan" if data.draft else f"Surat rujukan Nomor {data.number}"
    story = [_PartStart(label), *_letter(data, width, st), PageBreak(),
             _PartStart(f"Lembar balasan {label[0].lower()}{label[1:]}"), *kop(data, width, st),
             *_reply_slip(data, width, st)]
    for recipient in data.copies:
        story += [PageBreak(), _PartStart(f"Tembusan {label[0].lower()}{label[1:]}"),
                  *_letter(data, width, st, copy_for=recipient)]
    # An official letter carries nothing but the letter; only a draft says where it came from.
    pages = {"onFirstPage": _draft_page, "onLaterPages": _draft_page} if data.draft else {}
    doc.build(story, canvasmaker=SimpulCanvas, **pages)


def _draft_page(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(BOLD, 110)
    canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
    canvas.translate(doc.pagesize[0] / 2, doc.pagesize[1] / 2)
    canvas.rotate(50)
    canvas.drawCentredString(0, -35, "KONSEP")
    canvas.restoreState()
    canvas.saveState()
    canvas.setFont(FONT, 7)
    canvas.setFillColor(colors.grey)
    canvas.drawString(doc.leftMargin, 1.2 * cm, f"Konsep, dicetak dengan Simpul · halaman {doc.page}")
    canvas.restoreState()


def letter_bytes(data: LetterData, paper: str = "f4") -> bytes:
    buffer = io.BytesIO()
    render_letter(data, buffer, paper)
    return buffer.getvalue()


def write_pdf(content: bytes, path: Path | str) -> Path:
    """Write beside the target, then replace it in one step: a full disk or a PDF open in a viewer
    never leaves half a letter behind."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(content)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
