"""Results typed with the keyboard alone: a code key records and moves on, Enter skips, 0 clears."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.core.db.models import Family, Person, VerivaliLine
from desktop.core.domain.enums import ResultCode, Sex
from desktop.core.services import verivali
from desktop.gui.verivali.page import VerivaliPage

JAHAB = "64.02.06.1001"


def test_code_keys_record_results_row_by_row(sqlite_db, open_page, qtbot):
    db = sqlite_db
    with db.transaction() as s:
        for n in range(5):
            fam = Family(no_kk=f"640206010120{n:04d}", desa_code=JAHAB, rt="001")
            s.add(fam)
            s.flush()
            s.add(Person(nik=f"64020601018{n:05d}", name=f"Warga {n}", name_key=f"warga {n}", sex=Sex.MALE,
                         family_id=fam.id, relationship_code=1, desa_code=JAHAB, rt="001"))
        verivali.add_from_registry(s, verivali.create_round(s, JAHAB, "Mei 2026").id)
    page = open_page(VerivaliPage)
    page.tabs.setCurrentIndex(1)
    page.rounds.refresh()
    view = page.rounds.entry
    view.setFocus()
    view.go_to(0)
    for key in ("1", "3", Qt.Key.Key_Return, "2", "1"):
        qtbot.keyClick(view, key) if isinstance(key, str) else qtbot.keyClick(view, key)
    with db.read() as s:
        results = [ln.result for ln in s.scalars(select(VerivaliLine).order_by(VerivaliLine.seq))]
    assert results == [ResultCode.ELIGIBLE, ResultCode.DECEASED, None, ResultCode.NOT_ELIGIBLE, ResultCode.ELIGIBLE]
    view.go_to(1)
    qtbot.keyClick(view, "0")
    with db.read() as s:
        assert s.scalars(select(VerivaliLine.result).order_by(VerivaliLine.seq)).all()[1] is None
    assert "1 · Tetap layak" in page.rounds.lines.data(page.rounds.lines.index(0, 6))
