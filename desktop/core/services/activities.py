"""The PSKS activity log: what each TKSK, PSM, Karang Taruna… did, where, for whom, with photos;
the list the room shows; and PSKS care (a decree, SK, that runs out within 30 days).

Functions take a Session (the caller's transaction); the audit trail is written by the session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, undefer

from desktop.core.db.models import (
    ActivityServed,
    Family,
    Person,
    PsksActivity,
    PsksEntry,
    PsksType,
    Region,
    WorkPhoto,
)
from desktop.core.domain.enums import ActivityKind
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.services.common import get_or_fail
from desktop.core.io.photos import MAX_PHOTOS, prepare_photo

SK_WARNING_DAYS = 30


def psks_name_column():
    """A PSKS's name: its person's, its organisation's, or its family head's."""
    holder, head = aliased(Person), aliased(Person)
    name = func.coalesce(holder.name, PsksEntry.org_name,
                         select(head.name).where(head.family_id == PsksEntry.family_id, head.relationship_code == 1)
                         .limit(1).scalar_subquery())
    return holder, name


@dataclass(frozen=True, slots=True)
class Worker:
    """A PSKS as the room's chooser shows it."""

    id: int
    name: str
    type_code: str  # TKSK, PSM, KT…
    type_name: str
    desa: str | None
    nik: str | None
    sk_number: str | None
    term_end: dt.date | None
    active: bool

    @property
    def label(self) -> str:
        return f"{self.type_code} · {self.name}" + (f" ({self.desa})" if self.desa else "")


def workers(session: Session, *, active_only: bool = True, ids: list[int] | None = None) -> list[Worker]:
    """The PSKS who report activities, by type (regulation order) then name."""
    holder, name = psks_name_column()
    region = aliased(Region)
    stmt = (select(PsksEntry.id, name, PsksType.code, PsksType.name, region.name, holder.nik, PsksEntry.sk_number,
                   PsksEntry.term_end, PsksEntry.active)
            .join(PsksType, PsksType.no == PsksEntry.type_no)
            .outerjoin(holder, holder.id == PsksEntry.person_id)
            .outerjoin(region, region.code == func.coalesce(PsksEntry.desa_code, holder.desa_code))
            .order_by(PsksType.no, name, PsksEntry.id))
    if active_only:
        stmt = stmt.where(PsksEntry.active.is_(True))
    if ids is not None:
        stmt = stmt.where(PsksEntry.id.in_(ids))
    return [Worker(i, n or "-", c, tn, d, nik, sk, end, bool(a)) for i, n, c, tn, d, nik, sk, end, a
            in session.execute(stmt)]


def find_worker(session: Session, text: str) -> Worker:
    """A PSKS by id, NIK or (part of) its name; refuses when none or several match."""
    text = text.strip()
    everyone = workers(session, active_only=False)
    found = [w for w in everyone if text.isdigit() and (str(w.id) == text or w.nik == text)]
    if not found:
        found = [w for w in everyone if text.upper() in w.name.upper()]
    if len(found) != 1:
        raise SimpulError("activity.worker_unknown" if not found else "activity.worker_ambiguous", text=text,
                          count=len(found))
    return found[0]


# ---- the log -------------------------------------------------------------------------------------

@dataclass
class ActivityInput:
    psks_id: int
    activity_date: dt.date
    kind: ActivityKind
    title: str
    desa_code: str | None = None
    place: str | None = None
    notes: str | None = None
    persons_served: int = 0
    families_served: int = 0
    person_ids: list[int] = field(default_factory=list)
    family_ids: list[int] = field(default_factory=list)
    source: str = "kantor"


def _check(session: Session, data: ActivityInput) -> None:
    errors = []
    if session.get(PsksEntry, data.psks_id) is None:
        errors.append(Finding("record.not_found", params={"what": "PSKS", "id": data.psks_id}))
    if not data.title.strip():
        errors.append(Finding("activity.title"))
    if data.activity_date > dt.date.today() + dt.timedelta(days=1):
        errors.append(Finding("activity.future"))
    if data.persons_served < 0 or data.families_served < 0:
        errors.append(Finding("activity.count"))
    if errors:
        raise ValidationError(errors)


def save_activity(session: Session, data: ActivityInput, activity_id: int | None = None) -> PsksActivity:
    """Add an activity, or (with `activity_id`) replace what it says. Served persons and families
    linked from the registry count at least as many as the numbers typed."""
    _check(session, data)
    person_ids, family_ids = list(dict.fromkeys(data.person_ids)), list(dict.fromkeys(data.family_ids))
    activity = get_or_fail(session, PsksActivity, activity_id, "kegiatan") if activity_id else PsksActivity()
    activity.psks_id, activity.activity_date, activity.kind = data.psks_id, data.activity_date, ActivityKind(data.kind)
    activity.title, activity.desa_code = data.title.strip(), data.desa_code or None
    activity.place, activity.notes = (data.place or "").strip() or None, (data.notes or "").strip() or None
    activity.persons_served = max(data.persons_served, len(person_ids))
    activity.families_served = max(data.families_served, len(family_ids))
    activity.source = data.source
    activity.served = [ActivityServed(person_id=p) for p in person_ids] + \
                      [ActivityServed(family_id=f) for f in family_ids]
    if activity_id is None:
        session.add(activity)
    session.flush()
    return activity


def save_with_photos(session: Session, data: ActivityInput, activity_id: int | None, new_photos: list[bytes],
                     removed: list[int]) -> int:
    """The form's one write: the activity, the photos taken off it and the new ones (resized)."""
    activity = save_activity(session, data, activity_id)
    for photo in _photos_to_delete(session, WorkPhoto.id.in_(removed) & (WorkPhoto.activity_id == activity.id)):
        session.delete(photo)
    session.flush()
    for content in new_photos:
        add_photo(session, content, activity_id=activity.id)
    return activity.id


def _photos_to_delete(session: Session, where) -> list[WorkPhoto]:
    """Photos loaded whole: the audit entry of a deletion reads every column (the deferred bytes
    too), which must happen before the row is gone."""
    return list(session.scalars(select(WorkPhoto).options(undefer(WorkPhoto.content)).where(where)))


def delete_activity(session: Session, activity_id: int) -> None:
    activity = get_or_fail(session, PsksActivity, activity_id, "kegiatan")
    list(activity.served)  # loaded now: a lazy load later would flush the half-done deletion
    for photo in _photos_to_delete(session, WorkPhoto.activity_id == activity_id):
        session.delete(photo)
    session.delete(activity)
    session.flush()


def activity_input(session: Session, activity_id: int) -> ActivityInput:
    a = get_or_fail(session, PsksActivity, activity_id, "kegiatan")
    return ActivityInput(a.psks_id, a.activity_date, a.kind, a.title, a.desa_code, a.place, a.notes,
                         a.persons_served, a.families_served,
                         [s.person_id for s in a.served if s.person_id], [s.family_id for s in a.served if s.family_id],
                         a.source)


# ---- photos (of an activity or a visit) ---------------------------------------------------------

def add_photo(session: Session, content: bytes, *, activity_id: int | None = None, visit_id: int | None = None,
              caption: str | None = None) -> WorkPhoto:
    """Resize and keep a photo (≤ 1 MB JPEG, EXIF time and GPS kept); at most five per owner."""
    owner = WorkPhoto.activity_id == activity_id if activity_id else WorkPhoto.visit_id == visit_id
    count = session.scalar(select(func.count(WorkPhoto.id)).where(owner)) or 0
    if count >= MAX_PHOTOS:
        raise SimpulError("photo.too_many", limit=MAX_PHOTOS)
    photo = prepare_photo(content)
    row = WorkPhoto(activity_id=activity_id, visit_id=visit_id, caption=(caption or "").strip() or None,
                    taken_at=photo.taken_at, latitude=photo.latitude, longitude=photo.longitude,
                    width=photo.width, height=photo.height, size=photo.size, sha256=photo.sha256,
                    content=photo.content)
    session.add(row)
    session.flush()
    return row


def delete_photo(session: Session, photo_id: int) -> None:
    get_or_fail(session, WorkPhoto, photo_id, "foto")
    for photo in _photos_to_delete(session, WorkPhoto.id == photo_id):
        session.delete(photo)
    session.flush()


@dataclass(frozen=True, slots=True)
class PhotoRow:
    id: int
    caption: str | None
    taken_at: dt.datetime | None
    latitude: float | None
    longitude: float | None
    size: int


def photo_rows(session: Session, *, activity_id: int | None = None, visit_id: int | None = None) -> list[PhotoRow]:
    owner = WorkPhoto.activity_id == activity_id if activity_id else WorkPhoto.visit_id == visit_id
    return [PhotoRow(*r) for r in session.execute(
        select(WorkPhoto.id, WorkPhoto.caption, WorkPhoto.taken_at, WorkPhoto.latitude, WorkPhoto.longitude,
               WorkPhoto.size).where(owner).order_by(WorkPhoto.id))]


def photo_content(session: Session, photo_id: int) -> bytes:
    return get_or_fail(session, WorkPhoto, photo_id, "foto").content


# ---- the list -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ActivityRow:
    id: int
    activity_date: dt.date
    psks_id: int
    worker: str
    type_code: str
    desa: str | None
    kind: ActivityKind
    title: str
    persons: int
    families: int
    photos: int


def activity_ids(session: Session, psks_id: int | None = None, first: dt.date | None = None,
                 last: dt.date | None = None, *, desa_code: str | None = None,
                 kind: ActivityKind | None = None) -> list[int]:
    """Activities, newest first: of one PSKS, and/or between two dates (inclusive), in a desa, of a kind."""
    stmt = select(PsksActivity.id)
    if desa_code is not None:
        stmt = stmt.where(PsksActivity.desa_code == desa_code)
    if kind is not None:
        stmt = stmt.where(PsksActivity.kind == ActivityKind(kind))
    if psks_id is not None:
        stmt = stmt.where(PsksActivity.psks_id == psks_id)
    if first is not None:
        stmt = stmt.where(PsksActivity.activity_date >= first)
    if last is not None:
        stmt = stmt.where(PsksActivity.activity_date <= last)
    return list(session.scalars(stmt.order_by(PsksActivity.activity_date.desc(), PsksActivity.id.desc())))


def activities_by_id(session: Session, ids: list[int]) -> dict[int, ActivityRow]:
    if not ids:
        return {}
    holder, name = psks_name_column()
    photos = (select(WorkPhoto.activity_id, func.count().label("n")).where(WorkPhoto.activity_id.in_(ids))
              .group_by(WorkPhoto.activity_id).subquery())
    stmt = (select(PsksActivity.id, PsksActivity.activity_date, PsksActivity.psks_id, name, PsksType.code,
                   Region.name, PsksActivity.kind, PsksActivity.title, PsksActivity.persons_served,
                   PsksActivity.families_served, func.coalesce(photos.c.n, 0))
            .join(PsksEntry, PsksEntry.id == PsksActivity.psks_id)
            .join(PsksType, PsksType.no == PsksEntry.type_no)
            .outerjoin(holder, holder.id == PsksEntry.person_id)
            .outerjoin(Region, Region.code == PsksActivity.desa_code)
            .outerjoin(photos, photos.c.activity_id == PsksActivity.id)
            .where(PsksActivity.id.in_(ids)))
    return {r[0]: ActivityRow(*r[:3], r[3] or "-", *r[4:]) for r in session.execute(stmt)}


def activity_rows(session: Session, psks_id: int | None = None, first: dt.date | None = None,
                  last: dt.date | None = None) -> list[ActivityRow]:
    ids = activity_ids(session, psks_id, first, last)
    rows = activities_by_id(session, ids)
    return [rows[i] for i in ids]


def served_labels(session: Session, activity_id: int) -> list[str]:
    """ "Nama (NIK …)" / "Keluarga KK …" for each linked person and family."""
    out = []
    for person_id, family_id in session.execute(select(ActivityServed.person_id, ActivityServed.family_id)
                                                .where(ActivityServed.activity_id == activity_id)
                                                .order_by(ActivityServed.id)):
        if person_id:
            p = session.get(Person, person_id)
            out.append(f"{p.name} (NIK {p.nik or '-'})")
        else:
            f = session.get(Family, family_id)
            out.append(f"Keluarga KK {f.no_kk or f.id}")
    return out


@dataclass(frozen=True, slots=True)
class Holder:
    """A registered person or family an activity served or a visit goes to, as the pickers show it."""

    person_id: int | None
    family_id: int | None
    label: str


def _person_label(p: Person) -> str:
    return f"{p.name} (NIK {p.nik or '-'})"


def find_holders(session: Session, text: str, limit: int = 30) -> list[Holder]:
    """Persons by name or NIK, families by No. KK or their head's name, for a picker."""
    from desktop.core.domain.people import name_key

    text = text.strip()
    if len(text) < 3:
        return []
    out: list[Holder] = []
    if text.isdigit():
        people = session.scalars(select(Person).where(Person.nik.startswith(text)).order_by(Person.nik).limit(limit))
        families = session.scalars(select(Family).where(Family.no_kk.startswith(text)).order_by(Family.no_kk)
                                   .limit(limit))
    else:
        key = f"%{name_key(text)}%"
        people = session.scalars(select(Person).where(Person.name_key.like(key)).order_by(Person.name_key)
                                 .limit(limit))
        families = session.scalars(select(Family).join(Person, (Person.family_id == Family.id)
                                                       & (Person.relationship_code == 1))
                                   .where(Person.name_key.like(key)).limit(limit // 2))
    out += [Holder(p.id, None, _person_label(p)) for p in people]
    out += [Holder(None, f.id, _family_label(session, f)) for f in families]
    return out[:limit]


def _family_label(session: Session, f: Family) -> str:
    head = session.scalar(select(Person.name).where(Person.family_id == f.id, Person.relationship_code == 1)
                          .limit(1))
    return f"Keluarga {head or '-'} (KK {f.no_kk or '-'})"


def holders_of(session: Session, person_ids: list[int], family_ids: list[int]) -> list[Holder]:
    people = [Holder(i, None, _person_label(p)) for i in person_ids if (p := session.get(Person, i))]
    return people + [Holder(None, i, _family_label(session, f)) for i in family_ids if (f := session.get(Family, i))]


# ---- PSKS care ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SkExpiry:
    psks_id: int
    name: str
    type_code: str
    sk_number: str | None
    term_end: dt.date
    days_left: int  # negative: already ended


def sk_expiring(session: Session, today: dt.date | None = None, days: int = SK_WARNING_DAYS) -> list[SkExpiry]:
    """Active PSKS whose decree (SK) ends within `days` or has ended: renew or deactivate. For Beranda."""
    today = today or dt.date.today()
    holder, name = psks_name_column()
    stmt = (select(PsksEntry.id, name, PsksType.code, PsksEntry.sk_number, PsksEntry.term_end)
            .join(PsksType, PsksType.no == PsksEntry.type_no).outerjoin(holder, holder.id == PsksEntry.person_id)
            .where(PsksEntry.active.is_(True), PsksEntry.term_end.is_not(None),
                   PsksEntry.term_end <= today + dt.timedelta(days=days))
            .order_by(PsksEntry.term_end))
    return [SkExpiry(i, n or "-", c, sk, end, (end - today).days) for i, n, c, sk, end in session.execute(stmt)]
