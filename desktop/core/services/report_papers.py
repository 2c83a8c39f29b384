"""The papers and workbooks of the laporan bulanan and the annual report, gathered here as plain
data and drawn by desktop.core.io (no SQL there). A closed month prints from its frozen figures
(the kop's texts and the signers too, as they were at closing); an open month prints live, marked
SEMENTARA. Counts only, no personal data: nothing for the disclosure log."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from desktop.core.domain.clock import local, zone_of
from desktop.core.io.pdf.monthly import MonthlyPaper, monthly_pdf
from desktop.core.io.pdf.work_common import Kop
from desktop.core.services.monthly_report import (
    month_content,
    office_today,
    status_line,
    year_content,
)
from desktop.core.services.office import require_office


def _kop(session: Session, content: dict) -> Kop:
    office = require_office(session)
    frozen = content["office"]
    return Kop(frozen["government"], frozen["office"], frozen.get("address") or "", office.logo)


def month_pdf(session: Session, year: int, month: int, revision: int | None = None) -> bytes:
    """The month's report: its latest issue (or `revision`), or live figures marked SEMENTARA."""
    made = month_content(session, year, month, revision)
    zone = zone_of(require_office(session).kecamatan_code)
    signed_on = local(made.issue.closed_at, zone).date() if made.issue else office_today(session)
    paper = MonthlyPaper(made.content, _kop(session, made.content), status_line(made.issue, zone),
                         made.issue is not None, signed_on)
    return monthly_pdf(paper)


def year_pdf(session: Session, year: int) -> bytes:
    made = year_content(session, year)
    open_months = [m.content["month"] for m in made.months if m.issue is None]
    status = ("Semua bulan sudah ditutup." if not open_months else
              "SEMENTARA — bulan belum ditutup: " + ", ".join(str(m) for m in open_months))
    paper = MonthlyPaper(made.total, _kop(session, made.total), status, not open_months, office_today(session))
    return monthly_pdf(paper)


def month_xlsx(session: Session, year: int, month: int, path: Path | str, revision: int | None = None) -> Path:
    from desktop.core.io.excel_month import write_month

    made = month_content(session, year, month, revision)
    zone = zone_of(require_office(session).kecamatan_code)
    return write_month(Path(path), made.content, status_line(made.issue, zone))


def year_xlsx(session: Session, year: int, path: Path | str) -> Path:
    from desktop.core.io.excel_month import MonthColumn, write_year

    made = year_content(session, year)
    columns = [MonthColumn(m.content, "Ditutup" + (f" (rev. {m.issue.revision})" if m.issue.revision else "")
                           if m.issue else "Belum ditutup", m.issue.sha256 if m.issue else "") for m in made.months]
    return write_year(Path(path), made.total, columns)
