"""The demo's DTKS cycle: complaints in every status (one overdue), a closed round with its musdes
and papers' data in the first desa, a round in progress in the second (half typed, one silang
line), and proposals in several statuses. Deterministic for a given `rng`."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.models import Family, Person
from desktop.core.domain.enums import ComplaintCategory, ComplaintChannel, ComplaintStatus, ProposalStatus, ResultCode
from desktop.core.domain.verivali import CRITERIA
from desktop.core.services import complaints, musdes, proposals, verivali
from desktop.core.services.verivali_close import close_in

SUMMARIES = {
    ComplaintCategory.NOT_REGISTERED: "Keluarga lansia belum terdaftar di DTKS, mohon diusulkan.",
    ComplaintCategory.MISTARGETED: "Tetangga yang punya mobil dan toko masih menerima BPNT.",
    ComplaintCategory.NOT_RECEIVED: "Sudah terdaftar PKH tetapi bantuan tahap ini tidak cair.",
    ComplaintCategory.WRONG_DATA: "NIK di data penerima salah satu digit, tidak bisa mencairkan.",
    ComplaintCategory.OTHER: "Menanyakan jadwal penyaluran beras di desa.",
}
# One ticket per status, in order of how far it went; notes as the desk writes them.
PATHS = (
    (),
    ((ComplaintStatus.IN_PROGRESS, "Dicek ke data DTKS desa."),),
    ((ComplaintStatus.IN_PROGRESS, "Dicek."), (ComplaintStatus.WAITING, "Menunggu jawaban Dinas Sosial.")),
    ((ComplaintStatus.IN_PROGRESS, "Dicek."), (ComplaintStatus.DONE, "Sudah dijelaskan, bantuan cair tahap berikut.")),
    ((ComplaintStatus.REJECTED, "Bukan kewenangan kecamatan; diarahkan ke bank penyalur."),),
)


def demo_verivali(session: Session, rng: random.Random, today: dt.date, desa: list[tuple[str, str]]) -> dict:
    """`desa`: (code, name) of the kecamatan's desa, as the demo has them."""
    made = {"complaints": 0, "rounds": 0, "proposals": 0}
    people = list(session.execute(select(Person.id, Person.name, Person.nik, Person.desa_code)
                                  .where(Person.nik.is_not(None), Person.relationship_code == 1).limit(400)))
    for n, category in enumerate(list(ComplaintCategory) * 2):
        pid, name, nik, desa_code = rng.choice(people) if people else (None, "WARGA", None, None)
        received = today - dt.timedelta(days=rng.randint(1, 40))
        c = complaints.add_complaint(session, complaints.ComplaintInput(
            complainant=name, summary=SUMMARIES[category], category=category,
            channel=rng.choice(list(ComplaintChannel)), received_on=received, complainant_nik=nik,
            phone=f"08{rng.randint(1100000000, 1399999999)}", desa_code=desa_code, person_id=pid))
        for status, note in PATHS[n % len(PATHS)]:
            complaints.move(session, c.id, status, note)
        made["complaints"] += 1
    with_families = [(code, name) for code, name in desa
                     if session.scalar(select(Family.id).where(Family.desa_code == code).limit(1))]
    if not with_families:
        return made
    first = with_families[0][0]
    second = with_families[1][0] if len(with_families) > 1 else first
    # A closed round, its musdes held.
    closed = verivali.create_round(session, first, f"{_month(today, -1)}", today - dt.timedelta(days=20))
    verivali.add_from_registry(session, closed.id, desil_max=4)
    _officers(session, closed.id)
    lines = verivali_lines(session, closed.id)[:60]
    weights = (70, 8, 4, 4, 3, 2, 3, 6)
    for line_id in lines:
        code = rng.choices(list(ResultCode), weights)[0]
        if code is ResultCode.FIX_ID:
            verivali.set_result(session, line_id, ResultCode.ELIGIBLE, note="NIK sudah sesuai")
            continue
        note = {ResultCode.NOT_ELIGIBLE: "Sudah bekerja tetap", ResultCode.MOVED: "Pindah ke luar kecamatan",
                ResultCode.NOT_FOUND: "Tidak dikenal ketua RT"}.get(code)
        verivali.set_result(session, line_id, code, note=note)
    session.execute(select(1))
    for line_id in verivali_lines(session, closed.id)[60:]:
        verivali.set_result(session, line_id, ResultCode.ELIGIBLE)
    musdes.save_musdes(session, closed.id, musdes.MusdesInput(
        held_on=today - dt.timedelta(days=10), start_time="09.00 WITA", place="Balai pertemuan kantor desa",
        number=f"140/{rng.randint(10, 99)}/BA-MD/{today.year}", kop="desa", head_name="H. MUHAMMAD ARSYAD",
        bpd_name="SUPRIADI, S.Pd.", officer_name="RAHMAT HIDAYAT", officer_role="TKSK", chair_name="H. MUHAMMAD ARSYAD",
        attendees=[{"name": n, "role": r} for n, r in (
            ("H. MUHAMMAD ARSYAD", "Kepala Desa"), ("SUPRIADI, S.Pd.", "Ketua BPD"), ("RAHMAT HIDAYAT", "TKSK"),
            ("NORHAYATI", "Pendamping PKH"), ("SITI AISYAH", "Ketua TP PKK"), ("ABDUL GANI", "Ketua RT 001"),
            ("MASRANI", "Ketua RT 002"), ("YULIANTI", "PSM"))]))
    made["proposals"] += proposals.proposals_from_round(session, closed.id)
    for n, pid in enumerate(proposals.proposal_ids(session, closed.id)):
        proposal = proposals.get_or_fail(session, proposals.Proposal, pid, "usulan")
        proposal.mother_name, proposal.occupation = "SITI RAHMAH", "Buruh tani"
        proposal.criteria = [c for c, _ in rng.sample(CRITERIA, 4)]
        proposal.house = {"floor": "Papan", "wall": "Kayu", "roof": "Seng", "water": "Sumur gali"}
        session.flush()
        for status in (ProposalStatus.IN_MUSDES, ProposalStatus.SENT, ProposalStatus.APPROVED)[:n % 4]:
            proposals.move(session, pid, status)
    close_in(session, closed.id, allow_unchecked=True, today=today)
    # A round in progress in the next desa: half typed, officers by RT.
    current = verivali.create_round(session, second, _month(today, 0), today + dt.timedelta(days=14))
    verivali.add_from_registry(session, current.id, desil_max=3)
    _officers(session, current.id)
    for line_id in verivali_lines(session, current.id)[::2][:40]:
        verivali.set_result(session, line_id, rng.choices(list(ResultCode)[:6], (80, 6, 3, 4, 4, 3))[0])
    made["rounds"] = 2
    return made


def verivali_lines(session: Session, round_id: int) -> list[int]:
    from desktop.core.services.verivali_lists import line_ids

    return line_ids(session, round_id)


def _officers(session: Session, round_id: int) -> None:
    from desktop.core.db.models import VerivaliLine

    rts = sorted({rt for rt in session.scalars(select(VerivaliLine.rt).where(VerivaliLine.round_id == round_id)) if rt})
    half = len(rts) // 2 or 1
    verivali.assign(session, round_id, "RAHMAT HIDAYAT (TKSK)", rts[:half])
    verivali.assign(session, round_id, "YULIANTI (PSM)", rts[half:])


def _month(today: dt.date, shift: int) -> str:
    from babel.dates import format_date

    month = (today.replace(day=1) + dt.timedelta(days=32 * shift)) if shift >= 0 else (
        today.replace(day=1) - dt.timedelta(days=1))
    return format_date(month, "MMMM y", locale="id")
