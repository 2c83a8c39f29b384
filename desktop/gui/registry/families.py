"""Keluarga: families by No. KK with their members; add and edit a family, add a member by NIK,
move a member out, make a member the head, record a DTSEN desil."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.access import Right
from desktop.core.changes import Changes, Kind
from desktop.core.i18n import number
from desktop.core.services.detail import family_detail
from desktop.core.services.lists import FamilyFilter, family_ids, family_rows
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
from desktop.gui.i18n import N_, tr
from desktop.gui.ops import Operations
from desktop.gui.registry.listing import IdQuery, ListPage, debounced, desa_combo
from desktop.gui.shared.flow import FlowLayout, FoldingSplitter, fit_to_screen, size_columns
from desktop.gui.shared.lazy_model import Column
from desktop.gui.shared.widgets import HistoryBox, date_edit, error_label, save_cancel, select_data, show_not_saved

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
    def __init__(self, ops: Operations, family_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.family_id, self.saved_id = ops, family_id, None
        self.setWindowTitle(tr("Ubah keluarga") if family_id else tr("Tambah keluarga"))
        self.no_kk, self.address, self.dusun = QLineEdit(), QLineEdit(), QLineEdit()
        self.rt, self.rw = QLineEdit(), QLineEdit()
        desa, data = ops.read(lambda s: (desa_choices(s), family_input(get_family(s, family_id)) if family_id else None))
        self.desa = desa_combo(desa, "")
        if data:
            self.no_kk.setText(data.no_kk or "")
            self.address.setText(data.address or "")
            self.dusun.setText(data.dusun or "")
            self.rt.setText(data.rt or "")
            self.rw.setText(data.rw or "")
            select_data(self.desa, data.desa_code)
        self.errors = error_label()
        buttons = save_cancel(self, self.save)
        form = QFormLayout(self)
        form.addRow(tr("No. KK:"), self.no_kk)
        form.addRow(tr("Desa/Kelurahan:"), self.desa)
        form.addRow(tr("Dusun:"), self.dusun)
        rt_rw = QHBoxLayout()  # three digits each: side by side, as on the KK itself
        for field in (self.rt, self.rw):
            field.setMaximumWidth(70)
        rt_rw.addWidget(self.rt)
        rt_rw.addWidget(QLabel(tr("RW:")))
        rt_rw.addWidget(self.rw)
        rt_rw.addStretch(1)
        form.addRow(tr("RT:"), rt_rw)
        form.addRow(tr("Alamat:"), self.address)
        form.addRow(self.errors)
        form.addRow(buttons)
        self.no_kk.setPlaceholderText(tr("16 angka"))
        self.address.setMinimumWidth(320)
        fit_to_screen(self, 540, 0)

    def save(self) -> bool:
        data = FamilyInput(self.no_kk.text() or None, self.address.text(), self.desa.currentData(),
                           self.dusun.text(), self.rt.text(), self.rw.text())
        family_id = self.family_id
        out = self.ops.write(
            lambda s: create_family(s, data) if family_id is None else update_family(s, family_id, data),
            parent=self, changes=lambda saved: saved.changes, on_error=lambda exc: show_not_saved(self.errors, exc))
        if not out:
            return False
        self.saved_id = out.value.id
        self.accept()
        return True


class FamiliesPage(ListPage):
    KIND = Kind.FAMILY
    RELATED = (Kind.PERSON, Kind.PPKS)  # head, size and family PPKS show on the rows
    SHOWS = frozenset({Kind.FAMILY, Kind.PERSON, Kind.PPKS})

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, COLUMNS, family_rows, parent=parent)
        self.sort_key, self.descending = "no_kk", False
        self.family_id: int | None = None  # the family the side panel shows
        self.model.sort_requested.connect(self._sort)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari No. KK, NIK atau nama anggota…"))
        self.search.setClearButtonEnabled(True)
        desa, refs = ops.read(lambda s: (desa_choices(s), reference_choices(s)))
        self.relationships = refs["relationship"]
        self.desa = desa_combo(desa, tr("Semua desa/kelurahan"))
        self.count = QLabel()
        add, edit = QPushButton(tr("Tambah keluarga")), QPushButton(tr("Ubah"))
        add.clicked.connect(lambda: self.edit(None))
        edit.clicked.connect(lambda: self.current_id() and self.edit(self.current_id()))
        typing = debounced(self, self.refresh)
        self.search.textChanged.connect(lambda _: typing.start())
        self.desa.currentIndexChanged.connect(lambda _: self.refresh())

        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        size_columns(self.table, {0: "6402060000000000", 1: "Muhammad Abdul Rahman Hakim", 2: "6402060000000000",
                                  3: "Loa Ipuh Darat", 4: "000/000", 5: "10", 6: "10"})
        self.table.doubleClicked.connect(lambda _: self.edit(self.current_id()))

        self.members = QListWidget()
        self.members_title = QLabel(tr("Pilih keluarga di daftar."))
        add_member, remove_member, head = (QPushButton(tr("Tambah anggota (NIK)…")), QPushButton(tr("Keluarkan")),
                                           QPushButton(tr("Jadikan kepala")))
        add_member.clicked.connect(lambda: self.add_member())
        remove_member.clicked.connect(self.remove_member)
        head.clicked.connect(self.make_head)
        self.desil_value = QSpinBox()
        self.desil_value.setRange(1, 10)
        self.desil_date = date_edit()
        self.desil_source = QLineEdit("DTSEN")
        save_desil = QPushButton(tr("Catat desil"))
        save_desil.clicked.connect(self.record_desil)
        for button in (add, edit, add_member, remove_member, head, save_desil):  # the core refuses others too
            button.setVisible(ops.can(Right.REGISTRY_EDIT))
        members_box = QGroupBox(tr("Anggota keluarga"))
        ml = QVBoxLayout(members_box)
        ml.addWidget(self.members_title)
        ml.addWidget(self.members, 1)
        row = QHBoxLayout()
        for b in (add_member, remove_member, head):
            row.addWidget(b)
        ml.addLayout(row)
        self.history = HistoryBox(ops)
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
        self.side.setMaximumWidth(380)
        self.splitter = FoldingSplitter(self.table, self.side, "families", stretch=(4, 1))
        self.search.setMinimumWidth(220)
        top = FlowLayout().add(self.search, self.desa, self.count, add, edit, self.splitter.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_members())
        self.refresh(wait=True)

    def id_query(self) -> IdQuery:
        f, sort, descending = FamilyFilter(self.search.text(), self.desa.currentData()), self.sort_key, self.descending
        return lambda s: family_ids(s, f, sort, descending)

    def _sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        self.refresh()

    def shown(self, count: int) -> None:
        self.count.setText(tr("{n} keluarga").format(n=number(count)))

    def current_gone(self) -> None:
        self.show_members()

    def side_changes(self, changes: Changes) -> None:
        families = changes.ids(Kind.FAMILY)
        if self.family_id is not None and (families is None or self.family_id in families):
            self.show_members()

    # -- the side panel -------------------------------------------------------------------------
    def show_members(self) -> None:
        fid = self.current_id()
        detail = self.ops.read(lambda s: family_detail(s, fid)) if fid is not None else None
        self.family_id = detail.id if detail else None
        self.side.setEnabled(detail is not None)
        self.members.clear()
        if detail is None:
            self.members_title.setText(tr("Pilih keluarga di daftar."))
            self.history.show_items([])
            return
        self.members_title.setText("No. KK " + (detail.no_kk or tr("(tanpa No. KK)")))
        for member_id, name, relation, nik in detail.members:
            item = QListWidgetItem(f"{name} — {relation or tr('hubungan belum diisi')} · {nik or tr('tanpa NIK')}")
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            self.members.addItem(item)
        if detail.desil:
            self.desil_value.setValue(detail.desil)
        self.history.show_items(detail.history)

    def _selected_member(self) -> int | None:
        items = self.members.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    # -- writes ---------------------------------------------------------------------------------
    def _write(self, fn) -> bool:
        """A write whose service says what it changed."""
        return bool(self.ops.write(fn, parent=self, changes=lambda changed: changed))

    def edit(self, family_id: int | None) -> FamilyDialog | None:
        if not self.ops.can(Right.REGISTRY_EDIT):  # a double click of a role that only looks
            return None
        dialog = FamilyDialog(self.ops, family_id, self)
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
            names = [n for _, n in self.relationships]
            name, ok = QInputDialog.getItem(self, tr("Tambah anggota"), tr("Hubungan dalam keluarga:"), names, 3,
                                            False)
            if not ok:
                return False
            relationship = next(c for c, n in self.relationships if n == name)
        person_id = self.ops.read(lambda s: getattr(find_person_by_nik(s, nik), "id", None))
        if person_id is None:
            QMessageBox.warning(self, "Simpul", tr("NIK {nik} belum ada di registri. Tambahkan orangnya dulu di "
                                                   "Penduduk & PPKS.").format(nik=nik))
            return False
        return self._write(lambda s: move_member(s, person_id, fid, relationship))

    def remove_member(self) -> bool:
        pid = self._selected_member()
        return pid is not None and self._write(lambda s: move_member(s, pid, None, None))

    def make_head(self) -> bool:
        pid, fid = self._selected_member(), self.current_id()
        return pid is not None and fid is not None and self._write(lambda s: set_head(s, fid, pid))

    def record_desil(self) -> bool:
        fid = self.current_id()
        if fid is None:
            return False
        desil, as_of, source = self.desil_value.value(), self.desil_date.date().toPython(), self.desil_source.text()
        return self._write(lambda s: set_desil(s, fid, desil, as_of, source))
