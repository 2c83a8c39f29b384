"""Numbers for the Beranda: active PPKS per desa and category, PSKS per type, data-quality counts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

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
from desktop.core.services.lists import duplicate_person_ids


@dataclass
class Dashboard:
    desa: list[tuple[str, str]]  # (code, name)
    categories: list[tuple[int, str, str]]  # (no, code, name)
    ppks: dict[tuple[str, int], int]  # (desa code, category no) -> active records
    psks: list[tuple[str, str, int]]  # (code, name, active entries)
    quality: list[tuple[str, str, int]] = field(default_factory=list)  # (key, label, count)

    def category_total(self, no: int) -> int:
        return sum(n for (_, c), n in self.ppks.items() if c == no)

    def desa_total(self, code: str) -> int:
        return sum(n for (d, _), n in self.ppks.items() if d == code)


QUALITY_LABELS = {
    "without_nik": "Penduduk tanpa NIK",
    "nik_mismatch": "NIK tidak cocok dengan tanggal lahir atau jenis kelamin",
    "duplicates": "Kemungkinan data ganda (nama dan tanggal lahir sama)",
    "no_head": "Keluarga tanpa kepala keluarga",
}


def dashboard(session: Session) -> Dashboard:
    office = session.scalars(select(OfficeProfile).limit(1)).first()
    desa = [(r.code, r.name) for r in session.scalars(
        select(Region).where(Region.parent_code == (office.kecamatan_code if office else "")).order_by(Region.code))]
    cats = [(c.no, c.code, c.name) for c in session.scalars(select(PpksCategory).order_by(PpksCategory.no))]
    active = PpksRecord.status == PpksStatus.AKTIF
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
    heads = select(Person.family_id).where(Person.relationship_code == 1, Person.family_id.is_not(None))
    quality = [
        ("without_nik", session.scalar(select(func.count()).select_from(Person).where(Person.nik.is_(None)))),
        ("nik_mismatch", session.scalar(select(func.count()).select_from(Person)
                                        .where(Person.nik_mismatch.is_(True)))),
        ("duplicates", session.scalar(select(func.count()).select_from(duplicate_person_ids().distinct().subquery()))),
        ("no_head", session.scalar(select(func.count()).select_from(Family).where(Family.id.not_in(heads)))),
    ]
    return Dashboard(desa, cats, dict(counts), psks,
                     [(key, QUALITY_LABELS[key], n or 0) for key, n in quality])
