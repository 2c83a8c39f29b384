"""Importing a regency file into the registry: compare with what is there, decide row by row, write
it all in one transaction as a batch that can be undone, and account for every row.

rows read = inserted + updated + unchanged + rejected. Rows not taken as they stood (rejected,
conflicting, flagged) go into the Excel error report with their reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.core.db.audit import audit_batch
from desktop.core.db.bulk import fast_insert, indexes_deferred, insert_sql, insert_values, next_ids, sqlite_rows
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
from desktop.core.io import excel_import
from desktop.core.io.excel_import import Lookups, ParsedFile, pick as _pick
from desktop.core.io.fields import auto_mapping, header_key, source_key
from desktop.core.io.normalize import region_key
from desktop.core.io.report import ReportRow, write_report
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled
from desktop.core.services.import_plan import (
    ADDRESS_FIELDS,
    PERSON_COLUMNS,
    Plan,
    by_key,
    chunks,
    existing_families,
    existing_persons,
    make_plan,
)
from desktop.core.services import common
from desktop.core.services.import_machine import Release, collector_paused, read_alongside
from desktop.core.services.office import require_office


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
    office = require_office(session)
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
                   ppks, units, kecamatan_code=office.kecamatan_code)


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


# ---- writing ----------------------------------------------------------------------------------

def _insert_rows(conn, model, names: list[str], rows: list[tuple], returning: bool) -> list[int]:
    """Insert rows (tuples in `names` order); with `returning`, give back their ids in order."""
    if not rows:
        return []
    return _insert_columns(conn, model, names, list(zip(*rows)), returning)


def _insert_columns(conn, model, names: list[str], columns: list[Sequence], returning: bool,
                    progress: Progress = NULL_PROGRESS, step: int = 5000,
                    constants: dict[str, object] | None = None) -> list[int]:
    """Insert rows given as columns (one per name) plus `constants` (the same in every row),
    `step` rows at a time between which progress and Cancel are looked at; with `returning`, give
    back the new ids in order."""
    count = len(columns[0]) if columns else 0
    if not count:
        return []
    ids: list[int] = []
    if conn.dialect.name == "sqlite":
        # A column that is empty in every row is left to SQLite, which stores NULL: one value
        # fewer to bind per row (a regency file leaves several columns blank).
        table = model.__table__
        kept = [i for i, (name, column) in enumerate(zip(names, columns, strict=True))
                if column[0] is not None or column.count(None) != count
                or table.c[name].default is not None or table.c[name].server_default is not None]
        names, columns = [names[i] for i in kept], [columns[i] for i in kept]
        if returning:  # the batch row is written already: ids can be taken up front
            ids = next_ids(conn, model, count)
            names, columns = ["id", *names], [ids, *columns]
        sql = insert_sql(model, names, constants)
        for chunk in chunks(sqlite_rows(model, names, columns), step):
            conn.exec_driver_sql(sql, chunk)
            check_cancelled(progress)
            progress.advance(len(chunk))
        return ids
    table = model.__table__
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True) if returning else insert(table)
    for chunk in chunks(list(zip(*columns)), step):
        result = conn.execute(stmt, [dict(zip(names, r)) | (constants or {}) for r in chunk])
        if returning:
            ids += result.scalars()
        check_cancelled(progress)
        progress.advance(len(chunk))
    return ids


_STAMP = ("created_at", "updated_at", "import_batch_id")


def _apply(s: Session, parsed: ParsedFile, plan: Plan, batch: ImportBatch, desil_as_of: dt.date,
           desil_source: str, progress: Progress) -> None:
    conn = s.connection()
    now = utcnow()
    stamp = (now, now, batch.id)
    kk_order = list(plan.new_families)
    fam_names = [*ADDRESS_FIELDS, "desil", "no_kk", "desil_as_of", "desil_source", *_STAMP]
    recorded, not_recorded = (desil_as_of, desil_source), (None, None)
    fam_rows = [(*values, kk, *(recorded if values[-1] else not_recorded), *stamp)
                for kk, values in plan.new_families.items()]
    with indexes_deferred(conn, Family, len(fam_rows)):
        family_ids = dict(zip(kk_order, _insert_rows(conn, Family, fam_names, fam_rows, True), strict=True))
    del fam_rows
    check_cancelled(progress)
    for fam in _load(s, Family, list(plan.family_updates)):
        for k, v in plan.family_updates[fam.id].items():
            setattr(fam, k, v)
        if "desil" in plan.family_updates[fam.id]:
            fam.desil_as_of, fam.desil_source = desil_as_of, desil_source
    s.flush()
    all_families = family_ids | {f.no_kk: f.id for f in existing_families(s, [kk for kk, _ in plan.desil
                                                                                 if kk not in family_ids]).values()}
    if plan.desil:
        insert_values(conn, DesilHistory, ["family_id", "desil", "as_of", "source", "recorded_at", "import_batch_id"],
                      [(all_families[kk], d, desil_as_of, desil_source, now, batch.id) for kk, d in plan.desil])
    check_cancelled(progress)

    # Persons go in column by column: their own fields, the address of their KK's first row,
    # then their family, status and stamp.
    c, new = parsed.columns, plan.new_persons

    def of_new(column: list) -> list:  # (new rows are in file order: as many as rows means all of them)
        return column if len(new) == len(parsed) else _pick(column, new)

    kks = of_new(c["no_kk"])
    columns = [of_new(c[f]) for f in PERSON_COLUMNS[:-len(ADDRESS_FIELDS)]]
    columns += [_pick(c[f], plan.home) for f in ADDRESS_FIELDS]
    columns.append([(all_families.get(kk) or _family_id(s, kk, all_families)) if kk else None for kk in kks])
    need_ids = any(h == "orang" for _, _, h in plan.new_ppks)
    with indexes_deferred(conn, Person, len(new)):
        person_ids = _insert_columns(conn, Person, [*PERSON_COLUMNS, "family_id"], columns, need_ids, progress,
                                     constants={"life_status": "hidup", **dict(zip(_STAMP, stamp))})
    del columns
    for person in _load(s, Person, list(plan.person_updates)):
        changes = dict(plan.person_updates[person.id])
        if "family_kk" in changes:
            changes["family_id"] = _family_id(s, changes.pop("family_kk"), all_families)
        for k, v in changes.items():
            setattr(person, k, v)
    s.flush()

    if plan.new_ppks:
        nik, no_kk, notes = parsed.columns["nik"], parsed.columns["no_kk"], parsed.columns["notes"]
        new_id_by_row = dict(zip(plan.new_persons, person_ids, strict=False))
        existing = existing_persons(s, [nik[i] for i, _, h in plan.new_ppks
                                         if h == "orang" and i not in new_id_by_row and nik[i]])
        ppks_rows = []
        for i, no, holder in plan.new_ppks:
            if holder == "keluarga":
                target = {"family_id": _family_id(s, no_kk[i], all_families), "person_id": None}
            else:
                pid = new_id_by_row.get(i) or (existing[nik[i]].id if nik[i] in existing else None)
                if pid is None:
                    continue
                target = {"person_id": pid, "family_id": None}
            ppks_rows.append(target | {"category_no": no, "community_id": None, "assessed_on": desil_as_of,
                                       "source": PpksSource.IMPORT, "status": "aktif",
                                       "notes": notes[i], "created_at": now, "updated_at": now,
                                       "import_batch_id": batch.id})
        fast_insert(conn, PpksRecord, ppks_rows)
    audit_batch(conn, batch.actor, batch.id, "import_batch", {
        "file": parsed.path.name, "sheet": parsed.sheet, "families_inserted": len(kk_order),
        "persons_inserted": len(plan.new_persons), "ppks_inserted": len(plan.new_ppks)})


def _family_id(s: Session, kk: str, known: dict[str, int]) -> int | None:
    if kk not in known:
        found = s.scalar(select(Family.id).where(Family.no_kk == kk))
        if found is not None:
            known[kk] = found
    return known.get(kk)


def _load(s: Session, model, ids: list[int]) -> list:
    return list(by_key(s, model, model.id, ids).values())


# ---- the whole import -------------------------------------------------------------------------

def run_import(db: Database, path: Path, *, sheet: str | None = None, mapping: dict[int, str] | None = None,
               dry_run: bool = False, on_conflict: str = "skip", desil_as_of: dt.date | None = None,
               report_path: Path | None = None, actor: str | None = None, today: dt.date | None = None,
               progress: Progress = NULL_PROGRESS, then=None) -> ImportResult:
    """Import (or, with dry_run, only judge) a file. Everything lands in one transaction or not
    at all; a cancel or an error leaves the registry as it was. `then(session, parsed, plan, result)`
    runs inside that transaction after the registry is updated (an aid list built from the file)."""
    with collector_paused():
        return _run_import(db, Path(path), sheet, mapping, dry_run, on_conflict, desil_as_of, report_path, actor,
                           today or dt.date.today(), progress, then)


def _run_import(db: Database, path: Path, sheet: str | None, mapping: dict[int, str] | None, dry_run: bool,
                on_conflict: str, desil_as_of: dt.date | None, report_path: Path | None, actor: str | None,
                today: dt.date, progress: Progress, then=None) -> ImportResult:
    desil_as_of = desil_as_of or today

    def office() -> Lookups:
        with db.read() as s:
            return build_lookups(s)

    loaded, lookups, checks = read_alongside(path, sheet, today, office)
    if mapping is None:
        with db.read() as s:
            mapping = saved_mapping(s, source_key(loaded.headers), loaded.headers)
    parsed = excel_import.parse(loaded, lookups, mapping=mapping, today=today, progress=progress, checks=checks)
    result = ImportResult(path.name, parsed.sheet, parsed.header_row, parsed.mapping, parsed.headers,
                          rows=len(parsed), ignored=parsed.ignored, dry_run=dry_run)
    if dry_run:
        with db.read() as s:
            plan = make_plan(s, parsed, lookups, on_conflict, desil_as_of)
            _count(result, parsed, plan)
    else:
        release = Release()
        with release, db.transaction(actor) as s:
            plan = make_plan(s, parsed, lookups, on_conflict, desil_as_of)
            _count(result, parsed, plan)  # the report's rows keep their cells; the rest can go
            release.add(loaded.sheet.rows, parsed.values)
            loaded.sheet.rows, parsed.values = [], []
            batch = ImportBatch(actor=common.actor(s), file_name=path.name, file_sha256=parsed.sha256,
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
            if then is not None:
                then(s, parsed, plan, result)
            s.info.pop("batch_id", None)
            # The columns, the plan and the checks are done with too.
            release.add(*parsed.columns.values(), plan.status, plan.new_persons, plan.home,
                        [checks.nik, checks.kk])
            parsed.columns, checks.nik, checks.kk = {}, {}, {}
            release.start()  # while the commit writes
    if result.issues:
        target = report_path or _default_report(path, dry_run)
        result.report = str(write_report(target, path.name, parsed.sheet, parsed.headers, result.issues))
    return result


def _default_report(path: Path, dry_run: bool) -> Path:
    from desktop.core import paths

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kind = "uji" if dry_run else "impor"
    return paths.data_dir() / "laporan" / f"{path.stem}-{kind}-{stamp}.xlsx"


def _count(result: ImportResult, parsed: ParsedFile, plan: Plan) -> None:
    for name in ("inserted", "updated", "unchanged", "rejected"):
        setattr(result, name, plan.status.count(name))
    for i in sorted(plan.conflict.keys() | parsed.errors.keys() | parsed.warnings.keys()):
        number, values = parsed.numbers[i], parsed.values[i]
        if i in plan.conflict:
            result.issues.append(ReportRow(number, "konflik", [f.message for f in plan.conflict[i]], values))
        elif i in parsed.errors:
            result.issues.append(ReportRow(number, "ditolak", [f.message for f in parsed.errors[i]], values))
        elif parsed.warnings[i]:
            result.warnings += 1
            result.issues.append(ReportRow(number, "ditandai", [f.message for f in parsed.warnings[i]], values))
