"""A PSKS's monthly activity report (laporan TKSK/PSM): gathered here as plain data, drawn by
io.pdf.tksk_report, and the same activities as Excel rows for the regency's E-PSKS. It names the
people served, so every print and export is recorded in the audit log (UU PDP)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.audit import record_disclosure
from desktop.core.db.models import PsksActivity, Region, WorkPhoto
from desktop.core.domain.clock import zone_of
from desktop.core.domain.enums import AuditAction
from desktop.core.domain.monthly import ACTIVITY_WORDS
from desktop.core.io.pdf.tksk_report import AnnexPhoto, Narrative, TkskReport, tksk_pdf
from desktop.core.io.pdf.work_common import Kop, Sign
from desktop.core.services.activities import Worker, served_labels, workers
from desktop.core.services.month_figures import period_of
from desktop.core.services.office import require_office

# The E-PSKS sheet as we understand it; no public template was found (DOMAIN.md §11): confirm the
# column order with the regency's Dinas Sosial before relying on it.
EPSKS_HEADERS = ("NO", "TANGGAL KEGIATAN", "NIK PSKS", "NAMA PSKS", "JENIS PSKS", "KODE WILAYAH", "DESA/KELURAHAN",
                 "KECAMATAN", "JENIS KEGIATAN", "NAMA KEGIATAN", "TEMPAT", "URAIAN KEGIATAN", "JUMLAH ORANG",
                 "JUMLAH KELUARGA", "NIK PENERIMA MANFAAT", "JUMLAH FOTO", "KOORDINAT")


def _worker(session: Session, psks_id: int) -> Worker:
    found = workers(session, active_only=False, ids=[psks_id])
    if not found:
        from desktop.core.errors import NotFoundError

        raise NotFoundError("record.not_found", what="PSKS", id=psks_id)
    return found[0]


def _activities(session: Session, psks_id: int, year: int, month: int) -> list[PsksActivity]:
    p = period_of(session, year, month)
    return list(session.scalars(select(PsksActivity).where(
        PsksActivity.psks_id == psks_id, PsksActivity.activity_date.between(p.first, p.last))
        .order_by(PsksActivity.activity_date, PsksActivity.id)))


def report_data(session: Session, psks_id: int, year: int, month: int) -> TkskReport:
    office = require_office(session)
    zone = zone_of(office.kecamatan_code)
    kec = session.get(Region, office.kecamatan_code)
    regency = session.get(Region, kec.parent_code) if kec else None
    w = _worker(session, psks_id)
    names = dict(session.execute(select(Region.code, Region.name)).all())
    acts = _activities(session, psks_id, year, month)
    narratives, desa = [], {}
    for i, a in enumerate(acts, 1):
        place = names.get(a.desa_code, "")
        narratives.append(Narrative(i, a.activity_date, a.kind.value, a.title, place, a.place or "",
                                    a.persons_served, a.families_served, served_labels(session, a.id), a.notes or ""))
        row = desa.setdefault(place, [0, 0, 0])
        row[0] += 1
        row[1] += a.persons_served
        row[2] += a.families_served
    photos = []
    for photo, title in session.execute(select(WorkPhoto, PsksActivity.title)
                                        .join(PsksActivity, PsksActivity.id == WorkPhoto.activity_id)
                                        .where(PsksActivity.id.in_([a.id for a in acts])).order_by(WorkPhoto.id)):
        when = photo.taken_at.strftime("%d-%m-%Y %H.%M") if photo.taken_at else "waktu tidak tercatat"
        where = f", {photo.latitude:.5f}, {photo.longitude:.5f}" if photo.latitude is not None else ""
        photos.append(AnnexPhoto(photo.content, f"{photo.caption or title} — {when}{where}"))
    kec_name = kec.name if kec else office.letterhead_office.title().removeprefix("Kecamatan ")
    contact = ", ".join(x for x in (office.address, f"Telp. {office.phone}" if office.phone else None,
                                    office.email) if x)
    return TkskReport(
        Kop(office.letterhead_government, office.letterhead_office, contact, office.logo), w.name, w.nik or "",
        w.type_name, w.type_code, w.sk_number or "", kec_name, regency.name if regency else "",
        office.place_name or kec_name, year, month,
        Sign(["Mengesahkan,", f"Camat {kec_name}"], office.camat_name or "", office.camat_nip or "",
             office.camat_pangkat or ""),
        narratives, [(name, *v) for name, v in sorted(desa.items())], photos,
        dt.datetime.now(zone).date())


def tksk_report_pdf(session: Session, psks_id: int, year: int, month: int) -> bytes:
    """The report as PDF; the print is recorded (it names the people served)."""
    data = report_data(session, psks_id, year, month)
    content = tksk_pdf(data)
    record_disclosure(session, AuditAction.PRINT, "psks_activity", f"psks:{psks_id}",
                      {"dokumen": "laporan kegiatan PSKS", "bulan": f"{year}-{month:02d}",
                       "kegiatan": len(data.activities)})
    return content


def epsks_rows(session: Session, psks_id: int, year: int, month: int) -> list[tuple]:
    w = _worker(session, psks_id)
    office = require_office(session)
    kec = session.get(Region, office.kecamatan_code)
    names = dict(session.execute(select(Region.code, Region.name)).all())
    rows = []
    for i, a in enumerate(_activities(session, psks_id, year, month), 1):
        niks = [label.rsplit("NIK ", 1)[-1].rstrip(")") for label in served_labels(session, a.id) if "NIK " in label]
        photos = list(session.execute(select(WorkPhoto.latitude, WorkPhoto.longitude)
                                      .where(WorkPhoto.activity_id == a.id)))
        where = next((f"{lat:.6f},{lon:.6f}" for lat, lon in photos if lat is not None), "")
        rows.append((i, a.activity_date, w.nik or "", w.name, w.type_code, a.desa_code or "",
                     names.get(a.desa_code, ""), kec.name if kec else "", ACTIVITY_WORDS.get(a.kind.value, a.kind.value),
                     a.title, a.place or "", a.notes or "", a.persons_served, a.families_served,
                     ", ".join(n for n in niks if n and n != "-"), len(photos), where))
    return rows


def epsks_xlsx(session: Session, psks_id: int, year: int, month: int, path: Path | str) -> int:
    """The month's activities as E-PSKS rows (IDs as text); the export is recorded."""
    from desktop.core.io.excel_export import Columns, write_table

    w = _worker(session, psks_id)
    rows = epsks_rows(session, psks_id, year, month)
    layout = Columns("E-PSKS", EPSKS_HEADERS, (5, 12, 19, 26, 8, 15, 18, 16, 20, 34, 18, 44, 9, 9, 40, 8, 22))
    count = write_table(Path(path), layout, [f"LAPORAN KEGIATAN {w.type_code} {w.name.upper()}",
                                             f"BULAN {month:02d}-{year}"], rows)
    record_disclosure(session, AuditAction.EXPORT, "psks_activity", f"psks:{psks_id}",
                      {"dokumen": "E-PSKS", "berkas": Path(path).name, "baris": count})
    return count
