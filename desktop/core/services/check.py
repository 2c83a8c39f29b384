"""`simpul check`: is this database sound, current and plausible?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop.core.db import schema
from desktop.core.db.engine import Database
from desktop.core.db.models import Family, Person, PpksCategory, PpksRecord, PsksEntry, PsksType, Region
from desktop.core.domain.identity import check_kk, check_nik
from desktop.core.errors import Finding, FindingsMixin
from desktop.core.i18n import number
from desktop.core.services.office import get_office
from desktop.core.services.registry import HEAD_OF_FAMILY

EXPECTED_REFERENCE = {PpksCategory: 26, PsksType: 12}


@dataclass
class CheckReport(FindingsMixin):
    findings: list[Finding] = field(default_factory=list)
    info: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def run_check(db: Database) -> CheckReport:
    report = CheckReport()
    st = schema.state(db)
    report.info.append(Finding("check.revision", "info", {"current": st.current or "-", "head": st.head}))
    schema.require_current(db)  # raises with advice when empty, old or newer
    with db.read() as s:
        if db.is_sqlite:
            _sqlite_integrity(s, report)
        _profile(s, report)
        _reference(s, report)
        _identifiers(s, report)
        _families(s, report)
        report.info.append(Finding("check.counts", "info", {
            "families": number(_count(s, Family)), "persons": number(_count(s, Person)),
            "ppks": number(_count(s, PpksRecord)), "psks": number(_count(s, PsksEntry))}))
    return report


def _count(s: Session, model, *where) -> int:
    return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _sqlite_integrity(s: Session, report: CheckReport) -> None:
    result = s.execute(text("PRAGMA quick_check")).scalars().all()
    if result != ["ok"]:
        report.findings.append(Finding("check.integrity", params={"result": "; ".join(result[:5])}))
    problems: dict[str, int] = {}
    for row in s.execute(text("PRAGMA foreign_key_check")):
        problems[row[0]] = problems.get(row[0], 0) + 1
    for table, count in problems.items():
        report.findings.append(Finding("check.foreign_keys", params={"table": table, "count": count}))


def _profile(s: Session, report: CheckReport) -> None:
    office = get_office(s)
    if office is None:
        report.findings.append(Finding("check.office_missing"))
        return
    if not _count(s, Region, Region.parent_code == office.kecamatan_code):
        report.findings.append(Finding("check.regions_missing"))
    desa = select(Region.code).where(Region.parent_code == office.kecamatan_code)
    outside = _count(s, Person, Person.desa_code.is_not(None), Person.desa_code.not_in(desa))
    outside += _count(s, Family, Family.desa_code.is_not(None), Family.desa_code.not_in(desa))
    if outside:
        report.findings.append(Finding("check.desa_outside", "warning", {"count": outside}))


def _reference(s: Session, report: CheckReport) -> None:
    for model, expected in EXPECTED_REFERENCE.items():
        count = _count(s, model)
        if count != expected:
            report.findings.append(Finding("check.reference", params={
                "table": model.__tablename__, "count": count, "expected": expected}))


def _identifiers(s: Session, report: CheckReport) -> None:
    # Stored values passed validation when written; this catches rows written around the services
    # (an old import, a hand edit in another tool). Region names are not looked up: too slow here.
    bad_nik = [n for n in s.scalars(select(Person.nik).where(Person.nik.is_not(None)))
               if not check_nik(n, check_region=False).valid]
    if bad_nik:
        report.findings.append(Finding("check.invalid_nik", params={"count": len(bad_nik), "example": bad_nik[0]}))
    bad_kk = [k for k in s.scalars(select(Family.no_kk).where(Family.no_kk.is_not(None)))
              if not check_kk(k, check_region=False).valid]
    if bad_kk:
        report.findings.append(Finding("check.invalid_kk", params={"count": len(bad_kk), "example": bad_kk[0]}))
    without = _count(s, Person, Person.nik.is_(None))
    if without:
        report.findings.append(Finding("check.without_nik", "warning", {"count": without}))
    mismatch = _count(s, Person, Person.nik_mismatch.is_(True))
    if mismatch:
        report.findings.append(Finding("check.nik_mismatch", "warning", {"count": mismatch}))


def _families(s: Session, report: CheckReport) -> None:
    heads = (select(Person.family_id, func.count().label("n"))
             .where(Person.relationship_code == HEAD_OF_FAMILY, Person.family_id.is_not(None))
             .group_by(Person.family_id).subquery())
    without = s.scalar(select(func.count()).select_from(Family).outerjoin(heads, heads.c.family_id == Family.id)
                       .where(heads.c.n.is_(None))) or 0
    if without:
        report.findings.append(Finding("check.family_without_head", "warning", {"count": without}))
    many = s.scalar(select(func.count()).select_from(heads).where(heads.c.n > 1)) or 0
    if many:
        report.findings.append(Finding("check.family_many_heads", "warning", {"count": many}))
