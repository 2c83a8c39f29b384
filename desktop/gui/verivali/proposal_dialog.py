"""The usulan baru form: what SIKS-NG asks for (identity, mother's name, address, job, disability,
the fourteen criteria of poverty, the house), up to three photos, and the status flow draft →
dikembalikan (with a note) → dibahas di musdes → dikirim ke SIKS-NG → disetujui / ditolak.
Fits 1024 × 600: the form scrolls, the status and the buttons stay in view."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.clock import local_text
from desktop.core.domain.enums import Disability, ProposalStatus, Sex
from desktop.core.domain.verivali import CRITERIA, HOUSE_CHOICES, HOUSE_FIELDS
from desktop.core.services import proposals
from desktop.gui.i18n import tr
from desktop.gui.labels import choices, label
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import FlowLayout, fit_to_screen, stretch
from desktop.gui.shared.widgets import combo, error_label, optional_date, select_data, show_not_saved
from desktop.gui.verivali.dialogs import desa_choices
from desktop.gui.verivali.proposal_photos import PhotosBox


def _digits(edit: QLineEdit, length: int) -> QLineEdit:
    edit.setMaxLength(length)
    edit.setPlaceholderText(tr("{n} angka").format(n=length))
    return edit


class ProposalDialog(QDialog):
    def __init__(self, ops: Operations, proposal_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.proposal_id = ops, proposal_id
        self.setWindowTitle(tr("Usulan baru") if proposal_id is None else tr("Usulan"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.lacking = QLabel()
        self.lacking.setWordWrap(True)
        self.lacking.setStyleSheet("color: #8A5A00")
        self.fields = self._identity_box(), self._address_box()
        self.criteria = {code: QCheckBox(f"{code[1:]}. {text}") for code, text in CRITERIA}
        self.house = {key: self._house_combo(key) for key, _ in HOUSE_FIELDS}
        self.photos = PhotosBox(ops, self._saved_id)
        self.history = QListWidget()
        self.history.setMaximumHeight(90)
        self.error = error_label()
        self.moves = FlowLayout()
        self.save_button = QPushButton(tr("Simpan"))
        self.save_button.clicked.connect(self.save_and_close)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Tutup"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)

        body = QWidget()
        form = QVBoxLayout(body)
        sides = QHBoxLayout()
        sides.addWidget(self.fields[0], 1)
        right = QVBoxLayout()  # the address and the house beside the person: less to scroll
        right.addWidget(self.fields[1])
        right.addWidget(self._house_box(), 1)
        sides.addLayout(right, 1)
        form.addLayout(sides)
        form.addWidget(self._criteria_box())
        form.addWidget(self.photos)
        steps = QGroupBox(tr("Riwayat status"))
        QVBoxLayout(steps).addWidget(self.history)
        form.addWidget(steps)
        form.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.lacking)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(self.moves)
        layout.addWidget(buttons)
        fit_to_screen(self, 940, 720)
        self.load()

    # -- building --------------------------------------------------------------------------------
    def _identity_box(self) -> QGroupBox:
        self.nik, self.kk = _digits(QLineEdit(), 16), _digits(QLineEdit(), 16)
        self.name, self.mother, self.place, self.job = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.sex = combo([(tr("(belum diisi)"), None), *choices(Sex)])
        self.has_birth, self.birth = optional_date(QDate(1980, 1, 1))
        self.disability = combo([(tr("Tidak ada"), None), *choices(Disability)])
        self.members = QSpinBox()
        self.members.setRange(0, 30)
        self.members.setSpecialValueText(tr("(belum diisi)"))
        born = QHBoxLayout()
        born.addWidget(self.has_birth)
        born.addWidget(self.birth, 1)
        box = QGroupBox(tr("Yang diusulkan"))
        form = QFormLayout(box)
        for text, widget in (("NIK", self.nik), (tr("No. KK"), self.kk), (tr("Nama"), self.name),
                             (tr("Nama ibu kandung"), self.mother), (tr("Jenis kelamin"), self.sex),
                             (tr("Tempat lahir"), self.place), (tr("Tanggal lahir"), born),
                             (tr("Pekerjaan"), self.job), (tr("Disabilitas"), self.disability),
                             (tr("Jumlah anggota keluarga"), self.members)):
            form.addRow(text, widget)
        return box

    def _address_box(self) -> QGroupBox:
        self.address, self.rt, self.rw = QLineEdit(), QLineEdit(), QLineEdit()
        for edit in (self.rt, self.rw):
            edit.setMaxLength(3)
            edit.setMaximumWidth(60)
        self.desa = combo([(tr("(belum diisi)"), None), *desa_choices(self.ops)])
        rt_rw = QHBoxLayout()
        rt_rw.addWidget(self.rt)
        rt_rw.addWidget(QLabel(tr("RW")))
        rt_rw.addWidget(self.rw)
        rt_rw.addStretch(1)
        box = QGroupBox(tr("Alamat"))
        form = QFormLayout(box)
        form.addRow(tr("Alamat"), self.address)
        form.addRow(tr("RT"), rt_rw)
        form.addRow(tr("Desa/kelurahan"), self.desa)
        return box

    def _criteria_box(self) -> QGroupBox:
        box = QGroupBox(tr("Kriteria kemiskinan (centang yang sesuai)"))
        column = QVBoxLayout(box)
        column.setSpacing(2)
        for check in self.criteria.values():
            column.addWidget(check)
        return box

    def _house_combo(self, key: str) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.addItems(["", *HOUSE_CHOICES.get(key, ())])
        return box

    def _house_box(self) -> QGroupBox:
        box = QGroupBox(tr("Kondisi rumah"))
        form = QFormLayout(box)
        for key, text in HOUSE_FIELDS:
            form.addRow(text, self.house[key])  # the questionnaire's own words
        return box

    # -- showing ---------------------------------------------------------------------------------
    def load(self) -> None:
        if self.proposal_id is None:
            self.state.setText(tr("Status: {status}. Isi sesuai formulir usulan SIKS-NG.").format(
                status=label(ProposalStatus.DRAFT)))
            self.photos.show_photos((), True)
            self._show_moves(ProposalStatus.DRAFT)
            return
        form = self.ops.read(lambda s: proposals.proposal_form(s, self.proposal_id))
        self._fill(form.data)
        text = tr("Status: {status}").format(status=label(form.status))
        if form.origin:
            text += " · " + tr("berasal dari {origin}").format(origin=form.origin)
        if form.status_note:
            text += " · " + tr("catatan: {note}").format(note=form.status_note)
        self.state.setText(text)
        self.lacking.setText(tr("Belum lengkap untuk SIKS-NG: {fields}.").format(fields=", ".join(form.missing))
                             if form.missing else "")
        self.photos.show_photos(form.photos, form.editable)
        self.history.clear()
        for step in form.steps:
            self.history.addItem(f"{local_text(step.at)} · {step.actor} · {label(step.to_status)}"
                                 + (f": {step.note}" if step.note else ""))
        for widget in self._inputs():
            widget.setEnabled(form.editable)
        self.birth.setEnabled(form.editable and self.has_birth.isChecked())
        self.save_button.setEnabled(form.editable)
        self._show_moves(form.status)

    def _fill(self, d: proposals.ProposalInput) -> None:
        for edit, value in ((self.nik, d.nik), (self.kk, d.no_kk), (self.name, d.name), (self.mother, d.mother_name),
                            (self.place, d.birth_place), (self.job, d.occupation), (self.address, d.address),
                            (self.rt, d.rt), (self.rw, d.rw)):
            edit.setText(value or "")
        select_data(self.sex, Sex(d.sex) if d.sex else None)
        select_data(self.disability, Disability(d.disability) if d.disability else None)
        select_data(self.desa, d.desa_code)
        self.has_birth.setChecked(d.birth_date is not None)
        if d.birth_date:
            self.birth.setDate(QDate(d.birth_date))
        self.members.setValue(d.members or 0)
        for code, check in self.criteria.items():
            check.setChecked(code in d.criteria)
        for key, box in self.house.items():
            box.setCurrentText(d.house.get(key, ""))

    def _inputs(self) -> list[QWidget]:
        return [self.nik, self.kk, self.name, self.mother, self.sex, self.place, self.has_birth, self.job,
                self.disability, self.members, self.address, self.rt, self.rw, self.desa,
                *self.criteria.values(), *self.house.values()]

    def _show_moves(self, status: ProposalStatus) -> None:
        while self.moves.count():
            widget = self.moves.takeAt(0).widget()
            if widget is not None:  # gone now, not at the next turn of the event loop
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        targets = proposals.NEXT[status] if self.proposal_id is not None else ()
        buttons = []
        for target in targets:
            needs_note = target in proposals.NEEDS_NOTE
            button = QPushButton("→ " + label(target) + ("…" if needs_note else ""))
            button.clicked.connect(lambda _=False, t=target: self.move_to(t))
            buttons.append(button)
        if buttons:
            self.moves.add(QLabel(tr("Ubah status:")), *buttons, stretch())

    # -- writing ---------------------------------------------------------------------------------
    def values(self) -> proposals.ProposalInput:
        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return proposals.ProposalInput(
            name=self.name.text(), nik=text(self.nik), no_kk=text(self.kk), mother_name=text(self.mother),
            sex=self.sex.currentData(), birth_place=text(self.place),
            birth_date=self.birth.date().toPython() if self.has_birth.isChecked() else None,
            address=text(self.address), rt=text(self.rt), rw=text(self.rw), desa_code=self.desa.currentData(),
            occupation=text(self.job), disability=self.disability.currentData(), members=self.members.value() or None,
            criteria=[code for code, check in self.criteria.items() if check.isChecked()],
            house={key: box.currentText() for key, box in self.house.items()})

    def save(self) -> bool:
        """Write the form (a new one gets its id); False, with the reason shown, when refused."""
        if not self.save_button.isEnabled():
            return True  # a form past the musdes is not edited: nothing to write
        data, pid = self.values(), self.proposal_id
        self.error.clear()
        done = self.ops.write(lambda s: proposals.save_proposal(s, data, pid).id, parent=self,
                              changes=Changes.updated(Kind.PROPOSAL, [pid]) if pid else Changes.of(Kind.PROPOSAL),
                              on_error=lambda exc: show_not_saved(self.error, exc))
        if done:
            self.proposal_id = done.value
        return bool(done)

    def _saved_id(self) -> int | None:
        return self.proposal_id if self.save() else None

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def move_to(self, target: ProposalStatus) -> None:
        if not self.save():
            return
        note = ""
        if target in proposals.NEEDS_NOTE:
            note, ok = QInputDialog.getMultiLineText(self, label(target), tr("Alasannya:"))
            if not ok:
                return
        pid = self.proposal_id
        if self.ops.write(lambda s: proposals.move(s, pid, target, note), parent=self,
                          changes=Changes.updated(Kind.PROPOSAL, [pid]),
                          on_error=lambda exc: show_not_saved(self.error, exc)):
            self.error.clear()
            self.load()
