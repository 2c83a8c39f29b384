"""What an import (or its dry run) did, as the wizard shows it: the counts that add up, the report
of rows to check, and the PPKS values to map when the file has some no spelling names."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.i18n import number
from desktop.core.services.imports import ImportResult
from desktop.gui.exchange.category_dialog import CategoryMappingDialog
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations


class ResultView(QWidget):
    """Counts of a (dry) run, with the report button, and the PPKS values to map when the file
    has some no spelling names (`on_mapped` runs after the user mapped them)."""

    def __init__(self, ops: Operations, imported: bool, on_mapped=None) -> None:
        super().__init__()
        self.ops, self.imported, self.on_mapped = ops, imported, on_mapped
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.report = QPushButton(tr("Buka laporan baris bermasalah"))
        self.report.clicked.connect(self.open_report)
        self.report.hide()
        self.categories = QPushButton()
        self.categories.clicked.connect(self.map_categories)
        self.categories.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(self.report)
        row.addWidget(self.categories)
        row.addStretch(1)
        layout.addLayout(row)
        self.result: ImportResult | None = None

    def show_result(self, r: ImportResult, heading: str) -> None:
        self.result = r

        n = number
        self.summary.setText(f"<b>{heading}</b><br>" + tr(
            "{rows} baris dibaca = {inserted} baru + {updated} diperbarui + {unchanged} tetap + "
            "<b>{rejected} ditolak</b>.<br>{warnings} baris ditandai untuk diperiksa; {ignored} baris "
            "kosong/jumlah diabaikan.").format(
                rows=n(r.rows), inserted=n(r.inserted), updated=n(r.updated), unchanged=n(r.unchanged),
                rejected=n(r.rejected), warnings=n(r.warnings), ignored=n(r.ignored)))
        if r.report_error:
            self.summary.setText(self.summary.text() + "<br>" + html.escape(r.report_error))
        self.report.setVisible(bool(r.report))
        self.categories.setText(tr("Petakan kategori PPKS ({count} isian)…").format(count=number(len(r.unmapped))))
        self.categories.setVisible(bool(r.unmapped))

    def map_categories(self) -> CategoryMappingDialog | None:
        if self.result is None or not self.result.unmapped:
            return None
        dialog = CategoryMappingDialog(self.ops, self.result.unmapped, self, imported=self.imported)
        dialog.accepted.connect(lambda: self._mapped(dialog))
        dialog.open()
        return dialog

    def _mapped(self, dialog: CategoryMappingDialog) -> None:
        self.categories.setEnabled(not self.imported)  # after an import the rows have taken it
        if self.on_mapped is not None:
            self.on_mapped(dialog.mapped)

    def open_report(self) -> None:
        if self.result and self.result.report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.result.report))
