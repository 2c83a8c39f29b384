"""The main window: the office, its registry, and the database in use."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from desktop.core.db.engine import Database
from desktop.core.services.queries import office_summary
from desktop.gui.persons_model import PersonListModel


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Indonesian thousands separator


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        with db.read() as s:
            summary = office_summary(s)
        office = summary.office_name if summary else "Simpul"
        self.setWindowTitle(f"Simpul — {office}")

        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setObjectName("officeHeader")
        if summary:
            self.header.setText(
                f"<b style='font-size:14pt'>{summary.office_name}</b><br>"
                f"Kecamatan {summary.kecamatan}, {summary.regency} · "
                f"{_n(summary.families)} keluarga · {_n(summary.persons)} penduduk · "
                f"{_n(summary.ppks)} catatan PPKS · {_n(summary.psks)} PSKS")

        self.persons = PersonListModel(db, self)
        self.table = QTableView()
        self.table.setModel(self.persons)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 150), (2, 40), (3, 100), (4, 140), (5, 70), (6, 150)):
            self.table.setColumnWidth(col, width)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addWidget(QLabel("Daftar penduduk"))
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.statusBar().showMessage(f"Basis data: {db.display_name}")
        self.resize(1280, 720)
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
