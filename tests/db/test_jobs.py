"""One long writer at a time: a second import, demo or undo while one runs is told so plainly and
changes nothing (two imports at once ended in an IntegrityError before)."""

import threading

import pytest
from sqlalchemy import func, select

from desktop.core.db import engine
from desktop.core.db.models import Person
from desktop.core.errors import StorageError
from desktop.core.services import demo
from tests.io.messy import write_messy


@pytest.fixture
def running_import(db, monkeypatch):
    """A job that holds the database until released, in another thread (its own connection)."""
    monkeypatch.setattr(engine, "JOB_WAIT_S", 0.2)
    started, release = threading.Event(), threading.Event()

    def job():
        with db.transaction("penguji", job="import"):
            started.set()
            release.wait(10)

    thread = threading.Thread(target=job)
    thread.start()
    assert started.wait(10)
    yield
    release.set()
    thread.join()


def test_a_second_job_is_told_which_job_runs_and_changes_nothing(db, running_import, tmp_path):
    from desktop.core.services.imports import run_import

    with pytest.raises(StorageError) as caught:
        run_import(db, write_messy(tmp_path / "dtks.xlsx"))
    message = caught.value.message
    assert "Pekerjaan lain sedang berjalan" in message or "Pekerjaan panjang lain" in message
    if db.is_sqlite:
        assert "impor data" in message
    with pytest.raises(StorageError):
        demo.generate(db, 5, seed=1)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0


def test_ordinary_edits_and_reads_go_on_while_a_job_waits_for_its_end(db, running_import):
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0


def test_the_job_runs_once_the_first_has_ended(db, monkeypatch):
    monkeypatch.setattr(engine, "JOB_WAIT_S", 0.2)
    with db.transaction("penguji", job="import"):
        pass
    assert demo.generate(db, 3, seed=1).families == 3
