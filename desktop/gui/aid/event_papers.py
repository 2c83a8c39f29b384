"""The papers of a distribution event: coupons, the roster, the BAST (each shown in the preview),
and the results as Excel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
)

from desktop.core.changes import NOTHING, Changes, Kind
from desktop.core.services.distribution import EventRow
from desktop.gui.i18n import N_, tr
from desktop.gui.ops import Operations
from desktop.gui.shared.widgets import ExportStatus, file_name, pdf_preview, save_pdf

TITLES = {"coupons": N_("Kupon pengambilan"), "roster": N_("Daftar penerima"),
          "bast": N_("Berita acara serah terima")}


class EventPapers(QGroupBox):
    """The Dokumen box of the Penyaluran tab, for the event `current()` returns."""

    document_ready = Signal(str, bytes)  # kind, PDF

    def __init__(self, ops: Operations, current: Callable[[], EventRow | None], parent=None) -> None:
        super().__init__(tr("Dokumen"), parent)
        self.ops, self.current = ops, current
        self.preview = None
        self.paper = QComboBox()
        self.paper.addItem("F4 (215 × 330 mm)", "f4")
        self.paper.addItem("A4", "a4")
        self.orientation = QComboBox()
        self.orientation.addItem(tr("Mendatar (lanskap)"), True)
        self.orientation.addItem(tr("Tegak (potret)"), False)
        self.masked = QComboBox()
        self.masked.addItem(tr("NIK lengkap"), False)
        self.masked.addItem(tr("NIK disamarkan (untuk ditempel)"), True)
        self.thumbprint = QCheckBox(tr("Kolom cap jempol"))
        self.thumbprint.setChecked(True)
        self.pages_per_desa = QCheckBox(tr("Nomor halaman per desa"))
        self.pages_per_desa.setToolTip(tr("Setiap desa/kelurahan mulai dari halaman 1, untuk dibagikan per desa."))
        self.coupons_button = QPushButton(tr("Cetak kupon…"))
        self.coupons_button.clicked.connect(lambda: self.make_document("coupons"))
        self.roster_button = QPushButton(tr("Cetak daftar penerima…"))
        self.roster_button.clicked.connect(lambda: self.make_document("roster"))
        self.bast_button = QPushButton(tr("Berita acara (BAST)…"))
        self.bast_button.setToolTip(tr("Sebelum penyaluran ditutup, berita acara dicetak SEMENTARA tanpa nomor; "
                                       "nomornya diambil saat pertama dicetak sesudah ditutup."))
        self.bast_button.clicked.connect(lambda: self.make_document("bast"))
        self.export_button = QPushButton(tr("Ekspor hasil ke Excel…"))
        self.export_button.clicked.connect(lambda: self.ask_export())
        self.buttons = (self.coupons_button, self.roster_button, self.bast_button, self.export_button)
        self.export_status = ExportStatus()
        options = QFormLayout()
        options.addRow(tr("Kertas:"), self.paper)
        options.addRow(tr("Arah daftar:"), self.orientation)
        options.addRow(tr("NIK di daftar:"), self.masked)
        options.addRow("", self.thumbprint)
        options.addRow("", self.pages_per_desa)
        grid = QGridLayout()
        grid.addWidget(self.coupons_button, 0, 0)
        grid.addWidget(self.roster_button, 0, 1)
        grid.addWidget(self.bast_button, 1, 0)
        grid.addWidget(self.export_button, 1, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(options)
        right = QVBoxLayout()
        right.addLayout(grid)
        right.addWidget(self.export_status)
        right.addStretch(1)
        layout.addLayout(right)

    def set_enabled(self, enabled: bool) -> None:
        for b in self.buttons:
            b.setEnabled(enabled)

    def document_options(self) -> dict:
        return {"paper": self.paper.currentData(), "landscape": self.orientation.currentData(),
                "masked": self.masked.currentData(), "thumbprint": self.thumbprint.isChecked(),
                "pages_per_desa": self.pages_per_desa.isChecked()}

    def make_document(self, kind: str, show: bool = True) -> None:
        """The PDF made on the database worker (the print is recorded in the audit log), then shown
        in the preview (or, without QtPdf, saved and opened in the system's viewer).
        `document_ready` tells when it is there. The job reports its progress page by page and
        stops at Cancel (nothing is recorded, no BAST number is taken)."""
        row = self.current()
        if row is None:
            return
        eid, options = row.id, self.document_options()

        def job(s, progress) -> bytes:
            from desktop.core.services import aid_documents as docs

            if kind == "coupons":
                return docs.coupons_pdf(s, eid, paper=options["paper"], progress=progress)
            if kind == "roster":
                return docs.roster_pdf(s, eid, paper=options["paper"], landscape=options["landscape"],
                                       masked=options["masked"], thumbprint=options["thumbprint"],
                                       pages_per_desa=options["pages_per_desa"], progress=progress)
            return docs.bast_pdf(s, eid, paper=options["paper"], progress=progress)

        # The BAST takes its number from the letter register on its first print.
        self.ops.run(job, parent=self, label=tr("Menyiapkan dokumen…"),
                     changes=Changes.reshaped(Kind.LETTER) if kind == "bast" else NOTHING,
                     on_done=lambda content: self._document_done(kind, row, content, show))

    def _document_done(self, kind: str, row: EventRow, content: bytes, show: bool) -> None:
        title = f"{tr(TITLES[kind])} – {row.name}"
        self.document_ready.emit(kind, content)
        self.preview = pdf_preview(self, content, title, lambda: self.save_document(title, content))
        if self.preview is None:
            return
        if show:
            self.preview.exec()

    def save_document(self, title: str, content: bytes, target: str | None = None) -> Path | None:
        return save_pdf(self, content, title, target)

    def ask_export(self) -> None:
        row = self.current()
        if row is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggestion = str(Path(folder) / f"{file_name(tr('Hasil penyaluran') + ' ' + row.name)}.xlsx")
        name, _ = QFileDialog.getSaveFileName(self, tr("Simpan sebagai"), suggestion, "Excel (*.xlsx)")
        if name:
            self.start_export(Path(name if name.lower().endswith(".xlsx") else name + ".xlsx"))

    def start_export(self, path: Path) -> None:
        row = self.current()
        if row is None:
            return
        eid = row.id
        self.export_status.working()

        def job(db, _progress):
            from desktop.core.services.aid_documents import export_results

            return export_results(db, eid, path)

        self.ops.run(job, parent=self, label=tr("Mengekspor ke Excel…"), session=None,
                     on_done=self.export_status.done, on_error=self.export_status.failed)
