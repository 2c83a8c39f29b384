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
    key: str  # access.SECTION_RIGHTS: who may open it


SECTIONS = (
    Section(N_("Beranda"), "desktop.gui.dashboard:DashboardPage", "home"),
    Section(N_("Penduduk & PPKS"), "desktop.gui.registry.persons:PersonsPage", "persons"),
    Section(N_("Keluarga"), "desktop.gui.registry.families:FamiliesPage", "families"),
    Section("PSKS", "desktop.gui.registry.psks:PsksPage", "psks"),
    Section(N_("Kerja PSKS"), "desktop.gui.psks_work.page:PsksWorkPage", "psks_work"),
    Section(N_("Rujukan"), "desktop.gui.referrals.page:ReferralsPage", "referrals"),
    Section(N_("Bantuan"), "desktop.gui.aid.page:AidPage", "aid"),
    Section(N_("Pengaduan & Verivali"), "desktop.gui.verivali.page:VerivaliPage", "verivali"),
    Section(N_("Impor & Ekspor"), "desktop.gui.exchange.page:ExchangePage", "exchange"),
    Section(N_("Pengaturan"), "desktop.gui.settings.page:SettingsPage", "settings"),
)
HOME, PERSONS, FAMILIES, PSKS, PSKS_WORK, REFERRALS, AID, VERIVALI, EXCHANGE, SETTINGS = range(len(SECTIONS))
HEADER_KINDS = (Kind.OFFICE, Kind.PERSON, Kind.FAMILY, Kind.PPKS, Kind.PSKS)


class MainWindow(QMainWindow):
    SECTIONS = tuple(s.title for s in SECTIONS)

    def __init__(self, db: Database, parent=None, damage=None, actor=None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.ops = Operations(db, self)
        self.ops.changed.connect(self.route_changes)
        self._wrote = False  # a day without changes needs no new backup at closing
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setObjectName("officeHeader")
        self.header.setWordWrap(True)  # a long regency name wraps instead of widening the window

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
        self.banner = None
        if damage is not None:  # opened read-only: say so above everything, with the way out
            from desktop.core.services import check
            from desktop.gui.settings.backups import DamageBanner

            self.banner = DamageBanner(self.ops.call(lambda d: check.banner_text(d, damage), parent=self).value)
            self.banner.open_backups.connect(self.show_backups)
            layout.addWidget(self.banner)
        if actor is not None and actor.demo:  # the demo must never pass for an office's registry
            demo = QLabel(tr("DEMO — data contoh buatan, bukan data warga sebenarnya. Semua hak terbuka."))
            demo.setObjectName("demoBanner")
            demo.setStyleSheet("background: #FFF4CE; color: #7A4F01; font-weight: bold; padding: 4px 8px;")
            layout.addWidget(demo)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(tr("Basis data: {db}").format(db=self.ops.display_name))
        self.idle_lock = None
        if actor is not None and actor.role is not None:
            from desktop.gui.labels import label
            from desktop.gui.login import IdleLock

            self.statusBar().addPermanentWidget(QLabel(tr("Masuk sebagai {name} ({role})").format(
                name=actor.name, role=label(actor.role))))
            self.idle_lock = IdleLock(self, self.ops, actor)
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self.start_import)
        for i in range(min(len(SECTIONS), 10)):  # Ctrl+1 … Ctrl+9, Ctrl+0 jump between sections
            key = f"Ctrl+{(i + 1) % 10}"
            QShortcut(QKeySequence(key), self, activated=lambda i=i: self.may_open(i) and self.nav.setCurrentRow(i))
            self.nav.item(i).setToolTip(key)
        for i in range(len(SECTIONS)):  # what the role may not open is not offered
            self.nav.item(i).setHidden(not self.may_open(i))
        self.refresh_header()
        if damage is None:
            self.nav.setCurrentRow(next((i for i in range(len(SECTIONS)) if self.may_open(i)), HOME))
        else:  # the counts of a damaged file may not read: start where the way out is
            self.show_backups()
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

    def may_open(self, index: int) -> bool:
        from desktop.core import access

        return access.may_open(self.ops.actor, SECTIONS[index].key)

    def open_section(self, index: int) -> None:
        if 0 <= index < len(SECTIONS) and self.may_open(index):
            self.pages.setCurrentWidget(self.section(index))

    def _connect(self, index: int, page: QWidget) -> None:
        if index == HOME:
            page.show_persons.connect(self.show_persons)
            page.show_referrals.connect(lambda: self.may_open(REFERRALS) and self.nav.setCurrentRow(REFERRALS))
            page.start_import.connect(self.start_import)
            page.add_person.connect(self.add_person)
            page.show_section.connect(self.show_follow_up)

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
        self._wrote = True
        if self.banner is not None:  # a restore lifts the read-only mode
            from desktop.core.services import check

            self.banner.setVisible(self.ops.call(check.is_read_only, parent=self).value)
        if changes.touches(*HEADER_KINDS):
            self.refresh_header()
        for page in self._built.values():
            page.apply_changes(changes)

    def refresh_header(self) -> None:
        summary = self.ops.read_or(office_summary, None)
        self.setWindowTitle(f"Simpul — {summary.office_name if summary else 'Simpul'}")
        from desktop.core.access import Right

        if summary and not self.ops.can(Right.AGGREGATES):  # the desk: the office, not its figures
            self.header.setText(f"<b style='font-size:14pt'>{summary.office_name}</b>")
        elif summary:
            counts = tr("Kecamatan {kecamatan}, {regency} · {families} keluarga · {persons} penduduk · "
                        "{ppks} catatan PPKS · {psks} PSKS").format(
                kecamatan=summary.kecamatan, regency=summary.regency, families=number(summary.families),
                persons=number(summary.persons), ppks=number(summary.ppks), psks=number(summary.psks))
            self.header.setText(f"<b style='font-size:14pt'>{summary.office_name}</b><br>{counts}")

    def redraw(self) -> None:
        """Every built section reads again, nothing having been written (NIKs masked again)."""
        for page in self._built.values():
            if hasattr(page, "niks_masked"):
                page.niks_masked()
            page.apply_changes(Changes.everything())

    def refresh(self) -> None:
        """Everything again (after a change whose reach is unknown)."""
        self.route_changes(Changes.everything())

    def start_import(self):
        """From the empty office's first steps (or Ctrl+I): Impor & Ekspor with the wizard open."""
        from desktop.core.access import Right

        if not self.ops.can(Right.IMPORT):
            return None
        self.nav.setCurrentRow(EXCHANGE)
        return self.exchange.open_wizard()

    def add_person(self):
        """From the empty office's first steps: the persons list with the new-person form open."""
        from desktop.core.access import Right

        if not self.ops.can(Right.REGISTRY_EDIT):
            return None
        self.nav.setCurrentRow(PERSONS)
        return self.persons_page.edit(None)

    def show_persons(self, person_filter) -> None:
        """Open the persons list with a filter (from a dashboard warning)."""
        if not self.may_open(PERSONS):
            return
        self.nav.setCurrentRow(PERSONS)
        self.persons_page.apply_filter(person_filter)

    def show_follow_up(self, name: str) -> None:
        """A Beranda follow-up opens the section where it is handled."""
        index = {"verivali": VERIVALI, "psks": PSKS, "psks_work": PSKS_WORK}[name]
        if self.may_open(index):
            self.nav.setCurrentRow(index)

    def show_backups(self) -> None:
        if not self.may_open(SETTINGS):
            return
        self.nav.setCurrentRow(SETTINGS)
        self.settings.show_backups()

    def closeEvent(self, event) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        wait_idle()  # a job under way finishes (or rolls back) before the window goes
        if self._wrote:  # the day's automatic backup (at most one a day; never of a damaged file)
            from desktop.core.services import backup

            self.ops.call(lambda database: backup.auto(database), parent=self)
        super().closeEvent(event)
