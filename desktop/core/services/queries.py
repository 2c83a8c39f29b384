"""Read-only views of the registry for lists and summaries (no ORM objects leave here)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.models import Family, OfficeProfile, Person, PpksCategory, PpksRecord, PsksEntry, Region


@dataclass(frozen=True, slots=True)
class OfficeSummary:
    office_name: str
    kecamatan: str
    regency: str
    families: int
    persons: int
    ppks: int
    psks: int


def office_summary(session: Session) -> OfficeSummary | None:
    office = session.scalars(select(OfficeProfile).limit(1)).first()
    if office is None:
        return None
    kec = session.get(Region, office.kecamatan_code)
    regency = session.get(Region, kec.parent_code) if kec and kec.parent_code else None

    def count(model) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    return OfficeSummary(office.office_name, kec.name if kec else office.kecamatan_code,
                         regency.name if regency else "", count(Family), count(Person),
                         count(PpksRecord), count(PsksEntry))


def desa_choices(session: Session) -> list[tuple[str, str]]:
    """(code, name) of the office's desa/kelurahan, in code order."""
    office = session.scalars(select(OfficeProfile).limit(1)).first()
    if office is None:
        return []
    return [(r.code, r.name) for r in session.scalars(
        select(Region).where(Region.parent_code == office.kecamatan_code).order_by(Region.code))]


def ppks_choices(session: Session) -> list[tuple[int, str, str]]:
    """(number, code, name) of the 26 categories, in the regulation's order."""
    return [(c.no, c.code, c.name) for c in session.scalars(select(PpksCategory).order_by(PpksCategory.no))]
