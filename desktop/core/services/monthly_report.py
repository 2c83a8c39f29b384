"""Laporan bulanan: "Tutup bulan" freezes the month's figures (services.month_figures) with who,
when and the SHA-256 of their canonical text; a closed month changes only by a numbered revision
with a reason, and every earlier revision stays. The year adds up the months (domain.monthly).

A closed report is never updated: this module only inserts, the ORM refuses an update or delete
of a MonthReport, and the database's triggers (revision 0011) refuse them too."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from desktop.core.db.models import MonthReport
from desktop.core.domain.clock import local_text, zone_of
from desktop.core.domain.monthly import add_up, digest, month_name
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.common import actor
from desktop.core.services.month_figures import month_figures
from desktop.core.services.office import require_office

MIN_REASON = 10  # characters: a revision says what was wrong


@event.listens_for(MonthReport, "before_update")
@event.listens_for(MonthReport, "before_delete")
def _immutable(_mapper, _connection, target: MonthReport) -> None:
    raise SimpulError("month_report.immutable", year=target.year, month=target.month)


def office_today(session: Session) -> dt.date:
    return dt.datetime.now(zone_of(require_office(session).kecamatan_code)).date()


def _check_month(session: Session, year: int, month: int, today: dt.date | None) -> None:
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise SimpulError("month_report.month_invalid", year=year, month=month)
    today = today or office_today(session)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    if today < following:  # the month has not ended in the office's zone
        raise SimpulError("month_report.month_running", month=f"{month_name(month)} {year}")


def latest(session: Session, year: int, month: int) -> MonthReport | None:
    """The month's current issue: its highest revision, or None while it is open."""
    return session.scalars(select(MonthReport).where(MonthReport.year == year, MonthReport.month == month)
                           .order_by(MonthReport.revision.desc()).limit(1)).first()


def _store(session: Session, year: int, month: int, revision: int, reason: str | None) -> MonthReport:
    content = month_figures(session, year, month)
    report = MonthReport(year=year, month=month, revision=revision, reason=reason, content=content,
                         sha256=digest(content), closed_by=actor(session))
    session.add(report)
    session.flush()
    return report


def close_month(session: Session, year: int, month: int, today: dt.date | None = None) -> MonthReport:
    """Tutup bulan: the month's figures as they stand now, frozen. Only once a month has ended,
    and only once: after that, `revise_month`."""
    _check_month(session, year, month, today)
    if latest(session, year, month) is not None:
        raise SimpulError("month_report.closed_already", month=f"{month_name(month)} {year}")
    return _store(session, year, month, 0, None)


def revise_month(session: Session, year: int, month: int, reason: str, today: dt.date | None = None) -> MonthReport:
    """A new issue of a closed month, numbered, with the reason; the earlier issues stay as they were."""
    _check_month(session, year, month, today)
    current = latest(session, year, month)
    if current is None:
        raise SimpulError("month_report.not_closed", month=f"{month_name(month)} {year}")
    if len((reason or "").strip()) < MIN_REASON:
        raise ValidationError([Finding("month_report.reason", params={"n": MIN_REASON})])
    return _store(session, year, month, current.revision + 1, reason.strip())


def is_intact(report: MonthReport) -> bool:
    """The stored figures still hash to the stored SHA-256."""
    return digest(report.content) == report.sha256


# ---- what the room and the command line show --------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Issue:
    """One closed issue of a month."""

    id: int
    year: int
    month: int
    revision: int
    reason: str | None
    sha256: str
    closed_by: str
    closed_at: dt.datetime  # stored UTC
    intact: bool

    @property
    def title(self) -> str:
        return f"{month_name(self.month)} {self.year}" + (f", revisi {self.revision}" if self.revision else "")


def issues(session: Session, year: int, month: int | None = None) -> list[Issue]:
    """Every closed issue of a year (or a month), month by month, revisions in order."""
    stmt = select(MonthReport).where(MonthReport.year == year)
    if month is not None:
        stmt = stmt.where(MonthReport.month == month)
    return [Issue(r.id, r.year, r.month, r.revision, r.reason, r.sha256, r.closed_by, r.closed_at, is_intact(r))
            for r in session.scalars(stmt.order_by(MonthReport.month, MonthReport.revision))]


@dataclass(frozen=True, slots=True)
class MonthState:
    month: int
    closed: Issue | None  # the latest issue
    ended: bool  # the month is over (it may be closed)


def month_states(session: Session, year: int, today: dt.date | None = None) -> list[MonthState]:
    today = today or office_today(session)
    by_month: dict[int, Issue] = {}
    for issue in issues(session, year):
        by_month[issue.month] = issue  # revisions come in order: the last one stays
    return [MonthState(m, by_month.get(m), today >= dt.date(year + (m == 12), m % 12 + 1, 1)) for m in range(1, 13)]


def open_months(session: Session, today: dt.date | None = None) -> list[tuple[int, int]]:
    """Ended months of the last twelve that nobody has closed yet (a Beranda line)."""
    today = today or office_today(session)
    closed = {tuple(r) for r in session.execute(select(MonthReport.year, MonthReport.month).distinct())}
    out, y, m = [], today.year, today.month
    for _ in range(12):
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        if (y, m) not in closed:
            out.append((y, m))
    return sorted(out)


@dataclass(frozen=True)
class MonthContent:
    """A month's figures and where they come from: a closed issue, or live (not closed yet)."""

    content: dict
    issue: Issue | None


def month_content(session: Session, year: int, month: int, revision: int | None = None) -> MonthContent:
    """The latest issue (or the given revision) of a closed month; live figures for an open one."""
    stmt = select(MonthReport).where(MonthReport.year == year, MonthReport.month == month)
    if revision is not None:
        stmt = stmt.where(MonthReport.revision == revision)
    report = session.scalars(stmt.order_by(MonthReport.revision.desc()).limit(1)).first()
    if report is None:
        if revision is not None:
            raise SimpulError("month_report.no_revision", month=f"{month_name(month)} {year}", revision=revision)
        return MonthContent(shown(session, month_figures(session, year, month)), None)
    issue = Issue(report.id, year, month, report.revision, report.reason, report.sha256, report.closed_by,
                  report.closed_at, is_intact(report))
    return MonthContent(shown(session, report.content), issue)


def shown(session: Session, content: dict) -> dict:
    """The report as this user may see it: a role without "data sensitif" gets it without the
    sensitive categories (per desa they would point at people), and the papers say so. The issue
    kept in the registry stays whole; only the copy shown is cut."""
    from desktop.core.services import privacy

    hidden = privacy.hidden_nos(session)
    ppks = content.get("ppks")
    if not hidden or not ppks:
        return content
    keep = [i for i, (no, _code, _name) in enumerate(ppks["categories"]) if no not in hidden]
    cut = {**ppks, "categories": [ppks["categories"][i] for i in keep],
           "cells": {desa: [cells[i] for i in keep] for desa, cells in ppks["cells"].items()},
           "hidden": len(ppks["categories"]) - len(keep)}
    return {**content, "ppks": cut}


@dataclass(frozen=True)
class YearContent:
    total: dict  # the year as one report (domain.monthly.add_up)
    months: list[MonthContent]  # January up to the last month that has begun


def year_content(session: Session, year: int, today: dt.date | None = None) -> YearContent:
    """The year from its months: each month's latest issue, or its live figures while open."""
    today = today or office_today(session)
    last = 12 if year < today.year else today.month if year == today.year else 0
    if last == 0:
        raise SimpulError("month_report.year_future", year=year)
    months = [month_content(session, year, m) for m in range(1, last + 1)]
    return YearContent(add_up([m.content for m in months]), months)


def status_line(issue: Issue | None, zone=None) -> str:
    """What the paper says about where its figures come from."""
    if issue is None:
        return "SEMENTARA — bulan ini belum ditutup; angka dapat berubah."
    when = local_text(issue.closed_at, "%d-%m-%Y %H.%M", zone)
    rev = f"Revisi {issue.revision} ({issue.reason}). " if issue.revision else ""
    return f"{rev}Ditutup oleh {issue.closed_by} pada {when}. SHA-256: {issue.sha256}"


def month_count(session: Session) -> int:
    return session.scalar(select(func.count(MonthReport.id))) or 0
