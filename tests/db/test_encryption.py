"""Encryption at rest (issue 15 item 7): `strings` on an encrypted registry finds no NIK; its key
is found, given back through the recovery key, and kept by its backups, restores and salvage."""

from __future__ import annotations

import secrets
import shutil
import socket
import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.core.db import cipher, schema
from desktop.core.db.engine import open_database
from desktop.core.db.models import Person
from desktop.core.errors import SimpulError, StorageError
from desktop.core.services import backup, check, encryption, salvage
from desktop.core.services import backup_files as files
from desktop.core.services.demo import generate
from desktop.core.services.office import init_office
from tests.db.test_backup import TODAY

PASSPHRASE = "kantor-kecamatan-uji"


def _fill(file: Path, key: bytes | None) -> None:
    db = open_database(file, key=key)
    schema.upgrade(db)
    init_office(db, "64.02.06")
    generate(db, 60, seed=15, today=TODAY)
    db.dispose()
    files.checkpoint(file)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, Path, bytes]:
    """The same demo registry twice: encrypted (its key never in any key store here) and plain."""
    folder = tmp_path_factory.mktemp("encrypted")
    key = secrets.token_bytes(32)
    _fill(folder / "polos.db", None)
    # The encrypted twin through SQLite's backup API under the key: the same pages, encrypted (a
    # second demo run took 3 s).
    files.copy_sqlite(folder / "polos.db", folder / "kantor.db", key=key)
    return folder / "kantor.db", folder / "polos.db", key


@pytest.fixture
def sealed(template, tmp_path):
    """An encrypted registry whose key is in this test's key ring."""
    source, _plain, key = template
    cipher.forget_cache()
    cipher.remember(key)
    shutil.copyfile(source, tmp_path / "kantor.db")
    db = open_database(tmp_path / "kantor.db", busy_timeout_ms=200)
    yield db
    db.dispose()
    cipher.forget_cache()


@pytest.fixture
def plain(template, tmp_path):
    shutil.copyfile(template[1], tmp_path / "polos.db")
    db = open_database(tmp_path / "polos.db", busy_timeout_ms=200)
    yield db
    db.dispose()


def secrets_of(db) -> tuple[list[str], list[str]]:
    with db.read() as s:
        rows = s.execute(select(Person.nik, Person.name).where(Person.nik.is_not(None))).all()
    assert len(rows) > 100
    # Whole names of 8 letters or more: a short one ("Ani") turns up in a megabyte of noise by chance.
    return [r.nik for r in rows], [r.name for r in rows if len(r.name) >= 8]


def raw_bytes(*paths: Path) -> bytes:
    """Every byte a `strings` would read: each file with its -wal and -shm."""
    out = b""
    for path in paths:
        for suffix in ("", "-wal", "-shm", "-journal"):
            extra = Path(f"{path}{suffix}")
            if extra.exists():
                out += extra.read_bytes()
    return out


def assert_nothing_readable(data: bytes, niks: list[str], names: list[str]) -> None:
    upper = data.upper()
    assert not data.startswith(b"SQLite format 3")
    assert not [n for n in niks if n.encode() in data]
    assert not [n for n in names if n.upper().encode() in upper]
    assert b"TENGGARONG" not in upper


def test_strings_on_an_encrypted_registry_finds_no_nik_and_no_name(sealed):
    from desktop.core.services.registry import PersonInput, create_person

    niks, names = secrets_of(sealed)
    with sealed.read() as held:  # an open connection keeps the WAL from being folded in and removed
        held.execute(text("SELECT count(*) FROM person")).scalar()
        with sealed.transaction() as s:
            create_person(s, PersonInput(name="WARGA SANDI UJI", sex="L", nik="6402061505900001"))
        assert Path(f"{sealed.file}-wal").stat().st_size > 0
        assert_nothing_readable(raw_bytes(sealed.file), [*niks, "6402061505900001"], [*names, "WARGA SANDI UJI"])
    assert sealed.encrypted and cipher.kind(sealed.file) == "encrypted"
    assert_nothing_readable(raw_bytes(sealed.file), [*niks, "6402061505900001"], [*names, "WARGA SANDI UJI"])
    with sealed.read() as s:  # and the registry works as before, search index included
        assert s.scalar(text("SELECT count(*) FROM person WHERE nik = '6402061505900001'")) == 1
    report = check.run_check(sealed)
    assert report.ok, [f.message for f in report.findings]
    assert not check.quick_check(sealed.file).damaged


def test_without_its_key_the_registry_is_refused_with_advice(template, tmp_path):
    source, _plain, key = template
    cipher.forget_cache()
    file = tmp_path / "pindahan.db"
    shutil.copyfile(source, file)
    with pytest.raises(StorageError) as info:
        open_database(file)
    assert info.value.code == "cipher.no_key"
    message = info.value.message
    assert str(file) in message and "unlock --recovery-key-file" in message and "kunci pemulihan" in message
    assert key.hex() not in message and cipher.recovery_text(key) not in message


def test_the_recovery_key_opens_it_and_is_remembered(template, tmp_path):
    source, _plain, key = template
    cipher.forget_cache()
    file = tmp_path / "pindahan.db"  # a moved file, on a computer that never saw its key
    shutil.copyfile(source, file)
    words = cipher.recovery_text(key)
    assert len(words.split("-")) == 14 and all(len(g) == 4 for g in words.split("-"))
    typo = words[:7] + ("0" if words[7] != "0" else "1") + words[8:]
    with pytest.raises(SimpulError) as info:
        encryption.unlock(file, typo)
    assert info.value.code == "cipher.recovery_typo" and cipher.ring() == {}
    with pytest.raises(SimpulError) as info:
        encryption.unlock(file, cipher.recovery_text(secrets.token_bytes(32)))
    assert info.value.code == "cipher.recovery_wrong" and cipher.ring() == {}
    # As people type it: small letters, spaces for dashes, O for 0 and l for 1.
    typed = words.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert "tanpa ditanya" in encryption.unlock(file, typed)
    assert list(cipher.ring().values()) == [key]
    cipher.forget_cache()
    db = open_database(file)
    try:
        assert encryption.recovery_key(db) == words
        with db.read() as s:
            assert s.scalar(text("SELECT count(*) FROM person")) > 100
    finally:
        db.dispose()


def test_backups_stay_encrypted_and_restore(sealed, tmp_path):
    niks, names = secrets_of(sealed)
    made = backup.make_backup(sealed)
    assert made.verified and made.intact() and not made.encrypted  # no passphrase: the registry's key
    assert_nothing_readable(raw_bytes(made.path), niks, names)
    away = tmp_path / "flashdisk"
    away.mkdir()
    sealed_away = backup.make_backup(sealed, to=away, passphrase=PASSPHRASE)
    assert sealed_away.encrypted and sealed_away.intact()
    assert not [p for p in away.iterdir() if p.name.endswith(".part")]
    with sealed.transaction() as s:
        s.execute(text("DELETE FROM psks_member"))
    result = backup.restore(sealed, made.path)
    assert result.counts["person"] == len(niks) + result.counts["person"] - len(niks)
    assert cipher.is_encrypted(sealed.file) and result.safety_copy is not None
    assert_nothing_readable(raw_bytes(result.safety_copy), niks, names)
    with sealed.read() as s:
        assert s.scalar(text("SELECT count(*) FROM psks_member")) == made.counts["psks_member"]
    backup.restore(sealed, sealed_away.path, passphrase=PASSPHRASE)
    assert cipher.is_encrypted(sealed.file) and check.find_damage(sealed.file) is None
    assert_nothing_readable(raw_bytes(sealed.file), niks, names)
    # Another computer that has the passphrase but not the registry's key is told what to give.
    cipher.forget_cache()
    from desktop.core import keystore

    keystore.delete(cipher.RING)
    with pytest.raises(StorageError) as info:
        files.check_copy(made.path)
    assert info.value.code == "cipher.no_key"


def test_an_older_plain_backup_restored_onto_an_encrypted_registry_is_encrypted(sealed, plain, tmp_path):
    old = backup.make_backup(plain)  # e.g. made before `simpul encrypt`
    assert cipher.kind(old.path) == "plain"
    niks, names = secrets_of(sealed)
    backup.restore(sealed, old.path)
    assert cipher.is_encrypted(sealed.file)
    assert_nothing_readable(raw_bytes(sealed.file), niks, names)
    with sealed.read() as s:
        assert s.scalar(text("SELECT count(*) FROM person")) == old.counts["person"]


def test_the_copy_before_an_upgrade_is_encrypted(sealed):
    copy = schema.backup_sqlite(sealed.file, "sebelum-uji")
    assert cipher.is_encrypted(copy) and files.check_copy(copy).ok


def test_salvage_of_a_damaged_encrypted_registry(sealed, tmp_path):
    niks, names = secrets_of(sealed)
    sealed.dispose()
    shutil.copyfile(sealed.file, tmp_path / "asli.db")
    _damage_encrypted(sealed.file)
    found = check.find_damage(sealed.file)
    assert found is not None and found.problems
    before = files.counts_or_none(tmp_path / "asli.db")
    report = salvage.salvage(sealed.file, tmp_path / "selamat.db")
    whole = [tb.name for tb in report.tables if not tb.lost and tb.rows == before.get(tb.name)]
    assert not report.complete and len(whole) > len(report.tables) // 2  # the damage costs its pages only
    assert cipher.is_encrypted(report.target)
    assert_nothing_readable(raw_bytes(report.target), niks, names)
    assert files.check_copy(report.target).ok


def _damage_encrypted(file: Path, pages: int = 3) -> None:
    """Noise over a few pages in the middle of the file: their HMACs fail, as a failing disk would."""
    count = file.stat().st_size // 4096
    with open(file, "r+b") as f:
        for page in range(count // 2, count // 2 + pages):
            f.seek(page * 4096)
            f.write(secrets.token_bytes(4096))


def test_encrypt_converts_a_filled_plain_registry_in_place(plain):
    file = plain.file
    niks, names = secrets_of(plain)
    before = files.counts_or_none(file)
    older = backup.make_backup(plain)  # a plain backup made long before
    result = encryption.encrypt_registry(plain)
    assert cipher.is_encrypted(file) and files.counts_or_none(file) == before
    assert result.counts == before and result.recovery_key == encryption.recovery_key(plain)
    assert {older.path, result.backup} <= set(result.backups_encrypted) and not result.backups_left
    for info in backup.backups_of(plain):
        assert cipher.is_encrypted(info.path) and info.intact()
    with plain.transaction() as s:  # the same Database object works on, encrypted
        s.execute(text("UPDATE office_profile SET phone = '0541-000'"))
    everything = b"".join(p.read_bytes() for p in file.parent.rglob("*") if p.is_file())
    assert not [n for n in niks if n.encode() in everything]
    assert not [n for n in names if n.encode() in everything]
    with pytest.raises(SimpulError) as info:
        encryption.encrypt_registry(plain)
    assert info.value.code == "cipher.already"


def test_encrypt_that_fails_halfway_loses_nothing(plain, monkeypatch):
    file = plain.file
    before = files.counts_or_none(file)
    real = cipher.export

    def half(source, target, key):
        real(source, target, key)
        with open(target, "r+b") as f:  # then the power goes: the copy is cut short
            f.truncate(f.seek(0, 2) // 2)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(cipher, "export", half)
    with pytest.raises(StorageError) as info:
        encryption.encrypt_registry(plain)
    assert info.value.code == "cipher.failed" and "tidak diubah" in info.value.message
    assert cipher.kind(file) == "plain" and files.counts_or_none(file) == before
    assert check.find_damage(file) is None
    assert not [p for p in file.parent.iterdir() if ".part" in p.name]
    monkeypatch.setattr(cipher, "export", real)
    with plain.read() as s:
        assert s.scalar(text("SELECT count(*) FROM person")) == before["person"]


def test_a_write_during_the_conversion_stops_it(plain, monkeypatch):
    from desktop.core.services import encryption as enc

    real = files.check_copy
    calls = []

    def and_a_write(path, **kw):
        calls.append(path)
        other = open_database(plain.file)
        with other.transaction() as s:
            s.execute(text("UPDATE office_profile SET phone = :p"), {"p": f"0541-{len(calls):03d}"})
        other.dispose()
        return real(path, **kw)

    monkeypatch.setattr(enc.files, "check_copy", and_a_write)
    with pytest.raises(StorageError) as info:
        encryption.encrypt_registry(plain)
    assert "diubah program lain" in info.value.message and cipher.kind(plain.file) == "plain"


# -- PostgreSQL over TLS -------------------------------------------------------------------------
def test_a_postgresql_url_asking_for_tls_reaches_psycopg_unchanged():
    db = open_database("postgresql+psycopg://simpul:rahasia@db.kabupaten.example/simpul"
                       "?sslmode=verify-full&sslrootcert=/etc/simpul/ca.pem")
    _args, kwargs = db.engine.dialect.create_connect_args(db.url)
    assert kwargs["sslmode"] == "verify-full" and kwargs["sslrootcert"] == "/etc/simpul/ca.pem"
    db.dispose()


def test_a_server_without_tls_is_explained_when_the_url_asks_for_it():
    """A server that answers PostgreSQL's SSLRequest with "N" (no TLS here)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)

    def answer() -> None:
        for _ in range(4):  # libpq may try more than once
            try:
                conn, _ = server.accept()
            except OSError:
                return
            conn.recv(8)
            conn.sendall(b"N")
            conn.close()

    threading.Thread(target=answer, daemon=True).start()
    port = server.getsockname()[1]
    db = open_database(f"postgresql+psycopg://simpul:rahasia@127.0.0.1:{port}/simpul?sslmode=require"
                       "&connect_timeout=3")
    try:
        with pytest.raises(StorageError) as info:
            with db.read() as s:
                s.execute(text("SELECT 1"))
    finally:
        db.dispose()
        server.close()
    assert info.value.code == "db.tls" and "TLS" in info.value.message and "rahasia" not in info.value.message
