"""A TKSK's (or PSM's) monthly activity report, in the usual shape of a laporan TKSK: cover,
lembar pengesahan signed by the Camat, one narrative per activity, the recap tables, and the
photo annex (two photos a row, with the time and place the camera recorded). A4 portrait."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from functools import partial

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Image, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

from desktop.core.domain.monthly import ACTIVITY_WORDS, month_name
from desktop.core.io.dates import day_and_date, long_date
from desktop.core.io.pdf.layout import A4, FONT, kop, register_fonts, table_style, text
from desktop.core.io.pdf.paging import PagedCanvas
from desktop.core.io.pdf.work_common import Kop, Sign, grid, n, signatures, small_styles


@dataclass
class Narrative:
    no: int
    date: dt.date
    kind: str  # stored value of ActivityKind
    title: str
    desa: str
    place: str
    persons: int
    families: int
    served: list[str]  # "Nama (NIK …)"
    notes: str


@dataclass
class AnnexPhoto:
    content: bytes
    caption: str  # "Asesmen lansia, 03-11-2026 09.14, -0.42514, 117.00340"


@dataclass
class TkskReport:
    kop: Kop
    worker_name: str
    worker_nik: str
    worker_type: str  # "Tenaga Kesejahteraan Sosial Kecamatan"
    worker_code: str  # "TKSK"
    sk_number: str
    kecamatan: str
    regency: str
    place: str
    year: int
    month: int
    camat: Sign
    activities: list[Narrative] = field(default_factory=list)
    by_desa: list[tuple[str, int, int, int]] = field(default_factory=list)  # desa, activities, persons, families
    photos: list[AnnexPhoto] = field(default_factory=list)
    signed_on: dt.date | None = None


def tksk_pdf(d: TkskReport) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=3 * cm, rightMargin=2 * cm, topMargin=1.5 * cm,
                            bottomMargin=2 * cm, initialFontName=FONT, author=d.worker_name,
                            title=f"Laporan kegiatan {d.worker_code} {month_name(d.month)} {d.year}")
    width = doc.width - 12
    st = small_styles(9)
    centre = ParagraphStyle("c", parent=st["base"], alignment=TA_CENTER, fontSize=12, leading=16)
    big = ParagraphStyle("big", parent=centre, fontSize=16, leading=21)
    period = f"BULAN {month_name(d.month).upper()} {d.year}"
    story: list = [Spacer(1, 2.5 * cm), Paragraph("<b>LAPORAN KEGIATAN BULANAN</b>", big),
                   Paragraph(f"<b>{text(d.worker_type.upper())} ({text(d.worker_code)})</b>", centre),
                   Spacer(1, 0.6 * cm), Paragraph(f"<b>{period}</b>", big), Spacer(1, 2 * cm)]
    if d.kop.logo:
        story += [Image(io.BytesIO(d.kop.logo), width=4 * cm, height=4 * cm, kind="proportional"), Spacer(1, 2 * cm)]
    else:
        story.append(Spacer(1, 6 * cm))
    story += [Paragraph("Disusun oleh:", centre), Paragraph(f"<b>{text(d.worker_name)}</b>", centre)]
    if d.worker_nik:
        story.append(Paragraph(f"NIK {text(d.worker_nik)}", centre))
    story += [Spacer(1, 3 * cm), Paragraph(f"<b>{text(d.kop.government)}</b>", centre),
              Paragraph(f"<b>{text(d.kop.office)}</b>", centre), Paragraph(f"<b>{d.year}</b>", centre), PageBreak()]
    story += kop(d.kop, width, st)
    story += [Paragraph("<b><u>LEMBAR PENGESAHAN</u></b>", centre), Spacer(1, 0.6 * cm),
              Paragraph(f"Laporan kegiatan bulanan {text(d.worker_type)} ({text(d.worker_code)}) Kecamatan "
                        f"{text(d.kecamatan)}, {text(d.regency)}, atas nama <b>{text(d.worker_name)}</b>"
                        + (f" (SK {text(d.sk_number)})" if d.sk_number else "")
                        + f" untuk bulan {month_name(d.month)} {d.year}, memuat {len(d.activities)} kegiatan, "
                        "telah diperiksa dan disahkan.", st["just"]), Spacer(1, 1 * cm),
              signatures(Sign(["Yang melaporkan,", f"{d.worker_code} Kecamatan {d.kecamatan}"], d.worker_name),
                         d.camat,
                         st, width, f"{d.place}, {long_date(d.signed_on or dt.date.today())}"),
              PageBreak()]
    story += _narratives(d, st, width)
    story += _recap(d, st, width)
    story += _annex(d, st, width)
    doc.build(story, canvasmaker=partial(PagedCanvas, footer=f"Laporan {d.worker_code} · {d.worker_name} · "
                                                            f"{month_name(d.month)} {d.year}",
                                         margin=doc.leftMargin, footer_y=1.1 * cm))
    return buffer.getvalue()


def _narratives(d: TkskReport, st: dict, width: float) -> list:
    out: list = [Paragraph("<b>BAB I. URAIAN KEGIATAN</b>", st["h1"])]
    if not d.activities:
        out.append(Paragraph("Tidak ada kegiatan yang dilaporkan pada bulan ini.", st["base"]))
    label = ParagraphStyle("lbl", parent=st["base"], fontSize=10, leading=13)
    for a in d.activities:
        served = f"{a.persons} orang, {a.families} keluarga" if a.persons or a.families else "tidak dicatat"
        if a.served:
            served += ": " + "; ".join(a.served)
        rows = [["Hari, tanggal", ":", day_and_date(a.date)],
                ["Jenis kegiatan", ":", ACTIVITY_WORDS.get(a.kind, a.kind)],
                ["Tempat", ":", ", ".join(x for x in (a.place, f"Desa/Kel. {a.desa}" if a.desa else "") if x) or "-"],
                ["Sasaran", ":", served], ["Uraian", ":", a.notes or "-"]]
        table = Table([[Paragraph(text(x), label) for x in row] for row in rows],
                      colWidths=[3.2 * cm, 0.4 * cm, width - 3.6 * cm])
        table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)))
        out.append(KeepTogether([Paragraph(f"<b>{a.no}. {text(a.title)}</b>", label), Spacer(1, 2), table,
                                 Spacer(1, 8)]))
    return out


def _recap(d: TkskReport, st: dict, width: float) -> list:
    kinds: dict[str, list[int]] = {}
    for a in d.activities:
        row = kinds.setdefault(a.kind, [0, 0, 0])
        row[0] += 1
        row[1] += a.persons
        row[2] += a.families
    rows = [["No", "Jenis kegiatan", "Kegiatan", "Orang dilayani", "Keluarga dilayani"]]
    rows += [[str(i), ACTIVITY_WORDS.get(k, k), *[n(x) for x in v]] for i, (k, v) in enumerate(kinds.items(), 1)]
    total = [sum(v[j] for v in kinds.values()) for j in range(3)]
    rows.append(["", "JUMLAH", *[n(x) for x in total]])
    w = (width - 7.8 * cm) / 3
    by_desa = [["No", "Desa/Kelurahan", "Kegiatan", "Orang dilayani", "Keluarga dilayani"]]
    by_desa += [[str(i), name or "-", n(a), n(p), n(f)] for i, (name, a, p, f) in enumerate(d.by_desa, 1)]
    return [Paragraph("<b>BAB II. REKAPITULASI</b>", st["h1"]),
            Paragraph("Tabel 1. Kegiatan menurut jenis", st["base"]), Spacer(1, 3),
            grid(rows, [0.8 * cm, 7 * cm, w, w, w], total_rows=1, align_from=2, size=9), Spacer(1, 8),
            Paragraph("Tabel 2. Kegiatan menurut desa/kelurahan", st["base"]), Spacer(1, 3),
            grid(by_desa, [0.8 * cm, 7 * cm, w, w, w], align_from=2, size=9)]


def _annex(d: TkskReport, st: dict, width: float) -> list:
    out: list = [PageBreak(), Paragraph("<b>LAMPIRAN: DOKUMENTASI KEGIATAN</b>", st["h1"])]
    if not d.photos:
        return [*out, Paragraph("Tidak ada foto kegiatan bulan ini.", st["base"])]
    half = width / 2 - 6
    cap = ParagraphStyle("cap", parent=st["base"], fontSize=8, leading=10, alignment=TA_CENTER)
    cells = []
    for photo in d.photos:
        img = Image(io.BytesIO(photo.content), width=half, height=half * 0.75, kind="proportional")
        cells.append([img, Spacer(1, 2), Paragraph(text(photo.caption), cap)])
    rows = [cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[width / 2, width / 2])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 10)))
    return [*out, table]
