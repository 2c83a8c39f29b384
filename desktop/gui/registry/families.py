"""Keluarga: families by No. KK with their members; add and edit a family, add a member by NIK,
move a member out, make a member the head, record a DTSEN desil."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.db.engine import Database
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.i18n import number
from desktop.core.services.history import family_history
from desktop.core.services.lists import FamilyFilter, FamilyListRow, family_ids, family_rows
from desktop.core.services.queries import desa_choices, reference_choices
from desktop.core.services.registry import (
    FamilyInput,
    create_family,
    family_input,
    find_person_by_nik,
    get_family,
    move_member,
    set_desil,
    set_head,
    update_family,
)
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.tasks import run_task
from desktop.gui.shared.widgets import HistoryBox, error_label, list_view, save_cancel, show_not_saved
from desktop.gui.i18n import N_, tr

COLUMNS = [
    Column(N_("No. KK"), lambda r: r.no_kk or tr("(tanpa No. KK)"), "no_kk"),
    Column(N_("Kepala keluarga"), lambda r: r.head or tr("(belum ada)"), "head"),
    Column(N_("NIK kepala"), lambda r: r.head_nik or ""),
    Column(N_("Desa/Kelurahan"), lambda r: r.desa or "", "desa"),
    Column("RT/RW", lambda r: f"{r.rt or '-'}/{r.rw or '-'}" if r.rt or r.rw else ""),
    Column(N_("Anggota"), lambda r: str(r.members), "members", align_right=True),
    Column(N_("Desil"), lambda r: "" if r.desil is None else str(r.desil), "desil", align_right=True),
    Column(N_("PPKS keluarga"), lambda r: r.ppks),
]


class FamilyDialog(QDialog):
    def __init__(self, db: Database, family_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.db, self.family_id, self.saved_id = db, family_id, None
        self.setWindowTitle(tr("Ubah keluarga") if family_id else tr("Tambah keluarga"))
        self.no_kk, self.address, self.dusun = QLineEdit(), QLineEdit(), QLineEdit()
        self.rt, self.rw = QLineEdit(), QLineEdit()
        self.desa = QComboBox()
        self.desa.addItem("", None)
        with db.read() as s:
            for code, name in desa_choices(s):
                self.desa.addItem(name, code)
            data = family_input(get_family(s, family_id)) if family_id else None
        if data:
            self.no_kk.setText(data.no_kk or "")
            self.address.setText(data.address or "")
            self.dusun.setText(data.dusun or "")
            self.rt.setText(data.rt or "")
            self.rw.setText(data.rw or "")
            self.desa.setCurrentIndex(max(0, self.desa.findData(data.desa_code)))
        self.errors = error_label()
        buttons = save_cancel(self, self.save)
        form = QFormLayout(self)
        form.addRow(tr("No. KK:"), self.no_kk)
        form.addRow(tr("Desa/Kelurahan:"), self.desa)
        form.addRow(tr("Dusun:"), self.dusun)
        form.addRow(tr("RT:"), self.rt)
        form.addRow(tr("RW:"), self.rw)
        form.addRow(tr("Alamat:"), self.address)
        form.addRow(self.errors)
        form.addRow(buttons)

    def save(self) -> bool:
        data = FamilyInput(self.no_kk.text() or None, self.address.text(), self.desa.currentData(),
                           self.dusun.text(), self.rt.text(), self.rw.text())
        try:
            with self.db.transaction() as s:
                out = (create_family(s, data) if self.family_id is None
                       else update_family(s, self.family_id, data))
        except ValidationError as exc:
            show_not_saved(self.errors, exc)
            return False
        self.saved_id = out.id
        self.accept()
        return True


class FamiliesPage(QWidget):
    refreshed = Signal(int)
    data_changed = Signal()

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self._generation = 0
        self.sort_key, self.descending = "no_kk", False
        self.model = LazyTableModel(COLUMNS, self._fetch, self)
        self.model.sort_requested.connect(self._sort)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari No. KK, NIK atau nama anggota…"))
        self.search.setClearButtonEnabled(True)
        self.desa = QComboBox()
        self.desa.addItem(tr("Semua desa/kelurahan"), None)
        with db.read() as s:
            for code, name in desa_choices(s):
                self.desa.addItem(name, code)
            self.relationships = reference_choices(s)["relationship"]
        self.count = QLabel()
        add, edit = QPushButton(tr("Tambah keluarga")), QPushButton(tr("Ubah"))
        add.clicked.connect(lambda: self.edit(None))
        edit.clicked.connect(lambda: self.current_id() and self.edit(self.current_id()))
        debounce = QTimer(self)
        debounce.setSingleShot(True)
        debounce.setInterval(250)
        debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: debounce.start())
        self.desa.currentIndexChanged.connect(lambda _: self.refresh())

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        list_view(self.table)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 140), (2, 140), (3, 115), (4, 64), (5, 62), (6, 48), (7, 90)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _: self.edit(self.current_id()))

        self.members = QListWidget()
        self.members_title = QLabel(tr("Pilih keluarga di daftar."))
        add_member, remove_member, head = (QPushButton(tr("Tambah anggota (NIK)…")), QPushButton(tr("Keluarkan")),
                                           QPushButton(tr("Jadikan kepala")))
        add_member.clicked.connect(self.add_member)
        remove_member.clicked.connect(self.remove_member)
        head.clicked.connect(self.make_head)
        self.desil_value = QSpinBox()
        self.desil_value.setRange(1, 10)
        self.desil_date = QDateEdit(QDate.currentDate())
        self.desil_date.setDisplayFormat("dd-MM-yyyy")
        self.desil_source = QLineEdit("DTSEN")
        save_desil = QPushButton(tr("Catat desil"))
        save_desil.clicked.connect(self.record_desil)
        members_box = QGroupBox(tr("Anggota keluarga"))
        ml = QVBoxLayout(members_box)
        ml.addWidget(self.members_title)
        ml.addWidget(self.members, 1)
        row = QHBoxLayout()
        for b in (add_member, remove_member, head):
            row.addWidget(b)
        ml.addLayout(row)
        self.history = HistoryBox(db)
        self.history.reverted.connect(self._changed)
        desil_box = QGroupBox(tr("Desil DTSEN"))
        dl = QFormLayout(desil_box)
        dl.addRow(tr("Desil:"), self.desil_value)
        dl.addRow(tr("Per tanggal:"), self.desil_date)
        dl.addRow(tr("Sumber:"), self.desil_source)
        dl.addRow(save_desil)
        self.side = QWidget()
        sl = QVBoxLayout(self.side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(members_box, 1)
        sl.addWidget(desil_box)
        sl.addWidget(self.history, 1)
        self.side.setEnabled(False)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        self.side.setMaximumWidth(380)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.desa)
        top.addWidget(self.count)
        top.addWidget(add)
        top.addWidget(edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_members())
        self.refresh(wait=True)

    def _fetch(self, ids: list[int]) -> dict[int, FamilyListRow]:
        with self.db.read() as s:
            return family_rows(s, ids)

    def refresh(self, wait: bool = False) -> None:
        self._generation += 1
        generation = self._generation
        f = FamilyFilter(self.search.text(), self.desa.currentData())
        sort, desc = self.sort_key, self.descending

        def query(_progress):
            with self.db.read() as s:
                return family_ids(s, f, sort, desc)

        if wait:
            self._show(generation, query(None))
        else:
            run_task(self, query, label=tr("Mencari…"), show_progress=False,
                     on_done=lambda ids: self._show(generation, ids))

    def _show(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        current = self.current_id()
        self.model.set_ids(ids)
        self.count.setText(tr("{n} keluarga").format(n=number(len(ids))))
        row = self.model.row_of(current) if current else None
        if row is not None:
            self.table.selectRow(row)
        self.show_members()
        self.refreshed.emit(len(ids))

    def _sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        self.refresh()

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def show_members(self) -> None:
        fid = self.current_id()
        self.side.setEnabled(fid is not None)
        self.members.clear()
        self.history.show_items([])
        if fid is None:
            self.members_title.setText(tr("Pilih keluarga di daftar."))
            return
        names = dict(self.relationships)
        with self.db.read() as s:
            family = get_family(s, fid)
            self.members_title.setText("No. KK " + (family.no_kk or tr("(tanpa No. KK)")))
            for m in sorted(family.members, key=lambda p: (p.relationship_code or 99, p.id)):
                relation = names.get(m.relationship_code) or tr("hubungan belum diisi")
                item = QListWidgetItem(f"{m.name} — {relation} · {m.nik or tr('tanpa NIK')}")
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                self.members.addItem(item)
            if family.desil:
                self.desil_value.setValue(family.desil)
            self.history.show_items(family_history(s, fid))

    def _changed(self) -> None:
        self.model.invalidate()
        self.show_members()
        self.data_changed.emit()

    def edit(self, family_id: int | None) -> FamilyDialog:
        dialog = FamilyDialog(self.db, family_id, self)
        dialog.accepted.connect(lambda: (self.refresh(), self.data_changed.emit()))
        dialog.open()
        return dialog

    def add_member(self, nik: str | None = None, relationship: int | None = None) -> bool:
        fid = self.current_id()
        if fid is None:
            return False
        if nik is None:
            nik, ok = QInputDialog.getText(self, tr("Tambah anggota"), tr("NIK penduduk yang sudah terdaftar:"))
            if not ok or not nik.strip():
                return False
            labels = [n for _, n in self.relationships]
            label, ok = QInputDialog.getItem(self, tr("Tambah anggota"), tr("Hubungan dalam keluarga:"), labels, 3,
                                             False)
            if not ok:
                return False
            relationship = dict((n, c) for c, n in self.relationships)[label]
        with self.db.read() as s:
            person = find_person_by_nik(s, nik)
        if person is None:
            QMessageBox.warning(self, "Simpul", tr("NIK {nik} belum ada di registri. Tambahkan orangnya dulu di "
                                                   "Penduduk & PPKS.").format(nik=nik))
            return False
        with self.db.transaction() as s:
            move_member(s, person.id, fid, relationship)
        self._changed()
        return True

    def _selected_member(self) -> int | None:
        items = self.members.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def remove_member(self) -> None:
        pid = self._selected_member()
        if pid is None:
            return
        with self.db.transaction() as s:
            move_member(s, pid, None, None)
        self._changed()

    def make_head(self) -> None:
        pid, fid = self._selected_member(), self.current_id()
        if pid is None or fid is None:
            return
        with self.db.transaction() as s:
            set_head(s, fid, pid)
        self._changed()

    def record_desil(self) -> None:
        fid = self.current_id()
        if fid is None:
            return
        try:
            with self.db.transaction() as s:
                set_desil(s, fid, self.desil_value.value(), self.desil_date.date().toPython(),
                          self.desil_source.text())
        except SimpulError as exc:
            QMessageBox.warning(self, "Simpul", exc.message)
            return
        self._changed()
