"""Referrals and the outgoing-letter register.

Numbers come from a per-year counter that is bumped and read in one UPDATE … RETURNING: on
PostgreSQL the row lock holds a second operator's transaction until the first commits, on SQLite
the database write lock does the same, so no number is ever issued twice. A cancelled number
stays in the register as cancelled and is never reused; a new year starts again at 1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.core.db.models import Institution, LetterCounter, LetterNumber, Referral, ReferralEvent
from desktop.core.domain.enums import InstitutionKind, LetterStatus, ReferralStatus, Urgency
from desktop.core.errors import Finding, NotFoundError, SimpulError, ValidationError
from desktop.core.services.office import get_office

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
TOKENS = ("nomor", "urut", "klasifikasi", "kode", "unit", "bulan_romawi", "bulan", "tahun")

# The workflow: each status and where it may go next (closing is possible from anywhere).
NEXT = {
    ReferralStatus.DRAFT: (ReferralStatus.SIGNED, ReferralStatus.CLOSED),
    ReferralStatus.SIGNED: (ReferralStatus.SENT, ReferralStatus.CLOSED),
    ReferralStatus.SENT: (ReferralStatus.RECEIVED, ReferralStatus.CLOSED),
    ReferralStatus.RECEIVED: (ReferralStatus.FOLLOWED_UP, ReferralStatus.CLOSED),
    ReferralStatus.FOLLOWED_UP: (ReferralStatus.FOLLOWED_UP, ReferralStatus.CLOSED),
    ReferralStatus.CLOSED: (),
}


def format_number(pattern: str, seq: int, letter_date: dt.date, classification: str, unit: str) -> str:
    """ "{klasifikasi}/{nomor}/{unit}/{bulan_romawi}/{tahun}" -> "400.9/012/Kesos/XI/2026"."""
    values = {"nomor": f"{seq:03d}", "urut": f"{seq:03d}", "klasifikasi": classification, "kode": classification,
              "unit": unit, "bulan_romawi": ROMAN[letter_date.month - 1], "bulan": f"{letter_date.month:02d}",
              "tahun": str(letter_date.year)}
    try:
        return pattern.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        raise SimpulError("letter.pattern", pattern=pattern, tokens=", ".join("{" + t + "}" for t in TOKENS)) from exc


def _next_seq(session: Session, year: int) -> int:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    session.execute(upsert(LetterCounter).values(year=year, last_seq=0).on_conflict_do_nothing())
    return session.execute(update(LetterCounter).where(LetterCounter.year == year)
                           .values(last_seq=LetterCounter.last_seq + 1).returning(LetterCounter.last_seq)).scalar_one()


def issue_number(session: Session, letter_date: dt.date, *, subject: str | None = None,
                 addressee: str | None = None, referral_id: int | None = None) -> LetterNumber:
    """Take the next number of the letter's year and record it in the register."""
    office = get_office(session)
    if office is None:
        raise SimpulError("db.not_initialised")
    seq = _next_seq(session, letter_date.year)
    number = format_number(office.letter_pattern, seq, letter_date, office.letter_classification,
                           office.letter_unit)
    entry = LetterNumber(year=letter_date.year, seq=seq, number=number, letter_date=letter_date, subject=subject,
                         addressee=addressee, referral_id=referral_id, issued_by=session.info.get("actor", "system"))
    session.add(entry)
    session.flush()
    return entry


def cancel_number(session: Session, number_id: int, reason: str) -> None:
    entry = session.get(LetterNumber, number_id)
    if entry is None:
        raise NotFoundError("record.not_found", what="nomor surat", id=number_id)
    if not reason.strip():
        raise ValidationError([Finding("letter.cancel_reason")])
    entry.status, entry.cancel_reason = LetterStatus.CANCELLED, reason.strip()
    session.flush()


@dataclass(frozen=True, slots=True)
class RegisterRow:
    id: int
    number: str
    letter_date: dt.date
    subject: str | None
    addressee: str | None
    status: str
    cancel_reason: str | None
    issued_by: str


def register_rows(session: Session, year: int | None = None) -> list[RegisterRow]:
    """The outgoing-letter register (agenda surat keluar), newest number first."""
    stmt = select(LetterNumber).order_by(LetterNumber.year.desc(), LetterNumber.seq.desc())
    if year is not None:
        stmt = stmt.where(LetterNumber.year == year)
    return [RegisterRow(n.id, n.number, n.letter_date, n.subject, n.addressee, n.status.value, n.cancel_reason,
                        n.issued_by) for n in session.scalars(stmt)]


@dataclass
class ReferralInput:
    institution_id: int
    need: str
    person_id: int | None = None
    family_id: int | None = None
    category_no: int | None = None
    summary: str | None = None
    urgency: str = Urgency.BIASA.value
    documents: list[str] = field(default_factory=list)
    follow_up_due: dt.date | None = None


def create_referral(session: Session, data: ReferralInput, note: str | None = None) -> Referral:
    errors = []
    if (data.person_id is None) == (data.family_id is None):
        errors.append(Finding("referral.holder"))
    if not data.need.strip():
        errors.append(Finding("referral.need"))
    if session.get(Institution, data.institution_id) is None:
        errors.append(Finding("record.not_found", params={"what": "lembaga", "id": data.institution_id}))
    if errors:
        raise ValidationError(errors)
    referral = Referral(person_id=data.person_id, family_id=data.family_id, institution_id=data.institution_id,
                        category_no=data.category_no, need=data.need.strip(), summary=data.summary,
                        urgency=Urgency(data.urgency), documents=list(data.documents),
                        follow_up_due=data.follow_up_due)
    session.add(referral)
    session.flush()
    session.add(ReferralEvent(referral_id=referral.id, actor=session.info.get("actor", "system"), from_status=None,
                              to_status=ReferralStatus.DRAFT.value, note=note))
    session.flush()
    return referral


def signer_snapshot(session: Session) -> dict[str, str | None]:
    """Who signs, as the office profile says today; kept with the referral once it is signed."""
    office = get_office(session)
    return {"jabatan": f"Camat {office.letterhead_office.title().removeprefix('Kecamatan ')}",
            "name": office.camat_name, "pangkat": office.camat_pangkat, "nip": office.camat_nip,
            "place": office.place_name}


def move(session: Session, referral_id: int, to: str, *, note: str | None = None,
         follow_up_due: dt.date | None = None, letter_date: dt.date | None = None,
         on_behalf: dict[str, str | None] | None = None) -> Referral:
    """Move a referral to its next status. Signing takes a letter number and freezes the signer:
    the Camat, or with `on_behalf` (jabatan, name, pangkat, nip) an official signing "a.n. Camat"."""
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise NotFoundError("record.not_found", what="rujukan", id=referral_id)
    target = ReferralStatus(to)
    if target not in NEXT[referral.status]:
        raise SimpulError("referral.transition", current=referral.status.value, target=target.value)
    if target == ReferralStatus.SIGNED:
        letter_date = letter_date or dt.date.today()
        issue_number(session, letter_date, subject=f"Rujukan: {referral.need}",
                     addressee=referral.institution.addressee or referral.institution.name, referral_id=referral.id)
        referral.signer = signer_snapshot(session)
        if on_behalf:
            if not (on_behalf.get("name") or "").strip() or not (on_behalf.get("jabatan") or "").strip():
                raise ValidationError([Finding("referral.on_behalf")])
            referral.signer = {"an": referral.signer["jabatan"], "place": referral.signer["place"],
                               **{k: (on_behalf.get(k) or "").strip() or None
                                  for k in ("jabatan", "name", "pangkat", "nip")}}
        from desktop.core.services.signing import office_key

        office_key(session)  # made here, in a writing transaction, so every later print signs alike
    session.add(ReferralEvent(referral_id=referral.id, actor=session.info.get("actor", "system"),
                              from_status=referral.status.value, to_status=target.value, note=note))
    referral.status = target
    if follow_up_due is not None:
        referral.follow_up_due = follow_up_due
    session.flush()
    return referral


def letter_of(session: Session, referral_id: int) -> LetterNumber | None:
    """The referral's letter number (the issued one, not a cancelled one)."""
    return session.scalars(select(LetterNumber).where(LetterNumber.referral_id == referral_id,
                                                      LetterNumber.status == LetterStatus.ISSUED)
                           .order_by(LetterNumber.id.desc())).first()


def overdue(session: Session, today: dt.date | None = None) -> list[Referral]:
    """Referrals whose follow-up date has passed and that are not closed, oldest first."""
    today = today or dt.date.today()
    return list(session.scalars(select(Referral).where(
        Referral.follow_up_due < today, Referral.status != ReferralStatus.CLOSED).order_by(Referral.follow_up_due)))


def default_institutions(regency: str, kecamatan: str) -> list[dict]:
    """The services a kecamatan office usually refers to; the office edits the list later."""
    kab = regency.removeprefix("Kabupaten ").removeprefix("Kota ")
    return [
        {"name": f"Dinas Sosial {regency}", "kind": InstitutionKind.DINSOS,
         "addressee": f"Kepala Dinas Sosial {regency}"},
        {"name": f"RSUD {kab}", "kind": InstitutionKind.KESEHATAN, "addressee": f"Direktur RSUD {kab}"},
        {"name": f"Puskesmas {kecamatan}", "kind": InstitutionKind.KESEHATAN,
         "addressee": f"Kepala Puskesmas {kecamatan}"},
        {"name": f"UPTD PPA {regency}", "kind": InstitutionKind.PPA, "addressee": f"Kepala UPTD PPA {regency}"},
        {"name": f"Dinas Kependudukan dan Pencatatan Sipil {regency}", "kind": InstitutionKind.DUKCAPIL,
         "addressee": f"Kepala Dinas Kependudukan dan Pencatatan Sipil {regency}"},
    ]


def ensure_institutions(session: Session, regency: str, kecamatan: str, city: str | None) -> int:
    """Add the usual institutions when the office has none yet; returns how many were added."""
    if session.scalar(select(Institution.id).limit(1)) is not None:
        return 0
    rows = default_institutions(regency, kecamatan)
    session.add_all([Institution(**row, city=city, active=True) for row in rows])  # audited like any insert
    session.flush()
    return len(rows)


DEFAULT_OPENING = ("Dengan hormat,\n\nBersama ini kami rujuk warga Kecamatan {kecamatan} tersebut di bawah ini untuk "
                   "mendapatkan {layanan} pada {lembaga}, dengan identitas sebagai berikut:")
TEMPLATE_FIELDS = ("nama", "nik", "alamat", "ppks", "layanan", "lembaga", "permasalahan", "kecamatan")


def check_template(template: str) -> None:
    """Raise with the field names an operator may use when the template names another."""
    try:
        template.format(**{f: "" for f in TEMPLATE_FIELDS})
    except KeyError as exc:
        raise SimpulError("referral.template_field", field=exc.args[0],
                          fields=", ".join("{" + f + "}" for f in TEMPLATE_FIELDS)) from None
    except (IndexError, ValueError):
        raise SimpulError("referral.template_braces") from None


CLOSING = ("Demikian surat rujukan ini kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan "
           "terima kasih.")
SIFAT = {"biasa": "Biasa", "segera": "Segera", "darurat": "Sangat Segera"}


def letter_data(session: Session, referral_id: int):
    """Everything the letter prints, gathered once (plain data: the PDF code needs no database)."""
    from desktop.core.db.models import Family, Person, PpksCategory, Region
    from desktop.core.io.pdf.letter import LetterData
    from desktop.core.services.signing import sign

    referral = session.get(Referral, referral_id)
    if referral is None:
        raise NotFoundError("record.not_found", what="rujukan", id=referral_id)
    office = get_office(session)
    family = session.get(Family, referral.family_id) if referral.family_id else None
    if referral.person_id:
        person = session.get(Person, referral.person_id)
        family = family or (session.get(Family, person.family_id) if person.family_id else None)
    else:
        person = session.scalars(select(Person).where(Person.family_id == referral.family_id,
                                                      Person.relationship_code == 1)).first()
    kec = session.get(Region, office.kecamatan_code)
    regency = session.get(Region, kec.parent_code) if kec else None
    desa = session.get(Region, person.desa_code) if person and person.desa_code else None
    category = session.get(PpksCategory, referral.category_no) if referral.category_no else None
    name = person.name if person else "-"
    address = ", ".join(x for x in (person.address if person else None,
                                    f"RT {person.rt}/RW {person.rw}" if person and (person.rt or person.rw) else None,
                                    desa.name if desa else None, f"Kecamatan {kec.name}" if kec else None) if x)
    born = ", ".join(x for x in (person.birth_place if person else None,
                                 format_long(person.birth_date) if person and person.birth_date else None) if x)
    fields = {"nama": name, "nik": (person.nik if person else None) or "-", "alamat": address,
              "ppks": category.name if category else "-", "layanan": referral.need, "lembaga": referral.institution.name,
              "permasalahan": referral.summary or "-", "kecamatan": kec.name if kec else ""}
    template = office.referral_template or DEFAULT_OPENING
    try:
        opening = template.format(**fields)
    except (KeyError, IndexError, ValueError):
        opening = DEFAULT_OPENING.format(**fields)
    letter = letter_of(session, referral.id)
    signer = referral.signer or signer_snapshot(session)
    letter_date = letter.letter_date if letter else dt.date.today()
    number = letter.number if letter else "(konsep – belum bernomor)"
    qr = sign(session, letter.number, letter.letter_date, person.nik if person else None, signer.get("name") or "") \
        if letter else None
    contact = " · ".join(x for x in (office.address, f"Telp. {office.phone}" if office.phone else None, office.email,
                                     office.website, f"Kode Pos {office.postal_code}" if office.postal_code else None)
                         if x)
    head = "Wali Kota" if regency and regency.kind == "kota" else "Bupati"
    regency_name = (regency.name.removeprefix("Kabupaten ").removeprefix("Kota ") if regency else "")
    tembusan = [f"Yth. {head} {regency_name} (sebagai laporan)"]
    if desa:
        tembusan.append(f"Yth. {'Lurah' if desa.kind == 'kelurahan' else 'Kepala Desa'} {desa.name}")
    tembusan.append("Arsip")
    return LetterData(
        government=office.letterhead_government, office=office.letterhead_office, office_address=contact,
        logo=office.logo, place=signer.get("place") or office.place_name or "", letter_date=letter_date,
        number=number, sifat=SIFAT[referral.urgency.value],
        lampiran="1 (satu) berkas" if referral.documents else "-",
        hal=f"Rujukan Pelayanan Sosial a.n. {name}",
        addressee=referral.institution.addressee or referral.institution.name, city=referral.institution.city,
        opening=opening,
        identity=[("Nama", name), ("NIK", fields["nik"]), ("Tempat/Tanggal Lahir", born),
                  ("Jenis Kelamin", {"L": "Laki-laki", "P": "Perempuan"}.get(person.sex.value, "") if person else ""),
                  ("Alamat", address), ("No. KK", family.no_kk if family and family.no_kk else "-"),
                  ("Desil DTSEN", str(family.desil) if family and family.desil else "-"),
                  ("Kategori PPKS", fields["ppks"])],
        problem=referral.summary, need=referral.need, documents=list(referral.documents), closing=CLOSING,
        signer=signer, tembusan=tembusan, qr=qr, person_name=name, draft=letter is None)


def format_long(d: dt.date) -> str:
    from desktop.core.io.pdf.letter import long_date

    return long_date(d)


@dataclass(frozen=True)
class ReferralRow:
    id: int
    person: str
    institution: str
    need: str
    status: str
    number: str | None
    follow_up_due: dt.date | None


def referral_rows(session: Session) -> list[ReferralRow]:
    """All referrals, newest first, in one query (the list is refreshed after every action)."""
    from sqlalchemy import func
    from sqlalchemy.orm import aliased

    from desktop.core.db.models import Family, Person

    issued = (select(LetterNumber.referral_id, func.max(LetterNumber.id).label("id"))
              .where(LetterNumber.status == LetterStatus.ISSUED, LetterNumber.referral_id.is_not(None))
              .group_by(LetterNumber.referral_id).subquery())
    letter = aliased(LetterNumber)
    query = (select(Referral.id, Person.name, Family.no_kk, Referral.family_id, Institution.name, Referral.need,
                    Referral.status, letter.number, Referral.follow_up_due)
             .join(Institution, Institution.id == Referral.institution_id)
             .outerjoin(Person, Person.id == Referral.person_id)
             .outerjoin(Family, Family.id == Referral.family_id)
             .outerjoin(issued, issued.c.referral_id == Referral.id)
             .outerjoin(letter, letter.id == issued.c.id)
             .order_by(Referral.id.desc()))
    return [ReferralRow(rid, person or f"Keluarga {no_kk or family_id}", institution, need, status.value, number, due)
            for rid, person, no_kk, family_id, institution, need, status, number, due in session.execute(query)]


INSTITUTION_FIELDS = ("name", "kind", "addressee", "address", "city", "phone", "contact_person", "active")


def save_institution(session: Session, values: dict, institution_id: int | None = None) -> Institution:
    """Add or change a receiving institution (audited like any record)."""
    name = (values.get("name") or "").strip()
    if not name:
        raise ValidationError([Finding("institution.name")])
    institution = session.get(Institution, institution_id) if institution_id else Institution()
    if institution is None:
        raise NotFoundError("record.not_found", what="lembaga", id=institution_id)
    for key in INSTITUTION_FIELDS:
        if key in values:
            value = values[key]
            if key == "kind":
                value = InstitutionKind(value)
            elif isinstance(value, str):
                value = value.strip() or None
            setattr(institution, key, value)
    institution.name = name
    session.add(institution)
    session.flush()
    return institution


def institutions(session: Session) -> list[Institution]:
    return list(session.scalars(select(Institution).order_by(Institution.active.desc(), Institution.name)))


def institution_choices(session: Session) -> list[tuple[int, str]]:
    return [(i.id, i.name) for i in session.scalars(select(Institution).where(Institution.active.is_(True))
                                                     .order_by(Institution.name))]


def next_statuses(session: Session, referral_id: int) -> list[str]:
    referral = session.get(Referral, referral_id)
    return [s.value for s in NEXT[referral.status]] if referral else []


@dataclass(frozen=True)
class Holder:
    person_id: int | None
    family_id: int | None
    label: str


def find_holder(session: Session, number: str, *, family: bool) -> Holder | None:
    """The person with this NIK, or (family=True) the family with this No. KK, for a referral.
    Raises SimpulError when the number itself is malformed."""
    from desktop.core.db.models import Family, Person
    from desktop.core.domain.identity import check_kk, check_nik

    checked = (check_kk if family else check_nik)(number, check_region=False)
    if not checked.valid:
        raise SimpulError(checked.errors[0].code, **checked.errors[0].params)
    if family:
        fam = session.scalars(select(Family).where(Family.no_kk == checked.value)).first()
        if fam is None:
            return None
        head = session.scalars(select(Person.name).where(Person.family_id == fam.id, Person.relationship_code == 1)
                               ).first()
        return Holder(None, fam.id, f"Keluarga {head or '-'} (KK {fam.no_kk})")
    person = session.scalars(select(Person).where(Person.nik == checked.value)).first()
    return Holder(person.id, None, person.name) if person else None


@dataclass(frozen=True)
class StepRow:
    at: dt.datetime
    actor: str
    to_status: str
    note: str | None


def referral_steps(session: Session, referral_id: int) -> list[StepRow]:
    return [StepRow(e.at, e.actor, e.to_status, e.note) for e in session.scalars(
        select(ReferralEvent).where(ReferralEvent.referral_id == referral_id).order_by(ReferralEvent.id))]
