"""A table model that holds ids and fetches rows lazily, in blocks, as the view shows them.

Search, filter and sort happen in the database (the page asks for a new id list); the model only
maps rows to ids, caches what was fetched, and keeps the selection by id across refreshes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from desktop.gui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
BLOCK = 120


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    sort_key: str | None = None  # the service's sort name; None: not sortable
    align_right: bool = False
    tooltip: Callable[[Any], str | None] | None = None
    background: Callable[[Any], QColor | None] | None = None  # e.g. a line waiting for a decision
    foreground: Callable[[Any], QColor | None] | None = None


class LazyTableModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # sort key, descending

    def __init__(self, columns: Sequence[Column], fetch: Callable[[list[int]], dict[int, Any]], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, Any] = {}

    # -- ids ------------------------------------------------------------------------------------
    def set_ids(self, ids: list[int], rows: dict[int, Any] | None = None, extend: bool = False) -> None:
        """Show these ids (and these rows, read already). `extend`: the whole answer after its
        first screen; if it goes on from the ids shown, rows are added below and the view, the
        selection and the rows read stay."""
        old = len(self._ids)
        if extend and 0 < old <= len(ids) and ids[:old] == self._ids:
            if len(ids) > old:
                self.beginInsertRows(QModelIndex(), old, len(ids) - 1)
                self._ids = ids
                self._row_of.update((pid, r) for r, pid in enumerate(ids[old:], old))
                self.endInsertRows()
            self._cache.update(rows or {})
            return
        self.beginResetModel()
        self._ids = ids
        self._row_of = {pid: r for r, pid in enumerate(ids)}
        self._cache.clear()
        self._cache.update(rows or {})
        self.endResetModel()

    def invalidate(self) -> None:
        """Rows changed in the database: drop the cache, keep the ids."""
        self._cache.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def refresh_ids(self, ids) -> None:
        """These records were edited: read just their rows again where they are on screen, and
        leave every other row, the scroll position and the selection alone (calibre's refresh_ids)."""
        rows = sorted(r for i in ids if (r := self._row_of.get(i)) is not None)
        if not rows:
            return
        cached = [self._ids[r] for r in rows if self._ids[r] in self._cache]
        if cached:
            for record_id in cached:
                del self._cache[record_id]
            self._cache.update(self._fetch(cached))
        for r in rows:
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int | None:
        return self._row_of.get(record_id)

    @property
    def ids(self) -> list[int]:
        return self._ids

    def row_data(self, row: int) -> Any:
        record_id = self._ids[row]
        if record_id not in self._cache:
            start = max(0, row - BLOCK // 3)
            block = [i for i in self._ids[start:start + BLOCK] if i not in self._cache]
            self._cache.update(self._fetch(block))
            if len(self._cache) > 20 * BLOCK:  # keep memory flat while scrolling a long list
                keep = set(self._ids[start:start + BLOCK])
                self._cache = {k: v for k, v in self._cache.items() if k in keep}
        return self._cache.get(record_id)

    # -- Qt -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(self.columns[section].title)
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].sort_key is None:
                return tr("Kolom ini tidak bisa diurutkan")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_data(index.row())
            return col.text(row) if row is not None else tr("(terhapus)")
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        paint = {Qt.ItemDataRole.ToolTipRole: col.tooltip, Qt.ItemDataRole.BackgroundRole: col.background,
                 Qt.ItemDataRole.ForegroundRole: col.foreground}.get(Qt.ItemDataRole(role))
        if paint is not None:
            row = self.row_data(index.row())
            return paint(row) if row is not None else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column].sort_key:
            self.sort_requested.emit(self.columns[column].sort_key, order == Qt.SortOrder.DescendingOrder)
