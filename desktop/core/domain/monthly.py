"""Pure rules over a month's figures (the JSON that services.month_figures makes and a closed
report freezes): the canonical text and its SHA-256, the totals the papers print, the summary
lines, and how months add up to a year. No database, no files: papers and tests use these."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
# Words printed for the stored values (papers are in Indonesian whatever the screen's language).
ACTIVITY_WORDS = {"asesmen": "Asesmen", "pendampingan": "Pendampingan", "penyuluhan": "Penyuluhan",
                  "rujukan": "Rujukan", "penyaluran": "Penyaluran bantuan", "verivali": "Verifikasi dan validasi data",
                  "tanggap bencana": "Tanggap bencana", "rapat koordinasi": "Rapat koordinasi",
                  "lainnya": "Lainnya"}
PURPOSE_WORDS = {"asesmen": "Asesmen", "monitoring": "Monitoring", "tindak lanjut": "Tindak lanjut rujukan",
                 "graduasi": "Graduasi"}
REFERRAL_WORDS = {"draft": "Konsep", "ditandatangani": "Ditandatangani", "dikirim": "Dikirim",
                  "diterima": "Diterima lembaga", "ditindaklanjuti": "Ditindaklanjuti", "selesai": "Selesai"}


def month_name(month: int) -> str:
    return MONTHS[month - 1]


def canonical(content: dict) -> bytes:
    """The one text of a month's figures that its hash is taken of: keys sorted, no spaces."""
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def digest(content: dict) -> str:
    return hashlib.sha256(canonical(content)).hexdigest()


def _add(rows: Sequence[Sequence[int]]) -> list[int]:
    return [sum(col) for col in zip(*rows, strict=True)] if rows else []


def ppks_by_category(content: dict) -> list[list[int]]:
    """Tabel I: the ten PPKS numbers per category (regulation order), all desa together."""
    cells = content["ppks"]["cells"]
    n = len(content["ppks"]["categories"])
    return [_add([cells[code][i] for code in cells]) or [0] * 10 for i in range(n)]


def ppks_total(content: dict) -> list[int]:
    return _add(ppks_by_category(content)) or [0] * 10


def summary_lines(content: dict) -> list[tuple[str, int, bool]]:
    """(indicator, value, is a flow) for the cover and the annual sheet. Flows add up over the
    months; stocks (is a flow = False) are as at the end of the period (or its start for "awal")."""
    t = ppks_total(content)
    psks = _add(content["psks"]["rows"]) or [0] * 7
    acts = content["activities"]
    act = _add([r[1:] for r in acts["kinds"]]) or [0, 0, 0]
    visits = _add([r[1:] for r in content["visits"]["purposes"]]) or [0, 0, 0]
    aid = _add([a["counts"] for a in content["aid"]]) or [0] * 7
    cash = sum(a["counts"][6] for a in content["aid"] if a["cash"])
    ref = content["referrals"]
    lines = [
        ("PPKS aktif awal bulan", t[0] + t[1], False),
        ("PPKS baru", t[2] + t[3], True),
        ("PPKS tertangani", t[4] + t[5], True),
        ("PPKS keluar (meninggal/pindah)", t[6] + t[7], True),
        ("PPKS aktif akhir bulan", t[8] + t[9], False),
        ("PSKS aktif", psks[0], False),
        ("PSKS baru tercatat", psks[4], True),
        ("Kegiatan PSKS dilaporkan", act[0], True),
        ("Orang dilayani dalam kegiatan PSKS", act[1], True),
        ("Keluarga dilayani dalam kegiatan PSKS", act[2], True),
        ("Kunjungan rumah jatuh tempo", visits[0], True),
        ("Kunjungan rumah dilaksanakan", visits[1], True),
        ("Rujukan baru", ref["new"], True),
        ("Rujukan selesai", ref["closed"], True),
        ("Penyaluran bantuan (kegiatan)", aid[0], True),
        ("Penerima dijadwalkan", aid[1], True),
        ("Penerima mengambil", aid[2], True),
        ("   di antaranya diwakilkan", aid[3], True),
        ("Penerima tidak hadir", aid[4], True),
        ("Bantuan tunai tersalurkan (Rp)", cash, True),
    ]
    for block in content.get("extra", []):
        for row in block["rows"]:
            lines.append((f"{block['title']}: {row[0]}", sum(row[1:]), True))
    return lines


def add_up(months: Sequence[dict]) -> dict:
    """The year (or any run of consecutive months) as one report: flows summed, stocks taken at the
    right end (PPKS awal from the first month, everything "at the end" from the last)."""
    first, last = months[0], months[-1]
    desa: list[list[str]] = []
    for m in months:
        desa += [d for d in m["ppks"]["desa"] if d not in desa]
    n = len(last["ppks"]["categories"])
    zero = [[0] * 10 for _ in range(n)]
    cells = {}
    for code, _name in desa:
        rows = []
        for i in range(n):
            flows = _add([m["ppks"]["cells"].get(code, zero)[i][2:8] for m in months])
            rows.append([*first["ppks"]["cells"].get(code, zero)[i][0:2], *flows,
                         *last["ppks"]["cells"].get(code, zero)[i][8:10]])
        cells[code] = rows
    psks_rows = []
    for i, row in enumerate(last["psks"]["rows"]):
        flows = [sum(m["psks"]["rows"][i][k] for m in months) for k in (4, 6)]
        psks_rows.append([row[0], row[1], row[2], row[3], flows[0], row[5], flows[1]])
    aid: dict[tuple, dict] = {}
    for m in months:
        for a in m["aid"]:
            key = (a["programme"], a["period"])
            if key not in aid:
                aid[key] = {**a, "counts": [0] * len(a["counts"])}
            aid[key]["counts"] = [x + y for x, y in zip(aid[key]["counts"], a["counts"], strict=True)]
    extra: dict[str, dict] = {}
    for m in months:
        for block in m.get("extra", []):
            mine = extra.setdefault(block["key"], {**block, "rows": []})
            for row in block["rows"]:
                hit = next((r for r in mine["rows"] if r[0] == row[0]), None)
                if hit is None:
                    mine["rows"].append(list(row))
                else:
                    hit[1:] = [x + y for x, y in zip(hit[1:], row[1:], strict=True)]

    def summed(key: str, sub: str) -> list[list]:
        rows = [list(r) for r in last[key][sub]]
        for r in rows:
            r[1:] = [sum(next(x for x in m[key][sub] if x[0] == r[0])[k] for m in months) for k in range(1, len(r))]
        return rows

    return {
        "v": last["v"], "year": first["year"], "month": None, "months": [m["month"] for m in months],
        "first": first["first"], "last": last["last"], "office": last["office"],
        "ppks": {**last["ppks"], "desa": desa, "cells": cells},
        "psks": {**last["psks"], "rows": psks_rows},
        "aid": list(aid.values()),
        "referrals": {"status": last["referrals"]["status"], "overdue": last["referrals"]["overdue"],
                      "new": sum(m["referrals"]["new"] for m in months),
                      "closed": sum(m["referrals"]["closed"] for m in months)},
        "visits": {"purposes": summed("visits", "purposes"), "overdue": last["visits"]["overdue"]},
        "activities": {"kinds": summed("activities", "kinds"),
                       "reporting": sum(m["activities"]["reporting"] for m in months),
                       "photos": sum(m["activities"]["photos"] for m in months)},
        "extra": list(extra.values()),
    }
