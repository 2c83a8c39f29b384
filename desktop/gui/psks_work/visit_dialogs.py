"""Plan a home visit (who, why, by whom, by when) and record one (the result, the recommendation
and the house-and-assets checklist of domain.house)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain import house
from desktop.core.domain.enums import VisitPurpose
from desktop.core.services.visits import VisitInput, VisitResult, officer_choices, plan_visit, record_visit
from desktop.gui.i18n import tr
from desktop.gui.labels import choices
from desktop.gui.ops import Operations
from desktop.gui.psks_work.pickers import HolderPicker
from desktop.gui.shared.flow import fit_to_screen
from desktop.gui.shared.widgets import combo, date_edit, error_label, save_cancel, show_not_saved


def _scrolled(dialog: QDialog, body: QWidget, errors: QLabel, on_save, save_text: str) -> None:
    scroll = QScrollArea()  # a small screen scrolls the form, never the buttons
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    layout = QVBoxLayout(dialog)
    layout.addWidget(scroll, 1)
    layout.addWidget(errors)
    layout.addWidget(save_cancel(dialog, on_save, save_text))


class PlanVisitDialog(QDialog):
    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.saved_id = ops, None
        self.setWindowTitle(tr("Rencanakan kunjungan rumah"))
        self.holder = HolderPicker(ops, many=False)
        self.purpose = combo(choices(VisitPurpose))
        self.officer = QComboBox()
        self.officer.setEditable(True)  # an officer not in the PSKS list is typed in
        for psks_id, name in ops.read(officer_choices):
            self.officer.addItem(name, psks_id)
        self.officer.setCurrentIndex(-1)
        self.officer.lineEdit().setPlaceholderText(tr("Pilih PSKS atau ketik nama petugas"))
        self.due = date_edit(QDate.currentDate().addDays(7))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("mis. Pemantauan kondisi lansia setelah menerima bantuan"))
        self.errors = error_label()
        body = QWidget()
        form = QFormLayout(body)
        box = QGroupBox(tr("Orang atau keluarga yang dikunjungi"))
        QVBoxLayout(box).addWidget(self.holder)
        form.addRow(box)
        form.addRow(tr("Tujuan:"), self.purpose)
        form.addRow(tr("Petugas:"), self.officer)
        form.addRow(tr("Jatuh tempo:"), self.due)
        form.addRow(tr("Alasan:"), self.reason)
        _scrolled(self, body, self.errors, self.save, tr("Rencanakan"))
        fit_to_screen(self, 620, 520)

    def data(self) -> VisitInput:
        chosen = self.holder.holders()
        holder = chosen[0] if chosen else None
        name = self.officer.currentText().strip()
        index = self.officer.findText(name)
        return VisitInput(VisitPurpose(self.purpose.currentData()), self.due.date().toPython(), name,
                          person_id=holder.person_id if holder else None,
                          family_id=holder.family_id if holder else None,
                          officer_psks_id=self.officer.itemData(index) if index >= 0 else None,
                          reason=self.reason.text())

    def save(self) -> bool:
        data = self.data()
        saved = self.ops.write(lambda s: plan_visit(s, data).id, parent=self,
                               changes=lambda new_id: Changes.reshaped(Kind.VISIT, [new_id]),
                               on_error=lambda exc: show_not_saved(self.errors, exc))
        if saved:
            self.saved_id = saved.value
            self.accept()
        return bool(saved)


class RecordVisitDialog(QDialog):
    """The visit was made: when, what was found, what next, and the checklist."""

    def __init__(self, ops: Operations, visit_id: int, holder: str, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.visit_id = ops, visit_id
        self.setWindowTitle(tr("Catat hasil kunjungan"))
        self.day = date_edit()
        self.result = QPlainTextEdit()
        self.result.setMaximumHeight(70)
        self.recommendation = QPlainTextEdit()
        self.recommendation.setMaximumHeight(50)
        self.close_follow_up = QCheckBox(tr("Tindak lanjut rujukan yang terkait dianggap selesai"))
        self.close_follow_up.setChecked(True)
        self.answers: dict[str, QComboBox] = {}
        self.assets: dict[str, QCheckBox] = {}
        self.numbers: dict[str, QSpinBox] = {}
        self.errors = error_label()
        body = QWidget()
        form = QFormLayout(body)
        who = QLabel(holder)
        who.setWordWrap(True)
        form.addRow(tr("Yang dikunjungi:"), who)
        form.addRow(tr("Tanggal kunjungan:"), self.day)
        form.addRow(tr("Hasil:"), self.result)
        form.addRow(tr("Rekomendasi:"), self.recommendation)
        form.addRow(self.close_follow_up)
        form.addRow(self._checklist())
        _scrolled(self, body, self.errors, self.save, tr("Simpan hasil"))
        fit_to_screen(self, 700, 640)

    def _checklist(self) -> QGroupBox:
        box = QGroupBox(tr("Kondisi rumah dan aset (seperti pemeriksaan lapangan DTSEN)"))
        grid = QGridLayout(box)
        row = 0
        for q in house.CHECKLIST:
            grid.addWidget(QLabel(q.label), row, 0)
            if q.many:
                ticks = QWidget()
                inner = QGridLayout(ticks)
                inner.setContentsMargins(0, 0, 0, 0)
                for i, (code, word) in enumerate(q.options):
                    self.assets[code] = QCheckBox(word)
                    inner.addWidget(self.assets[code], i // 4, i % 4)
                grid.addWidget(ticks, row, 1)
            else:
                self.answers[q.key] = combo([(tr("(tidak diisi)"), None), *[(w, c) for c, w in q.options]])
                grid.addWidget(self.answers[q.key], row, 1)
            row += 1
        for key, text in house.NUMBERS:
            spin = QSpinBox()
            spin.setRange(0, 9999)
            spin.setSpecialValueText(tr("(tidak diisi)"))
            self.numbers[key] = spin
            grid.addWidget(QLabel(text), row, 0)
            grid.addWidget(spin, row, 1)
            row += 1
        return box

    def checklist(self) -> dict:
        out: dict = {key: box.currentData() for key, box in self.answers.items() if box.currentData()}
        out["assets"] = [code for code, tick in self.assets.items() if tick.isChecked()]
        out.update({key: spin.value() for key, spin in self.numbers.items() if spin.value()})
        return out

    def save(self) -> bool:
        outcome = VisitResult(self.day.date().toPython(), self.result.toPlainText(),
                              self.recommendation.toPlainText(), self.checklist(), self.close_follow_up.isChecked())
        vid = self.visit_id
        saved = self.ops.write(lambda s: record_visit(s, vid, outcome).id, parent=self,
                               changes=Changes.updated(Kind.VISIT, [vid]) | Changes.of(Kind.REFERRAL),
                               on_error=lambda exc: show_not_saved(self.errors, exc))
        if saved:
            self.accept()
        return bool(saved)
