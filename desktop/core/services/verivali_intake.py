"""A round's prelist from the regency's file, through the ordinary import: the rows land in the
registry as one import batch (undone as a whole), then each family of the round's desa gets a
line. Every row of the file is accounted for: listed, of another desa (reported with its desa,
never dropped) or refused by the import (with the import's reason); rows = listed + other + refused.

The lines are made inside the import's transaction, so their audit entries carry the batch id:
`release_intake` finds them again when that batch is undone."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.models import AuditEntry, Complaint, Family, Person, Proposal, Region, VerivaliLine, VerivaliRound
from desktop.core.domain.enums import AuditAction, RoundStatus
from desktop.core.services.verivali import _family_line, _heads, _next_seq, mark_silang, open_round

TAKEN = ("inserted", "updated", "unchanged")
CHUNK = 500


@dataclass
class Intake:
    """What became of every row of the regency's file: rows = listed + other_desa + not_taken."""

    file: str
    rows: int = 0
    listed: int = 0  # rows of this desa now on the list (as a family line or one of its members)
    families: int = 0  # lines made
    other_desa: list[dict] = field(default_factory=list)  # {row, name, nik, kk, desa}: reported, not dropped
    not_taken: list[dict] = field(default_factory=list)  # {row, name, reason}: refused by the import
    # Listed rows whose own cell names another desa (their KK lives here): listed, and flagged silang.
    mixed: list[dict] = field(default_factory=list)  # {row, name, nik, kk, desa}
    batch_id: int | None = None
    report: str | None = None  # the import's report of rows not taken as they stood

    @property
    def balanced(self) -> bool:
        return self.rows == self.listed + len(self.other_desa) + len(self.not_taken)

    def to_json(self) -> dict:
        return {"file": self.file, "rows": self.rows, "listed": self.listed, "families": self.families,
                "other_desa": self.other_desa, "not_taken": self.not_taken, "mixed": self.mixed,
                "batch": self.batch_id, "report": self.report, "balanced": self.balanced}


def _persons(session: Session, niks: list[str], keys: list[tuple]) -> tuple[dict, dict]:
    """The registry's persons of the file's rows (after the import wrote them): by NIK, and by
    (name key, birth date) for rows without one."""
    by_nik: dict[str, Person] = {}
    for start in range(0, len(niks), CHUNK):
        for p in session.scalars(select(Person).where(Person.nik.in_(niks[start:start + CHUNK]))):
            by_nik[p.nik] = p
    by_key: dict[tuple, Person] = {}
    for key, birth in keys:
        person = session.scalars(select(Person).where(Person.name_key == key, Person.birth_date == birth)
                                 .order_by(Person.id)).first()
        if person is not None:
            by_key[(key, birth)] = person
    return by_nik, by_key


def take_rows(session: Session, round_id: int, intake: Intake, parsed, plan, result) -> None:
    """Inside the import's transaction: account for each row and list this desa's families."""
    rnd = open_round(session, round_id)
    names = dict(session.execute(select(Region.code, Region.name).where(Region.level == 4)).all())
    nik, name, kk, desa, key, birth = (parsed.columns[f] for f in ("nik", "name", "no_kk", "desa_code",
                                                                    "name_key", "birth_date"))
    reasons = {r.number: "; ".join(r.reasons) for r in result.issues}
    taken = [i for i, status in enumerate(plan.status) if status in TAKEN]
    by_nik, by_key = _persons(session, sorted({nik[i] for i in taken if nik[i]}),
                              sorted({(key[i], birth[i]) for i in taken if not nik[i] and key[i]},
                                     key=lambda kb: (kb[0], str(kb[1]))))
    intake.rows = len(parsed)
    families: dict[int, int] = {}  # family id -> file row of its first member
    loose: dict[int, tuple[Person, int]] = {}  # person id -> (person without a KK, its row)
    for i, status in enumerate(plan.status):
        row = parsed.numbers[i]
        who = {"row": row, "name": name[i] or ""}
        if status not in TAKEN:
            intake.not_taken.append(who | {"reason": reasons.get(row) or status})
            continue
        person = by_nik.get(nik[i]) if nik[i] else by_key.get((key[i], birth[i]))
        # Where the registry now keeps the person (a member lives where the KK's first row says).
        home = (person.desa_code if person is not None else None) or desa[i]
        about = who | {"nik": nik[i] or "", "kk": kk[i] or ""}
        if home != rnd.desa_code:
            intake.other_desa.append(about | {"desa": names.get(home or "", home or "-")})
            continue
        intake.listed += 1
        if desa[i] and desa[i] != rnd.desa_code:
            intake.mixed.append(about | {"desa": names.get(desa[i], desa[i])})
        if person is not None and person.family_id:
            families.setdefault(person.family_id, row)
        elif person is not None:
            loose.setdefault(person.id, (person, row))
    listed = set(session.scalars(select(VerivaliLine.family_id).where(VerivaliLine.round_id == round_id)))
    listed_persons = set(session.scalars(select(VerivaliLine.person_id).where(VerivaliLine.round_id == round_id)))
    heads = _heads(session, list(families)) if families else {}
    seq = _next_seq(session, round_id)
    for fid, row in sorted(families.items(), key=lambda kv: kv[1]):
        if fid in listed:
            continue
        head, members = heads.get(fid, (None, 0))
        session.add(_family_line(rnd, seq, session.get(Family, fid), head, members, row))
        seq += 1
        intake.families += 1
    for person, row in loose.values():
        if person.id in listed_persons:
            continue
        session.add(_family_line(rnd, seq, None, person, 1, row))
        seq += 1
        intake.families += 1
    intake.batch_id = result.batch_id
    rnd.source, rnd.import_batch_id = intake.file[:255], result.batch_id
    rnd.intake = intake.to_json()  # without the report's path: the batch keeps the report itself
    session.flush()
    mark_silang(session, round_id, other_desa=intake.other_desa + intake.mixed)


def intake_file(db, round_id: int, path: Path | str, *, sheet: str | None = None, mapping=None,
                actor_name: str | None = None, progress=None) -> Intake:
    """Import the file and list the round's families, in one transaction (the import's)."""
    from desktop.core.progress import NULL_PROGRESS
    from desktop.core.services.imports import run_import

    path = Path(path)
    with db.read() as s:
        open_round(s, round_id)
    intake = Intake(file=path.name)
    result = run_import(db, path, sheet=sheet, mapping=mapping, actor=actor_name, progress=progress or NULL_PROGRESS,
                        then=lambda s, parsed, plan, res: take_rows(s, round_id, intake, parsed, plan, res))
    # The report's path is known only now; the round is not written again (a later write on it
    # would block undoing the import), the batch keeps the report to be written again anyway.
    intake.report = result.report
    return intake


def release_intake(session: Session, batch_id: int) -> list[str]:
    """For undoing import batch `batch_id`: the lines that batch put on a round go with it.
    Returns what blocks the undo (a closed round, results already typed on those lines), in the
    words import_batches.undo_import reports; deletes the lines when nothing does."""
    ids = [int(r) for r in session.scalars(select(AuditEntry.record_id).where(
        AuditEntry.batch_id == batch_id, AuditEntry.table_name == VerivaliLine.__tablename__,
        AuditEntry.action == AuditAction.INSERT))]
    lines = [ln for start in range(0, len(ids), CHUNK) for ln in session.scalars(
        select(VerivaliLine).where(VerivaliLine.id.in_(ids[start:start + CHUNK])))]
    if not lines:
        return []
    rounds = {ln.round_id: session.get(VerivaliRound, ln.round_id) for ln in lines}
    blocked = [f"verivali_round #{r.id} (ditutup)" for r in rounds.values() if r.status is RoundStatus.CLOSED]
    line_ids = {ln.id for ln in lines}
    members = list(session.scalars(select(VerivaliLine).where(VerivaliLine.parent_id.in_(line_ids))))
    blocked += [f"verivali_line #{ln.id}" for ln in lines + members if ln.result is not None]
    blocked += [f"proposal #{i}" for i in session.scalars(select(Proposal.id).where(
        Proposal.line_id.in_(line_ids | {ln.id for ln in members})))]
    if blocked:
        return blocked
    for line in members + lines:
        session.delete(line)
    session.flush()
    return []


def references(session: Session, batch_id: int, person_ids: list[int], family_ids: list[int]) -> list[str]:
    """What of this room points at persons or families an import added (for its undo to refuse):
    complaints, proposals, and round lines the batch did not make itself."""
    own = {int(r) for r in session.scalars(select(AuditEntry.record_id).where(
        AuditEntry.batch_id == batch_id, AuditEntry.table_name == VerivaliLine.__tablename__,
        AuditEntry.action == AuditAction.INSERT))}
    found: list[str] = []
    for ids, columns in ((person_ids, (Complaint.person_id, Proposal.person_id, VerivaliLine.person_id)),
                         (family_ids, (Complaint.family_id, None, VerivaliLine.family_id))):
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            for column in columns:
                if column is None:
                    continue
                model = column.class_
                found += [f"{model.__tablename__} #{i}" for i in session.scalars(
                    select(model.id).where(column.in_(chunk))) if model is not VerivaliLine or i not in own]
    return found
