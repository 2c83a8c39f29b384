"""Small pieces every form and list shares, so they look and behave alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableView

from desktop.core.errors import ValidationError
from desktop.gui.i18n import tr


def save_cancel(dialog: QDialog, on_save: Callable[[], object], save_text: str | None = None) -> QDialogButtonBox:
    """Simpan / Batal buttons for a dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text or tr("Simpan"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #9C0006")
    return label


def show_not_saved(label: QLabel, exc: ValidationError) -> None:
    label.setText(tr("Belum tersimpan:") + " " + " ".join(f.message for f in exc.findings))


def list_view(table: QTableView, multi: bool = False) -> QTableView:
    """A registry list: whole rows, compact, no row numbers."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    return table
