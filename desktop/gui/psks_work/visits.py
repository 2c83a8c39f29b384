"""Tab Kunjungan rumah: visits with those due this week (amber) and overdue (red); plan one,
record its result with the house checklist, cancel it, print the pre-filled form."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import VisitStatus
from desktop.core.services.visit_form import visit_form_pdf
from desktop.core.services.visits import cancel_visit, visit_counts, visit_detail, visit_ids, visits_by_id
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import label
from desktop.gui.ops import Operations
from desktop.gui.psks_work.visit_dialogs import PlanVisitDialog, RecordVisitDialog
from desktop.gui.shared.flow import FlowLayout, size_columns, stretch
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.shared.widgets import combo, list_view, pdf_preview, save_pdf

LATE, WEEK = QColor("#9C0006"), QColor("#FFF2CC")
COLUMNS = [
    Column(N_("Jatuh tempo"), lambda r: f"{r.due_date:%d-%m-%Y}",
           foreground=lambda r: LATE if r.overdue else None),
    Column(N_("Status"), lambda r: tr("Terlambat") if r.overdue else label(r.status),
           foreground=lambda r: LATE if r.overdue else None),
    Column(N_("Tujuan"), lambda r: label(r.purpose)),
    Column(N_("Yang dikunjungi"), lambda r: r.holder, tooltip=lambda r: r.holder),
    Column(N_("Desa"), lambda r: r.desa or ""),
    Column(N_("Petugas"), lambda r: r.officer),
    Column(N_("Dikunjungi"), lambda r: f"{r.visited_on:%d-%m-%Y}" if r.visited_on else ""),
]
FILTERS = [(N_("Belum dikunjungi"), "open"), (N_("Terlambat"), "late"), (N_("Jatuh tempo minggu ini"), "week"),
           (N_("Sudah dikunjungi"), "done"), (N_("Semua"), "all")]


class VisitsModel(LazyTableModel):
    """A visit due this week has an amber background; an overdue one red text (its columns say)."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            row = self.row_data(index.row())
            return WEEK if row is not None and row.due_this_week else None
        return super().data(index, role)


class VisitsTab(QWidget):
    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model = VisitsModel(COLUMNS, lambda ids: ops.read(lambda s: visits_by_id(s, ids)), self)
        self.table = list_view(QTableView())
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())
        self.which = combo([(tr(text), key) for text, key in FILTERS])
        self.which.currentIndexChanged.connect(lambda _: self.refresh())
        plan = QPushButton(tr("Rencanakan kunjungan…"))
        plan.clicked.connect(lambda: self.plan())
        self.record_button = QPushButton(tr("Catat hasil…"))
        self.record_button.clicked.connect(lambda: self.record())
        self.cancel_button = QPushButton(tr("Batalkan…"))
        self.cancel_button.clicked.connect(lambda: self.cancel())
        form = QPushButton(tr("Cetak formulir kunjungan…"))
        form.clicked.connect(lambda: self.print_form())
        self.summary = QLabel()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addLayout(FlowLayout().add(QLabel(tr("Tampilkan:")), self.which, plan, self.record_button,
                                          self.cancel_button, form, stretch()))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.detail)
        size_columns(self.table, {0: "30-11-2026", 1: "Direncanakan", 2: "Tindak lanjut rujukan",
                                  3: "NAMA WARGA YANG PANJANG (6402000000000000)", 4: "Loa Ipuh Darat",
                                  5: "Nama Petugas", 6: "30-11-2026"})

    def refresh(self) -> None:
        keep = self.selected_id()
        which = self.which.currentData()
        self.model.set_ids(self.ops.read(lambda s: visit_ids(s, which)))
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
        due, late = self.ops.read(visit_counts)
        self.summary.setText(tr("{n} kunjungan ditampilkan · {due} jatuh tempo minggu ini (kuning) · "
                                "{late} terlambat (merah)").format(n=self.model.rowCount(), due=due, late=late))
        self.show_detail()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def selected_row(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_data(rows[0].row()) if rows else None

    def show_detail(self) -> None:
        row = self.selected_row()
        planned = row is not None and row.status is VisitStatus.PLANNED
        self.record_button.setEnabled(planned)
        self.cancel_button.setEnabled(planned)
        if row is None:
            self.detail.clear()
            return
        lines = self.ops.read(lambda s: visit_detail(s, row.id))
        self.detail.setText(" · ".join(f"<b>{escape(what)}:</b> {escape(text)}" for what, text in lines))

    def _selected_or_say(self):
        row = self.selected_row()
        if row is None:
            QMessageBox.information(self, "Simpul", tr("Pilih satu kunjungan di daftar."))
        return row

    def plan(self, show: bool = True) -> PlanVisitDialog:
        dialog = PlanVisitDialog(self.ops, self)
        if show and dialog.exec() == QDialog.DialogCode.Accepted:
            row = self.model.row_of(dialog.saved_id)
            if row is not None:
                self.table.selectRow(row)
        return dialog

    def record(self, show: bool = True) -> RecordVisitDialog | None:
        row = self._selected_or_say()
        if row is None:
            return None
        dialog = RecordVisitDialog(self.ops, row.id, row.holder, self)
        if show:
            dialog.exec()
        return dialog

    def cancel(self, reason: str | None = None) -> bool:
        row = self._selected_or_say()
        if row is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, tr("Batalkan kunjungan"), tr("Alasan pembatalan:"))
            if not ok:
                return False
        return bool(self.ops.write(lambda s: cancel_visit(s, row.id, reason), parent=self,
                                   changes=Changes.updated(Kind.VISIT, [row.id])))

    def print_form(self, show: bool = True):
        """The pre-filled form in the preview; printing it is recorded (it names the household)."""
        row = self._selected_or_say()
        if row is None:
            return None
        made = self.ops.write(lambda s: visit_form_pdf(s, row.id), parent=self)
        if not made:
            return None
        name = tr("Formulir kunjungan rumah {holder}").format(holder=row.holder.split(" (")[0])
        preview = pdf_preview(self, made.value, name, lambda: save_pdf(self, made.value, name))
        if preview is not None and show:
            preview.exec()
        return preview if preview is not None else made.value

