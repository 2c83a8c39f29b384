"""The demo's PSKS at work: a year of activities of the TKSK, the PSM and the Karang Taruna (a few
with photos), PPKS handled, deceased or moved over the year (with their audit trail dated when it
happened), home visits in every state, and the past months closed — one of them revised.

Deterministic for a given random.Random; called by services.demo inside its transaction."""

from __future__ import annotations

import datetime as dt
import io
import random

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.core.db.audit import append
from desktop.core.db.models import (
    MonthReport,
    Person,
    PpksRecord,
    PsksEntry,
    PsksType,
    Referral,
)
from desktop.core.domain.enums import ActivityKind, AuditAction, PpksStatus, ReferralStatus, VisitPurpose
from desktop.core.services.activities import ActivityInput, add_photo, save_activity
from desktop.core.services.monthly_report import close_month, revise_month
from desktop.core.services.visits import VisitInput, VisitResult, plan_visit, record_visit

KINDS = [(ActivityKind.ASSESSMENT, 5), (ActivityKind.ACCOMPANIMENT, 4), (ActivityKind.OUTREACH, 2),
         (ActivityKind.REFERRAL, 2), (ActivityKind.DISTRIBUTION, 2), (ActivityKind.VERIVALI, 2),
         (ActivityKind.COORDINATION, 2), (ActivityKind.DISASTER, 1), (ActivityKind.OTHER, 1)]
TITLES = {
    ActivityKind.ASSESSMENT: ("Asesmen lansia terlantar", "Asesmen keluarga miskin calon penerima bantuan",
                              "Asesmen penyandang disabilitas"),
    ActivityKind.ACCOMPANIMENT: ("Pendampingan pengurusan KTP-el dan KK", "Pendampingan ke Puskesmas",
                                 "Pendampingan korban kekerasan ke UPTD PPA"),
    ActivityKind.OUTREACH: ("Penyuluhan bahaya NAPZA bagi remaja", "Sosialisasi program Sembako dan PKH"),
    ActivityKind.REFERRAL: ("Pengantaran rujukan ke Dinas Sosial", "Rujukan pemeriksaan kesehatan lansia"),
    ActivityKind.DISTRIBUTION: ("Pendampingan penyaluran BLT Dana Desa", "Penyaluran bantuan beras"),
    ActivityKind.VERIVALI: ("Verifikasi lapangan data DTSEN", "Pemutakhiran data penerima bantuan"),
    ActivityKind.COORDINATION: ("Rapat koordinasi TKSK dan PSM di kantor camat", "Musyawarah desa pembahasan usulan"),
    ActivityKind.DISASTER: ("Asesmen cepat korban banjir", "Pendataan korban kebakaran rumah"),
    ActivityKind.OTHER: ("Bimbingan teknis aplikasi SIKS-NG",),
}
NOTES = ("Kegiatan berjalan lancar; warga hadir dan didata sesuai formulir.",
         "Ditemukan {n} warga yang perlu ditindaklanjuti; dilaporkan ke Kasi Kesos.",
         "Koordinasi dengan kepala desa dan ketua RT setempat; data dicocokkan dengan KK.",
         "Dokumen pendukung dikumpulkan; sebagian warga diminta melengkapi fotokopi KK.")


def _months(today: dt.date, count: int) -> list[tuple[int, int]]:
    y, m, out = today.year, today.month, []
    for _ in range(count):
        out.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


def demo_photo(rng: random.Random, when: dt.datetime, label: str) -> bytes:
    """A small synthetic field photo (sky, ground, a house) with EXIF time and a GPS position."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (960, 720), (150 + rng.randint(0, 60), 190, 230))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 430, 960, 720), fill=(90 + rng.randint(0, 40), 140, 70))
    x = rng.randint(150, 500)
    d.rectangle((x, 260, x + 330, 470), fill=(200, 170, 120), outline=(60, 40, 20), width=4)
    d.polygon([(x - 30, 265), (x + 165, 150), (x + 360, 265)], fill=(150, 60, 40))
    d.rectangle((x + 135, 360, x + 195, 470), fill=(90, 60, 30))
    d.text((20, 680), f"{label} · {when:%d-%m-%Y %H:%M}", fill=(255, 255, 255))
    exif = Image.Exif()
    exif[0x0132] = when.strftime("%Y:%m:%d %H:%M:%S")
    exif.get_ifd(0x8769)[0x9003] = when.strftime("%Y:%m:%d %H:%M:%S")
    gps = exif.get_ifd(0x8825)
    gps.update({1: "S", 2: (0.0, 25.0, rng.randint(0, 5999) / 100), 3: "E", 4: (116.0, 59.0, rng.randint(0, 5999) / 100)})
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80, exif=exif.tobytes())
    return out.getvalue()


def add_psks_work(session: Session, rng: random.Random, today: dt.date, *, close: bool = True) -> dict[str, int]:
    """A year of field work on the demo registry. Returns what was added, by kind."""
    types = dict(session.execute(select(PsksType.code, PsksType.no)).all())
    workers = list(session.execute(
        select(PsksEntry.id, PsksEntry.type_no, Person.desa_code, Person.name)
        .join(Person, Person.id == PsksEntry.person_id)
        .where(PsksEntry.type_no.in_([types.get("TKSK", 11), types.get("PSM", 2)]))
        .order_by(PsksEntry.type_no.desc(), PsksEntry.id)))[:7]
    if not workers:
        return {"activities": 0, "visits": 0, "months": 0}
    ppks_people = list(session.execute(
        select(PpksRecord.id, Person.id, Person.desa_code, PpksRecord.assessed_on)
        .join(Person, Person.id == PpksRecord.person_id).where(PpksRecord.status == PpksStatus.ACTIVE)
        .order_by(PpksRecord.id)))
    by_desa: dict[str, list[int]] = {}
    for _rid, pid, desa, _a in ppks_people:
        by_desa.setdefault(desa, []).append(pid)
    months = _months(today, 12)
    activities = photos = 0
    for year, month in months:
        last_day = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
        last_day = min(last_day, today)
        for psks_id, type_no, desa, name in workers:
            tksk = type_no == types.get("TKSK", 11)
            for _ in range(rng.randint(3, 6) if tksk else rng.randint(1, 3)):
                kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
                day = dt.date(year, month, rng.randint(1, last_day.day))
                served = rng.sample(by_desa.get(desa, []), min(len(by_desa.get(desa, [])), rng.randint(0, 3)))
                crowd = rng.randint(15, 60) if kind in (ActivityKind.OUTREACH, ActivityKind.COORDINATION) else 0
                activity = save_activity(session, ActivityInput(
                    psks_id, day, kind, rng.choice(TITLES[kind]), desa_code=desa,
                    place=rng.choice(("Balai desa", "Rumah warga", "Kantor camat", "Posyandu", "Masjid")),
                    notes=rng.choice(NOTES).format(n=len(served) or 1), persons_served=max(len(served), crowd),
                    families_served=len(served), person_ids=served))
                activities += 1
                if tksk and (year, month) == months[-2] and photos < 6:
                    for k in range(2):
                        when = dt.datetime.combine(day, dt.time(9 + k, rng.randint(0, 59)))
                        add_photo(session, demo_photo(rng, when, name.split(",")[0]), activity_id=activity.id,
                                  caption=("Kegiatan di lapangan", "Bersama warga dan perangkat desa")[k])
                        photos += 1
    _ppks_moves(session, rng, ppks_people, today)
    visits = _visits(session, rng, ppks_people, workers, today)
    closed = 0
    if close:
        # Months an earlier demo run closed stay as they are: a closed month is never redone.
        done = {tuple(r) for r in session.execute(select(MonthReport.year, MonthReport.month))}
        for year, month in months[:-2]:  # the last ended month stays open: the user closes it
            if (year, month) in done:
                continue
            close_month(session, year, month, today)
            closed += 1
        if closed > 2 and tuple(months[-4]) not in done:
            y, m = months[-4]
            revise_month(session, y, m, "Kegiatan PSKS yang terlambat dilaporkan sudah dimasukkan.", today)
    return {"activities": activities, "photos": photos, "visits": visits, "months": closed}


def _ppks_moves(session: Session, rng: random.Random, records, today: dt.date) -> None:
    """Some PPKS handled, a few deceased or moved, at dates over the year, audited when they happened."""
    conn = session.connection()
    entries = []
    for rid, _pid, _desa, assessed in records:
        if rng.random() > 0.12:
            continue
        start = max(assessed or today - dt.timedelta(days=365), today - dt.timedelta(days=360))
        span = (today - start).days
        if span < 2:
            continue
        when = start + dt.timedelta(days=rng.randint(1, span - 1))
        status = rng.choices([PpksStatus.HANDLED, PpksStatus.DECEASED, PpksStatus.MOVED], [8, 1, 1])[0]
        conn.execute(update(PpksRecord).where(PpksRecord.id == rid).values(status=status))
        entries.append({"at": dt.datetime.combine(when, dt.time(2, rng.randint(0, 59))), "actor": "demo",
                        "action": AuditAction.UPDATE, "table_name": "ppks_record", "record_id": str(rid),
                        "changes": {"status": [PpksStatus.ACTIVE.value, status.value]}, "batch_id": None})
    if entries:
        append(conn, entries)  # dated as they happened, and chained like every entry
    session.expire_all()


def _visits(session: Session, rng: random.Random, records, workers, today: dt.date) -> int:
    count = 0
    officers = [(w[0], w[3]) for w in workers]
    picks = rng.sample(records, min(len(records), 36))
    purposes = [VisitPurpose.ASSESSMENT, VisitPurpose.MONITORING, VisitPurpose.MONITORING, VisitPurpose.GRADUATION]
    for i, (_rid, pid, _desa, _a) in enumerate(picks):
        officer_id, officer = officers[i % len(officers)]
        offset = rng.randint(-330, 20) if i >= 8 else (-rng.randint(1, 12) if i < 4 else rng.randint(0, 6))
        due = today + dt.timedelta(days=offset)
        visit = plan_visit(session, VisitInput(rng.choice(purposes), due, officer, person_id=pid,
                                               officer_psks_id=officer_id, reason="Pemantauan kondisi PPKS"))
        count += 1
        if offset < -14 and rng.random() < 0.85:
            record_visit(session, visit.id, VisitResult(
                due + dt.timedelta(days=rng.randint(-3, 3)), rng.choice((
                    "Kondisi rumah sesuai data; keluarga masih membutuhkan pendampingan.",
                    "Penerima sudah mendapat bantuan; kondisi membaik.",
                    "Rumah tidak layak huni; diusulkan ke program rehabilitasi rumah.")),
                "Lanjutkan pemantauan bulan depan.",
                {"wall": rng.choice(("tembok", "kayu", "bambu")), "floor": rng.choice(("semen", "kayu", "tanah")),
                 "roof": rng.choice(("seng", "genteng")), "water": rng.choice(("pdam", "sumur_terlindung")),
                 "light": rng.choice(("pln_450", "pln_900")), "toilet": rng.choice(("sendiri", "bersama")),
                 "assets": rng.sample(["motor", "tv", "hp", "kulkas"], rng.randint(0, 3)),
                 "occupants": rng.randint(1, 7), "floor_area": rng.randint(18, 60)}))
    for ref in session.scalars(select(Referral).where(Referral.status == ReferralStatus.RECEIVED).limit(2)):
        if ref.person_id is None:
            continue
        officer_id, officer = officers[0]
        plan_visit(session, VisitInput(VisitPurpose.FOLLOW_UP, today + dt.timedelta(days=3), officer,
                                       person_id=ref.person_id, officer_psks_id=officer_id, referral_id=ref.id,
                                       reason="Memastikan layanan rujukan sudah diterima"))
        count += 1
    return count
