"""The office's work on the demo registry: who signs, referrals in every status and two aid
programmes with their events, done through the same services the screens use."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.db.models import OfficeProfile
from desktop.core.domain.clock import zone_name, zone_of
from desktop.core.services.demo_names import FEMALE, KASI_KESOS, MALE, SECOND, SECOND_F, SEKCAM, VILLAGE_HEADS

Tick = Callable[[float], None]  # reports the share of the aid work done so far (0..1)


def demo_signers(session: Session, office_id: int) -> None:
    office = session.get(OfficeProfile, office_id)
    office.camat_name = "Drs. H. Ahmad Rifani, M.Si."
    office.camat_nip = "197505102001121016"
    office.camat_pangkat = "Pembina Tingkat I (IV/b)"
    office.tksk_name = "Siti Rahmawati, S.Sos."
    office.tksk_phone = "081254321987"
    office.address = office.address or "Jl. Wolter Monginsidi No. 1"
    office.phone = office.phone or "(0541) 661234"


# (institution name starts with, need, PPKS category, holder, statuses after draft, days ago,
#  follow-up in days, signed on the Camat's behalf by). The holder is a showcase person ("elderly",
# "poor": long names) or someone who holds the category in the demo registry ("category").
DEMO_REFERRALS = [
    ("Dinas Sosial", "bantuan alat bantu jalan (kursi roda)", "PD", "category", [], 1, None, None),
    ("RSUD", "pemeriksaan kesehatan dan perawatan lanjut", "LUT", "elderly", ["ditandatangani"], 3, 14, SEKCAM),
    ("Dinas Kependudukan", "penerbitan KTP-el dan KK", "FM", "poor", ["ditandatangani", "dikirim"], 20, 7, None),
    ("Puskesmas", "asesmen kesehatan dan pendampingan lanjutan", "NAPZA", "category",
     ["ditandatangani", "dikirim", "diterima"], 30, 14, KASI_KESOS),
    ("UPTD PPA", "pendampingan psikososial korban kekerasan", "KTK", "category",
     ["ditandatangani", "dikirim", "diterima", "ditindaklanjuti"], 45, 30, None),
    ("Dinas Sosial", "usulan masuk DTSEN dan bantuan sembako", "FM", "category",
     ["ditandatangani", "dikirim", "diterima", "ditindaklanjuti", "selesai"], 60, None, None),
]


def demo_referrals(session: Session, today: dt.date, holders: list[int | None]) -> None:
    """One referral in every status (`holders` follows DEMO_REFERRALS), so the referral screen
    and its letters can be tried at once: long names, a sensitive category, letters a.n. Camat."""
    from desktop.core.db.models import Institution, PpksCategory
    from desktop.core.services.referrals import ReferralInput, create_referral, move

    institutions = list(session.scalars(select(Institution).order_by(Institution.id)))
    categories = {c.code: c.no for c in session.scalars(select(PpksCategory))}
    if not institutions:
        return
    # oldest first, so the register numbers follow the letter dates as in a real office
    for (prefix, need, category, _, path, days_ago, follow_up, behalf), pid in sorted(
            zip(DEMO_REFERRALS, holders, strict=True), key=lambda pair: -pair[0][5]):
        if pid is None:
            continue
        institution = next((i for i in institutions if i.name.startswith(prefix)), institutions[0])
        when = today - dt.timedelta(days=days_ago)
        ref = create_referral(session, ReferralInput(
            institution.id, need, person_id=pid, category_no=categories.get(category),
            documents=["Fotokopi KTP", "Fotokopi KK"],
            follow_up_due=when + dt.timedelta(days=follow_up) if follow_up else None))
        for status in path:
            signing = status == "ditandatangani"
            move(session, ref.id, status, letter_date=when if signing else None,
                 on_behalf=behalf if signing else None)


PROXY_RELATIONS = ("istri", "suami", "anak", "menantu", "cucu")
ABSENT_REASONS = ("sakit", "bekerja di luar kota", "tidak ada kabar")


def demo_aid(session: Session, rng: random.Random, today: dt.date, desa: list[tuple[str, str]],
             villages: list[str], tick: Tick) -> None:
    """Two programmes with events after, during and before the day: BLT Dana Desa for families in
    desil 1-3 of the desa (a kelurahan has no Dana Desa), and flood relief for everyone in five
    riverside desa/kelurahan (several thousand recipients)."""
    from desktop.core.db.models import Programme
    from desktop.core.services.aid import ProgrammeInput, save_programme
    from desktop.core.services.aid_checks import decide_all, finalise, run_checks
    from desktop.core.services.aid_recipients import add_from_registry
    from desktop.core.services.distribution import EventInput, close_event, save_event, schedule
    from desktop.core.services.distribution_desk import collect, desk_rows, mark_absent
    from desktop.core.services.lists import PersonFilter

    if not desa or session.scalar(select(Programme.id).limit(1)) is not None:
        return  # a second demo run adds people, not a second set of programmes
    quarter = (today.month - 1) // 3
    start = dt.date(today.year, 3 * quarter + 1, 1)
    end = (dt.date(today.year + (quarter == 3), (3 * quarter + 3) % 12 + 1, 1) - dt.timedelta(days=1))
    roman = ("I", "II", "III", "IV")[quarter]
    blt = save_programme(session, ProgrammeInput(
        name=f"BLT Dana Desa {today.year}", funding="Dana Desa", form="tunai", item="Uang tunai", unit="Rp",
        amount=900_000, period=f"Tahap {roman} {today.year}", period_start=start,
        period_end=end, target="keluarga", basis=f"Peraturan Kepala Desa tentang Penetapan KPM BLT-DD {today.year}"))
    served = [code for code in villages
              if add_from_registry(session, blt.id, PersonFilter(desil_max=3, desa_code=code)).added]
    if not served:
        return  # a tiny demo without poor families in a desa: no programmes
    run_checks(session, blt.id)
    for kind in ("tanpa nik", "meninggal", "pindah"):
        decide_all(session, blt.id, kind, "keluarkan")
    finalise(session, blt.id)
    tick(0.05)
    flood = save_programme(session, ProgrammeInput(
        name=f"Bantuan Logistik Korban Banjir {today.year}", funding="APBD Kabupaten/Kota", form="barang",
        item="Paket sembako", unit="paket", amount=1, period=f"Tanggap darurat {today:%m/%Y}",
        period_start=today - dt.timedelta(days=10), period_end=today + dt.timedelta(days=20), target="orang",
        basis="Keputusan Bupati tentang Status Tanggap Darurat Banjir"))
    riverside = [code for code, _ in desa[:5]]
    for n, code in enumerate(riverside, 1):
        add_from_registry(session, flood.id, PersonFilter(desa_code=code))
        tick(0.05 + 0.27 * n / len(riverside))
    run_checks(session, flood.id)
    decide_all(session, flood.id, "program lain", "tetap", "Bantuan bencana tidak menggantikan bantuan rutin")
    decide_all(session, flood.id, "tanpa nik", "tetap", "Korban terdata posko; identitas dicek kepala desa")
    for kind in ("nik ganda", "kk ganda", "meninggal", "pindah"):
        decide_all(session, flood.id, kind, "keluarkan")
    finalise(session, flood.id)
    tick(0.4)

    zone = zone_of(desa[0][0])  # the office's own clock: WIB, WITA or WIT
    officers = [{"name": "Siti Rahmawati, S.Sos.", "role": "TKSK Kecamatan"},
                {"name": "Rudi Hartono", "role": "Pendamping Desa"}]

    def event(programme, name, days, place, codes, receiver=None):
        e = save_event(session, EventInput(programme.id, name, today + dt.timedelta(days=days), place,
                                           f"08.00 {zone_name(zone)}", codes, officers, receiver))
        schedule(session, e.id)
        return e

    def serve(e, share: float, span: tuple[float, float], proxies: float = 0.08, absents: float = 0.0) -> None:
        rows, (begin, until) = desk_rows(session, e.id), span
        for n, row in enumerate(rows, 1):
            draw = rng.random()
            if draw < absents:
                mark_absent(session, row.allocation_id, rng.choice(ABSENT_REASONS))
            elif draw < absents + share:
                if rng.random() < proxies:
                    collect(session, row.allocation_id, proxy_name=_demo_proxy(rng),
                            proxy_relation=rng.choice(PROXY_RELATIONS))
                else:
                    collect(session, row.allocation_id)
            if n % 25 == 0:
                tick(begin + (until - begin) * n / len(rows))
        tick(until)

    # Each desa holds its own distribution: the first one done, a second (with three or more desa)
    # under way, the last one planned; the flood relief is under way today.
    names = dict(desa)
    done, ongoing, planned = (-12, 0.93, 0.07, (0.4, 0.49)), (0, 0.4, 0.0, (0.49, 0.53)), (7, 0.0, 0.0, None)
    states = (done, ongoing, planned) if len(served) >= 3 else (done, planned)
    for n, (code, (days, share, absents, span)) in enumerate(zip(served, states, strict=False)):
        name, head = names[code], VILLAGE_HEADS[n % len(VILLAGE_HEADS)]
        e = event(blt, f"Penyaluran BLT-DD Desa {name}", days, f"Balai Desa {name}", [code],
                  {"name": head, "jabatan": f"Kepala Desa {name}", "address": f"Kantor Desa {name}"})
        if span:
            serve(e, share, span, absents=absents)
        if days < 0:
            _backdate(session, rng, e, zone)
            close_event(session, e.id)
    relief = event(flood, "Penyaluran logistik banjir", 0, "Posko Kecamatan (Kantor Camat)", riverside,
                   {"name": "", "jabatan": "Koordinator Posko Banjir", "address": "Kantor Camat"})
    tick(0.57)
    serve(relief, 0.25, (0.57, 1.0), proxies=0.15)


def _backdate(session: Session, rng: random.Random, event, zone: dt.tzinfo) -> None:
    """A past event's desk steps happened on its day, between 08.00 and 12.00 office time
    (stored as naive UTC, as every timestamp is)."""
    from desktop.core.db.models import Allocation, CollectionLog

    opening = dt.datetime.combine(event.event_date, dt.time(8, 0), zone).astimezone(dt.UTC).replace(tzinfo=None)
    for allocation in session.scalars(select(Allocation).where(Allocation.event_id == event.id)):
        when = opening + dt.timedelta(minutes=rng.randrange(240))
        if allocation.collected_at:
            allocation.collected_at = when
        for log in session.scalars(select(CollectionLog).where(CollectionLog.allocation_id == allocation.id)):
            log.at = when
    session.flush()


def _demo_proxy(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(MALE)} {rng.choice(SECOND)}"
    return f"{rng.choice(FEMALE)} {rng.choice(SECOND_F)}"
