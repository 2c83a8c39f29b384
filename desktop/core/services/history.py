"""A record's history from the audit trail, and taking one change back ("undo a mistake")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes, Kind
from desktop.core.db.audit import MASKED, from_jsonable
from desktop.core.db.base import Base
from desktop.core.db.models import AuditEntry, Person, PpksRecord
from desktop.core.domain.enums import AuditAction
from desktop.core.domain.people import name_key
from desktop.core.errors import SimpulError
from desktop.core.i18n import language
from desktop.core.services import privacy
from desktop.core.services.registry import family_changes, person_changes
from desktop.core.services.welfare import ppks_changes, psks_changes

REVERTIBLE = ("person", "family", "ppks_record", "office_profile", "psks_entry")
# (Bahasa Indonesia, English)
FIELD_LABELS = {
    "nik": ("NIK", "NIK"), "name": ("nama", "name"), "sex": ("jenis kelamin", "sex"),
    "birth_place": ("tempat lahir", "place of birth"), "birth_date": ("tanggal lahir", "date of birth"),
    "family_id": ("keluarga", "family"), "relationship_code": ("hubungan keluarga", "relationship"),
    "religion_code": ("agama", "religion"), "marital_status_code": ("status kawin", "marital status"),
    "education_code": ("pendidikan", "education"), "occupation": ("pekerjaan", "occupation"),
    "disability": ("disabilitas", "disability"), "phone": ("no. HP", "mobile no."), "address": ("alamat", "address"),
    "desa_code": ("desa", "village"), "dusun": ("dusun", "hamlet"), "rt": ("RT", "RT"), "rw": ("RW", "RW"),
    "life_status": ("status", "status"), "notes": ("catatan", "notes"), "status": ("status PPKS", "PPKS status"),
    "category_no": ("kategori", "category"), "assessed_on": ("tanggal asesmen", "assessment date"),
    "source": ("sumber", "source"), "nik_mismatch": ("tanda NIK", "NIK flag"), "no_kk": ("No. KK", "family card no."),
    "desil": ("desil", "decile"),
}
ACTIONS = {"insert": ("ditambahkan", "added"), "update": ("diubah", "changed"), "delete": ("dihapus", "deleted"),
           "print": ("dicetak", "printed"), "export": ("diekspor", "exported")}
TABLES = {"person": ("Data penduduk", "Person"), "family": ("Data keluarga", "Family"),
          "ppks_record": ("Catatan PPKS", "PPKS record"), "psks_entry": ("Data PSKS", "PSKS record"),
          "office_profile": ("Profil kantor", "Office profile"), "import_batch": ("Impor", "Import")}
EMPTY = ("(kosong)", "(empty)")


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if language() == "en" else pair[0]


@dataclass(frozen=True)
class HistoryItem:
    entry_id: int
    at: dt.datetime
    actor: str
    action: str
    table: str
    record_id: str
    text: str
    revertible: bool


IDENTIFIERS = ("nik", "no_kk")


def _describe(entry: AuditEntry, shown=lambda v: v) -> str:
    what = _pick(TABLES.get(entry.table_name, (entry.table_name, entry.table_name)))
    action = _pick(ACTIONS[entry.action.value])
    if entry.action == AuditAction.UPDATE:
        parts = [f"{_pick(FIELD_LABELS.get(k, (k, k)))}: "
                 f"{_v(shown(old) if k in IDENTIFIERS else old)} → {_v(shown(new) if k in IDENTIFIERS else new)}"
                 for k, (old, new) in entry.changes.items() if k != "nik_mismatch"]
        return f"{what} {action} — " + "; ".join(parts)
    return f"{what} {action}"


def _v(value: Any) -> str:
    return _pick(EMPTY) if value in (None, "") else str(value)


def person_history(session: Session, person_id: int, limit: int = 200) -> list[HistoryItem]:
    """Changes to a person and to their PPKS records (deleted ones too), newest first."""
    return _history(session, "person", person_id, PpksRecord.person_id, "person_id", limit)


def family_history(session: Session, family_id: int, limit: int = 200) -> list[HistoryItem]:
    """Changes to a family record and to its family-level PPKS records (FM, KBSP), newest first."""
    return _history(session, "family", family_id, PpksRecord.family_id, "family_id", limit)


def _history(session: Session, table: str, record_id: int, holder_column, holder_key: str,
             limit: int) -> list[HistoryItem]:
    ppks_ids = {str(i) for i in session.scalars(select(PpksRecord.id).where(holder_column == record_id))}
    added = select(AuditEntry.record_id).where(
        AuditEntry.table_name == "ppks_record", AuditEntry.action == AuditAction.INSERT,
        AuditEntry.changes[(holder_key, 1)].as_integer() == record_id)
    ppks_ids |= set(session.scalars(added))
    ppks_ids -= _hidden_records(session, ppks_ids)
    stmt = (select(AuditEntry).where(or_(
        and_(AuditEntry.table_name == table, AuditEntry.record_id == str(record_id)),
        and_(AuditEntry.table_name == "ppks_record", AuditEntry.record_id.in_(ppks_ids))))
            .order_by(AuditEntry.id.desc()).limit(limit))
    return [HistoryItem(e.id, e.at, e.actor, e.action.value, e.table_name, e.record_id,
                        _describe(e, lambda v: privacy.nik(session, v) if isinstance(v, str) else v),
                        _revertible(e)) for e in session.scalars(stmt)]


def _hidden_records(session: Session, ppks_ids: set[str]) -> set[str]:
    """PPKS records (present or deleted) in a category this user may not see: their history too."""
    hidden = privacy.hidden_nos(session)
    if not hidden or not ppks_ids:
        return set()
    out = {str(i) for i in session.scalars(select(PpksRecord.id).where(
        PpksRecord.id.in_([int(i) for i in ppks_ids]), PpksRecord.category_no.in_(hidden)))}
    for e in session.scalars(select(AuditEntry).where(AuditEntry.table_name == "ppks_record",
                                                      AuditEntry.record_id.in_(ppks_ids))):
        change = (e.changes or {}).get("category_no")
        values = change if isinstance(change, list) else [change]
        if any(v in hidden for v in values):
            out.add(e.record_id)
    return out


def _revertible(e: AuditEntry) -> bool:
    if e.table_name not in REVERTIBLE or e.action in (AuditAction.PRINT, AuditAction.EXPORT):
        return False
    if e.action == AuditAction.UPDATE and e.changes and set(e.changes) <= MASKED:
        return False  # a NIK alone: the trail keeps it masked, there is nothing to give back
    return e.action != AuditAction.INSERT or e.table_name == "ppks_record"


def _model(table: str) -> type[Base]:
    return next(m.class_ for m in Base.registry.mappers if m.class_.__tablename__ == table)


def _derive(obj: Any) -> None:
    """Columns the audit trail leaves out because they follow from others."""
    if isinstance(obj, Person):
        obj.name_key = name_key(obj.name)


@dataclass(frozen=True)
class Reverted:
    text: str  # the change taken back, in words
    changes: Changes
    retype: tuple[str, ...] = ()  # identifiers the trail keeps masked: typed again by the user


def revert(session: Session, entry_id: int) -> Reverted:
    """Take one change back: an update gets its old values again, a delete brings the record back,
    an added PPKS record is removed. Refused when the record changed again since (that later work
    would be lost silently). The revert is itself audited (by the caller's transaction)."""
    entry = session.get(AuditEntry, entry_id)
    if entry is None or not _revertible(entry):
        raise SimpulError("history.not_revertible")
    model = _model(entry.table_name)
    later = session.scalar(select(AuditEntry.id).where(
        AuditEntry.table_name == entry.table_name, AuditEntry.record_id == entry.record_id,
        AuditEntry.id > entry.id).limit(1))
    if later is not None:
        raise SimpulError("history.changed_since")
    reshaped = entry.action != AuditAction.UPDATE
    retype = tuple(c for c in entry.changes if c in MASKED)  # the trail holds them masked only
    if entry.action == AuditAction.UPDATE:
        obj = session.get(model, int(entry.record_id))
        if obj is None:
            raise SimpulError("history.gone")
        for column, (old, _new) in entry.changes.items():
            if column not in MASKED:
                setattr(obj, column, from_jsonable(model, column, old))
        _derive(obj)
    elif entry.action == AuditAction.DELETE:
        values = {c: from_jsonable(model, c, old) for c, (old, _new) in entry.changes.items() if c not in MASKED}
        values["id"] = int(entry.record_id)
        obj = model(**values)
        _derive(obj)
        session.add(obj)
    else:  # an added PPKS record
        obj = session.get(model, int(entry.record_id))
    session.flush()
    changes = _changes(session, entry, obj, reshaped)
    if entry.action == AuditAction.INSERT and obj is not None:
        session.delete(obj)
        session.flush()
    return Reverted(_describe(entry), changes, retype)


def _changes(session: Session, entry: AuditEntry, obj: Any, reshaped: bool) -> Changes:
    """What the revert touched, for the screens: the record and the rows that show it."""
    record_id = int(entry.record_id)
    if entry.table_name == "person":
        moved = {v for v in entry.changes.get("family_id", ()) if v is not None}
        out = person_changes(session, [record_id], reshaped=reshaped)
        return out | Changes.updated(Kind.FAMILY, moved) if moved else out
    if entry.table_name == "family":
        return family_changes(session, [record_id], reshaped=reshaped)
    if entry.table_name == "ppks_record":
        return ppks_changes(session, obj, reshaped=reshaped) if obj is not None else Changes.of(Kind.PPKS)
    if entry.table_name == "psks_entry":
        return psks_changes(obj, reshaped=reshaped)
    return Changes.updated(Kind.OFFICE)
