"""Small pieces every form and list shares, so they look and behave alike."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.access import Right
from desktop.core.errors import SimpulError
from desktop.core.i18n import number
from desktop.core.services.history import HistoryItem, revert
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations, show_error


def save_cancel(dialog: QDialog, on_save: Callable[[], object], save_text: str | None = None) -> QDialogButtonBox:
    """Simpan / Batal buttons for a dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text or tr("Simpan"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def date_edit(initial: QDate | None = None) -> QDateEdit:
    """A day-first date picker with a calendar."""
    edit = QDateEdit(initial or QDate.currentDate())
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    return edit


def optional_date(initial: QDate | None = None) -> tuple[QCheckBox, QDateEdit]:
    """A date that may be unknown: a "diisi" tick box that enables a day-first date picker."""
    known = QCheckBox(tr("diisi"))
    edit = date_edit(initial)
    edit.setEnabled(False)
    known.toggled.connect(edit.setEnabled)
    return known, edit


def combo(items: Iterable[tuple[str, object]]) -> QComboBox:
    """A combo box of (text, value); `currentData()` gives the value (an enum member comes back as
    its stored word)."""
    box = QComboBox()
    for text, value in items:
        box.addItem(text, value)
    return box


def select_data(box: QComboBox, value: object) -> None:
    """Show the item holding `value`, or the first one when none does."""
    box.setCurrentIndex(max(0, box.findData(value)))


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #9C0006")
    return label


def show_not_saved(label: QLabel, exc: SimpulError) -> None:
    """A write's refusal beside the form (every finding of a ValidationError at once)."""
    label.setText(tr("Belum tersimpan:") + " " + exc.message)


def list_view(table: QTableView, multi: bool = False) -> QTableView:
    """A registry list: whole rows, compact, no row numbers."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    return table


class HistoryBox(QGroupBox):
    """A record's change history, newest first, with "take back the selected change". Taking a
    change back is a write like any other: it announces what it changed, and the page showing this
    box redraws it."""

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(tr("Riwayat perubahan"), parent)
        self.ops = ops
        self.list = QListWidget()
        self.list.setWordWrap(True)
        undo = QPushButton(tr("Kembalikan perubahan terpilih"))
        undo.setVisible(ops.can(Right.REGISTRY_EDIT))  # taking a change back is a change
        undo.clicked.connect(self.revert_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(undo, 0, Qt.AlignmentFlag.AlignLeft)

    def show_items(self, items: Sequence[HistoryItem]) -> None:
        self.list.clear()
        for h in items:
            item = QListWidgetItem(f"{h.at:%d-%m-%Y %H:%M} · {h.actor}: {h.text}")
            item.setData(Qt.ItemDataRole.UserRole, h.entry_id if h.revertible else None)
            self.list.addItem(item)

    def revert_selected(self) -> bool:
        items = self.list.selectedItems()
        entry = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        if entry is None:
            QMessageBox.information(self, "Simpul", tr("Pilih perubahan di riwayat yang bisa dikembalikan."))
            return False
        done = self.ops.write(lambda s: revert(s, entry), parent=self, changes=lambda result: result.changes)
        if done and done.value.retype:  # the trail keeps NIKs masked: say what to type again
            QMessageBox.information(self, "Simpul", tr("Dikembalikan, kecuali NIK/No. KK: jejak audit hanya "
                                                       "menyimpannya tersamar. Ketik ulang dari KTP atau KK."))
        return bool(done)


def file_name(text: str) -> str:
    """A title as a Windows file name: no \\ / : * ? " < > |."""
    return re.sub(r'[\\/:*?"<>|]+', "-", text).strip()


def save_pdf(parent, content: bytes, name: str, target: str | None = None) -> Path | None:
    """Save a PDF the user asked for: a file dialog in Documents with `name` suggested (unless a
    target is given), written atomically; a full disk or a file open in a viewer gets a message."""
    from desktop.core.io.pdf.letter import write_pdf

    if target is None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggestion = str(Path(folder) / f"{file_name(name)}.pdf")
        target, _ = QFileDialog.getSaveFileName(parent, tr("Simpan PDF"), suggestion, tr("Dokumen PDF (*.pdf)"))
        if not target:
            return None
    try:
        return write_pdf(content, target)
    except OSError as exc:
        QMessageBox.warning(parent, "Simpul", tr("Dokumen tidak dapat disimpan di {path}: {reason}. Pilih folder "
                                                 "lain atau tutup berkas itu bila sedang terbuka.").format(
            path=target, reason=exc.strerror or exc))
        return None


def pdf_preview(parent: QWidget, content: bytes, title: str, save: Callable[[], Path | None]):
    """The PDF in Simpul's preview, or, where QtPdf is missing, saved and handed to the system's
    viewer (then None)."""
    try:
        from desktop.gui.shared.pdf_preview import PdfPreview
    except ImportError:
        path = save()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return None
    return PdfPreview(content, title, on_save=save, parent=parent)


class ExportStatus(QWidget):
    """Where an Excel export stands, beside the button that starts it: working, saved (with the
    file's name, its rows and a button that opens it) or failed (with the reason in a dialog)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.open_button = QPushButton(tr("Buka berkas"))
        self.open_button.hide()
        self.open_button.clicked.connect(
            lambda: self.last and QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last))))
        self.last: Path | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.open_button)

    def text(self) -> str:
        return self.label.text()

    def working(self) -> None:
        self.label.setText(tr("Mengekspor…"))
        self.open_button.hide()

    def done(self, result) -> None:
        """`result` has the `path` written and the number of `rows`."""
        self.last = result.path
        self.label.setText(tr("Tersimpan: {file} ({n} baris)").format(file=result.path.name, n=number(result.rows)))
        self.open_button.show()

    def failed(self, exc: BaseException) -> None:
        self.label.setText(tr("Ekspor gagal."))
        show_error(self.window(), exc)
