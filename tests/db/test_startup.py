"""The first `simpul --demo` start: the demo is made whole or not at all, and says how far it is."""

import pytest

from desktop.core import paths
from desktop.core.progress import Cancelled
from desktop.core.services import startup


class Heard:
    def __init__(self, stop_after: int | None = None) -> None:
        self.total, self.values, self.stop_after = 0, [], stop_after

    def start(self, total: int, label: str = "") -> None:
        self.total = total

    def advance(self, n: int = 1) -> None:
        self.values.append((self.values[-1] if self.values else 0) + n)

    @property
    def cancelled(self) -> bool:
        return self.stop_after is not None and len(self.values) >= self.stop_after


def test_the_first_demo_start_prints_progress_and_the_second_is_quiet(monkeypatch, capsys):
    monkeypatch.setattr(startup, "DEMO_FAMILIES", 30)
    heard = Heard()
    first = startup.open_for_app(demo=True, progress=heard)
    try:
        assert not first.needs_setup and first.db.file == paths.demo_db_path()
    finally:
        first.db.dispose()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Basis data contoh belum ada: membuat 30 keluarga contoh")
    percents = [line for line in lines if line.startswith("Membuat data contoh… ")]
    numbers = [int(line.split()[-1].rstrip("%")) for line in percents]
    assert numbers[0] == 0 and numbers[-1] == 100 and numbers == sorted(set(numbers)) and len(numbers) >= 6
    assert all(n % 10 == 0 for n in numbers)  # a line every ten per cent, not a flood
    assert lines[-1].startswith("Data contoh siap (")
    assert heard.values[-1] == heard.total and len(heard.values) >= 10  # the window's bar moves too
    assert [p.name for p in paths.demo_db_path().parent.iterdir() if ".part" in p.name] == []
    again = startup.open_for_app(demo=True)
    try:
        assert not again.needs_setup and not again.upgrade.changed
    finally:
        again.db.dispose()
    assert capsys.readouterr().out == ""


def test_a_cancelled_first_start_leaves_no_half_demo(monkeypatch):
    monkeypatch.setattr(startup, "DEMO_FAMILIES", 30)
    with pytest.raises(Cancelled):
        startup.open_for_app(demo=True, progress=Heard(stop_after=3))
    folder = paths.demo_db_path().parent
    assert not paths.demo_db_path().exists() and not [p for p in folder.iterdir() if "simpul-demo" in p.name]


def test_console_progress_survives_a_missing_or_closed_console(monkeypatch):
    monkeypatch.setattr("sys.stdout", None)  # pythonw: no console at all
    quiet = startup.ConsoleProgress()
    quiet.start(10)
    quiet.advance(10)

    class Closed:
        def write(self, _text):
            raise ValueError("I/O operation on closed file")

        def flush(self):
            pass

    broken = startup.ConsoleProgress(Closed())
    broken.start(4)
    broken.advance(4)
    assert broken.shown == 100
