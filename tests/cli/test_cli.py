import os
import subprocess
import sys

from sqlalchemy import select, text

from desktop.cli import main
from desktop.core.db import schema
from desktop.core.db.engine import open_database
from desktop.core.db.models import AuditEntry


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("Simpul ")


def test_init_is_idempotent(capsys, db_url):
    code, out, _ = run(capsys, "--db", db_url, "init", "--kecamatan", "64.02.06")
    assert code == 0
    assert "Kecamatan Tenggarong (64.02.06): 14 desa/kelurahan" in out
    code, out, _ = run(capsys, "--db", db_url, "init", "--kecamatan", "640206")
    assert code == 0 and "tidak ada yang diubah" in out
    db = open_database(db_url)
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM region WHERE parent_code = '64.02.06'")).scalar() == 14
        assert s.execute(text("SELECT count(*) FROM office_profile")).scalar() == 1
    db.dispose()


def test_init_refuses_another_kecamatan_on_the_same_file(capsys, tmp_path):
    db = str(tmp_path / "a.db")
    assert run(capsys, "--db", db, "init", "--kecamatan", "64.02.06")[0] == 0
    code, _, err = run(capsys, "--db", db, "init", "--kecamatan", "64.08.04")
    assert code == 1
    assert "milik kecamatan Tenggarong (64.02.06), bukan Sangatta Utara (64.08.04)" in err


def test_unknown_kecamatan(capsys, tmp_path):
    code, _, err = run(capsys, "--db", str(tmp_path / "a.db"), "init", "--kecamatan", "64.02.99")
    assert code == 1 and "tidak ada di daftar wilayah Kemendagri" in err


def test_demo_and_check(capsys, db_url):
    run(capsys, "--db", db_url, "init", "--kecamatan", "64.02.06")
    code, out, _ = run(capsys, "--db", db_url, "demo", "--families", "50")
    assert code == 0 and "Data contoh ditambahkan: 50 keluarga" in out
    code, out, _ = run(capsys, "--db", db_url, "check")
    assert code == 0
    head = schema.head_revision()
    assert f"Versi skema basis data: {head} (terbaru: {head})" in out
    assert "Isi: 50 keluarga" in out
    assert "MASALAH" not in out


def test_check_reports_problems_with_exit_1(capsys, sqlite_db):
    with sqlite_db.engine.begin() as conn:  # a bad NIK written around the services
        conn.execute(text("INSERT INTO person (nik, name, name_key, sex, life_status, nik_mismatch, "
                          "created_at, updated_at) VALUES ('6402063205850001', 'X', 'X', 'L', 'hidup', 0, "
                          "'2026-01-01', '2026-01-01')"))
    code, out, _ = run(capsys, "--db", str(sqlite_db.file), "check")
    assert code == 1
    assert "MASALAH: 1 NIK tidak sah strukturnya, misalnya 6402063205850001." in out


def test_check_on_an_empty_database_says_what_to_do(capsys, tmp_path):
    code, _, err = run(capsys, "--db", str(tmp_path / "baru.db"), "check")
    assert code == 1 and "simpul init --kecamatan" in err


def test_demo_needs_init(capsys, tmp_path):
    code, _, err = run(capsys, "--db", str(tmp_path / "baru.db"), "demo")
    assert code == 1 and "belum disiapkan" in err


def test_usage_errors_exit_2_in_indonesian(capsys):
    code, _, err = run(capsys, "init")
    assert code == 2 and "argumen berikut wajib diisi: --kecamatan" in err
    code, _, err = run(capsys, "hapus-semua")
    assert code == 2 and "pilihan tidak sah" in err
    code, _, err = run(capsys, "demo", "--families", "nol")
    assert code == 2 and "kesalahan" in err


def test_english_on_request(capsys, tmp_path):
    code, out, _ = run(capsys, "--lang", "en", "--db", str(tmp_path / "a.db"), "init", "--kecamatan", "64.02.06")
    assert code == 0 and "is ready for Kecamatan Tenggarong" in out


def test_lang_switches_the_window_too(capsys, monkeypatch, tmp_path):
    import desktop.gui.app
    from desktop.core import i18n

    seen = {}
    monkeypatch.setattr(desktop.gui.app, "run", lambda **kwargs: seen.update(kwargs) or 0)
    try:
        assert run(capsys, "--lang", "en", "--db", str(tmp_path / "a.db"))[0] == 0
        assert seen["lang"] == "en"
        assert run(capsys, "--db", str(tmp_path / "a.db"), "gui")[0] == 0
        assert seen["lang"] is None  # no flag: the saved choice or SIMPUL_LANG decides
    finally:
        i18n.set_language("id")


def test_damaged_database_exit_1_with_advice(capsys, tmp_path):
    bad = tmp_path / "rusak.db"
    bad.write_bytes(b"bukan basis data " * 500)
    code, _, err = run(capsys, "--db", str(bad), "check")
    assert code == 1 and "rusak" in err and "cadangan" in err


def test_the_done_criterion_in_real_processes(tmp_path):
    """`simpul init && simpul demo --families 2000 && simpul check`, as an operator types it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIMPUL_TEST")}
    db = str(tmp_path / "x.db")
    for args in (["init", "--kecamatan", "64.02.06"], ["demo", "--families", "2000"], ["check"]):
        proc = subprocess.run([sys.executable, "-m", "desktop", "--db", db, *args], env=env,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "Isi: 2.000 keluarga" in proc.stdout


def test_upgrade_without_database_is_a_no_op(capsys, tmp_path):
    code, out, _ = run(capsys, "--db", str(tmp_path / "belum.db"), "upgrade")
    assert code == 0 and "tidak ada yang perlu diperbarui" in out
    assert not (tmp_path / "belum.db").exists()


def test_upgrade_current_database(capsys, sqlite_db):
    code, out, _ = run(capsys, "--db", str(sqlite_db.file), "upgrade")
    assert code == 0 and f"sudah versi terbaru ({schema.head_revision()})" in out


def test_demo_referrals_letter_and_verify(capsys, tmp_path):
    import json

    import pypdf

    from desktop.core.services.referrals import letter_data

    db_file = str(tmp_path / "simpul.db")
    assert run(capsys, "--db", db_file, "init", "--kecamatan", "64.02.06")[0] == 0
    assert run(capsys, "--db", db_file, "demo", "--families", "60")[0] == 0
    code, out, _ = run(capsys, "--db", db_file, "list", "referrals", "--json")
    rows = json.loads(out)
    assert code == 0
    assert {r["status"] for r in rows} == {"draft", "ditandatangani", "dikirim", "diterima", "ditindaklanjuti",
                                           "selesai"}
    signed = sorted((r for r in rows if r["number"]), key=lambda r: r["number"])
    assert [r["number"].split("/")[1] for r in signed] == ["001", "002", "003", "004", "005"]
    pdf = tmp_path / "surat.pdf"
    code, out, _ = run(capsys, "--db", db_file, "print", "letter", str(signed[0]["id"]), str(pdf), "--paper", "a4")
    assert code == 0 and signed[0]["number"] in out
    assert signed[0]["number"] in pypdf.PdfReader(pdf).pages[0].extract_text()
    assert not list(tmp_path.glob("*.part"))
    db = open_database(db_file)
    try:
        with db.read() as s:
            payload = letter_data(s, signed[0]["id"]).qr
            printed = s.execute(select(AuditEntry.record_id, AuditEntry.changes)
                                .where(AuditEntry.action == "print")).all()
        # The print is recorded once, by the referral service.
        assert printed == [(str(signed[0]["id"]), {"dokumen": "surat rujukan", "nomor": signed[0]["number"]})]
    finally:
        db.dispose()
    code, out, _ = run(capsys, "--db", db_file, "verify", payload)
    assert code == 0 and out.startswith("ASLI")
    parts = payload.split("|")
    parts[2] = "2020-01-01"  # a back-dated copy
    code, out, _ = run(capsys, "--db", db_file, "verify", "|".join(parts))
    assert code == 1 and out.startswith("TIDAK ASLI")
    code, _, err = run(capsys, "--db", db_file, "print", "letter", "999", str(pdf))
    assert code == 1 and "tidak ditemukan" in err


def test_aid_lists_documents_and_results(capsys, tmp_path):
    import json

    import openpyxl
    import pypdf

    db_file = str(tmp_path / "simpul.db")
    assert run(capsys, "--db", db_file, "init", "--kecamatan", "64.02.06")[0] == 0
    assert run(capsys, "--db", db_file, "demo", "--families", "120")[0] == 0
    code, out, _ = run(capsys, "--db", db_file, "list", "programmes", "--json")
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = run(capsys, "--db", db_file, "list", "events", "--json")
    events = json.loads(out)
    done = next(e for e in events if e["state"] == "selesai")
    for what, paper, size in (("roster", "a4", (842, 595)), ("coupons", "a4", (595, 842)), ("bast", "f4", (609, 935))):
        pdf = tmp_path / f"{what}.pdf"
        code, out, err = run(capsys, "--db", db_file, "print", what, str(done["id"]), str(pdf), "--paper", paper)
        assert code == 0, err
        box = pypdf.PdfReader(pdf).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size, what
    text = "".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "bast.pdf").pages)
    assert "BERITA ACARA SERAH TERIMA" in text and "/Kesos/" in text  # numbered from the letter register
    code, out, _ = run(capsys, "--db", db_file, "print", "roster", str(done["id"]), str(tmp_path / "r.pdf"),
                       "--masked", "--portrait")
    assert code == 0
    xlsx = tmp_path / "hasil.xlsx"
    code, out, err = run(capsys, "--db", db_file, "export", "results", str(xlsx), "--event", str(done["id"]))
    assert code == 0, err
    ws = openpyxl.load_workbook(xlsx)["Hasil"]
    statuses = [row[8] for row in ws.iter_rows(values_only=True) if row[0] and isinstance(row[0], int)]
    assert len(statuses) == done["due"] and set(statuses) <= {"DISALURKAN", "TIDAK HADIR"}
    code, _, err = run(capsys, "--db", db_file, "export", "results", str(xlsx))
    assert code == 1 and "--event" in err
    db = open_database(db_file)
    try:  # each paper and the export recorded once, by its service
        with db.read() as s:
            logged = s.execute(select(AuditEntry.action, AuditEntry.changes)
                               .where(AuditEntry.action.in_(("print", "export"))).order_by(AuditEntry.id)).all()
    finally:
        db.dispose()
    assert [(action, changes["dokumen"]) for action, changes in logged] == [
        ("print", "daftar penerima"), ("print", "kupon"), ("print", "berita acara"), ("print", "daftar penerima"),
        ("export", "hasil penyaluran")]
    code, _, err = run(capsys, "--db", db_file, "print", "roster", "999", str(tmp_path / "x.pdf"))
    assert code == 1 and "tidak ditemukan" in err


def test_a_reader_that_stops_early_ends_quietly(capsys, tmp_path):
    """`simpul list referrals | head -1`: the pipe's reader is gone before Simpul writes (a
    certain broken pipe); every command that writes to stdout ends with status 0 and no message."""
    db_file = str(tmp_path / "simpul.db")
    assert run(capsys, "--db", db_file, "init", "--kecamatan", "64.02.06")[0] == 0
    assert run(capsys, "--db", db_file, "demo", "--families", "40")[0] == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIMPUL_TEST")}
    # One broken-pipe handler serves every command; a list, a JSON list and the check stand for them.
    for args in (["list", "referrals"], ["list", "events", "--json"], ["check"]):
        read_end, write_end = os.pipe()
        os.close(read_end)  # head -1 has read its line and left
        try:
            proc = subprocess.run([sys.executable, "-m", "desktop", "--db", db_file, *args], env=env,
                                  stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60)
        finally:
            os.close(write_end)
        assert (proc.returncode, proc.stderr) == (0, ""), args

