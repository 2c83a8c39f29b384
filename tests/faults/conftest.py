"""Fault tests: real `simpul` processes killed, starved of disk or denied writing, and the registry
judged afterwards. Each case runs a couple of times in the suite; SIMPUL_FAULT_ROUNDS=N runs more
(the README's figures come from such a run)."""

from __future__ import annotations

import csv
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROUNDS = int(os.environ.get("SIMPUL_FAULT_ROUNDS", "2"))
DESA = ["Jahab", "Loa Ipuh", "Timbau", "Sukarame", "Maluhu"]
HEADERS = ["NIK", "NO KK", "NAMA", "JENIS KELAMIN", "TANGGAL LAHIR", "ALAMAT", "RT", "RW", "DESA/KELURAHAN",
           "HUBUNGAN KELUARGA"]


def simpul(*argv: str, prefix: tuple[str, ...] = (), **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "SIMPUL_LANG": "id"}
    return subprocess.Popen([*prefix, sys.executable, "-m", "desktop", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, **kwargs)


def run(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    proc = simpul(*argv, **kwargs)
    out, err = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def synthetic_file(path: Path, families: int, seed: int) -> Path:
    """A regency-style CSV of synthetic families of Kecamatan Tenggarong (valid NIK and No. KK)."""
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(HEADERS)
        for fam in range(families):
            kk = f"640206{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(10, 24):02d}{fam % 9000 + 1:04d}"
            desa = rng.choice(DESA)
            for member, rel in enumerate(("KEPALA KELUARGA", "ISTRI", "ANAK")):
                day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1950, 2015)
                female = member == 1
                nik = f"640206{day + 40 * female:02d}{month:02d}{year % 100:02d}{(fam * 3 + member) % 9999 + 1:04d}"
                w.writerow([nik, kk, f"WARGA UJI {fam} {member}", "P" if female else "L",
                            f"{day:02d}-{month:02d}-{year}", f"Jl. Uji No. {fam}", f"{fam % 20 + 1:03d}", "001",
                            desa, rel])
    return path


@dataclass
class Snapshot:
    integrity: str
    counts: dict[str, int]


def snapshot(db: Path) -> Snapshot:
    """The registry as a fresh reader finds it: SQLite's own integrity verdict and the counts."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("person", "family", "import_batch", "audit_log")}
    finally:
        con.close()
    return Snapshot(integrity, counts)


def kill_at(proc: subprocess.Popen, seconds: float) -> bool:
    """SIGKILL after `seconds`; False when the process had already finished."""
    try:
        proc.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        return True


@pytest.fixture(scope="session")
def office(tmp_path_factory) -> Path:
    """An initialised registry with a first import (built in this process: quicker), copied by
    each case."""
    from desktop.core.db import schema
    from desktop.core.db.engine import open_database
    from desktop.core.services.imports import run_import
    from desktop.core.services.office import init_office

    folder = tmp_path_factory.mktemp("faults")
    db = open_database(folder / "kantor.db")
    try:
        schema.upgrade(db)
        init_office(db, "64.02.06")
        run_import(db, synthetic_file(folder / "awal.csv", 300, seed=1))
    finally:
        db.dispose()
    return folder / "kantor.db"


@pytest.fixture
def registry(office, tmp_path) -> Path:
    db = tmp_path / "kantor.db"
    src = sqlite3.connect(office)
    dst = sqlite3.connect(db)
    src.backup(dst)
    src.close()
    dst.close()
    return db


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start
