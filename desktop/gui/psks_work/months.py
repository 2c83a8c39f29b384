"""Tab Laporan bulanan: the months of a year with their state (open, closed, revised), the live
figures of the chosen month, "Tutup bulan" and "Revisi…", the papers (PDF, xlsx, the annual
workbook) and a TKSK's or PSM's monthly report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes, Kind
from desktop.core.domain.clock import local_text
from desktop.core.domain.monthly import digest, month_name
from desktop.core.i18n import number
from desktop.core.io.pdf.work_common import summary_rows
from desktop.core.services.activities import workers
from desktop.core.services.month_figures import month_figures
from desktop.core.services.monthly_report import close_month, month_states, office_today, revise_month
from desktop.core.services.report_papers import month_pdf, month_xlsx, year_xlsx
from desktop.core.services.tksk_report import epsks_xlsx, tksk_report_pdf
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations
from desktop.gui.shared.flow import FlowLayout, stretch
from desktop.gui.shared.widgets import combo, file_name, pdf_preview, save_pdf


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class MonthsTab(QWidget):
    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = ops.read(office_today)
        self.year = combo([(str(y), y) for y in range(self.today.year, self.today.year - 4, -1)])
        self.year.currentIndexChanged.connect(lambda _: self.refresh())
        self.months = _table([tr("Bulan"), tr("Keadaan"), tr("Ditutup oleh"), tr("Pada"), tr("SHA-256")])
        self.months.itemSelectionChanged.connect(self.show_figures)
        self.figures = _table([tr("Uraian"), tr("Jumlah")])
        self.figures.horizontalHeader().setStretchLastSection(False)
        self.figures.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.figures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.close_button = QPushButton(tr("Tutup bulan…"))
        self.close_button.clicked.connect(lambda: self.close_selected())
        self.revise_button = QPushButton(tr("Revisi…"))
        self.revise_button.clicked.connect(lambda: self.revise_selected())
        pdf = QPushButton(tr("Cetak PDF…"))
        pdf.clicked.connect(lambda: self.print_month())
        xlsx = QPushButton(tr("Simpan xlsx…"))
        xlsx.clicked.connect(lambda: self.save_month_xlsx())
        annual = QPushButton(tr("Laporan tahunan (xlsx)…"))
        annual.clicked.connect(lambda: self.save_year_xlsx())
        self.worker = combo([])
        self.worker.setMaximumWidth(380)
        tksk_pdf = QPushButton(tr("Laporan TKSK/PSM (PDF)…"))
        tksk_pdf.clicked.connect(lambda: self.print_tksk())
        epsks = QPushButton(tr("Baris E-PSKS (xlsx)…"))
        epsks.clicked.connect(lambda: self.save_epsks())
        tksk_box = QGroupBox(tr("Laporan kegiatan bulanan satu TKSK/PSM untuk bulan terpilih"))
        tksk_box.setLayout(FlowLayout(spacing=6).add(self.worker, tksk_pdf, epsks, stretch()))
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.state)
        side.addWidget(self.figures, 1)
        split = QSplitter()
        split.addWidget(self.months)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(FlowLayout().add(QLabel(tr("Tahun:")), self.year, self.close_button, self.revise_button, pdf,
                                          xlsx, stretch(), annual))
        layout.addWidget(split, 1)
        layout.addWidget(tksk_box)

    # -- the months -------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected_month()
        year = self.year.currentData()
        self.states = self.ops.read(lambda s: month_states(s, year, self.today))
        self.months.setRowCount(len(self.states))
        for r, st in enumerate(self.states):
            issue = st.closed
            if issue is None:
                state = tr("Terbuka") if st.ended else tr("Belum berakhir")
            elif issue.revision:
                state = tr("Revisi {n}").format(n=issue.revision)
            else:
                state = tr("Ditutup")
            if issue is not None and not issue.intact:
                state += " · " + tr("ISI BERUBAH")
            values = (f"{month_name(st.month)} {year}", state, issue.closed_by if issue else "",
                      local_text(issue.closed_at, "%d-%m-%Y %H.%M") if issue else "",
                      issue.sha256[:16] + "…" if issue else "")
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if issue is not None and c == 4:
                    item.setToolTip(issue.sha256)
                if issue is None and st.ended:
                    item.setForeground(Qt.GlobalColor.darkRed)  # ended and nobody closed it
                self.months.setItem(r, c, item)
        self.months.resizeColumnsToContents()
        workers_now = self.ops.read(lambda s: [w for w in workers(s) if w.type_code in ("TKSK", "PSM")])
        chosen = self.worker.currentData()
        self.worker.clear()
        for w in workers_now:
            self.worker.addItem(w.label, w.id)
        self.worker.setCurrentIndex(max(0, self.worker.findData(chosen)))
        last_ended = max((st.month for st in self.states if st.ended), default=1)
        self.months.selectRow((keep or last_ended) - 1)
        self.show_figures()

    def selected_month(self) -> int | None:
        rows = self.months.selectionModel().selectedRows() if self.months.selectionModel() else []
        return rows[0].row() + 1 if rows else None

    def _state(self):
        month = self.selected_month()
        return None if month is None else self.states[month - 1]

    def show_figures(self) -> None:
        st = self._state()
        self.close_button.setEnabled(bool(st and st.ended and st.closed is None))
        self.revise_button.setEnabled(bool(st and st.closed is not None))
        if st is None:
            return
        year = self.year.currentData()
        live = self.ops.read(lambda s: month_figures(s, year, st.month))
        rows = summary_rows(live)
        self.figures.setRowCount(len(rows))
        for r, (text, value) in enumerate(rows):
            self.figures.setItem(r, 0, QTableWidgetItem(text))
            item = QTableWidgetItem(number(value))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.figures.setItem(r, 1, item)
        if st.closed is None:
            self.state.setText(tr("Angka langsung {month}; belum ditutup.").format(
                month=f"{month_name(st.month)} {year}"))
        elif digest(live) == st.closed.sha256:
            self.state.setText(tr("Angka langsung sama dengan laporan yang ditutup."))
        else:
            self.state.setText(tr("Angka langsung sudah berbeda dari laporan yang ditutup (SHA-256 lain); "
                                  "terbitkan revisi bila perlu."))

    # -- closing and revising ----------------------------------------------------------------------
    def close_selected(self, confirm: bool = True) -> str | None:
        st, year = self._state(), self.year.currentData()
        if st is None:
            return None
        title = f"{month_name(st.month)} {year}"
        if confirm and QMessageBox.question(self, tr("Tutup bulan"), tr(
                "Tutup {month}? Angkanya dibekukan dan tidak dapat diubah lagi; koreksi hanya lewat revisi "
                "bernomor dengan alasan.").format(month=title)) != QMessageBox.StandardButton.Yes:
            return None
        done = self.ops.write(lambda s: close_month(s, year, st.month).sha256, parent=self,
                              changes=Changes.reshaped(Kind.MONTH_REPORT))
        if not done:
            return None
        if confirm:
            QMessageBox.information(self, tr("Tutup bulan"), tr("{month} sudah ditutup.\nSHA-256: {sha}").format(
                month=title, sha=done.value))
        return done.value

    def revise_selected(self, reason: str | None = None) -> bool:
        st, year = self._state(), self.year.currentData()
        if st is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getMultiLineText(self, tr("Revisi laporan bulanan"), tr(
                "Alasan revisi {month} (terbitan sebelumnya tetap tersimpan):").format(
                month=f"{month_name(st.month)} {year}"))
            if not ok:
                return False
        done = self.ops.write(lambda s: revise_month(s, year, st.month, reason).sha256, parent=self,
                              changes=Changes.reshaped(Kind.MONTH_REPORT),
                              on_error=lambda exc: self.state.setText(tr("Revisi belum tersimpan:") + " "
                                                                      + exc.message))
        if done and reason is not None:
            self.state.setText(tr("Revisi tersimpan. SHA-256: {sha}").format(sha=done.value))
        return bool(done)

    # -- papers ----------------------------------------------------------------------------------
    def _target(self, name: str, suffix: str, target: str | None) -> str | None:
        if target is not None:
            return target
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(self, tr("Simpan"), str(Path(folder) / f"{file_name(name)}.{suffix}"),
                                              "Excel (*.xlsx)" if suffix == "xlsx" else tr("Dokumen PDF (*.pdf)"))
        return path or None

    def print_month(self, on_made=None) -> None:
        st, year = self._state(), self.year.currentData()
        if st is None:
            return
        name = tr("Laporan bulanan {month}").format(month=f"{month_name(st.month)} {year}")
        self.ops.run(lambda s, _p: month_pdf(s, year, st.month), parent=self, label=tr("Menyusun laporan…"),
                     session="read", on_done=on_made or (lambda content: self._preview(content, name)))

    def _preview(self, content: bytes, name: str) -> None:
        preview = pdf_preview(self, content, name, lambda: save_pdf(self, content, name))
        if preview is not None:
            preview.exec()

    def save_month_xlsx(self, target: str | None = None, on_done=None) -> None:
        st, year = self._state(), self.year.currentData()
        path = st and self._target(f"Laporan bulanan {month_name(st.month)} {year}", "xlsx", target)
        if path:
            self.ops.run(lambda s, _p: month_xlsx(s, year, st.month, path), parent=self, session="read",
                         label=tr("Menyimpan xlsx…"), on_done=on_done or self._saved)

    def save_year_xlsx(self, target: str | None = None, on_done=None) -> None:
        year = self.year.currentData()
        path = self._target(f"Laporan tahunan {year}", "xlsx", target)
        if path:
            self.ops.run(lambda s, _p: year_xlsx(s, year, path), parent=self, session="read",
                         label=tr("Menyimpan xlsx…"), on_done=on_done or self._saved)

    def _saved(self, path) -> None:
        self.state.setText(tr("Tersimpan: {file}").format(file=Path(path).name))

    def print_tksk(self, on_made=None) -> None:
        st, year, psks_id = self._state(), self.year.currentData(), self.worker.currentData()
        if st is None or psks_id is None:
            return
        name = tr("Laporan {who} {month}").format(who=self.worker.currentText(), month=f"{month_name(st.month)} {year}")
        self.ops.run(lambda s, _p: tksk_report_pdf(s, psks_id, year, st.month), parent=self,
                     label=tr("Menyusun laporan…"), on_done=on_made or (lambda content: self._preview(content, name)))

    def save_epsks(self, target: str | None = None, on_done=None) -> None:
        st, year, psks_id = self._state(), self.year.currentData(), self.worker.currentData()
        path = st and psks_id and self._target(f"E-PSKS {self.worker.currentText()} {st.month:02d}-{year}", "xlsx",
                                               target)
        if path:
            self.ops.run(lambda s, _p: (epsks_xlsx(s, psks_id, year, st.month, path), path)[1], parent=self,
                         label=tr("Menyimpan xlsx…"), on_done=on_done or self._saved)

