"""Numbers for the Beranda: active PPKS per desa and category, PSKS per type (`dashboard`, small
tables, read when the window opens) and the data-quality counts (`quality`, which look at every
person and so grow with the registry; the screen reads them on the database worker)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.models import (
    Community,
    Family,
    OfficeProfile,
    Person,
    PpksCategory,
    PpksRecord,
    PsksEntry,
    PsksType,
    Region,
)
from desktop.core.domain.enums import PpksStatus

# The data-quality checks, in the order the Beranda lists them; each opens the records behind it.
WITHOUT_NIK, NIK_MISMATCH, DUPLICATES, NO_HEAD, OVERDUE_REFERRALS = (
    "without_nik", "nik_mismatch", "duplicates", "no_head", "referrals")
QUALITY_CHECKS = (WITHOUT_NIK, NIK_MISMATCH, DUPLICATES, NO_HEAD, OVERDUE_REFERRALS)


@dataclass(frozen=True)
class Dashboard:
    desa: list[tuple[str, str]]  # (code, name)
    categories: list[tuple[int, str, str]]  # (no, code, name)
    ppks: dict[tuple[str, int], int]  # (desa code, category no) -> active records
    psks: list[tuple[str, str, int]]  # (code, name, active entries)

    def category_total(self, no: int) -> int:
        return sum(n for (_, c), n in self.ppks.items() if c == no)

    def desa_total(self, code: str) -> int:
        return sum(n for (d, _), n in self.ppks.items() if d == code)


def dashboard(session: Session) -> Dashboard:
    office = session.scalars(select(OfficeProfile).limit(1)).first()
    desa = [(r.code, r.name) for r in session.scalars(
        select(Region).where(Region.parent_code == (office.kecamatan_code if office else "")).order_by(Region.code))]
    cats = [(c.no, c.code, c.name) for c in session.scalars(select(PpksCategory).order_by(PpksCategory.no))]
    active = PpksRecord.status == PpksStatus.ACTIVE
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for holder, place in ((PpksRecord.person_id, Person), (PpksRecord.family_id, Family),
                          (PpksRecord.community_id, Community)):
        stmt = (select(place.desa_code, PpksRecord.category_no, func.count()).join(place, place.id == holder)
                .where(active).group_by(place.desa_code, PpksRecord.category_no))
        for d, no, n in session.execute(stmt):
            counts[(d, no)] += n
    psks = [(code, name, n) for code, name, n in session.execute(
        select(PsksType.code, PsksType.name, func.count(PsksEntry.id))
        .outerjoin(PsksEntry, (PsksEntry.type_no == PsksType.no) & PsksEntry.active.is_(True))
        .group_by(PsksType.no, PsksType.code, PsksType.name).order_by(PsksType.no))]
    return Dashboard(desa, cats, dict(counts), psks)


def duplicate_count(session: Session) -> int:
    """Persons who share name and birth date with someone else (likely entered twice): one pass
    over the (name key, birth date) index, where a self-join took seconds at 200,000 persons."""
    groups = (select(func.count().label("n")).where(Person.birth_date.is_not(None))
              .group_by(Person.name_key, Person.birth_date).having(func.count() > 1).subquery())
    return session.scalar(select(func.coalesce(func.sum(groups.c.n), 0))) or 0


def quality(session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Each data-quality check -> how many records it finds, in `QUALITY_CHECKS` order."""
    # services.referrals (letters, signing, the PostgreSQL dialect: ~0.06 s) is loaded with the
    # first count, on the worker after the window is drawn, not with the first screen.
    from desktop.core.services.referrals import overdue

    heads = select(Person.family_id).where(Person.relationship_code == 1, Person.family_id.is_not(None))
    counts = {
        WITHOUT_NIK: session.scalar(select(func.count()).select_from(Person).where(Person.nik.is_(None))),
        NIK_MISMATCH: session.scalar(select(func.count()).select_from(Person).where(Person.nik_mismatch.is_(True))),
        DUPLICATES: duplicate_count(session),
        NO_HEAD: session.scalar(select(func.count()).select_from(Family).where(Family.id.not_in(heads))),
        OVERDUE_REFERRALS: len(overdue(session, today)),
    }
    return {key: counts[key] or 0 for key in QUALITY_CHECKS}
