"""Reading what a list view shows, for the Bantuan tests."""

from PySide6.QtWidgets import QTableView


def cell(view: QTableView, row: int, column: int) -> str:
    """The text a cell shows."""
    return view.model().index(row, column).data()
