"""Impor & Ekspor: the import wizard, Excel exports for the regency, and the import history
with undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.access import Right
from desktop.core.changes import Changes, Kind
from desktop.core.domain.clock import local_text
from desktop.core.i18n import number
from desktop.core.services.exports import PERSONAL, export
from desktop.core.services.import_batches import UNDONE, list_batches, undo_import
from desktop.core.services.import_mappings import unmapped_values
from desktop.core.services.queries import desa_choices
from desktop.gui.exchange.category_dialog import CategoryMappingDialog
from desktop.gui.exchange.import_wizard import ImportWizard
from desktop.gui.i18n import N_, tr
from desktop.gui.ops import Operations
from desktop.gui.shared.page import Page
from desktop.gui.shared.purpose import ask_purpose
from desktop.gui.shared.widgets import ExportStatus

EXPORT_KINDS = [
    ("persons", N_("Data penduduk dan PPKS"), "penduduk"),
    ("families", N_("Data keluarga"), "keluarga"),
    ("psks", N_("Data PSKS"), "psks"),
    ("recap", N_("Rekap PPKS (desa × 26 kategori) dan PSKS"), "rekap-ppks"),
    ("template", N_("Formulir isian kosong untuk desa"), "formulir-ppks"),
]


class ExchangePage(Page):
    # the import history and the values waiting for a category; the office's desa to export
    SHOWS = frozenset({Kind.IMPORT, Kind.PPKS, Kind.OFFICE})

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, parent)

        imp = QGroupBox(tr("Impor dari Dinas Sosial"))
        imp_text = QLabel(tr("DTKS/DTSEN, daftar PKH, BPNT, BLT-DD: Simpul menguji setiap baris dulu, lalu menyimpan "
                          "semuanya sebagai satu impor yang bisa dibatalkan."))
        imp_text.setWordWrap(True)
        self.import_button = QPushButton(tr("Impor berkas…"))
        self.import_button.clicked.connect(lambda: self.open_wizard())
        imp_layout = QVBoxLayout(imp)
        imp_layout.addWidget(imp_text)
        imp_layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)

        exp = QGroupBox(tr("Ekspor ke Excel"))
        self.kind = QComboBox()
        for key, label, _ in EXPORT_KINDS:
            self.kind.addItem(tr(label), key)
        self.desa = QComboBox()
        self.export_button = QPushButton(tr("Ekspor…"))
        self.export_button.clicked.connect(self.ask_export)
        self.export_button.setEnabled(ops.can(Right.EXPORT))
        self.import_button.setEnabled(ops.can(Right.IMPORT))
        self.export_status = ExportStatus()
        form = QFormLayout(exp)
        form.addRow(tr("Isi:"), self.kind)
        form.addRow(tr("Wilayah:"), self.desa)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.export_status, 1)
        form.addRow(row)

        hist = QGroupBox(tr("Riwayat impor"))
        self.history = QTableWidget(0, 9)
        # Dibaca = Baru + Diperbarui + Tidak berubah + Ditolak, as the import wizard sums it up.
        self.history.setHorizontalHeaderLabels([tr("No."), tr("Waktu"), tr("Berkas"), tr("Dibaca"), tr("Baru"),
                                                tr("Diperbarui"), tr("Tidak berubah"), tr("Ditolak"), tr("Status")])
        self.history.verticalHeader().setVisible(False)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.undo_button = QPushButton(tr("Batalkan impor terpilih…"))
        self.undo_button.clicked.connect(self.undo_selected)
        # PPKS values imported rows carry that no category is mapped to yet: they wait here.
        self.categories_button = QPushButton()
        self.categories_button.clicked.connect(self.map_categories)
        hist_layout = QVBoxLayout(hist)
        hist_layout.addWidget(self.history)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.categories_button)
        buttons.addStretch(1)
        hist_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(imp, 1)
        top.addWidget(exp, 1)
        layout.addLayout(top)
        layout.addWidget(hist, 1)
        self.refresh()

    def refresh(self) -> None:
        self.refresh_desa()
        self.refresh_history()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.OFFICE):
            self.refresh_desa()
        if changes.touches(Kind.IMPORT, Kind.PPKS):
            self.refresh_history()

    def open_wizard(self, path: str | None = None) -> ImportWizard:
        """The import wizard; what it imports (or takes back) is announced by the wizard itself."""
        wizard = ImportWizard(self.ops, self, path)
        wizard.open()
        return wizard

    def refresh_desa(self) -> None:
        chosen = self.desa.currentData()
        self.desa.clear()
        self.desa.addItem(tr("Seluruh kecamatan"), None)
        for code, name in self.ops.read(desa_choices):
            self.desa.addItem(name, code)
        self.desa.setCurrentIndex(max(0, self.desa.findData(chosen)))

    def refresh_history(self) -> None:
        batches = self.ops.read(list_batches)
        self.history.setRowCount(len(batches))
        for r, b in enumerate(batches):
            counts = [number(n) for n in (b.rows, b.inserted, b.updated, b.unchanged, b.rejected)]
            values = [str(b.id), local_text(b.started_at, "%d-%m-%Y %H:%M"), b.file_name, *counts,
                      tr("dibatalkan") if b.undone else tr("tersimpan")]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, b.id)
                if c == 0 or 3 <= c <= 7:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.history.setItem(r, c, item)
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.undo_button.setEnabled(bool(batches) and self.ops.can(Right.IMPORT))
        self.waiting = self.ops.read(unmapped_values)
        self.categories_button.setText(tr("Petakan kategori PPKS ({count} isian)…").format(
            count=number(len(self.waiting))))
        self.categories_button.setVisible(bool(self.waiting))

    def map_categories(self) -> CategoryMappingDialog | None:
        if not self.waiting:
            return None
        dialog = CategoryMappingDialog(self.ops, self.waiting, self)
        dialog.open()
        return dialog

    def ask_export(self) -> None:
        key = self.kind.currentData()
        stem = next(s for k, _, s in EXPORT_KINDS if k == key)
        desa_name = self.desa.currentText() if self.desa.currentData() else None
        suggestion = f"{stem}-{desa_name.lower().replace(' ', '-')}.xlsx" if desa_name else f"{stem}.xlsx"
        answer = None
        if key in PERSONAL:  # personal data: why, and NIKs masked unless the role may and asks
            answer = ask_purpose(self.ops, tr("Tujuan ekspor data pribadi"), self)
            if answer is None:
                return
        name, _ = QFileDialog.getSaveFileName(self, tr("Simpan sebagai"), suggestion, "Excel (*.xlsx)")
        if name:
            self.start_export(key, Path(name if name.lower().endswith(".xlsx") else name + ".xlsx"),
                              answer.purpose if answer else None, bool(answer and answer.full_nik))

    def start_export(self, key: str, path: Path, purpose: str | None = None, full_nik: bool = False) -> None:
        desa = self.desa.currentData()
        self.export_status.working()
        self.ops.run(lambda db, p: export(db, key, path, desa, progress=p, purpose=purpose, full_nik=full_nik),
                     session=None, parent=self,
                     label=tr("Mengekspor ke Excel…"), on_done=self.export_status.done,
                     on_error=self.export_status.failed)

    def undo_selected(self) -> None:
        rows = self.history.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, "Simpul", tr("Pilih dulu impor yang akan dibatalkan."))
            return
        batch = self.history.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self, "Simpul", tr("Batalkan impor #{batch} seluruhnya? Data yang ditambahkan impor itu dihapus dan data "
                               "yang diubahnya dikembalikan.").format(batch=batch))
        if answer == QMessageBox.StandardButton.Yes:
            self.ops.run(lambda db, _p: undo_import(db, batch), session=None, parent=self,
                         label=tr("Membatalkan impor…"), changes=UNDONE)
