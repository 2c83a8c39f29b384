"""PPKS category rules: age and sex limits and the unit (person, family, community).

The limits live in the ppks_category table (sources disagree on several boundaries, so an office
can change them); here they are only judged, and only ever give warnings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.domain.people import age_on
from desktop.core.errors import Finding

@dataclass(frozen=True, slots=True)
class CategoryRule:
    code: str
    unit: str  # orang | keluarga | komunitas
    age_min: int | None = None
    age_max: int | None = None  # inclusive: the last completed year that still fits
    sex: str | None = None  # "P" for PRSE


def category_warnings(rule: CategoryRule, *, holder: str, birth_date: dt.date | None,
                      sex: str | None, assessed_on: dt.date) -> list[Finding]:
    """Warnings for recording `rule` on a holder (orang/keluarga/komunitas). Never blocks."""
    found: list[Finding] = []
    if holder != rule.unit and not (rule.unit == "keluarga" and holder == "orang"):
        # Family categories may still be noted on the person who stands for the family.
        found.append(Finding("ppks.unit", "warning", {"code": rule.code, "unit": rule.unit, "given": holder}))
    if holder != "orang":
        return found
    if rule.age_min is not None or rule.age_max is not None:
        if birth_date is None:
            found.append(Finding("ppks.no_birth_date", "warning", {"code": rule.code}))
        else:
            age = age_on(birth_date, assessed_on)
            if rule.age_min is not None and age < rule.age_min:
                found.append(Finding("ppks.age_below", "warning",
                                     {"age": age, "code": rule.code, "limit": rule.age_min}))
            if rule.age_max is not None and age > rule.age_max:
                found.append(Finding("ppks.age_above", "warning",
                                     {"age": age, "code": rule.code, "limit": rule.age_max}))
    if rule.sex and sex and sex != rule.sex:
        found.append(Finding("ppks.sex", "warning", {"code": rule.code, "sex": rule.sex}))
    return found
