"""Read-only views of the registry for lists and summaries (no ORM objects leave here)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.models import Family, OfficeProfile, Person, PpksCategory, PpksRecord, PsksEntry, Region
from desktop.core.domain.enums import PsksForm


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

    from desktop.core.services import privacy

    ppks = session.scalar(select(func.count()).select_from(PpksRecord).where(privacy.shown_records(session))) or 0
    return OfficeSummary(office.office_name, kec.name if kec else office.kecamatan_code,
                         regency.name if regency else "", count(Family), count(Person), ppks, count(PsksEntry))


def desa_choices(session: Session) -> list[tuple[str, str]]:
    """(code, name) of the office's desa/kelurahan, in code order."""
    office = session.scalars(select(OfficeProfile).limit(1)).first()
    if office is None:
        return []
    return [(r.code, r.name) for r in session.scalars(
        select(Region).where(Region.parent_code == office.kecamatan_code).order_by(Region.code))]


def ppks_choices(session: Session) -> list[tuple[int, str, str]]:
    """(number, code, name) of the 26 categories, in the regulation's order, less those the user
    may not see (a filter offering ODHA would tell there is data behind it)."""
    from desktop.core.services import privacy

    hidden = privacy.hidden_nos(session)
    return [(c.no, c.code, c.name) for c in session.scalars(select(PpksCategory).order_by(PpksCategory.no))
            if c.no not in hidden]


def reference_choices(session: Session) -> dict[str, list[tuple[int, str]]]:
    """Code lists for forms: relationship (SHDK), religion, marital status, education."""
    from desktop.core.db.models import Education, MaritalStatus, Relationship, Religion

    return {key: [(c, n) for c, n in session.execute(select(model.code, model.name).order_by(model.code))]
            for key, model in (("relationship", Relationship), ("religion", Religion),
                               ("marital_status", MaritalStatus), ("education", Education))}


def region_label(code: str) -> str | None:
    """ "64.02.06" -> "Kec. Tenggarong, Kabupaten Kutai Kartanegara" for the NIK panel."""
    from desktop.core.domain.identity import region_name

    kec, regency = region_name(code), region_name(code[:5])
    if kec is None:
        return None
    return f"Kec. {kec}, {regency}" if regency else f"Kec. {kec}"


def psks_type_choices(session: Session) -> list[tuple[int, str, str, PsksForm]]:
    """(number, code, name, form) of the 12 PSKS types."""
    from desktop.core.db.models import PsksType

    return [(t.no, t.code, t.name, t.form) for t in session.scalars(select(PsksType).order_by(PsksType.no))]
