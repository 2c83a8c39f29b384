"""What the app does before its window opens: pick the database, upgrade it, fill the demo."""

from __future__ import annotations

import os
from dataclasses import dataclass

from desktop.core import paths
from desktop.core.db import schema
from desktop.core.db.engine import Database, open_database
from desktop.core.services.office import get_office, init_office

DEMO_KECAMATAN = "64.02.06"  # Tenggarong, Kutai Kartanegara
DEMO_FAMILIES = 2000


@dataclass
class Startup:
    db: Database
    needs_setup: bool  # an empty database: the office must be set up first
    upgrade: schema.UpgradeResult | None = None


def open_for_app(target: str | os.PathLike[str] | None = None, *, demo: bool = False) -> Startup:
    """Open the database the window will use; upgrade an older schema (after a backup). With
    `demo`, use the demo file and fill it with synthetic data the first time."""
    db = open_database(paths.demo_db_path() if demo else target)
    st = schema.state(db)
    if st.is_empty and not demo:
        return Startup(db, needs_setup=True)
    result = schema.upgrade(db)
    with db.read() as s:
        has_office = get_office(s) is not None
    if demo and not has_office:
        from desktop.core.services import demo as demo_data  # only the demo's first start needs it

        init_office(db, DEMO_KECAMATAN, actor="demo")
        demo_data.generate(db, DEMO_FAMILIES, seed=DEMO_FAMILIES)
        has_office = True
    return Startup(db, needs_setup=not has_office, upgrade=result)
