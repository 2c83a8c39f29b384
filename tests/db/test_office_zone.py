"""Times on screen and paper follow the office's zone (WITA in Tenggarong), not the PC's clock."""

import datetime as dt

from desktop.core.domain import clock
from desktop.core.services.office import get_office


def test_opening_the_office_sets_its_zone(db):
    clock.set_office_region("31.71.01")  # as if the PC had last seen a Jakarta (WIB) office
    with db.read() as s:
        get_office(s)
    assert clock.office_zone() == clock.WITA
    assert clock.local_text(dt.datetime(2026, 11, 29, 0, 36)) == "29-11-2026 08.36"
