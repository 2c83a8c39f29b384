"""The laporan bulanan's blocks on complaints and verivali (issue 16's tables), registered in
services.month_figures.PROVIDERS. Each block is plain JSON whose numbers are flows of the month
(they add up over a year), and each row's numbers sum to something that reads as one figure:
complaints received per category; complaints closed per category (selesai + ditolak = closed);
verivali rounds closed per desa; the results of the lines of those rounds.

Words are the ones printed (a closed month freezes them with its figures)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.models import Complaint, ComplaintStep, VerivaliLine, VerivaliRound
from desktop.core.domain.enums import ComplaintCategory, ComplaintStatus, ResultCode, RoundStatus

if TYPE_CHECKING:
    from desktop.core.services.month_figures import Period

CATEGORY_WORDS = {ComplaintCategory.NOT_REGISTERED: "Belum terdaftar", ComplaintCategory.MISTARGETED: "Salah sasaran",
                  ComplaintCategory.NOT_RECEIVED: "Tidak menerima bantuan", ComplaintCategory.WRONG_DATA: "Data salah",
                  ComplaintCategory.OTHER: "Lainnya"}
RESULT_WORDS = {ResultCode.ELIGIBLE: "Tetap layak", ResultCode.NOT_ELIGIBLE: "Tidak layak/mampu",
                ResultCode.DECEASED: "Meninggal", ResultCode.MOVED: "Pindah",
                ResultCode.NOT_FOUND: "Tidak ditemukan", ResultCode.DUPLICATE: "Ganda",
                ResultCode.FIX_ID: "Perbaikan NIK/KK", ResultCode.PROPOSED: "Usulan baru"}
UNCHECKED = "Belum diperiksa"
CLOSED = (ComplaintStatus.DONE.value, ComplaintStatus.REJECTED.value)


def complaints_received(session: Session, p: Period) -> dict:
    """Complaints received in the month, per category (every category, zero when none)."""
    counts = dict.fromkeys(ComplaintCategory, 0)
    for category, n in session.execute(
            select(Complaint.category, func.count()).where(Complaint.received_on.between(p.first, p.last))
            .group_by(Complaint.category)):
        counts[ComplaintCategory(category)] = n
    return {"key": "complaints_received", "title": "Pengaduan diterima", "headers": ["Jenis pengaduan", "Diterima"],
            "rows": [[CATEGORY_WORDS[c], n] for c, n in counts.items()]}


def complaints_closed(session: Session, p: Period) -> dict:
    """Complaints closed in the month (their closing step's time), per category and how."""
    counts = {c: [0, 0] for c in ComplaintCategory}
    stmt = (select(Complaint.category, ComplaintStep.to_status, func.count(func.distinct(Complaint.id)))
            .join(ComplaintStep, ComplaintStep.complaint_id == Complaint.id)
            .where(ComplaintStep.to_status.in_(CLOSED), ComplaintStep.at >= p.start, ComplaintStep.at < p.end)
            .group_by(Complaint.category, ComplaintStep.to_status))
    for category, status, n in session.execute(stmt):
        counts[ComplaintCategory(category)][0 if status == ComplaintStatus.DONE.value else 1] += n
    return {"key": "complaints_closed", "title": "Pengaduan ditutup",
            "headers": ["Jenis pengaduan", "Selesai (dijawab)", "Ditolak"],
            "rows": [[CATEGORY_WORDS[c], *v] for c, v in counts.items()]}


def _closed_rounds(p: Period):
    return (VerivaliRound.status == RoundStatus.CLOSED, VerivaliRound.closed_at >= p.start,
            VerivaliRound.closed_at < p.end)


def verivali_rounds(session: Session, p: Period) -> dict:
    """Verivali rounds closed in the month, per desa: every desa of the kecamatan, so the rows of
    every month line up (the year adds them row by row)."""
    from desktop.core.services.office import desa_list

    counts = dict(session.execute(select(VerivaliRound.desa_code, func.count(VerivaliRound.id))
                                  .where(*_closed_rounds(p)).group_by(VerivaliRound.desa_code)).all())
    return {"key": "verivali_rounds", "title": "Verivali DTSEN: putaran ditutup",
            "headers": ["Desa/Kelurahan", "Putaran ditutup"],
            "rows": [[r.name, counts.get(r.code, 0)] for r in desa_list(session)]}


def verivali_results(session: Session, p: Period) -> dict:
    """The results of the lines (families and members) of the rounds closed in the month."""
    counts: dict[ResultCode | None, int] = dict.fromkeys(ResultCode, 0) | {None: 0}
    closed = select(VerivaliRound.id).where(*_closed_rounds(p))
    for result, n in session.execute(select(VerivaliLine.result, func.count()).where(
            VerivaliLine.round_id.in_(closed)).group_by(VerivaliLine.result)):
        counts[ResultCode(result) if result is not None else None] += n
    return {"key": "verivali_results", "title": "Verivali DTSEN: keluarga/anggota diperiksa",
            "headers": ["Hasil pemeriksaan", "Jumlah"],
            "rows": [[RESULT_WORDS[c] if c is not None else UNCHECKED, n] for c, n in counts.items()]}


PROVIDERS = (complaints_received, complaints_closed, verivali_rounds, verivali_results)
