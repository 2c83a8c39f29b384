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

IdQuery = Callable[[Any], list[int] | None]  # session -> ids, in the order shown (None: given up)
FirstQuery = Callable[[Any], Any]  # session -> a first screen: .ids, .complete, .count


def desa_combo(choices: Sequence[tuple[str, str]], first: str) -> QComboBox:
    """The office's desa/kelurahan, after a first item (e.g. "all") that holds None."""
    box = QComboBox()
    box.addItem(first, None)
    for code, name in choices:
        box.addItem(name, code)
    return box


def debounced(parent: QWidget, slot: Callable[[], None], ms: int = 150) -> QTimer:
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
        self._asked: object = ()  # query_key of the last search asked for
        self._kept: tuple[list[int], int | None] | None = None  # selection before a first screen
        self._rows = rows
        self.model = LazyTableModel(columns, lambda ids: ops.read(lambda s: rows(s, ids)), self)
        self.table = list_view(QTableView(), multi)
        self.table.setModel(self.model)

    # -- asking for ids ---------------------------------------------------------------------------
    def id_query(self) -> IdQuery:
        """The query for the ids the widgets ask for now (read on the GUI thread, run anywhere)."""
        raise NotImplementedError

    def first_query(self) -> FirstQuery | None:
        """A quick query for the first screen of what `id_query` asks, or None (see refresh)."""
        return None

    def stale(self) -> Callable[[], bool]:
        """True from the moment a newer search is asked for (a query may give up then)."""
        generation = self._generation
        return lambda: generation != self._generation

    def refresh(self, wait: bool = False) -> None:
        """Ask the database for the ids again; only the newest answer is shown. When the search or
        the sort changed and the page has a `first_query`, its first screen is shown as soon as it
        is read, and the whole list (the count, the scroll bar) follows without moving the view."""
        self._generation += 1
        generation, query, first = self._generation, self.id_query(), self.first_query()
        asked = self.query_key()
        if asked == self._asked:
            first = None  # the same search again (after a write): the rows in view stay
        self._asked = asked
        if wait or not self.SEARCH_IN_BACKGROUND:
            self._show(generation, self.ops.read(query))
            return
        if first is None:
            self._read_all(generation, query)
            return
        stale, rows = self.stale(), self._rows

        def screen(s) -> tuple[Any, dict] | None:
            if stale():
                return None
            found = first(s)
            return found, rows(s, found.ids)

        self.ops.run(lambda s, _progress: screen(s), parent=self, label=tr("Mencari…"), session="read",
                     show_progress=False, on_done=lambda done: self._show_first(generation, query, done))

    def _read_all(self, generation: int, query: IdQuery, extend: bool = False) -> None:
        stale = self.stale()
        self.ops.run(lambda s, _progress: None if stale() else query(s), parent=self, label=tr("Mencari…"),
                     session="read", show_progress=False,
                     on_done=lambda ids: self._show(generation, ids, extend))

    def _show_first(self, generation: int, query: IdQuery, done: tuple[Any, dict] | None) -> None:
        if done is None or generation != self._generation:
            return
        screen, rows = done
        if screen.complete:
            self._show(generation, screen.ids, rows=rows)
            return
        self._kept = (self.selected_ids(), self.current_id())
        self._put(screen.ids, rows, False, final=False)
        self.shown_first(screen.ids, screen.count)
        self._read_all(generation, query, extend=True)

    def _show(self, generation: int, ids: list[int] | None, extend: bool = False, rows: dict | None = None) -> None:
        if ids is None or generation != self._generation:
            return  # a newer search is on its way
        self._put(ids, rows, extend, final=True)
        self.shown(len(ids))
        self.refreshed.emit(len(ids))

    def _put(self, ids: list[int], rows: dict | None, extend: bool, final: bool) -> None:
        """Show `ids`, keeping the selection by id; with a first screen (not `final`) the rows
        selected before it are kept in mind until the whole list is in."""
        selected, current = self.selected_ids(), self.current_id()
        if final and self._kept is not None:
            kept, self._kept = self._kept, None
            if not selected:
                selected, current = kept
        self.model.set_ids(ids, rows, extend)
        selection = self.table.selectionModel()
        present = [r for i in selected if (r := self.model.row_of(i)) is not None]
        for row in present:
            selection.select(self.model.index(row, 0),
                             QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:  # the side panel follows the current row
            selection.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        elif final:  # gone, or nothing was current (a 0-row search, a Ctrl+click that deselected it)
            self.current_gone()

    def query_key(self) -> object:
        """What the widgets ask for now (a new key: a new search, worth a first screen)."""
        return None

    def shown_first(self, ids: list[int], count: int | None) -> None:
        """The first screen is in; the whole list follows (`count`: its size if known already)."""

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
