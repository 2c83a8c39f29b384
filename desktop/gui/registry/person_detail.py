"""The panel beside the persons list: family, PPKS records (add, change status, remove), PSKS
roles, and the record's history with "take this change back"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.access import Right
from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import PpksSource, PpksStatus, PpksUnit
from desktop.core.services.detail import PersonDetail, person_detail
from desktop.core.services.queries import ppks_choices
from desktop.core.services.welfare import PpksInput, add_ppks, delete_ppks, set_ppks_status
from desktop.gui.i18n import tr
from desktop.gui.labels import choices, label
from desktop.gui.ops import Operations
from desktop.gui.shared.widgets import HistoryBox, combo, date_edit, save_cancel


def category_items(categories: Sequence[tuple[int, str, str]]) -> list[tuple[str, int]]:
    """The 26 PPKS categories as "8. LUT – Lanjut usia terlantar" with their number."""
    return [(f"{no}. {code} – {name}", no) for no, code, name in categories]


class PpksDialog(QDialog):
    """Choose a category (and date, source, status, notes) to record."""

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Tambah kategori PPKS"))
        self.category = combo(category_items(ops.read(ppks_choices)))
        self.date = date_edit()
        self.source = combo(choices(PpksSource))
        self.status = combo(choices(PpksStatus))
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(tr("Permasalahan singkat"))
        buttons = save_cancel(self, self.accept)
        form = QFormLayout(self)
        form.addRow(tr("Kategori:"), self.category)
        form.addRow(tr("Tanggal asesmen:"), self.date)
        form.addRow(tr("Sumber:"), self.source)
        form.addRow(tr("Status:"), self.status)
        form.addRow(tr("Catatan:"), self.notes)
        form.addRow(buttons)

    def value(self, **holder: int | None) -> PpksInput:
        return PpksInput(self.category.currentData(), self.date.date().toPython(), self.source.currentData(),
                         self.status.currentData(), self.notes.text() or None, **holder)


class PersonDetailPanel(QWidget):
    open_person = Signal(int)

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.detail: PersonDetail | None = None
        self.title = QLabel(tr("Pilih seorang penduduk di daftar."))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.members = QListWidget()
        self.members.setMaximumHeight(110)
        self.members.itemActivated.connect(lambda item: self.open_person.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.ppks = QTableWidget(0, 4)
        self.ppks.setHorizontalHeaderLabels([tr("Kategori"), tr("Status"), tr("Asesmen"), tr("Catatan")])
        self.ppks.verticalHeader().setVisible(False)
        self.ppks.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ppks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ppks.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.ppks.setMaximumHeight(150)
        add, status, remove = QPushButton(tr("Tambah…")), QPushButton(tr("Ubah status…")), QPushButton(tr("Hapus"))
        add.clicked.connect(self.add_category)
        status.clicked.connect(self.change_status)
        remove.clicked.connect(self.remove_category)
        for button in (add, status, remove):  # the core refuses anyone else (write_guard)
            button.setVisible(ops.can(Right.REGISTRY_EDIT))
        self.psks = QLabel()
        self.psks.setWordWrap(True)
        self.history = HistoryBox(ops)

        # Not tr("Keluarga"): that is the section's name, "Families" in English.
        self.family_box = QGroupBox(tr("Anggota keluarga"))
        QVBoxLayout(self.family_box).addWidget(self.members)
        ppks_box = QGroupBox(tr("PPKS"))
        pl = QVBoxLayout(ppks_box)
        pl.addWidget(self.ppks)
        row = QHBoxLayout()
        for b in (add, status, remove):
            row.addWidget(b)
        row.addStretch(1)
        pl.addLayout(row)
        psks_box = QGroupBox(tr("Peran PSKS"))
        QVBoxLayout(psks_box).addWidget(self.psks)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.family_box)
        layout.addWidget(ppks_box)
        layout.addWidget(psks_box)
        layout.addWidget(self.history, 1)
        self.setEnabled(False)

    # -- showing ------------------------------------------------------------------------------
    def show_person(self, person_id: int | None) -> None:
        detail = self.ops.read(lambda s: person_detail(s, person_id)) if person_id is not None else None
        self.detail = detail
        self.setEnabled(detail is not None)
        if detail is None:
            self.title.setText(tr("Pilih seorang penduduk di daftar."))
            self.members.clear()
            self.history.show_items([])
            self.ppks.setRowCount(0)
            self.psks.setText("")
            return
        born = detail.birth_date.strftime("%d-%m-%Y") if detail.birth_date else tr("tanggal lahir belum diketahui")
        if detail.no_kk:
            kk = "No. KK " + detail.no_kk + (" · " + tr("desil {n}").format(n=detail.desil) if detail.desil else "")
        else:
            kk = tr("belum tercatat dalam keluarga")
        self.title.setText(f"<b style='font-size:12pt'>{detail.name}</b><br>NIK {detail.nik or tr('(tanpa NIK)')} · "
                           f"{detail.sex} · {born}<br>{detail.address or tr('alamat belum diisi')}<br>{kk}")
        self.members.clear()
        for mid, name, rel in detail.members:
            item = QListWidgetItem(f"{name} — {rel or tr('hubungan belum diisi')}" + ("  ◀" if mid == detail.id else ""))
            item.setData(Qt.ItemDataRole.UserRole, mid)
            self.members.addItem(item)
        self.ppks.setRowCount(len(detail.ppks))
        for r, line in enumerate(detail.ppks):
            family = " " + tr("(keluarga)") if line.holder is PpksUnit.FAMILY else ""
            code = f"{line.code}{family}{' 🔒' if line.sensitive else ''}"
            cells = [code, label(line.status), line.assessed_on.strftime("%d-%m-%Y"), line.notes or ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, line.record_id)
                if c == 0:
                    item.setToolTip(line.name + (" — " + tr("data sensitif") if line.sensitive else ""))
                self.ppks.setItem(r, c, item)
        self.ppks.resizeColumnsToContents()
        self.ppks.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.psks.setText("; ".join(detail.psks) or tr("Tidak ada"))
        self.history.show_items(detail.history)

    def reload(self) -> None:
        self.show_person(self.detail.id if self.detail else None)

    def shows_any(self, changes: Changes) -> bool:
        """Whether a write touched the person shown, or their family."""
        if self.detail is None:
            return False
        persons, families = changes.ids(Kind.PERSON), changes.ids(Kind.FAMILY)
        return (persons is None or self.detail.id in persons
                or families is None or self.detail.family_id in families)

    # -- PPKS records -------------------------------------------------------------------------
    def _selected_record(self) -> int | None:
        rows = self.ppks.selectionModel().selectedRows()
        return self.ppks.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def add_category(self) -> None:
        if self.detail is None:
            return
        dialog = PpksDialog(self.ops, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_category(dialog.value(person_id=self.detail.id))

    def save_category(self, data: PpksInput) -> bool:
        out = self.ops.write(lambda s: add_ppks(s, data), parent=self, changes=lambda added: added.changes)
        if out and out.value.warnings:  # age/sex/unit rules only warn
            QMessageBox.information(self, "Simpul", tr("Tersimpan, dengan catatan:") + "\n" +
                                    "\n".join(w.message for w in out.value.warnings))
        return bool(out)

    def change_status(self) -> None:
        record = self._selected_record()
        if record is None:
            QMessageBox.information(self, "Simpul", tr("Pilih dulu kategori PPKS di tabel."))
            return
        status = combo(choices(PpksStatus))
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Ubah status PPKS"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(tr("Status baru:"), status)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_status(record, PpksStatus(status.currentData()))

    def set_status(self, record_id: int, status: PpksStatus) -> bool:
        return bool(self.ops.write(lambda s: set_ppks_status(s, record_id, status), parent=self,
                                   changes=lambda changed: changed))

    def remove_category(self) -> None:
        record = self._selected_record()
        if record is None:
            return
        if QMessageBox.question(self, "Simpul", tr("Hapus kategori ini? Penghapusan bisa dikembalikan dari riwayat.")
                                ) != QMessageBox.StandardButton.Yes:
            return
        self.ops.write(lambda s: delete_ppks(s, record), parent=self, changes=lambda changed: changed)
