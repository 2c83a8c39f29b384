"""What the verivali room and `simpul list rounds` show: rounds with their progress, lines as
plain rows fetched by id (the entry table), and the counts per result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.core.db.models import Region, VerivaliLine, VerivaliRound
from desktop.core.domain.enums import ResultCode, RoundStatus


@dataclass(frozen=True, slots=True)
class RoundRow:
    id: int
    desa_code: str
    desa: str
    name: str
    status: RoundStatus
    deadline: dt.date | None
    lines: int
    done: int  # lines with a result
    silang: int
    source: str
    closed_at: dt.datetime | None

    def to_json(self) -> dict:
        return {"id": self.id, "desa": self.desa, "desa_code": self.desa_code, "name": self.name,
                "status": self.status.value, "deadline": self.deadline.isoformat() if self.deadline else None,
                "lines": self.lines, "done": self.done, "silang": self.silang, "source": self.source}


def round_rows(session: Session, ids: list[int] | None = None) -> list[RoundRow]:
    counts = (select(VerivaliLine.round_id, func.count().label("n"),
                     func.count(VerivaliLine.result).label("done"),
                     func.sum(case((VerivaliLine.silang.is_not(None), 1), else_=0)).label("silang"))
              .group_by(VerivaliLine.round_id).subquery())
    query = (select(VerivaliRound, Region.name, counts.c.n, counts.c.done, counts.c.silang)
             .join(Region, Region.code == VerivaliRound.desa_code)
             .outerjoin(counts, counts.c.round_id == VerivaliRound.id)
             .order_by(VerivaliRound.id.desc()))
    if ids is not None:
        query = query.where(VerivaliRound.id.in_(ids))
    return [RoundRow(r.id, r.desa_code, desa, r.name, r.status, r.deadline, n or 0, done or 0, silang or 0,
                     r.source or "", r.closed_at)
            for r, desa, n, done, silang in session.execute(query)]


def round_ids(session: Session) -> list[int]:
    return list(session.scalars(select(VerivaliRound.id).order_by(VerivaliRound.id.desc())))


@dataclass(frozen=True, slots=True)
class LineRow:
    id: int
    seq: int
    member: bool  # a member's own line under its family
    rt: str
    rw: str
    name: str
    nik: str
    no_kk: str
    address: str
    members: int
    officer: str
    result: ResultCode | None
    note: str
    new_nik: str
    new_kk: str
    silang: str


def _order():
    # By RT, then each family followed by its members' lines.
    return (VerivaliLine.rt, func.coalesce(VerivaliLine.parent_id, VerivaliLine.id), VerivaliLine.parent_id.is_not(None),
            VerivaliLine.seq)


def line_ids(session: Session, round_id: int, *, officer: str | None = None, rt: str | None = None,
             only_open: bool = False, only_silang: bool = False) -> list[int]:
    query = select(VerivaliLine.id).where(VerivaliLine.round_id == round_id).order_by(*_order())
    if officer:
        query = query.where(VerivaliLine.officer == officer)
    if rt:
        query = query.where(VerivaliLine.rt == rt.zfill(3))
    if only_open:
        query = query.where(VerivaliLine.result.is_(None))
    if only_silang:
        query = query.where(VerivaliLine.silang.is_not(None))
    return list(session.scalars(query))


def lines_by_id(session: Session, ids) -> dict[int, LineRow]:
    if not ids:
        return {}
    return {ln.id: _row(ln) for ln in session.scalars(select(VerivaliLine).where(VerivaliLine.id.in_(list(ids))))}


def line_rows(session: Session, round_id: int, officer: str | None = None) -> list[LineRow]:
    query = select(VerivaliLine).where(VerivaliLine.round_id == round_id).order_by(*_order())
    if officer:
        query = query.where(VerivaliLine.officer == officer)
    return [_row(ln) for ln in session.scalars(query)]


def _row(ln: VerivaliLine) -> LineRow:
    return LineRow(ln.id, ln.seq, ln.parent_id is not None, ln.rt or "", ln.rw or "", ln.name, ln.nik or "",
                   ln.no_kk or "", ln.address or "", ln.members, ln.officer or "", ln.result, ln.note or "",
                   ln.new_nik or "", ln.new_kk or "", ln.silang or "")


def result_counts(session: Session, round_id: int) -> dict[ResultCode | None, int]:
    """Lines per result (None: not yet checked), family lines and member lines alike."""
    out: dict[ResultCode | None, int] = {code: 0 for code in ResultCode} | {None: 0}
    for result, n in session.execute(select(VerivaliLine.result, func.count()).where(
            VerivaliLine.round_id == round_id).group_by(VerivaliLine.result)):
        out[result] = n
    return out


def batch_labels(session: Session, batch_ids) -> dict[int, str]:
    """For the import history (Impor & Ekspor): which of these import batches a verivali round
    made, in words. A round's prelist came in as an ordinary import (VerivaliRound.import_batch_id);
    its close is a batch of its own (ImportBatch.source_key == "verivali", VerivaliRound.close_batch_id).
    Batches of neither kind are left out."""
    ids = list(batch_ids)
    if not ids:
        return {}
    out: dict[int, str] = {}
    query = (select(VerivaliRound.import_batch_id, VerivaliRound.close_batch_id, VerivaliRound.name, Region.name)
             .join(Region, Region.code == VerivaliRound.desa_code)
             .where(VerivaliRound.import_batch_id.in_(ids) | VerivaliRound.close_batch_id.in_(ids)))
    for intake, close, name, desa in session.execute(query):
        where = f"{name} – {desa.title()}"
        if intake in ids:
            out[intake] = f"Prelist verivali {where}"
        if close in ids:
            out[close] = f"Penutupan verivali {where}"
    return out
