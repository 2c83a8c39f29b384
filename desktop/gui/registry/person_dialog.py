"""Add or edit a person: the NIK is decoded as it is typed, mismatches are shown before saving, a
NIK already in the registry offers to open that person, and unsaved changes are never dropped
without a question."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.enums import Disability, LifeStatus, Sex
from desktop.core.errors import Finding, SimpulError, ValidationError
from desktop.core.domain.identity import check_nik, nik_mismatches
from desktop.core.services.queries import desa_choices, reference_choices, region_label
from desktop.core.services.registry import (
    PersonInput,
    create_person,
    find_person_by_nik,
    person_form,
    update_person,
)
from desktop.gui.i18n import tr
from desktop.gui.labels import choices, label
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import fit_to_screen
from desktop.gui.shared.widgets import combo, date_edit, error_label, save_cancel, select_data, show_not_saved


def _coded(items: list[tuple[int, str]]) -> list[tuple[str, int | None]]:
    """A reference list (code, name) after an empty choice."""
    return [("", None), *((name, code) for code, name in items)]


class PersonDialog(QDialog):
    open_person = Signal(int)  # the user chose to open the person who already has this NIK

    def __init__(self, ops: Operations, person_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.person_id = person_id
        self.saved_id: int | None = None
        self.existing_id: int | None = None
        self._family_id: int | None = None
        self.setWindowTitle(tr("Ubah data penduduk") if person_id else tr("Tambah penduduk"))
        refs, desa, data = ops.read(lambda s: (
            reference_choices(s), desa_choices(s), person_form(s, person_id) if person_id else None))

        self.nik = QLineEdit()
        self.nik.setPlaceholderText(tr("16 digit; kosongkan bila belum punya NIK"))
        self.nik.setMaxLength(24)
        self.nik_info = QLabel()
        self.nik_info.setWordWrap(True)
        self.open_existing = QPushButton(tr("Buka data itu"))
        self.open_existing.hide()
        self.open_existing.clicked.connect(self._open_existing)
        self.name = QLineEdit()
        self.sex = combo([("", None), *((f"{sex} – {label(sex)}", sex) for sex in Sex)])
        self.birth_place = QLineEdit()
        self.birth_known = QCheckBox(tr("diketahui"))
        self.birth_date = date_edit(QDate(1980, 1, 1))
        self.birth_date.setMaximumDate(QDate.currentDate())
        self.birth_date.setEnabled(False)
        self.birth_known.toggled.connect(self.birth_date.setEnabled)
        self.relationship = combo(_coded(refs["relationship"]))
        self.religion = combo(_coded(refs["religion"]))
        self.marital = combo(_coded(refs["marital_status"]))
        self.education = combo(_coded(refs["education"]))
        self.occupation = QLineEdit()
        self.disability = combo([(tr("Tidak ada"), None), *choices(Disability)])
        self.phone = QLineEdit()
        self.desa = combo(_coded(desa))
        self.dusun = QLineEdit()
        self.rt = QLineEdit()
        self.rt.setMaximumWidth(60)
        self.rw = QLineEdit()
        self.rw.setMaximumWidth(60)
        self.address = QLineEdit()
        self.life = combo(choices(LifeStatus))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.errors = error_label()
        self._refusal: list[Finding] = []  # the last refused save's findings, until put right

        nik_row = QHBoxLayout()
        nik_row.addWidget(self.nik, 1)
        nik_row.addWidget(self.open_existing)
        birth_row = QHBoxLayout()
        birth_row.addWidget(self.birth_known)
        birth_row.addWidget(self.birth_date, 1)
        rtrw = QHBoxLayout()
        rtrw.addWidget(QLabel(tr("RT")))
        rtrw.addWidget(self.rt)
        rtrw.addWidget(QLabel(tr("RW")))
        rtrw.addWidget(self.rw)
        rtrw.addStretch(1)

        left, right = QFormLayout(), QFormLayout()
        left.addRow(tr("NIK:"), nik_row)
        left.addRow("", self.nik_info)
        left.addRow(tr("Nama:"), self.name)
        left.addRow(tr("Jenis kelamin:"), self.sex)
        left.addRow(tr("Tempat lahir:"), self.birth_place)
        left.addRow(tr("Tanggal lahir:"), birth_row)
        left.addRow(tr("Hubungan keluarga:"), self.relationship)
        left.addRow(tr("Agama:"), self.religion)
        left.addRow(tr("Status kawin:"), self.marital)
        right.addRow(tr("Pendidikan:"), self.education)
        right.addRow(tr("Pekerjaan:"), self.occupation)
        right.addRow(tr("Disabilitas:"), self.disability)
        right.addRow(tr("No. HP:"), self.phone)
        right.addRow(tr("Desa/Kelurahan:"), self.desa)
        right.addRow(tr("Dusun:"), self.dusun)
        right.addRow("", rtrw)
        right.addRow(tr("Alamat:"), self.address)
        right.addRow(tr("Status:"), self.life)
        right.addRow(tr("Catatan:"), self.notes)
        grid = QGridLayout()
        lw, rw_ = QWidget(), QWidget()
        lw.setLayout(left)
        rw_.setLayout(right)
        grid.addWidget(lw, 0, 0)
        grid.addWidget(rw_, 0, 1)
        buttons = save_cancel(self, self.save, tr("Simpan (Ctrl+S)"))
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

        if data is not None:
            self._load(data)
        self._clean = self.form_input()
        for w in (self.nik, self.name, self.birth_place):
            w.textChanged.connect(self._live)
        self.sex.currentIndexChanged.connect(self._live)
        self.birth_date.dateChanged.connect(self._live)
        self.birth_known.toggled.connect(self._live)
        self._live()
        fit_to_screen(self, 900, 520)

    # -- data -----------------------------------------------------------------------------------
    def _load(self, d: PersonInput) -> None:
        self.nik.setText(d.nik or "")
        self.nik.setReadOnly("*" in (d.nik or ""))  # masked for this role: kept as it is
        self.name.setText(d.name)
        select_data(self.sex, d.sex)
        self.birth_place.setText(d.birth_place or "")
        if d.birth_date:
            self.birth_known.setChecked(True)
            self.birth_date.setDate(QDate(d.birth_date.year, d.birth_date.month, d.birth_date.day))
        select_data(self.relationship, d.relationship_code)
        select_data(self.religion, d.religion_code)
        select_data(self.marital, d.marital_status_code)
        select_data(self.education, d.education_code)
        self.occupation.setText(d.occupation or "")
        select_data(self.disability, d.disability)
        self.phone.setText(d.phone or "")
        select_data(self.desa, d.desa_code)
        self.dusun.setText(d.dusun or "")
        self.rt.setText(d.rt or "")
        self.rw.setText(d.rw or "")
        self.address.setText(d.address or "")
        select_data(self.life, d.life_status)
        self.notes.setPlainText(d.notes or "")
        self._family_id = d.family_id

    def form_input(self) -> PersonInput:
        birth = self.birth_date.date().toPython() if self.birth_known.isChecked() else None
        return PersonInput(
            name=self.name.text(), sex=self.sex.currentData() or "", nik=self.nik.text() or None,
            birth_place=self.birth_place.text(), birth_date=birth, family_id=self._family_id,
            relationship_code=self.relationship.currentData(), religion_code=self.religion.currentData(),
            marital_status_code=self.marital.currentData(), education_code=self.education.currentData(),
            occupation=self.occupation.text(), disability=self.disability.currentData(), phone=self.phone.text(),
            address=self.address.text(), desa_code=self.desa.currentData(), dusun=self.dusun.text(),
            rt=self.rt.text(), rw=self.rw.text(), life_status=self.life.currentData(),
            notes=self.notes.toPlainText())

    @property
    def dirty(self) -> bool:
        return self.form_input() != self._clean

    # -- live NIK check -------------------------------------------------------------------------
    def _live(self) -> None:
        self._check_nik()
        self._forget_fixed()

    def _check_nik(self) -> None:
        text = self.nik.text().strip()
        self.open_existing.hide()
        self.existing_id = None
        if self.nik.isReadOnly():
            self.nik_info.setText(tr("NIK disamarkan: hanya pengguna dengan hak NIK lengkap yang dapat melihat "
                                     "atau mengubahnya."))
            self.nik_info.setStyleSheet("color: #595959")
            return
        if not text:
            self.nik_info.setText(tr("Tanpa NIK: data akan ditandai."))
            self.nik_info.setStyleSheet("color: #7F6000")
            return
        checked = check_nik(text)
        if not checked.valid:
            self.nik_info.setText(" ".join(f.message for f in checked.errors))
            self.nik_info.setStyleSheet("color: #9C0006")
            return
        # The NIK knows birth date and sex: fill them in when still empty.
        if not self.birth_known.isChecked() and checked.date:
            self.birth_known.setChecked(True)
            self.birth_date.setDate(QDate(checked.date.year, checked.date.month, checked.date.day))
        if self.sex.currentData() is None and checked.sex:
            select_data(self.sex, checked.sex)
        where = region_label(checked.district_code or "") or tr("kode wilayah {code}").format(
            code=checked.district_code)
        lines = [tr("Lahir {date} · {sex} · diterbitkan di {where}").format(
            date=f"{checked.date:%d-%m-%Y}", sex=label(Sex(checked.sex)),
            where=where)]
        birth = self.birth_date.date().toPython() if self.birth_known.isChecked() else None
        warnings = checked.warnings + nik_mismatches(checked, birth, self.sex.currentData())
        lines += [f"⚠ {w.message}" for w in warnings]
        other = self.ops.read(lambda s: _id_and_name(find_person_by_nik(s, checked.value)))
        if other is not None and other[0] != self.person_id:
            self.existing_id = other[0]
            lines.append(tr("NIK ini sudah terdaftar atas nama {name}.").format(name=other[1]))
            self.open_existing.show()
        self.nik_info.setText("\n".join(lines))
        self.nik_info.setStyleSheet("color: #7F6000" if len(lines) > 1 else "color: #1F6F5C")

    def _open_existing(self) -> None:
        if self.existing_id is not None:
            self.open_person.emit(self.existing_id)
            self._clean = self.form_input()  # the user chose the other record; nothing to keep here
            self.reject()

    # -- saving ---------------------------------------------------------------------------------
    def _refused(self, exc: SimpulError) -> None:
        self._refusal = list(exc.findings) if isinstance(exc, ValidationError) else []
        show_not_saved(self.errors, exc)

    def _fixed(self, finding: Finding) -> bool:
        """The field a refusal named has been put right since (the rest waits for the next save)."""
        if finding.code == "nik.duplicate":
            return self.existing_id is None
        if finding.code.startswith("nik."):
            text = self.nik.text().strip()
            return not text or check_nik(text).valid
        if finding.code == "person.name_required":
            return bool(self.name.text().strip())
        return finding.code == "person.sex_invalid" and self.sex.currentData() is not None

    def _forget_fixed(self) -> None:
        """The red "Belum tersimpan" line keeps only what is still wrong, and goes when nothing is."""
        if not self._refusal:
            return
        self._refusal = [f for f in self._refusal if not self._fixed(f)]
        if self._refusal:
            show_not_saved(self.errors, ValidationError(self._refusal))
        else:
            self.errors.clear()

    def save(self) -> bool:
        data, person_id = self.form_input(), self.person_id
        out = self.ops.write(
            lambda s: create_person(s, data) if person_id is None else update_person(s, person_id, data),
            parent=self, changes=lambda saved: saved.changes, on_error=self._refused)
        if not out:
            return False
        self.saved_id = out.value.id
        self._clean = data
        self.accept()
        return True

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self, "Simpul", tr("Ada perubahan yang belum disimpan. Simpan sekarang?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.dirty:
            event.ignore()
            self.reject()
        else:
            super().closeEvent(event)


def _id_and_name(person) -> tuple[int, str] | None:
    return None if person is None else (person.id, person.name)
