"""Preview of a generated PDF — the very bytes that are saved or printed — with Print and Save."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop.gui.i18n import tr
from desktop.gui.shared.flow import fit_to_screen


class PdfPreview(QDialog):
    def __init__(self, pdf: bytes, title: str, on_save: Callable[[], object] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = QLabel(tr("{pages} halaman").format(pages=self.document.pageCount()))
        print_button = QPushButton(tr("Cetak…"))
        print_button.clicked.connect(self.print_dialog)
        buttons = QHBoxLayout()
        buttons.addWidget(pages)
        buttons.addStretch(1)
        if on_save is not None:
            save = QPushButton(tr("Simpan PDF…"))
            save.clicked.connect(on_save)
            buttons.addWidget(save)
        buttons.addWidget(print_button)
        close = QPushButton(tr("Tutup"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 760, 900)

    def print_dialog(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.print_to(printer)
        return True

    def print_to(self, printer: QPrinter) -> int:
        """Each page drawn at the printer's resolution, at its true size (no shrink-to-fit)."""
        printer.setFullPage(True)  # the PDF has its own margins: draw from the paper's corner
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        dpi = printer.resolution()
        try:
            for i in range(self.document.pageCount()):
                if i:
                    printer.newPage()
                points = self.document.pagePointSize(i)
                size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                painter.drawImage(QPointF(0, 0), self.document.render(i, size))
        finally:
            painter.end()
        return self.document.pageCount()
