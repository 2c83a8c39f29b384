"""Importing a regency file into the registry: compare with what is there, decide row by row, write
it all in one transaction as a batch that can be undone, and account for every row.

rows read = inserted + updated + unchanged + rejected. Rows not taken as they stood (rejected,
conflicting, flagged) go into the Excel error report with their reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.core.db import search_index
from desktop.core.db.audit import audit_batch
from desktop.core.db.bulk import fast_insert, indexes_deferred, insert_sql, insert_values, next_ids, sqlite_rows
from desktop.core.db.base import utcnow
from desktop.core.db.engine import Database
from desktop.core.db.models import DesilHistory, Family, ImportBatch, Person, PpksRecord
from desktop.core.db.models.imports import PpksUnmapped
from desktop.core.domain.categories import category_key
from desktop.core.domain.enums import PpksSource
from desktop.core.errors import SimpulError
from desktop.core.i18n import t
from desktop.core.io import excel_import
from desktop.core.io.excel_import import Lookups, ParsedFile, pick as _pick
from desktop.core.io.fields import source_key
from desktop.core.io.outputs import write_bytes
from desktop.core.io.report import Report, ReportRow, pack, render_report, write_report
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
from desktop.core.services.import_lookups import LIMITS, build_lookups  # noqa: F401 (part of this API)
from desktop.core.services.import_machine import Alongside, Release, collector_paused, read_alongside
from desktop.core.services.import_mappings import (  # noqa: F401 (Preview, preview: part of this API)
    Preview,
    UnmappedValue,
    preview,
    remember_mapping,
    saved_categories,
    saved_mapping,
    unmapped_values,
    values_of,
)

__all__ = ["LIMITS", "ImportResult", "Preview", "build_lookups", "preview", "run_import"]


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
    report_error: str | None = None  # why the report file could not be written (it is kept with the batch)
    source_key: str = ""  # the kind of file: its column and category mappings are remembered by it
    unmapped: list[UnmappedValue] = field(default_factory=list)  # PPKS values no spelling names

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
            "unmapped_ppks": {v.value: v.rows for v in self.unmapped}, "report_error": self.report_error,
        }


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
           desil_source: str, progress: Progress, written=lambda: None) -> None:
    """Write the plan. `written()` is called once the persons' rows are in, as SQLite starts on
    work that leaves Python's lock free (building their indexes and the search index)."""
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
    need_ids = bool(plan.unmapped) or any(h == "orang" for _, _, h in plan.new_ppks)
    # (the search index takes the new persons in one statement at the end, not row by row)
    with search_index.deferred(conn), indexes_deferred(conn, Person, len(new)):
        person_ids = _insert_columns(conn, Person, [*PERSON_COLUMNS, "family_id"], columns, need_ids, progress,
                                     constants={"life_status": "hidup", **dict(zip(_STAMP, stamp))})
        written()
    del columns
    for person in _load(s, Person, list(plan.person_updates)):
        changes = dict(plan.person_updates[person.id])
        if "family_kk" in changes:
            changes["family_id"] = _family_id(s, changes.pop("family_kk"), all_families)
        for k, v in changes.items():
            setattr(person, k, v)
    s.flush()

    nik, no_kk, notes = parsed.columns["nik"], parsed.columns["no_kk"], parsed.columns["notes"]
    new_id_by_row = dict(zip(plan.new_persons, person_ids, strict=False)) if person_ids else {}
    if plan.unmapped:  # kept with the row's person and family until the user maps the value
        existing = existing_persons(s, sorted({nik[i] for i, _ in plan.unmapped if i not in new_id_by_row and nik[i]}))
        insert_values(conn, PpksUnmapped, ["import_batch_id", "source_key", "value", "value_key", "row_number",
                                           "person_id", "family_id", "created_at"],
                      [(batch.id, batch.source_key, value, category_key(value), parsed.numbers[i],
                        new_id_by_row.get(i) or (existing[nik[i]].id if nik[i] in existing else None),
                        _family_id(s, no_kk[i], all_families) if no_kk[i] else None, now)
                       for i, value in plan.unmapped])
    if plan.new_ppks:
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
    key = source_key(loaded.headers)
    with db.read() as s:  # what the user mapped for this kind of file
        if mapping is None:
            mapping = saved_mapping(s, key, loaded.headers)
        lookups = replace(lookups, categories=saved_categories(s, key))
    parsed = excel_import.parse(loaded, lookups, mapping=mapping, today=today, progress=progress, checks=checks)
    result = ImportResult(path.name, parsed.sheet, parsed.header_row, parsed.mapping, parsed.headers,
                          rows=len(parsed), ignored=parsed.ignored, dry_run=dry_run, source_key=key)
    if dry_run:
        with db.read() as s:
            plan = make_plan(s, parsed, lookups, on_conflict, desil_as_of)
            _count(result, parsed, plan)
        result.unmapped = values_of(key, [(value,) for _, value in plan.unmapped])
    else:
        release = Release()
        with release, db.transaction(actor, job="import") as s:
            plan = make_plan(s, parsed, lookups, on_conflict, desil_as_of)
            _count(result, parsed, plan)  # the report's rows keep their cells; the rest can go
            issues, sheet_name, headers = result.issues, parsed.sheet, parsed.headers
            report: list[Alongside] = []  # started once the rows are in (not earlier: it would only take turns)

            def start_report() -> None:
                if issues:
                    report.append(Alongside(lambda: pack(Report(path.name, sheet_name, headers, issues)),
                                            lambda: render_report(path.name, sheet_name, headers, issues)))
            release.add(loaded.sheet.rows, parsed.values)
            loaded.sheet.rows, parsed.values = [], []
            batch = ImportBatch(actor=common.actor(s), file_name=_cut(path.name, 255), file_sha256=parsed.sha256,
                                sheet=_cut(parsed.sheet, 120), source_key=parsed.source_key)
            s.add(batch)
            s.flush()
            s.info["batch_id"] = batch.id
            progress.start(len(plan.new_persons) or 1, "Menyimpan")
            _apply(s, parsed, plan, batch, desil_as_of, f"{_cut(path.name, 66)} ({desil_as_of:%d-%m-%Y})", progress,
                   start_report)
            for name in ("rows", "inserted", "updated", "unchanged", "rejected", "warnings"):
                setattr(batch, name, getattr(result, name))
            batch.finished_at = utcnow()
            if report:  # kept with the rows it speaks of: it can be written again after a crash
                batch.report = report[0].result(0)
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
        if plan.unmapped:
            with db.read() as s:
                result.unmapped = unmapped_values(s, key)
    if result.issues:
        try:
            target = report_path or _default_report(path, dry_run)
            if dry_run:
                result.report = str(write_report(target, path.name, parsed.sheet, parsed.headers, result.issues))
            else:
                result.report = str(write_bytes(report[0].result(1), target, "xlsx"))
        except (OSError, SimpulError) as exc:
            if dry_run:
                raise
            # The rows have landed, and the report with them: say how to write it again.
            reason = exc.message if isinstance(exc, SimpulError) else (exc.strerror or type(exc).__name__)
            result.report_error = t("import.report_not_written", reason=reason, batch=result.batch_id)
    return result


def _cut(text: str, limit: int) -> str:
    """A file or sheet name as the batch keeps it (file systems allow longer names than a column)."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _default_report(path: Path, dry_run: bool) -> Path:
    from desktop.core import paths

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kind = "uji" if dry_run else "impor"
    folder = paths.data_dir() / "laporan"  # Simpul's own folder: made when first needed
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{path.stem}-{kind}-{stamp}.xlsx"


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
