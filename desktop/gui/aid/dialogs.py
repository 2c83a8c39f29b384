"""A required reason, with common ones to pick: for reopening an event, an absence, a reversal."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QVBoxLayout

from desktop.gui.i18n import tr
from desktop.gui.shared.widgets import error_label, save_cancel


class ReasonDialog(QDialog):
    """`check(text)` returns an error text or None; the dialog stays open until it passes."""

    def __init__(self, title: str, question: str, choices: list[str] | None = None, action: str | None = None,
                 check=None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._check = check
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItem("")
        for choice in choices or []:
            self.reason.addItem(choice)
        self.reason.setMinimumWidth(380)
        self.reason.lineEdit().setPlaceholderText(tr("Tuliskan alasannya"))
        self.errors = error_label()
        text = QLabel(question)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.errors)
        layout.addWidget(save_cancel(self, self._ok, action or tr("Simpan")))
        self.resize(480, 0)

    def text(self) -> str:
        return self.reason.currentText().strip()

    def _ok(self) -> None:
        if not self.text():
            self.errors.setText(tr("Alasan wajib diisi."))
            return
        error = self._check(self.text()) if self._check else None
        if error:
            self.errors.setText(error)
            return
        self.accept()
