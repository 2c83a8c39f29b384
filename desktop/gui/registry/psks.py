"""PSKS: the office's social-welfare resources — TKSK, PSM, Tagana… (persons), Keluarga Pioner
(families), Karang Taruna, LKS, LK3, WKSBM… (organisations) — with decree, term, coverage and
members."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.access import Right
from desktop.core.changes import Kind
from desktop.core.domain.enums import PsksForm
from desktop.core.services.lists import FamilyFilter, PsksFilter, family_ids, psks_ids, psks_rows
from desktop.core.services.queries import desa_choices, psks_type_choices
from desktop.core.services.registry import find_person_by_nik, get_family, get_person
from desktop.core.services.welfare import PsksInput, add_psks, delete_psks, psks_input, update_psks
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import label
from desktop.gui.ops import Operations
from desktop.gui.registry.listing import IdQuery, ListPage, desa_combo
from desktop.gui.shared.flow import FlowLayout, fit_to_screen, size_columns
from desktop.gui.shared.lazy_model import Column
from desktop.gui.shared.widgets import combo, error_label, optional_date, save_cancel, select_data, show_not_saved

COLUMNS = [
    Column(N_("Jenis"), lambda r: r.type_code),
    Column(N_("Nama"), lambda r: r.name),
    Column(N_("Nomor SK"), lambda r: r.sk_number or ""),
    Column(N_("Masa bakti s.d."), lambda r: r.term_end.strftime("%d-%m-%Y") if r.term_end else ""),
    Column(N_("Desa/Kelurahan"), lambda r: r.desa or ""),
    Column(N_("Anggota"), lambda r: str(r.members), align_right=True),
    Column(N_("Aktif"), lambda r: tr("ya") if r.active else tr("tidak")),
]


HOLDER_LABELS = {PsksForm.PERSON: N_("NIK pemegang:"), PsksForm.FAMILY: N_("No. KK keluarga:")}


def _stored(s, psks_id: int) -> tuple[PsksInput, str, list[str]]:
    """A PSKS as the form shows it: its data, its holder's NIK or No. KK, its members' NIKs."""
    data = psks_input(s, psks_id)
    holder = (get_person(s, data.person_id).nik if data.person_id
              else get_family(s, data.family_id).no_kk if data.family_id else None)
    niks = [(get_person(s, pid).nik or "") if pid else "" for _, _, pid in data.members]
    return data, holder or "", niks


class PsksDialog(QDialog):
    def __init__(self, ops: Operations, psks_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.psks_id, self.saved_id = ops, psks_id, None
        self.setWindowTitle(tr("Ubah PSKS") if psks_id else tr("Tambah PSKS"))
        self.types, desa, stored = ops.read(lambda s: (
            psks_type_choices(s), desa_choices(s), _stored(s, psks_id) if psks_id else None))
        self.forms = {no: form for no, _, _, form in self.types}
        self.type = combo((f"{code} – {name} ({label(form)})", no) for no, code, name, form in self.types)
        self.holder = QLineEdit()
        self.holder_label = QLabel()
        self.org_name = QLineEdit()
        self.sk_number, self.chair, self.phone, self.address = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.sk_known, self.sk_date = optional_date()
        self.start_known, self.term_start = optional_date()
        self.end_known, self.term_end = optional_date()
        self.desa = desa_combo(desa, "")
        self.coverage = QListWidget()
        self.coverage.setMaximumHeight(110)
        for code, name in desa:
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
        term = dated(self.start_known, self.term_start)  # start and end on one line: fits a 600-px screen
        term.addWidget(QLabel(tr("s.d.")))
        term.addLayout(dated(self.end_known, self.term_end), 1)
        form.addRow(tr("Masa bakti:"), term)
        chair = QHBoxLayout()
        chair.addWidget(self.chair, 3)
        chair.addWidget(QLabel(tr("Telepon:")))
        chair.addWidget(self.phone, 2)
        form.addRow(tr("Ketua:"), chair)
        form.addRow(tr("Alamat:"), self.address)
        form.addRow(tr("Desa/Kelurahan:"), self.desa)
        form.addRow(tr("Wilayah layanan:"), self.coverage)
        form.addRow(tr("Anggota:"), self.members)
        form.addRow("", member_buttons)
        form.addRow("", self.active)
        form.addRow(self.errors)
        form.addRow(buttons)
        if stored:
            self._load(*stored)
        self._form_changed()
        fit_to_screen(self, 680, 720)

    def _form(self) -> PsksForm:
        return self.forms[self.type.currentData()]

    def _form_changed(self) -> None:
        form = self._form()
        self.holder_label.setText(tr(HOLDER_LABELS[form]) if form in HOLDER_LABELS else "")
        self.holder.setVisible(form is not PsksForm.ORGANISATION)
        self.holder_label.setVisible(form is not PsksForm.ORGANISATION)
        self.org_name.setEnabled(form is PsksForm.ORGANISATION)

    def _load(self, d: PsksInput, holder: str, member_niks: list[str]) -> None:
        select_data(self.type, d.type)
        self.holder.setText(holder)
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
        select_data(self.desa, d.desa_code)
        for i in range(self.coverage.count()):
            item = self.coverage.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in d.coverage:
                item.setCheckState(Qt.CheckState.Checked)
        for (name, role, _), nik in zip(d.members, member_niks, strict=True):
            r = self.members.rowCount()
            self.members.insertRow(r)
            for c, text in enumerate((name, role or "", nik)):
                self.members.setItem(r, c, QTableWidgetItem(text))
        self.active.setChecked(d.active)

    def _cell(self, row: int, column: int) -> str:
        item = self.members.item(row, column)
        return item.text().strip() if item else ""

    def form_input(self) -> tuple[PsksInput, list[str]]:
        """The form as a PsksInput, with the holder and members found by NIK or No. KK; and what
        could not be found."""
        form, holder = self._form(), self.holder.text().strip()
        rows = [(self._cell(r, 0), self._cell(r, 1) or None, self._cell(r, 2)) for r in range(self.members.rowCount())]

        def find(s):
            person = find_person_by_nik(s, holder) if form is PsksForm.PERSON and holder else None
            families = family_ids(s, FamilyFilter(text=holder)) if form is PsksForm.FAMILY and holder else []
            members = [(name, role, getattr(find_person_by_nik(s, nik) if nik else None, "id", None))
                       for name, role, nik in rows if name]
            return getattr(person, "id", None), families, members

        person_id, families, members = self.ops.read(find)
        family_id = families[0] if len(families) == 1 else None
        problems = []
        if form is PsksForm.PERSON and person_id is None:
            problems.append(tr("NIK pemegang belum ada di registri; tambahkan orangnya dulu."))
        if form is PsksForm.FAMILY and family_id is None:
            problems.append(tr("No. KK keluarga tidak ditemukan di registri."))

        def date(known: QCheckBox, edit: QDateEdit):
            return edit.date().toPython() if known.isChecked() else None

        coverage = [self.coverage.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.coverage.count())
                    if self.coverage.item(i).checkState() == Qt.CheckState.Checked]
        data = PsksInput(
            type=self.type.currentData(), person_id=person_id, family_id=family_id,
            org_name=self.org_name.text() if form is PsksForm.ORGANISATION else None, phone=self.phone.text() or None,
            chair_name=self.chair.text() or None, sk_number=self.sk_number.text() or None,
            sk_date=date(self.sk_known, self.sk_date), term_start=date(self.start_known, self.term_start),
            term_end=date(self.end_known, self.term_end), active=self.active.isChecked(),
            address=self.address.text() or None, desa_code=self.desa.currentData(), coverage=coverage,
            members=members)
        return data, problems

    def save(self) -> bool:
        data, problems = self.form_input()
        if problems:
            self.errors.setText(" ".join(problems))
            return False
        psks_id = self.psks_id
        out = self.ops.write(
            lambda s: add_psks(s, data) if psks_id is None else update_psks(s, psks_id, data),
            parent=self, changes=lambda saved: saved.changes, on_error=lambda exc: show_not_saved(self.errors, exc))
        if not out:
            return False
        self.saved_id = out.value.id
        self.accept()
        return True


class PsksPage(ListPage):
    KIND = Kind.PSKS
    RELATED = (Kind.PERSON, Kind.FAMILY)  # a person's or a family head's name shows on the row
    SHOWS = frozenset({Kind.PSKS, Kind.PERSON, Kind.FAMILY})
    # A kecamatan holds tens to hundreds of PSKS: the query is instant, no worker needed.
    SEARCH_IN_BACKGROUND = False

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, COLUMNS, psks_rows, parent=parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari nama, jenis atau nomor SK…"))
        self.search.setClearButtonEnabled(True)
        types, desa = ops.read(lambda s: (psks_type_choices(s), desa_choices(s)))
        self.type = combo([(tr("Semua jenis PSKS"), None), *((f"{code} – {name}", no) for no, code, name, _ in types)])
        self.desa = desa_combo(desa, tr("Semua desa/kelurahan"))
        self.only_active = QCheckBox(tr("Hanya yang aktif"))
        self.count = QLabel()
        add, edit, remove = QPushButton(tr("Tambah PSKS")), QPushButton(tr("Ubah")), QPushButton(tr("Hapus"))
        add.clicked.connect(lambda: self.edit(None))
        edit.clicked.connect(lambda: self.current_id() and self.edit(self.current_id()))
        remove.clicked.connect(self.delete_current)
        for button in (add, edit, remove):  # the core refuses others too
            button.setVisible(ops.can(Right.REGISTRY_EDIT))
        self.search.textChanged.connect(lambda _: self.refresh())
        self.type.currentIndexChanged.connect(lambda _: self.refresh())
        self.desa.currentIndexChanged.connect(lambda _: self.refresh())
        self.only_active.toggled.connect(lambda _: self.refresh())
        size_columns(self.table, {0: "TAGANA", 1: "Muhammad Abdul Rahman Hakim", 2: "400.9/000/Kesos/2026",
                                  3: "00-00-0000", 4: "Loa Ipuh Darat", 5: "100"})
        self.search.setMinimumWidth(220)
        self.type.setMaximumWidth(280)
        self.table.doubleClicked.connect(lambda _: self.edit(self.current_id()))
        top = FlowLayout().add(self.search, self.type, self.desa, self.only_active, self.count, add, edit, remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh()

    def id_query(self) -> IdQuery:
        f = PsksFilter(self.search.text(), self.type.currentData(), self.desa.currentData(),
                       True if self.only_active.isChecked() else None)
        return lambda s: psks_ids(s, f)

    def shown(self, count: int) -> None:
        self.count.setText(tr("{n} PSKS").format(n=count))

    def edit(self, psks_id: int | None) -> PsksDialog | None:
        if not self.ops.can(Right.REGISTRY_EDIT):  # a double click of a role that only looks
            return None
        dialog = PsksDialog(self.ops, psks_id, self)
        dialog.open()
        return dialog

    def delete_current(self) -> bool:
        pid = self.current_id()
        if pid is None:
            return False
        if QMessageBox.question(self, "Simpul", tr("Hapus data PSKS ini beserta daftar anggotanya?")
                                ) != QMessageBox.StandardButton.Yes:
            return False
        return bool(self.ops.write(lambda s: delete_psks(s, pid), parent=self, changes=lambda changed: changed))
