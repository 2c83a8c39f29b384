"""One shape for every output: a service gathers plain data and writes the audit entry, and
desktop.core.io draws the file from that data without a database in reach."""

import ast
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.db.models import AuditEntry, DistributionEvent
from desktop.core.services import aid_documents as docs
from desktop.core.services.exports import KINDS, export, save_pdf
from tests.conftest import filled_db

IO = Path(__file__).resolve().parents[2] / "desktop" / "core" / "io"
FORBIDDEN = ("sqlalchemy", "desktop.core.db", "desktop.core.services")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted(IO.rglob("*.py")), ids=lambda p: str(p.relative_to(IO)))
def test_io_has_no_database_in_reach(path):
    bad = sorted(m for m in imported_modules(path) if any(m == f or m.startswith(f + ".") for f in FORBIDDEN))
    assert not bad, f"{path.name} imports {bad}: gather the data in a service, draw it in io"


def test_drawing_every_output_loads_no_sqlalchemy():
    modules = ["desktop.core.io.excel_export", "desktop.core.io.report", "desktop.core.io.pdf.letter",
               "desktop.core.io.pdf.roster", "desktop.core.io.pdf.coupons", "desktop.core.io.pdf.bast"]
    code = f"import sys\nfor m in {modules!r}: __import__(m)\nprint('sqlalchemy' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=IO.parents[2])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


@pytest.fixture
def filled(request, db_url):
    return filled_db(request, db_url, 60, seed=5, today=dt.date(2026, 11, 22))


def audit_entries(db) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action.in_(("print", "export")))
                              .order_by(AuditEntry.id)))


def test_each_registry_export_is_recorded_once(filled, tmp_path):
    for kind in KINDS:
        before = len(audit_entries(filled))
        result = export(filled, kind, tmp_path / f"{kind}.xlsx", purpose="laporan uji", full_nik=kind == "persons")
        added = audit_entries(filled)[before:]
        if kind in ("recap", "template"):  # counts and an empty form: no personal data leaves
            assert added == [], kind
            continue
        assert [(e.action, e.table_name, e.record_id) for e in added] == [("export", kind, "kecamatan")], kind
        assert added[0].changes == {"dokumen": kind, "berkas": f"{kind}.xlsx",
                                    "nik": "lengkap" if kind == "persons" else "disamarkan",
                                    "baris": result.rows, "tujuan": "laporan uji"}
        assert added[0].actor == "penguji"
    export(filled, "persons", tmp_path / "jahab.xlsx", desa="Jahab", purpose="laporan uji")
    assert audit_entries(filled)[-1].record_id == "Jahab"


def test_each_aid_paper_is_recorded_once(filled, tmp_path):
    with filled.read() as s:
        event_id = s.scalar(select(func.min(DistributionEvent.id)).where(DistributionEvent.closed_at.is_not(None)))
    assert event_id
    papers = {"daftar penerima": lambda s: docs.roster_pdf(s, event_id, masked=True),
              "kupon": lambda s: docs.coupons_pdf(s, event_id),
              "berita acara": lambda s: docs.bast_pdf(s, event_id)}
    for name, make in papers.items():
        before = len(audit_entries(filled))
        content = save_pdf(filled, make, tmp_path / "kertas.pdf")
        assert content.startswith(b"%PDF") and (tmp_path / "kertas.pdf").read_bytes() == content
        added = audit_entries(filled)[before:]
        assert [(e.action, e.table_name, e.record_id, e.changes["dokumen"]) for e in added] == [
            ("print", "distribution_event", str(event_id), name)]
    before = len(audit_entries(filled))
    result = docs.export_results(filled, event_id, tmp_path / "hasil.xlsx")
    added = audit_entries(filled)[before:]
    assert [(e.action, e.changes) for e in added] == [
        ("export", {"dokumen": "hasil penyaluran", "berkas": "hasil.xlsx", "nik": "lengkap", "baris": result.rows,
                    "tujuan": "laporan hasil penyaluran ke kabupaten"})]
    assert not list(tmp_path.glob("*.part"))
