"""Opening an encrypted registry this computer has no key for (a new PC, Windows reinstalled, a
file brought on a flashdisk): the user types the recovery key printed at set-up; it is checked
against the file and kept in the OS key store, so the next start asks nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from desktop.core.errors import SimpulError, StorageError
from desktop.core.progress import Cancelled
from desktop.core.services import encryption
from desktop.gui.i18n import tr

T = TypeVar("T")


class UnlockDialog(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(tr("Buka basis data terenkripsi"))
        intro = QLabel(tr("Basis data {path} terenkripsi, dan komputer ini belum menyimpan kuncinya. Ketik kunci "
                          "pemulihan yang dicetak saat basis data dibuat (14 kelompok huruf dan angka). Huruf "
                          "besar/kecil dan tanda pisah tidak berpengaruh.").format(path=path))
        intro.setWordWrap(True)
        self.key = QLineEdit()
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-…")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.key.setFont(mono)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Buka"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.key, self.problem, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(560)

    def accept(self) -> None:
        try:
            message = encryption.unlock(self.path, self.key.text())
        except SimpulError as exc:  # a typo or another registry's key: say so, keep the dialog open
            self.problem.setText(exc.message)
            return
        self.key.clear()  # the key leaves the widget as soon as it is kept
        QMessageBox.information(self, "Simpul", message)
        super().accept()


def opening_with_unlock(open_fn: Callable[[], T], parent: QWidget | None = None) -> T:
    """`open_fn()`, and when the registry is encrypted with a key this computer lacks, the
    recovery-key dialog, then `open_fn()` again. Cancelled when the user gives up."""
    while True:
        try:
            return open_fn()
        except StorageError as exc:
            if exc.code != "cipher.no_key":
                raise
            if not UnlockDialog(Path(str(exc.params["path"])), parent).exec():
                raise Cancelled() from None
