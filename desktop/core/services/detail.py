"""Everything the side panels of the persons and families lists show, as plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.core.db.models import (
    Family,
    Person,
    PpksCategory,
    PpksRecord,
    PsksEntry,
    PsksMember,
    PsksType,
    Region,
    Relationship,
)
from desktop.core.domain.enums import PpksSource, PpksStatus, PpksUnit, Sex
from desktop.core.services import privacy
from desktop.core.services.history import HistoryItem, family_history, person_history


@dataclass(frozen=True)
class PpksLine:
    record_id: int
    code: str
    name: str
    holder: PpksUnit  # the person's own record, or their family's
    status: PpksStatus
    assessed_on: dt.date
    source: PpksSource
    notes: str | None
    sensitive: bool


@dataclass
class PersonDetail:
    id: int
    name: str
    nik: str | None
    sex: Sex
    birth_date: dt.date | None
    address: str
    family_id: int | None
    no_kk: str | None
    desil: int | None
    members: list[tuple[int, str, str]] = field(default_factory=list)  # id, name, relationship
    ppks: list[PpksLine] = field(default_factory=list)
    psks: list[str] = field(default_factory=list)
    history: list[HistoryItem] = field(default_factory=list)


def person_detail(session: Session, person_id: int) -> PersonDetail | None:
    privacy.require_view(session)
    p = session.get(Person, person_id)
    if p is None:
        return None
    desa = session.get(Region, p.desa_code) if p.desa_code else None
    address = ", ".join(x for x in (p.address, f"RT {p.rt}/RW {p.rw}" if p.rt or p.rw else None,
                                    p.dusun, desa.name if desa else None) if x)
    family = session.get(Family, p.family_id) if p.family_id else None
    detail = PersonDetail(p.id, p.name, privacy.nik(session, p.nik), p.sex, p.birth_date, address, p.family_id,
                          privacy.nik(session, family.no_kk) if family else None, family.desil if family else None)
    if family:
        relations = dict(session.execute(select(Relationship.code, Relationship.name)).all())
        detail.members = [(m.id, m.name, relations.get(m.relationship_code, "")) for m in session.scalars(
            select(Person).where(Person.family_id == family.id).order_by(Person.relationship_code, Person.id))]
    stmt = (select(PpksRecord, PpksCategory).join(PpksCategory)
            .where(or_(PpksRecord.person_id == p.id, PpksRecord.family_id == p.family_id if family else False),
                   privacy.shown_records(session))
            .order_by(PpksCategory.no))
    detail.ppks = [PpksLine(r.id, c.code, c.name, PpksUnit.FAMILY if r.family_id else PpksUnit.PERSON, r.status,
                            r.assessed_on, r.source, r.notes, c.sensitive) for r, c in session.execute(stmt)]
    roles = session.execute(select(PsksType.name, PsksEntry.org_name).join(PsksEntry)
                            .where(PsksEntry.person_id == p.id))
    detail.psks = [f"{t}{' – ' + o if o else ''}" for t, o in roles]
    detail.psks += [f"{role or 'Anggota'} {org or t}" for t, org, role in session.execute(
        select(PsksType.name, PsksEntry.org_name, PsksMember.role).join(PsksEntry, PsksEntry.id == PsksMember.psks_id)
        .join(PsksType).where(PsksMember.person_id == p.id))]
    detail.history = person_history(session, p.id)
    return detail


@dataclass
class FamilyDetail:
    id: int
    no_kk: str | None
    desil: int | None
    members: list[tuple[int, str, str | None, str | None]]  # id, name, relationship, NIK; the head first
    history: list[HistoryItem]


def family_detail(session: Session, family_id: int) -> FamilyDetail | None:
    """Everything the side panel of the families list shows, as plain data."""
    privacy.require_view(session)
    family = session.get(Family, family_id)
    if family is None:
        return None
    relations = dict(session.execute(select(Relationship.code, Relationship.name)).all())
    members = [(m.id, m.name, relations.get(m.relationship_code), privacy.nik(session, m.nik)) for m in session.scalars(
        select(Person).where(Person.family_id == family_id)
        .order_by(Person.relationship_code.is_(None), Person.relationship_code, Person.id))]
    return FamilyDetail(family.id, privacy.nik(session, family.no_kk), family.desil, members,
                        family_history(session, family_id))
