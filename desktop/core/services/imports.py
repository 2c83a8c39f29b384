"""Importing a regency file into the registry: compare with what is there, decide row by row, write
it all in one transaction as a batch that can be undone, and account for every row.

rows read = inserted + updated + unchanged + rejected. Rows not taken as they stood (rejected,
conflicting, flagged) go into the Excel error report with their reason.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop.core.db.audit import audit_batch
from desktop.core.db.bulk import fast_insert, next_ids
from desktop.core.db.audit import from_jsonable
from desktop.core.db.base import utcnow
from desktop.core.db.engine import Database
from desktop.core.db.models import (
    DesilHistory,
    Education,
    Family,
    ImportBatch,
    ImportMapping,
    MaritalStatus,
    Person,
    PpksAlias,
    PpksCategory,
    PpksRecord,
    Region,
    Relationship,
    Religion,
)
from desktop.core.domain.enums import PpksSource
from desktop.core.errors import Finding, SimpulError
from desktop.core.io import excel_import
from desktop.core.io.excel_import import Lookups, ParsedFile, Row
from desktop.core.io.fields import header_key
from desktop.core.io.normalize import region_key
from desktop.core.io.report import ReportRow, write_report
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled
from desktop.core.services.office import get_office

PERSON_FIELDS = ("name", "sex", "birth_place", "birth_date", "relationship_code", "religion_code",
                 "marital_status_code", "education_code", "occupation", "phone", "disability", "notes")
ADDRESS_FIELDS = ("address", "desa_code", "dusun", "rt", "rw")
CHUNK = 500


@dataclass
class ImportResult:
    file: str
    sheet: str
    header_row: int
    mapping: dict[int, str]
    headers: list[str]
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    warnings: int = 0
    ignored: int = 0
    dry_run: bool = True
    batch_id: int | None = None
    report: str | None = None
    issues: list[ReportRow] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        return self.rows == self.inserted + self.updated + self.unchanged + self.rejected

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "sheet": self.sheet, "header_row": self.header_row,
            "mapping": {self.headers[i] or str(i): f for i, f in sorted(self.mapping.items())},
            "rows": self.rows, "inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
            "rejected": self.rejected, "warnings": self.warnings, "ignored": self.ignored,
            "dry_run": self.dry_run, "batch": self.batch_id, "report": self.report,
        }


def build_lookups(session: Session) -> Lookups:
    office = get_office(session)
    if office is None:
        raise SimpulError("db.not_initialised")
    kec = session.get(Region, office.kecamatan_code)
    desa: dict[str, str] = {}
    for r in session.scalars(select(Region).where(Region.parent_code == office.kecamatan_code)):
        desa[region_key(r.name)] = r.code
        desa[r.code] = r.code
        desa[r.code.replace(".", "")] = r.code
    aliases = {a: n for a, n in session.execute(select(PpksAlias.alias, PpksAlias.category_no))}

    def ppks(value: str) -> int | None:
        key = " ".join(value.upper().replace("_", " ").split())
        if key.isdigit():
            return int(key) if 1 <= int(key) <= 26 else None
        return aliases.get(key)

    def names(model) -> dict[str, int]:
        return {header_key(n): c for c, n in session.execute(select(model.code, model.name))}

    relationship = names(Relationship)
    relationship |= {"KK": 1, "KEPALA RUMAH TANGGA": 1, "ISTRI SUAMI": 3, "SUAMI ISTRI": 3, "ORANG TUA MERTUA": 7,
                     "FAMILI": 9, "PEMBANTU SOPIR": 10}
    religion = names(Religion) | {"KRISTEN PROTESTAN": 2, "PROTESTAN": 2, "BUDHA": 5, "KHONGHUCU": 6, "KONG HU CU": 6,
                                  "KEPERCAYAAN": 7}
    marital = names(MaritalStatus) | {"BELUM MENIKAH": 1, "MENIKAH": 2, "KAWIN TERCATAT": 2,
                                      "KAWIN BELUM TERCATAT": 2, "JANDA": 3, "DUDA": 3}
    education = names(Education) | {"SD": 3, "SMP": 4, "SLTP": 4, "SMA": 5, "SMK": 5, "SLTA": 5, "D3": 7,
                                    "S1": 8, "D4": 8, "S2": 9, "S3": 10, "TIDAK SEKOLAH": 1, "BELUM SEKOLAH": 1}
    units = {no: unit.value for no, unit in session.execute(select(PpksCategory.no, PpksCategory.unit))}
    return Lookups(kec.name if kec else office.kecamatan_code, desa, relationship, religion, marital, education,
                   ppks, units)


def saved_mapping(session: Session, key: str, headers: list[str]) -> dict[int, str] | None:
    stored = session.get(ImportMapping, key)
    if stored is None:
        return None
    index = {h: i for i, h in enumerate(headers)}
    return {index[h]: f for h, f in stored.mapping.items() if f and h in index}


def remember_mapping(session: Session, key: str, headers: list[str], mapping: dict[int, str]) -> None:
    by_header = {headers[i]: f for i, f in mapping.items() if i < len(headers)}
    stored = session.get(ImportMapping, key)
    if stored is None:
        session.add(ImportMapping(source_key=key, headers=headers, mapping=by_header))
    elif stored.mapping != by_header:
        stored.mapping = by_header


@dataclass
class Preview:
    """What the import wizard shows before a dry run."""

    sheets: list[str]
    sheet: str
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[int, str]  # remembered for this kind of file, else guessed from the headers
    samples: list[list[object]]  # the first data rows, for the user to recognise the columns


def preview(db: Database, path: Path, sheet: str | None = None, samples: int = 3) -> Preview:
    from desktop.core.io.fields import auto_mapping, source_key
    from desktop.core.io.tables import sheet_names

    loaded = excel_import.load(path, sheet)
    headers = loaded.headers
    with db.read() as s:
        mapping = saved_mapping(s, source_key(headers), headers)
    body = [r for r in loaded.sheet.rows[loaded.header_index + 1:] if any(c not in (None, "") for c in r)]
    if body and excel_import.is_numbering_row(body[0]):
        body = body[1:]
    return Preview(sheet_names(path), loaded.sheet.name, loaded.header_index + 1, headers,
                   mapping if mapping is not None else auto_mapping(headers), body[:samples])


# ---- deciding ---------------------------------------------------------------------------------

@dataclass
class _Plan:
    new_families: dict[str, dict] = field(default_factory=dict)  # no_kk -> row values
    family_updates: dict[int, dict] = field(default_factory=dict)  # family id -> changes
    desil: list[tuple[str, int]] = field(default_factory=list)  # (no_kk, desil) to record
    new_persons: list[tuple[Row, dict]] = field(default_factory=list)
    person_updates: dict[int, dict] = field(default_factory=dict)
    new_ppks: list[tuple[Row, int, str]] = field(default_factory=list)  # row, category, holder kind
    status: dict[int, str] = field(default_factory=dict)  # row number -> inserted/updated/unchanged/rejected
    conflict: dict[int, list[Finding]] = field(default_factory=dict)


def _chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _by(s: Session, model, column, keys: list) -> dict:
    """Records whose `column` is one of `keys`, by that value (in chunks: SQL has a parameter limit)."""
    found = {}
    for chunk in _chunks(keys):
        for obj in s.scalars(select(model).where(column.in_(chunk))):
            found[getattr(obj, column.key)] = obj
    return found


def _existing_persons(s: Session, niks: list[str]) -> dict[str, Person]:
    return _by(s, Person, Person.nik, niks)


def _existing_families(s: Session, kks: list[str]) -> dict[str, Family]:
    return _by(s, Family, Family.no_kk, kks)


def _plan(s: Session, parsed: ParsedFile, lookups: Lookups, on_conflict: str, desil_as_of: dt.date) -> _Plan:
    plan = _Plan()
    valid = [r for r in parsed.rows if not r.errors]
    for r in parsed.rows:
        if r.errors:
            plan.status[r.number] = "rejected"
    # One NIK, one person: rows of the same NIK with different names conflict inside the file.
    by_key: dict[tuple, list[Row]] = defaultdict(list)
    for r in valid:
        by_key[r.key].append(r)
    firsts: list[Row] = []
    for key, group in by_key.items():
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

    persons = _existing_persons(s, [r.fields["nik"] for r in firsts if r.fields["nik"]])
    no_nik = {(p.name_key, p.birth_date): p for p in s.scalars(select(Person).where(Person.nik.is_(None)))}
    families = _existing_families(s, sorted({r.fields["no_kk"] for r in firsts if r.fields["no_kk"]}))
    family_address: dict[str, dict] = {}
    for r in firsts:  # the first row of each KK gives the family's address and desil
        kk = r.fields["no_kk"]
        if not kk or kk in family_address:
            continue
        address = {k: r.fields[k] for k in ADDRESS_FIELDS}
        family_address[kk] = address
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
    for chunk in _chunks(ids):
        existing_ppks |= {(c, "orang", h) for c, h in s.execute(
            select(PpksRecord.category_no, PpksRecord.person_id).where(PpksRecord.person_id.in_(chunk)))}
    for chunk in _chunks(fam_ids):
        existing_ppks |= {(c, "keluarga", h) for c, h in s.execute(
            select(PpksRecord.category_no, PpksRecord.family_id).where(PpksRecord.family_id.in_(chunk)))}
    planned_family_ppks: set[tuple[int, str]] = set()

    for r in firsts:
        f = r.fields
        kk = f["no_kk"]
        values = {k: f[k] for k in PERSON_FIELDS} | {"nik": f["nik"], "name_key": f["name_key"],
                                                    "nik_mismatch": f["nik_mismatch"]}
        values |= family_address.get(kk) or {k: f[k] for k in ADDRESS_FIELDS}
        person = persons.get(f["nik"]) if f["nik"] else no_nik.get((f["name_key"], f["birth_date"]))
        changed = kk in family_touched
        if person is None:
            plan.new_persons.append((r, values | {"family_kk": kk}))
            plan.status[r.number] = "inserted"
        else:
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


# ---- writing ----------------------------------------------------------------------------------

def _insert_rows(conn, model, rows: list[dict], returning: bool) -> list[int]:
    """Insert rows; with `returning`, give back their ids in order."""
    if not rows:
        return []
    if not returning:
        fast_insert(conn, model, rows)
        return []
    if conn.dialect.name == "sqlite":  # the batch row is written already: ids can be taken up front
        ids = next_ids(conn, model, len(rows))
        fast_insert(conn, model, [r | {"id": i} for r, i in zip(rows, ids, strict=True)])
        return ids
    table = model.__table__
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, rows).scalars())


def _apply(s: Session, parsed: ParsedFile, plan: _Plan, batch: ImportBatch, desil_as_of: dt.date,
           desil_source: str, progress: Progress) -> None:
    conn = s.connection()
    now = utcnow()
    stamp = {"created_at": now, "updated_at": now, "import_batch_id": batch.id}
    kk_order = list(plan.new_families)
    fam_rows = [plan.new_families[kk] | {"no_kk": kk, "desil_as_of": desil_as_of if plan.new_families[kk]["desil"]
                                         else None,
                                         "desil_source": desil_source if plan.new_families[kk]["desil"] else None}
                | stamp for kk in kk_order]
    family_ids = dict(zip(kk_order, _insert_rows(conn, Family, fam_rows, True), strict=True))
    check_cancelled(progress)
    for fam in _load(s, Family, list(plan.family_updates)):
        for k, v in plan.family_updates[fam.id].items():
            setattr(fam, k, v)
        if "desil" in plan.family_updates[fam.id]:
            fam.desil_as_of, fam.desil_source = desil_as_of, desil_source
    s.flush()
    all_families = family_ids | {f.no_kk: f.id for f in _existing_families(s, [kk for kk, _ in plan.desil
                                                                                 if kk not in family_ids]).values()}
    if plan.desil:
        conn.execute(insert(DesilHistory), [
            {"family_id": all_families[kk], "desil": d, "as_of": desil_as_of, "source": desil_source,
             "recorded_at": now, "import_batch_id": batch.id} for kk, d in plan.desil])
    check_cancelled(progress)

    person_rows = []
    for _row, values in plan.new_persons:
        v = dict(values)
        kk = v.pop("family_kk")
        v["family_id"] = all_families.get(kk) if kk else None
        if v["family_id"] is None and kk:
            v["family_id"] = _family_id(s, kk, all_families)
        person_rows.append(v | {"life_status": "hidup"} | stamp)
    need_ids = any(h == "orang" for _, _, h in plan.new_ppks)
    person_ids: list[int] = []
    for chunk in _chunks(person_rows, 5000):
        person_ids += _insert_rows(conn, Person, chunk, need_ids)
        check_cancelled(progress)
        progress.advance(len(chunk))
    for person in _load(s, Person, list(plan.person_updates)):
        changes = dict(plan.person_updates[person.id])
        if "family_kk" in changes:
            changes["family_id"] = _family_id(s, changes.pop("family_kk"), all_families)
        for k, v in changes.items():
            setattr(person, k, v)
    s.flush()

    if plan.new_ppks:
        new_id_by_row = {r.number: pid for (r, _), pid in zip(plan.new_persons, person_ids, strict=False)}
        existing = _existing_persons(s, [r.fields["nik"] for r, _, h in plan.new_ppks
                                         if h == "orang" and r.number not in new_id_by_row and r.fields["nik"]])
        ppks_rows = []
        for r, no, holder in plan.new_ppks:
            if holder == "keluarga":
                target = {"family_id": _family_id(s, r.fields["no_kk"], all_families), "person_id": None}
            else:
                pid = new_id_by_row.get(r.number) or (existing[r.fields["nik"]].id if r.fields["nik"] in existing
                                                      else None)
                if pid is None:
                    continue
                target = {"person_id": pid, "family_id": None}
            ppks_rows.append(target | {"category_no": no, "community_id": None, "assessed_on": desil_as_of,
                                       "source": PpksSource.IMPORT, "status": "aktif",
                                       "notes": r.fields["notes"]} | stamp)
        _insert_rows(conn, PpksRecord, ppks_rows, False)
    audit_batch(conn, batch.actor, batch.id, "import_batch", {
        "file": parsed.path.name, "sheet": parsed.sheet, "families_inserted": len(fam_rows),
        "persons_inserted": len(person_rows), "ppks_inserted": len(plan.new_ppks)})


def _family_id(s: Session, kk: str, known: dict[str, int]) -> int | None:
    if kk not in known:
        found = s.scalar(select(Family.id).where(Family.no_kk == kk))
        if found is not None:
            known[kk] = found
    return known.get(kk)


def _load(s: Session, model, ids: list[int]) -> list:
    return list(_by(s, model, model.id, ids).values())


# ---- the whole import -------------------------------------------------------------------------

def run_import(db: Database, path: Path, *, sheet: str | None = None, mapping: dict[int, str] | None = None,
               dry_run: bool = False, on_conflict: str = "skip", desil_as_of: dt.date | None = None,
               report_path: Path | None = None, actor: str | None = None, today: dt.date | None = None,
               progress: Progress = NULL_PROGRESS) -> ImportResult:
    """Import (or, with dry_run, only judge) a file. Everything lands in one transaction or not
    at all; a cancel or an error leaves the registry as it was."""
    with _collector_paused():
        return _run_import(db, Path(path), sheet, mapping, dry_run, on_conflict, desil_as_of, report_path, actor,
                           today or dt.date.today(), progress)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing a big file makes millions of small objects and no reference cycles; Python's cycle
    collector would rescan them again and again (a quarter of the import time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _run_import(db: Database, path: Path, sheet: str | None, mapping: dict[int, str] | None, dry_run: bool,
                on_conflict: str, desil_as_of: dt.date | None, report_path: Path | None, actor: str | None,
                today: dt.date, progress: Progress) -> ImportResult:
    desil_as_of = desil_as_of or today
    from desktop.core.io.fields import source_key

    loaded = excel_import.load(path, sheet)
    with db.read() as s:
        lookups = build_lookups(s)
        if mapping is None:
            mapping = saved_mapping(s, source_key(loaded.headers), loaded.headers)
    parsed = excel_import.parse(loaded, lookups, mapping=mapping, today=today, progress=progress)
    result = ImportResult(path.name, parsed.sheet, parsed.header_row, parsed.mapping, parsed.headers,
                          rows=len(parsed.rows), ignored=parsed.ignored, dry_run=dry_run)
    if dry_run:
        with db.read() as s:
            plan = _plan(s, parsed, lookups, on_conflict, desil_as_of)
            _count(result, parsed, plan)
    else:
        with db.transaction(actor) as s:
            plan = _plan(s, parsed, lookups, on_conflict, desil_as_of)
            _count(result, parsed, plan)
            batch = ImportBatch(actor=s.info["actor"], file_name=path.name, file_sha256=parsed.sha256,
                                sheet=parsed.sheet, source_key=parsed.source_key)
            s.add(batch)
            s.flush()
            s.info["batch_id"] = batch.id
            progress.start(len(plan.new_persons) or 1, "Menyimpan")
            _apply(s, parsed, plan, batch, desil_as_of, f"{path.name} ({desil_as_of:%d-%m-%Y})", progress)
            for name in ("rows", "inserted", "updated", "unchanged", "rejected", "warnings"):
                setattr(batch, name, getattr(result, name))
            batch.finished_at = utcnow()
            remember_mapping(s, parsed.source_key, parsed.headers, parsed.mapping)
            s.flush()
            result.batch_id = batch.id
            s.info.pop("batch_id", None)
    if result.issues:
        target = report_path or _default_report(path, dry_run)
        result.report = str(write_report(target, path.name, parsed.sheet, parsed.headers, result.issues))
    return result


def _default_report(path: Path, dry_run: bool) -> Path:
    from desktop.core import paths

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kind = "uji" if dry_run else "impor"
    return paths.data_dir() / "laporan" / f"{path.stem}-{kind}-{stamp}.xlsx"


def _count(result: ImportResult, parsed: ParsedFile, plan: _Plan) -> None:
    for r in parsed.rows:
        status = plan.status[r.number]
        setattr(result, status, getattr(result, status) + 1)
        if r.number in plan.conflict:
            result.issues.append(ReportRow(r.number, "konflik", [f.message for f in plan.conflict[r.number]],
                                           r.values))
        elif r.errors:
            result.issues.append(ReportRow(r.number, "ditolak", [f.message for f in r.errors], r.values))
        elif r.warnings:
            result.warnings += 1
            result.issues.append(ReportRow(r.number, "ditandai", [f.message for f in r.warnings], r.values))


# ---- undo -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BatchRow:
    id: int
    started_at: dt.datetime
    actor: str
    file_name: str
    rows: int
    inserted: int
    updated: int
    unchanged: int
    rejected: int
    undone: bool


def list_batches(db: Database, limit: int = 200) -> list[BatchRow]:
    with db.read() as s:
        return [BatchRow(b.id, b.started_at, b.actor, b.file_name, b.rows, b.inserted, b.updated, b.unchanged,
                         b.rejected, b.undone)
                for b in s.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit))]


def undo_import(db: Database, batch_id: int, actor: str | None = None) -> dict[str, int]:
    """Take a whole import back: restore what it changed, delete what it added. Refused when
    somebody changed those records after the import (their work would be lost)."""
    from sqlalchemy import delete

    from desktop.core.db.models import AuditEntry
    from desktop.core.domain.enums import AuditAction

    with db.transaction(actor) as s:
        batch = s.get(ImportBatch, batch_id)
        if batch is None:
            raise SimpulError("record.not_found", what="impor", id=batch_id)
        if batch.undone:
            raise SimpulError("import.undo_done", id=batch_id, at=f"{batch.undone_at:%d-%m-%Y %H:%M}")
        updates = list(s.scalars(select(AuditEntry).where(AuditEntry.batch_id == batch_id,
                                                          AuditEntry.action == AuditAction.UPDATE)
                                 .order_by(AuditEntry.id.desc())))
        inserted = {model: list(s.scalars(select(model.id).where(model.import_batch_id == batch_id)))
                    for model in (PpksRecord, DesilHistory, Person, Family)}
        touched = {(e.table_name, e.record_id) for e in updates}
        touched |= {(m.__tablename__, str(i)) for m, ids in inserted.items() for i in ids}
        last_id = s.scalar(select(func.max(AuditEntry.id)).where(AuditEntry.batch_id == batch_id)) or 0
        later = [e for e in s.scalars(select(AuditEntry).where(AuditEntry.id > last_id))
                 if (e.table_name, e.record_id) in touched and e.batch_id != batch_id]
        if later:
            raise SimpulError("import.undo_blocked", id=batch_id, count=len(later),
                              example=f"{later[0].table_name} #{later[0].record_id}")
        models = {m.class_.__tablename__: m.class_ for m in Person.registry.mappers}
        for entry in updates:  # newest first, so each field returns to its value before the import
            model = models[entry.table_name]
            obj = s.get(model, int(entry.record_id))
            for column, (old, _new) in entry.changes.items():
                setattr(obj, column, from_jsonable(model, column, old))
        s.flush()
        # Records added since that point at what the import added (a PSKS role, a new member...).
        users = _references(s, batch_id, inserted[Person], inserted[Family])
        if users:
            raise SimpulError("import.undo_blocked", id=batch_id, count=len(users), example=users[0])
        for model in (PpksRecord, DesilHistory, Person, Family):
            ids = inserted[model]
            for chunk in _chunks(ids):
                s.execute(delete(model).where(model.id.in_(chunk)))
        counts = {m.__tablename__: len(ids) for m, ids in inserted.items()} | {"restored": len(updates)}
        audit_batch(s.connection(), s.info["actor"], batch_id, "import_batch", {"undo": True, **counts})
        batch.undone, batch.undone_at, batch.undone_by = True, utcnow(), s.info["actor"]
    return counts


def _references(s: Session, batch_id: int, person_ids: list[int], family_ids: list[int]) -> list[str]:
    from desktop.core.db.models import PsksEntry, PsksMember

    found: list[str] = []
    for chunk in _chunks(person_ids):
        found += [f"psks_entry #{i}" for i in s.scalars(select(PsksEntry.id).where(
            PsksEntry.person_id.in_(chunk) | PsksEntry.chair_person_id.in_(chunk)))]
        found += [f"psks_member #{i}" for i in s.scalars(select(PsksMember.id).where(PsksMember.person_id.in_(chunk)))]
        found += [f"ppks_record #{i}" for i in s.scalars(select(PpksRecord.id).where(
            PpksRecord.person_id.in_(chunk), PpksRecord.import_batch_id.is_distinct_from(batch_id)))]
    for chunk in _chunks(family_ids):
        found += [f"person #{i}" for i in s.scalars(select(Person.id).where(
            Person.family_id.in_(chunk), Person.import_batch_id.is_distinct_from(batch_id)))]
        found += [f"ppks_record #{i}" for i in s.scalars(select(PpksRecord.id).where(
            PpksRecord.family_id.in_(chunk), PpksRecord.import_batch_id.is_distinct_from(batch_id)))]
    return found
