"""`simpul report …`, `simpul activities`, `simpul visits` (issue 17), through desktop.commands.reports."""

from __future__ import annotations

import argparse
import datetime as dt
import json

import pytest

from desktop.commands import reports
from desktop.core.services import demo


@pytest.fixture
def parser():
    p = argparse.ArgumentParser()
    p.add_argument("--db")
    p.add_argument("--user")
    sub = p.add_subparsers(dest="command")
    handlers = reports.add_parsers(sub, True)
    return p, handlers


def _run(parser, argv):
    p, handlers = parser
    args = p.parse_args(argv)
    return handlers[args.command](args)


def test_month_year_tksk_and_lists(sqlite_db, parser, tmp_path, capsys):
    today = dt.date.today()
    demo.generate(sqlite_db, 20, seed=2, today=today)  # with a year of PSKS work; the last month open
    url = str(sqlite_db.engine.url.database)
    y, m = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    month = f"{y}-{m:02d}"
    assert _run(parser, ["--db", url, "report", "month", month, str(tmp_path / "m.pdf"),
                         "--xlsx", str(tmp_path / "m.xlsx"), "--close"]) == 0
    out = capsys.readouterr().out
    assert "SHA-256" in out and (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    assert _run(parser, ["--db", url, "report", "year", str(today.year), str(tmp_path / "y.xlsx")]) == 0
    assert _run(parser, ["--db", url, "activities", "--json"]) == 0
    acts = json.loads(capsys.readouterr().out.splitlines()[-1])
    tksk = next(a for a in acts if a["type"] == "TKSK")
    assert _run(parser, ["--db", url, "report", "tksk", str(tksk["psks_id"]), month, str(tmp_path / "t.pdf"),
                         "--xlsx", str(tmp_path / "e.xlsx")]) == 0
    assert _run(parser, ["--db", url, "visits", "--json"]) == 0
    visits = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert visits and {"due", "status", "holder"} <= set(visits[0])


def test_activities_from_a_psks_sheet_every_row_accounted_for(sqlite_db, parser, tmp_path, capsys):
    import openpyxl
    from sqlalchemy import select

    from desktop.core.db.models import Family, Person, PsksActivity
    from desktop.core.services.activities import workers

    today = dt.date.today()
    demo.generate(sqlite_db, 12, seed=4, today=today)
    url = str(sqlite_db.engine.url.database)
    template = tmp_path / "templat.xlsx"
    assert _run(parser, ["--db", url, "activities", "template", str(template)]) == 0
    with sqlite_db.read() as s:
        tksk = next(w for w in workers(s) if w.type_code == "TKSK")
        nik = s.scalars(select(Person.nik).where(Person.nik.is_not(None))).first()
        kk = s.scalars(select(Family.no_kk).where(Family.no_kk.is_not(None))).first()
        before = len(list(s.scalars(select(PsksActivity.id))))
    book = openpyxl.load_workbook(template)
    ws = book["Kegiatan"]
    header = next(r[0].row for r in ws.iter_rows() if r[0].value == "TANGGAL")
    day = (today - dt.timedelta(days=3)).strftime("%d-%m-%Y")
    rows = [
        (day, "Jahab", "Asesmen", f"{nik}, {kk}", "Asesmen lansia di RT 003. Dilaporkan ke kecamatan."),
        (day, "Loa Ipuh", "sosialisasi", "", "Sosialisasi bahaya NAPZA bagi remaja."),
        (day, "Desa Entah", "Asesmen", "", "Desa yang tidak ada."),
        ("31-02-2026", "Jahab", "Asesmen", "", "Tanggal yang tidak ada."),
        (day, "Jahab", "Berkebun", "", "Jenis yang tidak dikenal."),
        (day, "Jahab", "Asesmen", "6402999999999999", "NIK yang tidak terdaftar."),
        (day, "Jahab", "Pendampingan", 6402060101400004, "NIK sebagai angka."),
        (day, "Jahab", "Asesmen", f"{nik}, {kk}", "Asesmen lansia di RT 003. Dilaporkan ke kecamatan."),
    ]
    for i, values in enumerate(rows, header + 1):
        for c, v in enumerate(values, 1):
            ws.cell(i, c, v)
    ws.cell(header + 3 + len(rows), 1, None)  # a blank line is no row
    book.save(tmp_path / "isi.xlsx")
    assert _run(parser, ["--db", url, "activities", "import", str(tmp_path / "isi.xlsx"), "--psks", str(tksk.id),
                         "--json"]) == 0
    result = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert [r["row"] for r in result["rows"]] == list(range(header + 1, header + 1 + len(rows)))
    assert [r["taken"] for r in result["rows"]] == [True, True, False, False, False, False, False, False]
    reasons = [r["reason"] for r in result["rows"][2:]]
    for words, reason in zip(("Desa Entah", "31-02-2026", "Berkebun", "6402999999999999", "teks", "sudah"),
                             reasons, strict=True):
        assert words in reason
    with sqlite_db.read() as s:
        new = s.scalars(select(PsksActivity).where(PsksActivity.source == "impor").order_by(PsksActivity.id)).all()
        assert len(new) == 2 and len(list(s.scalars(select(PsksActivity.id)))) == before + 2
        assert new[0].title == "Asesmen lansia di RT 003" and len(new[0].served) == 2
        assert new[1].kind.value == "penyuluhan"
    # the same file again adds nothing: every row is now a duplicate or refused
    assert _run(parser, ["--db", url, "activities", "import", str(tmp_path / "isi.xlsx"), "--psks", str(tksk.id)]) == 0
    assert "0 kegiatan diambil" in capsys.readouterr().out


def test_print_visit_form(sqlite_db, tmp_path, capsys):
    from sqlalchemy import select

    from desktop.cli import main
    from desktop.core.db.models import AuditEntry, HomeVisit

    demo.generate(sqlite_db, 8, seed=6)
    url = str(sqlite_db.engine.url.database)
    with sqlite_db.read() as s:
        visit = s.scalars(select(HomeVisit.id)).first()
    assert main(["--db", url, "print", "visit-form", str(visit), str(tmp_path / "kunjungan.pdf")]) == 0
    assert (tmp_path / "kunjungan.pdf").read_bytes().startswith(b"%PDF")
    with sqlite_db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "home_visit")
                          .order_by(AuditEntry.id.desc())).first()
        assert entry.record_id == str(visit) and entry.changes["dokumen"] == "formulir kunjungan rumah"
