"""A distribution event: when and where, which desa, who hands out (they sign the roster and the
BAST), and who receives on the BAST."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import ListStatus
from desktop.core.services.aid import programme_rows
from desktop.core.services.distribution import EventInfo, EventInput, event_info, save_event
from desktop.core.services.office import get_office
from desktop.core.services.queries import desa_choices
from desktop.gui.aid.common import date_edit, show_in
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import fit_to_screen
from desktop.gui.shared.widgets import error_label, save_cancel

OFFICER_ROWS = 3


def _tksk(session) -> dict | None:
    """The office's TKSK, the usual first officer of a new event."""
    office = get_office(session)
    if office is None or not office.tksk_name:
        return None
    return {"name": office.tksk_name, "role": "TKSK", "nip": office.tksk_nip}


class EventDialog(QDialog):
    """A new event, or changes to one. `saved_id` holds the event after Simpan."""

    def __init__(self, ops: Operations, event_id: int | None = None, programme_id: int | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.ops, self.event_id, self.saved_id = ops, event_id, None
        self.loaded_programme: int | None = None
        self.setWindowTitle(tr("Ubah penyaluran") if event_id else tr("Penyaluran baru"))
        self.programme = QComboBox()

        def read(s):
            return (programme_rows(s), desa_choices(s), event_info(s, event_id) if event_id is not None else None,
                    _tksk(s) if event_id is None else None)

        programmes, desa, event, tksk = ops.read(read)
        for p in programmes:
            text = f"{p.name} – {p.period}"
            if p.list_status is not ListStatus.FINAL:
                text += " " + tr("(daftar belum final)")
            self.programme.addItem(text, p.id)
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
        if event is not None:
            self._load(event)
        elif tksk is not None:
            self._set_officer(0, tksk)

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
        fit_to_screen(self, 1000, 0)

    def _set_officer(self, row: int, values: dict) -> None:
        for c, key in enumerate(("name", "role", "nip")):
            self.officers.setItem(row, c, QTableWidgetItem(values.get(key) or ""))

    def _load(self, e: EventInfo) -> None:
        self.loaded_programme = e.programme_id
        self.programme.setCurrentIndex(max(0, self.programme.findData(e.programme_id)))
        self.name.setText(e.name)
        self.date.setDate(QDate(e.event_date))
        self.time.setText(e.time_text or "")
        self.place.setText(e.place)
        for i in range(self.desa.count()):
            item = self.desa.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in e.desa_codes
                               else Qt.CheckState.Unchecked)
        self.officers.setRowCount(max(OFFICER_ROWS, len(e.officers) + 1))
        for r, officer in enumerate(e.officers):
            self._set_officer(r, officer)
        for key, edit in self.receiver.items():
            edit.setText(e.receiver.get(key) or "")

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
        if any(not o["name"] for o in self.officer_values()):
            self.errors.setText(tr("Setiap baris petugas perlu nama (kosongkan barisnya bila tidak dipakai)."))
            return False
        data, eid = self.value(), self.event_id
        # A new event, or one moved to another programme, changes the programmes' event counts.
        moved = eid is None or data.programme_id != self.loaded_programme
        done = self.ops.write(lambda s: save_event(s, data, eid).id, parent=self, on_error=show_in(self.errors),
                              changes=lambda saved: (Changes.reshaped if moved else Changes.updated)(Kind.EVENT,
                                                                                                     [saved]))
        if not done:
            return False
        self.saved_id = done.value
        self.accept()
        return True
