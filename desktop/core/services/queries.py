"""Read-only views of the registry for lists and summaries (no ORM objects leave here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop.core.db.models import Family, OfficeProfile, Person, PpksRecord, PsksEntry, Region


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: int
    nik: str | None
    name: str
    sex: str
    birth_date: dt.date | None
    desa: str | None
    rt: str | None
    rw: str | None
    no_kk: str | None
    nik_mismatch: bool


def count_persons(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Person)) or 0


def person_page(session: Session, offset: int, limit: int) -> list[PersonRow]:
    """One page of persons in name order (name_key is indexed, so deep pages stay cheap enough)."""
    desa = aliased(Region)
    stmt = (select(Person.id, Person.nik, Person.name, Person.sex, Person.birth_date, desa.name,
                   Person.rt, Person.rw, Family.no_kk, Person.nik_mismatch)
            .outerjoin(desa, desa.code == Person.desa_code)
            .outerjoin(Family, Family.id == Person.family_id)
            .order_by(Person.name_key, Person.id).offset(offset).limit(limit))
    return [PersonRow(r[0], r[1], r[2], r[3].value, r[4], r[5], r[6], r[7], r[8], r[9])
            for r in session.execute(stmt)]


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
