"""The demo's PPKS records and who its referrals are for. Every age rule is judged on the day
the record was assessed, as the registry judges it, so the demo never warns about its own data."""

from __future__ import annotations

import datetime as dt
import random

from desktop.core.domain.people import age_on
from desktop.core.services.demo_work import DEMO_REFERRALS


def _birthday(birth: dt.date, years: int) -> dt.date:
    """The day one turns `years` (a 29 February birthday falls on 1 March in other years)."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:
        return dt.date(birth.year + years, 3, 1)


class PpksPart:
    """The PPKS half of the demo's generator (its people come from the other half)."""

    rng: random.Random
    today: dt.date
    desa: list[tuple[str, str]]
    categories: dict[str, int]  # code -> number
    limits: dict[str, tuple[int | None, int | None]]  # code -> (age_min, age_max), inclusive
    showcased: dict[str, dict]

    def _assessed(self, code: str, birth: dt.date | None) -> dt.date | None:
        """An assessment day in the last two years on which the person's age fits the category
        (age rules are judged on that day); None when no such day exists."""
        earliest, latest = self.today - dt.timedelta(days=700), self.today - dt.timedelta(days=10)
        low, high = self.limits.get(code, (None, None))
        if birth is not None and low is not None:
            earliest = max(earliest, _birthday(birth, low))
        if birth is not None and high is not None:
            latest = min(latest, _birthday(birth, high + 1) - dt.timedelta(days=1))
        if earliest > latest:
            return None
        return earliest + dt.timedelta(days=self.rng.randint(0, (latest - earliest).days))

    def ppks_row(self, code: str, *, person_id=None, family_id=None, community_id=None,
                 status: str | None = None, birth: dt.date | None = None) -> dict | None:
        assessed = self._assessed(code, birth)
        if assessed is None:
            return None
        r = self.rng
        return {
            "category_no": self.categories[code], "person_id": person_id, "family_id": family_id,
            "community_id": community_id, "assessed_on": assessed,
            "source": r.choice(("tksk", "tksk", "psm", "desa")),
            "status": status or ("aktif" if r.random() < 0.8 else "tertangani"),
            "notes": None,
        }

    def ppks(self, fam_ids, fams, person_ids, persons) -> list[dict]:
        r, rows = self.rng, []

        def add(code: str, **holder) -> None:
            row = self.ppks_row(code, **holder)
            if row is not None:
                rows.append(row)

        for fid, fam in zip(fam_ids, fams, strict=True):
            if fam["desil"] in (1, 2) and (fam is self.showcased.get("poor family") or r.random() < 0.6):
                add("FM", family_id=fid)
            elif fam["desil"] in (1, 2, 3) and r.random() < 0.02:
                add("KBSP", family_id=fid)
        desil_of = dict(zip(fam_ids, (f["desil"] for f in fams), strict=True))
        rare = {"ODHA": 2, "NAPZA": 3, "BWBLP": 3, "KTK": 4, "AKTK": 2, "PMBS": 3, "AJ": 2, "ABH": 1}
        for pid, p in zip(person_ids, persons, strict=True):
            if p["nik"] is None:
                add(r.choice(("GLD", "GLD", "PGM", "PML")), person_id=pid, birth=p["birth_date"])
                continue
            birth = p["birth_date"]
            age = age_on(birth, self.today)
            poor = (desil_of.get(p["family_id"]) or 11) <= 3
            if p["disability"]:
                add("ADK" if age < 18 else "PD", person_id=pid, birth=birth)
            if age >= 60 and (p is self.showcased.get("elderly") or poor and r.random() < 0.35):
                add("LUT", person_id=pid, birth=birth)
            if age <= 5 and poor and r.random() < 0.05:
                add("ABT", person_id=pid, birth=birth)
            if 6 <= age < 18 and poor and r.random() < 0.02:
                add("AT", person_id=pid, birth=birth)
            if p["sex"] == "P" and 18 <= age <= 59 and p["marital_status_code"] in (3, 4) and poor \
                    and r.random() < 0.5:
                add("PRSE", person_id=pid, birth=birth)
            if p["desa_code"] == self.desa[0][0] and r.random() < 0.01:
                add("KBA", person_id=pid, status="tertangani", birth=birth)
        adults = [(pid, p) for pid, p in zip(person_ids, persons, strict=True)
                  if p["birth_date"] and p["nik"] and 18 <= age_on(p["birth_date"], self.today) < 60]
        children = [(pid, p) for pid, p in zip(person_ids, persons, strict=True)
                    if p["birth_date"] and p["nik"] and 12 <= age_on(p["birth_date"], self.today) < 18]
        taken = {(row["category_no"], row["person_id"]) for row in rows}
        for code, n in rare.items():
            pool = children if code in ("AKTK", "AJ", "ABH") else adults
            for pid, p in r.sample(pool, min(n, len(pool))):
                if (self.categories[code], pid) not in taken:
                    taken.add((self.categories[code], pid))
                    add(code, person_id=pid, birth=p["birth_date"])
        return rows

    def referral_holders(self, rows: list[dict], person_ids, persons) -> list[int | None]:
        """Who each demo referral is for (in DEMO_REFERRALS order): the showcase people, else
        adults who hold the referral's category (the head of the family for a family category)."""
        r = self.rng
        pid_of = {id(p): pid for pid, p in zip(person_ids, persons, strict=True)}
        heads = {p["family_id"]: pid for pid, p in zip(person_ids, persons, strict=True)
                 if p["relationship_code"] == 1 and p["nik"]}
        adults = {pid for pid, p in zip(person_ids, persons, strict=True)
                  if p["nik"] and p["birth_date"] and age_on(p["birth_date"], self.today) >= 18}
        used: set[int] = set()
        holders: list[int | None] = []
        for _, _, code, holder, *_ in DEMO_REFERRALS:
            showcased = self.showcased.get(holder)
            if showcased is not None and id(showcased) in pid_of:
                pid: int | None = pid_of[id(showcased)]
            else:
                no = self.categories[code]
                held = sorted({row["person_id"] if row["person_id"] else heads.get(row["family_id"])
                               for row in rows if row["category_no"] == no} - {None})
                pool = [x for x in held if x in adults and x not in used]
                pid = r.choice(pool) if pool else self._new_holder(code, rows, person_ids, persons, adults - used)
            if pid is not None:
                used.add(pid)
            holders.append(pid)
        return holders

    def _new_holder(self, code: str, rows: list[dict], person_ids, persons, free: set[int]) -> int | None:
        """A small demo may have nobody in the category: record it on an adult it fits."""
        family_unit = code in ("FM", "KBSP")
        for pid, p in zip(person_ids, persons, strict=True):
            if pid in free and (p["relationship_code"] == 1 if family_unit else code != "PD" or p["disability"]):
                row = self.ppks_row(code, family_id=p["family_id"]) if family_unit else \
                    self.ppks_row(code, person_id=pid, birth=p["birth_date"])
                if row is not None:
                    rows.append(row)
                    return pid
        return None

    def ensure_disability(self, persons: list[dict]) -> None:
        """The demo's wheelchair referral needs an adult with a disability, even in a small demo."""
        adults = [p for p in persons if p["nik"] and 18 <= age_on(p["birth_date"], self.today) < 60]
        if adults and not any(p["disability"] for p in adults):
            adults[0]["disability"] = "fisik"
