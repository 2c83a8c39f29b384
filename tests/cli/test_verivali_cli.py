"""`simpul verivali …` and `simpul complaint …` (registered through desktop.commands.MODULES)."""

from __future__ import annotations

import json

import pytest

from desktop import cli, commands


@pytest.fixture(autouse=True)
def _registered(monkeypatch):
    if "verivali" not in commands.MODULES:  # until the lead lists the module
        monkeypatch.setattr(commands, "MODULES", (*commands.MODULES, "verivali"))


def test_round_and_complaint_from_the_command_line(sqlite_db, tmp_path, capsys):
    db = ["--db", str(sqlite_db.file)]
    assert cli.main([*db, "verivali", "new", "--desa", "Jahab", "--name", "Mei 2026", "--json"]) == 0
    rid = json.loads(capsys.readouterr().out)["id"]
    assert cli.main([*db, "verivali", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "Mei 2026"
    assert cli.main([*db, "complaint", "add", "--name", "Siti Uji", "--summary", "Belum terdaftar",
                     "--category", "belum terdaftar", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["number"].startswith("ADU-")
    assert cli.main([*db, "complaint", "print", str(added["id"]), str(tmp_path / "adu.pdf")]) == 0
    assert (tmp_path / "adu.pdf").read_bytes().startswith(b"%PDF")
    assert cli.main([*db, "verivali", "print", "attendance", str(rid), str(tmp_path / "hadir.pdf")]) == 0
    assert cli.main([*db, "verivali", "close", str(rid)]) != 0  # no families listed: refused with a message
    assert "belum berisi" in capsys.readouterr().err


def test_a_round_from_the_regency_file_reports_every_row(sqlite_db, tmp_path, capsys):
    from tests.db.test_verivali_intake import ROWS, write_prelist

    db = ["--db", str(sqlite_db.file)]
    path = write_prelist(tmp_path / "prelist.xlsx")
    assert cli.main([*db, "verivali", "new", "--desa", "Jahab", "--name", "Mei 2026", "--from", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{len(ROWS)} baris = 4 masuk daftar" in out  # the registry had no Warga Lama: still Jahab
    assert "Loa Ipuh" in out and "tidak diambil" in out and "Antah Berantah" in out
    assert cli.main([*db, "verivali", "new", "--desa", "Jahab", "--name", "Juni 2026", "--from", str(path),
                     "--json"]) == 0
    intake = json.loads(capsys.readouterr().out)["intake"]
    assert intake["balanced"] and intake["rows"] == len(ROWS) and len(intake["other_desa"]) == 2


def test_a_complaint_closed_into_a_referral_is_linked_both_ways(sqlite_db, capsys):
    from sqlalchemy import func, select

    from desktop.core.db.models import Family, Person, Referral
    from desktop.core.domain.enums import ReferralStatus, Sex
    from desktop.core.services import complaints

    with sqlite_db.transaction() as s:
        fam = Family(no_kk="6402061203150301", desa_code="64.02.06.1001", rt="001")
        s.add(fam)
        s.flush()
        s.add(Person(nik="6402061505800301", name="Warga Rujuk", name_key="WARGA RUJUK", sex=Sex.MALE,
                     family_id=fam.id, relationship_code=1, desa_code="64.02.06.1001"))
    db = ["--db", str(sqlite_db.file)]
    assert cli.main([*db, "complaint", "add", "--name", "Warga Rujuk", "--summary", "Butuh kursi roda",
                     "--about-nik", "6402061505800301", "--json"]) == 0
    cid = json.loads(capsys.readouterr().out)["id"]
    assert cli.main([*db, "complaint", "refer", str(cid), "--institution", "1", "--need", "Kursi roda"]) == 0
    assert "rujukan" in capsys.readouterr().out
    with sqlite_db.read() as s:
        referral = s.scalars(select(Referral)).one()
        assert referral.status is ReferralStatus.DRAFT and referral.need == "Kursi roda"
        assert referral.person_id is not None
        origin = complaints.complaint_of_referral(s, referral.id)
        assert origin.id == cid and origin.number.startswith("ADU-")
        assert complaints.outcome(s, cid).referral_id == referral.id
        assert complaints.outcome(s, cid).institution.startswith("Dinas Sosial")
    # closed: a second referral is refused, and so is a referral for a complaint about nobody
    assert cli.main([*db, "complaint", "refer", str(cid), "--institution", "1", "--need", "Lagi"]) != 0
    assert "tidak bisa diubah" in capsys.readouterr().err
    assert cli.main([*db, "complaint", "add", "--name", "Anon", "--summary", "Umum", "--json"]) == 0
    other = json.loads(capsys.readouterr().out)["id"]
    assert cli.main([*db, "complaint", "refer", str(other), "--institution", "1", "--need", "X"]) != 0
    assert "belum dikaitkan" in capsys.readouterr().err
    assert cli.main([*db, "complaint", "propose", str(other), "--json"]) == 0  # an usulan needs nobody registered
    proposed = json.loads(capsys.readouterr().out)
    with sqlite_db.read() as s:
        assert complaints.linked_proposal(s, other) == proposed["proposal"]
        assert complaints.complaint_of_proposal(s, proposed["proposal"]).id == other
        assert s.scalar(select(func.count(Referral.id))) == 1


def test_the_kecamatan_recap_as_a_workbook_adds_up(sqlite_db, tmp_path, capsys):
    import openpyxl

    from tests.db.test_verivali_intake import write_prelist

    db = ["--db", str(sqlite_db.file)]
    path = write_prelist(tmp_path / "prelist.xlsx")
    assert cli.main([*db, "verivali", "new", "--desa", "Jahab", "--name", "Mei 2026", "--from", str(path)]) == 0
    assert cli.main([*db, "verivali", "new", "--desa", "Loa Ipuh", "--name", "Mei 2026", "--from-registry"]) == 0
    capsys.readouterr()
    assert cli.main([*db, "verivali", "result", "1", "6402061505800101", "1"]) == 0
    assert cli.main([*db, "verivali", "result", "1", "6402061505800103", "3"]) == 0
    assert cli.main([*db, "verivali", "result", "2", "6402061505800104", "4"]) == 0
    out = tmp_path / "rekap.xlsx"
    assert cli.main([*db, "verivali", "recap-xlsx", str(out)]) == 0
    assert "desa ditulis" in capsys.readouterr().out
    ws = openpyxl.load_workbook(out)["Rekap Verivali"]
    rows = list(ws.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "NO")
    head = rows[header]
    body = [r for r in rows[header + 1:] if isinstance(r[0], int)]
    total = next(r for r in rows if r[1] == "JUMLAH")
    started = {r[1]: r[2] for r in body if r[2] != "belum ada"}
    assert started == {"Jahab": "Mei 2026", "Loa Ipuh": "Mei 2026"}
    assert len(body) > 2  # every desa of the kecamatan, those without a round with zeros
    lines, unchecked = head.index("DALAM DAFTAR"), head.index("BELUM DIPERIKSA")
    for r in body:  # each desa: its results and its unchecked lines make its lines
        assert sum(r[lines + 1:unchecked + 1]) == r[lines]
    for c in range(lines, len(head)):  # each column: the desa make the JUMLAH
        assert sum(r[c] for r in body) == total[c]
    assert total[lines] == 4 and total[head.index("TETAP LAYAK")] == 1 and total[head.index("PINDAH")] == 1
    assert total[unchecked] == 1 and total[head.index("MENINGGAL")] == 1
