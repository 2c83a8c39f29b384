"""What the Bantuan tabs share: colours, ready-made reasons, and the lists (a table view over a
lazy model, selection by id)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QDateEdit, QHeaderView, QLabel, QTableView

from desktop.core.errors import SimpulError, ValidationError
from desktop.gui.shared.lazy_model import Column, LazyTableModel
from desktop.gui.shared.widgets import list_view, show_not_saved

# Ready-made reasons are recorded as they are, so they stay Indonesian like the records themselves.
REOPEN_REASONS = ["Penerima susulan", "Koreksi catatan pengambilan"]
# What the documents print for cash: data, so in Indonesian whatever the screen's language.
CASH_ITEM = "Uang tunai"
OPEN = QColor("#FFF2CC")  # a line waiting for a decision
EXCLUDED = QColor("#808080")
GREEN, GREY, RED, AMBER, BLUE = (QColor(c) for c in ("#006100", "#595959", "#9C0006", "#7F6000", "#1F3864"))


class RowsModel(LazyTableModel):
    """A short list already in hand (a search's matches): the same view, no database."""

    def __init__(self, columns: Sequence[Column], key: Callable[[Any], int], parent=None) -> None:
        super().__init__(columns, lambda ids: {i: self._rows[i] for i in ids if i in self._rows}, parent)
        self._key = key
        self._rows: dict[int, Any] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self._rows = {self._key(r): r for r in rows}
        self.set_ids([self._key(r) for r in rows])


def table_view(model: LazyTableModel, multi: bool = False) -> QTableView:
    view = list_view(QTableView(), multi)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setHighlightSections(False)
    return view


def set_widths(view: QTableView, widths: Sequence[int], stretch: int | None = None) -> None:
    """Fixed widths: fitting columns to their contents would read every row of a long list."""
    for c, width in enumerate(widths):
        view.setColumnWidth(c, width)
    if stretch is not None:
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def fit_columns(view: QTableView, widest: int, stretch: int) -> None:
    """Columns as wide as the rows on screen need (never reading rows that are not shown), none
    wider than `widest` (the tooltip or the detail shows the rest)."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(0)  # 0: the visible rows only
    view.resizeColumnsToContents()
    for c in range(view.model().columnCount()):
        view.setColumnWidth(c, min(view.columnWidth(c), widest))
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def selected_ids(view: QTableView) -> list[int]:
    model = view.model()
    return [model.id_at(i.row()) for i in sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())]


def current_id(view: QTableView) -> int | None:
    ids = selected_ids(view)
    return ids[0] if ids else None


def select_id(view: QTableView, record_id: int | None) -> bool:
    row = view.model().row_of(record_id) if record_id is not None else None
    if row is None:
        return False
    view.selectRow(row)
    view.scrollTo(view.model().index(row, 0))
    return True


def reload(view: QTableView, ids: list[int]) -> None:
    """A new id list, the current record kept selected (else the first row), without the
    selection signals firing for the moment in between."""
    model, selection = view.model(), view.selectionModel()
    current = current_id(view)
    selection.blockSignals(True)
    model.set_ids(ids)
    if not select_id(view, current) and model.rowCount():
        view.selectRow(0)
    selection.blockSignals(False)


def select_ids(view: QTableView, ids: Sequence[int]) -> None:
    """Select these records again where they still are (after the list was read anew)."""
    model, selection = view.model(), view.selectionModel()
    for record_id in ids:
        row = model.row_of(record_id)
        if row is not None:
            selection.select(model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)


def date_edit(value: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(value) if value else QDate.currentDate())
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    return edit


def show_in(label: QLabel) -> Callable[[BaseException], None]:
    """An `on_error` for ops: the user's error in the dialog's red label, every finding at once."""
    def show(exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            show_not_saved(label, exc)
        elif isinstance(exc, SimpulError):
            label.setText(exc.message)
    return show
