"""Penduduk & PPKS: search as you type, filters, sort on any column, all done by the database."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.db.engine import Database
from desktop.core.services.lists import PersonFilter, PersonListRow, person_ids, person_rows
from desktop.core.services.queries import desa_choices, ppks_choices
from desktop.core.errors import SimpulError
from desktop.core.i18n import number
from desktop.core.errors import ValidationError
from desktop.core.services.registry import delete_person
from desktop.core.services.welfare import add_ppks, set_ppks_status
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.registry.person_detail import PersonDetailPanel, PpksDialog
from desktop.gui.registry.person_dialog import PersonDialog
from desktop.gui.tasks import run_task
from desktop.gui.i18n import N_, tr

AGE_BANDS = [(N_("Semua umur"), None, None), (N_("Balita (0–5)"), 0, 5), (N_("Anak (6–17)"), 6, 17),
             (N_("Dewasa (18–59)"), 18, 59), (N_("Lansia (60+)"), 60, None)]
DESIL = [(N_("Semua desil"), None), (N_("Desil 1"), 1), (N_("Desil 1–2"), 2), (N_("Desil 1–3"), 3),
         (N_("Desil 1–4"), 4)]
STATUS = [(N_("Semua status"), None), (N_("Aktif"), "aktif"), (N_("Tertangani"), "tertangani"),
          (N_("Meninggal"), "meninggal"), (N_("Pindah"), "pindah")]
SEXES = [(N_("L dan P"), None), (N_("Laki-laki"), "L"), (N_("Perempuan"), "P")]


def _date(row: PersonListRow) -> str:
    return row.birth_date.strftime("%d-%m-%Y") if row.birth_date else ""


def _nik_tip(row: PersonListRow) -> str | None:
    if row.nik is None:
        return tr("Tanpa NIK")
    if row.nik_mismatch:
        return tr("NIK tidak cocok dengan tanggal lahir atau jenis kelamin")
    return None


COLUMNS = [
    Column("NIK", lambda r: r.nik or tr("(tanpa NIK)"), "nik", tooltip=_nik_tip),
    Column(N_("Nama"), lambda r: r.name, "name"),
    Column("L/P", lambda r: r.sex, "sex"),
    Column(N_("Tgl. lahir"), _date, "birth_date"),
    Column(N_("Umur"), lambda r: "" if r.age is None else str(r.age), "birth_date", align_right=True),
    Column(N_("Desa/Kelurahan"), lambda r: r.desa or "", "desa"),
    Column("RT/RW", lambda r: f"{r.rt or '-'}/{r.rw or '-'}" if r.rt or r.rw else "", "rt_rw"),
    Column(N_("No. KK"), lambda r: r.no_kk or "", "no_kk"),
    Column("PPKS", lambda r: r.ppks),
]


class PersonsPage(QWidget):
    refreshed = Signal(int)  # number of rows shown
    data_changed = Signal()

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = LazyTableModel(COLUMNS, self._fetch, self)
        self.model.sort_requested.connect(self._sort)
        self.sort_key, self.descending = "name", False
        self._generation = 0

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari nama, NIK, No. KK atau alamat…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.desa = QComboBox()
        self.desa.addItem(tr("Semua desa/kelurahan"), None)
        self.category = QComboBox()
        self.category.addItem(tr("Semua kategori PPKS"), None)
        with db.read() as s:
            for code, name in desa_choices(s):
                self.desa.addItem(name, code)
            for no, code, name in ppks_choices(s):
                self.category.addItem(f"{no}. {code} – {name}", no)
        self.category.setMaximumWidth(260)
        self.status = QComboBox()
        for label, value in STATUS:
            self.status.addItem(tr(label), value)
        self.sex = QComboBox()
        for label, value in SEXES:
            self.sex.addItem(tr(label), value)
        self.age = QComboBox()
        for label, low, high in AGE_BANDS:
            self.age.addItem(tr(label), (low, high))
        self.desil = QComboBox()
        for label, value in DESIL:
            self.desil.addItem(tr(label), value)
        self._special = PersonFilter()  # dashboard-only filters (likely duplicates...)
        self.special_label = QLabel()
        self.special_label.setStyleSheet("color: #7F6000")
        self.special_label.hide()
        self.without_nik = QCheckBox(tr("Tanpa NIK"))
        self.mismatch = QCheckBox(tr("NIK tidak cocok"))
        self.count = QLabel()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: (self._clear_special(), self._debounce.start()))
        for combo in (self.desa, self.category, self.status, self.sex, self.age, self.desil):
            combo.currentIndexChanged.connect(lambda _: (self._clear_special(), self.refresh()))
        for box in (self.without_nik, self.mismatch):
            box.toggled.connect(lambda _: (self._clear_special(), self.refresh()))

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 140), (2, 36), (3, 86), (4, 48), (5, 120), (6, 64), (7, 140), (8, 90)):
            self.table.setColumnWidth(col, width)
        state = QSettings().value("persons/header")
        if state is not None:
            header.restoreState(state)
        header.sectionResized.connect(lambda *_: QSettings().setValue("persons/header", header.saveState()))

        filters = QHBoxLayout()
        for w in (self.desa, self.category, self.status, self.sex, self.age, self.desil, self.without_nik,
                  self.mismatch):
            filters.addWidget(w)
        filters.addStretch(1)
        self.add_button = QPushButton(tr("Tambah (Ctrl+N)"))
        self.edit_button = QPushButton(tr("Ubah (Enter)"))
        self.delete_button = QPushButton(tr("Hapus"))
        self.bulk_button = QPushButton(tr("Aksi untuk terpilih"))
        bulk = QMenu(self.bulk_button)
        bulk.addAction(tr("Tambah kategori PPKS…"), self.bulk_add_category)
        bulk.addAction(tr("Ubah status kategori PPKS…"), self.bulk_set_status)
        self.bulk_button.setMenu(bulk)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.bulk_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.special_label)
        self.detail = PersonDetailPanel(db)
        self.detail.changed.connect(self._detail_changed)
        self.detail.open_person.connect(self.detail.show_person)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        splitter_state = QSettings().value("persons/splitter")
        if splitter_state is not None:
            self.splitter.restoreState(splitter_state)
        self.splitter.splitterMoved.connect(
            lambda *_: QSettings().setValue("persons/splitter", self.splitter.saveState()))
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self.detail.show_person(self.model.id_at(current.row()) if current.isValid() else None))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self.edit(None))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.edit_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, activated=self.delete_selected)
        self.refresh(wait=True)

    # -- querying -------------------------------------------------------------------------------
    def current_filter(self) -> PersonFilter:
        low, high = self.age.currentData()
        return PersonFilter(
            text=self.search.text(), desa_code=self.desa.currentData(), sex=self.sex.currentData(),
            ppks_category=self.category.currentData(), ppks_status=self.status.currentData(), age_min=low,
            age_max=high, desil_max=self.desil.currentData(), without_nik=self.without_nik.isChecked(),
            nik_mismatch=self.mismatch.isChecked(), duplicates=self._special.duplicates,
            family_without_head=self._special.family_without_head)

    def apply_filter(self, f: PersonFilter) -> None:
        """Show exactly this filter (the dashboard's warnings use it); the bar shows what it can."""
        widgets = (self.search, self.desa, self.category, self.status, self.sex, self.age, self.desil,
                   self.without_nik, self.mismatch)
        for w in widgets:
            w.blockSignals(True)
        self.search.setText(f.text)
        for combo, value in ((self.desa, f.desa_code), (self.category, f.ppks_category),
                             (self.status, f.ppks_status), (self.sex, f.sex), (self.desil, f.desil_max)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.age.setCurrentIndex(0)
        self.without_nik.setChecked(f.without_nik)
        self.mismatch.setChecked(f.nik_mismatch)
        for w in widgets:
            w.blockSignals(False)
        self._special = PersonFilter(duplicates=f.duplicates, family_without_head=f.family_without_head)
        self.special_label.setVisible(f.duplicates or f.family_without_head)
        what = tr("kemungkinan data ganda") if f.duplicates else tr("anggota keluarga tanpa kepala keluarga")
        self.special_label.setText(tr("Menampilkan: {what} — ubah pencarian atau saringan untuk kembali")
                                   .format(what=what))
        self.refresh()

    def refresh(self, wait: bool = False) -> None:
        """Ask the database for the ids again; only the newest answer is shown."""
        self._generation += 1
        generation = self._generation
        f, sort, desc = self.current_filter(), self.sort_key, self.descending

        def query(_progress):
            with self.db.read() as s:
                return person_ids(s, f, sort, desc)

        if wait:  # the first fill, before the window shows
            self._show(generation, query(None))
            return
        run_task(self, query, label=tr("Mencari…"), show_progress=False,
                 on_done=lambda ids: self._show(generation, ids))

    def _clear_special(self) -> None:
        self._special = PersonFilter()
        self.special_label.hide()

    def _show(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        selected = self.selected_ids()
        self.model.set_ids(ids)
        self.count.setText(tr("{n} penduduk").format(n=number(len(ids))))
        selection = self.table.selectionModel()
        for record_id in selected:
            row = self.model.row_of(record_id)
            if row is not None:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self.refreshed.emit(len(ids))

    def _fetch(self, ids: list[int]) -> dict[int, PersonListRow]:
        with self.db.read() as s:
            return person_rows(s, ids)

    def _sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        self.refresh()

    def selected_ids(self) -> list[int]:
        return [self.model.id_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    # -- actions --------------------------------------------------------------------------------
    def edit(self, person_id: int | None) -> PersonDialog:
        dialog = PersonDialog(self.db, person_id, self)
        dialog.open_person.connect(self.edit)
        dialog.accepted.connect(lambda: self._after_save(dialog))
        dialog.open()
        return dialog

    def _after_save(self, dialog: PersonDialog) -> None:
        self.model.invalidate()
        self.refresh()
        self.data_changed.emit()

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.edit(ids[0])

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        names = [self.model.row_data(self.model.row_of(i)).name for i in ids[:5]]
        who = ", ".join(names) + (tr(" dan {n} lainnya").format(n=len(ids) - 5) if len(ids) > 5 else "")
        answer = QMessageBox.question(
            self, "Simpul", tr("Hapus {who} dari registri? Catatan PPKS-nya ikut terhapus; penghapusan dicatat di "
                               "riwayat perubahan.").format(who=who))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.transaction() as s:
                for pid in ids:
                    delete_person(s, pid)
        except SimpulError as exc:
            QMessageBox.warning(self, "Simpul", exc.message + " " + tr("Tidak ada yang dihapus."))
            return
        self.refresh()
        self.data_changed.emit()

    def _detail_changed(self) -> None:
        self.model.invalidate()
        self.data_changed.emit()

    def bulk_add_category(self) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, "Simpul", tr("Pilih dulu penduduknya (Ctrl+klik atau Shift+klik)."))
            return
        dialog = PpksDialog(self.db, self)
        if dialog.exec() == PpksDialog.DialogCode.Accepted:
            self.add_category_to(ids, dialog.value())

    def add_category_to(self, ids: list[int], template) -> tuple[int, int]:
        """Record one category on many people at once; those who already have it are skipped."""
        added = skipped = 0
        with self.db.transaction() as s:
            for pid in ids:
                try:
                    add_ppks(s, type(template)(**{**template.__dict__, "person_id": pid}))
                    added += 1
                except ValidationError:
                    skipped += 1
        text = tr("Kategori dicatat untuk {n} orang.").format(n=added)
        if skipped:
            text += " " + tr("{n} orang sudah memilikinya.").format(n=skipped)
        QMessageBox.information(self, "Simpul", text)
        self._detail_changed()
        self.detail.show_person(ids[0])
        return added, skipped

    def bulk_set_status(self) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, "Simpul", tr("Pilih dulu penduduknya (Ctrl+klik atau Shift+klik)."))
            return
        dialog = PpksDialog(self.db, self)
        dialog.setWindowTitle(tr("Ubah status kategori PPKS untuk yang terpilih"))
        dialog.date.setEnabled(False)
        dialog.source.setEnabled(False)
        dialog.notes.setEnabled(False)
        if dialog.exec() == PpksDialog.DialogCode.Accepted:
            self.set_status_for(ids, dialog.category.currentData(), dialog.status.currentData())

    def set_status_for(self, ids: list[int], category: int, status: str) -> int:
        from desktop.core.services.lists import ppks_record_ids

        with self.db.transaction() as s:
            records = ppks_record_ids(s, ids, category)
            for rid in records:
                set_ppks_status(s, rid, status)
        QMessageBox.information(self, "Simpul", tr("Status {n} catatan diubah menjadi {status}.").format(
            n=len(records), status=tr(status.capitalize())))
        self._detail_changed()
        self.refresh()
        return len(records)
