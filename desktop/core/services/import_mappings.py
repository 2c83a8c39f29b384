"""What an import remembers per kind of file (its headers' hash, `source_key`): how the columns map
onto Simpul's fields, and how the PPKS values that no spelling names map onto the 26 categories.

A value the import cannot name is never dropped: it is kept with the row's person and family
(PpksUnmapped) until the user maps it once; then every row that carried it, in any earlier
import of that kind of file, gets the category, and later imports of such files take it at once."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.engine import Database
from desktop.core.db.models import ImportBatch, ImportMapping, PpksCategory, PpksRecord
from desktop.core.db.models.imports import PpksUnmapped
from desktop.core.domain.categories import category_key
from desktop.core.domain.enums import PpksSource
from desktop.core.io import excel_import
from desktop.core.io.fields import auto_mapping, source_key
from desktop.core.services.import_plan import chunks

NOT_A_CATEGORY = 0  # what the user picks for a value that names no PPKS category


def saved_mapping(session: Session, key: str, headers: list[str]) -> dict[int, str] | None:
    stored = session.get(ImportMapping, key)
    if stored is None or not stored.mapping:
        return None
    index = {h: i for i, h in enumerate(headers)}
    return {index[h]: f for h, f in stored.mapping.items() if f and h in index}


def remember_mapping(session: Session, key: str, headers: list[str], mapping: dict[int, str]) -> None:
    by_header = {headers[i]: f for i, f in mapping.items() if i < len(headers)}
    stored = session.get(ImportMapping, key)
    if stored is None:
        session.add(ImportMapping(source_key=key, headers=headers, mapping=by_header))
    elif stored.mapping != by_header or stored.headers != headers:
        stored.mapping, stored.headers = by_header, headers


def saved_categories(session: Session, key: str) -> dict[str, int]:
    """The PPKS values mapped for this kind of file: category_key -> number (0: none)."""
    stored = session.get(ImportMapping, key)
    return dict(stored.categories or {}) if stored is not None else {}


@dataclass
class Preview:
    """What the import wizard shows before a dry run."""

    sheets: list[str]
    sheet: str
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[int, str]  # remembered for this kind of file, else guessed from the headers
    samples: list[list[object]]  # the first data rows, for the user to recognise the columns
    source_key: str = ""


def preview(db: Database, path: Path, sheet: str | None = None, samples: int = 3) -> Preview:
    from desktop.core.io.tables import sheet_names

    loaded = excel_import.load(path, sheet)
    headers = loaded.headers
    key = source_key(headers)
    with db.read() as s:
        mapping = saved_mapping(s, key, headers)
    body = [r for r in loaded.sheet.rows[loaded.header_index + 1:] if any(c not in (None, "") for c in r)]
    if body and excel_import.is_numbering_row(body[0]):
        body = body[1:]
    return Preview(sheet_names(path), loaded.sheet.name, loaded.header_index + 1, headers,
                   mapping if mapping is not None else auto_mapping(headers), body[:samples], key)


# ---- PPKS values waiting for a category -------------------------------------------------------

@dataclass(frozen=True)
class UnmappedValue:
    source_key: str  # the kind of file
    value: str  # as a file wrote it (the first spelling seen)
    value_key: str  # category_key(value): what the mapping is kept by
    rows: int  # rows waiting for it (after an import), or rows carrying it (in a dry run)


def unmapped_values(session: Session, key: str | None = None) -> list[UnmappedValue]:
    """The PPKS values imported rows carry that no category is mapped to yet, most rows first."""
    query = select(PpksUnmapped.source_key, PpksUnmapped.value_key, func.min(PpksUnmapped.value), func.count()) \
        .group_by(PpksUnmapped.source_key, PpksUnmapped.value_key)
    if key is not None:
        query = query.where(PpksUnmapped.source_key == key)
    found = [UnmappedValue(k, value, value_key, n) for k, value_key, value, n in session.execute(query)]
    return sorted(found, key=lambda v: (-v.rows, v.value_key))


def values_of(key: str, tokens: list[tuple[str, ...]]) -> list[UnmappedValue]:
    """The unmapped values of a file that was only judged (a dry run): value -> rows carrying it."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for row in tokens:
        for token in row:
            k = category_key(token)
            counts[k] += 1
            first.setdefault(k, token)
    return sorted((UnmappedValue(key, first[k], k, n) for k, n in counts.items()), key=lambda v: (-v.rows, v.value_key))


@dataclass(frozen=True)
class Mapped:
    values: int  # values decided
    records: int  # PPKS records the waiting rows got
    rows: int  # waiting rows settled


def map_categories(db: Database, key: str, choices: dict[str, int], actor: str | None = None) -> Mapped:
    """Remember `choices` (category_key -> number, or NOT_A_CATEGORY) for this kind of file and give
    the waiting rows their category. Each record is attributed to the import its row came with, so
    undoing that import takes it back too."""
    choices = {k: int(no) for k, no in choices.items() if no is not None}
    with db.transaction(actor) as s:
        stored = s.get(ImportMapping, key)
        if stored is None:  # mapped in a dry run, before the first import of this kind of file
            stored = ImportMapping(source_key=key, headers=[], mapping={})
            s.add(stored)
        stored.categories = {**(stored.categories or {}), **choices}
        units = {no: unit.value for no, unit in s.execute(select(PpksCategory.no, PpksCategory.unit))}
        waiting: list[PpksUnmapped] = []
        for chunk in chunks(list(choices)):
            waiting += s.scalars(select(PpksUnmapped).where(PpksUnmapped.source_key == key,
                                                            PpksUnmapped.value_key.in_(chunk)))
        records = 0
        batches = {w.import_batch_id for w in waiting}
        dates = {b.id: b.started_at.date() for b in s.scalars(select(ImportBatch).where(ImportBatch.id.in_(batches)))}
        held = _held(s, waiting)
        for batch_id in sorted(batches):
            s.info["batch_id"] = batch_id  # the audit entries belong to that import
            for row in [w for w in waiting if w.import_batch_id == batch_id]:
                no = choices[row.value_key]
                if no != NOT_A_CATEGORY:
                    family = units.get(no) == "keluarga" and row.family_id is not None
                    holder = ("keluarga", row.family_id) if family else ("orang", row.person_id)
                    if holder[1] is not None and (no, *holder) not in held:
                        held.add((no, *holder))
                        s.add(PpksRecord(category_no=no, person_id=None if family else row.person_id,
                                         family_id=row.family_id if family else None, assessed_on=dates[batch_id],
                                         source=PpksSource.IMPORT, import_batch_id=batch_id,
                                         notes=row.value))  # the file's own words
                        records += 1
                s.delete(row)
            s.flush()
        s.info.pop("batch_id", None)
    return Mapped(len(choices), records, len(waiting))


def _held(s: Session, waiting: list[PpksUnmapped]) -> set[tuple[int, str, int]]:
    """(category, holder kind, holder id) already recorded for the waiting rows' persons and families."""
    held: set[tuple[int, str, int]] = set()
    persons = sorted({w.person_id for w in waiting} - {None})
    families = sorted({w.family_id for w in waiting} - {None})
    for chunk in chunks(persons):
        held |= {(no, "orang", h) for no, h in s.execute(
            select(PpksRecord.category_no, PpksRecord.person_id).where(PpksRecord.person_id.in_(chunk)))}
    for chunk in chunks(families):
        held |= {(no, "keluarga", h) for no, h in s.execute(
            select(PpksRecord.category_no, PpksRecord.family_id).where(PpksRecord.family_id.in_(chunk)))}
    return held


def category_choices(session: Session) -> list[tuple[int, str, str]]:
    """The 26 categories a value can be mapped to: (number, code, name)."""
    return [tuple(r) for r in session.execute(select(PpksCategory.no, PpksCategory.code, PpksCategory.name)
                                              .order_by(PpksCategory.no))]
