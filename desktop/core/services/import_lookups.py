"""What an import needs to know about the office before it reads a row: its desa, the code
tables by the names files use, the PPKS categories, and the registry's column sizes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.models import (
    Education,
    Family,
    MaritalStatus,
    Person,
    PpksAlias,
    PpksCategory,
    Region,
    Relationship,
    Religion,
)
from desktop.core.io.excel_import import Lookups
from desktop.core.io.fields import header_key
from desktop.core.io.normalize import region_key
from desktop.core.services.office import require_office


def build_lookups(session: Session) -> Lookups:
    office = require_office(session)
    kec = session.get(Region, office.kecamatan_code)
    desa: dict[str, str] = {}
    for r in session.scalars(select(Region).where(Region.parent_code == office.kecamatan_code)):
        desa[region_key(r.name)] = r.code
        desa[r.code] = r.code
        desa[r.code.replace(".", "")] = r.code
    aliases = {a: n for a, n in session.execute(select(PpksAlias.alias, PpksAlias.category_no))}

    def ppks(value: str) -> int | None:
        key = " ".join(value.upper().replace("_", " ").split())
        if key.isdigit():
            return int(key) if 1 <= int(key) <= 26 else None
        return aliases.get(key)

    def names(model) -> dict[str, int]:
        return {header_key(n): c for c, n in session.execute(select(model.code, model.name))}

    relationship = names(Relationship)
    relationship |= {"KK": 1, "KEPALA RUMAH TANGGA": 1, "ISTRI SUAMI": 3, "SUAMI ISTRI": 3, "ORANG TUA MERTUA": 7,
                     "FAMILI": 9, "PEMBANTU SOPIR": 10}
    religion = names(Religion) | {"KRISTEN PROTESTAN": 2, "PROTESTAN": 2, "BUDHA": 5, "KHONGHUCU": 6, "KONG HU CU": 6,
                                  "KEPERCAYAAN": 7}
    marital = names(MaritalStatus) | {"BELUM MENIKAH": 1, "MENIKAH": 2, "KAWIN TERCATAT": 2,
                                      "KAWIN BELUM TERCATAT": 2, "JANDA": 3, "DUDA": 3}
    education = names(Education) | {"SD": 3, "SMP": 4, "SLTP": 4, "SMA": 5, "SMK": 5, "SLTA": 5, "D3": 7,
                                    "S1": 8, "D4": 8, "S2": 9, "S3": 10, "TIDAK SEKOLAH": 1, "BELUM SEKOLAH": 1}
    units = {no: unit.value for no, unit in session.execute(select(PpksCategory.no, PpksCategory.unit))}
    return Lookups(kec.name if kec else office.kecamatan_code, desa, relationship, religion, marital, education,
                   ppks, units, kecamatan_code=office.kecamatan_code, limits=LIMITS)


# The registry's column sizes for the text an import takes from a cell: a longer cell is refused
# with its reason, alike on SQLite (which would store it) and PostgreSQL (which would fail).
LIMITS = {name: min(getattr(model, name).type.length for model in models)
          for name, models in {"name": (Person,), "birth_place": (Person,), "occupation": (Person,),
                               "phone": (Person,), "address": (Person, Family), "dusun": (Person, Family)}.items()}
