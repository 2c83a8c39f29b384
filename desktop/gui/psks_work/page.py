"""Kerja PSKS: what the TKSK, PSM, Karang Taruna… do in the field (the activity log), the home
visits the office plans and records, and the laporan bulanan the office closes and sends."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from desktop.core.changes import Changes, Kind
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations
from desktop.gui.psks_work.activities import ActivitiesTab
from desktop.gui.psks_work.months import MonthsTab
from desktop.gui.psks_work.visits import VisitsTab
from desktop.gui.shared.page import Page

# What each tab shows besides its own kind: names of PSKS, persons and families on the rows; the
# month's figures count nearly everything.
ACTIVITY_KINDS = (Kind.ACTIVITY, Kind.PSKS, Kind.PERSON, Kind.FAMILY)
VISIT_KINDS = (Kind.VISIT, Kind.PERSON, Kind.FAMILY, Kind.REFERRAL)


class PsksWorkPage(Page):
    SHOWS = frozenset({Kind.ACTIVITY, Kind.VISIT, Kind.MONTH_REPORT, Kind.PSKS, Kind.PERSON, Kind.FAMILY,
                       Kind.PPKS, Kind.REFERRAL, Kind.EVENT, Kind.PROGRAMME, Kind.COMPLAINT, Kind.VERIVALI})
    LOAD_ON_SHOW = True

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, parent)
        self.activities = ActivitiesTab(ops)
        self.visits = VisitsTab(ops)
        self.months = MonthsTab(ops)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.activities, tr("Kegiatan"))
        self.tabs.addTab(self.visits, tr("Kunjungan rumah"))
        self.tabs.addTab(self.months, tr("Laporan bulanan"))
        QVBoxLayout(self).addWidget(self.tabs)

    def refresh(self) -> None:
        self.activities.refresh(reload_filters=True)
        self.visits.refresh()
        self.months.refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(*ACTIVITY_KINDS):
            edited = changes.ids(Kind.ACTIVITY)
            if changes.kinds == {Kind.ACTIVITY} and edited:  # rows edited in place: just those rows
                self.activities.model.refresh_ids(edited)
            else:
                self.activities.refresh(reload_filters=changes.touches(Kind.PSKS))
        if changes.touches(*VISIT_KINDS):  # a visit done or cancelled may leave the filtered list
            self.visits.refresh()
        self.months.refresh()  # closing states and live figures: everything above counts
