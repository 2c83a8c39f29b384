"""PSKS: the office's social-welfare resources — TKSK, PSM, Tagana… (persons), Keluarga Pioner
(families), Karang Taruna, LKS, LK3, WKSBM… (organisations) — with decree, term, coverage and
members."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.db.engine import Database
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.services.lists import PsksFilter, PsksListRow, psks_ids, psks_rows
from desktop.core.services.queries import desa_choices, psks_type_choices
from desktop.core.services.registry import find_person_by_nik
from desktop.core.services.welfare import PsksInput, add_psks, delete_psks, psks_input, update_psks
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.shared.widgets import error_label, optional_date, list_view, save_cancel, show_not_saved
from desktop.gui.i18n import N_, tr

COLUMNS = [
    Column(N_("Jenis"), lambda r: r.type_code),
    Column(N_("Nama"), lambda r: r.name),
    Column(N_("Nomor SK"), lambda r: r.sk_number or ""),
    Column(N_("Masa bakti s.d."), lambda r: r.term_end.strftime("%d-%m-%Y") if r.term_end else ""),
    Column(N_("Desa/Kelurahan"), lambda r: r.desa or ""),
    Column(N_("Anggota"), lambda r: str(r.members), align_right=True),
    Column(N_("Aktif"), lambda r: tr("ya") if r.active else tr("tidak")),
]


class PsksDialog(QDialog):
    def __init__(self, db: Database, psks_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.db, self.psks_id, self.saved_id = db, psks_id, None
        self.setWindowTitle(tr("Ubah PSKS") if psks_id else tr("Tambah PSKS"))
        self.type = QComboBox()
        with db.read() as s:
            self.types = psks_type_choices(s)
            desa = desa_choices(s)
            data = psks_input(s, psks_id) if psks_id else None
        for no, code, name, form in self.types:
            self.type.addItem(f"{code} – {name} ({form})", no)
        self.holder = QLineEdit()
        self.holder_label = QLabel()
        self.org_name = QLineEdit()
        self.sk_number, self.chair, self.phone, self.address = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.sk_known, self.sk_date = optional_date()
        self.start_known, self.term_start = optional_date()
        self.end_known, self.term_end = optional_date()
        self.desa = QComboBox()
        self.desa.addItem("", None)
        self.coverage = QListWidget()
        self.coverage.setMaximumHeight(110)
        for code, name in desa:
            self.desa.addItem(name, code)
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.coverage.addItem(item)
        self.members = QTableWidget(0, 3)
        self.members.setHorizontalHeaderLabels([tr("Nama"), tr("Jabatan"), tr("NIK (bila terdaftar)")])
        self.members.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.members.setColumnWidth(1, 110)
        self.members.setColumnWidth(2, 160)
        self.members.setMaximumHeight(130)
        add_member = QPushButton(tr("Tambah anggota"))
        add_member.clicked.connect(lambda: self.members.insertRow(self.members.rowCount()))
        remove_member = QPushButton(tr("Hapus anggota"))
        remove_member.clicked.connect(lambda: self.members.removeRow(self.members.currentRow()))
        self.active = QCheckBox(tr("Masih aktif"))
        self.active.setChecked(True)
        self.errors = error_label()
        self.type.currentIndexChanged.connect(lambda _: self._form_changed())

        def dated(known: QCheckBox, edit: QDateEdit) -> QHBoxLayout:
            row = QHBoxLayout()
            row.addWidget(known)
            row.addWidget(edit, 1)
            return row

        member_buttons = QHBoxLayout()
        member_buttons.addWidget(add_member)
        member_buttons.addWidget(remove_member)
        member_buttons.addStretch(1)
        buttons = save_cancel(self, self.save)
        form = QFormLayout(self)
        form.addRow(tr("Jenis PSKS:"), self.type)
        form.addRow(self.holder_label, self.holder)
        form.addRow(tr("Nama lembaga:"), self.org_name)
        form.addRow(tr("Nomor SK:"), self.sk_number)
        form.addRow(tr("Tanggal SK:"), dated(self.sk_known, self.sk_date))
        form.addRow(tr("Masa bakti mulai:"), dated(self.start_known, self.term_start))
        form.addRow(tr("Masa bakti selesai:"), dated(self.end_known, self.term_end))
        form.addRow(tr("Ketua:"), self.chair)
        form.addRow(tr("Telepon:"), self.phone)
        form.addRow(tr("Alamat:"), self.address)
        form.addRow(tr("Desa/Kelurahan:"), self.desa)
        form.addRow(tr("Wilayah layanan:"), self.coverage)
        form.addRow(tr("Anggota:"), self.members)
        form.addRow("", member_buttons)
        form.addRow("", self.active)
        form.addRow(self.errors)
        form.addRow(buttons)
        self.form_layout = form
        if data:
            self._load(data)
        self._form_changed()
        self.resize(620, 720)

    def _form(self) -> str:
        no = self.type.currentData()
        return next(form for n, _, _, form in self.types if n == no)

    def _form_changed(self) -> None:
        form = self._form()
        self.holder_label.setText({"orang": tr("NIK pemegang:"), "keluarga": tr("No. KK keluarga:")}.get(form, ""))
        self.holder.setVisible(form != "lembaga")
        self.holder_label.setVisible(form != "lembaga")
        self.org_name.setEnabled(form == "lembaga")

    def _load(self, d: PsksInput) -> None:
        self.type.setCurrentIndex(max(0, self.type.findData(d.type)))
        with self.db.read() as s:
            from desktop.core.services.registry import get_family, get_person

            if d.person_id:
                self.holder.setText(get_person(s, d.person_id).nik or "")
            elif d.family_id:
                self.holder.setText(get_family(s, d.family_id).no_kk or "")
        self.org_name.setText(d.org_name or "")
        self.sk_number.setText(d.sk_number or "")
        for known, edit, value in ((self.sk_known, self.sk_date, d.sk_date),
                                   (self.start_known, self.term_start, d.term_start),
                                   (self.end_known, self.term_end, d.term_end)):
            if value:
                known.setChecked(True)
                edit.setDate(QDate(value.year, value.month, value.day))
        self.chair.setText(d.chair_name or "")
        self.phone.setText(d.phone or "")
        self.address.setText(d.address or "")
        self.desa.setCurrentIndex(max(0, self.desa.findData(d.desa_code)))
        for i in range(self.coverage.count()):
            item = self.coverage.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in d.coverage:
                item.setCheckState(Qt.CheckState.Checked)
        self._person_of_member = {}
        with self.db.read() as s:
            from desktop.core.services.registry import get_person

            for name, role, pid in d.members:
                r = self.members.rowCount()
                self.members.insertRow(r)
                self.members.setItem(r, 0, QTableWidgetItem(name))
                self.members.setItem(r, 1, QTableWidgetItem(role or ""))
                self.members.setItem(r, 2, QTableWidgetItem(get_person(s, pid).nik or "" if pid else ""))
        self.active.setChecked(d.active)

    def form_input(self) -> PsksInput:
        form = self._form()
        person_id = family_id = None
        problems = []
        with self.db.read() as s:
            if form == "orang":
                person = find_person_by_nik(s, self.holder.text()) if self.holder.text().strip() else None
                if person is None:
                    problems.append(tr("NIK pemegang belum ada di registri; tambahkan orangnya dulu."))
                person_id = person.id if person else None
            elif form == "keluarga":
                from desktop.core.services.lists import FamilyFilter, family_ids

                found = family_ids(s, FamilyFilter(text=self.holder.text())) if self.holder.text().strip() else []
                if len(found) != 1:
                    problems.append(tr("No. KK keluarga tidak ditemukan di registri."))
                family_id = found[0] if len(found) == 1 else None
            members = []
            for r in range(self.members.rowCount()):
                name = (self.members.item(r, 0).text() if self.members.item(r, 0) else "").strip()
                role = (self.members.item(r, 1).text() if self.members.item(r, 1) else "").strip() or None
                nik = (self.members.item(r, 2).text() if self.members.item(r, 2) else "").strip()
                if not name:
                    continue
                person = find_person_by_nik(s, nik) if nik else None
                members.append((name, role, person.id if person else None))
        if problems:
            raise ValueError(" ".join(problems))

        def date(known: QCheckBox, edit: QDateEdit):
            return edit.date().toPython() if known.isChecked() else None

        coverage = [self.coverage.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.coverage.count())
                    if self.coverage.item(i).checkState() == Qt.CheckState.Checked]
        return PsksInput(
            type=self.type.currentData(), person_id=person_id, family_id=family_id,
            org_name=self.org_name.text() if form == "lembaga" else None, phone=self.phone.text() or None,
            chair_name=self.chair.text() or None, sk_number=self.sk_number.text() or None,
            sk_date=date(self.sk_known, self.sk_date), term_start=date(self.start_known, self.term_start),
            term_end=date(self.end_known, self.term_end), active=self.active.isChecked(),
            address=self.address.text() or None, desa_code=self.desa.currentData(), coverage=coverage,
            members=members)

    def save(self) -> bool:
        try:
            data = self.form_input()
            with self.db.transaction() as s:
                out = add_psks(s, data) if self.psks_id is None else update_psks(s, self.psks_id, data)
        except ValueError as exc:
            self.errors.setText(str(exc))
            return False
        except ValidationError as exc:
            show_not_saved(self.errors, exc)
            return False
        self.saved_id = out.id
        self.accept()
        return True


class PsksPage(QWidget):
    data_changed = Signal()

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = LazyTableModel(COLUMNS, self._fetch, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari nama, jenis atau nomor SK…"))
        self.search.setClearButtonEnabled(True)
        self.type = QComboBox()
        self.type.addItem(tr("Semua jenis PSKS"), None)
        self.desa = QComboBox()
        self.desa.addItem(tr("Semua desa/kelurahan"), None)
        with db.read() as s:
            for no, code, name, _ in psks_type_choices(s):
                self.type.addItem(f"{code} – {name}", no)
            for code, name in desa_choices(s):
                self.desa.addItem(name, code)
        self.only_active = QCheckBox(tr("Hanya yang aktif"))
        self.count = QLabel()
        add, edit, remove = QPushButton(tr("Tambah PSKS")), QPushButton(tr("Ubah")), QPushButton(tr("Hapus"))
        add.clicked.connect(lambda: self.edit(None))
        edit.clicked.connect(lambda: self.current_id() and self.edit(self.current_id()))
        remove.clicked.connect(self.delete_current)
        self.search.textChanged.connect(lambda _: self.refresh())
        self.type.currentIndexChanged.connect(lambda _: self.refresh())
        self.desa.currentIndexChanged.connect(lambda _: self.refresh())
        self.only_active.toggled.connect(lambda _: self.refresh())
        self.table = QTableView()
        self.table.setModel(self.model)
        list_view(self.table)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 70), (2, 190), (3, 110), (4, 130), (5, 70), (6, 60)):
            self.table.setColumnWidth(col, width)
        self.search.setMinimumWidth(240)
        self.type.setMaximumWidth(280)
        self.table.doubleClicked.connect(lambda _: self.edit(self.current_id()))
        top = QHBoxLayout()
        for w in (self.search, self.type, self.desa, self.only_active, self.count, add, edit, remove):
            top.addWidget(w, 1 if w is self.search else 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh()

    def _fetch(self, ids: list[int]) -> dict[int, PsksListRow]:
        with self.db.read() as s:
            return psks_rows(s, ids)

    def refresh(self) -> None:
        # A kecamatan holds tens to hundreds of PSKS: the query is instant, no worker needed.
        f = PsksFilter(self.search.text(), self.type.currentData(), self.desa.currentData(),
                       True if self.only_active.isChecked() else None)
        with self.db.read() as s:
            ids = psks_ids(s, f)
        self.model.set_ids(ids)
        self.count.setText(tr("{n} PSKS").format(n=len(ids)))

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def edit(self, psks_id: int | None) -> PsksDialog:
        dialog = PsksDialog(self.db, psks_id, self)
        dialog.accepted.connect(lambda: (self.refresh(), self.data_changed.emit()))
        dialog.open()
        return dialog

    def delete_current(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        if QMessageBox.question(self, "Simpul", tr("Hapus data PSKS ini beserta daftar anggotanya?")
                                ) != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.transaction() as s:
                delete_psks(s, pid)
        except SimpulError as exc:
            QMessageBox.warning(self, "Simpul", exc.message)
            return
        self.refresh()
        self.data_changed.emit()
