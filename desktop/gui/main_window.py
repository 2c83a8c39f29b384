"""The main window: the office at the top, sections on the left, the database in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from desktop.gui.i18n import N_, tr
from desktop.core.db.engine import Database
from desktop.core.i18n import number
from desktop.core.services.queries import office_summary
from desktop.gui.aid_page import AidPage
from desktop.gui.dashboard_page import DashboardPage
from desktop.gui.exchange_page import ExchangePage
from desktop.gui.families_page import FamiliesPage
from desktop.gui.lazy_model import LazyTableModel
from desktop.gui.persons_page import PersonsPage
from desktop.gui.psks_page import PsksPage
from desktop.gui.referrals_page import ReferralsPage
from desktop.gui.setup_wizard import SettingsPage


def _n(value: int) -> str:
    return number(value)


class MainWindow(QMainWindow):
    SECTIONS = (N_("Beranda"), N_("Penduduk & PPKS"), N_("Keluarga"), "PSKS", N_("Rujukan"), N_("Bantuan"),
                N_("Impor & Ekspor"), N_("Pengaturan"))

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setObjectName("officeHeader")

        self.nav = QListWidget()
        self.nav.addItems([tr(s) for s in self.SECTIONS])
        self.nav.setFixedWidth(170)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.pages = QStackedWidget()
        self.dashboard = DashboardPage(db)
        self.persons_page = PersonsPage(db)
        self.families_page = FamiliesPage(db)
        self.psks_page = PsksPage(db)
        self.referrals_page = ReferralsPage(db)
        self.aid_page = AidPage(db)
        self.exchange = ExchangePage(db)
        self.settings = SettingsPage(db)
        for page in (self.dashboard, self.persons_page, self.families_page, self.psks_page, self.referrals_page,
                     self.aid_page, self.exchange, self.settings):
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.dashboard.show_persons.connect(self.show_persons)
        self.dashboard.show_referrals.connect(lambda: self.nav.setCurrentRow(self.SECTIONS.index("Rujukan")))
        self.referrals_page.data_changed.connect(self.dashboard.refresh)
        self.exchange.data_changed.connect(self.refresh)
        self.aid_page.registry_changed.connect(self.refresh)
        self.persons_page.data_changed.connect(self.refresh_header)
        self.persons_page.data_changed.connect(self.dashboard.refresh)
        self.settings.saved.connect(self.refresh_header)
        self.families_page.data_changed.connect(self.refresh)
        self.psks_page.data_changed.connect(self.refresh_header)
        self.psks_page.data_changed.connect(self.dashboard.refresh)

        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(tr("Basis data: {db}").format(db=db.display_name))
        QShortcut(QKeySequence("Ctrl+I"), self, activated=lambda: self.exchange.open_wizard())
        for i in range(len(self.SECTIONS)):  # Ctrl+1 … Ctrl+8 jump between sections
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=lambda i=i: self.nav.setCurrentRow(i))
            self.nav.item(i).setToolTip(f"Ctrl+{i + 1}")
        self.refresh_header()
        self.resize(1280, 720)
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    @property
    def persons(self) -> LazyTableModel:
        return self.persons_page.model

    def refresh_header(self) -> None:
        with self.db.read() as s:
            summary = office_summary(s)
        self.setWindowTitle(f"Simpul — {summary.office_name if summary else 'Simpul'}")
        if summary:
            counts = tr("Kecamatan {kecamatan}, {regency} · {families} keluarga · {persons} penduduk · "
                        "{ppks} catatan PPKS · {psks} PSKS").format(
                kecamatan=summary.kecamatan, regency=summary.regency, families=_n(summary.families),
                persons=_n(summary.persons), ppks=_n(summary.ppks), psks=_n(summary.psks))
            self.header.setText(f"<b style='font-size:14pt'>{summary.office_name}</b><br>{counts}")

    def refresh(self) -> None:
        self.refresh_header()
        self.persons_page.refresh()
        self.families_page.refresh()
        self.referrals_page.refresh()
        self.aid_page.refresh()
        self.dashboard.refresh()

    def show_persons(self, person_filter) -> None:
        """Open the persons list with a filter (from a dashboard warning)."""
        self.nav.setCurrentRow(self.SECTIONS.index("Penduduk & PPKS"))
        self.persons_page.apply_filter(person_filter)

    def closeEvent(self, event) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
