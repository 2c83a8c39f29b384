"""Adding recipients to a draft list: everyone a registry filter finds, or one person found by NIK,
No. KK or name."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import LifeStatus, ListStatus, PpksStatus, Sex, TargetUnit
from desktop.core.errors import SimpulError
from desktop.core.i18n import number
from desktop.core.services.aid import get_programme
from desktop.core.services.aid_recipients import add_from_registry, add_person, is_listed
from desktop.core.services.lists import PersonFilter, PersonListRow, person_ids, person_rows
from desktop.core.services.queries import desa_choices, ppks_choices
from desktop.gui.aid.common import RowsModel, current_id, fit_columns, table_view
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import choices, label
from desktop.gui.ops import Operations
from desktop.gui.registry.persons import AGE_BANDS, DESIL
from desktop.gui.shared.flow import fit_to_screen
from desktop.gui.shared.lazy_model import Column
from desktop.gui.shared.widgets import error_label

FOUND_AT_MOST = 50


def _changed(programme_id: int) -> Changes:
    """Lines added to a list: the programme's counts change in place, its list grows."""
    return Changes.updated(Kind.PROGRAMME, [programme_id])


class RegistryAddDialog(QDialog):
    """Everyone the filter finds (alive), one line each — or one per family for a family programme.
    How many would be added is shown before anything is saved."""

    def __init__(self, ops: Operations, programme_id: int, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.programme_id, self.result = ops, programme_id, None
        self.setWindowTitle(tr("Tambah penerima dari registri"))

        def read(s):
            p = get_programme(s, programme_id)
            return p.name, p.target, p.list_status, desa_choices(s), ppks_choices(s)

        name, target, status, desa, categories = ops.read(read)
        self.family = target is TargetUnit.FAMILY
        self.name, self.final = name, status is ListStatus.FINAL
        self.desa = QComboBox()
        self.desa.addItem(tr("Semua desa/kelurahan"), None)
        for code, desa_name in desa:
            self.desa.addItem(desa_name, code)
        self.category = QComboBox()
        self.category.addItem(tr("Semua kategori PPKS"), None)
        for no, code, cat_name in categories:
            self.category.addItem(f"{no}. {code} – {cat_name}", no)
        self.category.setMaximumWidth(420)
        self.status = QComboBox()
        self.status.addItem(tr("Semua status"), None)
        for text, member in choices(PpksStatus):
            if member in (PpksStatus.ACTIVE, PpksStatus.HANDLED):  # the dead and the moved get no aid
                self.status.addItem(text, member)
        self.desil = QComboBox()
        for text, value in DESIL:
            self.desil.addItem(tr(text), value)
        self.sex = QComboBox()
        self.sex.addItem(tr("L dan P"), None)
        for text, member in choices(Sex):
            self.sex.addItem(text, member)
        self.age = QComboBox()
        for text, low, high in AGE_BANDS:
            self.age.addItem(tr(text), (low, high))
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        font = QFont(self.preview.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.preview.setFont(font)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #7F6000")
        self.errors = error_label()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.count)
        for combo in (self.desa, self.category, self.status, self.desil, self.sex, self.age):
            combo.currentIndexChanged.connect(lambda _: self._timer.start())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)
        intro = QLabel((tr("Program per keluarga: satu baris per keluarga, atas nama kepala keluarga (atau anggota "
                           "tertua).") if self.family else tr("Program per orang: satu baris per penduduk."))
                       + " " + tr("Hanya penduduk yang masih hidup; yang sudah ada di daftar tidak ditambahkan lagi."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Desa/kelurahan:"), self.desa)
        form.addRow(tr("Kategori PPKS:"), self.category)
        form.addRow(tr("Status PPKS:"), self.status)
        form.addRow(tr("Desil keluarga:"), self.desil)
        form.addRow(tr("Jenis kelamin:"), self.sex)
        form.addRow(tr("Kelompok umur:"), self.age)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{name}</b>"))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.hint)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.resize(560, 0)
        self.count()

    def current_filter(self) -> PersonFilter:
        low, high = self.age.currentData()
        return PersonFilter(desa_code=self.desa.currentData(), ppks_category=self.category.currentData(),
                            ppks_status=self.status.currentData(), desil_max=self.desil.currentData(),
                            sex=self.sex.currentData(), age_min=low, age_max=high)

    def count(self):
        """A trial run of the addition in a read session: exactly what Tambahkan would do."""
        self._timer.stop()
        if self.final:  # the buttons that open this are off for a final list; another desk may have finalised
            self.preview.setText(SimpulError("aid.list_final", name=self.name).message)
            self.add_button.setEnabled(False)
            return None
        pid, person_filter = self.programme_id, self.current_filter()
        found = self.ops.read(lambda s: add_from_registry(s, pid, person_filter, dry_run=True))
        unit = tr("keluarga") if self.family else tr("orang")
        self.preview.setText(tr("Akan ditambahkan: {n} {unit}").format(n=number(found.added), unit=unit))
        notes = []
        if found.already:
            notes.append(tr("{n} sudah ada di daftar").format(n=number(found.already)))
        if found.without_family:
            notes.append(tr("{n} orang tanpa keluarga di registri dilewati").format(n=number(found.without_family)))
        if person_filter == PersonFilter(ppks_status=self.status.currentData()):
            notes.append(tr("tanpa saringan: seluruh penduduk yang masih hidup di kecamatan"))
        hint = "; ".join(notes)
        self.hint.setText(hint[:1].upper() + hint[1:])
        self.add_button.setText(tr("Tambahkan {n}").format(n=number(found.added)))
        self.add_button.setEnabled(found.added > 0)
        return found

    def add(self) -> bool:
        pid, person_filter = self.programme_id, self.current_filter()
        done = self.ops.write(lambda s: add_from_registry(s, pid, person_filter), parent=self,
                              changes=_changed(pid), on_error=lambda exc: self.errors.setText(exc.message))
        if not done:
            return False
        self.result = done.value
        self.accept()
        return True


def _rt_rw(p: PersonListRow) -> str:
    return f"{p.rt or '-'}/{p.rw or '-'}" if p.rt or p.rw else ""


def _life(p: PersonListRow) -> str:
    life = LifeStatus(p.life_status)
    return "" if life is LifeStatus.ALIVE else label(life)


FOUND_COLUMNS = [
    Column(N_("Nama"), lambda p: p.name),
    Column("NIK", lambda p: p.nik or tr("(tanpa NIK)")),
    Column(N_("Tgl. lahir"), lambda p: p.birth_date.strftime("%d-%m-%Y") if p.birth_date else ""),
    Column(N_("Desa/Kelurahan"), lambda p: p.desa or ""),
    Column("RT/RW", _rt_rw),
    Column(N_("No. KK"), lambda p: p.no_kk or ""),
    Column(N_("Keterangan"), _life),
]


class AddRecipientDialog(QDialog):
    """One person at a time: search the registry by NIK, No. KK or name, pick, add. Stays open for
    the next one."""

    def __init__(self, ops: Operations, programme_id: int, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.programme_id, self.added = ops, programme_id, []
        self.setWindowTitle(tr("Tambah penerima"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("NIK, No. KK atau nama, lalu Enter"))
        self.search.returnPressed.connect(self.find)
        find = QPushButton(tr("Cari"))
        find.clicked.connect(self.find)
        self.model = RowsModel(FOUND_COLUMNS, key=lambda p: p.id, parent=self)
        self.table = table_view(self.model)
        self.table.doubleClicked.connect(lambda _: self.add_selected())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.add_button = QPushButton(tr("Tambahkan ke daftar"))
        self.add_button.clicked.connect(self.add_selected)
        close = QPushButton(tr("Selesai"))
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(find)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 860, 420)

    def find(self) -> int:
        text = self.search.text().strip()
        if not text:
            return 0

        def read(s) -> list[PersonListRow]:
            ids = person_ids(s, PersonFilter(text=text))[:FOUND_AT_MOST]
            found = person_rows(s, ids)
            return [found[i] for i in ids]

        rows = self.ops.read(read)
        self.model.set_rows(rows)
        fit_columns(self.table, 240, stretch=0)
        if rows:
            self.table.selectRow(0)
            self.message.setText(tr("{n} ditemukan. Pilih lalu Tambahkan.").format(n=len(rows)))
        else:
            self.message.setText(tr("Tidak ditemukan di registri. Tambahkan orangnya dulu di Penduduk & PPKS."))
        return len(rows)

    def add_selected(self) -> bool:
        person_id = current_id(self.table)
        if person_id is None:
            self.message.setText(tr("Cari dan pilih dulu orangnya."))
            return False
        name = self.model.row_data(self.model.row_of(person_id)).name
        pid = self.programme_id
        if self.ops.read(lambda s: is_listed(s, pid, person_id)):
            self.message.setText(tr("{name} sudah ada di daftar ini.").format(name=name))
            return False
        done = self.ops.write(lambda s: add_person(s, pid, person_id).id, parent=self, changes=_changed(pid),
                              on_error=lambda exc: self.message.setText(exc.message))
        if not done:
            return False
        self.added.append(person_id)
        self.message.setText(tr("{name} ditambahkan ke daftar.").format(name=name))
        self.search.selectAll()
        self.search.setFocus()
        return True
