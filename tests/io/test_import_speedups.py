"""What the import does to be fast (NIK and No. KK checks by prefix, a NIK column worked as a
whole, the report drawn and the sheet freed while SQLite writes) must not change anything it decides."""

import datetime as dt
import os
import threading

import pytest

from desktop.core.io.cell_rules import NO_CHECK, PrefixChecks, handlers
from desktop.core.services import import_machine
from desktop.core.services.imports import build_lookups, run_import
from tests.io.messy import write_messy

TODAY = dt.date(2026, 11, 22)


def test_prefix_checks_are_kept_and_flag_what_the_full_check_flags():
    checks = PrefixChecks(TODAY)
    for yy in range(100):
        for mm in range(1, 13):
            for dd in range(1, 32):
                checks.nik_prefix(f"640206{dd:02d}{mm:02d}{yy:02d}")
                checks.nik_prefix(f"640206{dd + 40:02d}{mm:02d}{yy:02d}")
                checks.kk_prefix(f"640206{dd:02d}{mm:02d}{yy:02d}")
    assert (len(checks.nik), len(checks.kk)) == (100 * 12 * 31 * 2, 100 * 12 * 31)
    fresh = PrefixChecks(TODAY)
    # a man and a woman of 15-05-1980, 31 February, a 1930 birth, the last day of 1999 (woman)
    for prefix in ("640206150580", "640206550580", "640206310290", "640206010130", "640206711299"):
        assert checks.nik[prefix] == fresh.nik_prefix(prefix)
    for prefix in ("640206150520", "640206310290", "640206010127"):  # ...and a KK dated in the future
        assert checks.kk[prefix] == fresh.kk_prefix(prefix)
    assert checks.nik_flagged == {p for p, (_, errors, warnings) in checks.nik.items() if errors or warnings}
    assert "640206310290" in checks.nik_flagged and "640206150580" not in checks.nik_flagged
    assert checks.kk_refused == {p for p, checked in checks.kk.items() if checked.errors}
    assert "640206011226" in checks.kk_refused and "640206010127" not in checks.kk_refused  # 1-12-2026; 1927


def test_a_prefix_judged_by_its_halves_is_judged_as_the_full_check_judges_it():
    """Region once, date by arithmetic: for any prefix (known and unknown regions, zeros, dates that
    are not in the calendar, women's +40, KK dates in the future) the outcome is check_nik's and
    check_kk's own."""
    import random

    from desktop.core.domain.identity import check_kk, check_nik

    rng = random.Random(11)
    regions = ["640206", "640201", "640299", "990206", "640006", "320101", "000000", "110101", "64020a"]
    for _ in range(3000):
        prefix = rng.choice(regions) + f"{rng.randint(0, 75):02d}{rng.randint(0, 13):02d}{rng.randint(0, 99):02d}"
        checks = PrefixChecks(TODAY)
        nik = check_nik(prefix + "0001", today=TODAY)
        assert checks.nik_prefix(prefix) == (nik, tuple(nik.errors), tuple(nik.warnings)), prefix
        assert checks.kk_prefix(prefix) == check_kk(prefix + "0001", today=TODAY), prefix
        assert (prefix in checks.nik_flagged) == bool(nik.findings)


def test_a_nik_column_is_judged_as_each_cell_alone(db):
    with db.read() as s:
        lookups = build_lookups(s)
    judge = handlers(lookups, TODAY, PrefixChecks(TODAY))["nik"]
    odd = [None, "", "6402061505800000", "6402063102900001", 6402061505800004.0, 6402061505800004,
           "'6402061505800005", " 6402 0615 0580 0006", "0402061505800007", "9902061505800008",
           "64020615058O0009", "640206150580001", "6402069912990001"]
    clean = ["6402061505800003", "6402065505800004", "6402060101300005"]
    for column in (clean * 4, odd + clean, clean + odd + clean):
        values, found, checked = judge(column)
        assert len(values) == len(checked) == len(column)
        for k, cell in enumerate(column):
            alone = judge([cell])
            assert (values[k], found.get(k), checked[k]) == (alone[0][0], alone[1].get(0), alone[2][0]), cell
    values, found, checked = judge(odd)
    codes = {k: [f.code for f in errors + warnings] for k, (errors, warnings) in found.items()}
    assert values[0] is None and 0 not in found and 1 not in found  # empty: nothing to say
    assert codes[2] == ["nik.serial"] and codes[3] == ["nik.birth_date"]
    assert codes[4] == codes[5] == ["import.nik_number"]  # a number cell is never trusted
    assert values[6] == "6402061505800005" and values[7] == "6402061505800006"
    assert checked[6].date == dt.date(1980, 5, 15) and checked[6].sex == "L" and checked[0] is NO_CHECK
    assert codes[8] == ["nik.leading_zero"] and codes[9] == ["nik.province"]


def test_kk_cells_are_judged_as_each_cell_alone(db):
    with db.read() as s:
        lookups = build_lookups(s)
    judge = handlers(lookups, TODAY, PrefixChecks(TODAY))["no_kk"]
    odd = [None, "6402061203150000", "6402063102900001", 6402061203150007.0, "'6402061203150002",
           "6402 0612 0315 0003", "0402061203150004", "9902061203150005", "6402062311260006", "64020612031500O7"]
    clean = ["6402061203150008", "6402060101200009", "6402062512190010"]
    for cells in (clean, odd + clean, clean + odd):
        outcomes = judge(cells)
        assert outcomes == [judge([cell])[0] for cell in cells]
    outcomes = judge(odd)
    assert outcomes[0] == (None, (), ())
    assert [(o[1] + o[2])[0].code for o in outcomes[1:4]] == ["import.kk_invalid"] * 2 + ["import.no_kk_number"]
    assert outcomes[4][0] == "6402061203150002" and outcomes[5][0] == "6402061203150003"
    assert all(o[0] is None and o[2] for o in outcomes[6:])


@pytest.mark.parametrize("cores", [1, 2])
def test_the_same_import_on_one_core_or_two(db, tmp_path, monkeypatch, cores):
    """On one core nothing is checked ahead, nothing is freed and no report is drawn on a helper
    thread."""
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    started = []
    real_thread = threading.Thread

    def counting_thread(*args, **kwargs):
        started.append(kwargs.get("name"))
        return real_thread(*args, **kwargs)

    monkeypatch.setattr(import_machine.threading, "Thread", counting_thread)
    messy = write_messy(tmp_path / "dtks.xlsx")
    result = run_import(db, messy, today=TODAY, report_path=tmp_path / "laporan.xlsx")
    assert (result.rows, result.inserted, result.updated, result.unchanged, result.rejected) == (17, 7, 0, 1, 9)
    assert [i.number for i in result.issues] == sorted(i.number for i in result.issues)
    assert started == ([] if cores == 1 else ["simpul-import-helper", "simpul-import-report", "simpul-release"])
    again = run_import(db, messy, today=TODAY, report_path=tmp_path / "lagi.xlsx")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 8)


def test_nothing_is_checked_ahead_when_the_reader_holds_the_lock(db, tmp_path, monkeypatch):
    """openpyxl, the fallback reader, holds Python's lock: checks ahead would only slow it."""
    monkeypatch.setattr(import_machine, "reads_xlsx_without_the_lock", lambda: False)
    started = []
    real_thread = threading.Thread
    monkeypatch.setattr(import_machine.threading, "Thread",
                        lambda *a, **k: started.append(k.get("name")) or real_thread(*a, **k))
    result = run_import(db, write_messy(tmp_path / "dtks.xlsx"), dry_run=True, today=TODAY)
    assert result.inserted == 7 and started == []


def test_a_database_without_an_office_is_reported_from_the_helper(empty_db, tmp_path):
    from desktop.core.db import schema
    from desktop.core.errors import SimpulError

    schema.upgrade(empty_db)
    messy = write_messy(tmp_path / "dtks.xlsx")
    with pytest.raises(SimpulError) as caught:
        run_import(empty_db, messy, today=TODAY)
    assert caught.value.code == "db.not_initialised"


def test_release_frees_what_it_was_given():
    rows = [[object() for _ in range(30)] for _ in range(5000)]
    values = list(rows)
    with import_machine.Release() as release:
        release.add(rows, values)
        release.start()
    assert rows == [] and values == []


def test_reimport_takes_only_what_the_file_says_differently(db, tmp_path):
    from sqlalchemy import select

    from desktop.core.db.models import Person
    from tests.io.messy import SITI

    messy = write_messy(tmp_path / "dtks.xlsx")
    run_import(db, messy, today=TODAY, report_path=tmp_path / "1.xlsx")
    with db.transaction() as s:
        siti = s.scalars(select(Person).where(Person.nik == SITI)).one()
        siti.rt, siti.phone = "009", "081234567890"  # the file says RT 001 and has no phone
    again = run_import(db, messy, today=TODAY, report_path=tmp_path / "2.xlsx")
    assert (again.inserted, again.updated, again.unchanged) == (0, 1, 7)
    with db.read() as s:
        siti = s.scalars(select(Person).where(Person.nik == SITI)).one()
        assert (siti.rt, siti.phone) == ("001", "081234567890")
