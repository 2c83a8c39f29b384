"""Penduduk & PPKS: search as you type, filters, sort on any column, all done by the database."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desktop.core.access import Right
from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import PpksStatus, Sex
from desktop.core.i18n import number
from desktop.core.services.first_screen import first_person_ids
from desktop.core.services.lists import PersonFilter, PersonListRow, person_ids, person_rows
from desktop.core.services.queries import desa_choices, ppks_choices
from desktop.core.services.registry import delete_persons
from desktop.core.services.welfare import (
    BulkOutcome,
    PpksInput,
    add_ppks_to_persons,
    set_ppks_status_of_persons,
)
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import LABELS, label
from desktop.gui.ops import Operations
from desktop.gui.registry.listing import FirstQuery, IdQuery, ListPage, debounced, desa_combo
from desktop.gui.registry.person_detail import PersonDetailPanel, PpksDialog, category_items
from desktop.gui.registry.person_dialog import PersonDialog
from desktop.gui.shared.flow import FlowLayout, FoldingSplitter, size_columns
from desktop.gui.shared.purpose import ask_purpose
from desktop.gui.shared.lazy_model import Column
from desktop.gui.shared.widgets import combo, select_data

# (untranslated text, value) for the filter bars here and in the aid room's "from the registry".
AGE_BANDS = [(N_("Semua umur"), None, None), (N_("Balita (0–5)"), 0, 5), (N_("Anak (6–17)"), 6, 17),
             (N_("Dewasa (18–59)"), 18, 59), (N_("Lansia (60+)"), 60, None)]
DESIL = [(N_("Semua desil"), None), (N_("Desil 1"), 1), (N_("Desil 1–2"), 2), (N_("Desil 1–3"), 3),
         (N_("Desil 1–4"), 4)]
STATUS = [(N_("Semua status"), None), *((text, member) for member, text in LABELS[PpksStatus].items())]
SEXES = [(N_("L dan P"), None), *((text, member) for member, text in LABELS[Sex].items())]


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


class PersonsPage(ListPage):
    KIND = Kind.PERSON
    RELATED = (Kind.FAMILY, Kind.PPKS)  # No. KK and the PPKS codes show on the rows
    SHOWS = frozenset({Kind.PERSON, Kind.FAMILY, Kind.PPKS, Kind.PSKS})  # PSKS roles: in the detail

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, COLUMNS, person_rows, multi=True, parent=parent)
        self.model.sort_requested.connect(self._sort)
        self.sort_key, self.descending = "name", False

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari nama, NIK, No. KK atau alamat…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        desa, categories = ops.read(lambda s: (desa_choices(s), ppks_choices(s)))
        self.desa = desa_combo(desa, tr("Semua desa/kelurahan"))
        self.category = combo([(tr("Semua kategori PPKS"), None), *category_items(categories)])
        self.category.setMaximumWidth(260)
        self.status = combo((tr(text), value) for text, value in STATUS)
        self.sex = combo((tr(text), value) for text, value in SEXES)
        self.age = combo((tr(text), (low, high)) for text, low, high in AGE_BANDS)
        self.desil = combo((tr(text), value) for text, value in DESIL)
        self._special = PersonFilter()  # dashboard-only filters (likely duplicates...)
        self.special_label = QLabel()
        self.special_label.setStyleSheet("color: #7F6000")
        self.special_label.hide()
        self.without_nik = QCheckBox(tr("Tanpa NIK"))
        self.mismatch = QCheckBox(tr("NIK tidak cocok"))
        self.count = QLabel()

        # The first screen comes back in a few ms and a newer keystroke drops an older search, so
        # the list follows every keystroke (0 ms: what arrives in one go is one search).
        typing = debounced(self, self.refresh, ms=0)
        self.search.textChanged.connect(lambda _: (self._clear_special(), typing.start()))
        for box in (self.desa, self.category, self.status, self.sex, self.age, self.desil):
            box.currentIndexChanged.connect(lambda _: (self._clear_special(), self.refresh()))
        for box in (self.without_nik, self.mismatch):
            box.toggled.connect(lambda _: (self._clear_special(), self.refresh()))

        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        size_columns(self.table, {0: "6402060000000000", 1: "Muhammad Abdul Rahman Hakim", 2: "L", 3: "00-00-0000",
                                  4: "100", 5: "Loa Ipuh Darat", 6: "000/000", 7: "6402060000000000"})
        state = QSettings().value("persons/header")
        if state is not None:
            header.restoreState(state)
        header.sectionResized.connect(lambda *_: QSettings().setValue("persons/header", header.saveState()))

        filters = FlowLayout().add(self.desa, self.category, self.status, self.sex, self.age, self.desil,
                                   self.without_nik, self.mismatch)
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
        self.search.setMinimumWidth(220)
        self.detail = PersonDetailPanel(ops)
        self.detail.open_person.connect(self.detail.show_person)
        self.splitter = FoldingSplitter(self.table, self.detail, "persons", stretch=(2, 1))
        editor = ops.can(Right.REGISTRY_EDIT)
        for button in (self.add_button, self.edit_button, self.delete_button, self.bulk_button):
            button.setVisible(editor)
        # NIKs show masked until a user with the right says why they need them whole (audited).
        self.reveal = QPushButton(tr("Tampilkan NIK lengkap…"))
        self.reveal.setCheckable(True)
        self.reveal.setVisible(ops.can(Right.FULL_NIK) and not ops.actor.nik_shown)
        self.reveal.toggled.connect(self.toggle_full_niks)
        top = FlowLayout().add(self.search, self.count, self.add_button, self.edit_button, self.delete_button,
                               self.bulk_button, self.reveal, self.splitter.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.special_label)
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self.detail.show_person(self.model.id_at(current.row()) if current.isValid() else None))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self.edit(None))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.edit_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, activated=self.delete_selected)
        self.refresh(wait=True)

    def niks_masked(self) -> None:
        """The window locked: the button shows the state the NIKs are in again."""
        self.reveal.blockSignals(True)
        self.reveal.setChecked(False)
        self.reveal.setText(tr("Tampilkan NIK lengkap…"))
        self.reveal.blockSignals(False)
        self.model.invalidate()  # the rows read with full NIKs are read again

    def toggle_full_niks(self, on: bool) -> None:
        if on:
            answer = ask_purpose(self.ops, tr("Tujuan menampilkan NIK lengkap"), self, ask_full_nik=False)
            if answer is None or not self.ops.show_full_niks(answer.purpose, self):
                self.reveal.blockSignals(True)
                self.reveal.setChecked(False)
                self.reveal.blockSignals(False)
                return
        else:
            self.ops.mask_niks()
        self.reveal.setText(tr("Samarkan NIK") if on else tr("Tampilkan NIK lengkap…"))
        self.model.invalidate()
        self.detail.show_person(self.detail.detail.id if self.detail.detail else None)

    # -- querying -------------------------------------------------------------------------------
    def current_filter(self) -> PersonFilter:
        low, high = self.age.currentData()
        return PersonFilter(
            text=self.search.text(), desa_code=self.desa.currentData(), sex=self.sex.currentData(),
            ppks_category=self.category.currentData(), ppks_status=self.status.currentData(), age_min=low,
            age_max=high, desil_max=self.desil.currentData(), without_nik=self.without_nik.isChecked(),
            nik_mismatch=self.mismatch.isChecked(), duplicates=self._special.duplicates,
            family_without_head=self._special.family_without_head)

    def id_query(self) -> IdQuery:
        f, sort, descending, stale = self.current_filter(), self.sort_key, self.descending, self.stale()
        return lambda s: person_ids(s, f, sort, descending, stop=stale)

    def first_query(self) -> FirstQuery:
        f, sort, descending = self.current_filter(), self.sort_key, self.descending
        return lambda s: first_person_ids(s, f, sort, descending)

    def query_key(self) -> object:
        return self.current_filter(), self.sort_key, self.descending

    def apply_filter(self, f: PersonFilter) -> None:
        """Show exactly this filter (the dashboard's warnings use it); the bar shows what it can."""
        widgets = (self.search, self.desa, self.category, self.status, self.sex, self.age, self.desil,
                   self.without_nik, self.mismatch)
        for w in widgets:
            w.blockSignals(True)
        self.search.setText(f.text)
        for box, value in ((self.desa, f.desa_code), (self.category, f.ppks_category),
                           (self.status, f.ppks_status), (self.sex, f.sex), (self.desil, f.desil_max)):
            select_data(box, value)
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

    def _clear_special(self) -> None:
        self._special = PersonFilter()
        self.special_label.hide()

    def shown(self, count: int) -> None:
        self.count.setText(tr("{n} penduduk").format(n=number(count)))

    def shown_first(self, ids: list[int], count: int | None) -> None:
        if count is not None:
            self.shown(count)
        else:  # the whole list is still being read
            self.count.setText(tr("≥ {n} penduduk…").format(n=number(len(ids))))

    def current_gone(self) -> None:
        self.detail.show_person(None)

    def side_changes(self, changes: Changes) -> None:
        if self.detail.shows_any(changes):
            self.detail.reload()

    def _sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        self.refresh()

    # -- actions --------------------------------------------------------------------------------
    def edit(self, person_id: int | None) -> PersonDialog | None:
        if not self.ops.can(Right.REGISTRY_EDIT):  # a double click of a role that only looks
            return None
        dialog = PersonDialog(self.ops, person_id, self)
        dialog.open_person.connect(self.edit)
        dialog.open()
        return dialog

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.edit(ids[0])

    def delete_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        names = [self.model.row_data(self.model.row_of(i)).name for i in ids[:5]]
        who = ", ".join(names) + (tr(" dan {n} lainnya").format(n=len(ids) - 5) if len(ids) > 5 else "")
        answer = QMessageBox.question(
            self, "Simpul", tr("Hapus {who} dari registri? Catatan PPKS-nya ikut terhapus; penghapusan dicatat di "
                               "riwayat perubahan.").format(who=who))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return bool(self.ops.write(
            lambda s: delete_persons(s, ids), parent=self, changes=lambda changed: changed,
            on_error=lambda exc: QMessageBox.warning(self, "Simpul", exc.message + " " + tr("Tidak ada yang dihapus."))))

    def _chosen(self) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, "Simpul", tr("Pilih dulu penduduknya (Ctrl+klik atau Shift+klik)."))
        return ids

    def bulk_add_category(self) -> None:
        ids = self._chosen()
        if ids:
            dialog = PpksDialog(self.ops, self)
            if dialog.exec() == PpksDialog.DialogCode.Accepted:
                self.add_category_to(ids, dialog.value())

    def add_category_to(self, ids: list[int], template: PpksInput) -> None:
        """Record one category on many people at once (on the worker); those who already have it
        are skipped."""
        def report(done: BulkOutcome) -> None:
            text = tr("Kategori dicatat untuk {n} orang.").format(n=done.done)
            if done.skipped:
                text += " " + tr("{n} orang sudah memilikinya.").format(n=done.skipped)
            QMessageBox.information(self, "Simpul", text)

        self.ops.run(lambda s, progress: add_ppks_to_persons(s, template, ids, progress), parent=self,
                     label=tr("Mencatat kategori PPKS…"), changes=lambda done: done.changes, on_done=report)

    def bulk_set_status(self) -> None:
        ids = self._chosen()
        if not ids:
            return
        dialog = PpksDialog(self.ops, self)
        dialog.setWindowTitle(tr("Ubah status kategori PPKS untuk yang terpilih"))
        for field in (dialog.date, dialog.source, dialog.notes):
            field.setEnabled(False)
        if dialog.exec() == PpksDialog.DialogCode.Accepted:
            self.set_status_for(ids, dialog.category.currentData(), PpksStatus(dialog.status.currentData()))

    def set_status_for(self, ids: list[int], category: int, status: PpksStatus) -> None:
        def report(done: BulkOutcome) -> None:
            QMessageBox.information(self, "Simpul", tr("Status {n} catatan diubah menjadi {status}.").format(
                n=done.done, status=label(status)))

        self.ops.run(lambda s, progress: set_ppks_status_of_persons(s, ids, category, status, progress),
                     parent=self, label=tr("Mengubah status PPKS…"), changes=lambda done: done.changes,
                     on_done=report)
