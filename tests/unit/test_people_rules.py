import datetime as dt

import pytest

from desktop.core.domain.categories import CategoryRule, category_warnings
from desktop.core.domain.people import age_on, name_key, normalize_name, normalize_rt_rw
from desktop.core.errors import ValidationError

LUT = CategoryRule("LUT", "orang", age_min=60)
ABT = CategoryRule("ABT", "orang", age_max=5)
PRSE = CategoryRule("PRSE", "orang", 18, 59, "P")
FM = CategoryRule("FM", "keluarga")
KAT = CategoryRule("KAT", "komunitas")


def warn(rule, holder="orang", birth=None, sex=None, on=dt.date(2026, 11, 22)):
    return [f.code for f in category_warnings(rule, holder=holder, birth_date=birth, sex=sex, assessed_on=on)]


def test_age_is_judged_at_the_assessment_date_not_today():
    birth = dt.date(1966, 6, 1)  # 60 in June 2026
    assert warn(LUT, birth=birth, on=dt.date(2026, 7, 1)) == []
    assert warn(LUT, birth=birth, on=dt.date(2026, 5, 1)) == ["ppks.age_below"]


def test_upper_limit_is_inclusive_of_the_last_year():
    assert warn(ABT, birth=dt.date(2021, 1, 1)) == []        # 5 years old
    assert warn(ABT, birth=dt.date(2020, 1, 1)) == ["ppks.age_above"]


def test_sex_and_age_rules_only_warn():
    found = category_warnings(PRSE, holder="orang", birth_date=dt.date(1950, 1, 1), sex="L",
                              assessed_on=dt.date(2026, 1, 1))
    assert {f.code for f in found} == {"ppks.age_above", "ppks.sex"}
    assert all(f.severity == "warning" for f in found)


def test_missing_birth_date_is_said():
    assert warn(LUT) == ["ppks.no_birth_date"]


def test_unit_rules():
    assert warn(FM, holder="keluarga") == []
    assert warn(FM, holder="orang") == []  # the person who stands for the family
    assert warn(KAT, holder="orang") == ["ppks.unit"]
    assert warn(LUT, holder="keluarga") == ["ppks.unit"]


def test_names():
    assert normalize_name("  Siti   Aisyah ") == "Siti Aisyah"
    assert name_key("Siti  Aisyah, S.Pd.") == "SITI AISYAH S PD"
    assert name_key("Ni Made Ayu Sukmawátí") == "NI MADE AYU SUKMAWATI"


@pytest.mark.parametrize("raw, expected", [("1", "001"), ("01", "001"), (7, "007"), ("007", "007"),
                                           ("12.0", "012"), ("", None), (None, None), ("-", None)])
def test_rt_rw(raw, expected):
    assert normalize_rt_rw(raw) == expected


@pytest.mark.parametrize("raw", ["0", "1000", "RT 3", "3a"])
def test_rt_rw_rejects(raw):
    with pytest.raises(ValidationError) as info:
        normalize_rt_rw(raw)
    assert "RT/RW" in info.value.message


def test_age_on_birthday():
    assert age_on(dt.date(2000, 11, 22), dt.date(2026, 11, 22)) == 26
    assert age_on(dt.date(2000, 11, 23), dt.date(2026, 11, 22)) == 25
