"""The main window: the office at the top, sections on the left, the database in the status bar.

A section is built the first time it is opened (its module is imported then too), so the window
opens at the cost of the first screen alone. Every write announces what it changed through the
operations layer; the window hands that to the sections already built."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from desktop.core.changes import Changes, Kind
from desktop.core.db.engine import Database
from desktop.core.i18n import number
from desktop.core.services.queries import office_summary
from desktop.gui.i18n import N_, tr
from desktop.gui.ops import Operations, wait_idle


@dataclass(frozen=True)
class Section:
    title: str
    factory: str  # "module:Class", imported when the section is first opened


SECTIONS = (
    Section(N_("Beranda"), "desktop.gui.dashboard:DashboardPage"),
    Section(N_("Penduduk & PPKS"), "desktop.gui.registry.persons:PersonsPage"),
    Section(N_("Keluarga"), "desktop.gui.registry.families:FamiliesPage"),
    Section("PSKS", "desktop.gui.registry.psks:PsksPage"),
    Section(N_("Rujukan"), "desktop.gui.referrals.page:ReferralsPage"),
    Section(N_("Bantuan"), "desktop.gui.aid.page:AidPage"),
    Section(N_("Impor & Ekspor"), "desktop.gui.exchange.page:ExchangePage"),
    Section(N_("Pengaturan"), "desktop.gui.settings.page:SettingsPage"),
)
HOME, PERSONS, FAMILIES, PSKS, REFERRALS, AID, EXCHANGE, SETTINGS = range(len(SECTIONS))
HEADER_KINDS = (Kind.OFFICE, Kind.PERSON, Kind.FAMILY, Kind.PPKS, Kind.PSKS)


class MainWindow(QMainWindow):
    SECTIONS = tuple(s.title for s in SECTIONS)

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.ops = Operations(db, self)
        self.ops.changed.connect(self.route_changes)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setObjectName("officeHeader")

        self.nav = QListWidget()
        self.nav.addItems([tr(s.title) for s in SECTIONS])
        self.nav.setFixedWidth(170)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.pages = QStackedWidget()
        self._built: dict[int, QWidget] = {}
        for _ in SECTIONS:
            self.pages.addWidget(QWidget())  # stands in until the section is first opened
        self.nav.currentRowChanged.connect(self.open_section)

        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(tr("Basis data: {db}").format(db=self.ops.display_name))
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self.start_import)
        for i in range(len(SECTIONS)):  # Ctrl+1 … Ctrl+8 jump between sections
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=lambda i=i: self.nav.setCurrentRow(i))
            self.nav.item(i).setToolTip(f"Ctrl+{i + 1}")
        self.refresh_header()
        self.nav.setCurrentRow(HOME)
        self.resize(1280, 720)
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    # -- sections ---------------------------------------------------------------------------
    def section(self, index: int) -> QWidget:
        """The section's page, built on first use."""
        page = self._built.get(index)
        if page is None:
            module, name = SECTIONS[index].factory.split(":")
            page = getattr(importlib.import_module(module), name)(self.ops)
            self._built[index] = page
            placeholder = self.pages.widget(index)
            self.pages.insertWidget(index, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self._connect(index, page)
        return page

    def open_section(self, index: int) -> None:
        if 0 <= index < len(SECTIONS):
            self.pages.setCurrentWidget(self.section(index))

    def _connect(self, index: int, page: QWidget) -> None:
        if index == HOME:
            page.show_persons.connect(self.show_persons)
            page.show_referrals.connect(lambda: self.nav.setCurrentRow(REFERRALS))
            page.start_import.connect(self.start_import)
            page.add_person.connect(self.add_person)

    @property
    def dashboard(self):
        return self.section(HOME)

    @property
    def persons_page(self):
        return self.section(PERSONS)

    @property
    def families_page(self):
        return self.section(FAMILIES)

    @property
    def psks_page(self):
        return self.section(PSKS)

    @property
    def referrals_page(self):
        return self.section(REFERRALS)

    @property
    def aid_page(self):
        return self.section(AID)

    @property
    def exchange(self):
        return self.section(EXCHANGE)

    @property
    def settings(self):
        return self.section(SETTINGS)

    @property
    def persons(self):
        return self.persons_page.model

    # -- changes ----------------------------------------------------------------------------
    def route_changes(self, changes: Changes) -> None:
        """After a write: the header's counts, then every section already built."""
        if changes.touches(*HEADER_KINDS):
            self.refresh_header()
        for page in self._built.values():
            page.apply_changes(changes)

    def refresh_header(self) -> None:
        summary = self.ops.read(office_summary)
        self.setWindowTitle(f"Simpul — {summary.office_name if summary else 'Simpul'}")
        if summary:
            counts = tr("Kecamatan {kecamatan}, {regency} · {families} keluarga · {persons} penduduk · "
                        "{ppks} catatan PPKS · {psks} PSKS").format(
                kecamatan=summary.kecamatan, regency=summary.regency, families=number(summary.families),
                persons=number(summary.persons), ppks=number(summary.ppks), psks=number(summary.psks))
            self.header.setText(f"<b style='font-size:14pt'>{summary.office_name}</b><br>{counts}")

    def refresh(self) -> None:
        """Everything again (after a change whose reach is unknown)."""
        self.route_changes(Changes.everything())

    def start_import(self):
        """From the empty office's first steps (or Ctrl+I): Impor & Ekspor with the wizard open."""
        self.nav.setCurrentRow(EXCHANGE)
        return self.exchange.open_wizard()

    def add_person(self):
        """From the empty office's first steps: the persons list with the new-person form open."""
        self.nav.setCurrentRow(PERSONS)
        return self.persons_page.edit(None)

    def show_persons(self, person_filter) -> None:
        """Open the persons list with a filter (from a dashboard warning)."""
        self.nav.setCurrentRow(PERSONS)
        self.persons_page.apply_filter(person_filter)

    def closeEvent(self, event) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        wait_idle()  # a job under way finishes (or rolls back) before the window goes
        super().closeEvent(event)
