"""The outgoing-letter register and the referral letter itself.

Numbers come from a per-year counter that is bumped and read in one UPDATE … RETURNING: on
PostgreSQL the row lock holds a second operator's transaction until the first commits, on SQLite
the database write lock does the same, so no number is ever issued twice. A cancelled number
stays in the register as cancelled and is never reused; a new year starts again at 1.

A letter is frozen when it is signed: its data is kept as JSON on its register line, and every
later print draws that, so the paper a verified QR code points at never changes with the records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.core.db.audit import record_disclosure
from desktop.core.db.models import Family, LetterCounter, LetterNumber, Person, PpksCategory, Referral, Region
from desktop.core.db.models.referral import LetterLogo
from desktop.core.domain.enums import AuditAction, LetterStatus, Sex, Urgency
from desktop.core.errors import Finding, ValidationError
from desktop.core.io.dates import long_date
from desktop.core.services.common import actor, get_or_fail
from desktop.core.services.letter_numbers import format_number, opening_text
from desktop.core.services.office import require_office
from desktop.core.services import privacy
from desktop.core.services.signing import sign

if TYPE_CHECKING:
    from desktop.core.io.pdf.letter import LetterData


# ---- the outgoing-letter register ------------------------------------------------------------

def _next_seq(session: Session, year: int) -> int:
    upsert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(upsert(LetterCounter).values(year=year, last_seq=0).on_conflict_do_nothing())
    return session.execute(update(LetterCounter).where(LetterCounter.year == year)
                           .values(last_seq=LetterCounter.last_seq + 1).returning(LetterCounter.last_seq)).scalar_one()


def issue_number(session: Session, letter_date: dt.date, *, subject: str | None = None,
                 addressee: str | None = None, referral_id: int | None = None) -> LetterNumber:
    """Take the next number of the letter's year and record it in the register."""
    office = require_office(session)
    seq = _next_seq(session, letter_date.year)
    number = format_number(office.letter_pattern, seq, letter_date, office.letter_classification,
                           office.letter_unit)
    entry = LetterNumber(year=letter_date.year, seq=seq, number=number, letter_date=letter_date, subject=subject,
                         addressee=addressee, referral_id=referral_id, issued_by=actor(session))
    session.add(entry)
    session.flush()
    return entry


def cancel_number(session: Session, number_id: int, reason: str) -> None:
    entry = get_or_fail(session, LetterNumber, number_id, "nomor surat")
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
    status: LetterStatus
    cancel_reason: str | None
    issued_by: str


def register_rows(session: Session, year: int | None = None) -> list[RegisterRow]:
    """The outgoing-letter register (agenda surat keluar), newest number first."""
    stmt = select(LetterNumber).order_by(LetterNumber.year.desc(), LetterNumber.seq.desc())
    if year is not None:
        stmt = stmt.where(LetterNumber.year == year)
    return [RegisterRow(n.id, n.number, n.letter_date, n.subject, n.addressee, n.status, n.cancel_reason,
                        n.issued_by) for n in session.scalars(stmt)]


def letter_of(session: Session, referral_id: int) -> LetterNumber | None:
    """The referral's letter number (the issued one, not a cancelled one)."""
    return session.scalars(select(LetterNumber).where(LetterNumber.referral_id == referral_id,
                                                      LetterNumber.status == LetterStatus.ISSUED)
                           .order_by(LetterNumber.id.desc())).first()


def signer_snapshot(session: Session) -> dict[str, str | None]:
    """Who signs, as the office profile says today; kept with the referral once it is signed."""
    office = require_office(session)
    return {"jabatan": f"Camat {office.letterhead_office.title().removeprefix('Kecamatan ')}",
            "name": office.camat_name, "pangkat": office.camat_pangkat, "nip": office.camat_nip,
            "place": office.place_name}


# ---- the letter --------------------------------------------------------------------------------

CLOSING = ("Demikian surat rujukan ini kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan "
           "terima kasih.")
SIFAT = {Urgency.NORMAL: "Biasa", Urgency.URGENT: "Segera", Urgency.EMERGENCY: "Sangat Segera"}
SECRET = "Rahasia"  # the Sifat of a letter about a sensitive PPKS category
SEX = {Sex.MALE: "Laki-laki", Sex.FEMALE: "Perempuan"}
ARCHIVE = "Arsip"


def letter_data(session: Session, referral_id: int) -> LetterData:
    """Everything the letter prints (plain data: the PDF code needs no database). A signed letter
    is the one frozen at signing; a draft, or a letter signed before Simpul froze letters, is
    gathered from the records as they are now."""
    # reportlab comes with the first letter, not with the list or the Beranda's overdue count
    from desktop.core.io.pdf.letter import from_snapshot

    referral = get_or_fail(session, Referral, referral_id, "rujukan")
    privacy.require_category(session, referral.category_no)  # a letter about ODHA only for who may know
    letter = letter_of(session, referral.id)
    if letter is not None and letter.snapshot:
        key = letter.snapshot.get("logo_sha256")
        logo = session.get(LetterLogo, key) if key else None
        return from_snapshot(letter.snapshot, logo.content if logo else None)
    return _gather(session, referral, letter)


def freeze_letter(session: Session, referral: Referral, letter: LetterNumber) -> None:
    """Keep the letter as it is being signed on its register line (the logo once per image)."""
    from desktop.core.io.pdf.letter import snapshot

    data = _gather(session, referral, letter)
    frozen = snapshot(data)
    if data.logo:
        key = hashlib.sha256(data.logo).hexdigest()
        if session.get(LetterLogo, key) is None:
            session.add(LetterLogo(sha256=key, content=data.logo))
        frozen["logo_sha256"] = key
    letter.snapshot = frozen
    session.flush()


def _gather(session: Session, referral: Referral, letter: LetterNumber | None) -> LetterData:
    from desktop.core.io.pdf.layout import contact_line
    from desktop.core.io.pdf.letter import CATEGORY_LABEL, HIDDEN, LetterData

    office = require_office(session)
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
    sensitive = bool(category and category.sensitive)  # ppks_category.sensitive: the one list of them
    name = person.name if person else "-"
    # RT/RW never breaks across lines (a no-break space), so it is never read as two numbers.
    rt_rw = f"RT\xa0{person.rt}/RW\xa0{person.rw}" if person and (person.rt or person.rw) else None
    address = ", ".join(x for x in (person.address if person else None, rt_rw, desa.name if desa else None,
                                    f"Kecamatan {kec.name}" if kec else None) if x)
    born = ", ".join(x for x in (person.birth_place if person else None,
                                 long_date(person.birth_date) if person and person.birth_date else None) if x)
    fields = {"nama": name, "nik": (person.nik if person else None) or "-", "alamat": address,
              "ppks": category.name if category else "-", "layanan": referral.need,
              "lembaga": referral.institution.name, "permasalahan": referral.summary or "-",
              "kecamatan": kec.name if kec else ""}
    opening = opening_text(office.referral_template, fields)
    # A copy of a sensitive letter hides what would tell the category: the category itself, the
    # problem and the service asked for ("visum", "rumah aman"), wherever the template puts them.
    hidden = {**fields, "ppks": HIDDEN, "layanan": HIDDEN, "permasalahan": HIDDEN}
    copy_opening = opening_text(office.referral_template, hidden) if sensitive else None
    signer = referral.signer or signer_snapshot(session)
    letter_date = letter.letter_date if letter else dt.date.today()
    number = letter.number if letter else "(konsep – belum bernomor)"
    qr = sign(session, letter.number, letter.letter_date, person.nik if person else None, signer.get("name") or "") \
        if letter else None
    head = "Wali Kota" if regency and regency.kind == "kota" else "Bupati"
    regency_name = (regency.name.removeprefix("Kabupaten ").removeprefix("Kota ") if regency else "")
    tembusan = [f"Yth. {head} {regency_name} (sebagai laporan)"]
    if desa:
        tembusan.append(f"Yth. {'Lurah' if desa.kind == 'kelurahan' else 'Kepala Desa'} {desa.name}")
    tembusan.append(ARCHIVE)
    sifat = SIFAT[referral.urgency]
    if sensitive:
        sifat = SECRET if referral.urgency is Urgency.NORMAL else f"{sifat}, {SECRET}"
    return LetterData(
        government=office.letterhead_government, office=office.letterhead_office,
        office_address=contact_line(office.address, office.phone, office.email, office.website, office.postal_code),
        logo=office.logo, place=signer.get("place") or office.place_name or "", letter_date=letter_date,
        number=number, sifat=sifat, lampiran="1 (satu) berkas" if referral.documents else "-",
        hal=f"Rujukan Pelayanan Sosial a.n. {name}",
        addressee=referral.institution.addressee or referral.institution.name, city=referral.institution.city,
        opening=opening,
        identity=[("Nama", name), ("NIK", fields["nik"]), ("Tempat/Tanggal Lahir", born),
                  ("Jenis Kelamin", SEX.get(person.sex, "") if person else ""),
                  ("Alamat", address), ("No. KK", family.no_kk if family and family.no_kk else "-"),
                  ("Desil DTSEN", str(family.desil) if family and family.desil else "-"),
                  (CATEGORY_LABEL, fields["ppks"])],
        problem=referral.summary, need=referral.need, documents=list(referral.documents), closing=CLOSING,
        signer=signer, tembusan=tembusan, qr=qr, person_name=name, draft=letter is None, sensitive=sensitive,
        # A sensitive letter prints the copies itself, so that no photocopy carries the category.
        copies=[t for t in tembusan if t != ARCHIVE] if sensitive else [],
        copy_opening=copy_opening if copy_opening != opening else None)


@dataclass(frozen=True, slots=True)
class LetterPdf:
    """A referral letter as printed: the PDF and what its window and file are called by."""

    number: str
    person_name: str
    draft: bool  # not signed yet, so not numbered
    content: bytes


def letter_pdf(session: Session, referral_id: int, paper: str = "f4") -> LetterPdf:
    """The letter drawn as PDF, its disclosure written to the audit trail in the same transaction:
    whatever shows, prints or saves the letter goes through here, once per letter."""
    from desktop.core.io.pdf.letter import letter_bytes

    data = letter_data(session, referral_id)
    content = letter_bytes(data, paper)
    record_disclosure(session, AuditAction.PRINT, "referral", referral_id,
                      {"dokumen": "surat rujukan", "nomor": data.number})
    return LetterPdf(data.number, data.person_name, data.draft, content)
