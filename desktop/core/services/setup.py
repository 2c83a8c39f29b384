"""Setting up a new office database, as the first-run wizard does it: the schema, the kecamatan
and its desa, the letterhead and signers, and (to try Simpul out) synthetic demo data."""

from __future__ import annotations

from desktop.core.db import schema
from desktop.core.db.engine import Database
from desktop.core.progress import NULL_PROGRESS, Progress
from desktop.core.services import demo
from desktop.core.services.office import InitResult, init_office, save_logo, save_profile


def set_up_office(db: Database, kecamatan_code: str, profile: dict[str, object], *, logo: bytes | None = None,
                  logo_mime: str | None = None, demo_families: int = 0,
                  progress: Progress = NULL_PROGRESS) -> InitResult:
    """Each step commits on its own: the schema cannot share a transaction with the data, and the
    demo generator commits its own."""
    schema.upgrade(db)
    result = init_office(db, kecamatan_code)
    with db.transaction() as s:
        save_profile(s, profile)
        if logo:
            save_logo(s, logo, logo_mime)
    if demo_families:
        demo.generate(db, demo_families, progress=progress)
    return result
