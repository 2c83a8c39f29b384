"""The desk's side panel: the latest steps, and everyone due at the event (ids in roster order,
rows read in blocks as the list scrolls, and only while that tab is open)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.core.domain.clock import local_text
from desktop.core.domain.enums import CollectStatus
from desktop.core.services.distribution_desk import DeskRow, LogRow, desk_ids, desk_rows_by_id
from desktop.gui.aid.common import current_id, select_id, set_widths, table_view
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.aid.desk_widgets import LOG_COLOURS, set_font
from desktop.gui.i18n import N_, tr
from desktop.gui.labels import choices, label
from desktop.gui.ops import Operations

COLUMNS = [Column(N_("No."), lambda r: str(r.row_no), align_right=True),
           Column(N_("Desa/Kelurahan"), lambda r: r.desa or ""), Column(N_("Nama"), lambda r: r.name),
           Column(N_("Status"), lambda r: label(r.status))]


class DeskSide(QTabWidget):
    show_requested = Signal(int)  # an allocation picked in the log or the list
    undo_requested = Signal()  # "Batalkan langkah terpilih"

    def __init__(self, ops: Operations, event_id: int, parent=None) -> None:
        super().__init__(parent)
        self.ops, self.event_id = ops, event_id
        self.log = QListWidget()
        self.log.setWordWrap(True)
        self.log.setAlternatingRowColors(True)
        set_font(self.log, 11)
        self.log.itemDoubleClicked.connect(lambda _: self._show(self.selected_log_allocation()))
        undo_step = QPushButton(tr("Batalkan langkah terpilih…"))
        undo_step.clicked.connect(self.undo_requested)
        log_page = QWidget()
        log_layout = QVBoxLayout(log_page)
        log_layout.addWidget(self.log, 1)
        log_layout.addWidget(undo_step)
        self.list_status = QComboBox()
        self.list_status.addItem(tr("Semua"), None)
        for text, member in choices(CollectStatus):
            self.list_status.addItem(text, member)
        self.list_status.setCurrentIndex(self.list_status.findData(CollectStatus.DUE))  # who has not come yet
        self.list_status.currentIndexChanged.connect(lambda _: self.refresh_list())
        self.model = LazyTableModel(COLUMNS, self._fetch, self)
        self.everyone = table_view(self.model)
        set_widths(self.everyone, [50, 120, 200], stretch=2)
        self.everyone.doubleClicked.connect(lambda _: self.show_from_list())
        show = QPushButton(tr("Tampilkan"))
        show.clicked.connect(lambda: self.show_from_list())
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.addWidget(self.list_status)
        list_layout.addWidget(self.everyone, 1)
        list_layout.addWidget(show)
        self.addTab(log_page, tr("Langkah terakhir"))
        self.addTab(list_page, tr("Daftar penerima"))
        self.currentChanged.connect(lambda _: self.refresh_list())

    def show_steps(self, steps: Sequence[LogRow]) -> None:
        """The newest steps first; the step selected before stays selected."""
        selected = self.selected_log_allocation()
        self.log.clear()
        for step in steps:
            action = label(step.action)
            text = f"{local_text(step.at, '%H.%M')}  " + (f"{step.name} — {action}" if step.allocation_id else
                                                           tr("Penyaluran {action}").format(action=action))
            if step.note:
                text += f": {step.note}"
            item = QListWidgetItem(text + f"  ({step.actor})")
            item.setData(Qt.ItemDataRole.UserRole, step.allocation_id)
            item.setToolTip(local_text(step.at))
            item.setForeground(LOG_COLOURS[step.action])
            self.log.addItem(item)
            if selected is not None and step.allocation_id == selected and not self.log.selectedItems():
                item.setSelected(True)

    def selected_log_allocation(self) -> int | None:
        items = self.log.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _fetch(self, ids: list[int]) -> dict[int, DeskRow]:
        return self.ops.read(lambda s: desk_rows_by_id(s, ids))

    def refresh_list(self) -> None:
        """The ids of everyone with the chosen status, in roster order; rows as they are shown."""
        if self.currentIndex() != 1:
            return
        current = current_id(self.everyone)
        eid, status = self.event_id, self.list_status.currentData()
        ids = self.ops.read(lambda s: desk_ids(s, eid, status))
        if ids == self.model.ids:
            self.model.invalidate()
            return
        self.model.set_ids(ids)
        select_id(self.everyone, current)

    def show_from_list(self) -> None:
        self._show(current_id(self.everyone))

    def _show(self, allocation_id: int | None) -> None:
        if allocation_id is not None:
            self.show_requested.emit(allocation_id)
