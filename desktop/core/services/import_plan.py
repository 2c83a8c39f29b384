"""Deciding, row by row, what an import does to the registry (nothing is written here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.models import Family, Person, PpksRecord
from desktop.core.errors import Finding
from desktop.core.io.excel_import import Lookups, ParsedFile

PERSON_FIELDS = ("name", "sex", "birth_place", "birth_date", "relationship_code", "religion_code",
                 "marital_status_code", "education_code", "occupation", "phone", "disability", "notes")
ADDRESS_FIELDS = ("address", "desa_code", "dusun", "rt", "rw")
# The person columns an import writes from a row, in the order Plan.new_persons values hold them.
PERSON_COLUMNS = (*PERSON_FIELDS, "nik", "name_key", "nik_mismatch", *ADDRESS_FIELDS)
CHUNK = 500


@dataclass
class Plan:
    """What the import does, by row index of the ParsedFile (nothing is written here)."""

    status: list[str]  # per row: inserted/updated/unchanged/rejected
    new_families: dict[str, tuple] = field(default_factory=dict)  # no_kk -> ADDRESS_FIELDS values, desil
    family_updates: dict[int, dict] = field(default_factory=dict)  # family id -> changes
    desil: list[tuple[str, int]] = field(default_factory=list)  # (no_kk, desil) to record
    new_persons: list[int] = field(default_factory=list)  # rows to insert as persons
    home: list[int] = field(default_factory=list)  # for each: the row whose address it takes (its KK's first)
    person_updates: dict[int, dict] = field(default_factory=dict)
    new_ppks: list[tuple[int, int, str]] = field(default_factory=list)  # row, category, holder kind
    conflict: dict[int, list[Finding]] = field(default_factory=dict)  # row -> why it was refused
    unmapped: list[tuple[int, str]] = field(default_factory=list)  # row, PPKS value no spelling names


def chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def by_key(s: Session, model, column, keys: list, columns: tuple | None = None) -> dict:
    """Records whose `column` is one of `keys`, by that value (in chunks: SQL has a parameter
    limit): ORM objects, or with `columns` plain rows of those columns, read-only and many times
    cheaper to load."""
    query = select(*columns) if columns else select(model)
    fetch = s.execute if columns else s.scalars
    found = {}
    if len(keys) > 4 * CHUNK and s.scalar(select(func.count()).select_from(model)) <= len(keys):
        # A file as large as the table (the first import into a new registry): one pass over
        # the table instead of hundreds of IN lists.
        wanted = set(keys)
        for obj in fetch(query.where(column.is_not(None))):
            if getattr(obj, column.key) in wanted:
                found[getattr(obj, column.key)] = obj
        return found
    for chunk in chunks(keys):
        for obj in fetch(query.where(column.in_(chunk))):
            found[getattr(obj, column.key)] = obj
    return found


# What matching reads of the registry, as rows: the person's id and family, then PERSON_COLUMNS.
_PERSON_MATCH = (Person.id, Person.family_id, *(getattr(Person, f) for f in PERSON_COLUMNS))
_FAMILY_MATCH = (Family.id, Family.no_kk, Family.desil, Family.desil_as_of,
                 *(getattr(Family, f) for f in ADDRESS_FIELDS))


def existing_persons(s: Session, niks: list[str]):
    """The registry's persons with these NIKs (rows of _PERSON_MATCH), by NIK."""
    return by_key(s, Person, Person.nik, niks, _PERSON_MATCH)


def existing_families(s: Session, kks: list[str]):
    """The registry's families with these No. KK (rows of _FAMILY_MATCH), by No. KK."""
    return by_key(s, Family, Family.no_kk, kks, _FAMILY_MATCH)


def make_plan(s: Session, parsed: ParsedFile, lookups: Lookups, on_conflict: str, desil_as_of: dt.date) -> Plan:
    """Decide every row. The work is done a column at a time; only rows that need a closer look
    (repeated in the file, already in the registry, with PPKS) get one."""
    count = len(parsed)
    c = parsed.columns
    nik, names, name_key, birth, no_kk, desil = (c[f] for f in ("nik", "name", "name_key", "birth_date", "no_kk",
                                                                "desil"))
    plan = Plan(status=["inserted"] * count)
    status = plan.status
    for i in parsed.errors:
        status[i] = "rejected"
    valid = [i for i in range(count) if i not in parsed.errors] if parsed.errors else list(range(count))

    # Who a row is: its NIK, or for people without one, name and birth date. One NIK, one person:
    # rows of the same NIK with different names conflict inside the file.
    keys = [n or (k, b) for n, k, b in zip(nik, name_key, birth)]
    first = dict(zip(map(keys.__getitem__, reversed(valid)), reversed(valid)))  # key -> its first row
    firsts = valid
    if len(first) < len(valid):
        groups: dict[object, list[int]] = {}
        for i in [i for i in valid if first[keys[i]] != i]:
            groups.setdefault(keys[i], [first[keys[i]]]).append(i)
        left_out: set[int] = set()
        for key, group in groups.items():
            if type(key) is str and len({name_key[i] for i in group}) > 1:
                for i in group:
                    other = next(o for o in group if name_key[o] != name_key[i])
                    status[i] = "rejected"
                    plan.conflict[i] = [Finding("import.conflict_file", params={
                        "nik": key, "name": names[i], "other": names[other], "other_row": parsed.numbers[other]})]
                    left_out.add(i)
                continue
            for dup in group[1:]:
                status[dup] = "unchanged"
                parsed.warnings.setdefault(dup, []).append(
                    Finding("import.dup_in_file", "warning", {"first": parsed.numbers[group[0]]}))
                left_out.add(dup)
        firsts = [i for i in valid if i not in left_out]

    persons = existing_persons(s, [nik[i] for i in firsts if nik[i]])
    no_nik = {(p.name_key, p.birth_date): p for p in s.execute(select(*_PERSON_MATCH).where(Person.nik.is_(None)))}
    families = existing_families(s, sorted({no_kk[i] for i in firsts} - {None}))
    addresses = list(zip(*(c[f] for f in ADDRESS_FIELDS)))
    first_kks = list(map(no_kk.__getitem__, firsts))
    kk_first = dict(zip(reversed(first_kks), reversed(firsts)))  # the first row of each KK
    family_address: dict[str, tuple] = {}
    for kk in dict.fromkeys(first_kks):  # that row gives the family's address and desil
        if kk is None:
            continue
        i = kk_first[kk]
        family_address[kk] = address = addresses[i]
        fam = families.get(kk)
        if fam is None:
            plan.new_families[kk] = (*address, desil[i])
        else:
            changes = {k: v for k, v in zip(ADDRESS_FIELDS, address) if v is not None and getattr(fam, k) != v}
            if desil[i] is not None and (fam.desil_as_of is None or desil_as_of >= fam.desil_as_of) \
                    and fam.desil != desil[i]:
                changes["desil"] = desil[i]
            if changes:
                plan.family_updates[fam.id] = changes
        if desil[i] is not None and (fam is None or "desil" in plan.family_updates.get(fam.id, {})):
            plan.desil.append((kk, desil[i]))
    family_touched = {kk for kk in plan.new_families} | {
        kk for kk, fam in families.items() if fam.id in plan.family_updates}

    # Members live where the first row of their KK says.
    own_fields = PERSON_COLUMNS[:-len(ADDRESS_FIELDS)]
    found: dict[int, object] = {}  # row -> the registry's person (a row of _PERSON_MATCH)
    if persons or no_nik:
        for i in firsts:
            person = persons.get(nik[i]) if nik[i] else no_nik.get((name_key[i], birth[i]))
            if person is not None:
                found[i] = person
    plan.new_persons = new = [i for i in firsts if i not in found] if found else firsts
    plan.home = [kk_first[kk] if kk else i for i, kk in zip(new, map(no_kk.__getitem__, new))]

    refused: set[int] = set()
    for i, person in found.items():
        kk = no_kk[i]
        values = (*[c[f][i] for f in own_fields], *(family_address[kk] if kk else addresses[i]))  # PERSON_COLUMNS
        if person.name_key != name_key[i]:
            finding = Finding("import.conflict_registry", params={
                "nik": nik[i], "existing": person.name, "name": names[i]})
            if on_conflict != "file":
                status[i] = "rejected"
                plan.conflict[i] = [finding]
                refused.add(i)
                continue
            parsed.warnings.setdefault(i, []).append(
                Finding("import.conflict_taken", "warning", dict(finding.params)))
        changes = {} if values == tuple(person)[2:] else {  # (as the registry has it: the common case)
            k: v for k, v in zip(PERSON_COLUMNS, values)
            if k not in ("nik", "name_key") and v is not None and getattr(person, k) != v}
        if "name" in changes:
            changes["name_key"] = name_key[i]
        if kk and (family := families.get(kk)) is not None and person.family_id != family.id:
            changes["family_id"] = family.id
        elif kk and kk in plan.new_families:
            changes["family_kk"] = kk
        if changes:
            plan.person_updates[person.id] = changes
        status[i] = "updated" if changes or kk in family_touched else "unchanged"

    ppks, unmapped = c["ppks"], c["ppks_unmapped"]
    plan.unmapped = [(i, value) for i in firsts if unmapped[i] and i not in refused for value in unmapped[i]]
    holders = [i for i in firsts if ppks[i] and i not in refused]
    if holders:
        _plan_ppks(s, plan, holders, ppks, no_kk, lookups, found, families, persons, no_nik)
    return plan


def _plan_ppks(s: Session, plan: Plan, rows: list[int], ppks: list, no_kk: list, lookups: Lookups,
               found: dict, families: dict, persons: dict, no_nik: dict) -> None:
    """The PPKS categories the rows name that the registry does not hold yet."""
    existing: set[tuple[int, str, int]] = set()
    ids = [p.id for p in persons.values()] + [p.id for p in no_nik.values()]
    fam_ids = [f.id for f in families.values()]
    for chunk in chunks(ids):
        existing |= {(no, "orang", h) for no, h in s.execute(
            select(PpksRecord.category_no, PpksRecord.person_id).where(PpksRecord.person_id.in_(chunk)))}
    for chunk in chunks(fam_ids):
        existing |= {(no, "keluarga", h) for no, h in s.execute(
            select(PpksRecord.category_no, PpksRecord.family_id).where(PpksRecord.family_id.in_(chunk)))}
    planned_family: set[tuple[int, str]] = set()
    for i in rows:
        kk, person = no_kk[i], found.get(i)
        for no in ppks[i]:
            unit = lookups.ppks_unit.get(no, "orang")
            holder = "keluarga" if unit == "keluarga" and kk else "orang"
            if holder == "keluarga":
                fam = families.get(kk)
                if (no, kk) in planned_family or (fam and (no, "keluarga", fam.id) in existing):
                    continue
                planned_family.add((no, kk))
            elif person is not None and (no, "orang", person.id) in existing:
                continue
            plan.new_ppks.append((i, no, holder))
            if plan.status[i] == "unchanged":
                plan.status[i] = "updated"
