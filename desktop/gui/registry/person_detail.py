"""The panel beside the persons list: family, PPKS records (add, change status, remove), PSKS
roles, and the record's history with "take this change back"."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
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

from desktop.core.db.engine import Database
from desktop.core.domain.enums import PpksSource, PpksStatus
from desktop.core.errors import SimpulError
from desktop.core.services.detail import PersonDetail, person_detail
from desktop.core.services.queries import ppks_choices
from desktop.core.services.welfare import PpksInput, add_ppks, delete_ppks, set_ppks_status
from desktop.gui.shared.widgets import HistoryBox, save_cancel
from desktop.gui.i18n import N_, tr

STATUSES = {"aktif": N_("Aktif"), "tertangani": N_("Tertangani"), "meninggal": N_("Meninggal"), "pindah": N_("Pindah")}
SOURCES = {"tksk": "TKSK", "psm": "PSM", "desa": "Desa", "import": "Impor", "lainnya": "Lainnya"}


class PpksDialog(QDialog):
    """Choose a category (and date, source, status, notes) to record."""

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Tambah kategori PPKS"))
        self.category = QComboBox()
        with db.read() as s:
            for no, code, name in ppks_choices(s):
                self.category.addItem(f"{no}. {code} – {name}", no)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.date.setCalendarPopup(True)
        self.source = QComboBox()
        for s_ in PpksSource:
            self.source.addItem(SOURCES[s_.value], s_.value)
        self.status = QComboBox()
        for st in PpksStatus:
            self.status.addItem(tr(STATUSES[st.value]), st.value)
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
    changed = Signal()  # something was saved: lists and counts may need a refresh
    open_person = Signal(int)

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
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
        self.psks = QLabel()
        self.psks.setWordWrap(True)
        self.history = HistoryBox(db)
        self.history.reverted.connect(self._done)

        family_box = QGroupBox(tr("Keluarga"))
        QVBoxLayout(family_box).addWidget(self.members)
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
        layout.addWidget(family_box)
        layout.addWidget(ppks_box)
        layout.addWidget(psks_box)
        layout.addWidget(self.history, 1)
        self.setEnabled(False)

    def show_person(self, person_id: int | None) -> None:
        detail = None
        if person_id is not None:
            with self.db.read() as s:
                detail = person_detail(s, person_id)
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
            family = " " + tr("(keluarga)") if line.holder == "keluarga" else ""
            label = f"{line.code}{family}{' 🔒' if line.sensitive else ''}"
            cells = [label, tr(STATUSES[line.status]), line.assessed_on.strftime("%d-%m-%Y"), line.notes or ""]
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

    def _selected_record(self) -> int | None:
        rows = self.ppks.selectionModel().selectedRows()
        return self.ppks.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def _done(self) -> None:
        self.show_person(self.detail.id if self.detail else None)
        self.changed.emit()

    def add_category(self) -> None:
        if self.detail is None:
            return
        dialog = PpksDialog(self.db, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.save_category(dialog.value(person_id=self.detail.id))

    def save_category(self, data: PpksInput) -> None:
        try:
            with self.db.transaction() as s:
                outcome = add_ppks(s, data)
        except SimpulError as exc:
            QMessageBox.warning(self, "Simpul", exc.message)
            return
        if outcome.warnings:  # age/sex/unit rules only warn
            QMessageBox.information(self, "Simpul", tr("Tersimpan, dengan catatan:") + "\n" +
                                    "\n".join(w.message for w in outcome.warnings))
        self._done()

    def change_status(self) -> None:
        record = self._selected_record()
        if record is None:
            QMessageBox.information(self, "Simpul", tr("Pilih dulu kategori PPKS di tabel."))
            return
        combo = QComboBox()
        for st in PpksStatus:
            combo.addItem(tr(STATUSES[st.value]), st.value)
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Ubah status PPKS"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(tr("Status baru:"), combo)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_status(record, combo.currentData())

    def set_status(self, record_id: int, status: str) -> None:
        with self.db.transaction() as s:
            set_ppks_status(s, record_id, status)
        self._done()

    def remove_category(self) -> None:
        record = self._selected_record()
        if record is None:
            return
        if QMessageBox.question(self, "Simpul", tr("Hapus kategori ini? Penghapusan bisa dikembalikan dari riwayat.")
                                ) != QMessageBox.StandardButton.Yes:
            return
        with self.db.transaction() as s:
            delete_ppks(s, record)
        self._done()
