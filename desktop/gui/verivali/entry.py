"""Result entry by keyboard alone: the cursor sits on a family, a code key (1-8) records its
result and moves to the next row, Enter moves on without a change, 0/Delete clears. 300 rows
are typed in a few minutes; each key is one short write, so nothing is lost if the PC stops."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop.core.domain.enums import ResultCode
from desktop.core.domain.verivali import KEY_OF, RESULT_BY_KEY
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import label
from desktop.gui.shared.lazy_model import Column, LazyTableModel

COLUMNS = [
    Column(N_("RT"), lambda r: r.rt),
    Column(N_("Nama"), lambda r: ("    ↳ " if r.member else "") + r.name, tooltip=lambda r: r.address),
    Column("NIK", lambda r: r.nik),
    Column(N_("No. KK"), lambda r: r.no_kk),
    Column(N_("ART"), lambda r: "" if r.member else str(r.members)),
    Column(N_("Petugas"), lambda r: r.officer),
    Column(N_("Hasil"), lambda r: f"{KEY_OF[r.result]} · {label(r.result)}" if r.result else ""),
    Column(N_("Keterangan"), lambda r: " ".join(x for x in (r.note, r.new_nik, r.new_kk) if x),
           tooltip=lambda r: r.note),
    Column(N_("Silang data"), lambda r: r.silang, tooltip=lambda r: r.silang),
]
RESULT_COLUMN = 6
SILANG = QBrush(QColor("#9C0006"))
DONE = QBrush(QColor("#E8F3EE"))


class LinesModel(LazyTableModel):
    """Lines of a round; a checked line is shaded, a silang line's name is red."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            row = self.row_data(index.row())
            if row is None:
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return SILANG if row.silang else None
            return DONE if row.result is not None else None
        return super().data(index, role)


class ResultEntryView(QTableView):
    """The table the results are typed into. `record(line_id, code)` writes one result (None
    clears) and returns whether it landed; the view then moves to the next row."""

    def __init__(self, record: Callable[[int, ResultCode | None], bool], parent=None) -> None:
        super().__init__(parent)
        self.record = record
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setToolTip(tr("Ketik kode 1-8 untuk hasil baris terpilih (lalu pindah ke baris berikut); "
                           "Enter: baris berikut; 0 atau Delete: hapus hasil."))

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def go_to(self, row: int) -> None:
        model = self.model()
        if model is None or not model.rowCount():
            return
        row = max(0, min(row, model.rowCount() - 1))
        index = model.index(row, RESULT_COLUMN)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                              | QItemSelectionModel.SelectionFlag.Rows)
        left = self.horizontalScrollBar().value()
        self.scrollTo(index)
        self.horizontalScrollBar().setValue(left)  # down the list only: the names stay in view

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key, text = event.key(), event.text()
        row = self.current_row()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go_to(row + 1)
            return
        if row < 0 or not (text in RESULT_BY_KEY or text == "0" or key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            super().keyPressEvent(event)
            return
        line_id = self.model().id_at(row)
        code = RESULT_BY_KEY.get(text)
        if self.record(line_id, code):
            self.model().refresh_ids([line_id])
            self.go_to(row + 1)
