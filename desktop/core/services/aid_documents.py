"""The papers of a distribution event, gathered from the database as plain data: coupons and the
roster before the day, the annotated roster, the Berita Acara and the Excel results after it.
Each paper is recorded in the audit log here, as it is made; desktop.core.io only draws.

Every time printed is on the office's clock (WIB, WITA or WIT by the office's region, see
domain/clock.py), never the PC's; every desa is named as what it is, Desa or Kelurahan."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lokal import partial_mask
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.audit import log_disclosure, record_disclosure
from desktop.core.db.engine import Database
from desktop.core.db.models import Allocation, LetterNumber, Person, Recipient, Region
from desktop.core.domain.clock import local, local_text, with_zone, zone_of
from desktop.core.domain.enums import AidForm, AuditAction, CollectStatus
from desktop.core.io.excel_export import ResultsData, write_results
from desktop.core.io.pdf.aid_data import (
    BastData,
    Coupon,
    CouponData,
    DesaGroup,
    Kop,
    Party,
    RosterData,
    RosterRow,
    Signer,
)
from desktop.core.services.common import get_or_fail
from desktop.core.services.distribution import get_event
from desktop.core.services.exports import ExportResult, office_lines
from desktop.core.services.office import get_office
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled
from desktop.core.services.referrals import issue_number

def mask_nik(nik: str | None) -> str:
    """ "6402061501850001" -> "6402********0001": never the birth-date digits on a public copy."""
    return partial_mask("NIK", nik) if nik else "-"


def _kop(session: Session) -> Kop:
    from desktop.core.io.pdf.layout import contact_line  # layout imports reportlab: only when drawing

    office = get_office(session)
    contact = contact_line(office.address, office.phone, office.email, office.website, office.postal_code)
    return Kop(office.letterhead_government, office.letterhead_office, contact, office.logo)


def _zone(session: Session):
    return zone_of(get_office(session).kecamatan_code)


def _kind(kind: str | None, code: str | None) -> str:
    """ "desa" or "kelurahan", as the region data says; a code without a region row tells by its
    last four digits (1xxx a kelurahan, 2xxx a desa, 3xxx a desa adat)."""
    if kind in ("desa", "kelurahan"):
        return kind
    tail = (code or "").rsplit(".", 1)[-1]
    return "kelurahan" if len(tail) == 4 and tail.startswith("1") else "desa"


def _names(session: Session):
    office = get_office(session)
    kec = session.get(Region, office.kecamatan_code)
    regency = session.get(Region, kec.parent_code) if kec else None
    return office, kec, regency


def _camat(office) -> Signer:
    kec = office.letterhead_office.title().removeprefix("Kecamatan ")
    return Signer(f"Mengetahui,\nCamat {kec}", office.camat_name or "", office.camat_nip or "",
                  office.camat_pangkat or "")


def _officer(event, office) -> Signer:
    if event.officers:
        first = event.officers[0]
        return Signer(f"{first.get('role') or 'Petugas'},", first.get("name") or "", first.get("nip") or "")
    kec = office.letterhead_office.title().removeprefix("Kecamatan ")
    return Signer(f"TKSK Kecamatan {kec},", office.tksk_name or "", office.tksk_nip or "")


DUSUN = re.compile(r"(dusun|dsn)\b", re.IGNORECASE)


def _dusun(value: str | None) -> str | None:
    """ "2" -> "Dusun 2"; a value that already says so ("Dusun 2", "Dsn. Karya", "DUSUN II") as is."""
    value = (value or "").strip()
    if not value:
        return None
    return value if DUSUN.match(value) else f"Dusun {value}"


def _address(address: str | None, rt: str | None, rw: str | None, dusun: str | None) -> str:
    return ", ".join(x for x in (address, f"RT {rt}/RW {rw}" if rt or rw else None, _dusun(dusun)) if x) or "-"


def _same(a: str | None, b: str | None) -> bool:
    """Two positions alike but for case and spacing: "Kepala Desa  rapak lambur"."""
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def _head_of(kind: str, desa: str, receiver: dict | None) -> Signer:
    """The Kepala Desa or Lurah who acknowledges a desa's roster: named when the event's
    receiver (PIHAK KEDUA of its BAST) is that very position, else a dotted line to fill in."""
    position = f"{'Lurah' if kind == 'kelurahan' else 'Kepala Desa'} {desa}"
    receiver = receiver or {}
    if _same(receiver.get("jabatan"), position):
        return Signer(f"Mengetahui,\n{position}", receiver.get("name") or "", receiver.get("nip") or "")
    return Signer(f"Mengetahui,\n{position}")


def _event_rows(session: Session, event_id: int):
    return session.execute(
        select(Allocation, Recipient, Person.address, Person.rt, Person.rw, Person.dusun, Region.name,
               Region.kind)
        .join(Recipient, Recipient.id == Allocation.recipient_id)
        .join(Person, Person.id == Recipient.person_id)
        .outerjoin(Region, Region.code == Allocation.desa_code)
        .where(Allocation.event_id == event_id)
        .order_by(Region.name.nulls_last(), Allocation.row_no))


def _note(a: Allocation, zone) -> tuple[str, bool | None]:
    if a.status == CollectStatus.COLLECTED:
        when = local_text(a.collected_at, "%H.%M", zone) if a.collected_at else ""
        if a.proxy_name:
            return f"Diwakilkan: {a.proxy_name} ({a.proxy_relation}) {when}".strip(), True
        return f"Diambil {when}".strip(), True
    if a.status == CollectStatus.ABSENT:
        return f"Tidak hadir: {a.absent_reason}", False
    return "Belum mengambil", False


def roster_data(session: Session, event_id: int, *, masked: bool = False, thumbprint: bool = True,
                annotated: bool | None = None, pages_per_desa: bool = False,
                progress: Progress = NULL_PROGRESS) -> RosterData:
    """The daftar penerima. `annotated` (default: once the event is closed) adds who collected.
    A kelurahan's rows are signed by its Lurah, a desa's by its Kepala Desa (named when the
    event's receiver is that Kepala Desa or Lurah)."""
    event = get_event(session, event_id)
    programme = event.programme
    office, kec, regency = _names(session)
    zone = zone_of(office.kecamatan_code)
    annotated = bool(event.closed_at) if annotated is None else annotated
    groups: dict[str, DesaGroup] = {}
    for n, (a, r, address, rt, rw, dusun, desa, kind) in enumerate(_event_rows(session, event_id)):
        if n % 2000 == 0:
            check_cancelled(progress)
        desa = desa or "(desa belum diisi)"
        group = groups.get(desa)
        if group is None:
            kind = _kind(kind, a.desa_code)
            group = groups[desa] = DesaGroup(desa, kind, _head_of(kind, desa, event.receiver))
        note, collected = _note(a, zone) if annotated else ("", None)
        group.rows.append(RosterRow(a.row_no, r.name, mask_nik(r.nik) if masked else (r.nik or "-"),
                                    (mask_nik(r.no_kk) if masked else r.no_kk) or "-",
                                    _address(address, rt, rw, dusun), desa, programme.item, r.amount, note, collected))
    when = with_zone(event.time_text, zone)
    return RosterData(
        kop=_kop(session), title=f"DAFTAR PENERIMA {programme.name.upper()}", programme=programme.name,
        period=programme.period, funding=programme.funding.value, kecamatan=kec.name if kec else "",
        regency=regency.name if regency else "", event_name=event.name, event_date=event.event_date,
        event_time=when, event_place=event.place, cash=programme.form == AidForm.CASH, unit=programme.unit,
        groups=list(groups.values()), camat=_camat(office), officer=_officer(event, office),
        place=office.place_name or (kec.name if kec else ""), nik_masked=masked, thumbprint=thumbprint,
        annotated=annotated, pages_per_desa=pages_per_desa)


def coupon_data(session: Session, event_id: int) -> CouponData:
    event = get_event(session, event_id)
    programme = event.programme
    coupons = [Coupon(a.row_no, r.name, mask_nik(r.nik), _address(address, rt, rw, dusun), desa or "-", a.code,
                      programme.item, r.amount, _kind(kind, a.desa_code))
               for a, r, address, rt, rw, dusun, desa, kind in _event_rows(session, event_id)]
    return CouponData(_kop(session), programme.name, programme.period, event.event_date,
                      with_zone(event.time_text, _zone(session)), event.place, programme.form == AidForm.CASH,
                      programme.unit, coupons)


def bast_number(session: Session, event_id: int, letter_date: dt.date | None = None) -> LetterNumber:
    """The BAST's number from the outgoing-letter register, taken once per event: when it is
    first printed final, that is once the event is closed."""
    event = get_event(session, event_id)
    if event.bast_number_id:
        return get_or_fail(session, LetterNumber, event.bast_number_id, "nomor surat")
    entry = issue_number(session, letter_date or event.event_date, subject=f"BAST {event.programme.name}: {event.name}",
                         addressee=(event.receiver or {}).get("name") or (event.receiver or {}).get("jabatan"))
    event.bast_number_id = entry.id
    session.flush()
    return entry


def bast_data(session: Session, event_id: int) -> BastData:
    """Final (with its number, taken now if this is the first final print) once the event is
    closed; before that a provisional copy marked SEMENTARA that takes no number."""
    event = get_event(session, event_id)
    programme = event.programme
    office, kec, _regency = _names(session)
    final = event.closed_at is not None
    number = bast_number(session, event_id).number if final else ""
    due = collected = proxy = absent = 0
    due_total = collected_total = 0
    desa: list[str] = []
    for a, r, *_rest, desa_name, kind in _event_rows(session, event_id):
        due += 1
        due_total += r.amount
        if desa_name:
            named = f"{'Kelurahan' if _kind(kind, a.desa_code) == 'kelurahan' else 'Desa'} {desa_name}"
            if named not in desa:
                desa.append(named)
        if a.status == CollectStatus.COLLECTED:
            collected += 1
            collected_total += r.amount
            proxy += a.proxy_name is not None
        elif a.status == CollectStatus.ABSENT:
            absent += 1
    officer = _officer(event, office)
    first = Party(officer.name or "", officer.heading.rstrip(","), officer.nip,
                  office.address or f"Kantor Camat {kec.name if kec else ''}")
    receiver = event.receiver or {}
    second = Party(receiver.get("name") or "", receiver.get("jabatan") or "Wakil penerima bantuan", "",
                   receiver.get("address") or "")
    witnesses = [Party(o.get("name") or "", o.get("role") or "", o.get("nip") or "") for o in event.officers[1:]]
    return BastData(
        kop=_kop(session), number=number, title=f"BERITA ACARA SERAH TERIMA {programme.name.upper()}",
        event_date=event.event_date, place=office.place_name or (kec.name if kec else ""), event_place=event.place,
        first=first, second=second, programme=programme.name, period=programme.period,
        funding=programme.funding.value, basis=programme.basis or "", item=programme.item.lower(),
        cash=programme.form == AidForm.CASH, unit=programme.unit, due_count=due, collected_count=collected,
        proxy_count=proxy, absent_count=absent, collected_total=collected_total, due_total=due_total, desa=desa,
        witnesses=witnesses, camat=_camat(office), final=final)


# Each paper is recorded in the audit log as it is made (who, when, which event, full or masked
# NIK): call these in a writing transaction.

# `progress` is told how far the drawing is, and its Cancel stops the job (Cancelled is raised and
# the transaction, audit entry and a BAST number with it, is rolled back).

def roster_pdf(session: Session, event_id: int, *, paper: str = "f4", landscape: bool = True, masked: bool = False,
               thumbprint: bool = True, annotated: bool | None = None, pages_per_desa: bool = False,
               progress: Progress = NULL_PROGRESS) -> bytes:
    from desktop.core.io.pdf.roster import roster_bytes

    data = roster_data(session, event_id, masked=masked, thumbprint=thumbprint, annotated=annotated,
                       pages_per_desa=pages_per_desa, progress=progress)
    record_disclosure(session, AuditAction.PRINT, "distribution_event", event_id, {
        "dokumen": "daftar penerima", "nik": "disamarkan" if masked else "lengkap",
        "baris": sum(len(g.rows) for g in data.groups)})
    return roster_bytes(data, paper=paper, landscape=landscape, progress=progress)


def coupons_pdf(session: Session, event_id: int, *, paper: str = "a4", progress: Progress = NULL_PROGRESS) -> bytes:
    from desktop.core.io.pdf.coupons import coupons_bytes

    data = coupon_data(session, event_id)
    check_cancelled(progress)
    record_disclosure(session, AuditAction.PRINT, "distribution_event", event_id,
                      {"dokumen": "kupon", "nik": "disamarkan", "baris": len(data.coupons)})
    return coupons_bytes(data, paper=paper, progress=progress)


def bast_pdf(session: Session, event_id: int, *, paper: str = "f4", progress: Progress = NULL_PROGRESS) -> bytes:
    """Final once the event is closed (the number is taken on the first final print); before
    that a provisional copy marked SEMENTARA, without a number."""
    from desktop.core.io.pdf.bast import bast_bytes

    progress.start(2, "Menyusun berita acara")
    data = bast_data(session, event_id)
    progress.advance()
    check_cancelled(progress)
    record_disclosure(session, AuditAction.PRINT, "distribution_event", event_id,
                      {"dokumen": "berita acara", "nomor": data.number or "sementara"})
    content = bast_bytes(data, paper=paper)
    check_cancelled(progress)
    progress.advance()
    return content


# ---- results for the regency ----------------------------------------------------------------------

STATUS_WORDS = {CollectStatus.COLLECTED: "DISALURKAN", CollectStatus.ABSENT: "TIDAK HADIR",
                CollectStatus.DUE: "BELUM DISALURKAN"}


def results_data(session: Session, event_id: int) -> ResultsData:
    """One row per recipient with what happened (times on the office's clock), and per desa the
    recipients, collected, absent, not yet, the value due and the value handed over."""
    event = get_event(session, event_id)
    programme = event.programme
    zone = _zone(session)
    lines = office_lines(session, f"HASIL PENYALURAN {programme.name.upper()} - {programme.period.upper()}")
    lines.insert(1, f"{event.name}; {event.event_date:%d-%m-%Y} di {event.place}")
    rows: list[tuple] = []
    per_desa: dict[str, list[int]] = {}
    for a, rec, address, rt, rw, dusun, desa, _kind in _event_rows(session, event_id):
        rows.append((a.row_no, desa, rec.nik, rec.no_kk, rec.name, _address(address, rt, rw, dusun), programme.item,
                     rec.amount, STATUS_WORDS[a.status], local(a.collected_at, zone) if a.collected_at else None,
                     a.proxy_name, a.proxy_relation, a.proxy_nik, a.absent_reason, a.collected_by, a.code))
        got = a.status == CollectStatus.COLLECTED
        tally = per_desa.setdefault(desa or "-", [0, 0, 0, 0, 0])
        for k, v in enumerate((1, got, a.status == CollectStatus.ABSENT, rec.amount, rec.amount if got else 0)):
            tally[k] += v
    recap = [(desa, n, got, absent, n - got - absent, value, value_got)
             for desa, (n, got, absent, value, value_got) in per_desa.items()]
    unit = "RP" if programme.form == AidForm.CASH else programme.unit.upper()
    return ResultsData(lines, rows, unit, recap)


def export_results(db: Database, event_id: int, path: Path | str) -> ExportResult:
    """The results of an event as .xlsx for the regency (IDs as text), recorded as an export of
    full NIKs."""
    path = Path(path)
    with db.read() as s:
        data = results_data(s, event_id)
    rows = write_results(path, data)
    log_disclosure(db, AuditAction.EXPORT, "distribution_event", event_id,
                   {"dokumen": "hasil penyaluran", "berkas": path.name, "nik": "lengkap", "baris": rows,
                    "tujuan": "laporan hasil penyaluran ke kabupaten"})  # the file's one use
    return ExportResult(path, rows)
