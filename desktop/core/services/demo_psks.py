"""The demo's PSKS: a TKSK, PSM and Karang Taruna in every desa, TAGANA, LKS, WKSBM, a business
and two Keluarga Pioner, chosen among the demo's adults."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import Connection, insert

from desktop.core.db.audit import audit_rows
from desktop.core.db.bulk import bulk_insert
from desktop.core.db.models import PsksCoverage, PsksEntry, PsksMember
from desktop.core.domain.people import age_on
from desktop.core.services.demo_names import STREETS


def add_psks(conn: Connection, rng: random.Random, desa: list[tuple[str, str]], types: dict[str, int], fam_ids,
             person_ids, persons, actor: str, today: dt.date) -> int:
    """PSKS persons, organisations with their members and coverage, and two Keluarga Pioner."""
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

    all_desa = [c for c, _ in desa]
    person_entry("TKSK", cover=all_desa)
    for code, name in desa:
        for _ in range(2):
            person_entry("PSM", code)
        org_entry("KT", f"Karang Taruna {name}", code, [code], 7)
    for n in range(min(5, len(desa))):
        person_entry("TAGANA", desa[n][0])
    for code in ("PSP", "WPKS", "WPKS", "PS"):
        person_entry(code)
    lks_names = ("Panti Asuhan Al-Ikhlas", "LKSA Kasih Bunda", "LKS Lansia Mandiri Sejahtera")
    for i, name in enumerate(lks_names):
        code, _ = desa[i % len(desa)]
        org_entry("LKS", name, code, [code], 5)
    org_entry("LK3", "LK3 Harmoni Keluarga", all_desa[0], all_desa, 4)
    for i in range(2):
        code, name = desa[(i * 3) % len(desa)]
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
