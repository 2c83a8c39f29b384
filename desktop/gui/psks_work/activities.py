"""Tab Kegiatan: the PSKS activity log, filtered by PSKS, desa, kind and month; add, change and
delete an activity; import a PSKS's Excel sheet."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.enums import ActivityKind
from desktop.core.domain.monthly import month_name
from desktop.core.i18n import number
from desktop.core.services.activities import activities_by_id, activity_ids, delete_activity, workers
from desktop.core.services.activity_import import import_activities
from desktop.core.services.office import desa_list
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import choices, label
from desktop.gui.ops import Operations
from desktop.gui.psks_work.activity_dialog import ActivityDialog
from desktop.gui.shared.flow import FlowLayout, size_columns, stretch
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.shared.widgets import combo, list_view

COLUMNS = [
    Column(N_("Tanggal"), lambda r: f"{r.activity_date:%d-%m-%Y}"),
    Column(N_("PSKS"), lambda r: f"{r.type_code} · {r.worker}", tooltip=lambda r: r.worker),
    Column(N_("Desa"), lambda r: r.desa or ""),
    Column(N_("Jenis"), lambda r: label(r.kind)),
    Column(N_("Kegiatan"), lambda r: r.title, tooltip=lambda r: r.title),
    Column(N_("Orang"), lambda r: number(r.persons), align_right=True),
    Column(N_("Keluarga"), lambda r: number(r.families), align_right=True),
    Column(N_("Foto"), lambda r: str(r.photos) if r.photos else "", align_right=True),
]


def month_choices(today: dt.date, count: int = 24) -> list[tuple[str, tuple[int, int] | None]]:
    out: list[tuple[str, tuple[int, int] | None]] = [(tr("Semua bulan"), None)]
    y, m = today.year, today.month
    for _ in range(count):
        out.append((f"{month_name(m)} {y}", (y, m)))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out


class ActivitiesTab(QWidget):
    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model = LazyTableModel(COLUMNS, lambda ids: ops.read(lambda s: activities_by_id(s, ids)), self)
        self.table = list_view(QTableView())
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.worker = QComboBox()
        self.desa = QComboBox()
        self.kind = combo([(tr("Semua jenis"), None), *choices(ActivityKind)])
        self.month = combo(month_choices(dt.date.today()))
        self._fill_filters()
        for box in (self.worker, self.desa, self.kind, self.month):
            box.currentIndexChanged.connect(lambda _: self.refresh())
        new = QPushButton(tr("Kegiatan baru…"))
        new.clicked.connect(lambda: self.edit(None))
        change = QPushButton(tr("Ubah…"))
        change.clicked.connect(self.edit_selected)
        remove = QPushButton(tr("Hapus"))
        remove.clicked.connect(lambda: self.delete_selected())
        load = QPushButton(tr("Impor dari Excel PSKS…"))
        load.clicked.connect(lambda: self.import_sheet())
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(FlowLayout().add(self.worker, self.desa, self.kind, self.month))
        layout.addLayout(FlowLayout().add(new, change, remove, stretch(), load))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        size_columns(self.table, {0: "30-11-2026", 1: "TKSK · NAMA PSKS PANJANG", 2: "Loa Ipuh Darat",
                                  3: "Rapat koordinasi", 4: "Asesmen lansia terlantar di RT", 5: "1.000",
                                  6: "Keluarga", 7: "Foto"}, stretch_last=False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    def _fill_filters(self) -> None:
        people, places = self.ops.read(lambda s: (workers(s, active_only=False),
                                                  [(r.name, r.code) for r in desa_list(s)]))
        for box, items, everyone in ((self.worker, [(w.label, w.id) for w in people], tr("Semua PSKS")),
                                     (self.desa, places, tr("Semua desa"))):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everyone, None)
            for text, value in items:
                box.addItem(text, value)
            box.setCurrentIndex(max(0, box.findData(keep)))
            box.blockSignals(False)
        self.worker.setMaximumWidth(320)

    def refresh(self, reload_filters: bool = False) -> None:
        if reload_filters:
            self._fill_filters()
        keep = self.selected_id()
        month = self.month.currentData()
        first = last = None
        if month:
            first = dt.date(month[0], month[1], 1)
            last = dt.date(month[0] + (month[1] == 12), month[1] % 12 + 1, 1) - dt.timedelta(days=1)
        kind = self.kind.currentData()
        ids = self.ops.read(lambda s: activity_ids(s, self.worker.currentData(), first, last,
                                                   desa_code=self.desa.currentData(),
                                                   kind=ActivityKind(kind) if kind else None))
        self.model.set_ids(ids)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
        self.summary.setText(tr("{n} kegiatan").format(n=number(len(ids))))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def edit_selected(self) -> None:
        activity_id = self.selected_id()
        if activity_id is None:
            QMessageBox.information(self, "Simpul", tr("Pilih satu kegiatan di daftar."))
            return
        self.edit(activity_id)

    def edit(self, activity_id: int | None, show: bool = True) -> ActivityDialog:
        dialog = ActivityDialog(self.ops, activity_id, self.worker.currentData(), self)
        if show and dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            row = self.model.row_of(dialog.saved_id)
            if row is not None:
                self.table.selectRow(row)
        return dialog

    def delete_selected(self, confirm: bool = True) -> bool:
        activity_id = self.selected_id()
        if activity_id is None:
            return False
        if confirm and QMessageBox.question(self, tr("Hapus kegiatan"), tr(
                "Hapus kegiatan ini beserta fotonya? Riwayat perubahan tetap tercatat.")) \
                != QMessageBox.StandardButton.Yes:
            return False
        return bool(self.ops.write(lambda s: delete_activity(s, activity_id), parent=self,
                                   changes=Changes.reshaped(Kind.ACTIVITY, [activity_id])))

    def import_sheet(self, path: str | None = None) -> object:
        """A PSKS's sheet into the log for the PSKS chosen in the filter; every row accounted for."""
        psks_id = self.worker.currentData()
        if psks_id is None:
            QMessageBox.information(self, "Simpul", tr("Pilih dulu PSKS yang melapor di saringan PSKS."))
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Impor kegiatan"), "", tr("Excel (*.xlsx)"))
            if not path:
                return None
        done = self.ops.write(lambda s: import_activities(s, path, str(psks_id)), parent=self,
                              changes=Changes.reshaped(Kind.ACTIVITY))
        if not done:
            return None
        result = done.value
        lines = [tr("{taken} kegiatan diambil, {refused} baris ditolak.").format(
            taken=result.taken, refused=len(result.refused))]
        lines += [tr("Baris {row}: {reason}").format(row=r.row, reason=r.reason) for r in result.refused[:15]]
        if len(result.refused) > 15:
            lines.append(tr("… dan {n} baris lain.").format(n=len(result.refused) - 15))
        QMessageBox.information(self, tr("Impor kegiatan"), "\n".join(lines))
        return result
