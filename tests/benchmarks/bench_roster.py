"""The distribution-day roster PDF at kecamatan scale: 1,000 / 5,000 / 10,000 recipients spread
over 10 desa, F4 landscape with the cap jempol column.

Run on demand:  python tests/benchmarks/bench_roster.py [--rows 1000 5000 10000] [--runs 3]
                                                       [--memory 1000 16000]

The floor is the same rows drawn straight onto a reportlab canvas: one drawString per cell, the
same page size, the same embedded fonts and as many rows per page as the roster's continuation
pages, no platypus, no grid. Both are medians of `--runs` runs in this process; the time per
1,000 rows shows whether growth is linear.

Coupons are timed beside the roster for the same event (the same recipients, A4, 8 a page): the
target is a coupon costing no more than twice a roster row. Peak memory is measured in a fresh
process per size (peak RSS less the RSS before drawing, i.e. with the input data already built),
so 1,000 and 16,000 rows show whether memory stays flat with the number of pages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reportlab.lib.pagesizes import landscape  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from desktop.core.io.pdf.aid_data import Coupon, CouponData, DesaGroup, Kop, RosterData, RosterRow, Signer  # noqa: E402
from desktop.core.io.pdf.coupons import coupons_bytes  # noqa: E402
from desktop.core.io.pdf.letter import FONT, PAPERS, register_fonts  # noqa: E402
from desktop.core.io.pdf.roster import _Roster, roster_bytes  # noqa: E402

FIRST = ["Siti", "Ahmad", "Nur", "Muhammad", "Rahmawati", "Budi", "Fatimah", "I Gusti Ngurah", "Dewi", "Yohanes"]
LAST = ["Aminah", "Fauzi", "Hidayah", "Rizky Pratama Saputra", "Santoso", "Az-Zahra", "Made Wirawan", "Lestari"]
DESA = ["Jahab", "Loa Ipuh", "Bukit Biru", "Sukarame", "Timbau", "Maluhu", "Panji", "Melayu", "Baru", "Loa Tebu"]


def make_data(n: int) -> RosterData:
    groups = [DesaGroup(d, "desa", Signer(f"Mengetahui,\nKepala Desa {d}", f"KEPALA {d.upper()}")) for d in DESA]
    for i in range(n):
        g = groups[i % len(groups)]
        no = len(g.rows) + 1
        g.rows.append(RosterRow(
            no, f"{FIRST[i % 10]} {LAST[i % 8]}", f"64020{i % 10}{4101500000 + i:010d}", f"6402{i:012d}",
            f"Jl. Mawar {i % 90 + 1}, RT {i % 20 + 1:03d}/RW {i % 7 + 1:03d}, Dusun Karya Bakti", g.desa,
            "Uang tunai", 900_000))
    return RosterData(
        Kop("PEMERINTAH KABUPATEN KUTAI KARTANEGARA", "KECAMATAN TENGGARONG", "Jl. Jenderal Sudirman No. 1"),
        "DAFTAR PENERIMA BANTUAN LANGSUNG TUNAI DANA DESA", "BLT Dana Desa 2026", "Tahap IV", "Dana Desa",
        "Tenggarong", "Kabupaten Kutai Kartanegara", "Penyaluran BLT-DD Tahap IV", dt.date(2026, 11, 22),
        "08.00 WITA", "Balai Desa", True, "Rp", groups,
        Signer("Mengetahui,\nCamat Tenggarong", "Drs. AHMAD FAUZI, M.Si", "197505102001121016"),
        Signer("Petugas Penyalur", "RINA MARLINA"), "Tenggarong")


def coupons_for(data: RosterData) -> CouponData:
    """The coupons of the same event: one per roster row."""
    coupons = [Coupon(r.no, r.name, r.nik[:4] + "\u2022" * 8 + r.nik[-4:], r.address, r.desa,
                      f"K7-{r.desa[:2].upper()}{i:06d}", r.item, r.amount)
               for i, r in enumerate((r for g in data.groups for r in g.rows), 1)]
    return CouponData(data.kop, data.programme, data.period, data.event_date, data.event_time, data.event_place,
                      data.cash, data.unit, coupons)


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1e6


def memory_child(n: int) -> None:
    """In a fresh process: RSS before drawing and peak RSS after, in MB."""
    data = make_data(n)
    register_fonts()
    before = _rss_mb()
    content = roster_bytes(data)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{before:.1f} {peak:.1f} {len(content) / 1e6:.1f}")


def memory(sizes: list[int]) -> None:
    print(f"\n{'rows':>7} {'pages':>6} {'before MB':>10} {'peak MB':>8} {'growth MB':>10} {'PDF MB':>7}")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--memory-child", str(n)], capture_output=True, text=True,
                             check=True).stdout.split()
        before, peak, pdf = map(float, out)
        pages = sum(len(_Roster(make_data(n), landscape(PAPERS["f4"])).plan(g)) for g in make_data(n).groups) + 1
        print(f"{n:7,} {pages:6} {before:10.1f} {peak:8.1f} {peak - before:10.1f} {pdf:7.1f}")


def floor(data: RosterData, per_page: int) -> bytes:
    """The same cells, one drawString each, no table machinery."""
    register_fonts()
    size = landscape(PAPERS["f4"])
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=size)
    xs = [40, 60, 180, 280, 380, 530, 600, 660, 760, 820, 880]
    rows = [r for g in data.groups for r in g.rows]
    for start in range(0, len(rows), per_page):
        c.setFont(FONT, 8)
        y = size[1] - 80
        for r in rows[start:start + per_page]:
            for x, text in zip(xs, (str(r.no), r.name, r.nik, r.no_kk, r.address, r.item, f"{r.amount:,}",
                                    f"{r.no}. ........", "", r.note)):
                c.drawString(x, y, text)
            y -= 51
        c.showPage()
    c.save()
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000, 5_000, 10_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory", type=int, nargs="*", default=[1_000, 16_000])
    parser.add_argument("--memory-child", type=int)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    register_fonts()
    roster_bytes(make_data(100))  # warm up: fonts, imports
    coupons_bytes(coupons_for(make_data(16)))
    print(f"{'rows':>7} {'pages':>6} {'roster s':>9} {'floor s':>8} {'ratio':>6} {'roster s/1k':>12} "
          f"{'floor s/1k':>11} {'MB':>6} {'coupons s':>10} {'ms/coupon':>10} {'ms/row':>7} {'coupon/row':>11}")
    for n in args.rows:
        data = make_data(n)
        roster = _Roster(data, landscape(PAPERS["f4"]))
        plans = [roster.plan(g) for g in data.groups]
        pages = sum(len(p) for p in plans) + 1
        per_page = max(len(page.rows) for p in plans for page in p)
        coupons = coupons_for(data)
        times, floors, coupon_times, size = [], [], [], 0
        for _ in range(args.runs):
            t = time.perf_counter()
            size = len(roster_bytes(data))
            times.append(time.perf_counter() - t)
            t = time.perf_counter()
            floor(data, per_page)
            floors.append(time.perf_counter() - t)
            t = time.perf_counter()
            coupons_bytes(coupons, "a4")
            coupon_times.append(time.perf_counter() - t)
        r, f, k = statistics.median(times), statistics.median(floors), statistics.median(coupon_times)
        print(f"{n:7,} {pages:6} {r:9.2f} {f:8.2f} {r / f:5.1f}x {r / n * 1000:12.3f} {f / n * 1000:11.3f} "
              f"{size / 1e6:6.1f} {k:10.2f} {k / n * 1000:10.3f} {r / n * 1000:7.3f} {k / r:10.2f}x")
    if args.memory:
        memory(args.memory)


if __name__ == "__main__":
    main()
