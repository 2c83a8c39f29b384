"""Verivali rounds per desa: the prelist (from the regency's file through the ordinary import,
or from the registry), officers by RT, one result per family (or member) typed by code, and
"silang data" (the same KK or NIK in two desa of the kecamatan). Nothing here touches the
registry's records: closing a round does (services.verivali_close)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.base import utcnow
from desktop.core.db.models import Family, Person, Region, VerivaliLine, VerivaliRound
from desktop.core.domain.enums import ResultCode, RoundStatus
from desktop.core.domain.identity import check_kk, check_nik
from desktop.core.domain.verivali import RESULT_BY_KEY
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.common import actor, get_or_fail


def _desa(session: Session, code: str) -> Region:
    region = session.get(Region, code)
    if region is None or region.level != 4:
        raise SimpulError("record.not_found", what="desa", id=code)
    return region


def find_desa(session: Session, text: str) -> str:
    """A desa's code from its code or its name (case ignored), among the office's desa."""
    from desktop.core.services.office import desa_list

    wanted = text.strip().lower()
    for region in desa_list(session):
        if wanted in (region.code, region.name.lower()):
            return region.code
    raise SimpulError("record.not_found", what="desa", id=text)


def create_round(session: Session, desa_code: str, name: str, deadline: dt.date | None = None) -> VerivaliRound:
    _desa(session, desa_code)
    if not name.strip():
        raise ValidationError([Finding("verivali.name")])
    rnd = VerivaliRound(desa_code=desa_code, name=name.strip(), deadline=deadline)
    session.add(rnd)
    session.flush()
    return rnd


def open_round(session: Session, round_id: int) -> VerivaliRound:
    """The round, if results may still change (a closed round is the record the registry took)."""
    rnd = get_or_fail(session, VerivaliRound, round_id, "putaran verivali")
    if rnd.status is RoundStatus.CLOSED:
        raise SimpulError("verivali.closed", name=rnd.name)
    return rnd


# ---- the prelist --------------------------------------------------------------------------------

def _next_seq(session: Session, round_id: int) -> int:
    return (session.scalar(select(func.max(VerivaliLine.seq)).where(VerivaliLine.round_id == round_id)) or 0) + 1


def _family_line(rnd: VerivaliRound, seq: int, family: Family | None, head: Person | None,
                 members: int, source_row: int | None = None) -> VerivaliLine:
    where = head if head is not None and family is None else family
    return VerivaliLine(round_id=rnd.id, seq=seq, family_id=family.id if family else None,
                        person_id=head.id if head else None, nik=head.nik if head else None,
                        no_kk=family.no_kk if family else None, name=head.name if head else "-",
                        address=where.address, dusun=where.dusun, rt=where.rt, rw=where.rw,
                        members=members, source_row=source_row)


def _heads(session: Session, family_ids: list[int]) -> dict[int, tuple[Person, int]]:
    """Each family's head (relationship 1, else the first member) and its number of members."""
    out: dict[int, tuple[Person, int]] = {}
    counts: dict[int, int] = {}
    for p in session.scalars(select(Person).where(Person.family_id.in_(family_ids))
                             .order_by(Person.family_id, Person.relationship_code.is_(None),
                                       Person.relationship_code, Person.id)):
        counts[p.family_id] = counts.get(p.family_id, 0) + 1
        out.setdefault(p.family_id, (p, 0))
    return {fid: (p, counts[fid]) for fid, (p, _) in out.items()}


def add_from_registry(session: Session, round_id: int, *, rts: Iterable[str] = (), desil_max: int | None = None
                      ) -> int:
    """The desa's families (of these RTs, of desil up to `desil_max`) not yet on the list."""
    rnd = open_round(session, round_id)
    query = select(Family).where(Family.desa_code == rnd.desa_code).order_by(Family.rt, Family.no_kk)
    if rts := [rt.zfill(3) for rt in rts if rt]:
        query = query.where(Family.rt.in_(rts))
    if desil_max is not None:
        query = query.where(Family.desil.is_not(None), Family.desil <= desil_max)
    listed = set(session.scalars(select(VerivaliLine.family_id).where(VerivaliLine.round_id == round_id)))
    families = [f for f in session.scalars(query) if f.id not in listed]
    heads = _heads(session, [f.id for f in families]) if families else {}
    seq = _next_seq(session, round_id)
    for n, fam in enumerate(families):
        head, members = heads.get(fam.id, (None, 0))
        session.add(_family_line(rnd, seq + n, fam, head, members))
    rnd.source = rnd.source or "registri"
    session.flush()
    mark_silang(session, round_id)
    return len(families)


def intake_file(db, round_id: int, path: Path | str, **kwargs):
    """The regency's prelist through the ordinary import (services.verivali_intake)."""
    from desktop.core.services.verivali_intake import intake_file as run

    return run(db, round_id, path, **kwargs)


# ---- officers, results ----------------------------------------------------------------------------

def assign(session: Session, round_id: int, officer: str, rts: Iterable[str] = ()) -> int:
    """Give the lines of these RTs (all lines without `rts`) to an officer (PSM, TKSK)."""
    open_round(session, round_id)
    rts = {rt.zfill(3) for rt in rts if rt}
    lines = [ln for ln in session.scalars(select(VerivaliLine).where(VerivaliLine.round_id == round_id))
             if not rts or (ln.rt or "") in rts]
    for line in lines:
        line.officer = officer.strip() or None
    session.flush()
    return len(lines)


def officers(session: Session, round_id: int) -> list[str]:
    return [o for o in session.scalars(select(VerivaliLine.officer).where(
        VerivaliLine.round_id == round_id, VerivaliLine.officer.is_not(None)).distinct().order_by(VerivaliLine.officer))]


def code_of(key: str | ResultCode) -> ResultCode:
    """A typed key ("3") or a code's value ("meninggal") as a result code."""
    if isinstance(key, ResultCode):
        return key
    text = str(key).strip().lower()
    if text in RESULT_BY_KEY:
        return RESULT_BY_KEY[text]
    try:
        return ResultCode(text)
    except ValueError:
        raise SimpulError("verivali.code", code=key) from None


def set_result(session: Session, line_id: int, code: str | ResultCode | None, *, note: str | None = None,
               new_nik: str | None = None, new_kk: str | None = None) -> VerivaliLine:
    """One line's result (None clears it). Kept on the line until the round closes."""
    line = get_or_fail(session, VerivaliLine, line_id, "baris verivali")
    open_round(session, line.round_id)
    result = None if code in (None, "", "0") else code_of(code)
    if result is ResultCode.FIX_ID:
        errors = []
        for value, check in ((new_nik, check_nik), (new_kk, check_kk)):
            if value and not (checked := check(value, check_region=False)).valid:
                errors.append(checked.errors[0])
        if not (new_nik or new_kk or line.new_nik or line.new_kk):
            errors.append(Finding("verivali.fix_missing"))
        if errors:
            raise ValidationError(errors)
    line.result = result
    if note is not None:
        line.note = note.strip()[:250] or None
    if new_nik is not None or new_kk is not None or result is not ResultCode.FIX_ID:
        line.new_nik = (new_nik or None) if result is ResultCode.FIX_ID else None
        line.new_kk = (new_kk or None) if result is ResultCode.FIX_ID else None
    line.entered_by, line.entered_at = (actor(session), utcnow()) if result else (None, None)
    session.flush()
    return line


def find_line(session: Session, round_id: int, number: str) -> VerivaliLine:
    """The line of a NIK or a No. KK; a member's NIK gets a member line of its own."""
    number = number.strip()
    line = session.scalars(select(VerivaliLine).where(VerivaliLine.round_id == round_id,
                                                      VerivaliLine.parent_id.is_(None),
                                                      (VerivaliLine.nik == number) | (VerivaliLine.no_kk == number))
                           ).first() or session.scalars(select(VerivaliLine).where(
                               VerivaliLine.round_id == round_id, VerivaliLine.nik == number)).first()
    if line is not None:
        return line
    person = session.scalars(select(Person).where(Person.nik == number)).first()
    if person is not None and person.family_id:
        parent = session.scalars(select(VerivaliLine).where(VerivaliLine.round_id == round_id,
                                                            VerivaliLine.family_id == person.family_id,
                                                            VerivaliLine.parent_id.is_(None))).first()
        if parent is not None:
            return add_member_line(session, parent.id, person.id)
    raise SimpulError("verivali.not_listed", number=number)


def add_member_line(session: Session, parent_id: int, person_id: int) -> VerivaliLine:
    """A member who needs a result of their own (died, moved out) under the family's line."""
    parent = get_or_fail(session, VerivaliLine, parent_id, "baris verivali")
    rnd = open_round(session, parent.round_id)
    person = get_or_fail(session, Person, person_id, "penduduk")
    if person.family_id != parent.family_id:
        raise SimpulError("verivali.not_member", name=person.name)
    existing = session.scalars(select(VerivaliLine).where(VerivaliLine.round_id == rnd.id,
                                                          VerivaliLine.person_id == person.id)).first()
    if existing is not None:
        return existing
    line = VerivaliLine(round_id=rnd.id, parent_id=parent.id, seq=_next_seq(session, rnd.id),
                        family_id=parent.family_id, person_id=person.id, nik=person.nik, no_kk=parent.no_kk,
                        name=person.name, address=parent.address, dusun=parent.dusun, rt=parent.rt, rw=parent.rw,
                        members=1, officer=parent.officer)
    session.add(line)
    session.flush()
    return line


# ---- silang data --------------------------------------------------------------------------------

def mark_silang(session: Session, round_id: int, other_desa: list[dict] | None = None) -> int:
    """Flag the lines whose KK or NIK also belongs to another desa of the kecamatan: on another
    desa's round, on a registry member living in another desa, or on a row of the same file that
    names another desa. Returns the number of lines flagged."""
    rnd = get_or_fail(session, VerivaliRound, round_id, "putaran verivali")
    names = dict(session.execute(select(Region.code, Region.name).where(Region.level == 4)).all())
    lines = list(session.scalars(select(VerivaliLine).where(VerivaliLine.round_id == round_id)))
    kks = {ln.no_kk for ln in lines if ln.no_kk}
    niks = {ln.nik for ln in lines if ln.nik}
    found: dict[str, set[str]] = {}  # KK or NIK -> reasons

    def note(key: str | None, text: str) -> None:
        if key:
            found.setdefault(key, set()).add(text)

    others = session.execute(select(VerivaliLine.no_kk, VerivaliLine.nik, VerivaliRound.desa_code, VerivaliRound.name)
                             .join(VerivaliRound, VerivaliRound.id == VerivaliLine.round_id)
                             .where(VerivaliRound.desa_code != rnd.desa_code,
                                    (VerivaliLine.no_kk.in_(kks)) | (VerivaliLine.nik.in_(niks))))
    for kk, nik, desa, name in others:
        text = f"juga di verivali Desa {names.get(desa, desa)} ({name})"
        note(kk if kk in kks else None, text)
        note(nik if nik in niks else None, text)
    family_ids = {ln.family_id for ln in lines if ln.family_id}
    if family_ids:
        for fid, desa, kk in session.execute(
                select(Person.family_id, Person.desa_code, Family.no_kk).join(Family, Family.id == Person.family_id)
                .where(Person.family_id.in_(family_ids), Person.desa_code.is_not(None),
                       Person.desa_code != rnd.desa_code).distinct()):
            note(kk, f"anggota KK tercatat di Desa {names.get(desa, desa)}")
    kept = rnd.intake or {}
    rows = other_desa if other_desa is not None else kept.get("other_desa", []) + kept.get("mixed", [])
    for row in rows:
        for key in (row.get("kk"), row.get("nik")):
            if key in kks or key in niks:
                note(key, f"berkas juga memuat baris {row['row']} di Desa {row['desa']}")
    flagged = 0
    for line in lines:
        reasons = sorted(found.get(line.no_kk or "", set()) | found.get(line.nik or "", set()))
        line.silang = "; ".join(reasons)[:250] or None
        flagged += bool(reasons)
    session.flush()
    return flagged
