"""The laporan bulanan (and the annual report, the same shape over a year) as the kecamatan sends
it to the Dinas Sosial: F4 landscape, kop, title, the summary, PPKS per category with their moves
over the month (L/P), PPKS per desa × the 26 categories, PSKS per the 12 types, aid per
programme, referrals, home visits and PSKS activities, then the signatures (the TKSK who drew it
up, the Camat who signs). The footer says whether the figures are closed, with their SHA-256."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import partial

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

from desktop.core.io.dates import long_date
from desktop.core.io.pdf.layout import F4, FONT, kop, register_fonts, table_style, text
from desktop.core.io.pdf.paging import PagedCanvas
from desktop.core.io.pdf.work_common import Kop, Sign, grid, n, rupiah, signatures, small_styles, summary_rows
from desktop.core.domain.monthly import (
    ACTIVITY_WORDS,
    PURPOSE_WORDS,
    REFERRAL_WORDS,
    month_name,
    ppks_by_category,
)


@dataclass
class MonthlyPaper:
    content: dict  # a month's figures (services.month_figures) or a year's (domain.monthly.add_up)
    kop: Kop
    status: str  # "Ditutup oleh … SHA-256 …" or "SEMENTARA — …"
    final: bool  # closed: no SEMENTARA mark
    signed_on: dt.date  # the date above the Camat's signature


def period_title(content: dict) -> str:
    if content.get("month"):
        return f"BULAN {month_name(content['month']).upper()} {content['year']}"
    months = content.get("months") or [12]
    upto = "" if months[-1] == 12 else f" (JANUARI S.D. {month_name(months[-1]).upper()})"
    return f"TAHUN {content['year']}{upto}"


def monthly_pdf(paper: MonthlyPaper) -> bytes:
    register_fonts()
    c = paper.content
    buffer = io.BytesIO()
    kind = "BULANAN" if c.get("month") else "TAHUNAN"
    doc = SimpleDocTemplate(buffer, pagesize=landscape(F4), leftMargin=1.6 * cm, rightMargin=1.4 * cm,
                            topMargin=1.2 * cm, bottomMargin=1.6 * cm, initialFontName=FONT,
                            title=f"Laporan {kind.lower()} {period_title(c).lower()}", author=paper.kop.office)
    width = doc.width - 12
    st = small_styles(8)
    office = c["office"]
    story = kop(paper.kop, width, st)
    story += [Paragraph(f"LAPORAN {kind} PENYELENGGARAAN KESEJAHTERAAN SOSIAL", st["title"]),
              Paragraph(text(f"KECAMATAN {office['kecamatan']} {office['regency']}".upper()), st["title"]),
              Paragraph(period_title(c), st["title"]), Spacer(1, 4),
              Paragraph(f"Periode data: {long_date(dt.date.fromisoformat(c['first']))} s.d. "
                        f"{long_date(dt.date.fromisoformat(c['last']))}", _centred(st)), Spacer(1, 6)]
    story += _summary(c, st, width)
    story += [PageBreak(), *_ppks_categories(c, st, width)]
    story += [PageBreak(), *_ppks_desa(c, st, width)]
    story += _psks(c, st, width)
    story += _aid(c, st, width)
    story += _work(c, st, width)
    story += _extra(c, st, width)
    story.append(KeepTogether([
        Spacer(1, 8),
        Paragraph("Demikian laporan ini disampaikan untuk dipergunakan sebagaimana mestinya.", st["base"]),
        Spacer(1, 8),
        signatures(Sign(["Yang membuat laporan,", f"TKSK Kecamatan {office['kecamatan']}"], office["tksk"]["name"],
                        office["tksk"]["nip"]),
                   Sign([f"Camat {office['kecamatan']},"], office["camat"]["name"], office["camat"]["nip"],
                        office["camat"]["pangkat"]),
                   st, width, f"{office['place']}, {long_date(paper.signed_on)}")]))
    mark = (lambda canvas, doc: None) if paper.final else _draft_mark
    doc.build(story, onFirstPage=mark, onLaterPages=mark,
              canvasmaker=partial(PagedCanvas, footer=paper.status, margin=doc.leftMargin, footer_y=0.8 * cm))
    return buffer.getvalue()


def _centred(st: dict):
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("centred", parent=st["base"], fontSize=9.5, alignment=TA_CENTER)


def _draft_mark(canvas, doc) -> None:
    from reportlab.lib import colors

    from desktop.core.io.pdf.layout import BOLD

    canvas.saveState()
    canvas.setFont(BOLD, 96)
    canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.3))
    canvas.translate(doc.pagesize[0] / 2, doc.pagesize[1] / 2)
    canvas.rotate(25)
    canvas.drawCentredString(0, -30, "SEMENTARA")
    canvas.restoreState()


def _summary(c: dict, st: dict, width: float) -> list:
    lines = summary_rows(c)
    half = (len(lines) + 1) // 2
    label_w, value_w = width * 0.32, width * 0.13

    def side(part, start):
        rows = [["No", "Uraian", "Jumlah"]]
        rows += [[str(start + i), Paragraph(text(label), st["cell"]), n(value)] for i, (label, value) in
                 enumerate(part)]
        return grid(rows, [0.8 * cm, label_w - 0.8 * cm, value_w], align_from=2, size=8.5)

    both = Table([[side(lines[:half], 1), "", side(lines[half:], half + 1)]],
                 colWidths=[label_w + value_w, width - 2 * (label_w + value_w), label_w + value_w])
    both.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)))
    return [Paragraph("I. RINGKASAN", st["h1"]), both]


def _ppks_categories(c: dict, st: dict, width: float) -> list:
    cats = c["ppks"]["categories"]
    heads = ["No", "Kode", "Kategori PPKS", "Awal bulan", "", "Baru", "", "Tertangani", "", "Keluar", "",
             "Akhir bulan", "", "Jumlah"]
    rows = [heads, ["", "", "", *["L", "P"] * 5, "akhir"]]
    by_cat = ppks_by_category(c)
    for (no, code, name), v in zip(cats, by_cat, strict=True):
        rows.append([str(no), code, Paragraph(text(name), st["cell"]), *[n(x) for x in v], n(v[8] + v[9])])
    total = [sum(col) for col in zip(*by_cat, strict=True)] if by_cat else [0] * 10
    rows.append(["", "", "JUMLAH", *[n(x) for x in total], n(total[8] + total[9])])
    num = (width - 9.7 * cm) / 11
    widths = [0.8 * cm, 1.6 * cm, 7.3 * cm, *[num] * 11]
    spans = [((c0, 0), (c0 + 1, 0)) for c0 in range(3, 13, 2)] + [((k, 0), (k, 1)) for k in (0, 1, 2)]
    title = "II. PPKS MENURUT KATEGORI (PERMENSOS 8/2012) DAN PERGERAKANNYA" + (
        " SELAMA BULAN INI" if c.get("month") else " SELAMA TAHUN INI")
    note = ("Awal + baru − tertangani − keluar = akhir. Baru: diasesmen dalam periode (atau aktif kembali); keluar: "
            "meninggal atau pindah. PPKS keluarga dihitung per keluarga menurut jenis kelamin kepala keluarga; "
            "komunitas (KAT) dihitung di kolom L.")
    if c["ppks"].get("hidden"):  # cut for a role without "data sensitif" (services.monthly_report.shown)
        note += (f" Tanpa {c['ppks']['hidden']} kategori sensitif: pencetak tidak berhak melihatnya; laporan "
                 "lengkap dicetak oleh Camat/Kasi.")
    return [Paragraph(title, st["h1"]), grid(rows, widths, header_rows=2, total_rows=1, align_from=3, spans=spans),
            Spacer(1, 3), Paragraph(note, st["note"])]


def _ppks_desa(c: dict, st: dict, width: float) -> list:
    cats = c["ppks"]["categories"]
    rows = [["No", "Desa/Kelurahan", *[code for _, code, _ in cats], "L", "P", "Jumlah"]]
    totals = [0] * (len(cats) + 3)
    for i, (code, name) in enumerate(c["ppks"]["desa"], 1):
        cells = c["ppks"]["cells"][code]
        values = [v[8] + v[9] for v in cells]
        men, women = sum(v[8] for v in cells), sum(v[9] for v in cells)
        line = [*values, men, women, men + women]
        totals = [a + b for a, b in zip(totals, line, strict=True)]
        rows.append([str(i), Paragraph(text(name), st["cell"]), *[n(x) for x in line]])
    rows.append(["", "JUMLAH", *[n(x) for x in totals]])
    num = (width - 4.4 * cm - 3 * 1.0 * cm) / len(cats)
    widths = [0.7 * cm, 3.7 * cm, *[num] * len(cats), 1.0 * cm, 1.0 * cm, 1.0 * cm]
    legend = "; ".join(f"{code} = {name}" for _, code, name in cats)
    return [Paragraph("III. PPKS AKTIF AKHIR PERIODE MENURUT DESA/KELURAHAN DAN KATEGORI", st["h1"]),
            grid(rows, widths, total_rows=1, align_from=2, size=6), Spacer(1, 3),
            Paragraph(f"Keterangan kode: {text(legend)}.", st["note"])]


def _psks(c: dict, st: dict, width: float) -> list:
    heads = ["No", "Jenis PSKS", "Aktif", "Laki-laki", "Perempuan", "Lembaga/ keluarga", "Baru",
             "SK berakhir ≤ 30 hari", "Kegiatan dilaporkan"]
    rows = [heads]
    total = [0] * 7
    for (no, code, name), v in zip(c["psks"]["types"], c["psks"]["rows"], strict=True):
        rows.append([str(no), Paragraph(text(f"{name} ({code})"), st["cell"]), *[n(x) for x in v]])
        total = [a + b for a, b in zip(total, v, strict=True)]
    rows.append(["", "JUMLAH", *[n(x) for x in total]])
    num = (width * 0.9 - 8.8 * cm) / 7
    return [Paragraph("IV. POTENSI DAN SUMBER KESEJAHTERAAN SOSIAL (PSKS)", st["h1"]),
            grid(rows, [0.8 * cm, 8 * cm, *[num] * 7], total_rows=1, align_from=2, size=8)]


def _aid(c: dict, st: dict, width: float) -> list:
    rows = [["No", "Program bantuan", "Periode", "Penyaluran", "Penerima", "Mengambil", "Diwakilkan",
             "Tidak hadir", "Belum", "Nilai tersalurkan"]]
    for i, a in enumerate(c["aid"], 1):
        k = a["counts"]
        value = rupiah(k[6]) if a["cash"] else (f"{n(k[6])} {a['unit']}" if k[6] else "-")
        rows.append([str(i), Paragraph(text(a["programme"]), st["cell"]), Paragraph(text(a["period"]), st["cell"]),
                     *[n(x) for x in k[:6]], value])
    if len(rows) == 1:
        rows.append(["", "Tidak ada penyaluran bantuan dalam periode ini.", "", "", "", "", "", "", "", ""])
    num = (width - 0.8 * cm - 7 * cm - 6 * cm - 3.2 * cm) / 6
    spans = [((1, 1), (-1, 1))] if not c["aid"] else []
    return [Paragraph("V. PENYALURAN BANTUAN SOSIAL", st["h1"]),
            grid(rows, [0.8 * cm, 7 * cm, 6 * cm, *[num] * 6, 3.2 * cm], align_from=3, size=8, spans=spans)]


def _work(c: dict, st: dict, width: float) -> list:
    """Referrals, home visits and PSKS activities side by side."""
    ref = c["referrals"]
    r_rows = [["Rujukan", "Jumlah"], *[[REFERRAL_WORDS.get(s, s), n(v)] for s, v in ref["status"]],
              ["Rujukan baru dalam periode", n(ref["new"])], ["Selesai dalam periode", n(ref["closed"])],
              ["Lewat waktu tindak lanjut", n(ref["overdue"])]]
    v = c["visits"]
    v_rows = [["Kunjungan rumah", "Jatuh tempo", "Dilaksanakan", "Batal"],
              *[[PURPOSE_WORDS.get(p, p), n(a), n(b), n(x)] for p, a, b, x in v["purposes"]],
              ["Terlambat pada akhir periode", n(v["overdue"]), "", ""]]
    a = c["activities"]
    a_rows = [["Kegiatan PSKS", "Kegiatan", "Orang", "Keluarga"],
              *[[ACTIVITY_WORDS.get(k, k), n(x), n(y), n(z)] for k, x, y, z in a["kinds"]],
              ["PSKS yang melapor" if c.get("month") else "Laporan PSKS (orang-bulan)", n(a["reporting"]), "", ""]]
    w = (width - 1.2 * cm) / 3
    blocks = Table([[grid(r_rows, [w * 0.7, w * 0.3]), grid(v_rows, [w * 0.42, w * 0.18, w * 0.24, w * 0.16]),
                     grid(a_rows, [w * 0.46, w * 0.18, w * 0.18, w * 0.18])]], colWidths=[w + 0.6 * cm] * 2 + [w])
    blocks.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)))
    return [KeepTogether([Paragraph("VI. RUJUKAN, KUNJUNGAN RUMAH DAN KEGIATAN PSKS", st["h1"]), blocks])]


SECTION_TITLES = {"complaints": "PENGADUAN MASYARAKAT", "verivali": "VERIFIKASI DAN VALIDASI DATA (DTSEN)"}


def _extra(c: dict, st: dict, width: float) -> list:
    """The blocks other rooms add (services.month_figures.PROVIDERS): those of one area (the key's
    first word) side by side under one heading."""
    areas: dict[str, list[dict]] = {}
    for block in c.get("extra", []):
        areas.setdefault(block["key"].split("_")[0], []).append(block)
    out: list = []
    for k, (area, blocks) in enumerate(areas.items(), 7):
        w = (width - 0.6 * cm * (len(blocks) - 1)) / len(blocks)
        tables = [_block(b, st, min(w, width * 0.48)) for b in blocks]
        row = Table([tables], colWidths=[w + (0.6 * cm if i < len(blocks) - 1 else 0) for i in range(len(blocks))],
                    hAlign="LEFT")
        row.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)))
        title = SECTION_TITLES.get(area, blocks[0]["title"].upper())
        out.append(KeepTogether([Paragraph(f"{_roman(k)}. {text(title)}", st["h1"]), row]))
    return out


def _block(block: dict, st: dict, width: float) -> Table:
    cols = len(block["headers"])
    rows = [[block["title"]] + [""] * (cols - 1), list(block["headers"])]
    rows += [[Paragraph(text(row[0]), st["cell"]), *[n(x) for x in row[1:]]] for row in block["rows"]]
    if not block["rows"]:
        rows.append(["Tidak ada dalam periode ini."] + [""] * (cols - 1))
    else:
        rows.append(["JUMLAH", *[n(sum(r[i] for r in block["rows"])) for i in range(1, cols)]])
    spans = [((0, 0), (-1, 0))] + ([((0, 2), (-1, 2))] if not block["rows"] else [])
    first = width * (0.6 if cols <= 2 else 0.5)
    return grid(rows, [first] + [(width - first) / (cols - 1)] * (cols - 1), header_rows=2,
                total_rows=1 if block["rows"] else 0, spans=spans)


def _roman(k: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[k - 1]
