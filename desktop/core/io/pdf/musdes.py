"""The papers of a musyawarah desa: the Berita Acara (F4 portrait: kop, number, the date in
words, the decisions — kept, removed with the reason, proposed, NIK/KK fixed — and the signatures
of the Kepala Desa/Lurah, the BPD and the TKSK/PSM with "Mengetahui, Camat"), its daftar hadir
(signatures zig-zag: odd numbers left, even right, so neighbours do not sign over each other),
and the kecamatan recap for the Camat whose desa rows add up to its total."""

from __future__ import annotations

import io
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from desktop.core.domain.money import spelled_date
from desktop.core.io.dates import day_and_date, long_date
from desktop.core.io.pdf.aid_data import Signer
from desktop.core.io.pdf.bast import _draft_mark, bound
from desktop.core.io.pdf.layout import BOLD, FONT, PAPERS, kop, nip_groups, register_fonts, styles, table_style
from desktop.core.io.pdf.paging import PagedCanvas
from desktop.core.io.pdf.verivali_data import AttendanceData, Decision, MusdesData, RecapData

GRID = colors.Color(0.35, 0.35, 0.35)
SHADE = colors.Color(0.9, 0.9, 0.9)


def _p(markup: str, style) -> Paragraph:
    return Paragraph(bound(markup), style)


def _decisions(rows: list[Decision], detail: str, width: float) -> Table:
    small = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=10.5)
    widths = [0.8 * cm, 3.5 * cm, 3.5 * cm, 3.5 * cm, 0.9 * cm]  # 16 digits at 8.5 pt need 3.5 cm
    widths.append(width - sum(widths))
    data: list[list] = [["No", "Nama", "NIK", "No. KK", "RT", detail]]
    data += [[str(d.no), Paragraph(escape(d.name), small), d.nik or "-", d.no_kk or "-", d.rt or "-",
              Paragraph(escape(d.detail or "-").replace("\n", "<br/>"), small)] for d in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(table_style(("FONT", (0, 0), (-1, 0), BOLD, 8.5), ("FONTSIZE", (0, 1), (-1, -1), 8.5),
                               ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                               ("ALIGN", (0, 1), (0, -1), "RIGHT"), ("ALIGN", (4, 1), (4, -1), "CENTER")))
    return table


def _sign(s: Signer, st: dict, width: float) -> list:
    """A signature block for a single column (the Camat's, the recap's)."""
    centre = ParagraphStyle("sig", parent=st["base"], alignment=TA_CENTER, fontSize=10.5, leading=13)
    return [_heading(s, centre), Spacer(1, 1.9 * cm), *_name(s, centre)]


def _heading(s: Signer, style) -> Paragraph:
    return _p("<br/>".join(escape(x) for x in s.heading.split("\n")), style)


def _name(s: Signer, style) -> list:
    out = [Paragraph(f"<b><u>{escape(s.name)}</u></b>" if s.name else "(" + "." * 36 + ")", style)]
    if s.pangkat:
        out.append(Paragraph(escape(s.pangkat), style))
    if s.nip:
        out.append(Paragraph(f"NIP. {nip_groups(s.nip)}", style))
    return out


def _signatures(d: MusdesData, width: float, st: dict) -> list:
    """BPD, TKSK/PSM and the Kepala Desa side by side, headings in one row and names in another so
    the three names sit on one line however the headings wrap; the Camat below, in the middle."""
    third = width / 3
    centre = ParagraphStyle("c", parent=st["base"], alignment=TA_CENTER, fontSize=10.5, leading=13)
    signers = (d.bpd, d.officer, d.head)
    top = Table([["", "", Paragraph(f"{escape(d.place_signed)}, {long_date(d.held_on)}", centre)],
                 [_heading(s, centre) for s in signers], ["", "", ""],
                 [_name(s, centre) for s in signers]],
                colWidths=[third] * 3, rowHeights=[None, None, 1.9 * cm, None])
    top.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 2)))
    camat = Table([["", _sign(d.camat, st, width / 2), ""]], colWidths=[width / 4, width / 2, width / 4])
    camat.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return [top, Spacer(1, 10), camat]


def ba_musdes_bytes(d: MusdesData, paper: str = "f4") -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=PAPERS[paper], leftMargin=2.5 * cm, rightMargin=2 * cm,
                            topMargin=1.2 * cm, bottomMargin=2 * cm, initialFontName=FONT,
                            title=f"Berita Acara Musyawarah {d.desa}", author=d.kop.office)
    width = doc.width - 12
    st = styles()
    just, head = st["just"], ParagraphStyle("h", parent=st["base"], fontName=BOLD, spaceBefore=8, spaceAfter=4)
    forum = "Musyawarah Kelurahan" if d.desa_kind == "kelurahan" else "Musyawarah Desa"
    title = f"BERITA ACARA {forum.upper()}" + ("" if d.final else " (SEMENTARA)")
    number = f"Nomor: {escape(d.number)}" if d.number else "Nomor: " + "." * 40
    story = kop(d.kop, width, st)
    story += [_p(f"<u>{title}</u>", st["title"]),
              _p("VERIFIKASI DAN VALIDASI DATA TERPADU KESEJAHTERAAN SOSIAL", st["title"]),
              _p(number, ParagraphStyle("no", parent=st["base"], alignment=TA_CENTER)), Spacer(1, 10)]
    time = f", pukul {escape(d.start_time)}" if d.start_time else ""
    story.append(_p(
        f"Pada hari ini {spelled_date(d.held_on)}{time}, bertempat di {escape(d.place)}, telah dilaksanakan "
        f"{forum} {escape(d.desa.split(' ', 1)[-1])} Kecamatan {escape(d.kecamatan)} {escape(d.regency)} dalam rangka verifikasi "
        f"dan validasi data terpadu kesejahteraan sosial putaran <b>{escape(d.round_name)}</b>, dipimpin oleh "
        f"{escape(d.chair) or '.' * 30} dan dihadiri oleh {d.attendees} orang sebagaimana daftar hadir terlampir.",
        just))
    story += [Spacer(1, 6), _p(f"Musyawarah membahas <b>{d.checked} keluarga</b> dalam daftar awal beserta usulan "
                               f"keluarga baru, dan menyepakati hal-hal sebagai berikut:", just)]
    parts = [(f"A. Keluarga yang tetap layak: {len(d.kept)} keluarga", d.kept, "Keterangan"),
             (f"B. Keluarga/anggota yang dikeluarkan: {len(d.removed)}", d.removed, "Alasan"),
             (f"C. Usulan keluarga baru: {len(d.proposed)} keluarga", d.proposed, "Kriteria / keterangan"),
             (f"D. Perbaikan NIK/No. KK: {len(d.fixed)}", d.fixed, "Perbaikan")]
    for heading, rows, detail in parts:
        story.append(_p(escape(heading), head))
        story.append(_decisions(rows, detail, width) if rows else _p("Tidak ada.", st["base"]))
    if d.unchecked:
        story += [Spacer(1, 6), _p(f"Sebanyak {d.unchecked} keluarga belum dapat diverifikasi dan akan dibahas "
                                   f"pada musyawarah berikutnya.", just)]
    if d.notes:
        story += [_p("Catatan musyawarah:", head), _p(escape(d.notes), just)]
    closing = _p("Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya, "
                 "dan menjadi lampiran usulan melalui aplikasi SIKS-NG.", just)
    story.append(KeepTogether([Spacer(1, 8), closing, Spacer(1, 10), *_signatures(d, width, st)]))
    mark = (lambda canvas, doc: None) if d.final else _draft_mark
    footer = "" if d.final else "SEMENTARA: putaran verivali belum ditutup"
    doc.build(story, onFirstPage=mark, onLaterPages=mark,
              canvasmaker=partial(PagedCanvas, footer=footer, margin=doc.leftMargin, footer_y=1.2 * cm))
    return buffer.getvalue()


def attendance_bytes(d: AttendanceData, paper: str = "f4") -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=PAPERS[paper], leftMargin=2.5 * cm, rightMargin=2 * cm,
                            topMargin=1.2 * cm, bottomMargin=2 * cm, initialFontName=FONT,
                            title=f"Daftar hadir musyawarah {d.desa}", author=d.kop.office)
    width = doc.width - 12
    st = styles()
    story = kop(d.kop, width, st)
    story += [_p("<u>DAFTAR HADIR</u>", st["title"]),
              _p(f"MUSYAWARAH {escape(d.desa.upper())}", st["title"]), Spacer(1, 8)]
    info = Table([["Hari/tanggal", ":", day_and_date(d.held_on)], ["Tempat", ":", d.place or "-"],
                  ["Acara", ":", Paragraph(f"Verifikasi dan validasi DTKS putaran {escape(d.round_name)}",
                                           st["base"])]],
                 colWidths=[3 * cm, 0.4 * cm, width - 3.4 * cm])
    info.setStyle(table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")))
    story += [info, Spacer(1, 8)]
    small = ParagraphStyle("cell", fontName=FONT, fontSize=10, leading=12)
    half = (width - 1 * cm - 5.5 * cm - 4.5 * cm) / 2
    rows: list[list] = [["No", "Nama", "Jabatan / unsur", "Tanda tangan", ""]]
    people = list(d.attendees) + [("", "")] * d.blank_rows
    for n, (name, role) in enumerate(people, 1):
        mark = f"{n}. " + "." * 14
        rows.append([str(n), Paragraph(escape(name), small), Paragraph(escape(role), small),
                     mark if n % 2 else "", "" if n % 2 else mark])
    table = Table(rows, colWidths=[1 * cm, 5.5 * cm, 4.5 * cm, half, half], repeatRows=1,
                  rowHeights=[0.8 * cm] + [1.05 * cm] * len(people))
    table.setStyle(table_style(("SPAN", (3, 0), (4, 0)), ("FONT", (0, 0), (-1, 0), BOLD, 10),
                               ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                               ("GRID", (0, 0), (2, -1), 0.5, GRID), ("BOX", (3, 0), (4, -1), 0.5, GRID),
                               ("LINEBELOW", (3, 0), (4, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("ALIGN", (0, 1), (0, -1), "RIGHT"), ("FONTSIZE", (3, 1), (4, -1), 9),
                               ("VALIGN", (3, 1), (4, -1), "BOTTOM")))
    story.append(table)
    if d.head is not None:
        sign = Table([["", _sign(d.head, st, width / 2)]], colWidths=[width / 2] * 2)
        sign.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
        story.append(KeepTogether([Spacer(1, 14), sign]))
    doc.build(story, canvasmaker=partial(PagedCanvas, footer=f"Daftar hadir musyawarah {d.desa} · {d.round_name}",
                                         margin=doc.leftMargin, footer_y=1.2 * cm))
    return buffer.getvalue()


def recap_bytes(d: RecapData, paper: str = "f4") -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(PAPERS[paper]), leftMargin=1.8 * cm, rightMargin=1.5 * cm,
                            topMargin=1.0 * cm, bottomMargin=1.3 * cm, initialFontName=FONT,
                            title=f"Rekapitulasi verivali Kecamatan {d.kecamatan}", author=d.kop.office)
    width = doc.width - 12
    st = styles()
    story = kop(d.kop, width, st)
    story += [_p(f"REKAPITULASI HASIL VERIFIKASI DAN VALIDASI DTKS KECAMATAN {escape(d.kecamatan.upper())}",
                 st["title"]), _p(escape(d.period), ParagraphStyle("p", parent=st["base"], alignment=TA_CENTER)),
              Spacer(1, 10)]
    head = ParagraphStyle("hd", fontName=BOLD, fontSize=7.5, leading=9, alignment=TA_CENTER)
    rows: list[list] = [["No", "Desa/Kelurahan", "Putaran", Paragraph("Dalam daftar", head),
                         *[Paragraph(escape(c), head) for c in d.codes], Paragraph("Belum diperiksa", head),
                         Paragraph("Formulir usulan", head)]]
    totals = [0] * (len(d.codes) + 3)
    for n, r in enumerate(d.rows, 1):
        figures = [r.checked, *r.counts, r.unchecked, r.proposals]
        totals = [a + b for a, b in zip(totals, figures, strict=True)]
        rows.append([str(n), r.desa, r.round_name, *[str(x) for x in figures]])
    rows.append(["", "JUMLAH", "", *[str(x) for x in totals]])
    fixed = 0.9 * cm + 3.9 * cm + 3.1 * cm
    rest = (width - fixed) / (len(d.codes) + 3)
    table = Table(rows, colWidths=[0.9 * cm, 3.9 * cm, 3.1 * cm] + [rest] * (len(d.codes) + 3), repeatRows=1)
    table.setStyle(table_style(("FONT", (0, 0), (-1, 0), BOLD, 8), ("FONTSIZE", (0, 1), (-1, -1), 9),
                               ("TOPPADDING", (0, 1), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5),
                               ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
                               ("ALIGN", (0, 1), (0, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), BOLD, 9),
                               ("LEFTPADDING", (3, 0), (-1, 0), 2), ("RIGHTPADDING", (3, 0), (-1, 0), 2),
                               ("BACKGROUND", (0, -1), (-1, -1), SHADE)))
    story += [table, Spacer(1, 6),
              _p("Dalam daftar = keluarga dan anggota keluarga dalam daftar putaran; pada setiap desa jumlahnya sama "
                 "dengan semua kolom hasil ditambah kolom Belum diperiksa. Formulir usulan = formulir usulan baru "
                 "SIKS-NG yang dibuat untuk putaran itu.", st["small"]), Spacer(1, 6)]
    centre = ParagraphStyle("c", parent=st["base"], alignment=TA_CENTER, fontSize=10.5, leading=13)
    # Headings in one row (bottom-aligned) and names in another, so both names sit on one line.
    sign = Table([["", "", Paragraph(f"{escape(d.place)}, {long_date(d.made_on)}", centre)],
                  [_heading(d.officer, centre), "", _heading(d.camat, centre)], ["", "", ""],
                  [_name(d.officer, centre), "", _name(d.camat, centre)]],
                 colWidths=[width / 3] * 3, rowHeights=[None, None, 1.6 * cm, None])
    sign.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
                              ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)))
    story.append(KeepTogether([sign]))
    doc.build(story, canvasmaker=partial(PagedCanvas, footer=f"Rekapitulasi verivali · {d.period}",
                                         margin=doc.leftMargin, footer_y=0.8 * cm))
    return buffer.getvalue()
