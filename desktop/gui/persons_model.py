"""Persons as a table that loads pages on demand (Qt's fetch-more pattern)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.db.engine import Database
from desktop.core.services.queries import PersonRow, count_persons, person_page

Index = QModelIndex | QPersistentModelIndex

BATCH = 200


class PersonListModel(QAbstractTableModel):
    HEADERS = ("NIK", "Nama", "L/P", "Tanggal lahir", "Desa/Kelurahan", "RT/RW", "No. KK")

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._rows: list[PersonRow] = []
        self._total = 0
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        with self._db.read() as s:
            self._total = count_persons(s)
            self._rows = person_page(s, 0, BATCH)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        with self._db.read() as s:
            rows = person_page(s, len(self._rows), BATCH)
        if not rows:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            if row.nik is None:
                return "Tanpa NIK"
            if row.nik_mismatch:
                return "NIK tidak cocok dengan tanggal lahir atau jenis kelamin"
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    @staticmethod
    def _display(row: PersonRow, col: int) -> str:
        match col:
            case 0:
                return row.nik or "(tanpa NIK)"
            case 1:
                return row.name
            case 2:
                return row.sex
            case 3:
                return row.birth_date.strftime("%d-%m-%Y") if row.birth_date else ""
            case 4:
                return row.desa or ""
            case 5:
                return f"{row.rt or '-'}/{row.rw or '-'}" if row.rt or row.rw else ""
            case _:
                return row.no_kk or ""
