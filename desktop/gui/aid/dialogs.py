"""The Bantuan section's dialogs: a programme, adding recipients (from the registry by filter, or
one person found by NIK or name), a distribution event, and asking for a reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
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
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.db.engine import Database
from desktop.core.errors import SimpulError, ValidationError
from desktop.core.i18n import number
from desktop.core.services.aid import ProgrammeInput, add_from_registry, add_person, get_programme, programme_rows
from desktop.core.services.distribution import EventInput, get_event, save_event
from desktop.core.services.lists import PersonFilter, person_ids, person_rows
from desktop.core.services.office import profile_values
from desktop.core.services.queries import desa_choices, ppks_choices
from desktop.gui.i18n import N_, tr
from desktop.gui.registry.persons import AGE_BANDS, DESIL, SEXES, STATUS
from desktop.gui.shared.widgets import error_label, save_cancel, show_not_saved

# Labels for the values the core stores (Indonesian words, shown translated).
FUNDING = [("APBN", "APBN"), ("APBD Provinsi", N_("APBD Provinsi")),
           ("APBD Kabupaten/Kota", N_("APBD Kabupaten/Kota")), ("Dana Desa", N_("Dana Desa")), ("CSR", "CSR"),
           ("lainnya", N_("Lainnya"))]
FORMS = {"tunai": N_("Tunai"), "barang": N_("Barang")}
TARGETS = {"orang": N_("Per orang"), "keluarga": N_("Per keluarga")}
LIST_STATUS = {"draft": N_("Draf"), "final": N_("Final")}
RECIPIENT_STATUS = {"masuk": N_("Masuk"), "dikeluarkan": N_("Dikeluarkan")}
CHECK_KINDS = {"nik ganda": N_("NIK ganda"), "kk ganda": N_("No. KK ganda"), "program lain": N_("Program lain"),
               "meninggal": N_("Meninggal"), "pindah": N_("Pindah"), "tanpa nik": N_("Tanpa NIK")}
DECISIONS = {"tetap": N_("Tetap"), "keluarkan": N_("Dikeluarkan")}
COLLECT_STATUS = {"menunggu": N_("Menunggu"), "diambil": N_("Diambil"), "tidak hadir": N_("Tidak hadir")}
EVENT_STATES = {"direncanakan": N_("Direncanakan"), "berlangsung": N_("Berlangsung"), "selesai": N_("Ditutup")}
DESK_ACTIONS = {"diambil": N_("diambil"), "tidak hadir": N_("tidak hadir"), "dibatalkan": N_("dibatalkan"),
                "ditutup": N_("ditutup"), "dibuka kembali": N_("dibuka kembali")}


# What the documents print for cash: data, so in Indonesian whatever the screen's language.
CASH_ITEM = "Uang tunai"


def label(table: dict[str, str], value: str) -> str:
    return tr(table[value]) if value in table else value


def funding_label(value: str) -> str:
    return tr(dict(FUNDING).get(value, value))


def local_time(value: dt.datetime, fmt: str = "%d-%m-%Y %H.%M") -> str:
    """A stored UTC time as the office's clock shows it."""
    return value.replace(tzinfo=dt.UTC).astimezone().strftime(fmt)


def date_edit(value: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(value) if value else QDate.currentDate())
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    return edit


def fill_table(table: QTableWidget, rows: list[tuple[int, list[str]]], right: tuple[int, ...] = ()) -> None:
    """Rows of (id, texts); the id rides on every cell's UserRole."""
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, (record_id, values) in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def plain_table(headers: list[str], multi: bool = False) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setHighlightSections(False)
    return table


def selected_ids(table: QTableWidget) -> list[int]:
    return [table.item(i.row(), 0).data(Qt.ItemDataRole.UserRole) for i in table.selectionModel().selectedRows()]


def select_id(table: QTableWidget, record_id: int | None) -> bool:
    for r in range(table.rowCount()):
        if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == record_id:
            table.selectRow(r)
            return True
    return False


# ---- a programme --------------------------------------------------------------------------------

class ProgrammeDialog(QDialog):
    """A new programme, or changes to one: the name, who pays, what each recipient gets, for when."""

    def __init__(self, db: Database, programme_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.db, self.programme_id, self.saved_id = db, programme_id, None
        self.setWindowTitle(tr("Ubah program bantuan") if programme_id else tr("Program bantuan baru"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("mis. BLT Dana Desa 2026"))
        self.funding = QComboBox()
        for value, text in FUNDING:
            self.funding.addItem(tr(text), value)
        self.cash = QRadioButton(tr("Tunai (uang)"))
        self.goods = QRadioButton(tr("Barang"))
        self.form_group = QButtonGroup(self)
        self.form_group.addButton(self.cash)
        self.form_group.addButton(self.goods)
        self.cash.setChecked(True)
        self.item = QLineEdit(CASH_ITEM)
        self.item.setPlaceholderText(tr("mis. Uang tunai, Beras 10 kg, Paket sembako"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(tr("mis. paket, kg, karung"))
        self.amount = QSpinBox()
        self.amount.setRange(0, 999_999_999)
        self.amount.setGroupSeparatorShown(True)
        self.amount.setMinimumWidth(160)
        self.period = QLineEdit()
        self.period.setPlaceholderText(tr("mis. Tahap IV (Oktober–Desember 2026)"))
        today = dt.date.today()
        self.start = date_edit(today.replace(day=1))
        self.end = date_edit(today.replace(month=12, day=31))
        self.target = QComboBox()
        self.target.addItem(tr("Per orang (satu baris per penduduk)"), "orang")
        self.target.addItem(tr("Per keluarga (satu baris per KK, diambil kepala keluarga)"), "keluarga")
        self.basis = QLineEdit()
        self.basis.setPlaceholderText(tr("mis. Keputusan Kepala Desa Jahab Nomor 12 Tahun 2026"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(64)
        self.errors = error_label()
        self.cash.toggled.connect(lambda _: self._form_changed())
        self.unit.textChanged.connect(lambda _: self._form_changed())
        if programme_id is not None:
            self._load(programme_id)
        self._form_changed()

        form_row = QHBoxLayout()
        form_row.addWidget(self.cash)
        form_row.addWidget(self.goods)
        form_row.addStretch(1)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(tr("s.d.")))
        dates.addWidget(self.end)
        dates.addStretch(1)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount)
        amount_row.addWidget(QLabel(tr("Satuan barang:")))
        amount_row.addWidget(self.unit, 1)
        form = QFormLayout(self)
        form.addRow(tr("Nama program:"), self.name)
        form.addRow(tr("Sumber dana:"), self.funding)
        form.addRow(tr("Bentuk bantuan:"), form_row)
        form.addRow(tr("Jenis bantuan:"), self.item)
        form.addRow(tr("Besar per penerima:"), amount_row)
        form.addRow(tr("Tahap/periode:"), self.period)
        form.addRow(tr("Periode berlaku:"), dates)
        form.addRow(tr("Sasaran:"), self.target)
        form.addRow(tr("Dasar (SK/juknis):"), self.basis)
        form.addRow(tr("Catatan:"), self.notes)
        form.addRow(self.errors)
        form.addRow(save_cancel(self, self.save))
        self.resize(620, 0)

    def _load(self, programme_id: int) -> None:
        with self.db.read() as s:
            p = get_programme(s, programme_id)
            self.name.setText(p.name)
            self.funding.setCurrentIndex(max(0, self.funding.findData(p.funding.value)))
            (self.cash if p.form.value == "tunai" else self.goods).setChecked(True)
            self.item.setText(p.item)
            self.unit.setText("" if p.form.value == "tunai" else p.unit)
            self.amount.setValue(p.amount)
            self.period.setText(p.period)
            self.start.setDate(QDate(p.period_start))
            self.end.setDate(QDate(p.period_end))
            self.target.setCurrentIndex(max(0, self.target.findData(p.target.value)))
            self.basis.setText(p.basis or "")
            self.notes.setPlainText(p.notes or "")

    def _form_changed(self) -> None:
        cash = self.cash.isChecked()
        self.unit.setEnabled(not cash)
        self.amount.setPrefix("Rp " if cash else "")
        self.amount.setSuffix("" if cash else " " + (self.unit.text().strip() or tr("paket")))
        if cash and not self.item.text().strip():
            self.item.setText(CASH_ITEM)
        elif not cash and self.item.text() == CASH_ITEM:
            self.item.clear()

    def value(self) -> ProgrammeInput:
        return ProgrammeInput(
            name=self.name.text(), funding=self.funding.currentData(),
            form="tunai" if self.cash.isChecked() else "barang", item=self.item.text(), unit=self.unit.text(),
            amount=self.amount.value(), period=self.period.text(), period_start=self.start.date().toPython(),
            period_end=self.end.date().toPython(), target=self.target.currentData(), basis=self.basis.text(),
            notes=self.notes.toPlainText())

    def save(self) -> bool:
        from desktop.core.services.aid import save_programme

        return _save(self, lambda s: save_programme(s, self.value(), self.programme_id).id)


def _save(dialog, write) -> bool:
    """Run `write(session)` in one transaction; on success keep the id and close the dialog, else
    show every problem in the dialog's error label and keep what was typed."""
    try:
        with dialog.db.transaction() as s:
            dialog.saved_id = write(s)
    except ValidationError as exc:
        show_not_saved(dialog.errors, exc)
        return False
    except SimpulError as exc:
        dialog.errors.setText(exc.message)
        return False
    dialog.accept()
    return True


# ---- adding recipients ------------------------------------------------------------------------------

class RegistryAddDialog(QDialog):
    """Everyone the filter finds (alive), one line each — or one per family for a family programme.
    How many would be added is shown before anything is saved."""

    def __init__(self, db: Database, programme_id: int, parent=None) -> None:
        super().__init__(parent)
        self.db, self.programme_id, self.result = db, programme_id, None
        self.setWindowTitle(tr("Tambah penerima dari registri"))
        with db.read() as s:
            programme = get_programme(s, programme_id)
            self.family = programme.target.value == "keluarga"
            name = programme.name
            desa = desa_choices(s)
            categories = ppks_choices(s)
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
        for text, value in STATUS:
            if value not in ("meninggal", "pindah"):
                self.status.addItem(tr(text), value)
        self.desil = QComboBox()
        for text, value in DESIL:
            self.desil.addItem(tr(text), value)
        self.sex = QComboBox()
        for text, value in SEXES:
            self.sex.addItem(tr(text), value)
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
        """A trial run of the addition, rolled back: exactly what Tambahkan would do."""
        self._timer.stop()
        found = None
        try:
            with self.db.read() as s:
                found = add_from_registry(s, self.programme_id, self.current_filter(), dry_run=True)
        except SimpulError as exc:
            self.preview.setText(exc.message)
            self.add_button.setEnabled(False)
            return None
        unit = tr("keluarga") if self.family else tr("orang")
        self.preview.setText(tr("Akan ditambahkan: {n} {unit}").format(n=number(found.added), unit=unit))
        notes = []
        if found.already:
            notes.append(tr("{n} sudah ada di daftar").format(n=number(found.already)))
        if found.without_family:
            notes.append(tr("{n} orang tanpa keluarga di registri dilewati").format(n=number(found.without_family)))
        if self.current_filter() == PersonFilter(ppks_status=self.status.currentData()):
            notes.append(tr("tanpa saringan: seluruh penduduk yang masih hidup di kecamatan"))
        hint = "; ".join(notes)
        self.hint.setText(hint[:1].upper() + hint[1:])
        self.add_button.setText(tr("Tambahkan {n}").format(n=number(found.added)))
        self.add_button.setEnabled(found.added > 0)
        return found

    def add(self) -> bool:
        try:
            with self.db.transaction() as s:
                self.result = add_from_registry(s, self.programme_id, self.current_filter())
        except SimpulError as exc:
            self.errors.setText(exc.message)
            return False
        self.accept()
        return True


class AddRecipientDialog(QDialog):
    """One person at a time: search the registry by NIK, No. KK or name, pick, add. Stays open for
    the next one."""

    def __init__(self, db: Database, programme_id: int, parent=None) -> None:
        super().__init__(parent)
        self.db, self.programme_id, self.added = db, programme_id, []
        self.setWindowTitle(tr("Tambah penerima"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("NIK, No. KK atau nama, lalu Enter"))
        self.search.returnPressed.connect(self.find)
        find = QPushButton(tr("Cari"))
        find.clicked.connect(self.find)
        self.table = plain_table([tr("Nama"), "NIK", tr("Tgl. lahir"), tr("Desa/Kelurahan"), "RT/RW", tr("No. KK"),
                                  tr("Keterangan")])
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
        self.resize(860, 420)

    def find(self) -> int:
        text = self.search.text().strip()
        if not text:
            return 0
        with self.db.read() as s:
            ids = person_ids(s, PersonFilter(text=text))[:50]
            found = person_rows(s, ids)
        rows = []
        for pid in ids:
            p = found[pid]
            rt_rw = f"{p.rt or '-'}/{p.rw or '-'}" if p.rt or p.rw else ""
            life = "" if p.life_status == "hidup" else tr(p.life_status.capitalize())
            rows.append((pid, [p.name, p.nik or tr("(tanpa NIK)"), p.birth_date.strftime("%d-%m-%Y")
                               if p.birth_date else "", p.desa or "", rt_rw, p.no_kk or "", life]))
        fill_table(self.table, rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if rows:
            self.table.selectRow(0)
            self.message.setText(tr("{n} ditemukan. Pilih lalu Tambahkan.").format(n=len(rows)))
        else:
            self.message.setText(tr("Tidak ditemukan di registri. Tambahkan orangnya dulu di Penduduk & PPKS."))
        return len(rows)

    def add_selected(self) -> bool:
        from desktop.core.services.aid import recipient_rows

        ids = selected_ids(self.table)
        if not ids:
            self.message.setText(tr("Cari dan pilih dulu orangnya."))
            return False
        person_id = ids[0]
        name = self.table.item(self.table.currentRow(), 0).text()
        try:
            with self.db.transaction() as s:
                if any(r.person_id == person_id for r in recipient_rows(s, self.programme_id)):
                    self.message.setText(tr("{name} sudah ada di daftar ini.").format(name=name))
                    return False
                add_person(s, self.programme_id, person_id)
        except SimpulError as exc:
            self.message.setText(exc.message)
            return False
        self.added.append(person_id)
        self.message.setText(tr("{name} ditambahkan ke daftar.").format(name=name))
        self.search.selectAll()
        self.search.setFocus()
        return True


# ---- a distribution event -------------------------------------------------------------------------

OFFICER_ROWS = 3


class EventDialog(QDialog):
    """When and where, which desa, who hands out (they sign the roster and the BAST)."""

    def __init__(self, db: Database, event_id: int | None = None, programme_id: int | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.saved_id = db, event_id, None
        self.setWindowTitle(tr("Ubah penyaluran") if event_id else tr("Penyaluran baru"))
        self.programme = QComboBox()
        with db.read() as s:
            for p in programme_rows(s):
                text = f"{p.name} – {p.period}"
                if p.list_status != "final":
                    text += " " + tr("(daftar belum final)")
                self.programme.addItem(text, p.id)
            desa = desa_choices(s)
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("mis. Penyaluran BLT-DD Tahap IV Desa Jahab"))
        self.date = date_edit()
        self.time = QLineEdit()
        self.time.setPlaceholderText(tr("mis. 08.00 WITA"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(tr("mis. Balai Desa Jahab"))
        self.desa = QListWidget()
        for code, desa_name in desa:
            item = QListWidgetItem(desa_name)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.desa.addItem(item)
        self.desa.setMinimumHeight(150)
        self.officers = QTableWidget(OFFICER_ROWS, 3)
        self.officers.setHorizontalHeaderLabels([tr("Nama"), tr("Peran/jabatan"), "NIP"])
        self.officers.verticalHeader().setVisible(False)
        self.officers.verticalHeader().setDefaultSectionSize(26)
        self.officers.setWordWrap(False)
        self.officers.setMinimumHeight(26 * 4 + 6)
        self.officers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.officers.setColumnWidth(1, 150)
        self.officers.setColumnWidth(2, 150)
        add_officer = QPushButton(tr("Tambah baris petugas"))
        add_officer.clicked.connect(lambda: self.officers.insertRow(self.officers.rowCount()))
        self.receiver = {key: QLineEdit() for key in ("name", "jabatan", "address")}
        self.receiver["jabatan"].setPlaceholderText(tr("mis. Kepala Desa Jahab"))
        self.errors = error_label()
        if programme_id is not None:
            self.programme.setCurrentIndex(max(0, self.programme.findData(programme_id)))
        if event_id is not None:
            self._load(event_id)
        else:
            self._default_officer()

        form = QFormLayout()
        form.addRow(tr("Program:"), self.programme)
        form.addRow(tr("Nama kegiatan:"), self.name)
        form.addRow(tr("Tanggal:"), self.date)
        form.addRow(tr("Jam:"), self.time)
        form.addRow(tr("Tempat:"), self.place)
        desa_hint = QLabel(tr("Centang desa yang dilayani. Tanpa centang: seluruh kecamatan."))
        desa_hint.setWordWrap(True)
        desa_box = QVBoxLayout()
        desa_box.addWidget(self.desa)
        desa_box.addWidget(desa_hint)
        form.addRow(tr("Desa/kelurahan:"), desa_box)
        officers = QGroupBox(tr("Petugas penyalur (yang pertama menandatangani daftar dan BAST)"))
        officers_layout = QVBoxLayout(officers)
        officers_layout.addWidget(self.officers)
        officers_layout.addWidget(add_officer, 0, Qt.AlignmentFlag.AlignLeft)
        receiver = QGroupBox(tr("Pihak yang menerima pada berita acara (PIHAK KEDUA)"))
        receiver_form = QFormLayout(receiver)
        receiver_form.addRow(tr("Nama:"), self.receiver["name"])
        receiver_form.addRow(tr("Jabatan:"), self.receiver["jabatan"])
        receiver_form.addRow(tr("Alamat:"), self.receiver["address"])
        right = QVBoxLayout()
        right.addWidget(officers, 1)
        right.addWidget(receiver)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.errors)
        layout.addWidget(save_cancel(self, self.save))
        self.resize(1000, 0)

    def _set_officer(self, row: int, values: dict) -> None:
        for c, key in enumerate(("name", "role", "nip")):
            self.officers.setItem(row, c, QTableWidgetItem(values.get(key) or ""))

    def _default_officer(self) -> None:
        try:
            profile = profile_values(self.db)
        except SimpulError:
            return
        if profile.get("tksk_name"):
            self._set_officer(0, {"name": profile["tksk_name"], "role": "TKSK", "nip": profile.get("tksk_nip")})

    def _load(self, event_id: int) -> None:
        with self.db.read() as s:
            e = get_event(s, event_id)
            self.programme.setCurrentIndex(max(0, self.programme.findData(e.programme_id)))
            self.name.setText(e.name)
            self.date.setDate(QDate(e.event_date))
            self.time.setText(e.time_text or "")
            self.place.setText(e.place)
            codes = set(e.desa_codes or [])
            officers = list(e.officers or [])
            receiver = dict(e.receiver or {})
        for i in range(self.desa.count()):
            item = self.desa.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)
        self.officers.setRowCount(max(OFFICER_ROWS, len(officers) + 1))
        for r, officer in enumerate(officers):
            self._set_officer(r, officer)
        for key, edit in self.receiver.items():
            edit.setText(receiver.get(key) or "")

    def checked_desa(self) -> list[str]:
        return [self.desa.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.desa.count())
                if self.desa.item(i).checkState() == Qt.CheckState.Checked]

    def officer_values(self) -> list[dict]:
        out = []
        for r in range(self.officers.rowCount()):
            cells = [self.officers.item(r, c) for c in range(3)]
            values = dict(zip(("name", "role", "nip"), [(c.text() if c else "").strip() for c in cells], strict=True))
            if any(values.values()):
                out.append(values)
        return out

    def value(self) -> EventInput:
        return EventInput(
            programme_id=self.programme.currentData(), name=self.name.text(), event_date=self.date.date().toPython(),
            place=self.place.text(), time_text=self.time.text(), desa_codes=self.checked_desa(),
            officers=self.officer_values(), receiver={k: e.text() for k, e in self.receiver.items()})

    def save(self) -> bool:
        if self.programme.currentData() is None:
            self.errors.setText(tr("Buat program bantuan dulu di tab Program."))
            return False
        missing = [o for o in self.officer_values() if not o["name"]]
        if missing:
            self.errors.setText(tr("Setiap baris petugas perlu nama (kosongkan barisnya bila tidak dipakai)."))
            return False
        return _save(self, lambda s: save_event(s, self.value(), self.event_id).id)


# ---- a reason ---------------------------------------------------------------------------------------

class ReasonDialog(QDialog):
    """A required reason, with common ones to pick. `check(text)` returns an error text or None;
    the dialog stays open until it passes."""

    def __init__(self, title: str, question: str, choices: list[str] | None = None, action: str | None = None,
                 check=None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._check = check
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItem("")
        for choice in choices or []:
            self.reason.addItem(choice)
        self.reason.setMinimumWidth(380)
        self.reason.lineEdit().setPlaceholderText(tr("Tuliskan alasannya"))
        self.errors = error_label()
        text = QLabel(question)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.errors)
        layout.addWidget(save_cancel(self, self._ok, action or tr("Simpan")))
        self.resize(480, 0)

    def text(self) -> str:
        return self.reason.currentText().strip()

    def _ok(self) -> None:
        if not self.text():
            self.errors.setText(tr("Alasan wajib diisi."))
            return
        error = self._check(self.text()) if self._check else None
        if error:
            self.errors.setText(error)
            return
        self.accept()
