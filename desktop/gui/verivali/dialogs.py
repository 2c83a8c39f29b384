"""The dialogs of the verivali room: a new round (its prelist from the regency's file or from the
registry), the right NIK/KK of a code-7 line, the musyawarah desa. (Complaints: complaint_dialogs.)"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from desktop.core.changes import Changes, Kind
from desktop.core.io.dates import long_date
from desktop.core.services import musdes, verivali
from desktop.core.services.office import desa_list
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import fit_to_screen
from desktop.gui.shared.widgets import combo, date_edit, error_label, optional_date, save_cancel, show_not_saved


def desa_choices(ops: Operations) -> list[tuple[str, str]]:
    return ops.read(lambda s: [(r.name.title(), r.code) for r in desa_list(s)])


class RoundDialog(QDialog):
    """A new round for one desa; its prelist from a file (through the ordinary import) or from the
    registry's families of that desa."""

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(tr("Putaran verivali baru"))
        self.desa = combo(desa_choices(ops))
        self.name = QLineEdit(long_date(dt.date.today()).split(" ", 1)[1])  # "Mei 2026", in Indonesian
        self.has_deadline, self.deadline = optional_date(QDate.currentDate().addDays(21))
        self.source = combo([(tr("Berkas prelist dari kabupaten (Excel/CSV)"), "file"),
                             (tr("Keluarga desa ini di registri"), "registry"), (tr("Kosong dulu"), "none")])
        self.desil = QSpinBox()
        self.desil.setRange(0, 10)
        self.desil.setSpecialValueText(tr("semua desil"))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(tr("Desa/kelurahan"), self.desa)
        form.addRow(tr("Nama putaran"), self.name)
        form.addRow(tr("Batas waktu"), self.has_deadline)
        form.addRow("", self.deadline)
        form.addRow(tr("Daftar awal"), self.source)
        form.addRow(tr("Desil paling tinggi"), self.desil)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self, self.save, tr("Buat")))
        self.round_id: int | None = None
        self.path: str | None = None  # the prelist to take in once the round exists

    def save(self) -> None:
        path = None
        if self.source.currentData() == "file":
            path, _ = QFileDialog.getOpenFileName(self, tr("Prelist dari kabupaten"), "",
                                                  tr("Data (*.xlsx *.csv *.txt)"))
            if not path:
                return
        deadline = self.deadline.date().toPython() if self.has_deadline.isChecked() else None
        desa, name, desil = self.desa.currentData(), self.name.text(), self.desil.value() or None

        def create(s):
            rid = verivali.create_round(s, desa, name, deadline).id
            if self.source.currentData() == "registry":
                verivali.add_from_registry(s, rid, desil_max=desil)
            return rid
        made = self.ops.write(create, parent=self, changes=Changes.of(Kind.VERIVALI),
                              on_error=lambda exc: show_not_saved(self.error, exc))
        if made:
            self.round_id, self.path = made.value, path
            self.accept()


def intake_summary(i) -> str:
    """What became of every row of the prelist (a verivali_intake.Intake), for the message box."""
    lines = [tr("{rows} baris dibaca: {listed} masuk daftar ({families} keluarga baru di daftar), {other} milik desa "
                "lain, {refused} tidak diambil.").format(rows=i.rows, listed=i.listed, families=i.families,
                                                        other=len(i.other_desa), refused=len(i.not_taken))]
    shown = 10
    for title, rows, line in (
            (tr("Milik desa lain (tetap masuk registri, tidak masuk daftar putaran ini):"), i.other_desa,
             tr("Baris {row}: {name} – Desa {desa}")),
            (tr("Berkas menyebut desa lain, tetapi KK-nya di desa ini (ditandai silang data):"), i.mixed,
             tr("Baris {row}: {name} – Desa {desa}")),
            (tr("Tidak diambil:"), i.not_taken, tr("Baris {row}: {name} – {reason}"))):
        if rows:
            lines += ["", title, *(line.format(**r) for r in rows[:shown])]
            if len(rows) > shown:
                lines.append(tr("… dan {n} baris lagi.").format(n=len(rows) - shown))
    if i.report:
        lines += ["", tr("Laporan baris bermasalah: {path}").format(path=i.report)]
    return "\n".join(lines)


class FixDialog(QDialog):
    """The right NIK and/or No. KK for a line coded 7 (perbaikan NIK/KK)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Perbaikan NIK/KK"))
        self.nik, self.kk = QLineEdit(), QLineEdit()
        for edit in (self.nik, self.kk):
            edit.setMaxLength(16)
            edit.setInputMask("9999999999999999;_")
        form = QFormLayout(self)
        form.addRow(tr("NIK yang benar"), self.nik)
        form.addRow(tr("No. KK yang benar"), self.kk)
        form.addRow(save_cancel(self, self.accept))

    def values(self) -> dict[str, str | None]:
        return {"new_nik": self.nik.text().strip("_ ") or None, "new_kk": self.kk.text().strip("_ ") or None}


class MusdesDialog(QDialog):
    def __init__(self, ops: Operations, round_id: int, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.round_id = ops, round_id
        self.setWindowTitle(tr("Musyawarah desa"))
        m = ops.read(lambda s: musdes.musdes_of(s, round_id))
        self.held_on = date_edit(QDate(m.held_on) if m else None)
        self.time = QLineEdit(m.start_time if m else "09.00")
        self.place = QLineEdit(m.place if m else "")
        self.number = QLineEdit(m.number if m else "")
        self.kop = combo([(tr("Kop kecamatan"), "kecamatan"), (tr("Kop desa"), "desa")])
        self.kop.setCurrentIndex(max(0, self.kop.findData(m.kop if m else "kecamatan")))
        self.head, self.bpd = QLineEdit(m.head_name if m else ""), QLineEdit(m.bpd_name if m else "")
        self.officer, self.chair = QLineEdit(m.officer_name if m else ""), QLineEdit(m.chair_name if m else "")
        self.role = QComboBox()
        self.role.addItems(["TKSK", "PSM"])
        self.role.setCurrentText(m.officer_role if m and m.officer_role else "TKSK")
        self.attendees = QPlainTextEdit("\n".join(f"{a['name']}; {a['role']}" for a in (m.attendees if m else [])))
        self.attendees.setPlaceholderText(tr("Satu orang per baris: Nama; jabatan/unsur"))
        self.notes = QPlainTextEdit(m.notes if m else "")
        self.notes.setMaximumHeight(60)
        self.error = error_label()
        form = QFormLayout()
        for text, widget in ((tr("Tanggal"), self.held_on), (tr("Pukul"), self.time), (tr("Tempat"), self.place),
                             (tr("Nomor BA"), self.number), (tr("Kop"), self.kop),
                             (tr("Kepala Desa/Lurah"), self.head), (tr("Ketua BPD"), self.bpd),
                             (tr("Petugas"), self.officer), (tr("Sebagai"), self.role),
                             (tr("Pimpinan musyawarah"), self.chair), (tr("Yang hadir"), self.attendees),
                             (tr("Catatan"), self.notes)):
            form.addRow(text, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self, self.save))
        fit_to_screen(self, 620, 0)

    def save(self) -> None:
        people = []
        for line in self.attendees.toPlainText().splitlines():
            name, _, role = line.partition(";")
            people.append({"name": name.strip(), "role": role.strip()})
        data = musdes.MusdesInput(self.held_on.date().toPython(), self.time.text(), self.place.text(),
                                  self.number.text(), self.kop.currentData(), self.head.text(), self.bpd.text(),
                                  self.officer.text(), self.role.currentText(), self.chair.text(),
                                  self.notes.toPlainText(), people)
        if self.ops.write(lambda s: musdes.save_musdes(s, self.round_id, data), parent=self,
                          changes=Changes.of(Kind.VERIVALI), on_error=lambda exc: show_not_saved(self.error, exc)):
            self.accept()


__all__ = ["FixDialog", "MusdesDialog", "RoundDialog"]
