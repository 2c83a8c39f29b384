"""Deciding, row by row, what an import does to the registry (nothing is written here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.models import Family, Person, PpksRecord
from desktop.core.errors import Finding
from desktop.core.io.excel_import import Lookups, ParsedFile, Row

PERSON_FIELDS = ("name", "sex", "birth_place", "birth_date", "relationship_code", "religion_code",
                 "marital_status_code", "education_code", "occupation", "phone", "disability", "notes")
ADDRESS_FIELDS = ("address", "desa_code", "dusun", "rt", "rw")
# The person columns an import writes from a row, in the order Plan.new_persons values hold them.
PERSON_COLUMNS = (*PERSON_FIELDS, "nik", "name_key", "nik_mismatch", *ADDRESS_FIELDS)
_OWN_COLUMNS = itemgetter(*PERSON_COLUMNS[:-len(ADDRESS_FIELDS)])
_ADDRESS = itemgetter(*ADDRESS_FIELDS)
CHUNK = 500


@dataclass
class Plan:
    new_families: dict[str, dict] = field(default_factory=dict)  # no_kk -> row values
    family_updates: dict[int, dict] = field(default_factory=dict)  # family id -> changes
    desil: list[tuple[str, int]] = field(default_factory=list)  # (no_kk, desil) to record
    # row, its PERSON_COLUMNS values (a tuple: 100,000 dicts cost time) and its family's No. KK
    new_persons: list[tuple[Row, tuple, str | None]] = field(default_factory=list)
    person_updates: dict[int, dict] = field(default_factory=dict)
    new_ppks: list[tuple[Row, int, str]] = field(default_factory=list)  # row, category, holder kind
    status: dict[int, str] = field(default_factory=dict)  # row number -> inserted/updated/unchanged/rejected
    conflict: dict[int, list[Finding]] = field(default_factory=dict)


def chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def by_key(s: Session, model, column, keys: list) -> dict:
    """Records whose `column` is one of `keys`, by that value (in chunks: SQL has a parameter limit)."""
    found = {}
    if len(keys) > 4 * CHUNK and s.scalar(select(func.count()).select_from(model)) <= len(keys):
        # A file as large as the table (the first import into a new registry): one pass over
        # the table instead of hundreds of IN lists.
        wanted = set(keys)
        for obj in s.scalars(select(model).where(column.is_not(None))):
            if getattr(obj, column.key) in wanted:
                found[getattr(obj, column.key)] = obj
        return found
    for chunk in chunks(keys):
        for obj in s.scalars(select(model).where(column.in_(chunk))):
            found[getattr(obj, column.key)] = obj
    return found


def existing_persons(s: Session, niks: list[str]) -> dict[str, Person]:
    return by_key(s, Person, Person.nik, niks)


def existing_families(s: Session, kks: list[str]) -> dict[str, Family]:
    return by_key(s, Family, Family.no_kk, kks)


def make_plan(s: Session, parsed: ParsedFile, lookups: Lookups, on_conflict: str, desil_as_of: dt.date) -> Plan:
    plan = Plan()
    # One NIK, one person: rows of the same NIK with different names conflict inside the file.
    by_key: dict[tuple, list[Row]] = {}
    for r in parsed.rows:
        if r.errors:
            plan.status[r.number] = "rejected"
            continue
        f = r.fields
        key = ("nik", f["nik"]) if f["nik"] else ("name", f["name_key"], f["birth_date"])  # Row.key
        group = by_key.get(key)
        if group is None:
            by_key[key] = [r]
        else:
            group.append(r)
    firsts: list[Row] = []
    for key, group in by_key.items():
        if len(group) == 1:
            firsts.append(group[0])
            continue
        names = {r.fields["name_key"] for r in group}
        if key[0] == "nik" and len(names) > 1:
            for r in group:
                others = [o for o in group if o.fields["name_key"] != r.fields["name_key"]]
                plan.status[r.number] = "rejected"
                plan.conflict[r.number] = [Finding("import.conflict_file", params={
                    "nik": key[1], "name": r.fields["name"], "other": others[0].fields["name"],
                    "other_row": others[0].number})]
            continue
        firsts.append(group[0])
        for dup in group[1:]:
            plan.status[dup.number] = "unchanged"
            dup.warnings.append(Finding("import.dup_in_file", "warning", {"first": group[0].number}))

    persons = existing_persons(s, [r.fields["nik"] for r in firsts if r.fields["nik"]])
    no_nik = {(p.name_key, p.birth_date): p for p in s.scalars(select(Person).where(Person.nik.is_(None)))}
    families = existing_families(s, sorted({r.fields["no_kk"] for r in firsts if r.fields["no_kk"]}))
    family_address: dict[str, tuple] = {}
    for r in firsts:  # the first row of each KK gives the family's address and desil
        kk = r.fields["no_kk"]
        if not kk or kk in family_address:
            continue
        family_address[kk] = _ADDRESS(r.fields)
        address = dict(zip(ADDRESS_FIELDS, family_address[kk]))
        fam = families.get(kk)
        if fam is None:
            plan.new_families[kk] = address | {"desil": r.fields["desil"]}
        else:
            changes = {k: v for k, v in address.items() if v is not None and getattr(fam, k) != v}
            if r.fields["desil"] is not None and (fam.desil_as_of is None or desil_as_of >= fam.desil_as_of) \
                    and fam.desil != r.fields["desil"]:
                changes["desil"] = r.fields["desil"]
            if changes:
                plan.family_updates[fam.id] = changes
        if r.fields["desil"] is not None and (fam is None or "desil" in plan.family_updates.get(fam.id, {})):
            plan.desil.append((kk, r.fields["desil"]))
    family_touched = {kk for kk in plan.new_families} | {
        kk for kk, fam in families.items() if fam.id in plan.family_updates}

    existing_ppks: set[tuple[int, str, int]] = set()
    ids = [p.id for p in persons.values()] + [p.id for p in no_nik.values()]
    fam_ids = [f.id for f in families.values()]
    for chunk in chunks(ids):
        existing_ppks |= {(c, "orang", h) for c, h in s.execute(
            select(PpksRecord.category_no, PpksRecord.person_id).where(PpksRecord.person_id.in_(chunk)))}
    for chunk in chunks(fam_ids):
        existing_ppks |= {(c, "keluarga", h) for c, h in s.execute(
            select(PpksRecord.category_no, PpksRecord.family_id).where(PpksRecord.family_id.in_(chunk)))}
    planned_family_ppks: set[tuple[int, str]] = set()

    for r in firsts:
        f = r.fields
        kk = f["no_kk"]
        # Members live where the first row of their KK says.
        values = _OWN_COLUMNS(f) + (family_address[kk] if kk else _ADDRESS(f))
        person = persons.get(f["nik"]) if f["nik"] else no_nik.get((f["name_key"], f["birth_date"]))
        changed = kk in family_touched
        if person is None:
            plan.new_persons.append((r, values, kk))
            plan.status[r.number] = "inserted"
        else:
            values = dict(zip(PERSON_COLUMNS, values))
            if person.name_key != f["name_key"]:
                finding = Finding("import.conflict_registry", params={
                    "nik": f["nik"], "existing": person.name, "name": f["name"]})
                if on_conflict != "file":
                    plan.status[r.number] = "rejected"
                    plan.conflict[r.number] = [finding]
                    continue
                r.warnings.append(Finding("import.conflict_taken", "warning", dict(finding.params)))
            changes = {k: v for k, v in values.items()
                       if k not in ("nik", "name_key") and v is not None and getattr(person, k) != v}
            if "name" in changes:
                changes["name_key"] = f["name_key"]
            if kk and (family := families.get(kk)) is not None and person.family_id != family.id:
                changes["family_id"] = family.id
            elif kk and kk in plan.new_families:
                changes["family_kk"] = kk
            if changes:
                plan.person_updates[person.id] = changes
                changed = True
            plan.status[r.number] = "updated" if changed else "unchanged"
        for no in f["ppks"]:
            unit = lookups.ppks_unit.get(no, "orang")
            holder = "keluarga" if unit == "keluarga" and kk else "orang"
            if holder == "keluarga":
                fam = families.get(kk)
                if (no, kk) in planned_family_ppks or (fam and (no, "keluarga", fam.id) in existing_ppks):
                    continue
                planned_family_ppks.add((no, kk))
            elif person is not None and (no, "orang", person.id) in existing_ppks:
                continue
            plan.new_ppks.append((r, no, holder))
            if plan.status[r.number] == "unchanged":
                plan.status[r.number] = "updated"
    return plan


