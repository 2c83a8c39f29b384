"""A regency-sized import: on SQLite the person and family indexes are rebuilt after the load
instead of kept in order row by row (desktop.core.db.bulk.indexes_deferred). Whatever happens,
the registry must end with all its indexes, or be left exactly as it was."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from sqlalchemy import func, inspect, select

from desktop.core.db.models import AuditEntry, Family, ImportBatch, Person
from desktop.core.progress import Cancelled
from desktop.core.services import imports
from desktop.core.services.import_batches import undo_import
from desktop.core.services.imports import run_import
from desktop.core.services.registry import PersonInput, create_person
from tests.benchmarks.dtks_file import HEADERS, make_rows

TODAY = dt.date(2026, 11, 22)
ROWS = 6000  # above DEFER_INDEXES_MIN_ROWS


@pytest.fixture(scope="module")
def large_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("dtks") / "dtks_besar.txt"
    lines = ["|".join(HEADERS)] + ["|".join("" if v is None else str(v) for v in row) for row in make_rows(ROWS)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def indexes(db) -> dict[str, list]:
    """Every index of the tables a bulk load touches, as the database reports them."""
    with db.engine.connect() as conn:
        found = inspect(conn)
        return {table: sorted((ix["name"], tuple(ix["column_names"]), bool(ix["unique"]))
                              for ix in found.get_indexes(table)) for table in ("person", "family")}


def integrity(db) -> str:
    if not db.is_sqlite:
        return "ok"
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA integrity_check").scalar()


@pytest.fixture
def index_spy(monkeypatch):
    """Records, for each deferred load, which indexes its table had while the rows went in."""
    seen: dict[str, set[str]] = {}
    original = imports.indexes_deferred

    @contextlib.contextmanager
    def spy(conn, model, incoming):
        with original(conn, model, incoming):
            table = model.__tablename__
            seen[table] = {ix["name"] for ix in inspect(conn).get_indexes(table)}
            yield

    monkeypatch.setattr(imports, "indexes_deferred", spy)
    return seen


def test_large_import_lands_whole_with_its_indexes_and_can_be_undone(db, large_file, index_spy):
    before = indexes(db)
    result = run_import(db, large_file, today=TODAY)
    assert result.balanced and (result.rows, result.inserted, result.rejected) == (ROWS, ROWS, 0)
    if db.is_sqlite:  # the load ran without the plain indexes, which are back now
        assert "ix_person_name_key" not in index_spy["person"]
        assert "ix_family_desa_code" in index_spy["family"]  # ~1,700 families: too few to be worth it
    assert indexes(db) == before and integrity(db) == "ok"
    with db.read() as s:  # the rebuilt indexes serve queries
        person = s.scalars(select(Person).where(Person.name_key == "SITI LESTARI").limit(1)).first()
        assert person is not None and person.import_batch_id == result.batch_id

    again = run_import(db, large_file, today=TODAY)
    assert (again.inserted, again.updated, again.unchanged, again.rejected) == (0, 0, ROWS, 0)

    families = count(db, Family)
    counts = undo_import(db, result.batch_id, actor="kasi")
    assert counts["person"] == ROWS and counts["family"] == families
    assert count(db, Person) == 0 and count(db, Family) == 0
    assert indexes(db) == before and integrity(db) == "ok"


class CancelWhileSaving:
    """Cancels once the first persons are written (their indexes are dropped at that point)."""

    def __init__(self) -> None:
        self.saving = self.cancelled = False

    def start(self, total: int, label: str = "") -> None:
        self.saving = label == "Menyimpan"

    def advance(self, n: int = 1) -> None:
        if self.saving:
            self.cancelled = True


def test_cancel_halfway_leaves_registry_and_indexes_exactly_as_before(db, large_file, index_spy):
    with db.transaction() as s:
        create_person(s, PersonInput(name="Budi Santoso", sex="L", nik="6402061505800003"))
    before = indexes(db)
    audit = count(db, AuditEntry)
    with pytest.raises(Cancelled):
        run_import(db, large_file, today=TODAY, progress=CancelWhileSaving())
    if db.is_sqlite:
        assert "ix_person_name_key" not in index_spy["person"]  # it was cancelled with the index dropped
    assert indexes(db) == before and integrity(db) == "ok"
    assert (count(db, Person), count(db, Family), count(db, ImportBatch), count(db, AuditEntry)) == (1, 0, 0, audit)
    result = run_import(db, large_file, today=TODAY)  # and the same file then goes in normally
    assert result.inserted == ROWS and indexes(db) == before and integrity(db) == "ok"


def test_an_error_after_the_load_rolls_the_index_rebuild_back_too(db, large_file, index_spy):
    before = indexes(db)

    def fail(*_args):
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        run_import(db, large_file, today=TODAY, then=fail)  # after every row and index is written
    assert indexes(db) == before and integrity(db) == "ok"
    assert count(db, Person) == 0 and count(db, ImportBatch) == 0
