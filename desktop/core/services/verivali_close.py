"""Closing a verivali round: the results enter the registry as one batch (an ImportBatch named
after the round, so the audit entries carry its id and the whole close is undone at once by the
ordinary undo of import batches), and the round is locked. Until then nothing in the registry
has changed. `preview` says what closing would do."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.base import utcnow
from desktop.core.db.models import Family, ImportBatch, Person, Region, VerivaliLine, VerivaliRound
from desktop.core.domain.enums import LifeStatus, ResultCode, RoundStatus, Sex
from desktop.core.domain.identity import check_nik, nik_mismatches
from desktop.core.domain.verivali import RESULT_TEXT
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.common import actor, get_or_fail
from desktop.core.services.verivali import open_round

SOURCE_KEY = "verivali"  # ImportBatch.source_key of a round's close: the import history can tell it apart


@dataclass(frozen=True, slots=True)
class Change:
    line_id: int
    table: str  # "person" / "family"
    record_id: int
    what: str  # in words: "status hidup: hidup → meninggal"


def _note_line(rnd: VerivaliRound, line: VerivaliLine, today: dt.date) -> str:
    text = f"[Verivali {rnd.name}, {today:%d-%m-%Y}] {RESULT_TEXT[line.result]}"
    return text + (f": {line.note}" if line.note else "")


def _plan(session: Session, rnd: VerivaliRound, today: dt.date) -> list[tuple[VerivaliLine, object, str, object]]:
    """(line, record, column, new value) for every registry change the results make."""
    out: list[tuple[VerivaliLine, object, str, object]] = []
    problems: list[Finding] = []
    lines = list(session.scalars(select(VerivaliLine).where(VerivaliLine.round_id == rnd.id,
                                                            VerivaliLine.result.is_not(None))
                                 .order_by(VerivaliLine.seq)))
    for line in lines:
        person = session.get(Person, line.person_id) if line.person_id else None
        family = session.get(Family, line.family_id) if line.family_id and not line.parent_id else None
        holder = family or person
        result = line.result
        if result is ResultCode.DECEASED and person is not None:
            out.append((line, person, "life_status", LifeStatus.DECEASED))
        elif result is ResultCode.MOVED:
            movers = [person] if line.parent_id or family is None else list(
                session.scalars(select(Person).where(Person.family_id == family.id)))
            out += [(line, p, "life_status", LifeStatus.MOVED) for p in movers if p is not None]
        elif result is ResultCode.FIX_ID:
            if line.new_nik and person is not None and line.new_nik != person.nik:
                other = session.scalars(select(Person.name).where(Person.nik == line.new_nik)).first()
                if other:
                    problems.append(Finding("nik.duplicate", params={"nik": line.new_nik, "name": other}))
                out.append((line, person, "nik", line.new_nik))
            if line.new_kk and line.family_id:
                fam = session.get(Family, line.family_id)
                if fam is not None and line.new_kk != fam.no_kk:
                    if session.scalars(select(Family.id).where(Family.no_kk == line.new_kk)).first():
                        problems.append(Finding("kk.duplicate", params={"kk": line.new_kk}))
                    out.append((line, fam, "no_kk", line.new_kk))
        if result in (ResultCode.NOT_ELIGIBLE, ResultCode.NOT_FOUND, ResultCode.DUPLICATE, ResultCode.DECEASED,
                      ResultCode.MOVED) and holder is not None:
            notes = (holder.notes + "\n" if holder.notes else "") + _note_line(rnd, line, today)
            out.append((line, holder, "notes", notes))
    if problems:
        raise ValidationError(problems)
    return out


def preview(session: Session, round_id: int, today: dt.date | None = None) -> list[Change]:
    rnd = get_or_fail(session, VerivaliRound, round_id, "putaran verivali")
    out = []
    for line, obj, column, new in _plan(session, rnd, today or dt.date.today()):
        old = getattr(obj, column)
        shown = (lambda v: getattr(v, "value", v) or "-")
        what = (f"{column}: +{RESULT_TEXT[line.result].lower()}" if column == "notes"
                else f"{column}: {shown(old)} → {shown(new)}")
        out.append(Change(line.id, obj.__tablename__, obj.id, what))
    return out


@dataclass(frozen=True)
class Closed:
    round_id: int
    batch_id: int
    changed: int  # registry fields written
    persons: frozenset[int]
    families: frozenset[int]


def close_round(db, round_id: int, *, allow_unchecked: bool = False, actor_name: str | None = None,
                today: dt.date | None = None) -> Closed:
    """Write the results into the registry, all in one transaction and one batch, and lock the round."""
    with db.transaction(actor_name, job="verivali-close") as s:
        return close_in(s, round_id, allow_unchecked=allow_unchecked, today=today)


def close_in(s: Session, round_id: int, *, allow_unchecked: bool = False, today: dt.date | None = None) -> Closed:
    """The close inside a transaction the caller holds (the demo builds its closed round so)."""
    today = today or dt.date.today()
    if True:
        rnd = open_round(s, round_id)
        lines = list(s.scalars(select(VerivaliLine).where(VerivaliLine.round_id == round_id)))
        unchecked = sum(1 for ln in lines if ln.result is None)
        if not lines:
            raise SimpulError("verivali.empty", name=rnd.name)
        if unchecked and not allow_unchecked:
            raise SimpulError("verivali.unchecked", count=unchecked)
        desa = s.get(Region, rnd.desa_code)
        label = f"Verivali {rnd.name} – {desa.name if desa else rnd.desa_code} (penutupan)"
        batch = ImportBatch(actor=actor(s), file_name=label[:255], source_key=SOURCE_KEY,
                            file_sha256=hashlib.sha256(f"verivali:{rnd.id}".encode()).hexdigest(), sheet=None)
        s.add(batch)
        s.flush()
        s.info["batch_id"] = batch.id  # every audit entry below carries it: undone as one
        plan = _plan(s, rnd, today)
        persons, families = set(), set()
        for line, obj, column, new in plan:
            if column in ("nik", "no_kk"):
                # The value replaced, on the line itself: the audit trail keeps identifiers masked
                # (UU 27/2022), and undoing the close gives this one back (`_identifiers_before`).
                setattr(line, column, getattr(obj, column))
            setattr(obj, column, new)
            if isinstance(obj, Person):
                persons.add(obj.id)
                if column == "nik":
                    checked = check_nik(new, check_region=False)
                    obj.nik_mismatch = bool(nik_mismatches(checked, obj.birth_date, Sex(obj.sex)))
            else:
                families.add(obj.id)
        rnd.status, rnd.closed_at, rnd.closed_by, rnd.close_batch_id = RoundStatus.CLOSED, utcnow(), actor(s), batch.id
        batch.rows, batch.updated = len(lines), len({(type(o), o.id) for _l, o, _c, _n in plan})
        batch.unchanged = batch.rows - len({ln.id for ln, *_ in plan})
        batch.finished_at = utcnow()
        s.flush()
        s.info.pop("batch_id", None)
        return Closed(round_id, batch.id, len(plan), frozenset(persons), frozenset(families))


def undo_close(db, round_id: int, actor_name: str | None = None) -> dict[str, int]:
    """Take the close back as a whole: the registry returns to what it was and the round opens
    again. Refused when a record it changed was changed again since (that work would be lost)."""
    from desktop.core.services.import_batches import undo_import

    with db.read() as s:
        rnd = get_or_fail(s, VerivaliRound, round_id, "putaran verivali")
        if rnd.status is not RoundStatus.CLOSED or rnd.close_batch_id is None:
            raise SimpulError("verivali.not_closed", name=rnd.name)
        batch_id = rnd.close_batch_id
    return undo_import(db, batch_id, actor=actor_name,
                       identifiers=lambda s: _identifiers_before(s, round_id))


def _identifiers_before(session: Session, round_id: int) -> dict[tuple[str, str], dict[str, str | None]]:
    """The NIKs and No. KK the close corrected, as they were before it (kept on the lines)."""
    out: dict[tuple[str, str], dict[str, str | None]] = {}
    for line in session.scalars(select(VerivaliLine).where(VerivaliLine.round_id == round_id,
                                                           VerivaliLine.result == ResultCode.FIX_ID)):
        if line.new_nik and line.person_id:
            out.setdefault(("person", str(line.person_id)), {})["nik"] = line.nik
        if line.new_kk and line.family_id:
            out.setdefault(("family", str(line.family_id)), {})["no_kk"] = line.no_kk
    return out
