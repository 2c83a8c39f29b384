"""The registry's lists: search, filter and sort done by the database, returning ids first and
rows on demand (a 200,000-person registry must open and search without a stall)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, and_, exists, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.core.db.models import Family, Person, PpksCategory, PpksRecord, Region
from desktop.core.db.search_index import Interrupted, interruptible, person_match, row_match
from desktop.core.domain.identity import clean_identifier
from desktop.core.domain.people import name_key
from desktop.core.services import privacy

PERSON_SORTS = ("name", "nik", "sex", "birth_date", "desa", "rt_rw", "no_kk")


@dataclass(frozen=True)
class PersonFilter:
    text: str = ""  # words of the name or address (see search_index); 4+ digits: NIK or No. KK
    desa_code: str | None = None
    rt: str | None = None
    rw: str | None = None
    sex: str | None = None
    ppks_category: int | None = None  # category number 1-26
    ppks_status: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    desil_max: int | None = None
    without_nik: bool = False
    nik_mismatch: bool = False
    life_status: str | None = None
    duplicates: bool = False  # shares name and birth date with someone else
    family_without_head: bool = False


@dataclass(frozen=True)
class Sight:
    """What the user may look for (privacy): categories they never meet, and whether a NIK or
    No. KK search needs all 16 digits (a masked user could otherwise read one digit at a time)."""

    hidden: frozenset[int] = frozenset()
    whole_ids_only: bool = False


def sight_of(session: Session) -> Sight:
    privacy.require_view(session)
    return Sight(privacy.hidden_nos(session), not privacy.reveals_nik(session))


def duplicate_person_ids():
    """Ids of persons who share name and birth date with someone else (likely entered twice)."""
    other = aliased(Person)
    return (select(Person.id).join(other, (other.name_key == Person.name_key)
                                   & (other.birth_date == Person.birth_date) & (other.id != Person.id))
            .where(Person.birth_date.is_not(None)))


def _years_ago(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def search_words(text: str) -> list[str] | None:
    """The name keys of a word search; None when the text is empty or a NIK / No. KK search."""
    text = text.strip()
    digits = clean_identifier(text)
    if not text or (digits.isdigit() and len(digits) >= 4):
        return None
    return [w for w in name_key(text).split(" ") if w] or None


def text_conditions(text: str, dialect: str, plan: str = "index", sight: Sight = Sight()) -> list:
    """The search box's conditions. `plan` (SQLite, see first_screen): "index" finds the rows
    through the search index, "lookup" looks each row up in the index's answer, "row" judges each
    row on its own text."""
    text = text.strip()
    if not text:
        return []
    words = search_words(text)
    if words is None:
        digits = clean_identifier(text)
        if not digits.isdigit():
            return []
        if sight.whole_ids_only:
            kk = select(Family.id).where(Family.no_kk == digits)
            return [or_(Person.nik == digits, Person.family_id.in_(kk))] if len(digits) == 16 else [false()]
        # Identifier search: NIK or No. KK starting with the digits typed.
        return [or_(Person.nik.startswith(digits),
                    Person.family_id.in_(select(Family.id).where(Family.no_kk.startswith(digits))))]
    conditions = []
    if all(len(w) == 1 for w in words):
        # The first keystroke: names starting with that letter, an index range instead of a
        # search that would match nearly everyone.
        letter, words = words[0], words[1:]
        conditions.append(and_(Person.name_key >= letter, Person.name_key < chr(ord(letter) + 1)))
    if words:  # every word somewhere in the name or the address
        conditions.append(row_match(words) if plan == "row" else person_match(words, dialect, plan == "lookup"))
    return conditions


def filter_conditions(f: PersonFilter, today: dt.date, sight: Sight = Sight()) -> list:
    """Every filter but the search box."""
    conditions = []
    if f.ppks_category is not None and f.ppks_category in sight.hidden:
        return [false()]  # matches nothing, as a category that does not exist would
    if f.desa_code:
        conditions.append(Person.desa_code == f.desa_code)
    if f.rt:
        conditions.append(Person.rt == f.rt)
    if f.rw:
        conditions.append(Person.rw == f.rw)
    if f.sex:
        conditions.append(Person.sex == f.sex)
    if f.life_status:
        conditions.append(Person.life_status == f.life_status)
    if f.age_min is not None:
        conditions.append(Person.birth_date <= _years_ago(today, f.age_min))
    if f.age_max is not None:
        conditions.append(Person.birth_date > _years_ago(today, f.age_max + 1))
    if f.without_nik:
        conditions.append(Person.nik.is_(None))
    if f.nik_mismatch:
        conditions.append(Person.nik_mismatch.is_(True))
    if f.duplicates:
        conditions.append(Person.id.in_(duplicate_person_ids()))
    if f.family_without_head:
        heads = select(Person.family_id).where(Person.relationship_code == 1, Person.family_id.is_not(None))
        conditions.append(Person.family_id.is_not(None))
        conditions.append(Person.family_id.not_in(heads))
    if f.desil_max is not None:
        conditions.append(Person.family_id.in_(select(Family.id).where(Family.desil <= f.desil_max)))
    if f.ppks_category is not None or f.ppks_status:
        own = [PpksRecord.person_id == Person.id]
        fam = [PpksRecord.family_id == Person.family_id]
        extra = []
        if f.ppks_category is not None:
            extra.append(PpksRecord.category_no == f.ppks_category)
        if f.ppks_status:
            extra.append(PpksRecord.status == f.ppks_status)
        if sight.hidden:  # "any category, status X" must not count the hidden ones
            extra.append(PpksRecord.category_no.not_in(sight.hidden))
        conditions.append(or_(exists().where(and_(*own, *extra)), exists().where(and_(*fam, *extra))))
    return conditions


def person_query(f: PersonFilter, sort: str, descending: bool, today: dt.date, dialect: str,
                 plan: str = "index", sight: Sight = Sight()) -> Select:
    if sort not in PERSON_SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    stmt = select(Person.id)
    if sort == "no_kk":
        stmt = stmt.outerjoin(Family, Family.id == Person.family_id)
    if sort == "desa":
        region = aliased(Region)
        stmt = stmt.outerjoin(region, region.code == Person.desa_code)
        keys = [region.name, Person.name_key]
    else:
        keys = {"name": [Person.name_key], "nik": [Person.nik], "sex": [Person.sex, Person.name_key],
                "birth_date": [Person.birth_date], "rt_rw": [Person.desa_code, Person.rw, Person.rt, Person.name_key],
                "no_kk": [Family.no_kk, Person.relationship_code]}[sort]
    # Unknown values (no NIK, no birth date) go last either way, alike on SQLite and PostgreSQL. A
    # name is never unknown: without NULLS LAST SQLite walks its index in order.
    order = [k.desc() if descending else k.asc() for k in keys]
    if sort != "name":
        order = [o.nulls_last() for o in order]
    order.append(Person.id.desc() if descending else Person.id.asc())
    conditions = text_conditions(f.text, dialect, plan, sight) + filter_conditions(f, today, sight)
    return stmt.where(*conditions).order_by(*order)


def person_ids(session: Session, f: PersonFilter = PersonFilter(), sort: str = "name", descending: bool = False,
               today: dt.date | None = None, stop: Callable[[], bool] | None = None) -> list[int] | None:
    """Every matching person's id, in the order the list shows them; None when `stop()` said so
    before the answer was complete (a newer search is waiting; SQLite only)."""
    stmt = person_query(f, sort, descending, today or dt.date.today(), session.get_bind().dialect.name,
                        sight=sight_of(session))
    conn = session.connection()
    try:
        with interruptible(conn, stop):
            # Through Core: the ORM's result handling would double the time for a long list of ids.
            return list(conn.execute(stmt).scalars().all())
    except Interrupted:
        return None


@dataclass(frozen=True, slots=True)
class PersonListRow:
    id: int
    nik: str | None
    name: str
    sex: str
    birth_date: dt.date | None
    age: int | None
    desa: str | None
    rt: str | None
    rw: str | None
    no_kk: str | None
    ppks: str  # category codes, e.g. "LUT, PD"
    nik_mismatch: bool
    life_status: str


def person_rows(session: Session, ids: Sequence[int], today: dt.date | None = None) -> dict[int, PersonListRow]:
    """The rows for these ids (one query for the people, one for their PPKS codes)."""
    privacy.require_view(session)
    if not ids:
        return {}
    today = today or dt.date.today()
    region = aliased(Region)
    stmt = (select(Person.id, Person.nik, Person.name, Person.sex, Person.birth_date, region.name, Person.rt,
                   Person.rw, Family.no_kk, Person.nik_mismatch, Person.life_status, Person.family_id)
            .outerjoin(region, region.code == Person.desa_code)
            .outerjoin(Family, Family.id == Person.family_id)
            .where(Person.id.in_(list(ids))))
    found = session.execute(stmt).all()
    family_ids = {r[11] for r in found if r[11] is not None}
    codes: dict[tuple[str, int], list[str]] = {}
    ppks = (select(PpksRecord.person_id, PpksRecord.family_id, PpksCategory.code).join(PpksCategory)
            .where(or_(PpksRecord.person_id.in_(list(ids)), PpksRecord.family_id.in_(family_ids)),
                   privacy.shown_records(session))
            .order_by(PpksCategory.no))
    for pid, fid, code in session.execute(ppks):
        key = ("p", pid) if pid is not None else ("f", fid)
        codes.setdefault(key, []).append(code)
    out = {}
    for pid, nik, name, sex, birth, desa, rt, rw, kk, mismatch, life, fid in found:
        age = None
        if birth:
            age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
        cats = codes.get(("p", pid), []) + codes.get(("f", fid), []) if fid else codes.get(("p", pid), [])
        out[pid] = PersonListRow(pid, privacy.nik(session, nik), name, sex.value, birth, age, desa, rt, rw,
                                 privacy.nik(session, kk), ", ".join(cats),
                                 mismatch, life.value)
    return out


# ---- families ---------------------------------------------------------------------------------

FAMILY_SORTS = ("no_kk", "head", "desa", "members", "desil")


@dataclass(frozen=True)
class FamilyFilter:
    text: str = ""  # No. KK digits, or a member's name
    desa_code: str | None = None
    desil_max: int | None = None
    without_head: bool = False


def family_ids(session: Session, f: FamilyFilter = FamilyFilter(), sort: str = "no_kk",
               descending: bool = False) -> list[int]:
    if sort not in FAMILY_SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    privacy.require_view(session)
    head = aliased(Person)
    stmt = select(Family.id).outerjoin(head, (head.family_id == Family.id) & (head.relationship_code == 1))
    conditions = []
    text = f.text.strip()
    if text:
        digits = clean_identifier(text)
        if digits.isdigit() and len(digits) >= 4 and not privacy.reveals_nik(session):
            conditions.append(or_(Family.no_kk == digits, Family.id.in_(
                select(Person.family_id).where(Person.nik == digits))) if len(digits) == 16 else false())
        elif digits.isdigit() and len(digits) >= 4:
            conditions.append(or_(Family.no_kk.startswith(digits), Family.id.in_(
                select(Person.family_id).where(Person.nik.startswith(digits)))))
        else:
            for w in name_key(text).split(" "):
                conditions.append(Family.id.in_(select(Person.family_id).where(Person.name_key.like(f"%{w}%"))))
    if f.desa_code:
        conditions.append(Family.desa_code == f.desa_code)
    if f.desil_max is not None:
        conditions.append(Family.desil <= f.desil_max)
    if f.without_head:
        conditions.append(head.id.is_(None))
    if sort == "members":
        size = select(func.count()).where(Person.family_id == Family.id).scalar_subquery()
        keys = [size]
    elif sort == "desa":
        region = aliased(Region)
        stmt = stmt.outerjoin(region, region.code == Family.desa_code)
        keys = [region.name, Family.rw, Family.rt]
    else:
        keys = {"no_kk": [Family.no_kk], "head": [head.name_key], "desil": [Family.desil]}[sort]
    order = [(k.desc() if descending else k.asc()).nulls_last() for k in keys]
    order.append(Family.id.desc() if descending else Family.id.asc())
    return list(session.scalars(stmt.where(*conditions).order_by(*order)))


@dataclass(frozen=True, slots=True)
class FamilyListRow:
    id: int
    no_kk: str | None
    head: str | None
    head_nik: str | None
    desa: str | None
    rt: str | None
    rw: str | None
    members: int
    desil: int | None
    ppks: str


def family_rows(session: Session, ids: Sequence[int]) -> dict[int, FamilyListRow]:
    privacy.require_view(session)
    if not ids:
        return {}
    ids = list(ids)
    heads = {fid: (name, nik) for fid, name, nik in session.execute(
        select(Person.family_id, Person.name, Person.nik).where(Person.family_id.in_(ids),
                                                                 Person.relationship_code == 1))}
    sizes = dict(session.execute(select(Person.family_id, func.count()).where(Person.family_id.in_(ids))
                                 .group_by(Person.family_id)).all())
    codes: dict[int, list[str]] = {}
    for fid, code in session.execute(select(PpksRecord.family_id, PpksCategory.code).join(PpksCategory)
                                     .where(PpksRecord.family_id.in_(ids), privacy.shown_records(session))
                                     .order_by(PpksCategory.no)):
        codes.setdefault(fid, []).append(code)
    region = aliased(Region)
    out = {}
    for fid, kk, desa, rt, rw, desil in session.execute(
            select(Family.id, Family.no_kk, region.name, Family.rt, Family.rw, Family.desil)
            .outerjoin(region, region.code == Family.desa_code).where(Family.id.in_(ids))):
        head = heads.get(fid, (None, None))
        out[fid] = FamilyListRow(fid, privacy.nik(session, kk), head[0], privacy.nik(session, head[1]), desa, rt, rw,
                                 sizes.get(fid, 0), desil,
                                 ", ".join(codes.get(fid, ())))
    return out


# ---- PSKS -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PsksFilter:
    text: str = ""
    type_no: int | None = None
    desa_code: str | None = None  # where it sits or what it covers
    active: bool | None = None


@dataclass(frozen=True, slots=True)
class PsksListRow:
    id: int
    type_code: str
    type_name: str
    name: str
    sk_number: str | None
    term_end: dt.date | None
    desa: str | None
    members: int
    active: bool


def _psks_query():
    from desktop.core.db.models import PsksEntry, PsksType

    holder, fam_head = aliased(Person), aliased(Person)
    name = func.coalesce(holder.name, PsksEntry.org_name,
                         select(fam_head.name).where(fam_head.family_id == PsksEntry.family_id,
                                                     fam_head.relationship_code == 1).limit(1).scalar_subquery())
    return PsksEntry, PsksType, holder, name


def psks_ids(session: Session, f: PsksFilter = PsksFilter()) -> list[int]:
    from desktop.core.db.models import PsksCoverage

    PsksEntry, PsksType, holder, name = _psks_query()
    stmt = select(PsksEntry.id).join(PsksType).outerjoin(holder, holder.id == PsksEntry.person_id)
    if f.text.strip():
        for w in name_key(f.text).split(" "):
            stmt = stmt.where(or_(func.upper(name).like(f"%{w}%"), func.upper(PsksType.name).like(f"%{w}%"),
                                  PsksEntry.sk_number.like(f"%{w}%")))
    if f.type_no is not None:
        stmt = stmt.where(PsksEntry.type_no == f.type_no)
    if f.active is not None:
        stmt = stmt.where(PsksEntry.active.is_(f.active))
    if f.desa_code:
        stmt = stmt.where(or_(PsksEntry.desa_code == f.desa_code, PsksEntry.id.in_(
            select(PsksCoverage.psks_id).where(PsksCoverage.desa_code == f.desa_code))))
    return list(session.scalars(stmt.order_by(PsksType.no, name, PsksEntry.id)))


def psks_rows(session: Session, ids: Sequence[int]) -> dict[int, PsksListRow]:
    from desktop.core.db.models import PsksMember

    if not ids:
        return {}
    PsksEntry, PsksType, holder, name = _psks_query()
    sizes = dict(session.execute(select(PsksMember.psks_id, func.count()).where(PsksMember.psks_id.in_(list(ids)))
                                 .group_by(PsksMember.psks_id)).all())
    region = aliased(Region)
    stmt = (select(PsksEntry.id, PsksType.code, PsksType.name, name, PsksEntry.sk_number, PsksEntry.term_end,
                   region.name, PsksEntry.active)
            .join(PsksType).outerjoin(holder, holder.id == PsksEntry.person_id)
            .outerjoin(region, region.code == PsksEntry.desa_code).where(PsksEntry.id.in_(list(ids))))
    return {r[0]: PsksListRow(r[0], r[1], r[2], r[3] or "", r[4], r[5], r[6], sizes.get(r[0], 0), r[7])
            for r in session.execute(stmt)}
