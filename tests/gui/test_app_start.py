"""`simpul --demo` on a machine without the demo database: the window's start shows a progress
dialog whose bar moves while the demo is made on a worker thread."""

from PySide6.QtWidgets import QProgressDialog

from desktop.core import paths
from desktop.core.services import startup
from desktop.gui import app as gui_app


class Watched(QProgressDialog):
    seen: list["Watched"] = []

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.values: list[tuple[int, int]] = []
        self.was_visible = False
        Watched.seen.append(self)

    def setValue(self, value: int) -> None:  # noqa: N802 - Qt's name
        self.values.append((value, self.maximum()))
        self.was_visible = self.was_visible or self.isVisible()
        super().setValue(value)


def test_the_first_demo_start_shows_a_moving_progress_bar(qapp, monkeypatch, capsys):
    monkeypatch.setattr(startup, "DEMO_FAMILIES", 30)
    monkeypatch.setattr("desktop.gui.ops.QProgressDialog", Watched)  # the one progress dialog of the window
    Watched.seen.clear()
    opened = gui_app.open_with_progress(qapp, None, demo=True)
    try:
        assert not opened.needs_setup and opened.db.file == paths.demo_db_path()
    finally:
        opened.db.dispose()
    (dialog,) = Watched.seen
    assert dialog.was_visible and not dialog.isVisible()  # shown while it worked, gone after
    maxima = {m for _, m in dialog.values}
    assert maxima == {1000} and dialog.values[-1][0] == 1000
    assert len({v for v, _ in dialog.values}) >= 8  # it moved, not one jump at the end
    assert "Membuat data contoh… 100%" in capsys.readouterr().out  # and the console said so too
    # The second start opens the file at once, without a dialog.
    Watched.seen.clear()
    again = gui_app.open_with_progress(qapp, None, demo=True)
    again.db.dispose()
    assert Watched.seen == []
