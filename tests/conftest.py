"""Shared fixtures: user folders redirected to tmp, databases on SQLite and (when configured)
PostgreSQL, Qt headless. Nothing here imports PySide6: the core tests must run without it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

# Without a display and without this, QApplication aborts the whole pytest process.
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from desktop.core import i18n  # noqa: E402
from desktop.core.db import schema  # noqa: E402
from desktop.core.db.engine import Database, open_database  # noqa: E402
from desktop.core.services.office import init_office  # noqa: E402

PG_URL = os.environ.get("SIMPUL_TEST_PG_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if {"qtbot", "qapp", "qtmodeltester"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch) -> Iterator[None]:
    """No test reads or writes the real user data folder, and messages start in Indonesian."""
    home = tmp_path_factory.mktemp("simpul-home")
    monkeypatch.setenv("SIMPUL_HOME", str(home))
    monkeypatch.delenv("SIMPUL_DB", raising=False)
    monkeypatch.delenv("SIMPUL_LANG", raising=False)
    monkeypatch.setenv("SIMPUL_USER", "penguji")
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty database: an SQLite file, or a new schema on the test PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "simpul.db")
        return
    if not PG_URL:
        pytest.skip("SIMPUL_TEST_PG_URL is not set")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        # pg_trgm once for the whole server, in public: made inside a test schema, it would go
        # with that schema's DROP ... CASCADE and take every other schema's search index along.
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={name}"})
    yield url.render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
    admin.dispose()


@pytest.fixture
def empty_db(db_url) -> Iterator[Database]:
    db = open_database(db_url, busy_timeout_ms=200)
    yield db
    db.dispose()


@pytest.fixture
def db(empty_db) -> Database:
    """A database at the current schema, set up for Kecamatan Tenggarong (64.02.06)."""
    schema.upgrade(empty_db)
    init_office(empty_db, "64.02.06")
    return empty_db


@pytest.fixture
def sqlite_db(tmp_path) -> Iterator[Database]:
    db = open_database(tmp_path / "simpul.db", busy_timeout_ms=200)
    schema.upgrade(db)
    init_office(db, "64.02.06")
    yield db
    db.dispose()
