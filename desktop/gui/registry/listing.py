"""What the registry's three lists share: ids from a service query (the newest answer wins), rows
read by id in blocks, the selection kept by id, and a redraw of just the rows a write touched."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QTableView, QWidget

from desktop.core.changes import Changes, Kind
from desktop.gui.i18n import tr
from desktop.gui.ops import Operations
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.shared.page import Page
from desktop.gui.shared.widgets import list_view

IdQuery = Callable[[Any], list[int]]  # session -> ids, in the order shown


def desa_combo(choices: Sequence[tuple[str, str]], first: str) -> QComboBox:
    """The office's desa/kelurahan, after a first item (e.g. "all") that holds None."""
    box = QComboBox()
    box.addItem(first, None)
    for code, name in choices:
        box.addItem(name, code)
    return box


def debounced(parent: QWidget, slot: Callable[[], None], ms: int = 250) -> QTimer:
    """A timer that calls `slot` once typing pauses for `ms`."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer


class ListPage(Page):
    """A section whose main widget is a lazy list of one kind of record.

    A write names the rows it touched (see desktop.core.changes): rows of `KIND` edited in place are
    read again where they are; added or removed ones, or a change to a `RELATED` kind that could not
    say which rows, make the page ask for its ids again, keeping the selection."""

    KIND: Kind
    RELATED: tuple[Kind, ...] = ()  # shown on the rows; their writes name the rows they touch too
    SEARCH_IN_BACKGROUND = True  # a long list searches on the database worker
    refreshed = Signal(int)  # number of rows shown

    def __init__(self, ops: Operations, columns: Sequence[Column], rows: Callable[[Any, list[int]], dict],
                 multi: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._generation = 0
        self.model = LazyTableModel(columns, lambda ids: ops.read(lambda s: rows(s, ids)), self)
        self.table = list_view(QTableView(), multi)
        self.table.setModel(self.model)

    # -- asking for ids ---------------------------------------------------------------------------
    def id_query(self) -> IdQuery:
        """The query for the ids the widgets ask for now (read on the GUI thread, run anywhere)."""
        raise NotImplementedError

    def refresh(self, wait: bool = False) -> None:
        """Ask the database for the ids again; only the newest answer is shown."""
        self._generation += 1
        generation, query = self._generation, self.id_query()
        if wait or not self.SEARCH_IN_BACKGROUND:
            self._show(generation, self.ops.read(query))
            return
        self.ops.run(lambda s, _progress: query(s), parent=self, label=tr("Mencari…"), session="read",
                     show_progress=False, on_done=lambda ids: self._show(generation, ids))

    def _show(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        selected, current = self.selected_ids(), self.current_id()
        self.model.set_ids(ids)
        selection = self.table.selectionModel()
        rows = [r for i in selected if (r := self.model.row_of(i)) is not None]
        for row in rows:
            selection.select(self.model.index(row, 0),
                             QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:  # the side panel follows the current row
            selection.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        else:  # gone, or nothing was current (a 0-row search, a Ctrl+click that deselected it)
            self.current_gone()
        self.shown(len(ids))
        self.refreshed.emit(len(ids))

    def shown(self, count: int) -> None:
        """The list holds `count` rows now (a page shows the number)."""

    def current_gone(self) -> None:
        """No row of the list is current any more: the side panel shows nothing."""

    # -- selection ----------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        return [self.model.id_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    def current_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.id_at(index.row())
        selected = self.selected_ids()
        return selected[0] if selected else None

    # -- changes ------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        ids = changes.ids(self.KIND)
        unknown_reach = not changes.touches(self.KIND) and any(
            changes.named(k) is None for k in self.RELATED if changes.touches(k))
        if ids is None or unknown_reach:
            self.refresh()  # the side panel follows when the selection is put back
            return
        if ids:
            self.model.refresh_ids(ids)
        self.side_changes(changes)

    def side_changes(self, changes: Changes) -> None:
        """Rows were edited in place: redraw the side panel if it shows one of them."""
