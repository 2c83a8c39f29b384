import datetime as dt

import pytest

from desktop.core.domain.identity import (
    check_kk,
    check_nik,
    clean_identifier,
    kk_digits,
    nik_digits,
    nik_mismatches,
)

TODAY = dt.date(2026, 11, 22)


def codes(check):
    return [f.code for f in check.findings]


def test_male_nik_decodes_birth_date_sex_and_region():
    c = check_nik("6402061505850003", today=TODAY)
    assert c.valid and c.findings == []
    assert (c.date, c.sex, c.district_code) == (dt.date(1985, 5, 15), "L", "64.02.06")


def test_female_nik_has_day_plus_40():
    c = check_nik("6402065505850001", today=TODAY)
    assert c.valid and c.sex == "P" and c.date == dt.date(1985, 5, 15)


def test_century_follows_today():
    assert check_nik("6402060101250001", today=TODAY).date == dt.date(2025, 1, 1)
    assert check_nik("6402060101270001", today=TODAY).date == dt.date(1927, 1, 1)


@pytest.mark.parametrize("value, code", [
    ("640206150585000", "nik.format"),        # 15 digits
    ("64020615058500031", "nik.format"),      # 17 digits
    ("64020615O5850003", "nik.format"),       # letter O for zero
    ("0402061505850003", "nik.leading_zero"),
    ("9902061505850003", "nik.province"),     # no province 99
    ("6400001505850003", "nik.region_zero"),
    ("6402063205850003", "nik.birth_date"),   # day 32
    ("6402067205850003", "nik.birth_date"),   # day 72 = 32 for a woman
    ("6402063002850003", "nik.birth_date"),   # 30 February
    ("6402061513850003", "nik.birth_date"),   # month 13
    ("6402061505850000", "nik.serial"),
])
def test_structural_errors_block(value, code):
    c = check_nik(value, today=TODAY)
    assert not c.valid
    assert code in codes(c)


def test_leap_day_is_a_real_date():
    assert check_nik("6402066902840001", today=TODAY).date == dt.date(1984, 2, 29)
    assert "nik.birth_date" in codes(check_nik("6402062902850001", today=TODAY))


def test_region_missing_from_current_list_is_only_a_warning():
    # 64.04 (Bulungan) moved to Kalimantan Utara in 2012; NIKs issued before keep the old code.
    c = check_nik("6404011505850003", today=TODAY)
    assert c.valid
    assert codes(c) == ["nik.region_unknown"] and c.findings[0].severity == "warning"


@pytest.mark.parametrize("raw", ["'6402061505850003", " 6402 0615 0585 0003 ", '="6402061505850003"',
                                 "6402.06.150585.0003", "6402061505850003\u00a0"])
def test_cleaning_what_spreadsheets_wrap_around_ids(raw):
    assert clean_identifier(raw) == "6402061505850003"
    assert check_nik(raw, today=TODAY).valid


def test_scientific_notation_is_refused_not_repaired():
    # What Excel shows for a NIK stored as a number: the last digit is already lost.
    assert "nik.format" in codes(check_nik("6.40206150585E+15", today=TODAY))


def test_mismatch_with_birth_date_and_sex_warns():
    c = check_nik("6402065505850001", today=TODAY)
    found = nik_mismatches(c, dt.date(1985, 5, 16), "L")
    assert [f.code for f in found] == ["nik.mismatch_birth_date", "nik.mismatch_sex"]
    assert all(f.severity == "warning" for f in found)
    assert "16-05-1985" in found[0].message and "15-05-1985" in found[0].message
    assert nik_mismatches(c, dt.date(1985, 5, 15), "P") == []
    assert nik_mismatches(c, None, None) == []


def test_kk_valid_and_decoded():
    c = check_kk("6402061203150007", today=TODAY)
    assert c.valid and c.date == dt.date(2015, 3, 12)


@pytest.mark.parametrize("value, code", [
    ("640206120315000", "kk.format"),
    ("0402061203150007", "kk.leading_zero"),
    ("9902061203150007", "kk.province"),
    ("6402065203150007", "kk.date"),      # no +40 rule on a KK
    ("6402060112260007", "kk.future"),    # 1 December 2026, after today
    ("6402061203150000", "kk.serial"),
])
def test_kk_errors(value, code):
    c = check_kk(value, today=TODAY)
    assert not c.valid and code in codes(c)


def test_compose_round_trips():
    nik = nik_digits("64.02.06", dt.date(1990, 1, 9), "P", 12)
    assert nik == "6402064901900012"
    c = check_nik(nik, today=TODAY)
    assert (c.date, c.sex) == (dt.date(1990, 1, 9), "P")
    assert check_kk(kk_digits("64.02.06", dt.date(2019, 7, 1), 3), today=TODAY).valid


def test_messages_are_indonesian_by_default_and_english_on_request():
    from desktop.core import i18n

    finding = check_nik("123", today=TODAY).findings[0]
    assert finding.message.startswith("NIK harus 16 digit")
    i18n.set_language("en")
    assert finding.message.startswith("A NIK must be 16 digits")


def test_lokal_is_loaded_by_the_first_check_not_by_the_import():
    """lokal's package brings its personal-data detectors along (~0.3 s): not at start."""
    import subprocess
    import sys

    code = ("import sys\n"
            "import desktop.core.domain.identity as identity\n"
            "assert 'lokal' not in sys.modules\n"
            "assert identity.check_nik('6402061505850003').valid\n"
            "assert identity.check_kk('6402061203150007', check_region=False).valid\n"
            "assert 'lokal' in sys.modules\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
