"""Numbers for the Beranda: active PPKS per desa and category, PSKS per type (`dashboard`, small
tables, read when the window opens) and the data-quality counts (`quality`, which look at every
person and so grow with the registry; the screen reads them on the database worker)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.db.models import (
    Community,
    Family,
    OfficeProfile,
    Person,
    PpksCategory,
    PpksRecord,
    PsksEntry,
    PsksType,
    Region,
)
from desktop.core.domain.enums import PpksStatus
from desktop.core.services import privacy

# The data-quality checks, in the order the Beranda lists them; each opens the records behind it.
WITHOUT_NIK, NIK_MISMATCH, DUPLICATES, NO_HEAD, OVERDUE_REFERRALS = (
    "without_nik", "nik_mismatch", "duplicates", "no_head", "referrals")
QUALITY_CHECKS = (WITHOUT_NIK, NIK_MISMATCH, DUPLICATES, NO_HEAD, OVERDUE_REFERRALS)


@dataclass(frozen=True)
class Dashboard:
    desa: list[tuple[str, str]]  # (code, name)
    categories: list[tuple[int, str, str]]  # (no, code, name)
    ppks: dict[tuple[str, int], int]  # (desa code, category no) -> active records
    psks: list[tuple[str, str, int]]  # (code, name, active entries)
    # For a role without "data sensitif": those categories are left out above and counted here
    # together, for the kecamatan only ("<5" when 1 to 4); None when the role sees them one by one.
    sensitive_total: int | str | None = None

    def category_total(self, no: int) -> int:
        return sum(n for (_, c), n in self.ppks.items() if c == no)

    def desa_total(self, code: str) -> int:
        return sum(n for (d, _), n in self.ppks.items() if d == code)


def dashboard(session: Session) -> Dashboard:
    office = session.scalars(select(OfficeProfile).limit(1)).first()
    desa = [(r.code, r.name) for r in session.scalars(
        select(Region).where(Region.parent_code == (office.kecamatan_code if office else "")).order_by(Region.code))]
    hidden = privacy.hidden_nos(session)
    cats = [(c.no, c.code, c.name) for c in session.scalars(select(PpksCategory).order_by(PpksCategory.no))
            if c.no not in hidden]
    active = PpksRecord.status == PpksStatus.ACTIVE
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for holder, place in ((PpksRecord.person_id, Person), (PpksRecord.family_id, Family),
                          (PpksRecord.community_id, Community)):
        stmt = (select(place.desa_code, PpksRecord.category_no, func.count()).join(place, place.id == holder)
                .where(active).group_by(place.desa_code, PpksRecord.category_no))
        for d, no, n in session.execute(stmt):
            counts[(d, no)] += n
    psks = [(code, name, n) for code, name, n in session.execute(
        select(PsksType.code, PsksType.name, func.count(PsksEntry.id))
        .outerjoin(PsksEntry, (PsksEntry.type_no == PsksType.no) & PsksEntry.active.is_(True))
        .group_by(PsksType.no, PsksType.code, PsksType.name).order_by(PsksType.no))]
    folded = None
    if hidden:
        # Not per desa: a desa's small count, or a total minus the categories shown, could point at someone.
        n = sum(counts.pop(key) for key in [k for k in counts if k[1] in hidden])
        folded = privacy.folded(n)
    return Dashboard(desa, cats, dict(counts), psks, folded)


def duplicate_count(session: Session) -> int:
    """Persons who share name and birth date with someone else (likely entered twice): one pass
    over the (name key, birth date) index, where a self-join took seconds at 200,000 persons."""
    groups = (select(func.count().label("n")).where(Person.birth_date.is_not(None))
              .group_by(Person.name_key, Person.birth_date).having(func.count() > 1).subquery())
    return session.scalar(select(func.coalesce(func.sum(groups.c.n), 0))) or 0


def quality(session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Each data-quality check -> how many records it finds, in `QUALITY_CHECKS` order."""
    # services.referrals (letters, signing, the PostgreSQL dialect: ~0.06 s) is loaded with the
    # first count, on the worker after the window is drawn, not with the first screen.
    from desktop.core.services.referrals import overdue

    heads = select(Person.family_id).where(Person.relationship_code == 1, Person.family_id.is_not(None))
    counts = {
        WITHOUT_NIK: session.scalar(select(func.count()).select_from(Person).where(Person.nik.is_(None))),
        NIK_MISMATCH: session.scalar(select(func.count()).select_from(Person).where(Person.nik_mismatch.is_(True))),
        DUPLICATES: duplicate_count(session),
        NO_HEAD: session.scalar(select(func.count()).select_from(Family).where(Family.id.not_in(heads))),
        OVERDUE_REFERRALS: len(overdue(session, today)),
    }
    return {key: counts[key] or 0 for key in QUALITY_CHECKS}


# The office's cycles: what is due or late, each line opening the section where it is handled.
COMPLAINTS_LATE, COMPLAINTS_OPEN, ROUNDS_DUE, VISITS_WEEK, VISITS_LATE, SK_ENDING, MONTHS_OPEN = (
    "complaints_late", "complaints_open", "rounds_due", "visits_week", "visits_late", "sk_ending", "months_open")
FOLLOW_UPS = (COMPLAINTS_LATE, COMPLAINTS_OPEN, ROUNDS_DUE, VISITS_WEEK, VISITS_LATE, SK_ENDING, MONTHS_OPEN)
ROUND_WARNING_DAYS = 7


def follow_ups(session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Each follow-up -> how many records need it, in `FOLLOW_UPS` order (read on the worker)."""
    from desktop.core.domain.enums import RoundStatus
    from desktop.core.services import activities, complaints, monthly_report, verivali_lists, visits

    today = today or dt.date.today()
    soon = today + dt.timedelta(days=ROUND_WARNING_DAYS)
    week, late = visits.visit_counts(session, today)
    counts = {
        COMPLAINTS_LATE: complaints.overdue_count(session, today),
        COMPLAINTS_OPEN: complaints.open_count(session),
        ROUNDS_DUE: sum(1 for r in verivali_lists.round_rows(session)
                        if r.status is RoundStatus.OPEN and r.deadline is not None and r.deadline <= soon),
        VISITS_WEEK: week,
        VISITS_LATE: late,
        SK_ENDING: len(activities.sk_expiring(session, today)),
        MONTHS_OPEN: len(monthly_report.open_months(session, today)),
    }
    return {key: counts[key] or 0 for key in FOLLOW_UPS}
