"""The institutions a kecamatan office refers people to (Dinas Sosial, RSUD, UPTD PPA…): the
usual ones made with the office, then edited by the office. A used one is set inactive, never
deleted, so old referrals keep their addressee."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.models import Institution
from desktop.core.domain.enums import InstitutionKind
from desktop.core.errors import Finding, ValidationError
from desktop.core.services.common import get_or_fail

INSTITUTION_FIELDS = ("name", "kind", "addressee", "address", "city", "phone", "contact_person", "active")


def default_institutions(regency: str, kecamatan: str) -> list[dict]:
    """The services a kecamatan office usually refers to; the office edits the list later."""
    kab = regency.removeprefix("Kabupaten ").removeprefix("Kota ")
    return [
        {"name": f"Dinas Sosial {regency}", "kind": InstitutionKind.DINSOS,
         "addressee": f"Kepala Dinas Sosial {regency}"},
        {"name": f"RSUD {kab}", "kind": InstitutionKind.HEALTH, "addressee": f"Direktur RSUD {kab}"},
        {"name": f"Puskesmas {kecamatan}", "kind": InstitutionKind.HEALTH,
         "addressee": f"Kepala Puskesmas {kecamatan}"},
        {"name": f"UPTD PPA {regency}", "kind": InstitutionKind.PPA, "addressee": f"Kepala UPTD PPA {regency}"},
        {"name": f"Dinas Kependudukan dan Pencatatan Sipil {regency}", "kind": InstitutionKind.DUKCAPIL,
         "addressee": f"Kepala Dinas Kependudukan dan Pencatatan Sipil {regency}"},
    ]


def ensure_institutions(session: Session, regency: str, kecamatan: str, city: str | None) -> int:
    """Add the usual institutions when the office has none yet; returns how many were added."""
    if session.scalar(select(Institution.id).limit(1)) is not None:
        return 0
    rows = default_institutions(regency, kecamatan)
    session.add_all([Institution(**row, city=city, active=True) for row in rows])  # audited like any insert
    session.flush()
    return len(rows)


@dataclass(frozen=True, slots=True)
class InstitutionRow:
    id: int
    name: str
    kind: InstitutionKind
    addressee: str | None
    address: str | None
    city: str | None
    phone: str | None
    contact_person: str | None
    active: bool


def _row(i: Institution) -> InstitutionRow:
    return InstitutionRow(i.id, i.name, i.kind, i.addressee, i.address, i.city, i.phone, i.contact_person, i.active)


def save_institution(session: Session, values: dict, institution_id: int | None = None) -> int:
    """Add or change a receiving institution (audited like any record); returns its id."""
    name = (values.get("name") or "").strip()
    if not name:
        raise ValidationError([Finding("institution.name")])
    institution = get_or_fail(session, Institution, institution_id, "lembaga") if institution_id else Institution()
    for key in INSTITUTION_FIELDS:
        if key in values:
            value = values[key]
            if key == "kind":
                value = InstitutionKind(value)
            elif isinstance(value, str):
                value = value.strip() or None
            setattr(institution, key, value)
    institution.name = name
    session.add(institution)
    session.flush()
    return institution.id


def institutions(session: Session) -> list[InstitutionRow]:
    """Every institution, those in use first."""
    return [_row(i) for i in session.scalars(select(Institution).order_by(Institution.active.desc(),
                                                                          Institution.name))]


def institution(session: Session, institution_id: int) -> InstitutionRow:
    return _row(get_or_fail(session, Institution, institution_id, "lembaga"))


def institution_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of the institutions still in use, for a new referral."""
    return [(i.id, i.name) for i in session.scalars(select(Institution).where(Institution.active.is_(True))
                                                     .order_by(Institution.name))]
