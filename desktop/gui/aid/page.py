"""Bantuan: aid programmes and their recipient lists (built, cross-checked, decided, made final),
and the distribution events with their papers and the check-in desk."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.core.access import Right
from desktop.core.changes import Changes, Kind
from desktop.gui.aid.events import EventsTab
from desktop.gui.aid.programmes import ProgrammesTab
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations
from desktop.gui.shared.page import Page


class AidPage(Page):
    """The Bantuan section: Program and Penyaluran as two tabs. Each tab reads when it is first
    shown; a change announced while it is hidden is caught up when it is shown again."""

    # The lists show where recipients live (person, family) besides programmes and events.
    SHOWS = frozenset({Kind.PROGRAMME, Kind.EVENT, Kind.PERSON, Kind.FAMILY})

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.programmes = ProgrammesTab(ops)
        self.events = EventsTab(ops)
        self.tabs = QTabWidget()
        if ops.can(Right.AID_LISTS):  # a Petugas meja works at the desk only
            self.tabs.addTab(self.programmes, tr("Program dan daftar penerima"))
        else:
            self.programmes.hide()
        self.tabs.addTab(self.events, tr("Penyaluran"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        self.on_changes(Changes.of(Kind.PROGRAMME, Kind.EVENT))

    def on_changes(self, changes: Changes) -> None:
        self.programmes.apply_changes(changes)
        self.events.apply_changes(changes)
