"""Shared fixtures: user folders redirected to tmp, databases on SQLite and (when configured)
PostgreSQL, Qt headless. Nothing here imports PySide6: the core tests must run without it."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# Module-scoped fixtures run before the per-test folders exist: their data folder and keys go to
# a throwaway folder of this run too, never to the machine's own (a demo writes a signing key).
if "SIMPUL_TEST_SESSION_HOME" not in os.environ:
    import tempfile

    os.environ["SIMPUL_TEST_SESSION_HOME"] = tempfile.mkdtemp(prefix="simpul-tests-")
os.environ["SIMPUL_HOME"] = os.environ["SIMPUL_TEST_SESSION_HOME"]
os.environ["SIMPUL_KEYSTORE_DIR"] = os.path.join(os.environ["SIMPUL_TEST_SESSION_HOME"], "keys")

# Without a display and without this, QApplication aborts the whole pytest process.
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from desktop.core import i18n, keystore  # noqa: E402
from desktop.core.db import schema  # noqa: E402
from desktop.core.db.engine import Database, open_database  # noqa: E402
from desktop.core.services.office import init_office  # noqa: E402

PG_URL = os.environ.get("SIMPUL_TEST_PG_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if {"qtbot", "qapp", "qtmodeltester"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


def _real_hasher():
    from desktop.core.services import users

    return users._hasher


REAL_HASHER = _real_hasher()  # tests/db/test_users.py checks its strength


@pytest.fixture(autouse=True)
def _quick_password_hashes(monkeypatch) -> None:
    """argon2id at its production cost takes ~0.13 s a hash; a test makes dozens. The hashes it
    makes carry their own parameters, so logins check them alike; the production parameters are
    asserted on their own (test_users.py)."""
    from argon2 import PasswordHasher

    from desktop.core.services import users

    quick = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(users, "_hasher", lambda: quick)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch) -> Iterator[None]:
    """No test reads or writes the real user data folder, and messages start in Indonesian."""
    home = tmp_path_factory.mktemp("simpul-home")
    monkeypatch.setenv("SIMPUL_HOME", str(home))
    monkeypatch.delenv("SIMPUL_DB", raising=False)
    monkeypatch.delenv("SIMPUL_LANG", raising=False)
    monkeypatch.setenv("SIMPUL_USER", "penguji")
    # Keys go to a folder of the test's own, never to the machine's key store.
    monkeypatch.setenv("SIMPUL_KEYSTORE_DIR", str(home / "keys"))
    keystore.reset()
    i18n.set_language("id")
    yield
    keystore.reset()
    i18n.set_language("id")


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty database: an SQLite file, or a new database on the test PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "simpul.db")
        return
    if not PG_URL:
        pytest.skip("SIMPUL_TEST_PG_URL is not set")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    if not {"db", "filled"} & set(request.fixturenames):  # those make it from a template
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def empty_db(db_url) -> Iterator[Database]:
    db = open_database(db_url, busy_timeout_ms=200)
    yield db
    db.dispose()


def _set_up(db: Database) -> None:
    schema.upgrade(db)
    init_office(db, "64.02.06", actor="penguji")


def _template_key() -> str:
    """Changes whenever a migration or the reference data does: a template never goes stale."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(schema.MIGRATIONS_DIR.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A registry at the current schema, set up for Tenggarong: made once, copied by each test
    (migrating a new file took 0.3-0.6 s a test)."""
    file = tmp_path_factory.mktemp("template") / "simpul.db"
    db = open_database(file)
    _set_up(db)
    db.dispose()
    return file


def _pg_once(name: str, build, template: str | None = None) -> str:
    """Database `name` made once per server and code version by `build(db)` (the first xdist
    worker makes it under a lock; the others wait, then reuse it)."""
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(7340241)"))
        try:
            if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
                conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
                db = open_database(make_url(PG_URL).set(database=name))
                try:
                    build(db)
                finally:
                    db.dispose()
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(7340241)"))
    admin.dispose()
    return name


@pytest.fixture(scope="session")
def pg_template() -> str:
    """The same on PostgreSQL: a template database at the current schema, set up for Tenggarong."""
    return _pg_once(f"simpul_tpl_{_template_key()}", _set_up)


@pytest.fixture
def db(request, db_url) -> Iterator[Database]:
    """A database at the current schema, set up for Kecamatan Tenggarong (64.02.06)."""
    url = make_url(db_url) if "://" in db_url else None
    if url is None:
        shutil.copyfile(request.getfixturevalue("sqlite_template"), db_url)
    else:
        template = request.getfixturevalue("pg_template")
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{url.database}" TEMPLATE "{template}"'))
        admin.dispose()
    database = open_database(db_url, busy_timeout_ms=200)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path, sqlite_template) -> Iterator[Database]:
    shutil.copyfile(sqlite_template, tmp_path / "simpul.db")
    db = open_database(tmp_path / "simpul.db", busy_timeout_ms=200)
    yield db
    db.dispose()


_FILLED: dict[tuple, str] = {}  # (backend, families, seed, today) -> template file or database


def filled_db(request, db_url: str, families: int, seed: int, today=None) -> Database:
    """A registry with `families` demo families, generated once per session for each set of
    arguments and copied for each test (a demo of 120 families took 3-5 s a test)."""
    from desktop.core.services import demo

    pg = "://" in db_url
    key = ("pg" if pg else "sqlite", families, seed, today)
    if key not in _FILLED:
        if pg:
            name = f"simpul_demo_{_template_key()}_{families}_{seed}_{today or 'x'}".replace("-", "")
            _FILLED[key] = _pg_filled(request, name, families, seed, today)
        else:
            file = request.getfixturevalue("tmp_path_factory").mktemp("filled") / "simpul.db"
            template = open_database(file)
            _set_up(template)
            demo.generate(template, families, seed=seed, today=today)
            template.dispose()
            _FILLED[key] = str(file)
    if pg:
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            name = make_url(db_url).database
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_FILLED[key]}"'))
        admin.dispose()
    else:
        shutil.copyfile(_FILLED[key], db_url)
    database = open_database(db_url, busy_timeout_ms=200)
    request.addfinalizer(database.dispose)
    return database


def _pg_filled(request, name: str, families: int, seed: int, today) -> str:
    from desktop.core.services import demo

    return _pg_once(name, lambda db: demo.generate(db, families, seed=seed, today=today),
                    template=request.getfixturevalue("pg_template"))
