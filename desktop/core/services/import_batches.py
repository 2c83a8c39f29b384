"""Import batches: the history of imports, and undoing one as a whole."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes, Kind
from desktop.core.db.audit import MASKED, audit_batch, from_jsonable, log_disclosure
from desktop.core.db.base import utcnow
from desktop.core.db.engine import Database
from desktop.core.db.models.imports import PpksUnmapped
from desktop.core.db.models import (
    Allocation,
    AuditEntry,
    DesilHistory,
    Family,
    ImportBatch,
    Person,
    PpksRecord,
    Programme,
    PsksEntry,
    PsksMember,
    Recipient,
    Referral,
)
from desktop.core.domain.enums import AuditAction, ListStatus
from desktop.core.errors import SimpulError
from desktop.core.io.report import unpack, write_report
from desktop.core.services import common
from desktop.core.services.import_plan import chunks
from desktop.core.services.verivali_intake import references, release_intake

# What an import writes, and what taking one back touches (it also drops the aid-list lines
# that came with the file), for the screens to redraw.
IMPORTED = Changes.of(Kind.PERSON, Kind.FAMILY, Kind.PPKS, Kind.IMPORT)
UNDONE = IMPORTED | Changes.of(Kind.PROGRAMME, Kind.VERIVALI)


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


def list_batches(session: Session, limit: int = 200) -> list[BatchRow]:
    """The latest imports, newest first."""
    return [BatchRow(b.id, b.started_at, b.actor, b.file_name, b.rows, b.inserted, b.updated, b.unchanged,
                     b.rejected, b.undone)
            for b in session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit))]


def write_batch_report(db: Database, batch_id: int, path: Path) -> int | None:
    """Write again the report an import kept with its batch (after a crash, or a lost file): the
    number of rows written, or None when the import kept none (every row taken as it stood)."""
    with db.read() as s:
        batch = common.get_or_fail(s, ImportBatch, batch_id, "impor")
        blob = batch.report
    if blob is None:
        return None
    report = unpack(blob)
    write_report(path, report.file, report.sheet, report.headers, report.rows)
    log_disclosure(db, AuditAction.EXPORT, "import_batch", batch_id,
                   {"dokumen": "laporan impor", "berkas": Path(path).name, "nik": "lengkap", "baris": len(report.rows)})
    return len(report.rows)


def undo_import(db: Database, batch_id: int, actor: str | None = None,
                identifiers=None) -> dict[str, int]:
    """Take a whole import back: restore what it changed, delete what it added. Refused when
    somebody changed those records after the import (their work would be lost).
    `identifiers(session)` gives the NIKs and No. KK the batch replaced, which the audit trail
    keeps masked: {(table, record id): {column: old value}} (a verivali close keeps them on its
    lines; an import finds its rows by them and never replaces one)."""
    with db.transaction(actor, job="undo-import") as s:
        batch = common.get_or_fail(s, ImportBatch, batch_id, "impor")
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
        before = identifiers(s) if identifiers else {}
        for entry in updates:  # newest first, so each field returns to its value before the import
            model = models[entry.table_name]
            obj = s.get(model, int(entry.record_id))
            for column, (old, _new) in entry.changes.items():
                if column not in MASKED:
                    setattr(obj, column, from_jsonable(model, column, old))
                elif column in before.get((entry.table_name, entry.record_id), {}):
                    setattr(obj, column, before[(entry.table_name, entry.record_id)][column])
                elif entry.table_name in ("person", "family"):  # never silently keep a replaced NIK
                    raise SimpulError("import.undo_identifier", id=batch_id, table=entry.table_name,
                                      record=entry.record_id)
        s.flush()
        # Records added since that point at what the import added (a PSKS role, a new member...).
        users = _references(s, batch_id, inserted[Person], inserted[Family])
        users += _list_lines_in_use(s, batch_id) + release_intake(s, batch_id)  # a verivali prelist goes too
        if users:
            raise SimpulError("import.undo_blocked", id=batch_id, count=len(users), example=users[0])
        # An aid list imported with this file loses the lines the file brought (their findings go too).
        lines = list(s.scalars(select(Recipient).where(Recipient.import_batch_id == batch_id)))
        for line in lines:
            s.delete(line)
        s.flush()
        s.execute(delete(PpksUnmapped).where(PpksUnmapped.import_batch_id == batch_id))  # (values still to map)
        for model in (PpksRecord, DesilHistory, Person, Family):
            ids = inserted[model]
            for chunk in chunks(ids):
                s.execute(delete(model).where(model.id.in_(chunk)))
        counts = {m.__tablename__: len(ids) for m, ids in inserted.items()} | {"restored": len(updates)}
        audit_batch(s.connection(), common.actor(s), batch_id, "import_batch", {"undo": True, **counts})
        batch.undone, batch.undone_at, batch.undone_by = True, utcnow(), common.actor(s)
    return counts


def _list_lines_in_use(s: Session, batch_id: int) -> list[str]:
    """List lines from this import that a final list or a distribution already relies on."""
    final = s.scalars(select(Programme.name).join(Recipient, Recipient.programme_id == Programme.id).where(
        Recipient.import_batch_id == batch_id, Programme.list_status == ListStatus.FINAL).distinct())
    found = [f"program {name} (daftar final)" for name in final]
    found += [f"allocation #{i}" for i in s.scalars(select(Allocation.id).join(
        Recipient, Recipient.id == Allocation.recipient_id).where(Recipient.import_batch_id == batch_id))]
    return found


def _references(s: Session, batch_id: int, person_ids: list[int], family_ids: list[int]) -> list[str]:
    found: list[str] = []
    for chunk in chunks(person_ids):
        found += [f"recipient #{i}" for i in s.scalars(select(Recipient.id).where(
            Recipient.person_id.in_(chunk), Recipient.import_batch_id.is_distinct_from(batch_id)))]
        found += [f"referral #{i}" for i in s.scalars(select(Referral.id).where(Referral.person_id.in_(chunk)))]
        found += [f"psks_entry #{i}" for i in s.scalars(select(PsksEntry.id).where(
            PsksEntry.person_id.in_(chunk) | PsksEntry.chair_person_id.in_(chunk)))]
        found += [f"psks_member #{i}" for i in s.scalars(select(PsksMember.id).where(PsksMember.person_id.in_(chunk)))]
        found += [f"ppks_record #{i}" for i in s.scalars(select(PpksRecord.id).where(
            PpksRecord.person_id.in_(chunk), PpksRecord.import_batch_id.is_distinct_from(batch_id)))]
    for chunk in chunks(family_ids):
        found += [f"person #{i}" for i in s.scalars(select(Person.id).where(
            Person.family_id.in_(chunk), Person.import_batch_id.is_distinct_from(batch_id)))]
        found += [f"ppks_record #{i}" for i in s.scalars(select(PpksRecord.id).where(
            PpksRecord.family_id.in_(chunk), PpksRecord.import_batch_id.is_distinct_from(batch_id)))]
    found += references(s, batch_id, person_ids, family_ids)  # complaints, proposals, other rounds' lines
    return found
