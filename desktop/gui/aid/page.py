"""Bantuan: aid programmes and their recipient lists (built, cross-checked, decided, made final),
and the distribution events with their papers and the check-in desk."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.core.db.engine import Database
from desktop.gui.aid.events import EventsTab
from desktop.gui.i18n import tr
from desktop.gui.aid.programmes import ProgrammesTab


class AidPage(QWidget):
    """The Bantuan section: Program and Penyaluran as two tabs."""

    data_changed = Signal()
    registry_changed = Signal()

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.programmes = ProgrammesTab(db)
        self.events = EventsTab(db)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.programmes, tr("Program dan daftar penerima"))
        self.tabs.addTab(self.events, tr("Penyaluran"))
        self.programmes.data_changed.connect(self.events.refresh)
        self.programmes.data_changed.connect(self.data_changed)
        self.programmes.registry_changed.connect(self.registry_changed)
        self.events.data_changed.connect(self.programmes.refresh)
        self.events.data_changed.connect(self.data_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        self.programmes.refresh()
        self.events.refresh()
