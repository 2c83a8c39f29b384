"""A programme: the name, who pays, what each recipient gets, for when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import AidForm, Funding, TargetUnit
from desktop.core.services.aid import ProgrammeInput, get_programme, save_programme
from desktop.gui.aid.common import CASH_ITEM, date_edit, show_in
from desktop.gui.i18n import tr
from desktop.gui.labels import choices
from desktop.gui.ops import Operations
from desktop.gui.shared.widgets import error_label, save_cancel


class ProgrammeDialog(QDialog):
    """A new programme, or changes to one. `saved_id` holds the programme after Simpan."""

    def __init__(self, ops: Operations, programme_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.programme_id, self.saved_id = ops, programme_id, None
        self.setWindowTitle(tr("Ubah program bantuan") if programme_id else tr("Program bantuan baru"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("mis. BLT Dana Desa 2026"))
        self.funding = QComboBox()
        for text, member in choices(Funding):
            self.funding.addItem(text, member)
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
        self.target.addItem(tr("Per orang (satu baris per penduduk)"), TargetUnit.PERSON)
        self.target.addItem(tr("Per keluarga (satu baris per KK, diambil kepala keluarga)"), TargetUnit.FAMILY)
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
        def read(s) -> ProgrammeInput:
            p = get_programme(s, programme_id)
            return ProgrammeInput(p.name, p.funding, p.form, p.item, p.unit, p.amount, p.period, p.period_start,
                                  p.period_end, p.target, p.basis, p.notes)

        p = self.ops.read(read)
        cash = p.form is AidForm.CASH
        self.name.setText(p.name)
        self.funding.setCurrentIndex(max(0, self.funding.findData(p.funding)))
        (self.cash if cash else self.goods).setChecked(True)
        self.item.setText(p.item)
        self.unit.setText("" if cash else p.unit)
        self.amount.setValue(p.amount)
        self.period.setText(p.period)
        self.start.setDate(QDate(p.period_start))
        self.end.setDate(QDate(p.period_end))
        self.target.setCurrentIndex(max(0, self.target.findData(p.target)))
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
            form=AidForm.CASH if self.cash.isChecked() else AidForm.GOODS, item=self.item.text(),
            unit=self.unit.text(), amount=self.amount.value(), period=self.period.text(),
            period_start=self.start.date().toPython(), period_end=self.end.date().toPython(),
            target=self.target.currentData(), basis=self.basis.text(), notes=self.notes.toPlainText())

    def save(self) -> bool:
        """One transaction; on success the id is kept and the dialog closes, else every problem is
        shown here and what was typed stays."""
        data, pid = self.value(), self.programme_id
        new = pid is None
        done = self.ops.write(
            lambda s: save_programme(s, data, pid).id, parent=self, on_error=show_in(self.errors),
            changes=lambda saved: (Changes.reshaped if new else Changes.updated)(Kind.PROGRAMME, [saved]))
        if not done:
            return False
        self.saved_id = done.value
        self.accept()
        return True
