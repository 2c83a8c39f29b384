"""The DTKS cycle room: complaints (pengaduan), verivali rounds per desa with their musdes papers,
and the proposals (usulan baru) that go to SIKS-NG."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from desktop.core.changes import Changes, Kind
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations
from desktop.gui.shared.page import Page
from desktop.gui.verivali.complaints import ComplaintsTab
from desktop.gui.verivali.proposals import ProposalsTab
from desktop.gui.verivali.rounds import RoundsTab


class VerivaliPage(Page):
    SHOWS = frozenset({Kind.COMPLAINT, Kind.VERIVALI, Kind.PROPOSAL, Kind.PERSON, Kind.FAMILY})

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, parent)
        self.complaints = ComplaintsTab(ops)
        self.rounds = RoundsTab(ops)
        self.proposals = ProposalsTab(ops)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.complaints, tr("Pengaduan"))
        self.tabs.addTab(self.rounds, tr("Verivali per desa"))
        self.tabs.addTab(self.proposals, tr("Usulan baru"))
        QVBoxLayout(self).addWidget(self.tabs)

    def refresh(self) -> None:
        self.complaints.refresh()
        self.rounds.refresh()
        self.proposals.refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.COMPLAINT):
            self.complaints.refresh()
        if changes.touches(Kind.VERIVALI, Kind.PERSON, Kind.FAMILY):
            ids = changes.ids(Kind.VERIVALI)
            if ids:  # lines edited in place: only those rows
                self.rounds.lines.refresh_ids(ids)
            elif ids is None or changes.touches(Kind.PERSON, Kind.FAMILY):
                self.rounds.refresh()
        if changes.touches(Kind.PROPOSAL):
            ids = changes.ids(Kind.PROPOSAL)
            self.proposals.model.refresh_ids(ids) if ids else self.proposals.refresh()
