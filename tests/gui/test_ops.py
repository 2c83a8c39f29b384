"""The operations layer: the one path from a screen to the core."""

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.changes import Changes, Kind
from desktop.core.errors import StorageError, ValidationError
from desktop.core.progress import Cancelled
from desktop.core.services.queries import office_summary
from desktop.core.services.registry import PersonInput, create_person
from desktop.gui.ops import error_text, wait_idle

PERSON = PersonInput(name="Wahyuni Lestari", sex="P", nik="6402064708700003", desa_code="64.02.06.1001")


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


def test_a_write_lands_and_announces_what_it_changed(ops, qtbot, boxes):
    heard = []
    ops.changed.connect(heard.append)
    out = ops.write(lambda s: create_person(s, PERSON), parent=None,
                    changes=lambda outcome: Changes.reshaped(Kind.PERSON, [outcome.id]))
    assert out and out.value.id > 0
    assert [c.kinds for c in heard] == [{Kind.PERSON}]
    assert ops.read(office_summary).persons == 1
    assert boxes == []


def test_a_failed_write_changes_nothing_and_speaks_once(ops, boxes):
    heard, inline = [], []
    ops.changed.connect(heard.append)

    def half_then_fail(s):
        create_person(s, PERSON)
        create_person(s, PERSON)  # the same NIK twice: a ValidationError

    out = ops.write(half_then_fail, parent=None, changes=Changes.of(Kind.PERSON), on_error=inline.append)
    assert not out and isinstance(out.error, ValidationError)
    assert len(inline) == 1 and boxes == [] and heard == []
    assert ops.read(office_summary).persons == 0  # the first insert was rolled back with the second
    ops.write(half_then_fail, parent=None)
    assert len(boxes) == 1 and "NIK" in boxes[0]


def test_an_unexpected_error_names_no_values(ops, boxes):
    def bug(_s):
        raise KeyError("6402064708700003")

    assert not ops.write(bug, parent=None, on_error=lambda e: pytest.fail("not the user's to fix"))
    assert boxes and "6402064708700003" not in boxes[0] and "KeyError" in boxes[0]


def test_a_long_job_runs_on_the_worker_and_reports_back(ops, qtbot, boxes):
    done, heard = [], []
    ops.changed.connect(heard.append)

    def job(s, progress):
        progress.start(2, "dua langkah")
        create_person(s, PERSON)
        progress.advance()
        return "selesai"

    ops.run(job, parent=None, label="…", on_done=done.append, changes=Changes.of(Kind.PERSON))
    qtbot.waitUntil(lambda: done == ["selesai"], timeout=5000)
    assert heard and heard[0].touches(Kind.PERSON)
    assert ops.read(office_summary).persons == 1


def test_cancel_rolls_the_job_back(ops, qtbot, boxes):
    errors = []

    def job(s, progress):
        create_person(s, PERSON)
        progress.cancel()
        if progress.cancelled:
            raise Cancelled()

    ops.run(job, parent=None, label="…", on_done=lambda _: pytest.fail("cancelled"), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled) and boxes == []
    assert ops.read(office_summary).persons == 0
    assert "Dibatalkan" in error_text(errors[0])


def test_a_storage_failure_of_a_job_is_shown_in_the_users_words(ops, qtbot, boxes):
    def job(_s, _progress):
        raise StorageError("db.locked", path="x", backups="-")

    ops.run(job, parent=None, label="…")
    wait_idle()
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    assert "terkunci" in boxes[0]


def test_an_error_escaping_a_slot_is_shown_not_lost(boxes, monkeypatch):
    import sys

    from desktop.gui.ops import install_error_hook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook()
    exc = StorageError("db.locked", path="x", backups="-")
    sys.excepthook(type(exc), exc, None)
    assert len(boxes) == 1 and "terkunci" in boxes[0]
